// personal-data: no Swedish personnummer or samordningsnummer anywhere in the repository.

import { numberLikeTexts } from '../model/access.js';
import type { Rule } from './types.js';

// 12 digits (with or without separator), or 10 digits with a separator: a bare 10-digit number is
// far more often a phone number than a personnummer.
const CANDIDATE = /(?<![\d-])(?:(\d{2})(\d{6})[-+]?(\d{4})|(\d{6})[-+](\d{4}))(?![\d-])/g;

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function plausibleDate(yymmdd: string, century: string | undefined): boolean {
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day > 60) day -= 60; // samordningsnummer
  if (century !== undefined && century !== '19' && century !== '20') return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The personnummer in a text, masked (`850709-XXXX`) so the finding itself leaks nothing. */
const SIX_DIGITS = /\d{6}/;

export function findPersonnummer(text: string): string[] {
  const found: string[] = [];
  if (!SIX_DIGITS.test(text)) return found;
  for (const m of text.matchAll(CANDIDATE)) {
    const century = m[1];
    const date = m[2] ?? m[4] ?? '';
    const tail = m[3] ?? m[5] ?? '';
    if (plausibleDate(date, century) && luhnOk(date + tail)) found.push(`${date}-XXXX`);
  }
  return found;
}

export const personalData: Rule = {
  code: 'personal-data',
  scope: 'document',
  check(ctx) {
    for (const entity of ctx.entities) {
      for (const { text, path } of ctx.shared(numberLikeTexts, entity)) {
        for (const masked of findPersonnummer(text)) ctx.report(entity, [...path], { masked });
      }
    }
  },
};
