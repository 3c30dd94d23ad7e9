// Builds diagnostics with the catalog's default severity; configuration may change it later.

import { definitionOf, type ArgsOf, type Code } from './catalog.js';
import { buildDiagnostic, type About } from './build.js';
import type { Diagnostic, DocPath, Range, RelatedLocation } from './types.js';
import type { Locator } from '../load/locator.js';

/** A finding of `code`, with the arguments its words need: the compiler checks them against the catalog. */
export function makeDiagnostic<C extends Code>(code: C, file: string, range: Range, path: DocPath, args: ArgsOf<C>, related?: RelatedLocation[], about?: About): Diagnostic {
  return buildDiagnostic(code, definitionOf(code).severity, file, range, path, args, related, about);
}

export const START_OF_FILE: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** A document's locator where no position can be known: every path at the start of the file. */
export const START_LOCATOR: Locator = { locate: () => START_OF_FILE };
