// GitHub Actions workflow commands: one annotation per finding on the pull request.

import { describe, language } from '../diagnostics/messages/index.js';
import { printable } from '../util/printable.js';
import { countDiagnostics, type Formatter } from './types.js';

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (diagnostics, ctx) => {
  const ui = language(ctx.lang).ui;
  // Data first made printable (a newline in it cannot end the command), then escaped for the command.
  const repoPath = (file: string): string => printable(ctx.toRepoPath(file));
  const lines = diagnostics.map((d) => {
    const words = describe(d, ctx.lang);
    const props = [
      `file=${escapeProperty(repoPath(d.file))}`,
      `line=${d.range.start.line}`,
      `col=${d.range.start.column}`,
      `endLine=${d.range.end.line}`,
      `endColumn=${d.range.end.column}`,
      `title=${escapeProperty(`lofte ${d.rule}: ${printable(words.title)}`)}`,
    ].join(',');
    const body = [printable(words.message), words.hint ? `${ui.hint}: ${printable(words.hint)}` : undefined, ...(d.related ?? []).map((r) => `${ui.related[r.role]}: ${repoPath(r.file)}:${r.range.start.line}:${r.range.start.column}`)]
      .filter((x): x is string => x !== undefined)
      .join('\n');
    return `::${d.severity} ${props}::${escapeData(body)}`;
  });
  lines.push(ui.summary(countDiagnostics(diagnostics, ctx.fileCount)));
  return `${lines.join('\n')}\n`;
};
