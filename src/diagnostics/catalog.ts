// The rule catalog: every rule code lofte can report, with its default severity and docs page.

import type { Severity } from './types.js';

export interface RuleMeta {
  code: string;
  defaultSeverity: Severity;
  /** Which stage finds it; the README rule table groups by severity, not by stage. */
  stage: 'load' | 'schema' | 'links' | 'rules';
}

const rule = (code: string, defaultSeverity: Severity, stage: RuleMeta['stage']): RuleMeta => ({
  code,
  defaultSeverity,
  stage,
});

export const RULES: readonly RuleMeta[] = [
  rule('yaml-syntax', 'error', 'load'),
  rule('file-unreadable', 'error', 'load'),
  rule('file-too-large', 'error', 'load'),
  rule('limit-exceeded', 'error', 'load'),
  rule('schema', 'error', 'schema'),
  rule('duplicate-id', 'error', 'links'),
  rule('unresolved-reference', 'error', 'links'),
  rule('reference-kind', 'error', 'links'),
  rule('unknown-kommunkod', 'error', 'rules'),
  rule('period-order', 'error', 'rules'),
  rule('outside-validity', 'error', 'rules'),
  rule('follow-up-unknown-promise', 'error', 'rules'),
  rule('deviation-reason', 'error', 'rules'),
  rule('personal-data', 'error', 'rules'),
  rule('invalid-disable', 'error', 'load'),
  rule('config', 'error', 'load'),
  rule('vague-wording', 'warning', 'rules'),
  rule('conditional-promise', 'warning', 'rules'),
  rule('not-measurable', 'warning', 'rules'),
  rule('one-party', 'warning', 'rules'),
  rule('orphan-problembild', 'warning', 'rules'),
  rule('missing-dialogue', 'warning', 'rules'),
  rule('follow-up-missing', 'warning', 'rules'),
  rule('kommun-outside-region', 'warning', 'rules'),
  rule('contact-in-text', 'warning', 'rules'),
  rule('placeholder', 'warning', 'rules'),
];

export const RULE_CODES: ReadonlySet<string> = new Set(RULES.map((r) => r.code));

export function ruleMeta(code: string): RuleMeta {
  const meta = RULES.find((r) => r.code === code);
  if (!meta) throw new Error(`unknown rule code: ${code}`);
  return meta;
}

/** Where the rule's page lives, relative to the package root and as a public link. */
export function ruleDocsPath(code: string): string {
  return `docs/rules/${code}.md`;
}
