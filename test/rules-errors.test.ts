// The error rules' finer points, on small in-memory checks where a fixture would add nothing.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { findPersonnummer } from '../src/util/personnummer.js';
import { suggest } from '../src/util/suggest.js';

describe('personal-data', () => {
  it.each([
    ['Anmälan från 121212-1212 i går', ['121212-XXXX']],
    ['Född 19121212-1212', ['121212-XXXX']],
    ['Född 191212121212', ['121212-XXXX']],
    ['Samordningsnummer 701063-2391', ['701063-XXXX']],
    ['Hundraåring 121212+1212', ['121212-XXXX']],
  ])('finds a valid personnummer in %j', (text, expected) => {
    expect(findPersonnummer(text)).toEqual(expected);
  });

  it.each([
    ['Luhn fails', '121212-1213'],
    ['month 13', '121312-1212'],
    ['phone number without separator', 'Ring 0701234567'],
    ['diarienummer', 'Dnr 2025-001234'],
    ['a date range', '2026-01-01–2027-12-31'],
    ['a longer number', '1121212-12123'],
  ])('ignores %s', (_what, text) => {
    expect(findPersonnummer(text)).toEqual([]);
  });
});

describe('did-you-mean', () => {
  it('suggests the closest names, best first', () => {
    expect(suggest('lpo-halsberg', ['lpo-hallsberg', 'laxa-kommun', 'lpo-hallstahammar'])).toEqual(['lpo-hallsberg']);
    expect(suggest('omfatning', ['omfattning', 'frekvens', 'plats'])).toEqual(['omfattning']);
    expect(suggest('xyz', ['omfattning'])).toEqual([]);
  });
});

describe('SuggestionIndex', () => {
  it('finds the same suggestions as comparing with every name', async () => {
    const { SuggestionIndex, suggest: plain } = await import('../src/util/suggest.js');
    const names = ['lpo-hallsberg', 'lpo-hallstahammar', 'laxa-kommun', 'askersunds-kommun', 'laxa-2026-2027', 'otrygghet-centrum', 'cykelstolder', 'narkotika-parken', 'lpo', 'a'];
    const index = new SuggestionIndex(names);
    for (const input of ['lpo-halsberg', 'laxa-komun', 'laxa-2026-2028', 'otrygghet-centrm', 'cykelstölder', 'narkotika', 'xyz', 'lp', 'hallsberg']) {
      expect(index.suggest(input), input).toEqual(plain(input, names));
    }
  });

  it('finds the same suggestions among thousands of national ids, for misspelt ones', async () => {
    const { SuggestionIndex, suggest: plain } = await import('../src/util/suggest.js');
    const kommuner = JSON.parse(readFileSync(path.join(ROOT, 'data', 'kommuner.json'), 'utf8')) as { namn: string }[];
    const slug = (text: string): string => text.toLowerCase().replace(/å|ä/g, 'a').replace(/ö/g, 'o').replace(/[^a-z0-9]+/g, '-');
    const names: string[] = [];
    for (const k of kommuner) for (const year of [2016, 2020, 2024]) names.push(`${slug(k.namn)}-medborgarloften-${year}-${year + 1}`, `${slug(k.namn)}-otrygghet-centrum-${year}`);
    const index = new SuggestionIndex(names);
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let q = 0; q < 150; q++) {
      const chars = [...(names[random(names.length)] as string)];
      for (let edits = 1 + random(5); edits > 0; edits--) {
        const at = random(chars.length);
        if (random(2) === 0) chars.splice(at, 1);
        else chars.splice(at, 0, 'abcdefghijklmnopqrstuvwxyz-0123456789'[random(37)] as string);
      }
      const input = chars.join('');
      expect(index.suggest(input), input).toEqual(plain(input, names));
    }
    // Part of an id ("hallsberg" for "lpo-hallsberg"): close by containment, however long the id.
    for (let q = 0; q < 100; q++) {
      const name = names[random(names.length)] as string;
      const from = random(name.length - 4);
      const input = name.slice(from, from + 4 + random(name.length - from - 3));
      expect(index.suggest(input), input).toEqual(plain(input, names));
    }
  });
});
