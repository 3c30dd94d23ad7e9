// JUnit XML for CI dashboards: a test suite per file with findings, a failed test case per finding.

import { describe, language } from '../diagnostics/messages/index.js';
import type { Diagnostic, Position } from '../diagnostics/types.js';
import { printable } from '../util/printable.js';
import { groupByFile, type Formatter } from './types.js';

/** Characters XML 1.0 cannot hold at all, not even as a reference; dropped rather than guessed at. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML. In attribute values tab, LF and CR become references, since a parser would
 * turn them into spaces; in element content only CR does, so the body keeps its lines.
 */
export function escapeXml(text: string, where: 'attribute' | 'content' = 'attribute'): string {
  const special = where === 'attribute' ? /[&<>"'\t\n\r]/g : /[&<>"'\r]/g;
  return text.replace(INVALID_XML, '').replace(special, (c) => ENTITIES[c] ?? `&#${c.charCodeAt(0)};`);
}

const attrs = (pairs: Record<string, string | number>): string =>
  Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

const at = (p: Position): string => `${p.line}:${p.column}`;

export const junit: Formatter = (diagnostics, ctx) => {
  const ui = language(ctx.lang).ui;
  const byFile = groupByFile(diagnostics);
  const repoPath = (file: string): string => printable(ctx.toRepoPath(file));

  const testcase = (d: Diagnostic): string[] => {
    const file = repoPath(d.file);
    const words = describe(d, ctx.lang);
    const summary = `${ui.severity[d.severity]}: ${printable(words.message)}`;
    const body = [
      `${file}:${at(d.range.start)}: ${summary}`,
      ...(words.hint ? [`${ui.hint}: ${printable(words.hint)}`] : []),
      ...(d.related ?? []).map((r) => `${ui.related[r.role]}: ${repoPath(r.file)}:${at(r.range.start)}`),
    ].join('\n');
    return [
      `    <testcase${attrs({ classname: file, name: `${d.rule} ${at(d.range.start)}`, file })}>`,
      `      <failure${attrs({ type: d.rule, message: summary })}>${escapeXml(body, 'content')}</failure>`,
      '    </testcase>',
    ];
  };

  const suites: string[] = [];
  for (const [file, list] of byFile) {
    suites.push(`  <testsuite${attrs({ name: repoPath(file), tests: list.length, failures: list.length, errors: 0 })}>`);
    for (const d of list) suites.push(...testcase(d));
    suites.push('  </testsuite>');
  }
  // A run without findings still reports one passing test, so a dashboard shows green rather than nothing.
  if (diagnostics.length === 0) {
    suites.push(
      `  <testsuite${attrs({ name: 'lofte', tests: 1, failures: 0, errors: 0 })}>`,
      `    <testcase${attrs({ classname: 'lofte', name: 'validate' })}/>`,
      '  </testsuite>',
    );
  }
  const tests = Math.max(diagnostics.length, 1);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'lofte', tests, failures: diagnostics.length, errors: 0 })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
