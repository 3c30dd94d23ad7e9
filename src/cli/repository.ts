// The repository a run belongs to: found once, checked whole. Paths on the command line choose
// which findings are shown, not which files are read, so a named file or a subfolder gives the
// same truth as `lofte validate` on the whole repository.

import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../config/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { displayName, UsageError, type WalkDependencies } from '../load/discover.js';
import { idLines } from '../links/cascade.js';
import { globMatcher } from '../util/glob.js';
import { childProcessLib } from '../util/lazy.js';
import { ignoreHint } from './git-ignore-hint.js';

export interface Repository {
  /** The repository's root folder (absolute). */
  root: string;
  /** How the root was found. */
  foundBy: 'config' | 'git' | 'paths';
  /** The git work tree's root, when the root is inside one. */
  gitRoot: string | undefined;
}

/** The nearest folder from `from` upwards that holds `.git` (a folder, or a file in a worktree). */
export function gitRootOf(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const GLOB_CHARS = /[*?[\]{}]/;

/** A path as given is a glob when it does not exist and has glob characters (the shell left it quoted). */
export function isGlob(cwd: string, given: string): boolean {
  return GLOB_CHARS.test(given) && !existsSync(path.resolve(cwd, given));
}

/** The folder to look for the repository from: the deepest folder every given path is in. */
function startFolder(cwd: string, given: readonly string[]): string {
  const dirs = given.map((g) => {
    // A glob's folder is its part before the first glob character.
    const plain = isGlob(cwd, g) ? g.slice(0, g.search(GLOB_CHARS)).replace(/[^/\\]*$/, '') || '.' : g;
    const abs = path.resolve(cwd, plain);
    const st = statOrUndefined(abs);
    return st?.isFile() ? path.dirname(abs) : abs;
  });
  if (dirs.length === 0) return cwd;
  let common = dirs[0] as string;
  for (const d of dirs.slice(1)) {
    while (!(d === common || d.startsWith(common.endsWith(path.sep) ? common : common + path.sep))) common = path.dirname(common);
  }
  return common;
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The nearest folder upwards from the given paths with lofte.config.yaml (not past the git root),
 * else the git work tree's root, else undefined (the paths given are all there is).
 */
export function findRepository(cwd: string, given: readonly string[]): Repository | undefined {
  let start = startFolder(cwd, given);
  while (!existsSync(start) && path.dirname(start) !== start) start = path.dirname(start);
  const git = gitRootOf(start);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return { root: dir, foundBy: 'config', gitRoot: git };
    if (dir === git || path.dirname(dir) === dir) break;
  }
  return git ? { root: git, foundBy: 'git', gitRoot: git } : undefined;
}

/**
 * What git ignores under its work tree (.gitignore files, .git/info/exclude, the global excludes),
 * as a predicate on absolute paths; undefined outside git. git itself is asked (one process) only
 * when the ignore files say a path met in the walk may be ignored, or cannot tell (see
 * git-ignore-hint.ts): most runs meet no ignored path and start no process.
 */
export function gitIgnored(gitRoot: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): (((absPath: string, isDir: boolean) => boolean) & WalkDependencies) | undefined {
  if (!gitRoot) return undefined;
  const hint = ignoreHint(gitRoot, env);
  if (!hint) {
    // git's answers depend on more than files: no `key`, so no walk is kept or taken (see cache/walk.ts).
    const git = askGit(gitRoot);
    return (absPath, isDir) => git?.(absPath, isDir) ?? false;
  }
  // The hint reads files from places these settings name (a `GIT_*` setting leaves no hint).
  const key = JSON.stringify([gitRoot, env['HOME'] ?? null, env['XDG_CONFIG_HOME'] ?? null]);
  let git: ((absPath: string, isDir: boolean) => boolean) | undefined;
  let asked = false;
  const excluded = (absPath: string, isDir: boolean): boolean => {
    if (!asked) {
      if (!hint(absPath, isDir)) return false;
      git = askGit(gitRoot);
      asked = true;
    }
    return git?.(absPath, isDir) ?? false;
  };
  return Object.assign(excluded, { key, inputs: () => (asked ? undefined : hint.read()) });
}

/** git's own list of the ignored paths that are not tracked; undefined when git cannot be run or ignores nothing. */
function askGit(gitRoot: string): ((absPath: string, isDir: boolean) => boolean) | undefined {
  let out: string;
  try {
    out = childProcessLib().execFileSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z'], {
      cwd: gitRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
  const files = new Set<string>();
  const dirs: string[] = [];
  for (const entry of out.split('\0')) {
    if (entry === '') continue;
    if (entry.endsWith('/')) dirs.push(entry);
    else files.add(entry);
  }
  if (files.size === 0 && dirs.length === 0) return undefined;
  const dirSet = new Set(dirs);
  return (absPath, isDir) => {
    const rel = path.relative(gitRoot, absPath).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../')) return false;
    if (isDir ? dirSet.has(`${rel}/`) : files.has(rel)) return true;
    // Inside an ignored folder (git names the folder, not each file in it).
    for (let i = rel.indexOf('/'); i >= 0; i = rel.indexOf('/', i + 1)) if (dirSet.has(rel.slice(0, i + 1))) return true;
    return false;
  };
}

/** Which files the command line named: files, folders and globs, as display names (relative to cwd). */
export interface Selection {
  has(file: string): boolean;
  /** The globs that were given (for "nothing matched"). */
  globs: readonly string[];
}

export function selection(cwd: string, given: readonly string[]): Selection {
  const files = new Set<string>();
  const dirs: string[] = [];
  const globs: string[] = [];
  for (const g of given) {
    if (isGlob(cwd, g)) {
      globs.push(g);
      continue;
    }
    const abs = path.resolve(cwd, g);
    const name = displayName(cwd, abs);
    if (statOrUndefined(abs)?.isDirectory()) dirs.push(path.relative(cwd, abs) === '' ? '' : `${name}/`);
    else files.add(name);
  }
  // The same matcher as `ignorera:` (no backtracking); discovery never offers dot folders anyway.
  const matches = globMatcher(globs.map((g) => g.split(path.sep).join('/').replace(/^\.\//, '')));
  return {
    globs,
    has: (file) => files.has(file) || dirs.some((d) => (d === '' ? !file.startsWith('../') : file.startsWith(d))) || (globs.length > 0 && matches(file)),
  };
}

/**
 * The ids a named file defined in git's last commit (HEAD): a change that removes or renames one
 * breaks references to it in files that were not named. Nothing outside git.
 */
export function idsAtHead(gitRoot: string | undefined, absFiles: readonly string[]): Set<string> {
  const ids = new Set<string>();
  if (!gitRoot) return ids;
  for (const abs of absFiles) {
    const rel = path.relative(gitRoot, abs).split(path.sep).join('/');
    if (rel.startsWith('../')) continue;
    let text: string;
    try {
      text = childProcessLib().execFileSync('git', ['show', `HEAD:${rel}`], { cwd: gitRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000, maxBuffer: 16 * 1024 * 1024 });
    } catch {
      continue; // new file, no commit yet, or no git
    }
    for (const id of idLines(text)) ids.add(id);
  }
  return ids;
}

const REFERENCE_RULES = new Set(['unresolved-reference', 'reference-kind']);

/**
 * Findings in files that were not named but that a named file caused: a reference to an id the
 * named files defined at HEAD and no longer do, or whose suggested fix is an id a named file defines
 * now (a rename, also outside git).
 */
export function causedByNamed(removedIds: ReadonlySet<string>, namedIds: ReadonlySet<string>): (d: Diagnostic) => boolean {
  return (d) => {
    if (!REFERENCE_RULES.has(d.rule)) return false;
    const id = d.args['id'];
    if (typeof id !== 'string') return false;
    if (removedIds.has(id)) return true;
    const suggestions = d.args['suggestions'];
    return Array.isArray(suggestions) && suggestions.some((s) => namedIds.has(s as string));
  };
}

/** The commands with a repository to check, as a sentence that suggests one names them. */
export type CheckCommand = 'validate' | 'report' | 'export' | 'links';

/** A folder as the user would type it from `cwd`: `.` for `cwd` itself. */
function typed(cwd: string, dir: string): string {
  const rel = path.relative(cwd, dir);
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

/**
 * "Nothing to check": the user gets exit 2 and a sentence, not a silent 0. The sentence names the
 * repositories of their own (a folder with lofte.config.yaml, other than `root`) at or in the
 * folders given: a check reads one repository and leaves those out, so `lofte validate examples`
 * would otherwise say only that there was nothing.
 */
export function nothingMatched(ctx: { cwd: string; given: readonly string[]; root: string | undefined; command: CheckCommand }): UsageError {
  const { cwd, given, command } = ctx;
  const repositories = ownRepositories(cwd, given, ctx.root).map((dir) => typed(cwd, dir));
  return new UsageError('nothing-matched', repositories.length > 0 ? { paths: given.join(' '), repositories, command } : { paths: given.join(' ') });
}

/** The repository of its own (a folder with lofte.config.yaml) that a folder given is, or lies in; undefined for a file, a glob or a folder in none. */
function ownRoot(cwd: string, given: string): string | undefined {
  if (isGlob(cwd, given) || !statSync(path.resolve(cwd, given), { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const own = findRepository(cwd, [given]);
  return own?.foundBy === 'config' ? own.root : undefined;
}

/**
 * Folders given that lie in two or more repositories of their own (each its own lofte.config.yaml):
 * a check reads one repository, so `lofte validate a b` with `a` and `b` two repositories is
 * refused with the repositories named, in or outside git. Named files are not judged: pre-commit
 * passes the changed files of a whole git repository, and they are checked as they always were.
 */
export function severalRepositories(cwd: string, given: readonly string[], command: CheckCommand): UsageError | undefined {
  // One path lies in one repository: the usual run looks no further.
  if (given.length < 2) return undefined;
  const roots = new Set<string>();
  for (const g of given) {
    const own = ownRoot(cwd, g);
    if (own !== undefined) roots.add(own);
  }
  if (roots.size < 2) return undefined;
  return new UsageError('several-repositories', { repositories: [...roots].sort().slice(0, MOST_REPOSITORIES_NAMED).map((dir) => typed(cwd, dir)), command });
}

/** Folders looked into for repositories of their own, at most: the search runs only when nothing was found to check. */
const MOST_FOLDERS_SEARCHED = 2000;
/** Repositories named, at most. */
const MOST_REPOSITORIES_NAMED = 5;

/**
 * The repositories of their own (other than `root`) that hold or are inside the folders given, in
 * name order: breadth first below each folder, skipping dot folders and node_modules as a check
 * does, and not looking inside a repository once found.
 */
function ownRepositories(cwd: string, given: readonly string[], root: string | undefined): string[] {
  const found = new Set<string>();
  let searched = 0;
  for (const g of given) {
    const abs = path.resolve(cwd, g);
    if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) continue;
    // The folder itself, or one above it, may be a repository other than the one checked.
    const own = ownRoot(cwd, g);
    if (own !== undefined && own !== root) {
      found.add(own);
      continue;
    }
    const queue = [abs];
    while (queue.length > 0 && searched < MOST_FOLDERS_SEARCHED) {
      const dir = queue.shift() as string;
      searched++;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      if (dir !== root && entries.some((e) => e.name === CONFIG_FILE)) {
        found.add(dir);
        continue;
      }
      for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') queue.push(path.join(dir, e.name));
    }
  }
  return [...found].sort().slice(0, MOST_REPOSITORIES_NAMED);
}
