// orphan-problembild: a problem picture that no promise answers has been analysed and then left alone.

import { code, t } from '../diagnostics/parts.js';
import { defineRule } from './define.js';

type Args = { id: string };

export const orphanProblembild = defineRule<Args>()({
  code: 'orphan-problembild',
  severity: 'warning',
  scope: 'repository',
  summary: 'en problembild som inget löfte svarar på',
  words: {
    sv: {
      title: 'Problembild utan löfte',
      message: (a) => t`Inget löfte svarar på problembilden ${code(a.id)}.`,
      hint: (a) => t`Ge ett löfte ${code(`problembild: ${a.id}`)}, eller ta bort problembilden om den inte längre är aktuell.`,
    },
    en: {
      title: 'Problem picture without a promise',
      message: (a) => t`No promise answers problem picture ${code(a.id)}.`,
    },
  },
  samples: [{ id: 'narkotika-stadsparken' }],
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
});
