// The error rules' finer points, on small in-memory checks where a fixture would add nothing.

import { describe, expect, it } from 'vitest';
import { findPersonnummer } from '../src/rules/personal-data.js';
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
});
