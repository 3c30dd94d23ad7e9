// A rule that flags promise texts containing a phrase from one of the Swedish word lists.

import { asString } from '../model/access.js';
import { findPhrases, phraseList } from './phrases.js';
import { promises } from './promises.js';
import type { Rule } from './types.js';

export function phraseRule(code: string, listFile: string): Rule {
  return {
    code,
    scope: 'document',
    check(ctx) {
      const list = phraseList(listFile);
      for (const p of promises(ctx.entities)) {
        const found = findPhrases(asString(p.lofte['text']) ?? '', list);
        if (found.length === 0) continue;
        ctx.report(p.doc, ['loften', p.index, 'text'], { lofte: p.id, phrases: found.map((f) => f.text), tips: found[0]?.phrase.tips });
      }
    },
  };
}
