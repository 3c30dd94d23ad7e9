// What a rule module is and what it gets to look at.

import type { Args, DocPath, RelatedLocation } from '../diagnostics/types.js';
import type { LinkGraph } from '../links/index.js';
import type { ReferenceData } from '../model/reference-data.js';
import type { Entity } from '../schema/index.js';

export interface ReportOptions {
  target?: 'key' | 'value';
  related?: RelatedLocation[];
}

export interface RuleContext {
  entities: readonly Entity[];
  graph: LinkGraph;
  /** The day the check is made for, YYYY-MM-DD (`--as-of`). */
  asOf: string;
  data: ReferenceData;
  report(entity: Entity, path: DocPath, args: Args, options?: ReportOptions): void;
}

export interface Rule {
  code: string;
  check(ctx: RuleContext): void;
}
