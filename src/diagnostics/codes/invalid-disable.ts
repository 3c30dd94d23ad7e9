// invalid-disable: a `lofte-disable-next-line` comment without a rule, with an unknown one, or without a reason.

import { defineCode } from '../define.js';
import { code, t } from '../parts.js';
import { didYouMeanEn, didYouMeanSv } from './words.js';

type Args = { problem: 'no-rule' } | { problem: 'unknown-rule'; rule: string; suggestion?: string } | { problem: 'no-reason'; rule: string };

const EXAMPLE_SV = '# lofte-disable-next-line vague-wording -- varför det är rätt här';
const EXAMPLE_EN = '# lofte-disable-next-line vague-wording -- why it is right here';

export const invalidDisable = defineCode<Args>()({
  code: 'invalid-disable',
  severity: 'error',
  stage: 'load',
  summary: 'en avstängningskommentar utan regel, med okänd regel eller utan motivering',
  words: {
    sv: {
      title: 'Felaktig avstängningskommentar',
      message: (a) =>
        a.problem === 'unknown-rule'
          ? t`Kommentaren stänger av ${code(a.rule)}, som inte är någon lofte-regel.`
          : a.problem === 'no-rule'
            ? t`Kommentaren ${code('lofte-disable-next-line')} säger inte vilken regel den stänger av.`
            : t`Kommentaren stänger av ${code(a.rule)} utan motivering.`,
      hint: (a) => (a.problem === 'unknown-rule' && a.suggestion ? didYouMeanSv([a.suggestion]) : undefined) ?? t`Skriv så här: ${code(EXAMPLE_SV)}.`,
    },
    en: {
      title: 'Invalid disable comment',
      message: (a) =>
        a.problem === 'unknown-rule'
          ? t`The comment disables ${code(a.rule)}, which is not a lofte rule.`
          : a.problem === 'no-rule'
            ? t`The ${code('lofte-disable-next-line')} comment names no rule.`
            : t`The comment disables ${code(a.rule)} without a reason.`,
      hint: (a) => (a.problem === 'unknown-rule' && a.suggestion ? didYouMeanEn([a.suggestion]) : undefined) ?? t`Write: ${code(EXAMPLE_EN)}.`,
    },
  },
  samples: [{ problem: 'no-rule' }, { problem: 'unknown-rule', rule: 'vage-wording', suggestion: 'vague-wording' }, { problem: 'unknown-rule', rule: 'x' }, { problem: 'no-reason', rule: 'one-party' }],
});
