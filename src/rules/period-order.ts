// period-order: every period ({from, tom}) must end on or after the day it starts.

import { isIsoDate, visitObjects } from '../model/access.js';
import type { Rule } from './types.js';

export const periodOrder: Rule = {
  code: 'period-order',
  scope: 'document',
  check(ctx) {
    for (const entity of ctx.entities) {
      visitObjects(entity.value, (dict, path) => {
        const from = dict['from'];
        const tom = dict['tom'];
        if (typeof from === 'string' && typeof tom === 'string' && tom < from && isIsoDate(from) && isIsoDate(tom)) {
          ctx.report(entity, [...path, 'tom'], { from, tom, field: String(path[path.length - 1] ?? '') });
        }
      });
    }
  },
};
