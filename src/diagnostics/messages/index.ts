// Picks a language and words a diagnostic: the one place a finding's words are looked up.

import { definitionOf } from '../catalog.js';
import { plainText, type Message } from '../parts.js';
import type { Diagnostic } from '../types.js';
import { en } from './en.js';
import { sv } from './sv.js';
import type { Language } from './types.js';

export const LANGUAGES = { sv, en } as const;
export type Lang = keyof typeof LANGUAGES;

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en';
}

export function language(lang: Lang): Language {
  return LANGUAGES[lang];
}

/** A finding's words as parts, for formatters that mark up code and values their own way. */
export interface Described {
  title: string;
  message: Message;
  hint?: Message;
}

export function describeParts(d: Diagnostic, lang: Lang): Described {
  const words = definitionOf(d.rule).words[lang];
  // The one unchecked step: a finding's args were checked against its code when it was made
  // (makeDiagnostic, ctx.report); here they come back as data, possibly from a worker or the cache.
  const at = { rule: d.rule, path: d.path };
  const message = words.message(d.args, at);
  const hint = words.hint?.(d.args, at);
  return hint === undefined || hint.length === 0 || plainText(hint) === '' ? { title: words.title, message } : { title: words.title, message, hint };
}

/** A finding's words as plain text: code between backticks, as the terminal, CI logs and JSON show it. */
export function describe(d: Diagnostic, lang: Lang): { title: string; message: string; hint?: string } {
  const parts = describeParts(d, lang);
  return parts.hint === undefined ? { title: parts.title, message: plainText(parts.message) } : { title: parts.title, message: plainText(parts.message), hint: plainText(parts.hint) };
}
