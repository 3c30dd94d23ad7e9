// English words outside the catalog (`--lang en`): the formatters' labels and the CLI's own messages.

import { cliEn } from './cli-en.js';
import { exampleCommand } from './example.js';
import type { Language } from './types.js';

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
        a.repositories !== undefined && a.repositories.length > 0
          ? `No lofte documents to check in ${a.paths}: ${a.repositories.join(', ')} ${a.repositories.length === 1 ? 'has a lofte.config.yaml of its own and is a repository of its own' : 'each have a lofte.config.yaml of their own and are repositories of their own'}, and a repository is checked by itself. Run, for example, \`${exampleCommand(a.command, a.repositories[0] ?? '.', '<folder>')}\`.`
          : `No lofte documents to check in ${a.paths} (an empty folder, no .yaml, .yml or .md files with apiVersion lofte/…, or a pattern that matches no file). Run \`lofte validate --verbose\` to see which files were skipped.`,
      'several-repositories': (a) =>
        `${a.repositories.join(', ')} are different lofte repositories (each with a lofte.config.yaml of its own), and a repository is checked by itself. Run, for example, \`${exampleCommand(a.command, a.repositories[0] ?? '.', '<folder>')}\`.`,
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
