// The shape of one entry in the catalog: a code, its severity, its docs and its words, typed by its arguments.

import type { Message } from './parts.js';
import type { ArgValue, DocPath, Severity } from './types.js';

/** What a finding's arguments may hold: what survives JSON, a worker and the cache unchanged. */
export type ArgShape = { readonly [key: string]: ArgValue };

/** Where the finding is, for words that name the field (`schema`) or the file kind (`config`). */
export interface Where {
  rule: string;
  path: DocPath;
}

/** One language's words for one code, each typed by the code's arguments. */
export interface Words<A> {
  /** A short name for the finding, used in rule tables and SARIF. */
  title: string;
  message(args: A, at: Where): Message;
  hint?(args: A, at: Where): Message | undefined;
}

/** Which stage finds it; non-rule codes are found before the rules run. */
export type Stage = 'load' | 'schema' | 'links' | 'rules';

export interface CodeDefinition<C extends string, A extends ArgShape> {
  code: C;
  severity: Severity;
  stage: Stage;
  /** One line in Swedish on what it finds (the README table); the page is docs/rules/<code>.md. */
  summary: string;
  words: { sv: Words<A>; en: Words<A> };
  /** Arguments as findings carry them, one per way the words branch: the catalog test words each. */
  samples: readonly A[];
}

/**
 * A code found outside the rules stage (load, schema, links): the same shape as a rule, no `check`.
 * Curried so the argument type is given and the code's literal type is inferred:
 * `defineCode<{ id: string }>()({ code: 'duplicate-id', … })`.
 */
export function defineCode<A extends ArgShape>() {
  return <const C extends string>(definition: CodeDefinition<C, A>): CodeDefinition<C, A> => definition;
}

export function docsPath(code: string): string {
  return `docs/rules/${code}.md`;
}
