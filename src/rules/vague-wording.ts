// vague-wording: a promise must say what will be done, not that someone will "verka för" something.

import { t } from '../diagnostics/parts.js';
import { defineRule } from './define.js';
import { phraseCheck, type PhraseArgs } from './phrase-rule.js';
import { promiseEn, promiseSv, quoted } from './words.js';

export const vagueWording = defineRule<PhraseArgs>()({
  code: 'vague-wording',
  severity: 'warning',
  scope: 'document',
  summary: 'vaga formuleringar i den sats som bär löftet: "verka för", "arbeta med", "se över", "regelbundet" utan siffra …',
  words: {
    sv: {
      title: 'Vag formulering',
      message: (a) => t`${promiseSv(a.lofte)} är vagt formulerat: ${quoted(a.phrases)}.`,
      hint: (a) => (a.tips ? [a.tips] : t`Skriv vad som ska göras, hur mycket och när.`),
    },
    en: {
      title: 'Vague wording',
      message: (a) => t`${promiseEn(a.lofte)} is vague: ${quoted(a.phrases)}.`,
      hint: () => t`Say what will be done, how much and when.`,
    },
  },
  samples: [
    { lofte: 'trygghet', phrases: ['verka för'], tips: 'Skriv vad ni gör: "genomföra 20 kontroller".' },
    { lofte: 'trygghet', phrases: ['verka för', 'regelbundet'] },
  ],
  check: phraseCheck('vaga-formuleringar.yaml'),
});
