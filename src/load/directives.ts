// `# lofte-disable-next-line <rule>[, <rule>] -- <reason>`: silences named rules on the next line.

import { RULE_CODES, type ArgsOf } from '../diagnostics/catalog.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { suggest } from '../util/suggest.js';
import { LineIndex } from './line-index.js';

export interface DisableDirective {
  file: string;
  /** The line whose findings are silenced (1-based). */
  line: number;
  rules: ReadonlySet<string>;
}

const DIRECTIVE = /#\s*lofte-disable-next-line\b([^\n]*)/g;

export function scanDirectives(file: string, text: string): { directives: DisableDirective[]; diagnostics: Diagnostic[] } {
  const directives: DisableDirective[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!text.includes('lofte-disable')) return { directives, diagnostics };
  const lines = new LineIndex(text);
  for (const m of text.matchAll(DIRECTIVE)) {
    const start = m.index ?? 0;
    const range = lines.range(start, start + m[0].trimEnd().length);
    const [rulePart = '', ...reasonParts] = (m[1] ?? '').split('--');
    const rules = rulePart.split(/[\s,]+/).filter((r) => r !== '');
    const reason = reasonParts.join('--').trim();
    const bad = (args: ArgsOf<'invalid-disable'>): void => void diagnostics.push(makeDiagnostic('invalid-disable', file, range, [], args));
    if (rules.length === 0) {
      bad({ problem: 'no-rule' });
      continue;
    }
    const unknown = rules.find((r) => !RULE_CODES.has(r));
    if (unknown !== undefined) {
      bad({ problem: 'unknown-rule', rule: unknown, suggestion: suggest(unknown, RULE_CODES, 1)[0] });
      continue;
    }
    if (reason === '') {
      bad({ problem: 'no-reason', rule: rules.join(', ') });
      continue;
    }
    directives.push({ file, line: range.start.line + 1, rules: new Set(rules) });
  }
  return { directives, diagnostics };
}

export function applyDirectives(diagnostics: Diagnostic[], directives: readonly DisableDirective[]): Diagnostic[] {
  if (directives.length === 0) return diagnostics;
  const silenced = new Set(directives.flatMap((d) => [...d.rules].map((r) => `${d.file}\u0000${d.line}\u0000${r}`)));
  const at = (d: Diagnostic, line: number): string => `${d.file}\u0000${line}\u0000${d.rule}`;
  return diagnostics.filter((d) => !silenced.has(at(d, d.range.start.line)) && (d.disableLine === undefined || !silenced.has(at(d, d.disableLine))));
}
