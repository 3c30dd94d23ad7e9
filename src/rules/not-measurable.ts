// not-measurable: without an amount, a frequency, a deadline or a one-off deliverable nobody can tell
// afterwards whether a promise was kept.

import { code, t } from '../diagnostics/parts.js';
import { promiseEn, promiseSv } from './words.js';
import { asPeriod, asString, isIsoDate, type Dict } from '../model/access.js';
import { measurableWording } from './language/one-off.js';
import { promises } from './promises.js';
import { defineRule } from './define.js';

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

type Args = { lofte?: string };

export const notMeasurable = defineRule<Args>()({
  code: 'not-measurable',
  severity: 'warning',
  scope: 'document',
  summary: 'ett löfte utan `omfattning`, `frekvens`, slutdatum (`senast`) och som inte är en engångsleverans',
  words: {
    sv: {
      title: 'Löftet går inte att mäta',
      message: (a) => t`${promiseSv(a.lofte)} har varken ${code('omfattning')}, ${code('frekvens')} eller ett slutdatum, så ingen kan se om det hölls.`,
      hint: () =>
        t`Lägg till t.ex. ${code('omfattning: { antal: 20, enhet: trafikkontroller, minst: true }')} eller ${code('frekvens: { antal: 2, per: vecka }')}; ett engångslöfte får ${code('senast: ÅÅÅÅ-MM-DD')}.`,
    },
    en: {
      title: 'Promise is not measurable',
      message: (a) => t`${promiseEn(a.lofte)} has neither ${code('omfattning')}, ${code('frekvens')} nor a deadline.`,
      hint: () => t`Add e.g. ${code('frekvens: { antal: 2, per: vecka }')}; a one-off promise gets ${code('senast: YYYY-MM-DD')}.`,
    },
  },
  samples: [{ lofte: 'narvaro' }, {}],
  check(ctx) {
    for (const p of promises(ctx.entities)) {
      if ('omfattning' in p.lofte || 'frekvens' in p.lofte) continue;
      if (hasDeadline(p.lofte, p.doc.value['giltighet'])) continue;
      // A one-off deliverable has the period's end as its deadline ("installera kameror i entrén").
      if (measurableWording(asString(p.lofte['text']) ?? '') !== undefined) continue;
      ctx.report(p.doc, ['loften', p.index, 'id'], { lofte: p.id });
    }
  },
});
