// One synthetic list of diagnostics for the formatter tests: an error with a related place and a
// hint, and a warning with a did-you-mean, in the file given.

import type { Diagnostic } from '../src/diagnostics/types.js';
import type { FormatContext } from '../src/format/types.js';

export const range = (line: number, column: number, endColumn = column + 5) => ({ start: { line, column }, end: { line, column: endColumn } });

export function syntheticDiagnostics(file: string): Diagnostic[] {
  return [
    {
      rule: 'duplicate-id',
      severity: 'error',
      file,
      range: range(3, 5),
      path: ['id'],
      args: { id: 'laxa', scope: 'repository' },
      related: [{ file: 'repo/a.yaml', range: range(2, 5), role: 'first-definition' }],
    },
    {
      rule: 'unresolved-reference',
      severity: 'warning',
      file,
      range: range(12, 15, 27),
      path: ['loften', 0, 'ansvarig'],
      args: { id: 'lpo-halsberg', expectedKind: 'Aktor', suggestions: ['lpo-hallsberg'] },
    },
  ];
}

export const SYNTHETIC_CTX: FormatContext = { lang: 'sv', color: false, fileCount: 4, toRepoPath: (f) => f.replace(/^repo\//, '') };
