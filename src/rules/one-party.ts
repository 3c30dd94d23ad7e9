// one-party: medborgarlöften "genomförs tillsammans"; a document where one actor promises everything,
// and no other actor takes part in any promise, is not.

import { code, count, t } from '../diagnostics/parts.js';
import { idList } from '../model/access.js';
import type { Entity } from '../schema/index.js';
import { promises } from './promises.js';
import { defineRule } from './define.js';

/**
 * The actors who carry a document's promises, and how many promises: once per document value. Every
 * actor of a joint `ansvarig` counts, and so does every `medverkande`: a promise another actor takes
 * part in is joint work, which is what the rule asks for (a document converted from text often
 * names the first party of "Polisen och kommunen ska tillsammans …" as ansvarig and the other as
 * medverkande).
 */
const partiesCache = new WeakMap<object, { actors: string[]; count: number }>();
function partiesOf(doc: Entity): { actors: string[]; count: number } {
  let hit = partiesCache.get(doc.value);
  if (!hit) {
    const actors = new Set<string>();
    let count = 0;
    for (const p of promises([doc])) {
      for (const a of idList(p.lofte['ansvarig'])) actors.add(a);
      for (const a of idList(p.lofte['medverkande'])) actors.add(a);
      count++;
    }
    hit = { actors: [...actors], count };
    partiesCache.set(doc.value, hit);
  }
  return hit;
}

type Args = { actor: string; count: number; document?: string };

export const oneParty = defineRule<Args>()({
  code: 'one-party',
  severity: 'warning',
  scope: 'repository',
  summary: 'ett medborgarlöfte där alla löften ges av samma aktör och ingen annan medverkar',
  words: {
    sv: {
      title: 'Bara en part lovar',
      message: (a) =>
        t`${a.count === 1 ? t`Det enda löftet` : t`Alla ${count(a.count, 'löfte', 'löften')}`} i ${a.document === undefined ? t`dokumentet` : code(a.document)} ges av ${code(a.actor)}: medborgarlöften genomförs tillsammans.`,
      hint: () => t`Låt kommunen eller andra lokala aktörer stå för egna löften, med egen ${code('ansvarig')}.`,
    },
    en: {
      title: 'Only one party promises',
      message: (a) =>
        t`${a.count === 1 ? t`The only promise` : t`All ${count(a.count, 'promise', 'promises')}`} in ${a.document === undefined ? t`the document` : code(a.document)} ${a.count === 1 ? 'is' : 'are'} ${code(a.actor)}'s.`,
      hint: () => t`Citizen promises are made together: add promises by the municipality or other local actors.`,
    },
  },
  samples: [
    { actor: 'polisen', count: 3, document: 'laxa-2026' },
    { actor: 'polisen', count: 1, document: 'laxa-2026' },
    { actor: 'polisen', count: 2 },
  ],
  check(ctx) {
    // Keyed by id as the documents name themselves: two documents with one id count as one.
    const byDoc = new Map<string, { actors: Set<string>; count: number }>();
    for (const doc of ctx.entities) {
      if (doc.kind !== 'Medborgarlofte') continue;
      const { actors, count } = partiesOf(doc);
      const key = doc.id ?? '';
      const entry = byDoc.get(key);
      if (!entry) byDoc.set(key, { actors: new Set(actors), count });
      else {
        for (const a of actors) entry.actors.add(a);
        entry.count += count;
      }
    }
    for (const doc of ctx.entities) {
      const entry = doc.kind === 'Medborgarlofte' ? byDoc.get(doc.id ?? '') : undefined;
      if (!entry || entry.actors.size !== 1) continue;
      const [actor] = entry.actors;
      if (actor === undefined) continue;
      ctx.report(doc, ['loften'], { actor, count: entry.count, document: doc.id }, { target: 'key' });
    }
  },
});
