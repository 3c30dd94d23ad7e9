// outside-validity: a promise's tidsram must lie inside its document's giltighet, and its `senast` inside both.

import { asArray, asDict, asPeriod, asString, isIsoDate } from '../model/access.js';
import type { Rule } from './types.js';

export const outsideValidity: Rule = {
  code: 'outside-validity',
  scope: 'document',
  check(ctx) {
    for (const entity of ctx.entities) {
      if (entity.kind !== 'Medborgarlofte') continue;
      const giltighet = asPeriod(entity.value['giltighet']);
      if (!giltighet) continue;
      asArray(entity.value['loften']).forEach((item, i) => {
        const lofte = asDict(item);
        const id = asString(lofte?.['id']);
        const tidsram = asPeriod(lofte?.['tidsram']);
        const ordered = tidsram && tidsram.tom >= tidsram.from ? tidsram : undefined; // else period-order's finding
        if (ordered && (ordered.from < giltighet.from || ordered.tom > giltighet.tom)) {
          const early = ordered.from < giltighet.from;
          ctx.report(entity, ['loften', i, 'tidsram', early ? 'from' : 'tom'], { lofte: id, from: ordered.from, tom: ordered.tom, validFrom: giltighet.from, validTom: giltighet.tom });
        }
        // A deadline outside its own time frame (or, without one, the validity) can never be met as written.
        const senast = lofte?.['senast'];
        if (!isIsoDate(senast)) return;
        const frame = ordered ?? giltighet;
        if (senast >= frame.from && senast <= frame.tom) return;
        ctx.report(entity, ['loften', i, 'senast'], { lofte: id, senast, within: ordered ? 'tidsram' : 'giltighet', validFrom: frame.from, validTom: frame.tom });
      });
    }
  },
};
