// conditional-promise: a promise that only holds "om det uppkommer önskemål" is no promise.

import { t } from '../diagnostics/parts.js';
import { defineRule } from './define.js';
import { phraseCheck, type PhraseArgs } from './phrase-rule.js';
import { promiseEn, promiseSv, quoted } from './words.js';

export const conditionalPromise = defineRule<PhraseArgs>()({
  code: 'conditional-promise',
  severity: 'warning',
  scope: 'document',
  summary: 'villkorade löften: "om det uppkommer önskemål", "vid behov", "kan … komma att" …',
  words: {
    sv: {
      title: 'Villkorat löfte',
      message: (a) => t`${promiseSv(a.lofte)} är villkorat: ${quoted(a.phrases)}.`,
      hint: (a) => (a.tips ? [a.tips] : t`Lova det ni gör oavsett, med antal eller frekvens.`),
    },
    en: {
      title: 'Conditional promise',
      message: (a) => t`${promiseEn(a.lofte)} is conditional: ${quoted(a.phrases)}.`,
      hint: () => t`Promise what you will do regardless, with a number or frequency.`,
    },
  },
  samples: [{ lofte: 'dialog', phrases: ['vid behov'], tips: 'Lova ett antal: "två möten per år".' }, { phrases: ['om det uppkommer önskemål'] }],
  check: phraseCheck('villkorade-formuleringar.yaml'),
});
