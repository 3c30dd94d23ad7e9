// The whole check: discover → per file (read, parse, schema, document rules; on worker threads when
// asked for) → links and repository rules → disable comments and severities → sorted diagnostics.
// Watch mode keeps the per-file half and redoes it only for the files that changed.

import { existsSync } from 'node:fs';
import { checkFile, checkFileText, disabledRules, type FileCheckOptions, type FileResult } from './check/file.js';
import { compareDiagnostics, type Diagnostic } from './diagnostics/types.js';
import { makeDiagnostic } from './diagnostics/make.js';
import { applyDirectives } from './load/directives.js';
import { discover, type DiscoveredFile, type DiscoverOptions } from './load/discover.js';
import { currentStamp, CurrentStamps, type Progress, type SkippedFile } from './load/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits, type ParseMode } from './load/parse.js';
import { brokenFiles, withoutCascades } from './links/cascade.js';
import { resolveReferences, type LinkGraph } from './links/index.js';
import { referenceData } from './model/reference-data.js';
import { runRepositoryRules } from './rules/index.js';
import type { Entity } from './schema/index.js';
import { loadSchemas } from './schema/validators.js';
import { stopwatch } from './util/stopwatch.js';

export interface ValidateOptions {
  cwd: string;
  paths: readonly string[];
  /** YYYY-MM-DD: the day time-dependent rules judge by. */
  asOf: string;
  limits?: ParseLimits;
  onProgress?: Progress;
  ignored?: DiscoverOptions['ignored'];
  /** Files and folders met while walking that are not read (.gitignore, another repository). */
  excluded?: DiscoverOptions['excluded'];
  /** Folders holding this marker file are repositories of their own, not read (see discover). */
  otherRepository?: DiscoverOptions['otherRepository'];
  /**
   * Report findings only in these files (named on the command line); the rest is context for links.
   * `also`: a finding elsewhere that is shown all the same (one the named files caused).
   */
  reportOnly?: {
    has(file: string): boolean;
    also?(d: Diagnostic, graph: LinkGraph): boolean;
    /** `also` looks beyond the files (at git's last commit): the persistent cache does not keep such a result. */
    outsideFiles?: boolean;
  };
  /** The severity configuration gives a rule, or 'off'; undefined keeps the default. */
  severityOf?: (rule: string) => Diagnostic['severity'] | 'off' | undefined;
  /** Threads to check this many files on (1, the default, checks them on this thread). */
  threads?: (fileCount: number) => number;
  /** Told how long each stage took, in milliseconds ($LOFTE_TIMING). */
  onTiming?: (stage: string, ms: number) => void;
  /** A persistent cache (`--cache`) in this folder, used by a session's first run; told when it cannot be written. */
  cache?: { location: string; onWriteError?: (code: string) => void };
  /** How positions are found: `fast` (the default) or `exact` (tests compare the two). */
  parser?: ParseMode;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  entities: Entity[];
  graph: LinkGraph;
  /** Files that held lofte documents (or were meant to). */
  fileCount: number;
  /** Of those, the files whose findings are shown (all of them without `reportOnly`). */
  shownFileCount: number;
  skipped: SkippedFile[];
}

/** The repository-wide half: links, repository rules, disable comments, severities, order. */
export function analyse(files: readonly FileResult[], options: ValidateOptions): ValidationResult {
  const time = stopwatch(options.onTiming);
  const kept = files.filter((f) => !f.skipped);
  const entities = kept.flatMap((f) => f.entities);
  const linked = resolveReferences(entities);
  time('links');
  const ruled = runRepositoryRules({ entities, graph: linked.graph, asOf: options.asOf, data: referenceData(), enabled: (code) => options.severityOf?.(code) !== 'off' });
  time('repository rules');
  const own = kept.flatMap((f) => f.diagnostics);
  const broken = brokenFiles(own, options.cwd, (options.limits ?? DEFAULT_PARSE_LIMITS).maxFileBytes);
  const all = applyDirectives([...own, ...withoutCascades([...linked.diagnostics, ...ruled], broken)], kept.flatMap((f) => f.directives));
  const shown = options.reportOnly;
  const diagnostics = capPerFile(applySeverity(all, options.severityOf).filter((d) => !shown || shown.has(d.file) || shown.also?.(d, linked.graph) === true));
  time('sort');
  const skipped = files.flatMap((f) => (f.skipped ? [f.skipped] : []));
  // The files named, and those outside them that a named file broke (their findings are shown).
  const shownFileCount = shown ? kept.filter((f) => shown.has(f.file)).length + new Set(diagnostics.filter((d) => !shown.has(d.file)).map((d) => d.file)).size : kept.length;
  return { diagnostics, entities, graph: linked.graph, fileCount: kept.length, shownFileCount, skipped };
}

/** The most findings shown for one file; the rest become one `limit-exceeded` finding that counts them. */
export const MAX_FINDINGS_PER_FILE = 1000;

/**
 * Sorted findings with at most MAX_FINDINGS_PER_FILE per file: a generated or broken file with
 * 100,000 mistakes must not flood CI logs and outputs. The finding that stands for the rest sits
 * where the first of them was, as severe as the worst of them.
 */
export function capPerFile(sorted: Diagnostic[], max = MAX_FINDINGS_PER_FILE): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < sorted.length; ) {
    const file = (sorted[i] as Diagnostic).file;
    let end = i;
    while (end < sorted.length && (sorted[end] as Diagnostic).file === file) end++;
    if (end - i <= max) {
      for (let k = i; k < end; k++) out.push(sorted[k] as Diagnostic);
    } else {
      for (let k = i; k < i + max; k++) out.push(sorted[k] as Diagnostic);
      const first = sorted[i + max] as Diagnostic;
      let severity: Diagnostic['severity'] = 'warning';
      for (let k = i + max; k < end; k++) if ((sorted[k] as Diagnostic).severity === 'error') severity = 'error';
      out.push({ ...makeDiagnostic('limit-exceeded', file, first.range, [], { limit: 'findings', max, more: end - i - max }), severity });
    }
    i = end;
  }
  return out;
}

export async function validateRepository(options: ValidateOptions): Promise<ValidationResult> {
  return new ValidationSession(options).run();
}

export function applySeverity(diagnostics: Diagnostic[], severityOf: ValidateOptions['severityOf']): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const configured = severityOf?.(d.rule);
    if (configured === 'off') continue;
    out.push(configured ? { ...d, severity: configured } : d);
  }
  return out.sort(compareDiagnostics);
}

/** Texts that stand in for files on disk (an editor's unsaved buffers), by absolute path. */
export interface Overlay {
  get(absPath: string): { text: string; version: number } | undefined;
}

/**
 * A repository checked again and again (watch mode, `lofte lsp`). The first run checks every file. A later run
 * told which paths changed checks only those (and discovers again only when a path is new or
 * gone); told nothing, it compares every file's size and modification time with the last run's.
 */
export class ValidationSession {
  private readonly cache = new Map<string, { stamp: string; result: FileResult }>();
  private files: DiscoveredFile[] | undefined;
  private byPath = new Map<string, DiscoveredFile>();
  private readonly fileOptions: FileCheckOptions;
  /** The files and results of a first run from the persistent cache, until a later run needs them by path. */
  private cachedRun: { files: readonly DiscoveredFile[]; results: readonly FileResult[] } | undefined;

  /**
   * `overlay`: texts to check instead of what is on disk; a run must be told when one changes.
   * `stage`: a repository stage kept between runs (check/repository.ts) instead of `analyse` over
   * every file; a first run from the persistent cache sets one, and later runs go on with it (its
   * files are read from the cache only as far as it asks).
   */
  constructor(
    private readonly options: ValidateOptions,
    private readonly overlay?: Overlay,
    private stage?: { update(files: readonly FileResult[], changed?: readonly FileResult[]): ValidationResult },
  ) {
    this.fileOptions = { limits: options.limits ?? DEFAULT_PARSE_LIMITS, asOf: options.asOf, disabled: disabledRules(options.severityOf), parser: options.parser };
  }

  /** `changed`: absolute paths a watcher saw change since the last run. */
  async run(changed?: ReadonlySet<string>): Promise<ValidationResult & { reread: number }> {
    if (this.options.cache && !this.files && !this.overlay) return this.runCached(this.options.cache);
    this.unpackCached();
    const time = stopwatch(this.options.onTiming);
    const known = this.files;
    const todo = await this.filesToCheck(changed);
    const rediscovered = this.files !== known;
    const files = this.files as DiscoveredFile[];
    time('discover');
    const threads = this.options.threads?.(todo.length) ?? 1;
    const results = threads > 1 ? await (await import('./check/pool.js')).checkInWorkers(todo, this.fileOptions, threads, this.options.onProgress) : await this.checkHere(todo);
    time(`files (${todo.length}, ${threads} ${threads === 1 ? 'thread' : 'threads'})`);
    todo.forEach((f, k) => {
      const result = results[k] as FileResult;
      this.cache.set(f.absPath, { stamp: result.stamp, result });
    });
    this.options.onProgress?.(files.length, files.length);
    if (this.cache.size > files.length) {
      const seen = new Set(files.map((f) => f.absPath));
      for (const key of [...this.cache.keys()]) if (!seen.has(key)) this.cache.delete(key);
    }
    const all = files.map((f) => (this.cache.get(f.absPath) as { result: FileResult }).result);
    // The stage is told which results are new when the files are the ones it saw last time.
    const result = this.stage ? this.stage.update(all, rediscovered ? undefined : results) : analyse(all, this.options);
    // Not spread: the stage's result makes its lists of documents and links only when asked for.
    return Object.assign(result, { reread: todo.length });
  }

  /**
   * A first run with the persistent cache: the last result as it was when no file changed; else,
   * when the cache holds the repository stage of the last run, that stage told what changed (the
   * unchanged files are read from the cache only as far as the stage asks); else each file from
   * the cache or checked, and the repository stage over them all. Then the cache is written.
   */
  private async runCached(cacheOptions: NonNullable<ValidateOptions['cache']>): Promise<ValidationResult & { reread: number }> {
    const options = this.options;
    const time = stopwatch(options.onTiming);
    // The cache's code is loaded by the runs that use it only.
    const { cacheKey, PersistentCache } = await import('./cache/index.js');
    const cache = new PersistentCache(cacheOptions.location, cacheKey({ ...options, limits: this.fileOptions.limits }));
    const files = await cache.discover(options.paths, discoverOptions(options));
    const current = new CurrentStamps(files);
    time(`discover (${cache.walkUse})`);
    const storable = options.reportOnly?.outsideFiles !== true;
    const stored = storable ? cache.storedResult(files, current) : undefined;
    if (stored) {
      cache.keepWalk();
      time('cache (nothing changed)');
      // The entities are not at hand: a later run of this session starts afresh.
      return { ...stored, entities: [], graph: { byId: new Map(), links: [] }, reread: 0 };
    }
    const { RepositoryStage } = await import('./check/repository.js');
    const stage = new RepositoryStage(options);
    const seed = await cache.seed(files, current, loadSchemas, this.fileOptions, options.cwd);
    let results: FileResult[];
    let checked: number;
    let changed: FileResult[] | undefined;
    if (seed) {
      stage.seed(seed.previous, seed.records, seed.index);
      ({ results, checked, changed } = seed);
    } else {
      const schemas = await loadSchemas();
      ({ results, checked } = cache.results(files, current.text, schemas, this.fileOptions, (done) => options.onProgress?.(done, files.length)));
    }
    time(`files (${checked} checked, ${files.length - checked} from the cache)`);
    this.files = files;
    this.cachedRun = { files, results };
    options.onProgress?.(files.length, files.length);
    // Told which results are new when the files are the last run's (as a later run of a session is).
    const result = stage.update(results, changed);
    this.stage = stage;
    const timeSave = stopwatch(options.onTiming);
    const records = { get: (file: string) => stage.recordOf(file), touched: () => stage.touchedSinceSeed() };
    const error = cache.save(files, results, !storable ? undefined : { diagnostics: result.diagnostics, fileCount: result.fileCount, shownFileCount: result.shownFileCount, skipped: result.skipped }, records);
    if (error) cacheOptions.onWriteError?.(error);
    timeSave('cache written');
    return Object.assign(result, { reread: checked });
  }

  /** What a later run needs of the cached first run's files (a run of `lofte validate` has no later one). */
  private unpackCached(): void {
    const cached = this.cachedRun;
    if (!cached) return;
    this.cachedRun = undefined;
    this.byPath = new Map(cached.files.map((f) => [f.absPath, f]));
    cached.files.forEach((f, k) => {
      const result = cached.results[k] as FileResult;
      this.cache.set(f.absPath, { stamp: result.stamp, result });
    });
  }

  private async filesToCheck(changed: ReadonlySet<string> | undefined): Promise<DiscoveredFile[]> {
    const known = this.files;
    if (known && changed) {
      const same = [...changed].every((p) => this.byPath.has(p) && existsSync(p));
      if (same) return [...changed].map((p) => this.byPath.get(p) as DiscoveredFile);
    }
    const files = await discover(this.options.paths, discoverOptions(this.options));
    this.files = files;
    this.byPath = new Map(files.map((f) => [f.absPath, f]));
    if (!known) return files; // the first run reads everything and takes each stamp from its read
    // New files and the changed ones, unless a changed path that exists is not among the files as
    // discovered (spelt another way, through a symlink): then compare every file's stamp.
    if (changed && [...changed].every((p) => this.byPath.has(p) || !existsSync(p))) return files.filter((f) => changed.has(f.absPath) || !this.cache.has(f.absPath));
    const stamps = files.map(currentStamp);
    return files.filter((f, i) => this.cache.get(f.absPath)?.stamp !== stamps[i]);
  }

  private async checkHere(files: readonly DiscoveredFile[]): Promise<FileResult[]> {
    const schemas = await loadSchemas();
    const out: FileResult[] = [];
    for (const [i, file] of files.entries()) {
      const open = this.overlay?.get(file.absPath);
      out.push(open ? checkFileText(file, open.text, `open:${open.version}`, schemas, this.fileOptions) : checkFile(file, schemas, this.fileOptions));
      if ((i + 1) % 100 === 0) this.options.onProgress?.(i + 1, files.length);
    }
    return out;
  }
}

/** What discovery is told of a check's options: where it runs, and what it leaves out. */
function discoverOptions(options: ValidateOptions): DiscoverOptions {
  return { cwd: options.cwd, ignored: options.ignored, excluded: options.excluded, otherRepository: options.otherRepository };
}
