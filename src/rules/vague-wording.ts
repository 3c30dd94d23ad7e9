// vague-wording: a promise must say what will be done, not that someone will "verka för" something.

import { asString } from '../model/access.js';
import { findPhrases, phraseList } from './phrases.js';
import { promises } from './promises.js';
import type { Rule } from './types.js';

export const vagueWording: Rule = {
  code: 'vague-wording',
  check(ctx) {
    const list = phraseList('vaga-formuleringar.yaml');
    for (const p of promises(ctx.entities)) {
      const found = findPhrases(asString(p.lofte['text']) ?? '', list);
      if (found.length === 0) continue;
      ctx.report(p.doc, ['loften', p.index, 'text'], { lofte: p.id, phrases: found.map((f) => f.text), tips: found[0]?.phrase.tips });
    }
  },
};
