// deviation-reason: a promise not kept in full needs an `orsak` that citizens can read.

import { code, t } from '../diagnostics/parts.js';
import { asArray, asDict, asString } from '../model/access.js';
import { defineRule } from './define.js';

/** Not kept in full, or not possible to judge: either way citizens are owed the reason. */
const NEEDS_REASON = new Set(['delvis_genomfort', 'ej_genomfort', 'installt', 'kan_ej_bedomas']);

/** `lofte` is the promise's id as the result names it; a result without one is still owed a reason. */
type Args = { status: string; lofte?: string };

export const deviationReason = defineRule<Args>()({
  code: 'deviation-reason',
  severity: 'error',
  scope: 'document',
  summary: 'ett löfte som inte hölls fullt ut eller inte kan bedömas, utan `orsak`',
  words: {
    sv: {
      title: 'Avvikelse utan orsak',
      message: (a) => t`${a.lofte === undefined ? t`Resultatet` : t`Löftet ${code(a.lofte)}`} har status ${code(a.status)} men ingen ${code('orsak')}.`,
      hint: (a) =>
        a.status === 'kan_ej_bedomas'
          ? t`Förklara för medborgarna varför det inte går att bedöma om löftet hölls: lägg till ${code('orsak:')} i resultatet.`
          : t`Förklara för medborgarna varför löftet inte hölls fullt ut: lägg till ${code('orsak:')} i resultatet.`,
    },
    en: {
      title: 'Deviation without a reason',
      message: (a) => t`${a.lofte === undefined ? t`The result` : t`Promise ${code(a.lofte)}`} has status ${code(a.status)} but no ${code('orsak')}.`,
      hint: (a) =>
        a.status === 'kan_ej_bedomas' ? t`Tell citizens why the promise cannot be judged: add ${code('orsak:')}.` : t`Tell citizens why the promise was not kept in full: add ${code('orsak:')}.`,
    },
  },
  samples: [{ status: 'ej_genomfort', lofte: 'trafikkontroller' }, { status: 'kan_ej_bedomas', lofte: 'trygghetsvandring' }, { status: 'installt' }],
  check(ctx) {
    for (const entity of ctx.entities) {
      if (entity.kind !== 'Uppfoljning') continue;
      const resultat = asArray(entity.value['resultat']);
      for (let i = 0; i < resultat.length; i++) {
        const r = asDict(resultat[i]);
        const status = asString(r?.['status']);
        if (status === undefined || !NEEDS_REASON.has(status)) continue;
        if ((asString(r?.['orsak']) ?? '').trim() !== '') continue;
        ctx.report(entity, ['resultat', i, 'status'], { status, lofte: asString(r?.['lofte']) });
      }
    }
  },
});
