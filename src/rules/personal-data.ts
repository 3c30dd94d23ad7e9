// personal-data: no Swedish personnummer or samordningsnummer anywhere in the repository: in
// text, keys, ids and numbers, however written (util/personnummer.ts knows the spellings).

import { code, t, value } from '../diagnostics/parts.js';
import { asDict } from '../model/access.js';
import { findPersonnummer } from '../util/personnummer.js';
import { defineRule } from './define.js';

export { findPersonnummer };

/** Every string, key and number of a value with its path: a personnummer may be any of them. */
function visitScalars(value: unknown, visit: (text: string, path: readonly (string | number)[]) => void, path: (string | number)[] = []): void {
  if (typeof value === 'string') visit(value, path);
  else if (typeof value === 'number' || typeof value === 'bigint') visit(String(value), path);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      visitScalars(value[i], visit, path);
      path.pop();
    }
  } else {
    const d = asDict(value);
    if (!d) return;
    for (const k of Object.keys(d)) {
      path.push(k);
      visit(k, path);
      visitScalars(d[k], visit, path);
      path.pop();
    }
  }
}

type Args = { masked: string };

export const personalData = defineRule<Args>()({
  code: 'personal-data',
  severity: 'error',
  scope: 'document',
  summary: 'ett personnummer (Luhn-kontrollerat) var som helst, även under `intern`',
  words: {
    sv: {
      title: 'Personnummer i texten',
      message: (a) => t`Texten innehåller ett personnummer (${value(a.masked)}).`,
      hint: () => t`Personnummer får aldrig finnas i förrådet, inte ens under ${code('intern')}. Ta bort det och skriv utan personuppgifter.`,
    },
    en: {
      title: 'Personal identity number in text',
      message: (a) => t`The text contains a personal identity number (${value(a.masked)}).`,
      hint: () => t`Remove it; personal identity numbers never belong in the repository.`,
    },
  },
  samples: [{ masked: '811218-XXXX' }],
  check(ctx) {
    for (const entity of ctx.entities) {
      visitScalars(entity.value, (text, path) => {
        for (const masked of findPersonnummer(text)) ctx.report(entity, [...path], { masked });
      });
    }
  },
});
