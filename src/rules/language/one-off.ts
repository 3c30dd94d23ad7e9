// Whether a promise text, with no omfattning or frekvens, still promises something a follow-up can
// judge: a one-off deliverable ("installera kameror", "ta fram en lägesbild"), a rule with clock
// times ("stängt 24–06") or something done at each occasion of a counted event ("efter varje
// insatsvecka"). The phrases are data: data/ordlistor/matbara-formuleringar.yaml.

import { analysisOf, decidingPhrases } from '../phrase-rule.js';
import { clauseAt, words } from './clauses.js';
import { findPhrases, phraseList, type PhraseList, type PhraseMatch } from './phrases.js';

/** "en del", "ett antal": an article that does not count one thing. */
const NOT_ONE = new Set(['antal', 'del', 'flertal', 'rad', 'serie', 'par', 'mängd', 'antal', 'flera']);
const CLOCK = /^\s*(?:kl\.?\s*|klockan\s*|mellan\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:[-–]|och|till)\s*\d{1,2}(?:[.:]\d{2})?(?!\d)/;

/** The words that make the promise measurable as it is written, or undefined. */
export function measurableWording(text: string): PhraseMatch | undefined {
  const list = phraseList('matbara-formuleringar.yaml');
  const found = findPhrases(text, list);
  if (found.length === 0) return undefined;
  const analysis = analysisOf(text);
  // A sentence that is vague or conditional has no definite deliverable, whatever its verb.
  const weak = new Set(
    ['vaga-formuleringar.yaml', 'villkorade-formuleringar.yaml'].flatMap((file) => decidingPhrases(text, phraseList(file)).map((m) => clauseAt(analysis, m.index)?.sentence)),
  );
  return found.find((m) => {
    const clause = clauseAt(analysis, m.index);
    return clause?.kind === 'main' && !weak.has(clause.sentence) && objectFits(text, m, list);
  });
}

function objectFits(text: string, m: PhraseMatch, list: PhraseList): boolean {
  if (m.phrase.objekt === 'valfritt') return true;
  if (m.phrase.objekt === 'klockslag') return CLOCK.test(text.slice(m.end));
  const [first, second] = words(text, m.end).slice(0, 2);
  if (!first || /^[^\s]*[,.;:]/.test(text.slice(m.end, first.start).trim())) return false;
  if (first.text === 'en' || first.text === 'ett') return second !== undefined && !NOT_ONE.has(second.text);
  return list.handelser.some((ending) => first.text.endsWith(ending));
}
