// What a rule module is and what it gets to look at.

import type { Args, DocPath, RelatedLocation } from '../diagnostics/types.js';
import type { LinkGraph } from '../links/index.js';
import type { ReferenceData } from '../model/reference-data.js';
import type { Entity } from '../schema/index.js';

export interface ReportOptions {
  target?: 'key' | 'value';
  /** The words inside a string value that decided the finding: the position points at them. */
  span?: { start: number; end: number };
  related?: RelatedLocation[];
}

/** What a document rule sees: the documents of one file, never the rest of the repository. */
export interface DocumentRuleContext {
  entities: readonly Entity[];
  /** The day the check is made for, YYYY-MM-DD (`--as-of`). */
  asOf: string;
  data: ReferenceData;
  report(entity: Entity, path: DocPath, args: Args, options?: ReportOptions): void;
  /**
   * What several rules derive from one document (`derive` is the key), derived once in this run
   * and let go after it: kept on the document instead, it would stay in memory for the whole run.
   */
  shared<T>(derive: (value: Record<string, unknown>) => T, entity: Entity): T;
}

/** What a repository rule sees: every document and the links between them. */
export interface RuleContext extends DocumentRuleContext {
  graph: LinkGraph;
}

/**
 * A document rule judges each document on its own, so it runs per file (in a worker, and again in
 * watch mode only for the file that changed); a repository rule needs the whole linked repository.
 */
export type Rule = { code: string; scope: 'document'; check(ctx: DocumentRuleContext): void } | { code: string; scope: 'repository'; check(ctx: RuleContext): void };
