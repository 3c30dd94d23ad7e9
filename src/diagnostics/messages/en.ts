// English wording (`--lang en`), for tools and readers outside Sweden.

import { formatPath } from '../types.js';
import type { Args, Diagnostic } from '../types.js';
import { cliEn } from './cli-en.js';
import { asWritten, code, list, str, type Language, type Wording } from './types.js';

function kindWord(kind: Args[string], typ: Args[string]): string {
  if (typ === 'kommun') return 'a municipality (Aktor with typ kommun)';
  if (typ === 'lokalpolisomrade') return 'a local police area (Aktor with typ lokalpolisomrade)';
  const names: Record<string, string> = { Aktor: 'an actor', Problembild: 'a problem picture', Medborgarlofte: 'a citizen promise document', Uppfoljning: 'a follow-up' };
  return names[str(kind)] ?? `a ${str(kind)} document`;
}

const didYouMean = (names: string[]): string | undefined =>
  names.length === 0 ? undefined : `Did you mean ${names.map((n) => code(n)).join(' or ')}?`;

function schemaWording(a: Args, d: Diagnostic): Wording {
  const last = d.path[d.path.length - 1];
  const field = code(typeof last === 'number' ? formatPath(d.path) : str(a['field']) || formatPath(d.path));
  const where = d.path.length > 0 ? ` in ${code(formatPath(d.path))}` : '';
  switch (a['problem']) {
    case 'required':
      return { message: `Missing field ${code(a['field'])}${where}.`, hint: a['field'] === 'kind' ? `One of: ${list(a['allowed']).join(', ')}.` : 'Add the field; the schema describes it.' };
    case 'additional':
      return { message: `Unknown field ${field}.`, hint: a['suggestion'] ? `Did you mean ${code(a['suggestion'])}?` : 'Remove it, or move it under `intern:` if it is an internal note.' };
    case 'type':
      return {
        message: `${field} must be ${list(a['expected']).join(' or ')}, but is ${str(a['actual'])}.`,
        hint: list(a['expected']).includes('string') && (a['actual'] === 'integer' || a['actual'] === 'number') ? `YAML reads it as a number: put it in quotes, "${asWritten(a)}".` : undefined,
      };
    case 'enum':
      return { message: `${code(a['value'])} is not an allowed value for ${field}.`, hint: `${a['suggestion'] ? `Did you mean ${code(a['suggestion'])}? ` : ''}Allowed: ${list(a['allowed']).join(', ')}.` };
    case 'const':
      return { message: `${field} must be ${code(a['expected'])}, not ${code(a['value'])}.` };
    case 'format':
      return { message: `${code(a['value'])} in ${field} is not a valid ${str(a['format'])}.`, hint: a['format'] === 'date' ? 'Write dates as YYYY-MM-DD and check that the day exists.' : undefined };
    case 'date-range':
      return { message: `${code(a['value'])} in ${field} is outside 1900–2200.`, hint: 'Check the year: lofte takes dates from 1900-01-01 to 2200-12-31.' };
    case 'reserved-id':
      return { message: `Id ${code(a['value'])} is a device name reserved by Windows, so its page cannot be saved as a file there.`, hint: 'Choose a longer id, e.g. with the municipality: `laxa-con` instead of `con`.' };
    case 'id-pattern':
      return { message: `Id ${code(a['value'])} is malformed.`, hint: 'Ids are kebab-case: lowercase a–z, digits and hyphens, e.g. `laxa-2026-2027`.' };
    case 'pattern':
      return { message: `${code(a['value'])} has the wrong form for ${field}.` };
    case 'min-items':
      return { message: `${field} needs at least ${str(a['limit'])} item(s).` };
    case 'empty':
      return { message: `${field} must not be empty.` };
    case 'max-length':
      return { message: `${field} is too long (at most ${str(a['limit'])} characters).` };
    case 'minimum':
      return { message: `${field} must be ${a['exclusive'] ? 'greater than' : 'at least'} ${str(a['limit'])}, but is ${str(a['value'])}.` };
    case 'unique':
      return { message: `${code(a['value'])} appears more than once in the list.`, hint: 'Remove the duplicate.' };
    case 'merge-key':
      return { message: 'lofte does not support merge keys (`<<`).', hint: 'Write the fields out in each document.' };
    case 'not-object':
      return { message: `The document must be a mapping of fields, but is ${str(a['actual'])}.` };
    case 'unknown-kind':
      return { message: `Unknown kind ${code(a['value'])}.`, hint: `${a['suggestion'] ? `Did you mean ${code(a['suggestion'])}? ` : ''}Known kinds: ${list(a['allowed']).join(', ')}.` };
    default:
      return { message: `${field} does not match the schema (${str(a['keyword'])}).` };
  }
}

function yamlWording(a: Args): Wording {
  switch (a['code']) {
    case 'DUPLICATE_KEY':
      return { message: `Key ${code(a['detail'])} appears twice.`, hint: 'A key may appear only once in the same mapping.' };
    case 'MISSING_CHAR':
      return { message: 'Something is not closed: a quote, `]` or `}` is missing.' };
    case 'BAD_INDENT':
      return { message: 'Bad indentation.', hint: 'Keys on the same level start in the same column; use spaces, not tabs.' };
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { message: 'A key runs over several lines.', hint: 'Is a colon after the key missing, or a closing quote on the line above?' };
    case 'TAB_AS_INDENT':
      return { message: 'A tab is used for indentation.', hint: 'YAML needs spaces for indentation.' };
    case 'TAG_RESOLVE_FAILED':
      return { message: `Unknown YAML tag ${code(a['detail'])}.`, hint: 'lofte reads plain YAML only: remove the tag.' };
    case 'BAD_ALIAS':
      return { message: `Alias ${code(a['detail'])} has no anchor.`, hint: 'An alias (`*name`) needs an anchor (`&name`) earlier in the same document.' };
    case 'ALIAS_COUNT':
      return { message: 'The document reuses YAML anchors too many times.', hint: 'Write the values out; this many aliases looks like an alias bomb.' };
    case 'COLON_IN_VALUE':
      return { message: 'A colon inside a value is read as a new key.', hint: 'Put the text in quotes, e.g. `plats: "Stadsparken: södra delen"`.' };
    case 'UNTERMINATED_FRONT_MATTER':
      return { message: 'Front matter has no closing `---`.', hint: 'End the YAML block at the top of the file with a line holding only `---`.' };
    case 'MULTIPLE_FRONT_MATTER_DOCUMENTS':
      return { message: 'Front matter may hold only one document.' };
    case 'BODY_AND_BESKRIVNING':
      return { message: '`beskrivning` is given both in front matter and as the body.', hint: 'In a .md file the body is the description: remove `beskrivning` from the front matter.' };
    case 'BAD_FRONT_MATTER_OPEN':
      return { message: `The file looks like a lofte document, but its front matter does not start with a \`---\` line${a['detail'] ? ` (the first line is ${code(a['detail'])})` : ''}.`, hint: 'The first line must hold only `---`, and a line like it ends the front matter.' };
    case 'BAD_FRONT_MATTER_CLOSE':
      return { message: `Front matter is ended by a line that starts with \`---\` but holds more text (${code(a['detail'])}).`, hint: 'The line that ends front matter holds only `---`. If the line is inside a quoted text, indent it.' };
    case 'YAML_VERSION':
      return { message: `lofte reads YAML 1.2, but the file asks for ${code(a['detail'])}.`, hint: 'Remove the `%YAML …` line. YAML 1.1 reads e.g. `no` as false and `<<` as a merge, which lofte does not.' };
    default:
      return { message: `YAML syntax error${a['detail'] ? ` at ${code(a['detail'])}` : ''}.`, hint: 'Check indentation (spaces, not tabs), a colon and space after each key, and closed quotes and lists.' };
  }
}

/** The file system's refusals, worded once: what the code means and what to do about it. */
const ERRNO_EN: Readonly<Record<string, readonly [string, string]>> = {
  ENOTDIR: ['part of the path is a file, not a folder', 'Check the path.'],
  EISDIR: ['it is a folder, not a file', 'Give a file name.'],
  EACCES: ['permission denied', 'Give your user write permission there, or choose another place.'],
  EPERM: ['operation not permitted', 'Give your user write permission there, or choose another place.'],
  EROFS: ['the file system is read-only', 'Choose a place on a writable file system.'],
  ENOSPC: ['the disk is full', 'Free some space and run again.'],
  EDQUOT: ['the disk quota is used up', 'Free some space and run again.'],
  EEXIST: ['something else is already there', 'Move it away or choose another place.'],
  ENOTEMPTY: ['the folder is not empty', 'Move it away or choose another place.'],
  ELOOP: ['too many symbolic links in a row', 'Fix the links or choose another place.'],
  ENAMETOOLONG: ['the name is too long', 'Choose a shorter path.'],
  ENOENT: ['the folder does not exist and cannot be created there', 'Check the path, or choose an ordinary folder.'],
  EMFILE: ['too many open files', 'Raise the limit (ulimit -n) and run again.'],
  ENFILE: ['too many open files in the system', 'Wait a while and run again.'],
  EBUSY: ['the file is in use by another program', 'Close it and run again.'],
  ETXTBSY: ['the file is in use by another program', 'Close it and run again.'],
  EIO: ['an input/output error on the disk', 'Check the disk and run again.'],
  EFBIG: ['the file grows too large for the file system', 'Choose a place on another file system.'],
  EXDEV: ['the place is on another file system', 'Choose an ordinary folder without mounts inside it.'],
  EINVAL: ['the file system does not allow it', 'Choose a place on an ordinary file system.'],
};
const ACTION_EN: Readonly<Record<string, string>> = {
  'create-dir': 'create the folder',
  write: 'write to',
  read: 'read',
  move: 'move to',
  remove: 'remove',
  lock: 'lock',
};
const errnoEn = (code: string | undefined): readonly [string, string] => ERRNO_EN[code ?? ''] ?? [`system error ${code ?? ''}`, 'Check the place and run again.'];
/** What became of the output, said last. */
const stateEn = (a: { state?: string }): string =>
  a.state === 'rolled-back' ? ' The previous site has been restored.' : a.state === 'journal-kept' ? '' : ' Nothing was changed.';

export const en: Language = {
  rules: {
    'yaml-syntax': { title: 'YAML syntax error', say: yamlWording },
    'file-unreadable': {
      title: 'File cannot be read',
      say: (a) =>
        a['reason'] === 'not-a-file'
          ? { message: 'This is not a regular file (but e.g. a FIFO, a device or a folder): lofte reads regular files only.' }
          : a['reason'] === 'folder'
            ? { message: 'The folder cannot be read: permission denied. Its files were not checked.' }
            : a['reason'] === 'encoding' && a['byte'] !== undefined
              ? { message: `The file is not UTF-8 text: byte ${str(a['byte'])} here is not UTF-8.`, hint: 'It was probably saved as Latin-1 (ISO-8859-1) or Windows-1252. Save it as UTF-8.' }
              : a['reason'] === 'utf16'
                ? { message: 'The file is saved as UTF-16, not UTF-8.', hint: 'Save it as UTF-8.' }
                : { message: `The file cannot be read (${str(a['reason'])}).`, hint: 'Save it as UTF-8 and check that it can be opened.' },
    },
    config: { title: 'Configuration error', say: schemaWording },
    schema: { title: 'Does not match the schema', say: schemaWording },
    'file-too-large': {
      title: 'File too large',
      say: (a) => ({ message: `The file is ${(Number(a['size']) / 1048576).toFixed(1)} MB; lofte reads files of at most ${(Number(a['max']) / 1048576).toFixed(1)} MB.`, hint: 'Split it, or raise `granser: { filstorlek_kb: … }` in lofte.config.yaml.' }),
    },
    'limit-exceeded': {
      title: 'Limit exceeded',
      say: (a) =>
        a['limit'] === 'findings'
          ? { message: `${str(a['more'])} more findings in this file are not shown: lofte shows at most ${str(a['max'])} per file.`, hint: 'Fix the findings shown and run again; many findings often share one cause.' }
          : { message: a['limit'] === 'alias' ? `The document expands YAML aliases more than ${str(a['max'])} times.` : `The document nests deeper than ${str(a['max'])} levels.` },
    },
    'duplicate-id': {
      title: 'Duplicate id',
      say: (a) =>
        a['scope'] === 'document'
          ? { message: `Promise ${code(a['id'])} appears twice in ${code(a['document'])}.`, hint: 'Promise ids must be unique within their document.' }
          : { message: `Id ${code(a['id'])} is already used.`, hint: 'Ids must be unique across the repository.' },
    },
    'unresolved-reference': {
      title: 'Reference to a missing id',
      say: (a) => ({
        message: `${code(a['id'])} does not exist: it should be the id of ${kindWord(a['expectedKind'], a['expectedTyp'])}.`,
        hint:
          a['maybeIn'] !== undefined
            ? `${list(a['maybeIn']).map((f) => code(f)).join(', ')} cannot be read and may define the id: fix ${list(a['maybeIn']).length === 1 ? 'that file' : 'those files'} first.`
            : (didYouMean(list(a['suggestions'])) ?? 'Fix the spelling or create the document.'),
      }),
    },
    'reference-kind': {
      title: 'Reference to the wrong kind',
      say: (a) => ({
        message: `${code(a['id'])} is ${kindWord(a['actualKind'], a['actualTyp'])}, but ${kindWord(a['expectedKind'], a['expectedTyp'])} is required here.`,
        hint: didYouMean(list(a['suggestions'])),
      }),
    },
    'unknown-kommunkod': {
      title: 'Unknown municipality code',
      say: (a) => ({
        message: `Municipality code ${code(a['value'])} is not one of SCB's 290 codes.`,
        hint: a['suggestion'] ? `${str(a['suggestionName'])} has code ${code(a['suggestion'])}.` : undefined,
      }),
    },
    'period-order': {
      title: 'Period ends before it starts',
      say: (a) => ({ message: `The period ends ${str(a['tom'])}, before it starts ${str(a['from'])}.`, hint: '`from` is the first day, `tom` the last.' }),
    },
    'outside-validity': {
      title: 'Time frame outside validity',
      say: (a) => ({
        message:
          a['senast'] !== undefined
            ? `Promise ${code(a['lofte'])} is due by ${str(a['senast'])}, outside ${a['within'] === 'tidsram' ? "the promise's time frame" : "the document's validity"} ${str(a['validFrom'])}–${str(a['validTom'])}.`
            : `Promise ${code(a['lofte'])} runs ${str(a['from'])}–${str(a['tom'])}, outside the document's validity ${str(a['validFrom'])}–${str(a['validTom'])}.`,
        hint: a['senast'] !== undefined ? 'Give a `senast` date inside the period.' : 'Keep the time frame inside the validity, or leave it out.',
      }),
    },
    'follow-up-unknown-promise': {
      title: 'Follow-up of an unknown promise',
      say: (a) => ({
        message: `The follow-up reports on promise ${code(a['lofte'])}, but ${code(a['document'])} has no promise with that id.`,
        hint: didYouMean(list(a['suggestions'])),
      }),
    },
    'deviation-reason': {
      title: 'Deviation without a reason',
      say: (a) => ({ message: `Promise ${code(a['lofte'])} has status ${code(a['status'])} but no \`orsak\`.`, hint: a['status'] === 'kan_ej_bedomas' ? 'Tell citizens why the promise cannot be judged: add `orsak:`.' : 'Tell citizens why the promise was not kept in full: add `orsak:`.' }),
    },
    'personal-data': {
      title: 'Personal identity number in text',
      say: (a) => ({ message: `The text contains a personal identity number (${str(a['masked'])}).`, hint: 'Remove it; personal identity numbers never belong in the repository.' }),
    },
    'invalid-disable': {
      title: 'Invalid disable comment',
      say: (a) => ({
        message: a['problem'] === 'unknown-rule' ? `The comment disables ${code(a['rule'])}, which is not a lofte rule.` : a['problem'] === 'no-rule' ? 'The `lofte-disable-next-line` comment names no rule.' : `The comment disables ${code(a['rule'])} without a reason.`,
        hint: 'Write: `# lofte-disable-next-line vague-wording -- why it is right here`.',
      }),
    },
    'vague-wording': {
      title: 'Vague wording',
      say: (a) => ({ message: `Promise ${code(a['lofte'])} is vague: ${list(a['phrases']).map((p) => `"${p}"`).join(', ')}.`, hint: 'Say what will be done, how much and when.' }),
    },
    'conditional-promise': {
      title: 'Conditional promise',
      say: (a) => ({ message: `Promise ${code(a['lofte'])} is conditional: ${list(a['phrases']).map((p) => `"${p}"`).join(', ')}.`, hint: 'Promise what you will do regardless, with a number or frequency.' }),
    },
    'not-measurable': {
      title: 'Promise is not measurable',
      say: (a) => ({ message: `Promise ${code(a['lofte'])} has neither \`omfattning\`, \`frekvens\` nor a deadline.`, hint: 'Add e.g. `frekvens: { antal: 2, per: vecka }`; a one-off promise gets `senast: YYYY-MM-DD`.' }),
    },
    'one-party': {
      title: 'Only one party promises',
      say: (a) => ({ message: `All ${str(a['count'])} promises in ${code(a['document'])} are ${code(a['actor'])}'s.`, hint: 'Citizen promises are made together: add promises by the municipality or other local actors.' }),
    },
    'orphan-problembild': {
      title: 'Problem picture without a promise',
      say: (a) => ({ message: `No promise answers problem picture ${code(a['id'])}.` }),
    },
    'missing-dialogue': {
      title: 'Dialogue missing from the problem picture',
      say: (a) => ({ message: `The problem picture lacks a source of type ${list(a['missing']).join(' and ')}.` }),
    },
    'follow-up-missing': {
      title: 'Follow-up missing',
      say: (a) => ({ message: `Promise ${code(a['lofte'])} was due for follow-up for ${str(a['periodFrom'])}–${str(a['periodTom'])} (${str(a['kadens'])}), but there is none as of ${str(a['asOf'])}.` }),
    },
    'kommun-outside-region': {
      title: 'Municipality in another police region',
      say: (a) => ({ message: `${str(a['kommun'])} belongs to ${str(a['kommunRegion'])}, but ${str(a['lpo'])} belongs to ${str(a['lpoRegion'])}.` }),
    },
    'contact-in-text': {
      title: 'Contact details in free text',
      say: (a) => ({ message: `The text contains contact details: ${list(a['found']).join(', ')}.`, hint: "Put function addresses in the actor's `kontakt` instead." }),
    },
    placeholder: {
      title: "Template placeholder",
      say: (a) => ({
        message: `The template's placeholder is still there: ${code(a['text'])}.`,
        hint: '`lofte report` does not publish documents with placeholders: write the real text instead of the TODO line.',
      }),
    },
  },
  ui: {
    severity: { error: 'error', warning: 'warning' },
    hint: 'Hint',
    related: { 'first-definition': 'First defined here', other: 'See' },
    summary({ errors, warnings, filesWithProblems, files }) {
      const checked = `${files} ${files === 1 ? 'file' : 'files'} checked`;
      if (errors + warnings === 0) return `✔ No errors or warnings (${checked}).`;
      return `${errors > 0 ? '✖' : '⚠'} ${errors} ${errors === 1 ? 'error' : 'errors'} and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} in ${filesWithProblems} ${filesWithProblems === 1 ? 'file' : 'files'} (${checked}).`;
    },
    skippedHeader: 'Skipped (not lofte files):',
    skipped: {
      'no-front-matter': 'Markdown without front matter',
      'no-lofte-document': 'no lofte document (no lofte/ apiVersion or lofte kind)',
      'not-lofte-yaml-error': 'unparseable YAML that does not look like lofte',
    },
    usage: {
      'path-not-found': (a) => `Path "${a.path}" does not exist.`,
      'unsupported-file': (a) => `"${a.path}" is neither a folder nor a .yaml, .yml or .md file.`,
      'nothing-matched': (a) =>
        `No lofte documents to check in ${a.paths} (an empty folder, no .yaml, .yml or .md files with apiVersion lofte/…, or a pattern that matches no file). Run \`lofte validate --verbose\` to see which files were skipped.`,
      'unknown-format': (a) => `unknown format "${a.format}". Allowed: ${a.formats}.`,
      'format-without-file': (a) => `"${a.value}" has no file name after =.`,
      'one-stdout': () => 'only one format can be written to standard output; give the others a file name, e.g. --format sarif=lofte.sarif.',
      'unknown-kind': (a) => `unknown kind "${a.kind}". Choose ${a.kinds}.`,
      'unknown-kommun': (a) => `"${a.kommun}" is neither a municipality name nor a municipality code among Statistics Sweden's 290 municipalities.`,
      'unknown-region': (a) => `unknown police region "${a.region}". Choose ${a.regions}.`,
      'unsafe-lpo': (a) => `--lpo "${a.lpo}" may only hold letters, digits, spaces, full stops and hyphens.`,
      'bad-id': (a) => `id "${a.id}" has the wrong form: write kebab-case with a–z, 0–9 and hyphens.`,
    },
    warningsHidden: (count) => `lofte: ${count} ${count === 1 ? 'warning is' : 'warnings are'} not shown (--quiet).\n`,
    warningsFailed: ({ warnings, max, strict }) =>
      strict ? `lofte: The run failed on ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} because --strict is set.\n` : `lofte: The run failed: ${warnings} warnings are more than --max-warnings ${max}.\n`,
    internalError: (message) => `lofte: internal error (${message}). This is a bug in lofte, not in your files. Run again with --debug and report the output.`,
    threadsIgnored: (value) => `lofte: LOFTE_THREADS="${value}" is not a whole number from 1 to 16, so files are checked on one thread.\n`,
    cacheNotWritten: (a) => `lofte: the cache in ${a.location} could not be saved (${a.code}); the check ran all the same. Hint: give a folder you may write to with --cache-location.\n`,
    output: {
      'out-empty': (a) => `--out is empty. Give the folder the pages are written to, e.g. --out site.${stateEn(a)}`,
      'out-root': (a) => `--out ${a['path'] ?? ''} is the root of the file system: lofte does not write there. Give a folder of the site's own, e.g. --out site.${stateEn(a)}`,
      'out-repo-root': (a) =>
        `--out ${a['path'] ?? ''} is the repository root, or a folder holding what is checked (${a['source'] ?? ''}). Give a folder of the site's own, e.g. --out site, or add --allow-repo-root if the pages really belong there.${stateEn(a)}`,
      'out-not-dir': (a) => `${a['path'] ?? ''} is a file, not a folder. Give a folder, or move the file away.${stateEn(a)}`,
      'out-is-dir': (a) => `${a['path'] ?? ''} is a folder, not a file. Give a file name, e.g. ${a['path'] ?? ''}/lofte.json.${stateEn(a)}`,
      'not-ours': (a) =>
        `${a['path'] ?? ''} already exists but was not written by lofte (it is not in ${a['manifest'] ?? '.lofte-manifest.json'}), and lofte never overwrites other people's files. Move or remove it, or choose another --out.${stateEn(a)}`,
      symlink: (a) => `${a['path'] ?? ''} is a symbolic link, and lofte never writes, moves or removes anything through a link. Replace the link with an ordinary folder, or choose another --out.${stateEn(a)}`,
      locked: (a) =>
        `Another lofte report${a['pid'] ? ` (process ${a['pid']})` : ''} is already writing to ${a['path'] ?? ''}. Wait until it is done and run again; if no other lofte runs, remove the lock file ${a['lock'] ?? ''}.${stateEn(a)}`,
      'unsafe-page': (a) =>
        `The page ${a['page'] ?? ''} cannot be written: "${a['name'] ?? ''}" is not a safe file name (only a–z, 0–9 and single hyphens, at most 200 characters, and no name Windows reserves: con, prn, aux, nul, com1–9, lpt1–9). Change the id in the source file.${stateEn(a)}`,
      'swap-stuck': (a) =>
        `The swap to the new site in ${a['path'] ?? ''} could neither be finished nor undone (${errnoEn(a['cause'])[0]}: ${a['at'] ?? ''}). The journal ${a['journal'] ?? ''} is kept: fix the cause and run again, and lofte finishes or undoes the swap.`,
      fs: (a) => {
        const [what, todo] = errnoEn(a['code']);
        return `Cannot ${ACTION_EN[a['action'] ?? ''] ?? 'write to'} ${a['path'] ?? ''}: ${what}. ${todo}${stateEn(a)}`;
      },
    },
  },
  cli: cliEn,
};
