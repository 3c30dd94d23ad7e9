// The command line's own words in Swedish, the default.

import type { CliWords } from './cli.js';

/** "1 fil", "2 filer": the count and the noun in the right number. */
const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** Commander words its own errors in English; these are the ones a user meets, in Swedish. */
const COMMANDER: readonly [RegExp, string][] = [
  [/^unknown option '(.+?)'/, "okänd flagga '$1'"],
  [/^unknown command '(.+?)'/, "okänt kommando '$1'"],
  [/^option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+?)\./, "ogiltigt värde '$2' för '$1'. Tillåtna värden: $3."],
  [/^option '(.+?)' argument '(.*?)' is invalid\. (Tillåtna värden: .+)/, "ogiltigt värde '$2' för '$1'. $3"],
  [/^option '(.+?)' argument '(.*?)' is invalid\. (.+)/, "ogiltigt värde '$2' för '$1': $3"],
  [/^option '(.+?)' argument missing/, "flaggan '$1' saknar värde"],
  [/^too many arguments.*/, 'för många argument'],
  [/^required option '(.+?)' not specified/, "flaggan '$1' måste anges"],
  [/^missing required argument '(.+?)'/, "argumentet '$1' saknas"],
  [/\(Did you mean (.+?)\?\)/, '(Menade du $1?)'],
];

const PATHS_READ = { name: 'sökvägar...', text: 'filer och mappar att läsa' };

export const cliSv: CliWords = {
  help: {
    usage: 'Användning:',
    options: 'Flaggor:',
    commands: 'Kommandon:',
    arguments: 'Argument:',
    globalOptions: 'Globala flaggor:',
    default: 'standard',
    choices: 'val',
    preset: 'förval',
    env: 'miljövariabel',
    optionsTerm: '[flaggor]',
    commandTerm: '[kommando]',
  },
  program: {
    description: 'Medborgarlöften som kod: kontrollera, länka och publicera lokala medborgarlöften.',
    help: 'visa hjälp',
    helpCommand: { name: 'kommando', text: 'visa hjälp för ett kommando' },
    version: 'visa versionen',
  },
  common: {
    lang: { value: 'språk', text: 'språk för meddelanden: sv eller en' },
    asOf: { value: 'datum', text: 'dagen som tidsberoende regler utgår från (ÅÅÅÅ-MM-DD); standard: i dag' },
    config: { value: 'fil', text: 'konfigurationsfil (standard: närmaste lofte.config.yaml)' },
    color: 'färger även när utdata inte går till en terminal',
    noColor: 'utan färger',
    debug: 'visa fullständig felinformation vid interna fel',
  },
  invalid: {
    date: 'ÅÅÅÅ-MM-DD / YYYY-MM-DD',
    count: '0, 1, 2 …',
    choices: (a) => `Tillåtna värden: ${a.choices}.`,
  },
  commanderError(message) {
    let out = message;
    for (const [pattern, replacement] of COMMANDER) out = out.replace(pattern, replacement);
    return out;
  },
  validate: {
    description: 'kontrollera filerna och visa alla fel och varningar',
    paths: { name: 'sökvägar...', text: 'filer och mappar att kontrollera' },
    format: (a) => ({ value: 'format', text: `utdataformat: ${a.formats}; upprepa med format=fil för fler utdata, t.ex. --format sarif=lofte.sarif` }),
    maxWarnings: { value: 'antal', text: 'misslyckas (slutkod 1) om varningarna är fler än så' },
    strict: 'misslyckas (slutkod 1) även vid varningar',
    quiet: 'visa bara fel, inte varningar',
    verbose: 'visa också vilka filer som hoppades över',
    watch: 'kontrollera igen vid varje ändring, tills Ctrl-C',
    cache: (a) => `spara resultatet per fil och läs bara om det som ändrats nästa gång (i ${a.folder} under förrådets rot)`,
    cacheLocation: { value: 'mapp', text: 'mappen cachen sparas i (slår på --cache)' },
    again: 'kontrollerar igen',
  },
  links: {
    description: 'visa hur problembilder, löften och aktörer hänger ihop',
    paths: PATHS_READ,
    format: { value: 'format', text: 'utdataformat' },
  },
  linksView: {
    problembilder: 'Problembilder och löftena som svarar på dem',
    noPromise: '– inget löfte –',
    noneResponsible: 'ingen ansvarig',
    internal: ' (intern)',
    aktorer: 'Aktörer och vad de har lovat',
    responsibleFor: (a) => `ansvarig för ${a.count}: ${a.ids}`,
    participatesIn: (a) => `medverkar i ${a.count}: ${a.ids}`,
    noPromises: '– inga löften –',
    unanswered: 'Utan svar',
    problembilderUnanswered: (a) => `Problembilder utan löften: ${a.ids}`,
    aktorerUnanswered: (a) => `Aktörer utan löften: ${a.ids}`,
    joinNames: ({ names }) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`),
    mermaid: { problembilder: 'Problembilder', loften: 'Löften', aktorer: 'Aktörer', promises: 'lovar', participates: 'medverkar', answers: 'svarar på' },
  },
  report: {
    description: 'gör publiceringsklara sidor (HTML och/eller Markdown) av medborgarlöftena, med öppna data i data/',
    exportDescription: 'skriver medborgarlöftena som öppna data (JSON, CSV, Atom, DCAT-AP-SE), samma som rapportens data/',
    paths: PATHS_READ,
    out: { value: 'mapp', text: 'mappen sidorna skrivs till' },
    exportOut: { value: 'mapp', text: 'mappen data skrivs till' },
    format: { value: 'format', text: 'html, md eller both' },
    lpo: { value: 'id', text: 'bara medborgarlöften från detta lokalpolisområde' },
    kommun: { value: 'kommun', text: 'bara medborgarlöften för denna kommun (id, kommunkod eller namn)' },
    id: { value: 'id', text: 'bara detta medborgarlöfte (kan upprepas)' },
    status: (a) => ({ value: 'status', text: `bara medborgarlöften med denna status (kan upprepas): ${a.statuses}` }),
    allowRepoRoot: 'tillåt att --out är förrådets rot eller en mapp som kontrolleras (lofte skriver ändå aldrig över filer den inte skrivit)',
    medUtkast: 'ta med medborgarlöften med status utkast (som standard publiceras de inte)',
    watch: 'gör om sidorna vid varje ändring, tills Ctrl-C',
    exportWatch: 'gör om filerna vid varje ändring, tills Ctrl-C',
    again: 'gör om rapporten',
    notWritten: 'Rapporten skrevs inte: rätta felen ovan först.',
    placeholdersLeft: (a) =>
      `Rapporten skrevs inte: mallens platshållare (TODO) står kvar i ${a.places.length} dokument:\n${a.places.map((l) => `  ${l}`).join('\n')}\nSkriv de riktiga texterna (se \`lofte validate\`, regeln placeholder). Ett medborgarlöfte med status: utkast publiceras inte och stoppar inte rapporten.`,
    noMatch: (a) => `Inget medborgarlöfte matchar ${a.filters}. Kontrollera värdena (lofte validate visar vilka medborgarlöften som finns). Inget ändrades.`,
    lockTakenOver: (a) => `Tog över låset från en tidigare körning (process ${a.pid}) som inte längre finns.`,
    recoveredFinished: 'Slutförde bytet som en avbruten körning påbörjat.',
    recoveredRolledBack: 'Ångrade bytet som en avbruten körning påbörjat och inte gick att slutföra.',
    dataWritten: (a) => `Skrev ${n(a.files, 'fil', 'filer')} med öppna data till ${a.where} (${n(a.documents, 'medborgarlöfte', 'medborgarlöften')}, läget per ${a.asOf}).`,
    harvestMissing: (a) => `Obs: för att Sveriges dataportal ska kunna skörda katalogen behövs ${a.fields.join(', ')} i lofte.config.yaml.`,
    filesUnchanged: (a) => `${a.files === 1 ? '1 fil var densamma' : `${a.files} filer var desamma`} som förra gången och fick stå kvar.`,
    filesRemoved: (a) => `Tog bort ${n(a.files, 'fil', 'filer')} från en tidigare körning som inte längre finns.`,
    pagesWritten: (a) => `Skrev ${n(a.pages, 'sida', 'sidor')} till ${a.where} (${n(a.documents, 'medborgarlöfte', 'medborgarlöften')}, läget per ${a.asOf}).`,
    draftsLeftOut: (a) => `${a.drafts} utkast (status: utkast) kom inte med; --med-utkast tar med ${a.drafts === 1 ? 'det' : 'dem'}.`,
    pagesUnchanged: (a) => `${a.pages === 1 ? '1 sida var densamma' : `${a.pages} sidor var desamma`} som förra gången och fick stå kvar.`,
    pagesRemoved: (a) => `Tog bort ${n(a.pages, 'sida', 'sidor')} från en tidigare körning som inte längre finns.`,
    interrupted: 'Avbrutet. Den tidigare webbplatsen är orörd och inga tillfälliga filer finns kvar.',
  },
  schema: {
    description: 'skriv ut JSON Schema för en sort (eller alla), eller skriv dem som filer med --out',
    kind: (a) => ({ name: 'sort', text: `${a.kinds} eller config` }),
    out: { value: 'mapp', text: 'skriv schemafilerna till mappen (för editorer)' },
    written: (a) => `Skrev ${a.count} scheman till ${a.folder}.`,
  },
  init: {
    description: 'lägg upp ett nytt förråd för ett lokalpolisområde (frågar inget; allt anges med flaggor)',
    folder: { name: 'mapp', text: 'mappen att lägga upp' },
    lpo: { value: 'namn', text: 'lokalpolisområdets namn, t.ex. "Lokalpolisområde Hallsberg"' },
    kommun: (a) => ({ value: 'kommun', text: `kommunens namn eller kommunkod (standard: ${a.example}, som exempel)` }),
    polisregion: (a) => ({ value: 'id', text: `polisregionen: ${a.regions} (standard: kommunens)` }),
    force: 'skriv över filer som redan finns',
    exists: (a) => `Filerna finns redan och skrivs inte över:\n${a.files.map((f) => `  ${f}`).join('\n')}\nFlytta dem, eller kör igen med --force.`,
    done: (a) =>
      `Lade upp ett lofte-förråd i ${a.folder} för ${a.lpo} och ${a.kommun} (${a.kommunkod}):\n${a.files.map((f) => `  ${f}`).join('\n')}\n\n` +
      `Nästa steg:\n${a.folder === '.' ? '' : `  cd ${a.folder}\n`}  npm install\n  npx lofte validate\n  npx lofte report --out site`,
    exampleKommun: (a) => `Kommunen är ett exempel (${a.example}); ange --kommun för er egen.`,
  },
  new: {
    description: 'skriv ett nytt dokument från en mall, med ett nytt id och dagens datum',
    kind: (a) => ({ name: 'sort', text: `${a.kinds} (små bokstäver går bra)` }),
    titel: { value: 'titel', text: 'titel (namn för en aktör); id:t görs av den' },
    id: { value: 'id', text: 'id för dokumentet (standard: av titeln, annars sort och datum)' },
    dir: { value: 'mapp', text: 'mappen att skriva i (standard: aktorer/, problembilder/, medborgarloften/ eller uppfoljningar/)' },
    idTaken: (a) => `Id "${a.id}" används redan${a.where ? ` i ${a.where.file}:${a.where.line}` : ''}. Välj ett annat med --id.`,
    fileExists: (a) => `Filen ${a.file} finns redan och skrivs inte över.`,
    written: (a) => `Skrev ${a.file} (id ${a.id}).`,
    editorHint: 'Editorstöd medan du skriver: `lofte lsp` (VS Code-tillägget lofte, eller se README för andra editorer).',
  },
  rules: {
    description: 'lista alla regler: kod, allvarsgrad (med förrådets inställningar), vad de hittar och var de beskrivs',
    format: { value: 'format', text: 'text eller json' },
    lang: { value: 'språk', text: 'språk: sv eller en' },
    config: { value: 'fil', text: 'konfigurationsfil (standard: förrådets lofte.config.yaml)' },
  },
  lsp: {
    description: 'språkserver (Language Server Protocol) för editorer: alla kontroller medan du skriver, hänvisningar mellan filerna',
    stdio: 'tala LSP över stdin och stdout (standard, och det enda sättet)',
  },
  watch: {
    watching: 'Bevakar filerna. Ctrl-C avslutar.',
    changed: (a) => `[${a.time}] Ändring – ${a.again}.`,
  },
  progress: (a) => `Läser filer: ${a.done}/${a.total}`,
};
