// conditional-promise: a promise that only holds "om det uppkommer önskemål" is no promise.

import { phraseRule } from './phrase-rule.js';

export const conditionalPromise = phraseRule('conditional-promise', 'villkorade-formuleringar.yaml');
