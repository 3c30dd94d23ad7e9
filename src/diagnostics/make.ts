// Builds diagnostics with the catalog's default severity; configuration may change it later.

import { ruleMeta } from './catalog.js';
import type { Args, Diagnostic, DocPath, Range, RelatedLocation } from './types.js';

export function makeDiagnostic(
  rule: string,
  file: string,
  range: Range,
  path: DocPath,
  args: Args,
  related?: RelatedLocation[],
): Diagnostic {
  const d: Diagnostic = { rule, severity: ruleMeta(rule).defaultSeverity, file, range, path, args };
  if (related && related.length > 0) d.related = related;
  return d;
}

export const START_OF_FILE: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
