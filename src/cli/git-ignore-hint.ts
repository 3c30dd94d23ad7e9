// Whether git could ignore a path, told from the ignore files alone without running git: a cheap
// pre-check so that `git ls-files` (a process, tens of milliseconds) runs only when something in
// the walk may be ignored. It may say "maybe" where git would not ignore (a tracked file, a case
// git tells apart); it never says "no" where git would say yes. Whatever it cannot read plainly
// (a negation, `**`, a character class, a configured excludes file) makes it answer "ask git".

import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Answers true when git may ignore the path; undefined from `ignoreHint` means "ask git now".
 * `read()`: every file it has read (or looked for) so far, so a recorded walk can tell whether
 * the answers still hold.
 */
export type IgnoreHint = ((absPath: string, isDir: boolean) => boolean) & { read(): readonly string[] };

interface Pattern {
  /** Matches the path's last segment (relative to the ignore file's folder when anchored). */
  name: RegExp;
  anchored: boolean;
  dirOnly: boolean;
}

/** A pattern is plain: a name with `*` at most, maybe a leading or trailing `/`, nothing else. */
const PLAIN = /^\/?[^/\\?[\]!\s]+\/?$/;

/** The patterns of one ignore file; undefined when one of its lines is not plain. */
export function plainPatterns(text: string): Pattern[] | undefined {
  const out: Pattern[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (!PLAIN.test(line) || line.includes('**') || line === '/') return undefined;
    const anchored = line.startsWith('/');
    const dirOnly = line.endsWith('/');
    const name = line.slice(anchored ? 1 : 0, dirOnly ? -1 : undefined);
    if (name.includes('/')) return undefined;
    const source = name.replace(/[.+^${}()|]/g, '\\$&').replace(/\*/g, '[^/]*');
    // Case-insensitive: on a case-insensitive file system git may match either way.
    out.push({ name: new RegExp(`^${source}$`, 'i'), anchored, dirOnly });
  }
  return out;
}

function readText(file: string, read?: string[]): string | undefined {
  read?.push(file);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The git folder and the common one (a worktree shares info/exclude and config with its main repository). */
function gitDirs(gitRoot: string, read: string[]): { gitDir: string; commonDir: string } | undefined {
  const dotGit = path.join(gitRoot, '.git');
  let st;
  try {
    st = statSync(dotGit);
  } catch {
    return undefined;
  }
  if (st.isDirectory()) return { gitDir: dotGit, commonDir: dotGit };
  const m = /^gitdir: (.+)$/m.exec(readText(dotGit, read) ?? '');
  if (!m?.[1]) return undefined;
  const gitDir = path.resolve(gitRoot, m[1].trim());
  const common = readText(path.join(gitDir, 'commondir'), read);
  return { gitDir, commonDir: common === undefined ? gitDir : path.resolve(gitDir, common.trim()) };
}

/** Settings that can point git at other ignore files or config than the ones read here. */
const GIT_ENV = /^GIT_(DIR|WORK_TREE|COMMON_DIR|INDEX_FILE|CONFIG\w*|CEILING_DIRECTORIES)$/;
const CONFIG_KEYS = /excludesfile|\[\s*include/i;

/**
 * The pre-check for a git work tree, or undefined when it cannot be told without git: another
 * platform's config places, git settings in the environment, a configured excludes file or an
 * include in a config file, or an ignore file with a pattern that is not plain.
 */
export function ignoreHint(gitRoot: string, env: Readonly<Record<string, string | undefined>> = process.env): IgnoreHint | undefined {
  if (process.platform === 'win32') return undefined;
  if (Object.keys(env).some((k) => GIT_ENV.test(k))) return undefined;
  const read: string[] = [];
  const dirs = gitDirs(gitRoot, read);
  if (!dirs) return undefined;
  const home = env['HOME'] ?? os.homedir();
  const xdg = env['XDG_CONFIG_HOME'] || path.join(home, '.config');
  const configs = ['/etc/gitconfig', '/usr/local/etc/gitconfig', '/opt/homebrew/etc/gitconfig', path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config'), path.join(dirs.commonDir, 'config'), path.join(dirs.gitDir, 'config.worktree')];
  if (configs.some((f) => CONFIG_KEYS.test(readText(f, read) ?? ''))) return undefined;
  // The repository-wide ignore files apply from the work tree's root.
  const rootWide: Pattern[] = [];
  for (const f of [path.join(dirs.commonDir, 'info', 'exclude'), path.join(xdg, 'git', 'ignore')]) {
    const text = readText(f, read);
    if (text === undefined) continue;
    const patterns = plainPatterns(text);
    if (!patterns) return undefined;
    rootWide.push(...patterns);
  }
  // Each folder's .gitignore, read once; null when it is not plain (then git is asked).
  const perFolder = new Map<string, Pattern[] | null>();
  const folderPatterns = (dir: string): Pattern[] | null => {
    let p = perFolder.get(dir);
    if (p === undefined) {
      const file = path.join(dir, '.gitignore');
      const text = readText(file, read);
      p = text === undefined ? [] : (plainPatterns(text) ?? null);
      perFolder.set(dir, p);
    }
    return p;
  };
  // Plain patterns name one path segment: only the path's own name is tested; an anchored one
  // (`/name`) only from the folder the path is directly in.
  const matches = (patterns: readonly Pattern[], name: string, direct: boolean, isDir: boolean): boolean =>
    patterns.some((p) => (!p.dirOnly || isDir) && (!p.anchored || direct) && p.name.test(name));
  const hint = (absPath: string, isDir: boolean): boolean => {
    const rel = path.relative(gitRoot, absPath).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../')) return false;
    const parts = rel.split('/');
    const name = parts[parts.length - 1] as string;
    if (matches(rootWide, name, parts.length === 1, isDir)) return true;
    // The .gitignore of every folder from the work tree's root down to the path's own folder.
    let dir = gitRoot;
    for (let i = 0; i < parts.length; i++) {
      const patterns = folderPatterns(dir);
      if (patterns === null || matches(patterns, name, i === parts.length - 1, isDir)) return true;
      dir = path.join(dir, parts[i] as string);
    }
    return false;
  };
  return Object.assign(hint, { read: (): readonly string[] => read });
}
