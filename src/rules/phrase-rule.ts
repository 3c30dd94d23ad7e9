// A rule that flags promise texts containing a phrase from one of the Swedish word lists, where
// the phrase governs the promise: in its own clause (not a purpose or relative clause) when the
// list entry says so, and only without an amount when the entry is a qualifier such as "regelbundet".

import { asString } from '../model/access.js';
import { analyse, clauseAt, type TextAnalysis } from './language/clauses.js';
import { findPhrases, phraseList, readingOf, type PhraseList, type PhraseMatch, type TextReading } from './language/phrases.js';
import { quantityIn } from './language/quantity.js';
import { promises } from './promises.js';
import type { DocumentRuleContext } from './types.js';

/** The phrases of a list that decide about a text: each is quoted in the finding. */
export function decidingPhrases(text: string, list: PhraseList): readonly PhraseMatch[] {
  const reading = readingOf(text);
  return (reading.deciding[list.slot] ??= deciding(text, reading, list));
}

function deciding(text: string, reading: TextReading, list: PhraseList): readonly PhraseMatch[] {
  const found = findPhrases(text, list);
  if (found.length === 0) return found;
  const clauses = analysisOf(text, reading);
  const quantity = found.some((m) => m.phrase.utanAntal) ? quantityIn(text) : undefined;
  return found.filter((m) => (m.phrase.sats === 'alla' || clauseAt(clauses, m.index)?.kind === 'main') && !(m.phrase.utanAntal && quantity !== undefined));
}

/** A text's sentences and clauses, worked out once for every list that found something in it. */
export function analysisOf(text: string, reading: TextReading = readingOf(text)): TextAnalysis {
  return (reading.analysis ??= analyse(text));
}

/** The promise's id, the deciding phrases, and the first one's suggested rewrite from the list. */
export type PhraseArgs = { lofte?: string; phrases: readonly string[]; tips?: string };

/** The check of a rule that flags promises by a phrase list (`rules/language/*.yaml`). */
export function phraseCheck(listFile: string): (ctx: DocumentRuleContext<PhraseArgs>) => void {
  return (ctx) => {
      const list = phraseList(listFile);
      for (const p of promises(ctx.entities)) {
        const found = decidingPhrases(asString(p.lofte['text']) ?? '', list);
        const first = found[0];
        if (!first) continue;
        ctx.report(p.doc, ['loften', p.index, 'text'], { lofte: p.id, phrases: found.map((f) => f.text), tips: first.phrase.tips }, { span: { start: first.index, end: first.end } });
      }
  };
}
