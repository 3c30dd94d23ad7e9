// Swedish words outside the catalog (the default): the formatters' labels and the CLI's own messages.

import { cliSv } from './cli-sv.js';
import { exampleCommand } from './example.js';
import type { Language } from './types.js';

/** The file system's refusals, worded once: what the code means and what to do about it. */
const ERRNO_SV: Readonly<Record<string, readonly [string, string]>> = {
  ENOTDIR: ['en del av sökvägen är en fil, inte en mapp', 'Kontrollera sökvägen.'],
  EISDIR: ['det är en mapp, inte en fil', 'Ange ett filnamn.'],
  EACCES: ['åtkomst nekad', 'Ge din användare skrivrätt där, eller välj en annan plats.'],
  EPERM: ['åtgärden är inte tillåten', 'Ge din användare skrivrätt där, eller välj en annan plats.'],
  EROFS: ['filsystemet är skrivskyddat', 'Välj en plats på ett skrivbart filsystem.'],
  ENOSPC: ['disken är full', 'Frigör utrymme och kör igen.'],
  EDQUOT: ['diskkvoten är slut', 'Frigör utrymme och kör igen.'],
  EEXIST: ['något annat finns redan där', 'Flytta undan det eller välj en annan plats.'],
  ENOTEMPTY: ['mappen är inte tom', 'Flytta undan den eller välj en annan plats.'],
  ELOOP: ['för många symboliska länkar i rad', 'Rätta länkarna eller välj en annan plats.'],
  ENAMETOOLONG: ['namnet är för långt', 'Välj en kortare sökväg.'],
  ENOENT: ['mappen finns inte och kan inte skapas där', 'Kontrollera sökvägen, eller välj en vanlig mapp.'],
  EMFILE: ['för många öppna filer', 'Höj gränsen (ulimit -n) och kör igen.'],
  ENFILE: ['för många öppna filer i systemet', 'Vänta en stund och kör igen.'],
  EBUSY: ['filen används av ett annat program', 'Stäng det och kör igen.'],
  ETXTBSY: ['filen används av ett annat program', 'Stäng det och kör igen.'],
  EIO: ['in- eller utmatningsfel på disken', 'Kontrollera disken och kör igen.'],
  EFBIG: ['filen blir för stor för filsystemet', 'Välj en plats på ett annat filsystem.'],
  EXDEV: ['platsen ligger på ett annat filsystem', 'Välj en vanlig mapp, utan monterade mappar i sig.'],
  EINVAL: ['filsystemet tillåter inte det', 'Välj en plats på ett vanligt filsystem.'],
};
const ACTION_SV: Readonly<Record<string, string>> = {
  'create-dir': 'skapa mappen',
  write: 'skriva till',
  read: 'läsa',
  move: 'flytta till',
  remove: 'ta bort',
  lock: 'låsa',
};
const errnoSv = (code: string | undefined): readonly [string, string] => ERRNO_SV[code ?? ''] ?? [`systemfel ${code ?? ''}`, 'Kontrollera platsen och kör igen.'];
/** What became of the output, said last. */
const stateSv = (a: { state?: string }): string =>
  a.state === 'rolled-back' ? ' Den tidigare webbplatsen är återställd.' : a.state === 'journal-kept' ? '' : ' Inget ändrades.';

export const sv: Language = {
  ui: {
    severity: { error: 'fel', warning: 'varning' },
    hint: 'Tips',
    related: { 'first-definition': 'Först definierat här', other: 'Se' },
    summary({ errors, warnings, filesWithProblems, files }) {
      const checked = `${files} ${files === 1 ? 'fil' : 'filer'} kontrollerade`;
      if (errors + warnings === 0) return `✔ Inga fel eller varningar (${checked}).`;
      const parts = [`${errors} fel`, `${warnings} ${warnings === 1 ? 'varning' : 'varningar'}`];
      return `${errors > 0 ? '✖' : '⚠'} ${parts.join(' och ')} i ${filesWithProblems} ${filesWithProblems === 1 ? 'fil' : 'filer'} (${checked}).`;
    },
    skippedHeader: 'Hoppade över (inte lofte-filer):',
    skipped: {
      'no-front-matter': 'Markdown utan front matter',
      'no-lofte-document': 'inget lofte-dokument (apiVersion lofte/… eller en lofte-kind saknas)',
      'not-lofte-yaml-error': 'YAML som inte kan läsas och inte ser ut som lofte',
    },
    usage: {
      'path-not-found': (a) => `Sökvägen "${a.path}" finns inte.`,
      'unsupported-file': (a) => `"${a.path}" är varken en mapp eller en .yaml-, .yml- eller .md-fil.`,
      'nothing-matched': (a) =>
        a.repositories !== undefined && a.repositories.length > 0
          ? `Inga lofte-dokument att kontrollera i ${a.paths}: ${a.repositories.join(', ')} ${a.repositories.length === 1 ? 'har en egen lofte.config.yaml och är ett eget förråd' : 'har var sin lofte.config.yaml och är egna förråd'}, och ett förråd kontrolleras för sig. Kör t.ex. \`${exampleCommand(a.command, a.repositories[0] ?? '.', '<mapp>')}\`.`
          : `Inga lofte-dokument att kontrollera i ${a.paths} (tom mapp, inga .yaml-, .yml- eller .md-filer med apiVersion lofte/…, eller ett mönster som inte passar någon fil). Kör \`lofte validate --verbose\` för att se vilka filer som hoppades över.`,
      'several-repositories': (a) =>
        `${a.repositories.join(', ')} är olika lofte-förråd (var sin lofte.config.yaml), och ett förråd kontrolleras för sig. Kör t.ex. \`${exampleCommand(a.command, a.repositories[0] ?? '.', '<mapp>')}\`.`,
      'unknown-format': (a) => `okänt format "${a.format}". Tillåtna: ${a.formats}.`,
      'format-without-file': (a) => `"${a.value}" saknar filnamn efter =.`,
      'one-stdout': () => 'bara ett format kan skrivas till standard ut; ge de andra ett filnamn, t.ex. --format sarif=lofte.sarif.',
      'unknown-kind': (a) => `okänd sort "${a.kind}". Välj ${a.kinds}.`,
      'unknown-kommun': (a) => `"${a.kommun}" är varken ett kommunnamn eller en kommunkod bland SCB:s 290 kommuner.`,
      'unknown-region': (a) => `okänd polisregion "${a.region}". Välj ${a.regions}.`,
      'unsafe-lpo': (a) => `--lpo "${a.lpo}" får bara innehålla bokstäver, siffror, mellanslag, punkt och bindestreck.`,
      'bad-id': (a) => `id "${a.id}" har fel form: skriv kebab-case med a–z, 0–9 och bindestreck.`,
    },
    warningsHidden: (count) => `lofte: ${count} ${count === 1 ? 'varning visas' : 'varningar visas'} inte (--quiet).\n`,
    warningsFailed: ({ warnings, max, strict }) =>
      strict ? `lofte: Körningen misslyckades på ${warnings} ${warnings === 1 ? 'varning' : 'varningar'} eftersom --strict är satt.\n` : `lofte: Körningen misslyckades: ${warnings} varningar är fler än --max-warnings ${max}.\n`,
    internalError: (message) =>
      `lofte: internt fel (${message}). Det här är en bugg i lofte, inte i dina filer. Kör igen med --debug och rapportera utskriften.`,
    threadsIgnored: (value) => `lofte: LOFTE_THREADS="${value}" är inte ett heltal från 1 till 16, så filerna kontrolleras i en tråd.\n`,
    cacheNotWritten: (a) => `lofte: cachen i ${a.location} kunde inte sparas (${a.code}); kontrollen gjordes ändå. Tips: ange en mapp du får skriva i med --cache-location.\n`,
    output: {
      'out-empty': (a) => `--out är tom. Ange mappen sidorna ska skrivas till, t.ex. --out webbplats.${stateSv(a)}`,
      'out-root': (a) => `--out ${a['path'] ?? ''} är filsystemets rot: där skriver lofte inte. Ange en egen mapp för webbplatsen, t.ex. --out webbplats.${stateSv(a)}`,
      'out-repo-root': (a) =>
        `--out ${a['path'] ?? ''} är förrådets rot, eller en mapp som innehåller det som kontrolleras (${a['source'] ?? ''}). Ange en egen mapp för webbplatsen, t.ex. --out webbplats, eller lägg till --allow-repo-root om sidorna verkligen ska ligga där.${stateSv(a)}`,
      'out-not-dir': (a) => `${a['path'] ?? ''} är en fil, inte en mapp. Ange en mapp, eller flytta undan filen.${stateSv(a)}`,
      'out-is-dir': (a) => `${a['path'] ?? ''} är en mapp, inte en fil. Ange ett filnamn, t.ex. ${a['path'] ?? ''}/lofte.json.${stateSv(a)}`,
      'not-ours': (a) =>
        `${a['path'] ?? ''} finns redan men skrevs inte av lofte (den står inte i ${a['manifest'] ?? '.lofte-manifest.json'}), och lofte skriver aldrig över andras filer. Flytta eller ta bort den, eller välj en annan --out.${stateSv(a)}`,
      symlink: (a) =>
        `${a['path'] ?? ''} är en symbolisk länk, och lofte skriver, flyttar eller tar aldrig bort något genom en länk. Ersätt länken med en vanlig mapp, eller välj en annan --out.${stateSv(a)}`,
      locked: (a) =>
        `En annan lofte report${a['pid'] ? ` (process ${a['pid']})` : ''} skriver redan till ${a['path'] ?? ''}. Vänta tills den är klar och kör igen; kör ingen annan lofte, ta bort låsfilen ${a['lock'] ?? ''}.${stateSv(a)}`,
      'unsafe-page': (a) =>
        `Sidan ${a['page'] ?? ''} kan inte skrivas: "${a['name'] ?? ''}" är inget säkert filnamn (bara a–z, 0–9 och enkla bindestreck, högst 200 tecken, och inget namn som Windows reserverar: con, prn, aux, nul, com1–9, lpt1–9). Ändra id:t i källfilen.${stateSv(a)}`,
      'swap-stuck': (a) =>
        `Bytet till den nya webbplatsen i ${a['path'] ?? ''} kunde varken slutföras eller ångras (${errnoSv(a['cause'])[0]}: ${a['at'] ?? ''}). Journalen ${a['journal'] ?? ''} finns kvar: rätta orsaken och kör igen, så slutför eller ångrar lofte bytet.`,
      fs: (a) => {
        const [what, todo] = errnoSv(a['code']);
        return `Kan inte ${ACTION_SV[a['action'] ?? ''] ?? 'skriva till'} ${a['path'] ?? ''}: ${what}. ${todo}${stateSv(a)}`;
      },
    },
  },
  cli: cliSv,
};
