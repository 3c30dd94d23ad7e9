// Builds diagnostics with the catalog's default severity; configuration may change it later.

import { ruleMeta } from './catalog.js';
import { maskPersonnummer } from '../util/personnummer.js';
import type { ArgValue, Args, Diagnostic, DocPath, Range, RelatedLocation } from './types.js';

export function makeDiagnostic(
  rule: string,
  file: string,
  range: Range,
  path: DocPath,
  args: Args,
  related?: RelatedLocation[],
): Diagnostic {
  const d: Diagnostic = { rule, severity: ruleMeta(rule).defaultSeverity, file, range, path: maskedPath(path), args: maskedArgs(args) };
  if (related && related.length > 0) d.related = related;
  return d;
}

export const START_OF_FILE: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/**
 * Every finding is made here, so here its words are masked: a key, an id or a value that is a
 * personnummer (`Okänt fält 811218-0008`) reaches no output (stylish, JSON, SARIF, JUnit, …).
 */
function maskedArgs(args: Args): Args {
  let out: Record<string, ArgValue> | undefined;
  for (const [key, value] of Object.entries(args)) {
    const masked = typeof value === 'string' ? maskPersonnummer(value) : Array.isArray(value) ? maskList(value as readonly string[]) : value;
    if (masked !== value) (out ??= { ...args })[key] = masked;
  }
  return out ?? args;
}

function maskList(list: readonly string[]): readonly string[] {
  const masked = list.map(maskPersonnummer);
  return masked.some((m, i) => m !== list[i]) ? masked : list;
}

function maskedPath(path: DocPath): DocPath {
  const masked = path.map((seg) => (typeof seg === 'string' ? maskPersonnummer(seg) : seg));
  return masked.some((m, i) => m !== path[i]) ? masked : path;
}
