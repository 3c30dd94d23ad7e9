// missing-dialogue: a problembild rests on both the citizens' and the staff's knowledge.

import { code, t } from '../diagnostics/parts.js';
import { asArray, asDict, asString } from '../model/access.js';
import { defineRule } from './define.js';

/** Source types that carry citizens' own knowledge: DOMAIN.md names trygghetsmätningar as medborgardialog. */
const CITIZEN = new Set(['medborgardialog', 'trygghetsmatning', 'trygghetsvandring']);
const STAFF = new Set(['medarbetardialog']);

const KNOWLEDGE_SV = {
  medborgardialog: 'medborgarnas kunskap (medborgardialog, trygghetsmätning eller trygghetsvandring)',
  medarbetardialog: 'medarbetarnas kunskap (medarbetardialog)',
} as const;

type Args = { missing: readonly ('medborgardialog' | 'medarbetardialog')[] };

export const missingDialogue = defineRule<Args>()({
  code: 'missing-dialogue',
  severity: 'warning',
  scope: 'document',
  summary: 'en problembild utan medborgardialog eller utan medarbetardialog',
  words: {
    sv: {
      title: 'Dialog saknas i problembilden',
      message: (a) => t`Problembilden bygger inte på ${a.missing.map((x) => KNOWLEDGE_SV[x]).join(' eller ')}.`,
      hint: (a) => t`Lägg till en källa med ${code(`typ: ${a.missing[0] ?? 'medborgardialog'}`)} i ${code('kallor')}.`,
    },
    en: {
      title: 'Dialogue missing from the problem picture',
      message: (a) => t`The problem picture lacks a source of type ${a.missing.join(' and ')}.`,
    },
  },
  samples: [{ missing: ['medborgardialog'] }, { missing: ['medarbetardialog'] }, { missing: ['medborgardialog', 'medarbetardialog'] }],
  check(ctx) {
    for (const entity of ctx.entities) {
      if (entity.kind !== 'Problembild' || !Array.isArray(entity.value['kallor'])) continue;
      let citizen = false;
      let staff = false;
      for (const k of asArray(entity.value['kallor'])) {
        const typ = asString(asDict(k)?.['typ']);
        if (typ === undefined) continue;
        citizen ||= CITIZEN.has(typ);
        staff ||= STAFF.has(typ);
      }
      const missing: ('medborgardialog' | 'medarbetardialog')[] = [];
      if (!citizen) missing.push('medborgardialog');
      if (!staff) missing.push('medarbetardialog');
      if (missing.length > 0) ctx.report(entity, ['kallor'], { missing }, { target: 'key' });
    }
  },
});
