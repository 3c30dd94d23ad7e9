// Machine-readable output; its shape is documented in docs/formats.md and kept stable (version 1).

import { ruleDocsPath } from '../diagnostics/catalog.js';
import { describe, language } from '../diagnostics/messages/index.js';
import { formatPath, type Range } from '../diagnostics/types.js';
import { countDiagnostics, type Formatter } from './types.js';

const place = (r: Range) => ({ line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column });

export const json: Formatter = (diagnostics, ctx) => {
  const ui = language(ctx.lang).ui;
  const report = {
    version: 1,
    summary: countDiagnostics(diagnostics, ctx.fileCount),
    diagnostics: diagnostics.map((d) => {
      const words = describe(d, ctx.lang);
      return {
        rule: d.rule,
        severity: d.severity,
        file: d.file,
        ...place(d.range),
        path: formatPath(d.path),
        message: words.message,
        hint: words.hint ?? null,
        docs: ruleDocsPath(d.rule),
        related: (d.related ?? []).map((r) => ({ file: r.file, ...place(r.range), message: ui.related[r.role] })),
        // Added in 0.1 (version stays 1: only new fields): what the words were made from, and the
        // ids of the document and promise the finding is about, so no tool has to parse a message.
        args: d.args,
        entity: d.entity ?? null,
        promise: d.promise ?? null,
      };
    }),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
