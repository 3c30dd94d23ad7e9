// What every formatter gets: the sorted diagnostics and how to word and place them.

import type { Lang } from '../diagnostics/messages/index.js';
import type { Diagnostic } from '../diagnostics/types.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  /** Files that held lofte documents. */
  fileCount: number;
  /** Turns a working-directory-relative path into a repository-relative one (for CI annotations). */
  toRepoPath(file: string): string;
  /** Where rule pages are linked from SARIF ($LOFTE_DOCS_URL); undefined: this version's pages at its tag. */
  docsUrl?: string;
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;

export interface Counts {
  errors: number;
  warnings: number;
  filesWithProblems: number;
  files: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[], files: number): Counts {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    errors,
    warnings: diagnostics.length - errors,
    filesWithProblems: new Set(diagnostics.map((d) => d.file)).size,
    files,
  };
}

/** Findings by file, in the order files first appear; each list in the findings' order. */
export function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return byFile;
}
