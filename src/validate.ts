// The whole check as one function: discover → load → schema → links → rules → sorted diagnostics.

import { compareDiagnostics, type Diagnostic } from './diagnostics/types.js';
import { applyDirectives } from './load/directives.js';
import { discover } from './load/discover.js';
import { loadFiles, type SkippedFile } from './load/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './load/parse.js';
import { resolveReferences, type LinkGraph } from './links/index.js';
import { referenceData } from './model/reference-data.js';
import { runRules } from './rules/index.js';
import { checkSchemas, type Entity } from './schema/index.js';
import { loadSchemas } from './schema/validators.js';

export interface ValidateOptions {
  cwd: string;
  paths: readonly string[];
  /** YYYY-MM-DD: the day time-dependent rules judge by. */
  asOf: string;
  limits?: ParseLimits;
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

export async function validateRepository(options: ValidateOptions): Promise<ValidationResult> {
  const files = await discover(options.paths, { cwd: options.cwd, ignored: options.ignored });
  const loaded = await loadFiles(files, options.limits ?? DEFAULT_PARSE_LIMITS);
  const schema = checkSchemas(loaded.documents, loadSchemas());
  const linked = resolveReferences(schema.entities);
  const ruled = runRules({
    entities: schema.entities,
    graph: linked.graph,
    asOf: options.asOf,
    data: referenceData(),
    enabled: (code) => options.severityOf?.(code) !== 'off',
  });
  const all = applyDirectives([...loaded.diagnostics, ...schema.diagnostics, ...linked.diagnostics, ...ruled], loaded.directives);
  const diagnostics = applySeverity(all, options.severityOf).filter((d) => !options.reportOnly || options.reportOnly.has(d.file));
  return { diagnostics, entities: schema.entities, graph: linked.graph, fileCount: loaded.fileCount, skipped: loaded.skipped };
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
