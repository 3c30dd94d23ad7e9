// outside-validity: a promise's tidsram must lie inside its document's giltighet, and its `senast` inside both.

import { code, t, value } from '../diagnostics/parts.js';
import { promiseEn, promiseSv } from './words.js';
import { asArray, asDict, asPeriod, asString, isIsoDate } from '../model/access.js';
import { defineRule } from './define.js';

type Args = { lofte?: string; from: string; tom: string; validFrom: string; validTom: string } | { lofte?: string; senast: string; within: 'tidsram' | 'giltighet'; validFrom: string; validTom: string };

export const outsideValidity = defineRule<Args>()({
  code: 'outside-validity',
  severity: 'error',
  scope: 'document',
  summary: 'ett löftes tidsram utanför medborgarlöftets giltighet',
  words: {
    sv: {
      title: 'Tidsram utanför giltigheten',
      message: (a) =>
        'senast' in a
          ? t`${promiseSv(a.lofte)} ska vara genomfört senast ${value(a.senast)}, utanför ${a.within === 'tidsram' ? 'löftets tidsram' : 'medborgarlöftets giltighet'} ${value(a.validFrom)}–${value(a.validTom)}.`
          : t`${promiseSv(a.lofte)} gäller ${value(a.from)}–${value(a.tom)}, utanför medborgarlöftets giltighet ${value(a.validFrom)}–${value(a.validTom)}.`,
      hint: (a) => ('senast' in a ? t`Ange ett ${code('senast')}-datum inom perioden.` : t`Lägg tidsramen inom giltigheten, eller ta bort ${code('tidsram')} så gäller hela giltigheten.`),
    },
    en: {
      title: 'Time frame outside validity',
      message: (a) =>
        'senast' in a
          ? t`${promiseEn(a.lofte)} is due by ${value(a.senast)}, outside ${a.within === 'tidsram' ? "the promise's time frame" : "the document's validity"} ${value(a.validFrom)}–${value(a.validTom)}.`
          : t`${promiseEn(a.lofte)} runs ${value(a.from)}–${value(a.tom)}, outside the document's validity ${value(a.validFrom)}–${value(a.validTom)}.`,
      hint: (a) => ('senast' in a ? t`Give a ${code('senast')} date inside the period.` : t`Keep the time frame inside the validity, or leave it out.`),
    },
  },
  samples: [
    { lofte: 'kontroller', from: '2025-01-01', tom: '2027-12-31', validFrom: '2026-01-01', validTom: '2027-12-31' },
    { lofte: 'kontroller', senast: '2028-01-01', within: 'tidsram', validFrom: '2026-01-01', validTom: '2026-06-30' },
    { senast: '2028-01-01', within: 'giltighet', validFrom: '2026-01-01', validTom: '2027-12-31' },
  ],
  check(ctx) {
    for (const entity of ctx.entities) {
      if (entity.kind !== 'Medborgarlofte') continue;
      const giltighet = asPeriod(entity.value['giltighet']);
      if (!giltighet) continue;
      const loften = asArray(entity.value['loften']);
      for (let i = 0; i < loften.length; i++) {
        const lofte = asDict(loften[i]);
        const id = asString(lofte?.['id']);
        const tidsram = asPeriod(lofte?.['tidsram']);
        const ordered = tidsram && tidsram.tom >= tidsram.from ? tidsram : undefined; // else period-order's finding
        if (ordered && (ordered.from < giltighet.from || ordered.tom > giltighet.tom)) {
          const early = ordered.from < giltighet.from;
          ctx.report(entity, ['loften', i, 'tidsram', early ? 'from' : 'tom'], { lofte: id, from: ordered.from, tom: ordered.tom, validFrom: giltighet.from, validTom: giltighet.tom });
        }
        // A deadline outside its own time frame (or, without one, the validity) can never be met as written.
        const senast = lofte?.['senast'];
        if (!isIsoDate(senast)) continue;
        const frame = ordered ?? giltighet;
        if (senast >= frame.from && senast <= frame.tom) continue;
        ctx.report(entity, ['loften', i, 'senast'], { lofte: id, senast, within: ordered ? 'tidsram' : 'giltighet', validFrom: frame.from, validTom: frame.tom });
      }
    }
  },
});
