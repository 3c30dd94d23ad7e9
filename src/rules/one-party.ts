// one-party: medborgarlöften "genomförs tillsammans"; a document where one actor promises everything is not.

import { asString } from '../model/access.js';
import { promises } from './promises.js';
import type { Rule } from './types.js';

export const oneParty: Rule = {
  code: 'one-party',
  scope: 'repository',
  check(ctx) {
    const byDoc = new Map<string, { actors: Set<string>; count: number }>();
    for (const p of promises(ctx.entities)) {
      const key = p.doc.id ?? '';
      const entry = byDoc.get(key) ?? { actors: new Set<string>(), count: 0 };
      const ansvarig = asString(p.lofte['ansvarig']);
      if (ansvarig !== undefined) entry.actors.add(ansvarig);
      entry.count++;
      byDoc.set(key, entry);
    }
    for (const doc of ctx.entities) {
      const entry = doc.kind === 'Medborgarlofte' ? byDoc.get(doc.id ?? '') : undefined;
      if (!entry || entry.actors.size !== 1) continue;
      const [actor] = entry.actors;
      ctx.report(doc, ['loften'], { actor, count: entry.count, document: doc.id }, { target: 'key' });
    }
  },
};
