// outside-validity: a promise's tidsram must lie inside its document's giltighet.

import { asArray, asDict, asPeriod, asString } from '../model/access.js';
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
        const tidsram = asPeriod(lofte?.['tidsram']);
        if (!tidsram || tidsram.tom < tidsram.from) return; // period-order's finding
        if (tidsram.from >= giltighet.from && tidsram.tom <= giltighet.tom) return;
        const early = tidsram.from < giltighet.from;
        ctx.report(entity, ['loften', i, 'tidsram', early ? 'from' : 'tom'], {
          lofte: asString(lofte?.['id']),
          from: tidsram.from,
          tom: tidsram.tom,
          validFrom: giltighet.from,
          validTom: giltighet.tom,
        });
      });
    }
  },
};
