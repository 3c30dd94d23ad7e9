// Picks a language and words a diagnostic: the one place text is made from rule + args.

import type { Diagnostic } from '../types.js';
import { en } from './en.js';
import { sv } from './sv.js';
import type { Language, Wording } from './types.js';

export const LANGUAGES = { sv, en } as const;
export type Lang = keyof typeof LANGUAGES;

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en';
}

export function language(lang: Lang): Language {
  return LANGUAGES[lang];
}

export function describe(d: Diagnostic, lang: Lang): Wording & { title: string } {
  const words = LANGUAGES[lang].rules[d.rule];
  if (!words) throw new Error(`no ${lang} wording for rule ${d.rule}`);
  return { title: words.title, ...words.say(d.args, d) };
}
