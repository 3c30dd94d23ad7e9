// The whole check: discover → load → schema (per file) → links → rules (whole repository) →
// disable comments and severities → sorted diagnostics. Watch mode keeps the per-file half.

import { promises as fs } from 'node:fs';
import { compareDiagnostics, type Diagnostic } from './diagnostics/types.js';
import { applyDirectives } from './load/directives.js';
import { discover, type DiscoveredFile } from './load/discover.js';
import { loadEachFile, mergeLoads, type FileLoad, type Progress, type SkippedFile } from './load/index.js';
import { IO_CONCURRENCY, mapLimit } from './util/concurrency.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './load/parse.js';
import { resolveReferences, type LinkGraph } from './links/index.js';
import { referenceData } from './model/reference-data.js';
import { runRules } from './rules/index.js';
import { checkSchemas, type Entity, type SchemaResult } from './schema/index.js';
import { loadSchemas, type SchemaSet } from './schema/validators.js';

export interface ValidateOptions {
  cwd: string;
  paths: readonly string[];
  /** YYYY-MM-DD: the day time-dependent rules judge by. */
  asOf: string;
  limits?: ParseLimits;
  onProgress?: Progress;
  ignored?: (relPath: string) => boolean;
  /** Report findings only in these files (named on the command line); the rest is context for links. */
  reportOnly?: { has(file: string): boolean };
  /** The severity configuration gives a rule, or 'off'; undefined keeps the default. */
  severityOf?: (rule: string) => Diagnostic['severity'] | 'off' | undefined;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  entities: Entity[];
  graph: LinkGraph;
  /** Files that held lofte documents (or were meant to). */
  fileCount: number;
  skipped: SkippedFile[];
}

/** One file's own findings: everything that does not need the rest of the repository. */
export interface FileResult {
  load: FileLoad;
  schema: SchemaResult;
}

export function checkFile(load: FileLoad, schemas: SchemaSet): FileResult {
  return { load, schema: checkSchemas(load.documents, schemas) };
}

/** The repository-wide half: links, rules, disable comments, severities, order. */
export function analyse(files: readonly FileResult[], options: ValidateOptions): ValidationResult {
  const loaded = mergeLoads(files.map((f) => f.load));
  const entities = files.flatMap((f) => f.schema.entities);
  const linked = resolveReferences(entities);
  const ruled = runRules({ entities, graph: linked.graph, asOf: options.asOf, data: referenceData(), enabled: (code) => options.severityOf?.(code) !== 'off' });
  const all = applyDirectives([...loaded.diagnostics, ...files.flatMap((f) => f.schema.diagnostics), ...linked.diagnostics, ...ruled], loaded.directives);
  const diagnostics = applySeverity(all, options.severityOf).filter((d) => !options.reportOnly || options.reportOnly.has(d.file));
  return { diagnostics, entities, graph: linked.graph, fileCount: loaded.fileCount, skipped: loaded.skipped };
}

export async function validateRepository(options: ValidateOptions): Promise<ValidationResult> {
  const files = await discover(options.paths, { cwd: options.cwd, ignored: options.ignored });
  const loads = await loadEachFile(files, options.limits ?? DEFAULT_PARSE_LIMITS, options.onProgress);
  options.onProgress?.(files.length, files.length);
  const schemas = await loadSchemas();
  return analyse(loads.map((l) => checkFile(l, schemas)), options);
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

/**
 * A repository checked again and again (watch mode): files whose size and modification time are
 * unchanged keep their parse and schema results; only the changed ones are read again.
 */
export class ValidationSession {
  private readonly cache = new Map<string, { stamp: string; result: FileResult }>();

  constructor(private readonly options: ValidateOptions) {}

  async run(): Promise<ValidationResult & { reread: number }> {
    const files = await discover(this.options.paths, { cwd: this.options.cwd, ignored: this.options.ignored });
    // The first run reads everything and takes each stamp from its read; only later runs stat.
    const stamps = this.cache.size === 0 ? undefined : await mapLimit(files, IO_CONCURRENCY, stampOf);
    const changed = stamps ? files.filter((f, i) => this.cache.get(f.absPath)?.stamp !== stamps[i]) : files;
    const loads = await loadEachFile(changed, this.options.limits ?? DEFAULT_PARSE_LIMITS, this.options.onProgress);
    const schemas = await loadSchemas();
    changed.forEach((f, k) => {
      const load = loads[k] as FileLoad;
      this.cache.set(f.absPath, { stamp: load.stamp, result: checkFile(load, schemas) });
    });
    this.options.onProgress?.(files.length, files.length);
    const seen = new Set(files.map((f) => f.absPath));
    for (const key of [...this.cache.keys()]) if (!seen.has(key)) this.cache.delete(key);
    const results = files.map((f) => (this.cache.get(f.absPath) as { result: FileResult }).result);
    return { ...analyse(results, this.options), reread: changed.length };
  }
}

async function stampOf(file: DiscoveredFile): Promise<string> {
  const st = await fs.stat(file.absPath).catch(() => undefined);
  return st ? `${st.size}:${st.mtimeMs}` : 'gone';
}
