// What every command that reads a repository needs: config, language, date and what to check.

import { statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, loadConfig, ignorePredicate, type Config } from '../config/index.js';
import { isLang, language, type Lang } from '../diagnostics/messages/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { UsageError } from '../load/discover.js';
import { loadSchemas } from '../schema/validators.js';
import { printable } from '../util/printable.js';
import type { ValidateOptions } from '../validate.js';
import { localDate, type CliIo } from './io.js';
import { causedByNamed, findRepository, gitIgnored, gitRootOf, idsAtHead, isGlob, nothingMatched, selection, severalRepositories, type CheckCommand, type Repository } from './repository.js';

export interface RepoFlags {
  lang?: Lang;
  asOf?: string;
  config?: string;
  /** False when the validators may not be needed (a run from the persistent cache): they load when a file must be checked. */
  preloadValidators?: boolean;
}

export interface RepoContext {
  config: Config;
  lang: Lang;
  asOf: string;
  options: ValidateOptions;
  /** Problems in lofte.config.yaml itself: the command cannot run until they are fixed. */
  configDiagnostics: Diagnostic[];
  /** The repository the paths belong to; undefined outside one (then the paths are all there is). */
  repository: Repository | undefined;
  /** The paths as given (for messages). */
  given: readonly string[];
  /** The command that checks it, for the sentence when there is nothing to check (`nothingToCheck`). */
  command: CheckCommand | undefined;
}

/** "Nothing to check" for this context's command and paths (see `nothingMatched`). */
export function nothingToCheck(ctx: RepoContext): UsageError {
  return nothingMatched({ cwd: ctx.options.cwd, given: ctx.given, root: ctx.repository?.root, command: ctx.command ?? 'validate' });
}

/**
 * How many threads to check files on: $LOFTE_THREADS (1 to 16), else 1; `ignored` when it was set
 * to something else. Measured on 2 cores (README, "Prestanda"), a second thread gains at most
 * about 10 % and costs 30 MB: a worker first compiles its code, and the two threads' compilers and
 * garbage collectors share the cores.
 */
export function threadCount(env: Readonly<Record<string, string | undefined>>): { threads: number; ignored?: string } {
  const value = env['LOFTE_THREADS'];
  if (value === undefined || value === '') return { threads: 1 };
  const asked = Number(value);
  return Number.isInteger(asked) && asked >= 1 && asked <= 16 ? { threads: asked } : { threads: 1, ignored: value };
}

/** Files from which a run counts as long enough to show progress. */
export const PROGRESS_FROM = 200;

/** A progress line on stderr for long runs at a terminal; nothing in CI logs or pipes. */
export function progressLine(io: CliIo, lang: Lang = 'sv'): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTTY || (io.env['CI'] ?? '') !== '') return undefined;
  return (done, total) => {
    if (total < PROGRESS_FROM) return;
    io.stderr(done < total ? `\r${language(lang).cli.progress({ done, total })}` : '\r\u001b[K');
  };
}

/** --lang, then the config's `sprak`, then $LOFTE_LANG, then Swedish. */
export function chooseLang(flag: Lang | undefined, config: Config | undefined, env: CliIo['env']): Lang {
  const fromEnv = env['LOFTE_LANG'];
  return flag ?? config?.lang ?? (isLang(fromEnv) ? fromEnv : 'sv');
}

/**
 * The repository to check from the paths given, and how. `command`: the command that checks it,
 * which refuses folders that lie in two or more repositories of their own (see `severalRepositories`).
 */
export async function repoContext(paths: readonly string[], flags: RepoFlags, io: CliIo, command?: CheckCommand): Promise<RepoContext> {
  // Every command with a repository context checks it: the validators load while the config is read.
  if (flags.preloadValidators !== false) void loadSchemas().catch(() => undefined);
  const given = paths.length > 0 ? paths : ['.'];
  // One repository, found once from the paths given; the whole of it is checked, so references
  // resolve whatever was named (pre-commit passes only the changed files). The paths choose which
  // findings are shown.
  const several = command !== undefined && flags.config === undefined ? severalRepositories(io.cwd, given, command) : undefined;
  if (several) throw several;
  const repo = flags.config ? { root: path.dirname(path.resolve(io.cwd, flags.config)), foundBy: 'config' as const, gitRoot: gitRootOf(path.resolve(io.cwd, flags.config)) } : findRepository(io.cwd, given);
  const configFile = flags.config ?? (repo?.foundBy === 'config' ? path.join(repo.root, CONFIG_FILE) : undefined);
  const loaded = await loadConfig(io.cwd, configFile);
  const config: Config = repo ? { ...loaded.config, root: repo.root } : loaded.config;
  const diagnostics = loaded.diagnostics;
  const globs = given.filter((g) => isGlob(io.cwd, g));
  const plain = given.filter((g) => !isGlob(io.cwd, g));
  // Outside any repository a glob is walked from its folder (the part before the first glob character).
  const globBases = repo ? [] : globs.map((g) => g.slice(0, g.search(/[*?[\]{}]/)).replace(/[^/\\]*$/, '') || '.');
  const lang = chooseLang(flags.lang, config, io.env);
  const threads = threadCount(io.env);
  if (threads.ignored !== undefined) io.stderr(language(lang).ui.threadsIgnored(printable(threads.ignored)));
  const ignoredByGit = gitIgnored(repo?.gitRoot);
  const root = repo?.root;
  const options: ValidateOptions = {
    cwd: io.cwd,
    paths: root ? [root, ...plain] : [...plain, ...globBases],
    asOf: flags.asOf ?? localDate(io.now()),
    ignored: ignorePredicate(config, io.cwd),
    // Not read while walking: what git ignores, and folders that are repositories of their own.
    excluded: ignoredByGit,
    otherRepository: { marker: CONFIG_FILE, except: root },
    limits: config.limits,
    severityOf: (rule) => config.severities.get(rule),
    onProgress: progressLine(io, lang),
    threads: (fileCount) => (fileCount > 1 ? threads.threads : 1),
    onTiming: io.env['LOFTE_TIMING'] ? (stage, ms) => io.stderr(`lofte: ${stage}: ${ms.toFixed(0)} ms\n`) : undefined,
  };
  const chosen = selection(io.cwd, given);
  const wholeRepo = root !== undefined && globs.length === 0 && plain.some((p) => path.resolve(io.cwd, p) === root);
  if (!wholeRepo) {
    const namedFiles = plain.map((p) => path.resolve(io.cwd, p)).filter((abs) => statSync(abs, { throwIfNoEntry: false })?.isFile());
    let caused: ((d: Diagnostic) => boolean) | undefined;
    let causedFor: object | undefined;
    options.reportOnly = {
      has: chosen.has,
      outsideFiles: namedFiles.length > 0 && repo?.gitRoot !== undefined,
      also: (d, graph) => {
        if (causedFor !== graph) {
          const namedIds = new Set<string>();
          for (const [id, e] of graph.byId) if (chosen.has(e.doc.file)) namedIds.add(id);
          caused = causedByNamed(idsAtHead(repo?.gitRoot, namedFiles), namedIds);
          causedFor = graph;
        }
        return caused?.(d) ?? false;
      },
    };
  }
  return { config, lang, asOf: options.asOf, options, configDiagnostics: diagnostics, repository: repo, given, command };
}
