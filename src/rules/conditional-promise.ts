// conditional-promise: a promise that only holds "om det uppkommer önskemål" is no promise.

import { asString } from '../model/access.js';
import { findPhrases, phraseList } from './phrases.js';
import { promises } from './promises.js';
import type { Rule } from './types.js';

export const conditionalPromise: Rule = {
  code: 'conditional-promise',
  check(ctx) {
    const list = phraseList('villkorade-formuleringar.yaml');
    for (const p of promises(ctx.entities)) {
      const found = findPhrases(asString(p.lofte['text']) ?? '', list);
      if (found.length === 0) continue;
      ctx.report(p.doc, ['loften', p.index, 'text'], { lofte: p.id, phrases: found.map((f) => f.text), tips: found[0]?.phrase.tips });
    }
  },
};
