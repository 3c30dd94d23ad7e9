// deviation-reason: a promise not kept in full needs an `orsak` that citizens can read.

import { asArray, asDict, asString } from '../model/access.js';
import type { Rule } from './types.js';

/** Not kept in full, or not possible to judge: either way citizens are owed the reason. */
const NEEDS_REASON = new Set(['delvis_genomfort', 'ej_genomfort', 'installt', 'kan_ej_bedomas']);

export const deviationReason: Rule = {
  code: 'deviation-reason',
  scope: 'document',
  check(ctx) {
    for (const entity of ctx.entities) {
      if (entity.kind !== 'Uppfoljning') continue;
      asArray(entity.value['resultat']).forEach((item, i) => {
        const r = asDict(item);
        const status = asString(r?.['status']);
        if (status === undefined || !NEEDS_REASON.has(status)) return;
        if ((asString(r?.['orsak']) ?? '').trim() !== '') return;
        ctx.report(entity, ['resultat', i, 'status'], { status, lofte: asString(r?.['lofte']) });
      });
    }
  },
};
