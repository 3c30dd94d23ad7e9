// Walks the paths a user gave for YAML and Markdown files, in a stable order.

import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

export const SOURCE_EXTENSIONS = ['.yaml', '.yml', '.md'] as const;

export interface DiscoveredFile {
  absPath: string;
  /** Relative to the working directory, forward slashes: how people see it. */
  name: string;
  /** Set for a folder discovery could not list: it is reported as `file-unreadable`, not skipped. */
  unreadableFolder?: true;
}

/** Every way a command line can be wrong, with what its message needs (worded in `ui.usage`). */
export interface UsageArgs {
  'path-not-found': { path: string };
  'unsupported-file': { path: string };
  /** `repositories`: folders with a lofte.config.yaml of their own at or in the paths, which a check of another repository leaves out; `command` is the one to check one of them with. */
  'nothing-matched': { paths: string; repositories?: readonly string[]; command?: string };
  /** Folders named that lie in two or more repositories of their own (each its own lofte.config.yaml). */
  'several-repositories': { repositories: readonly string[]; command: string };
  /** `--format x` where x is no formatter. */
  'unknown-format': { format: string; formats: string };
  /** `--format x=` with no file. */
  'format-without-file': { value: string };
  /** Two `--format`s to standard output. */
  'one-stdout': Record<string, never>;
  /** `lofte schema x` / `lofte new x` where x is no kind. */
  'unknown-kind': { kind: string; kinds: string };
  'unknown-kommun': { kommun: string };
  'unknown-region': { region: string; regions: string };
  /** `lofte init --lpo` with characters the templates cannot hold unquoted. */
  'unsafe-lpo': { lpo: string };
  /** `lofte new --id` that is not kebab-case. */
  'bad-id': { id: string };
}
export type UsageCode = keyof UsageArgs;

export class UsageError<C extends UsageCode = UsageCode> extends Error {
  constructor(
    readonly code: C,
    readonly args: UsageArgs[C],
  ) {
    super(code);
  }
}

/**
 * What a walk predicate's answers depend on, so that a walk recorded earlier (see `WalkTrace`) can
 * tell whether it still holds: `key`, the settings it answers from; `inputs()`, the files it has
 * read to answer so far, or undefined when its answers depend on more than files (git was asked).
 */
export interface WalkDependencies {
  key?: string;
  inputs?: () => readonly string[] | undefined;
}

/** A folder's part of an earlier walk: the folders it walked into and the files it found there. */
export interface KeptListing {
  folders: readonly { absPath: string; name: string }[];
  files: readonly { absPath: string; name: string }[];
}

/**
 * Told of the walk as it goes: each folder just before it is listed (`folder` may answer with the
 * folder's part of an earlier walk that still holds: the folder is then not listed), each file
 * named (not found in a folder), and anything met that the folders' own stamps cannot vouch for
 * (a symlink, a folder that could not be listed).
 */
export interface WalkTrace {
  folder(absPath: string, name: string): KeptListing | undefined;
  named(absPath: string): void;
  opaque(): void;
}

export interface DiscoverOptions {
  cwd: string;
  /** True for a repo-relative path (forward slashes) that configuration tells lofte to ignore. */
  ignored?: ((relPath: string) => boolean) & WalkDependencies;
  /** True for a file or folder met while walking a folder that is not to be read (.gitignore, another repository). */
  excluded?: ((absPath: string, isDir: boolean) => boolean) & WalkDependencies;
  /**
   * A folder met while walking that holds the file `marker` is a repository of its own and is not
   * read, unless it is `except` (the repository being checked). Judged from the folder's own
   * listing, which the walk reads anyway: no extra file-system call per folder.
   */
  otherRepository?: { marker: string; except?: string };
  trace?: WalkTrace;
}

export function displayName(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath);
  return (rel === '' ? path.basename(absPath) : rel).split(path.sep).join('/');
}

export function isSourceFile(name: string): boolean {
  // The last extension, lower-cased once (every source extension has one dot).
  const dot = name.lastIndexOf('.');
  return dot >= 0 && (SOURCE_EXTENSIONS as readonly string[]).includes(name.slice(dot).toLowerCase());
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function realOrSelf(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** The real path a symlink leads to when that is inside `root` (a real path); undefined otherwise or when it dangles. */
function realInsideRoot(link: string, root: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(link);
  } catch {
    return undefined;
  }
  const rel = path.relative(root, real);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)) ? real : undefined;
}

/** `dir` (absolute, normalised) and a name in it, without path.join's normalising of what is already normal. */
function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

export async function discover(paths: readonly string[], options: DiscoverOptions): Promise<DiscoveredFile[]> {
  const found = new Map<string, DiscoveredFile>();
  const visitedDirs = new Set<string>();
  const cwd = path.resolve(options.cwd);
  const add = (absPath: string, name = displayName(options.cwd, absPath)): void => {
    if (options.ignored?.(name)) return;
    if (!found.has(absPath)) found.set(absPath, { absPath, name });
  };

  // Synchronous calls: one readdir per folder, no waiting between thousands of small awaits.
  // `name` is the folder's display name, so its files' names are made by appending, not computed.
  // `root` is the real path of the folder the user named: a symlink is followed only to a place
  // inside it, so a committed link to `/` or to another repository pulls nothing in.
  const other = options.otherRepository;
  const trace = options.trace;
  // `real`: the folder's real path, known from its parent's (a folder entry that is no symlink adds
  // its name) or from the symlink followed to it: no realpath call per folder.
  const walk = (dir: string, name: string, root: string, real: string, named = false): void => {
    // A symlink loop (or two links to one folder) is walked once.
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    const kept = trace?.folder(dir, name);
    if (kept) {
      for (const sub of kept.folders) walk(sub.absPath, sub.name, root, childPath(real, path.basename(sub.absPath)));
      for (const file of kept.files) add(file.absPath, file.name);
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      trace?.opaque();
      // A folder that vanished is nothing to check; one that cannot be read is said, not skipped.
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && !options.ignored?.(`${name}/`)) found.set(dir, { absPath: dir, name: name === '' ? '.' : name, unreadableFolder: true });
      return;
    }
    if (other && !named && dir !== other.except && entries.some((e) => e.name === other.marker)) return;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const prefix = name === '' ? '' : `${name}/`;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = childPath(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let childReal: string | undefined;
      if (entry.isSymbolicLink()) {
        trace?.opaque();
        childReal = realInsideRoot(full, root);
        if (childReal === undefined) continue;
        const stat = statOrUndefined(full);
        isDir = stat?.isDirectory() ?? false;
        isFile = stat?.isFile() ?? false;
      }
      if (isDir) {
        // A walk from a parent folder back into the working directory names its files from there.
        const inward = full === cwd || cwd.startsWith(full + path.sep);
        const childName = inward ? path.relative(cwd, full).split(path.sep).join('/') : `${prefix}${entry.name}`;
        if (!options.ignored?.(inward ? `${childName || '.'}/` : `${prefix}${entry.name}/`) && !options.excluded?.(full, true)) walk(full, childName, root, childReal ?? childPath(real, entry.name));
      } else if (isFile && isSourceFile(entry.name) && entry.name !== 'lofte.config.yaml' && !options.excluded?.(full, false)) {
        add(full, `${prefix}${entry.name}`);
      }
    }
  };

  for (const given of paths) {
    const absPath = path.resolve(options.cwd, given);
    const stat = statOrUndefined(absPath);
    if (!stat) throw new UsageError('path-not-found', { path: given });
    if (stat.isDirectory()) {
      const real = realOrSelf(absPath);
      walk(absPath, path.relative(options.cwd, absPath).split(path.sep).join('/'), real, real, true);
    }
    else if (isSourceFile(absPath)) {
      trace?.named(absPath);
      add(absPath);
    }
    else throw new UsageError('unsupported-file', { path: given });
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
