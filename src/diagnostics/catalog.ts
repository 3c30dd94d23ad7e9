// The catalog: every code lofte can report, typed by its arguments, derived from two explicit
// lists: the codes found before the rules run (codes/index.ts) and the rules (rules/index.ts).

import { DOMAIN_RULES } from '../rules/index.js';
import { SETUP_CODES, STAGE_CODES } from './codes/index.js';
import { docsPath, type ArgShape, type CodeDefinition } from './define.js';
import type { Severity } from './types.js';

type Entry = (typeof STAGE_CODES)[number] | (typeof DOMAIN_RULES)[number] | (typeof SETUP_CODES)[number];

/** Every code lofte reports: the union the compiler checks `makeDiagnostic` and rule files against. */
export type Code = Entry['code'];

/** The arguments a finding with this code carries. */
export type ArgsOf<C extends Code> = Extract<Entry, { code: C }> extends CodeDefinition<C, infer A> ? A : never;

/**
 * Errors before warnings, each in list order (document codes, rules, setup codes): the order of SARIF's `rules[]`, `lofte rules` and
 * the README table.
 */
export const CATALOG: readonly CodeDefinition<Code, ArgShape>[] = [...STAGE_CODES, ...DOMAIN_RULES, ...SETUP_CODES].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));

function severityRank(s: Severity): number {
  return s === 'error' ? 0 : 1;
}

export interface RuleMeta {
  code: Code;
  defaultSeverity: Severity;
}

/** The catalog as the CLI, config and tests list it. */
export const RULES: readonly RuleMeta[] = CATALOG.map((d) => ({ code: d.code, defaultSeverity: d.severity }));

export const RULE_CODES: ReadonlySet<string> = new Set(CATALOG.map((d) => d.code));

const BY_CODE: ReadonlyMap<string, CodeDefinition<Code, ArgShape>> = new Map(CATALOG.map((d) => [d.code, d]));

/** The definition of a code; a finding with a code not in the catalog is a bug in lofte. */
export function definitionOf(code: string): CodeDefinition<Code, ArgShape> {
  const d = BY_CODE.get(code);
  if (!d) throw new Error(`unknown rule code: ${code}`);
  return d;
}

/** Where the rule's page lives, relative to the package root and as a public link. */
export const ruleDocsPath = docsPath;
