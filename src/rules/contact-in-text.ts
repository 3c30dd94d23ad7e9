// contact-in-text: e-mail addresses and phone numbers do not belong in published free text.

import { code, join, t, value } from '../diagnostics/parts.js';
import { defineRule } from './define.js';
import { pathOf, placeUnder } from './texts.js';

// Bounded and anchored at the start of a word: an unbounded `[…]+@` tried from every position of a
// long word is quadratic (a 1 MB line took minutes).
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}-])/gu;
// Swedish numbers: 0584-47 30 00, 070-123 45 67, 08-401 00 00, +46 70 123 45 67.
const PHONE = /(?<![\d-])(?:\+46\s?|0)\d{1,3}[-\s]?\d{2,3}(?:[\s-]?\d{2}){1,2}(?![\d-])/g;

/** Where contact details are meant to be, or that are never published. */
const NOT_FREE_TEXT = new Set(['intern', 'kontakt', 'webbplats', 'url', 'referens']);

/**
 * Whether PHONE could match: it starts at a `0` or `+` with no digit or `-` before it. Dates and
 * ids (`2026-01-01`, `lpo-2020`) have none, and are most of the text with digits in it.
 */
function mayHoldPhone(text: string): boolean {
  for (let i = text.indexOf('0'); i >= 0; i = text.indexOf('0', i + 1)) if (!digitOrDash(text.charCodeAt(i - 1))) return true;
  for (let i = text.indexOf('+'); i >= 0; i = text.indexOf('+', i + 1)) if (!digitOrDash(text.charCodeAt(i - 1))) return true;
  return false;
}

/** `[\d-]` without the `u` flag: ASCII digits and the hyphen-minus (NaN, before the text, is neither). */
const digitOrDash = (c: number): boolean => (c >= 48 && c <= 57) || c === 45;

export function findContacts(text: string): string[] {
  // Most text has neither an @ nor a place a phone number could start: skip the regexes for it.
  const mayEmail = text.includes('@');
  const mayPhone = mayHoldPhone(text);
  if (!mayEmail && !mayPhone) return [];
  const emails = mayEmail ? [...text.matchAll(EMAIL)] : [];
  const phones = mayPhone ? [...text.matchAll(PHONE)] : [];
  if (emails.length + phones.length === 0) return [];
  return [...emails, ...phones].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).map((m) => m[0]);
}

type Args = { found: readonly string[] };

export const contactInText = defineRule<Args>()({
  code: 'contact-in-text',
  severity: 'warning',
  scope: 'document',
  summary: 'e-postadress eller telefonnummer i publicerad fri text',
  words: {
    sv: {
      title: 'Kontaktuppgift i fri text',
      message: (a) => t`Texten innehåller kontaktuppgifter: ${join(a.found.map(value), ', ')}.`,
      hint: () => t`Publicerade texter lever länge: lägg funktionsadresser i aktörens ${code('kontakt')} i stället.`,
    },
    en: {
      title: 'Contact details in free text',
      message: (a) => t`The text contains contact details: ${join(a.found.map(value), ', ')}.`,
      hint: () => t`Put function addresses in the actor's ${code('kontakt')} instead.`,
    },
  },
  samples: [{ found: ['anna@example.se', '070-123 45 67'] }],
  check(ctx) {
    for (const entity of ctx.entities) {
      for (const { text, kind, place } of ctx.texts(entity)) {
        if (kind !== 'string') continue; // a key or a number, not text
        const found = findContacts(text);
        if (found.length === 0 || placeUnder(place, NOT_FREE_TEXT)) continue;
        ctx.report(entity, pathOf(place), { found });
      }
    }
  },
});
