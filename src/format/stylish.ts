// The default terminal format: findings grouped by file, aligned, with hints and a summary.

import { describe, language } from '../diagnostics/messages/index.js';
import type { Diagnostic, Position } from '../diagnostics/types.js';
import { paint } from './paint.js';
import { countDiagnostics, type Formatter } from './types.js';

const at = (p: Position): string => `${p.line}:${p.column}`;

/** Terminal control characters from the data must not reach the terminal. */
const clean = (text: string): string => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');

export const stylish: Formatter = (diagnostics, ctx) => {
  const c = paint(ctx.color);
  const ui = language(ctx.lang).ui;
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(c.underline(clean(file)));
    const posWidth = Math.max(...list.map((d) => at(d.range.start).length));
    const sevWidth = Math.max(...list.map((d) => ui.severity[d.severity].length));
    const indent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);
    for (const d of list) {
      const words = describe(d, ctx.lang);
      const sev = ui.severity[d.severity].padEnd(sevWidth);
      out.push(
        `  ${c.dim(at(d.range.start).padEnd(posWidth))}  ${d.severity === 'error' ? c.red(sev) : c.yellow(sev)}  ${clean(words.message)}  ${c.dim(d.rule)}`,
      );
      if (words.hint) out.push(`${indent}${c.dim(`${ui.hint}: ${clean(words.hint)}`)}`);
      for (const r of d.related ?? []) out.push(`${indent}${c.dim(`${ui.related[r.role]}: ${clean(r.file)}:${at(r.range.start)}`)}`);
    }
    out.push('');
  }
  const counts = countDiagnostics(diagnostics, ctx.fileCount);
  const summary = ui.summary(counts);
  out.push(counts.errors > 0 ? c.redBold(summary) : counts.warnings > 0 ? c.yellowBold(summary) : c.green(summary));
  return `${out.join('\n')}\n`;
};
