// missing-dialogue: a problembild rests on both the citizens' and the staff's knowledge.

import { asArray, asDict, asString } from '../model/access.js';
import type { Rule } from './types.js';

/** Source types that carry citizens' own knowledge: DOMAIN.md names trygghetsmätningar as medborgardialog. */
const CITIZEN = new Set(['medborgardialog', 'trygghetsmatning', 'trygghetsvandring']);
const STAFF = new Set(['medarbetardialog']);

export const missingDialogue: Rule = {
  code: 'missing-dialogue',
  scope: 'document',
  check(ctx) {
    for (const entity of ctx.entities) {
      if (entity.kind !== 'Problembild' || !Array.isArray(entity.value['kallor'])) continue;
      const types = new Set(asArray(entity.value['kallor']).map((k) => asString(asDict(k)?.['typ'])));
      const missing: string[] = [];
      if (![...CITIZEN].some((t) => types.has(t))) missing.push('medborgardialog');
      if (![...STAFF].some((t) => types.has(t))) missing.push('medarbetardialog');
      if (missing.length > 0) ctx.report(entity, ['kallor'], { missing }, { target: 'key' });
    }
  },
};
