// `lofte init [DIR]` sets up a repository for a lokalpolisområde; `lofte new <kind>` adds a document.

import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { configSchema } from '../config/index.js';
import { UsageError } from '../load/discover.js';
import { referenceData, type Kommun } from '../model/reference-data.js';
import { KINDS, type Kind } from '../model/kinds.js';
import { readSchema, SCHEMA_FILES } from '../schema/validators.js';
import { validateRepository } from '../validate.js';
import { repoContext } from './context.js';
import { localDate, type CliIo } from './io.js';
import { writeOutput } from './outputs.js';
import { EXIT, VERSION } from './run.js';
import { fill, newDocumentValues, readTemplate, schemaDirFor, slugify, templateFiles } from './templates.js';

const EXAMPLE_KOMMUN = 'Laxå';
const REGIONS = ['nord', 'mitt', 'stockholm', 'ost', 'vast', 'syd', 'bergslagen'];
/** Names go into YAML unquoted in the templates: keep them to what needs no quoting. */
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} .–-]*$/u;

function findKommun(value: string): Kommun {
  const data = referenceData();
  const wanted = value.trim().toLowerCase().replace(/ kommun$/, '');
  const kommun = data.kommuner.get(value.trim()) ?? [...data.kommuner.values()].find((k) => k.namn.toLowerCase() === wanted);
  if (!kommun) throw new UsageError('bad-option', { message: `"${value}" är varken ett kommunnamn eller en kommunkod bland SCB:s 290 kommuner.` });
  return kommun;
}

/** "Laxå" → "Laxå kommun", "Stockholm" → "Stockholms kommun", "Borås" → "Borås kommun". */
const kommunNamn = (k: Kommun): string => (/[aeiouyåäösxz]$/i.test(k.namn) ? `${k.namn} kommun` : `${k.namn}s kommun`);

function schemaFiles(): [string, string][] {
  return [
    [SCHEMA_FILES.common, readSchema(SCHEMA_FILES.common)],
    ...KINDS.map((k): [string, object] => [SCHEMA_FILES[k], readSchema(SCHEMA_FILES[k])]),
    ['config.schema.json', configSchema()],
  ].map(([f, s]) => [`.lofte/schemas/${String(f)}`, `${JSON.stringify(s, null, 2)}\n`]);
}

/**
 * The new repository's package.json: lofte's version pinned in one place (devDependencies, exact),
 * so `npm ci` in CI and `npx lofte` at the analyst's desk run the same lofte.
 */
function repositoryPackageJson(kommunId: string): string {
  const pkg = {
    name: `medborgarloften-${kommunId.replace(/-kommun$/, '')}`,
    private: true,
    description: 'Medborgarlöften som kontrolleras och publiceras med lofte.',
    scripts: { validate: 'lofte validate', report: 'lofte report --out site' },
    devDependencies: { lofte: VERSION },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

interface InitFlags {
  lpo?: string;
  kommun?: string;
  polisregion?: string;
  force?: boolean;
}

export function initCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('lägg upp ett nytt förråd för ett lokalpolisområde (frågar inget; allt anges med flaggor)')
    .argument('[mapp]', 'mappen att lägga upp (standard: den här)', '.')
    .option('--lpo <namn>', 'lokalpolisområdets namn, t.ex. "Lokalpolisområde Hallsberg"')
    .option('--kommun <kommun>', `kommunens namn eller kommunkod (standard: ${EXAMPLE_KOMMUN}, som exempel)`)
    .option('--polisregion <id>', `polisregionen: ${REGIONS.join(', ')} (standard: kommunens)`)
    .option('--force', 'skriv över filer som redan finns')
    .action(async (dir: string, flags: InitFlags) => {
      const kommun = findKommun(flags.kommun ?? EXAMPLE_KOMMUN);
      const polisregion = flags.polisregion ?? kommun.polisregion;
      if (!REGIONS.includes(polisregion)) throw new UsageError('bad-option', { message: `okänd polisregion "${polisregion}". Välj ${REGIONS.join(', ')}.` });
      const lpoNamn = flags.lpo ?? `Lokalpolisområde ${kommun.namn}`;
      if (!SAFE_NAME.test(lpoNamn)) throw new UsageError('bad-option', { message: `--lpo "${lpoNamn}" får bara innehålla bokstäver, siffror, mellanslag, punkt och bindestreck.` });
      const today = localDate(io.now());
      const year = Number(today.slice(0, 4));
      const values = {
        lpo_id: `lpo-${slugify(lpoNamn.replace(/^lokalpolisområde\s+/i, ''))}`,
        lpo_namn: lpoNamn,
        polisregion,
        kommun_id: `${slugify(kommun.namn)}-kommun`,
        kommun_namn: kommunNamn(kommun),
        kommun_kort: kommun.namn,
        kommunkod: kommun.kod,
        idag: today,
        ar: String(year),
        nasta_ar: String(year + 1),
        lofte_version: VERSION,
      };
      const root = path.resolve(io.cwd, dir);
      const files: [string, string][] = [
        ...templateFiles('init').map((rel): [string, string] => [rel, fill(readTemplate('init', rel), { ...values, schema_dir: schemaDirFor(rel) })]),
        ...schemaFiles(),
        ['package.json', repositoryPackageJson(values.kommun_id)],
        ['.gitignore', 'node_modules/\nsite/\n'],
      ];
      const existing = files.map(([rel]) => rel).filter((rel) => existsSync(path.join(root, rel)));
      if (existing.length > 0 && !flags.force) {
        io.stderr(`lofte: Filerna finns redan och skrivs inte över:\n${existing.map((f) => `  ${f}`).join('\n')}\nFlytta dem, eller kör igen med --force.\n`);
        setExit(EXIT.failure);
        return;
      }
      for (const [rel, content] of files) await writeOutput(root, rel, content);
      const shown = path.relative(io.cwd, root) || '.';
      io.stdout(
        `Lade upp ett lofte-förråd i ${shown} för ${lpoNamn} och ${values.kommun_namn} (${kommun.kod}):\n${files.map(([rel]) => `  ${rel}`).join('\n')}\n\n` +
          `Nästa steg:\n${shown === '.' ? '' : `  cd ${shown}\n`}  npm install\n  npx lofte validate\n  npx lofte report --out site\n`,
      );
      if (!flags.kommun) io.stdout(`\nKommunen är ett exempel (${EXAMPLE_KOMMUN}); ange --kommun för er egen.\n`);
      setExit(EXIT.ok);
    });
}

export const EDITOR_HINT = 'Editorstöd medan du skriver: `lofte lsp` (VS Code-tillägget lofte, eller se README för andra editorer).\n';

const FOLDERS: Readonly<Record<Kind, string>> = { Aktor: 'aktorer', Problembild: 'problembilder', Medborgarlofte: 'medborgarloften', Uppfoljning: 'uppfoljningar' };
const TEMPLATE: Readonly<Record<Kind, string>> = { Aktor: 'aktor.yaml', Problembild: 'problembild.md', Medborgarlofte: 'medborgarlofte.yaml', Uppfoljning: 'uppfoljning.yaml' };

interface NewFlags {
  titel?: string;
  id?: string;
  dir?: string;
}

export function newCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('new')
    .description('skriv ett nytt dokument från en mall, med ett nytt id och dagens datum')
    .argument('<sort>', `${KINDS.join(', ')} (små bokstäver går bra)`)
    .option('--titel <titel>', 'titel (namn för en aktör); id:t görs av den')
    .option('--id <id>', 'id för dokumentet (standard: av titeln, annars sort och datum)')
    .option('--dir <mapp>', 'mappen att skriva i (standard: aktorer/, problembilder/, medborgarloften/ eller uppfoljningar/)')
    .action(async (sort: string, flags: NewFlags) => {
      const kind = KINDS.find((k) => k.toLowerCase() === sort.toLowerCase());
      if (!kind) throw new UsageError('bad-option', { message: `okänd sort "${sort}". Välj ${KINDS.join(', ')}.` });
      const ctx = await repoContext(['.'], {}, io);
      const repo = await validateRepository({ ...ctx.options, reportOnly: undefined });
      const today = localDate(io.now());
      const taken = (id: string): boolean => repo.graph.byId.has(id);
      if (flags.id !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(flags.id)) {
        throw new UsageError('bad-option', { message: `id "${flags.id}" har fel form: skriv kebab-case med a–z, 0–9 och bindestreck.` });
      }
      if (flags.id !== undefined && taken(flags.id)) {
        const other = repo.graph.byId.get(flags.id);
        const where = other ? ` i ${other.doc.file}:${other.doc.locator.locate(['id']).start.line}` : '';
        io.stderr(`lofte: Id "${flags.id}" används redan${where}. Välj ett annat med --id.\n`);
        setExit(EXIT.failure);
        return;
      }
      let id = flags.id ?? (slugify(flags.titel ?? '') || `${kind.toLowerCase()}-${today}`);
      for (let n = 2; flags.id === undefined && taken(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
      const actorOf = (typ: string, fallback: string): string => repo.entities.find((e) => e.kind === 'Aktor' && e.value['typ'] === typ && e.id)?.id ?? fallback;
      // The kind's folder is under the repository's root, wherever lofte runs from; --dir is the user's own path.
      const root = ctx.repository?.root ?? io.cwd;
      const target = flags.dir !== undefined ? path.resolve(io.cwd, flags.dir, `${id}${path.extname(TEMPLATE[kind])}`) : path.join(root, FOLDERS[kind], `${id}${path.extname(TEMPLATE[kind])}`);
      const rel = path.relative(io.cwd, target).split(path.sep).join('/');
      const fromRoot = path.relative(root, target).split(path.sep).join('/');
      if (existsSync(target)) {
        io.stderr(`lofte: Filen ${rel} finns redan och skrivs inte över.\n`);
        setExit(EXIT.failure);
        return;
      }
      const lpo = repo.graph.byId.get(actorOf('lokalpolisomrade', ''));
      const kommun = repo.graph.byId.get(actorOf('kommun', ''));
      // The editor's schema line only when the schema is there (init writes .lofte/schemas/).
      const schemaFile = path.join(root, '.lofte', 'schemas', SCHEMA_FILES[kind]);
      const template = readTemplate('new', TEMPLATE[kind]);
      const values = newDocumentValues({ id, titel: flags.titel ?? `Ny ${kind === 'Aktor' ? 'aktör' : kind.toLowerCase()}`, today, lpo, kommun, schemaDir: schemaDirFor(fromRoot) });
      const content = fill(existsSync(schemaFile) && !fromRoot.startsWith('../') ? template : template.replace(/^# yaml-language-server: .*\n(#\n)?/m, ''), { ...values, lofte_version: VERSION });
      await writeOutput(path.dirname(target), path.basename(target), content);
      io.stdout(`Skrev ${rel} (id ${id}).\n`);
      // Where nothing points the editor at the language server yet, say once how to.
      if (!existsSync(path.join(ctx.config.root, '.vscode', 'extensions.json'))) io.stdout(EDITOR_HINT);
      setExit(EXIT.ok);
    });
}
