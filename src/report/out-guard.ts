// The output-path guard: which folder a report may be written to, which page names may become
// files, and what lofte may find on its way to a file in it (no symbolic links, no files of others).

import { lstatSync, mkdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { asOutputError, errnoCode, OutputError } from '../util/output-error.js';

/** Names Windows cannot give a file, whatever the extension (`con.html` is the console). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
/** Lower-case ASCII kebab-case, as ids are; short enough for every file system. */
const SAFE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_NAME = 200;

/** A page name (an id, or a folder of the site) that is a file name on every system. */
export function safePageName(name: string): boolean {
  return name.length <= MAX_NAME && SAFE_NAME.test(name) && !WINDOWS_RESERVED.test(name);
}

/**
 * A site path stays inside the folder: plain names joined by `/`, ending in `.html` or `.md`; the
 * open data folder adds JSON (and its `.schema.json`), CSV, Atom, JSON-LD and RDF/XML.
 */
const SITE_EXTENSION = /\.(?:schema\.json|html|md|json|jsonld|csv|xml|rdf)$/;

export function safeSitePath(rel: string): boolean {
  const m = /^(.+?)(?:\.schema\.json|\.(?:html|md|json|jsonld|csv|xml|rdf))$/.exec(rel);
  return m !== null && (m[1] ?? '').split('/').every(safePageName);
}

/** The page's name that is not safe, for the message: the offending segment. */
export function unsafeSegment(rel: string): string {
  const base = rel.replace(SITE_EXTENSION, '');
  return base.split('/').find((s) => !safePageName(s)) ?? rel;
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw asOutputError(err, file, 'read');
  }
}

function realOrSelf(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** The git root above `from`, if any. */
function gitRoot(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (lstatOrUndefined(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export interface OutFolderOptions {
  cwd: string;
  /** Folders the report must not be written into: those being checked, the config file's folder. */
  sources: readonly string[];
  /** The user said explicitly that --out may be the repository root (`--allow-repo-root`). */
  allowRepoRoot?: boolean;
}

const within = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/**
 * The absolute output folder for `--out`, or a refusal: an empty path, the file-system root, or
 * (unless allowed) the repository root, a folder being checked or a folder above one; and a path
 * that exists but is not a folder. Symbolic links in the path the user gave are theirs to give.
 */
export function outFolder(given: string, options: OutFolderOptions): string {
  if (given.trim() === '') throw new OutputError('out-empty', {});
  const out = path.resolve(options.cwd, given);
  const real = realOrSelf(out);
  if (path.parse(real).root === real || path.parse(out).root === out) throw new OutputError('out-root', { path: out });
  if (!options.allowRepoRoot) {
    const git = gitRoot(realOrSelf(options.cwd));
    const guarded = [...options.sources.map((s) => path.resolve(options.cwd, s)), ...(git ? [git] : [])].map(realOrSelf);
    const hit = guarded.find((g) => within(g, real));
    if (hit !== undefined) throw new OutputError('out-repo-root', { path: out, source: hit });
  }
  // The nearest part of the path that exists must be a folder (a link to one is the user's choice).
  for (let dir = out; ; dir = path.dirname(dir)) {
    let stat: Stats;
    try {
      stat = statSync(dir);
    } catch (err) {
      const code = errnoCode(err);
      if ((code === 'ENOENT' || code === 'ENOTDIR') && path.dirname(dir) !== dir) continue;
      throw asOutputError(err, dir, 'read');
    }
    if (!stat.isDirectory()) throw new OutputError('out-not-dir', { path: dir });
    break;
  }
  return out;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Creates `dir` and the folders above it that are missing, one at a time, each once: Node's own
 * recursive mkdir retries for ever where the system refuses a folder in a way it does not expect
 * (under /proc). Returns the folders it created, outermost first, so a refusal can take them back.
 */
export function makeFolder(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    const stat = lstatOrUndefined(d);
    if (stat) {
      if (!stat.isDirectory() && !(stat.isSymbolicLink() && statOrUndefined(d)?.isDirectory())) throw new OutputError('out-not-dir', { path: d });
      break;
    }
    if (path.dirname(d) === d) break;
    missing.unshift(d);
  }
  const created: string[] = [];
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (err) {
      // Another run made the same folder a moment ago: a real folder is what was wanted (not a link).
      if (errnoCode(err) === 'EEXIST' && lstatOrUndefined(d)?.isDirectory()) continue;
      throw asOutputError(err, d, 'create-dir');
    }
    created.push(d);
  }
  return created;
}

/** What is at a page's place in the output folder. */
export type TargetState = 'absent' | 'file';

/**
 * Looks at the way from `out` to `out/rel` without following a link: every folder on it must be
 * a real folder (or missing), and the page itself a plain file or missing. A link or anything
 * else in the way is refused. `folders` caches the folders already looked at.
 */
export function inspectTarget(out: string, rel: string, folders: Map<string, boolean> = new Map()): TargetState {
  const parts = rel.split('/');
  let dir = out;
  for (const part of parts.slice(0, -1)) {
    dir = path.join(dir, part);
    const known = folders.get(dir);
    if (known === false) return 'absent';
    if (known === true) continue;
    const stat = lstatOrUndefined(dir);
    if (!stat) {
      folders.set(dir, false);
      return 'absent';
    }
    if (stat.isSymbolicLink()) throw new OutputError('symlink', { path: dir });
    if (!stat.isDirectory()) throw new OutputError('not-ours', { path: dir, page: rel });
    folders.set(dir, true);
  }
  const file = path.join(out, rel);
  const stat = lstatOrUndefined(file);
  if (!stat) return 'absent';
  if (stat.isSymbolicLink()) throw new OutputError('symlink', { path: file });
  if (!stat.isFile()) throw new OutputError('not-ours', { path: file, page: rel });
  return 'file';
}

/** Whether `out/rel` is a plain file reached through real folders only: one lofte may remove. */
export function plainFileAt(out: string, rel: string): boolean {
  try {
    return inspectTarget(out, rel) === 'file';
  } catch {
    return false;
  }
}

/** Whether something (anything, a link too) is at `file`. */
export function present(file: string): boolean {
  return lstatOrUndefined(file) !== undefined;
}

/** Whether `dir` is a real folder (not a link to one). */
export function realFolder(dir: string): boolean {
  return lstatOrUndefined(dir)?.isDirectory() === true;
}

/** Whether `file` is a plain file (not a link, not a folder). */
export function plainFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}
