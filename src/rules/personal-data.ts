// personal-data: no Swedish personnummer or samordningsnummer anywhere in the repository: in
// text, keys, ids and numbers, however written (util/personnummer.ts knows the spellings).

import { code, t, value } from '../diagnostics/parts.js';
import { findPersonnummer } from '../util/personnummer.js';
import { defineRule } from './define.js';
import { pathOf } from './texts.js';


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
      for (const field of ctx.texts(entity)) {
        for (const masked of findPersonnummer(field.text)) ctx.report(entity, pathOf(field.place), { masked });
      }
    }
  },
});
