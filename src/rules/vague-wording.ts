// vague-wording: a promise must say what will be done, not that someone will "verka för" something.

import { phraseRule } from './phrase-rule.js';

export const vagueWording = phraseRule('vague-wording', 'vaga-formuleringar.yaml');
