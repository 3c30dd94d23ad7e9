// unknown-kommunkod: a kommun actor's kommunkod must be one of SCB's 290 codes.

import { code, t, value } from '../diagnostics/parts.js';
import { asString } from '../model/access.js';
import { defineRule } from './define.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Args = { value: string; suggestion?: string; suggestionName?: string };

export const unknownKommunkod = defineRule<Args>()({
  code: 'unknown-kommunkod',
  severity: 'error',
  scope: 'document',
  summary: 'en kommunkod som inte är en av SCB:s 290',
  words: {
    sv: {
      title: 'Okänd kommunkod',
      message: (a) => t`Kommunkoden ${code(a.value)} finns inte bland SCB:s 290 kommunkoder.`,
      hint: (a) =>
        a.suggestion !== undefined && a.suggestionName !== undefined
          ? t`${value(a.suggestionName)} har kommunkod ${code(a.suggestion)}.`
          : t`Slå upp den fyrsiffriga koden i SCB:s förteckning över kommuner.`,
    },
    en: {
      title: 'Unknown municipality code',
      message: (a) => t`Municipality code ${code(a.value)} is not one of SCB's 290 codes.`,
      hint: (a) => (a.suggestion !== undefined && a.suggestionName !== undefined ? t`${value(a.suggestionName)} has code ${code(a.suggestion)}.` : undefined),
    },
  },
  samples: [{ value: '1999', suggestion: '1860', suggestionName: 'Laxå' }, { value: '0000' }],
  check(ctx) {
    for (const entity of ctx.entities) {
      if (entity.kind !== 'Aktor' || entity.value['typ'] !== 'kommun') continue;
      const kod = asString(entity.value['kommunkod']);
      if (kod === undefined || !/^\d{4}$/.test(kod) || ctx.data.kommuner.has(kod)) continue;
      // The actor's name usually says which kommun was meant.
      const namn = asString(entity.value['namn']) ?? '';
      const byName = [...ctx.data.kommuner.values()].find((k) => new RegExp(`(^|\\s)${escapeRegExp(k.namn)}s?(\\s|$)`, 'u').test(namn));
      ctx.report(entity, ['kommunkod'], { value: kod, suggestion: byName?.kod, suggestionName: byName?.namn });
    }
  },
});
