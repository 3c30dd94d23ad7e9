// not-measurable: without an amount, a frequency or a deadline nobody can tell afterwards whether a promise was kept.

import { asPeriod, isIsoDate, type Dict } from '../model/access.js';
import { promises } from './promises.js';
import type { Rule } from './types.js';

/**
 * A one-off deliverable with a deadline is measurable as done or not done by then: a `senast` date,
 * or a `tidsram` that ends before the document's period does ("i januari genomföra …").
 */
export function hasDeadline(lofte: Dict, giltighet: unknown): boolean {
  if (isIsoDate(lofte['senast'])) return true;
  const tidsram = asPeriod(lofte['tidsram']);
  const period = asPeriod(giltighet);
  return tidsram !== undefined && period !== undefined && tidsram.tom < period.tom;
}

export const notMeasurable: Rule = {
  code: 'not-measurable',
  scope: 'document',
  check(ctx) {
    for (const p of promises(ctx.entities)) {
      if ('omfattning' in p.lofte || 'frekvens' in p.lofte) continue;
      if (hasDeadline(p.lofte, p.doc.value['giltighet'])) continue;
      ctx.report(p.doc, ['loften', p.index, 'id'], { lofte: p.id });
    }
  },
};
