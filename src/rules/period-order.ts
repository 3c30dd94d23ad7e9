// period-order: every period ({from, tom}) must end on or after the day it starts.

import { code, t, value } from '../diagnostics/parts.js';
import { isIsoDate } from '../model/access.js';
import { defineRule } from './define.js';
import { pathOf } from './texts.js';

type Args = { from: string; tom: string; field: string };

export const periodOrder = defineRule<Args>()({
  code: 'period-order',
  severity: 'error',
  scope: 'document',
  summary: 'en period som slutar innan den börjar',
  words: {
    sv: {
      title: 'Perioden slutar innan den börjar',
      message: (a) => t`Perioden slutar ${value(a.tom)}, före sin början ${value(a.from)}.`,
      hint: () => t`Byt plats på datumen: ${code('from')} är första dagen och ${code('tom')} sista dagen.`,
    },
    en: {
      title: 'Period ends before it starts',
      message: (a) => t`The period ends ${value(a.tom)}, before it starts ${value(a.from)}.`,
      hint: () => t`${code('from')} is the first day, ${code('tom')} the last.`,
    },
  },
  samples: [{ from: '2026-12-31', tom: '2026-01-01', field: 'giltighet' }],
  check(ctx) {
    for (const entity of ctx.entities) {
      for (const { from, tom, place } of ctx.periods(entity)) {
        if (!(tom < from && isIsoDate(from) && isIsoDate(tom))) continue;
        const path = pathOf(place);
        ctx.report(entity, [...path, 'tom'], { from, tom, field: String(path[path.length - 1] ?? '') });
      }
    }
  },
});
