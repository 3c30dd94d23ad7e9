// orphan-problembild: a problem picture that no promise answers has been analysed and then left alone.

import type { Rule } from './types.js';

export const orphanProblembild: Rule = {
  code: 'orphan-problembild',
  scope: 'repository',
  check(ctx) {
    const answered = new Set(ctx.graph.links.filter((l) => l.spec.to === 'Problembild').map((l) => l.to));
    // A medborgarlöfte whose promises cannot be read (`löften:` for `loften:`, a wrong type) may
    // answer it: the schema finding there is the one mistake to report.
    const unreadable = ctx.entities.filter((e) => e.kind === 'Medborgarlofte' && !Array.isArray(e.value['loften'])).map((e) => JSON.stringify(e.value));
    for (const entity of ctx.entities) {
      if (entity.kind !== 'Problembild' || entity.id === undefined || answered.has(entity)) continue;
      // A duplicate's links went to the first definition; only judge the one the index holds.
      if (ctx.graph.byId.get(entity.id) !== entity) continue;
      if (unreadable.some((text) => text.includes(JSON.stringify(entity.id)))) continue;
      ctx.report(entity, ['id'], { id: entity.id });
    }
  },
};
