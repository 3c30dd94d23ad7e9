// The default terminal format: findings grouped by file, aligned, with hints and a summary.

import { describeParts, language } from '../diagnostics/messages/index.js';
import { PLAIN, render, type PartStyle } from '../diagnostics/parts.js';
import type { Position } from '../diagnostics/types.js';
import { printable } from '../util/printable.js';
import { paint } from './paint.js';
import { countDiagnostics, groupByFile, type Formatter } from './types.js';

const at = (p: Position): string => `${p.line}:${p.column}`;

export const stylish: Formatter = (diagnostics, ctx) => {
  const c = paint(ctx.color);
  const ui = language(ctx.lang).ui;
  // Code keeps its backticks (they say "type this" without colour too) and is coloured on a terminal.
  const style: PartStyle = { text: printable, code: (text) => c.code(PLAIN.code(printable(text))), value: printable };
  const out: string[] = [];
  for (const [file, list] of groupByFile(diagnostics)) {
    out.push(c.underline(printable(file)));
    // A loop, not Math.max(...list): a file can hold more findings than a call can take arguments.
    let posWidth = 0;
    let sevWidth = 0;
    for (const d of list) {
      posWidth = Math.max(posWidth, at(d.range.start).length);
      sevWidth = Math.max(sevWidth, ui.severity[d.severity].length);
    }
    const indent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);
    for (const d of list) {
      const words = describeParts(d, ctx.lang);
      const sev = ui.severity[d.severity].padEnd(sevWidth);
      out.push(
        `  ${c.dim(at(d.range.start).padEnd(posWidth))}  ${d.severity === 'error' ? c.red(sev) : c.yellow(sev)}  ${render(words.message, style)}  ${c.dim(d.rule)}`,
      );
      if (words.hint) out.push(`${indent}${c.dim(`${ui.hint}: ${render(words.hint, style)}`)}`);
      for (const r of d.related ?? []) out.push(`${indent}${c.dim(`${ui.related[r.role]}: ${printable(r.file)}:${at(r.range.start)}`)}`);
    }
    out.push('');
  }
  const counts = countDiagnostics(diagnostics, ctx.fileCount);
  const summary = ui.summary(counts);
  out.push(counts.errors > 0 ? c.redBold(summary) : counts.warnings > 0 ? c.yellowBold(summary) : c.green(summary));
  return `${out.join('\n')}\n`;
};
