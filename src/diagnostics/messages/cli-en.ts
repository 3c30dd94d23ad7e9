// The command line's own words in English (`--lang en`).

import type { CliWords } from './cli.js';

/** "1 file", "2 files". */
const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const PATHS_READ = { name: 'paths...', text: 'files and folders to read' };

export const cliEn: CliWords = {
  help: {
    usage: 'Usage:',
    options: 'Options:',
    commands: 'Commands:',
    arguments: 'Arguments:',
    globalOptions: 'Global Options:',
    default: 'default',
    choices: 'choices',
    preset: 'preset',
    env: 'env',
    optionsTerm: '[options]',
    commandTerm: '[command]',
  },
  program: {
    description: 'Citizen promises (medborgarlöften) as code: check, link and publish local citizen promises.',
    help: 'display help',
    helpCommand: { name: 'command', text: 'display help for a command' },
    version: 'display the version',
  },
  common: {
    lang: { value: 'lang', text: 'language of messages: sv or en' },
    asOf: { value: 'date', text: 'the day time-dependent rules count from (YYYY-MM-DD); default: today' },
    config: { value: 'file', text: 'configuration file (default: the nearest lofte.config.yaml)' },
    color: 'colours even when output does not go to a terminal',
    noColor: 'without colours',
    debug: 'show full error details on internal errors',
  },
  invalid: {
    date: 'YYYY-MM-DD',
    count: '0, 1, 2 …',
    choices: (a) => `Allowed choices are ${a.choices}.`,
  },
  commanderError: (message) => message,
  validate: {
    description: 'check the files and show every error and warning',
    paths: { name: 'paths...', text: 'files and folders to check' },
    format: (a) => ({ value: 'format', text: `output format: ${a.formats}; repeat with format=file for more outputs, e.g. --format sarif=lofte.sarif` }),
    maxWarnings: { value: 'count', text: 'fail (exit code 1) if there are more warnings than this' },
    strict: 'fail (exit code 1) on warnings too',
    quiet: 'show errors only, not warnings',
    verbose: 'also show which files were skipped',
    watch: 'check again on every change, until Ctrl-C',
    again: 'checking again',
  },
  links: {
    description: 'show how problem descriptions, promises and actors are linked',
    paths: PATHS_READ,
    format: { value: 'format', text: 'output format' },
  },
  report: {
    description: 'make publishable pages (HTML and/or Markdown) of the citizen promises, with open data in data/',
    exportDescription: 'write the citizen promises as open data (JSON, CSV, Atom, DCAT-AP-SE), the same as the report’s data/',
    paths: PATHS_READ,
    out: { value: 'folder', text: 'the folder the pages are written to' },
    exportOut: { value: 'folder', text: 'the folder the data is written to' },
    format: { value: 'format', text: 'html, md or both' },
    lpo: { value: 'id', text: 'only citizen promises from this local police area' },
    kommun: { value: 'municipality', text: 'only citizen promises for this municipality (id, municipality code or name)' },
    id: { value: 'id', text: 'only this citizen promise (repeatable)' },
    status: (a) => ({ value: 'status', text: `only citizen promises with this status (repeatable): ${a.statuses}` }),
    allowRepoRoot: 'allow --out to be the repository root or a folder being checked (lofte still never overwrites files it did not write)',
    medUtkast: 'include citizen promises with status utkast (draft; not published by default)',
    watch: 'rebuild the pages on every change, until Ctrl-C',
    exportWatch: 'rewrite the files on every change, until Ctrl-C',
    again: 'rebuilding the report',
    notWritten: 'The report was not written: fix the errors above first.',
    placeholdersLeft: (a) =>
      `The report was not written: the template's placeholders (TODO) are still in ${n(a.places.length, 'document', 'documents')}:\n${a.places.map((l) => `  ${l}`).join('\n')}\nWrite the real texts (see \`lofte validate\`, rule placeholder). A citizen promise with status: utkast is not published and does not stop the report.`,
    noMatch: (a) => `No citizen promise matches ${a.filters}. Check the values (lofte validate shows which citizen promises there are). Nothing was changed.`,
    lockTakenOver: (a) => `Took over the lock from an earlier run (process ${a.pid}) that no longer exists.`,
    recoveredFinished: 'Finished the swap an interrupted run had started.',
    recoveredRolledBack: 'Undid the swap an interrupted run had started and that could not be finished.',
    dataWritten: (a) => `Wrote ${n(a.files, 'file', 'files')} of open data to ${a.where} (${n(a.documents, 'citizen promise', 'citizen promises')}, as of ${a.asOf}).`,
    harvestMissing: (a) => `Note: for Sweden's data portal to harvest the catalogue, lofte.config.yaml needs ${a.fields.join(', ')}.`,
    filesUnchanged: (a) => `${a.files === 1 ? '1 file was' : `${a.files} files were`} the same as last time and stayed as they were.`,
    filesRemoved: (a) => `Removed ${n(a.files, 'file', 'files')} from an earlier run that no longer exist${a.files === 1 ? 's' : ''}.`,
    pagesWritten: (a) => `Wrote ${n(a.pages, 'page', 'pages')} to ${a.where} (${n(a.documents, 'citizen promise', 'citizen promises')}, as of ${a.asOf}).`,
    draftsLeftOut: (a) => `${n(a.drafts, 'draft', 'drafts')} (status: utkast) left out; --med-utkast includes ${a.drafts === 1 ? 'it' : 'them'}.`,
    pagesUnchanged: (a) => `${a.pages === 1 ? '1 page was' : `${a.pages} pages were`} the same as last time and stayed as they were.`,
    pagesRemoved: (a) => `Removed ${n(a.pages, 'page', 'pages')} from an earlier run that no longer exist${a.pages === 1 ? 's' : ''}.`,
    interrupted: 'Interrupted. The previous site is untouched and no temporary files are left.',
  },
  schema: {
    description: 'print the JSON Schema of a kind (or all of them), or write them as files with --out',
    kind: (a) => ({ name: 'kind', text: `${a.kinds} or config` }),
    out: { value: 'folder', text: 'write the schema files to the folder (for editors)' },
    written: (a) => `Wrote ${n(a.count, 'schema', 'schemas')} to ${a.folder}.`,
  },
  init: {
    description: 'set up a new repository for a local police area (asks nothing; everything is given as options)',
    folder: { name: 'folder', text: 'the folder to set up (default: this one)' },
    lpo: { value: 'name', text: 'the local police area’s name, e.g. "Lokalpolisområde Hallsberg"' },
    kommun: (a) => ({ value: 'municipality', text: `the municipality’s name or code (default: ${a.example}, as an example)` }),
    polisregion: (a) => ({ value: 'id', text: `the police region: ${a.regions} (default: the municipality’s)` }),
    force: 'overwrite files that already exist',
    exists: (a) => `These files already exist and are not overwritten:\n${a.files.map((f) => `  ${f}`).join('\n')}\nMove them, or run again with --force.`,
    done: (a) =>
      `Set up a lofte repository in ${a.folder} for ${a.lpo} and ${a.kommun} (${a.kommunkod}):\n${a.files.map((f) => `  ${f}`).join('\n')}\n\n` +
      `Next steps:\n${a.folder === '.' ? '' : `  cd ${a.folder}\n`}  npm install\n  npx lofte validate\n  npx lofte report --out site`,
    exampleKommun: (a) => `The municipality is an example (${a.example}); give --kommun for your own.`,
  },
  new: {
    description: 'write a new document from a template, with a new id and today’s date',
    kind: (a) => ({ name: 'kind', text: `${a.kinds} (lower case is fine)` }),
    titel: { value: 'title', text: 'title (name for an actor); the id is made from it' },
    id: { value: 'id', text: 'id of the document (default: from the title, else the kind and date)' },
    dir: { value: 'folder', text: 'the folder to write in (default: aktorer/, problembilder/, medborgarloften/ or uppfoljningar/)' },
    idTaken: (a) => `Id "${a.id}" is already used${a.where ? ` in ${a.where.file}:${a.where.line}` : ''}. Choose another with --id.`,
    fileExists: (a) => `The file ${a.file} already exists and is not overwritten.`,
    written: (a) => `Wrote ${a.file} (id ${a.id}).`,
    editorHint: 'Editor support while you write: `lofte lsp` (the lofte VS Code extension, or see the README for other editors).',
  },
  rules: {
    description: 'list every rule: code, severity (with the repository’s settings), what it finds and where it is described',
    format: { value: 'format', text: 'text or json' },
    lang: { value: 'lang', text: 'language: sv or en' },
    config: { value: 'file', text: 'configuration file (default: the repository’s lofte.config.yaml)' },
  },
  lsp: {
    description: 'language server (Language Server Protocol) for editors: every check while you type, references between the files',
    stdio: 'speak LSP over stdin and stdout (the default, and the only way)',
  },
  watch: {
    watching: 'Watching the files. Ctrl-C stops.',
    changed: (a) => `[${a.time}] Change – ${a.again}.`,
  },
  progress: (a) => `Reading files: ${a.done}/${a.total}`,
};
