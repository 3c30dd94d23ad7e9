// one-party: medborgarlöften "genomförs tillsammans"; a document where one actor promises everything is not.

import { idList } from '../model/access.js';
import type { Entity } from '../schema/index.js';
import { promises } from './promises.js';
import type { Rule } from './types.js';

/** The actors responsible for a document's promises, and how many promises: once per document value. */
const partiesCache = new WeakMap<object, { actors: string[]; count: number }>();
function partiesOf(doc: Entity): { actors: string[]; count: number } {
  let hit = partiesCache.get(doc.value);
  if (!hit) {
    const actors = new Set<string>();
    let count = 0;
    for (const p of promises([doc])) {
      for (const a of idList(p.lofte['ansvarig'])) actors.add(a);
      count++;
    }
    hit = { actors: [...actors], count };
    partiesCache.set(doc.value, hit);
  }
  return hit;
}

export const oneParty: Rule = {
  code: 'one-party',
  scope: 'repository',
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
      ctx.report(doc, ['loften'], { actor, count: entry.count, document: doc.id }, { target: 'key' });
    }
  },
};
