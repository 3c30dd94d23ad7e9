// unknown-kommunkod: a kommun actor's kommunkod must be one of SCB's 290 codes.

import { asString } from '../model/access.js';
import type { Rule } from './types.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const unknownKommunkod: Rule = {
  code: 'unknown-kommunkod',
  scope: 'document',
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
};
