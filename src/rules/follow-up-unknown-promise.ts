// follow-up-unknown-promise: a follow-up may only report on promises of the document it follows up.

import { code, t } from '../diagnostics/parts.js';
import { didYouMeanEn, didYouMeanSv } from '../diagnostics/codes/words.js';
import { asArray, asDict, asString } from '../model/access.js';
import { suggest } from '../util/suggest.js';
import { defineRule } from './define.js';

/** The promise ids of a medborgarlöfte, worked out once per document value (many follow-ups ask). */
const idsOf = new WeakMap<object, string[]>();
function promiseIdsOf(value: Record<string, unknown>): string[] {
  let ids = idsOf.get(value);
  if (!ids) {
    ids = asArray(value['loften'])
      .map((l) => asString(asDict(l)?.['id']))
      .filter((id): id is string => id !== undefined);
    idsOf.set(value, ids);
  }
  return ids;
}

/** A follow-up's results that name no promise of its document: worked out once per pair of values (weakly held, so a document gone from the repository is let go). */
const unknownCache = new WeakMap<object, WeakMap<object, { index: number; lofte: string }[]>>();
function unknownResults(followUp: Record<string, unknown>, doc: Record<string, unknown>): { index: number; lofte: string }[] {
  let byFollowUp = unknownCache.get(doc);
  if (!byFollowUp) unknownCache.set(doc, (byFollowUp = new WeakMap()));
  const hit = byFollowUp.get(followUp);
  if (hit) return hit;
  const promiseIds = promiseIdsOf(doc);
  const unknown: { index: number; lofte: string }[] = [];
  asArray(followUp['resultat']).forEach((item, index) => {
    const lofte = asString(asDict(item)?.['lofte']);
    if (lofte !== undefined && !promiseIds.includes(lofte)) unknown.push({ index, lofte });
  });
  byFollowUp.set(followUp, unknown);
  return unknown;
}

type Args = { lofte: string; document: string; suggestions: readonly string[] };

export const followUpUnknownPromise = defineRule<Args>()({
  code: 'follow-up-unknown-promise',
  severity: 'error',
  scope: 'repository',
  summary: 'en uppföljning av ett löfte som inte finns i dokumentet',
  words: {
    sv: {
      title: 'Uppföljning av okänt löfte',
      message: (a) => t`Uppföljningen redovisar löftet ${code(a.lofte)}, men ${code(a.document)} har inget löfte med det id:t.`,
      hint: (a) => didYouMeanSv(a.suggestions) ?? t`Ange id för ett av löftena i medborgarlöftet som följs upp.`,
    },
    en: {
      title: 'Follow-up of an unknown promise',
      message: (a) => t`The follow-up reports on promise ${code(a.lofte)}, but ${code(a.document)} has no promise with that id.`,
      hint: (a) => didYouMeanEn(a.suggestions),
    },
  },
  samples: [
    { lofte: 'kontrol', document: 'laxa-2026', suggestions: ['kontroller'] },
    { lofte: 'x', document: 'laxa-2026', suggestions: [] },
  ],
  check(ctx) {
    for (const entity of ctx.entities) {
      if (entity.kind !== 'Uppfoljning') continue;
      const docId = asString(entity.value['medborgarlofte']);
      if (docId === undefined) continue;
      const doc = ctx.graph.byId.get(docId);
      if (!doc || doc.kind !== 'Medborgarlofte') continue; // unresolved-reference / reference-kind say why
      if (!Array.isArray(doc.value['loften'])) continue; // the schema says why its promises cannot be read
      for (const { index, lofte } of unknownResults(entity.value, doc.value)) {
        ctx.report(
          entity,
          ['resultat', index, 'lofte'],
          { lofte, document: docId, suggestions: suggest(lofte, promiseIdsOf(doc.value), 3) },
          { related: [{ file: doc.doc.file, range: doc.doc.locator.locate(['loften'], 'key'), role: 'other' }] },
        );
      }
    }
  },
});
