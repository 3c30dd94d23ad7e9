// not-measurable: without omfattning or frekvens nobody can tell afterwards whether a promise was kept.

import { promises } from './promises.js';
import type { Rule } from './types.js';

export const notMeasurable: Rule = {
  code: 'not-measurable',
  scope: 'document',
  check(ctx) {
    for (const p of promises(ctx.entities)) {
      if ('omfattning' in p.lofte || 'frekvens' in p.lofte) continue;
      ctx.report(p.doc, ['loften', p.index, 'id'], { lofte: p.id });
    }
  },
};
