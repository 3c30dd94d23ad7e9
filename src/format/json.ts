// Machine-readable output; its shape is documented in docs/formats.md and kept stable (version 1).

import { ruleDocsPath } from '../diagnostics/catalog.js';
import { describe, language } from '../diagnostics/messages/index.js';
import { formatPath } from '../diagnostics/types.js';
import { countDiagnostics, type Formatter } from './types.js';

export const json: Formatter = (diagnostics, ctx) => {
  const ui = language(ctx.lang).ui;
  const report = {
    version: 1,
    summary: countDiagnostics(diagnostics, ctx.fileCount),
    diagnostics: diagnostics.map((d) => {
      const words = describe(d, ctx.lang);
      // Fields written out rather than spread from a helper's object: a thousand findings each made and copied one.
      return {
        rule: d.rule,
        severity: d.severity,
        file: d.file,
        line: d.range.start.line,
        column: d.range.start.column,
        endLine: d.range.end.line,
        endColumn: d.range.end.column,
        path: formatPath(d.path),
        message: words.message,
        hint: words.hint ?? null,
        docs: ruleDocsPath(d.rule),
        related: (d.related ?? []).map((r) => ({ file: r.file, line: r.range.start.line, column: r.range.start.column, endLine: r.range.end.line, endColumn: r.range.end.column, message: ui.related[r.role] })),
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
