// period-order: every period ({from, tom}) must end on or after the day it starts.

import { isIsoDate, walkObjects } from '../model/access.js';
import type { Rule } from './types.js';

export const periodOrder: Rule = {
  code: 'period-order',
  check(ctx) {
    for (const entity of ctx.entities) {
      for (const { path, dict } of walkObjects(entity.value)) {
        const from = dict['from'];
        const tom = dict['tom'];
        if (isIsoDate(from) && isIsoDate(tom) && tom < from) {
          ctx.report(entity, [...path, 'tom'], { from, tom, field: String(path[path.length - 1] ?? '') });
        }
      }
    }
  },
};
