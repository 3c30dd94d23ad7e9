// What every command that reads a repository needs: config, language, date and what to check.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadConfig, ignorePredicate, type Config } from '../config/index.js';
import { isLang, language, type Lang } from '../diagnostics/messages/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { displayName } from '../load/discover.js';
import { loadSchemas } from '../schema/validators.js';
import { printable } from '../util/printable.js';
import type { ValidateOptions } from '../validate.js';
import { localDate, type CliIo } from './io.js';

export interface RepoFlags {
  lang?: Lang;
  asOf?: string;
  config?: string;
}

export interface RepoContext {
  config: Config;
  lang: Lang;
  asOf: string;
  options: ValidateOptions;
  /** Problems in lofte.config.yaml itself: the command cannot run until they are fixed. */
  configDiagnostics: Diagnostic[];
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
export function progressLine(io: CliIo): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTTY || (io.env['CI'] ?? '') !== '') return undefined;
  return (done, total) => {
    if (total < PROGRESS_FROM) return;
    io.stderr(done < total ? `\rLäser filer: ${done}/${total}` : '\r\u001b[K');
  };
}

/** --lang, then the config's `sprak`, then $LOFTE_LANG, then Swedish. */
export function chooseLang(flag: Lang | undefined, config: Config | undefined, env: CliIo['env']): Lang {
  const fromEnv = env['LOFTE_LANG'];
  return flag ?? config?.lang ?? (isLang(fromEnv) ? fromEnv : 'sv');
}

export async function repoContext(paths: readonly string[], flags: RepoFlags, io: CliIo): Promise<RepoContext> {
  // Every command with a repository context checks it: the validators load while the config is read.
  void loadSchemas().catch(() => undefined);
  const { config, diagnostics } = await loadConfig(io.cwd, flags.config);
  const given = paths.length > 0 ? paths : ['.'];
  // Named files are checked in the context of their whole repository, so their references resolve
  // (pre-commit passes only the changed files); findings are reported for the named files only.
  const stats = await Promise.all(given.map((p) => fs.stat(path.resolve(io.cwd, p)).catch(() => undefined)));
  const files = given.filter((_, i) => stats[i]?.isFile());
  const withRepo = files.length > 0 && config.file !== undefined;
  const lang = chooseLang(flags.lang, config, io.env);
  const threads = threadCount(io.env);
  if (threads.ignored !== undefined) io.stderr(language(lang).ui.threadsIgnored(printable(threads.ignored)));
  const options: ValidateOptions = {
    cwd: io.cwd,
    paths: withRepo ? [...given.filter((_, i) => !stats[i]?.isFile()), config.root, ...files] : given,
    asOf: flags.asOf ?? localDate(io.now()),
    ignored: ignorePredicate(config, io.cwd),
    limits: config.limits,
    severityOf: (rule) => config.severities.get(rule),
    onProgress: progressLine(io),
    threads: (fileCount) => (fileCount > 1 ? threads.threads : 1),
    onTiming: io.env['LOFTE_TIMING'] ? (stage, ms) => io.stderr(`lofte: ${stage}: ${ms.toFixed(0)} ms\n`) : undefined,
  };
  if (withRepo) {
    const named = new Set(files.map((f) => displayName(io.cwd, path.resolve(io.cwd, f))));
    const dirs = given.filter((_, i) => stats[i]?.isDirectory()).map((d) => `${displayName(io.cwd, path.resolve(io.cwd, d))}/`);
    options.reportOnly = { has: (file: string) => named.has(file) || dirs.some((d) => d === './' || file.startsWith(d)) };
  }
  return { config, lang, asOf: options.asOf, options, configDiagnostics: diagnostics };
}
