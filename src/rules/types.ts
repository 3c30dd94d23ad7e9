// What a rule module is and what it gets to look at.

import type { ArgShape, CodeDefinition } from '../diagnostics/define.js';
import type { DocPath, RelatedLocation } from '../diagnostics/types.js';
import type { LinkGraph } from '../links/index.js';
import type { ReferenceData } from '../model/reference-data.js';
import type { Entity } from '../schema/index.js';
import type { PeriodField, TextField } from './texts.js';

export interface ReportOptions {
  target?: 'key' | 'value';
  /** The words inside a string value that decided the finding: the position points at them. */
  span?: { start: number; end: number };
  related?: RelatedLocation[];
}

/**
 * What a document rule sees: the documents of one file, never the rest of the repository. `report`
 * takes the rule's own argument type, so a misspelt or missing argument does not compile.
 */
export interface DocumentRuleContext<A extends ArgShape = ArgShape> {
  entities: readonly Entity[];
  /** The day the check is made for, YYYY-MM-DD (`--as-of`). */
  asOf: string;
  data: ReferenceData;
  report(entity: Entity, path: DocPath, args: A, options?: ReportOptions): void;
  /**
   * Every key, string and number of a document, walked once in this run for all the rules that read
   * text, and let go after it (kept on the document, it would stay in memory for the whole run).
   */
  texts(entity: Entity): readonly TextField[];
  /** Every map of a document with a string `from` and `tom`, from the same walk as `texts`. */
  periods(entity: Entity): readonly PeriodField[];
}

/** What a repository rule sees: every document and the links between them. */
export interface RuleContext<A extends ArgShape = ArgShape> extends DocumentRuleContext<A> {
  graph: LinkGraph;
}

/**
 * A document rule judges each document on its own, so it runs per file (in a worker, and again in
 * watch mode only for the file that changed); a repository rule needs the whole linked repository.
 */
export interface DocumentRule<C extends string = string, A extends ArgShape = ArgShape> extends CodeDefinition<C, A> {
  stage: 'rules';
  scope: 'document';
  check(ctx: DocumentRuleContext<A>): void;
}

export interface RepositoryRule<C extends string = string, A extends ArgShape = ArgShape> extends CodeDefinition<C, A> {
  stage: 'rules';
  scope: 'repository';
  check(ctx: RuleContext<A>): void;
}

export type Rule<C extends string = string, A extends ArgShape = ArgShape> = DocumentRule<C, A> | RepositoryRule<C, A>;
