// The quick test before a text is searched for a personnummer: it may skip a text only when no
// reading of it (NFKC, entities, Markdown) shows ten digits.

import { describe, expect, it } from 'vitest';
import { findPersonnummer, mayHoldPersonnummer } from '../src/util/personnummer.js';

const superscript = (s: string): string => s.replace(/[0-9]/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)] as string);
const mathBold = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCodePoint(0x1d7ce + Number(d)));
const entities = (s: string): string => s.replace(/[0-9]/g, (d) => `&#${d.charCodeAt(0)};`);

describe('mayHoldPersonnummer', () => {
  it.each([
    ['ten ASCII digits', '811218-0008'],
    ['superscript digits', superscript('811218-0008')],
    ['mathematical digits (beyond the BMP)', mathBold('811218-0008')],
    ['full-width digits', '８１１２１８-０００８'],
    ['digits as entities', entities('811218-0008')],
    ['nine digits and a circled one', '81121⑧-0008'],
  ])('lets through a personnummer in %s, and it is found', (_what, text) => {
    expect(mayHoldPersonnummer(text)).toBe(true);
    expect(findPersonnummer(`Samtal med ${text} i går.`)).toEqual(['811218-XXXX']);
  });

  it.each([
    ['no digit', 'Polisen lovar att genomföra trafikkontroller – även på helger.'],
    ['a date', '2026-01-01'],
    ['nine digits', '81121-0008'],
    ['a key', 'giltighet'],
    ['three characters of three digits each', '⅒⅒⅒'],
  ])('skips %s', (_what, text) => {
    expect(mayHoldPersonnummer(text)).toBe(false);
  });

  it('lets through four characters that may each be three digits, not three', () => {
    expect(mayHoldPersonnummer('⅒⅒⅒⅒')).toBe(true);
    expect(mayHoldPersonnummer('⅒⅒⅒')).toBe(false);
  });

  it('counts every character that NFKC turns into digits', () => {
    const missed: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const digits = ch.normalize('NFKC').replace(/[^0-9]/g, '').length;
      if (digits === 0) continue;
      // Four such characters may show twelve digits; an entity for one, as many.
      if (!mayHoldPersonnummer(ch.repeat(4)) || !mayHoldPersonnummer(`&#${cp};`.repeat(4))) missed.push(cp.toString(16));
      expect(digits).toBeLessThanOrEqual(3);
    }
    expect(missed).toEqual([]);
  });
});
