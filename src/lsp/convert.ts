// lofte's findings and places in the Language Server Protocol's terms: 0-based lines and columns,
// file URIs, and each finding worded as `lofte validate` words it.

import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Diagnostic as LspDiagnostic, Location, Position as LspPosition, Range as LspRange } from 'vscode-languageserver/node';
import { describe, language, type Lang } from '../diagnostics/messages/index.js';
import type { Diagnostic, Range } from '../diagnostics/types.js';
import { ruleHelpUri } from '../format/sarif.js';
import { LineIndex } from '../load/line-index.js';

export const uriOf = (absPath: string): string => pathToFileURL(absPath).href;

/** The absolute path of a file URI, or undefined for anything else (an unsaved buffer). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export const toLspRange = (r: Range): LspRange => ({
  start: { line: r.start.line - 1, character: r.start.column - 1 },
  end: { line: r.end.line - 1, character: r.end.column - 1 },
});

/** Offsets of a text from LSP positions and back (UTF-16 code units, as both count). */
export class TextPositions {
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  offset(p: LspPosition): number {
    return this.lines.offset(p.line + 1, p.character + 1);
  }

  position(offset: number): LspPosition {
    const { line, column } = this.lines.position(offset);
    return { line: line - 1, character: column - 1 };
  }

  range(start: number, end: number): LspRange {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** Each rule's docs link, worked out once (it reads the package's version). */
const helpLinks = new Map<string, string>();
function helpLink(rule: string): string {
  let href = helpLinks.get(rule);
  if (href === undefined) helpLinks.set(rule, (href = ruleHelpUri(rule)));
  return href;
}

/** A finding as the editor shows it: the same code, place, severity, words and docs link as the CLI. */
export function toLspDiagnostic(d: Diagnostic, lang: Lang, uriOfName: (file: string) => string): LspDiagnostic {
  const words = describe(d, lang);
  const ui = language(lang).ui;
  const out: LspDiagnostic = {
    range: toLspRange(d.range),
    severity: d.severity === 'error' ? 1 : 2,
    code: d.rule,
    codeDescription: { href: helpLink(d.rule) },
    source: 'lofte',
    message: words.hint ? `${words.message}\n${ui.hint}: ${words.hint}` : words.message,
    data: { rule: d.rule, args: d.args, path: d.path },
  };
  if (d.related && d.related.length > 0) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri: uriOfName(r.file), range: toLspRange(r.range) } satisfies Location, message: ui.related[r.role] }));
  }
  return out;
}
