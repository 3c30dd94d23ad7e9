// Whether a promise text states an amount or a frequency in words: "minst 40", "fyra gånger per år",
// "varje vecka". A qualifier such as "regelbundet" is only vague where no such amount is given.

import { words } from './clauses.js';

const NUMBER_WORDS = new Set([
  'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv', 'tretton', 'fjorton', 'femton', 'sexton', 'sjutton', 'arton',
  'nitton', 'tjugo', 'trettio', 'fyrtio', 'femtio', 'sextio', 'sjuttio', 'åttio', 'nittio', 'hundra', 'tusen', 'dubbelt', 'dubbla', 'halva', 'hälften',
]);
/** "minst en", "varje vecka", "per år": an article or a period word that counts here. */
const COUNTING_BEFORE = new Set(['inom', 'minst', 'högst', 'totalt', 'sammanlagt', 'exakt', 'cirka', 'ca', 'varje', 'var', 'varannan', 'vartannat', 'per', 'gång', 'gånger']);
const PERIOD_WORDS = /^(dag|dagen|dygn|dygnet|vecka|veckan|veckor|helg|helgen|kväll|kvällen|natt|natten|månad|månaden|kvartal|kvartalet|tertial|tertialet|halvår|halvåret|år|året|termin|terminen|lov|lovet)$/;
/** "Under 2020", "senast 2026-05-31": a year or a date says when, not how much. */
const YEAR_OR_DATE = /^(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?$/;
const FREQUENCY_ADVERBS = new Set(['dagligen', 'veckovis', 'månadsvis', 'kvartalsvis', 'tertialvis', 'halvårsvis', 'årligen', 'varje', 'varannan']);

/** The first word that states an amount or a frequency, if any. */
export function quantityIn(text: string): string | undefined {
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    const w = (ws[i] as { text: string }).text;
    if ((/\d/.test(w) && !YEAR_OR_DATE.test(w)) || NUMBER_WORDS.has(w) || FREQUENCY_ADVERBS.has(w)) return w;
    const next = ws[i + 1]?.text;
    if (next === undefined) continue;
    if (COUNTING_BEFORE.has(w) && (next === 'en' || next === 'ett' || PERIOD_WORDS.test(next))) return `${w} ${next}`;
    if ((w === 'i' || w === 'om' || w === 'per') && PERIOD_WORDS.test(next) && (ws[i - 1]?.text === 'gång' || ws[i - 1]?.text === 'gånger' || /n$|t$/.test(next))) return `${w} ${next}`;
  }
  return undefined;
}
