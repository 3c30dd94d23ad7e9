// One walk of a document's text fields, shared by the rules that read text (issue 20).

import { describe, expect, it } from 'vitest';
import { t } from '../src/diagnostics/parts.js';
import { referenceData } from '../src/model/reference-data.js';
import { defineRule } from '../src/rules/define.js';
import { DOMAIN_RULES, documentRulesWithout, runDocumentRules } from '../src/rules/index.js';
import { findPlaceholders, hasPlaceholder, mayBePlaceholder } from '../src/rules/placeholder.js';
import { pathOf, placeUnder, textFields, walkDocument, type TextField } from '../src/rules/texts.js';
import type { Entity } from '../src/schema/index.js';

const value = { id: 'a', loften: [{ id: 'b', text: 'Ring 070-123 45 67', antal: 20 }], intern: { not: 'x' } };

describe('textFields', () => {
  it('gives every key, string and number once, a key before its value, with its path', () => {
    const fields = textFields(value);
    expect(fields.map((f) => [f.kind, f.text, pathOf(f.place)])).toEqual([
      ['key', 'id', ['id']],
      ['string', 'a', ['id']],
      ['key', 'loften', ['loften']],
      ['key', 'id', ['loften', 0, 'id']],
      ['string', 'b', ['loften', 0, 'id']],
      ['key', 'text', ['loften', 0, 'text']],
      ['string', 'Ring 070-123 45 67', ['loften', 0, 'text']],
      ['key', 'antal', ['loften', 0, 'antal']],
      ['number', '20', ['loften', 0, 'antal']],
      ['key', 'intern', ['intern']],
      ['key', 'not', ['intern', 'not']],
      ['string', 'x', ['intern', 'not']],
    ]);
    expect(fields.filter((f) => placeUnder(f.place, new Set(['intern']))).map((f) => f.text)).toEqual(['intern', 'not', 'x']);
    expect(textFields('bare').map((f) => pathOf(f.place))).toEqual([[]]);
  });

  it('gives, from the same walk, every map with a string from and tom, a map before those inside it', () => {
    const doc = {
      giltighet: { from: '2026-01-01', tom: '2025-12-31' },
      loften: [{ tidsram: { from: 'x', tom: 'y', inre: { from: '2026-01-01', tom: 2026 } } }, 'text', [{ from: 'a', tom: 'b' }]],
    };
    expect(walkDocument(doc).periods.map((p) => [p.from, p.tom, pathOf(p.place)])).toEqual([
      ['2026-01-01', '2025-12-31', ['giltighet']],
      ['x', 'y', ['loften', 0, 'tidsram']],
      ['a', 'b', ['loften', 2, 0]],
    ]);
    expect(walkDocument({ from: 'a', tom: 'b' }).periods.map((p) => pathOf(p.place))).toEqual([[]]);
  });

  it('is walked once per document for all the rules of a run', () => {
    const seen: (readonly TextField[])[] = [];
    const reader = (code: string) =>
      defineRule<{ n: number }>()({
        code,
        severity: 'warning',
        scope: 'document',
        summary: 'test',
        words: { sv: { title: 'test', message: () => t`test.` }, en: { title: 'test', message: () => t`test.` } },
        samples: [{ n: 1 }],
        check(ctx) {
          for (const entity of ctx.entities) seen.push(ctx.texts(entity));
        },
      });
    const entity = { kind: 'Medborgarlofte', id: 'a', value, valid: true } as unknown as Entity;
    runDocumentRules({ entities: [entity], asOf: '2026-06-01', data: referenceData() }, [reader('one'), reader('two')]);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
  });
});

describe('documentRulesWithout', () => {
  it('gives the document rules that are on, worked out once per list of rules turned off', () => {
    const off = ['personal-data', 'one-party'];
    const rules = documentRulesWithout(off);
    expect(rules.map((r) => r.code)).toEqual(DOMAIN_RULES.filter((r) => r.scope === 'document' && r.code !== 'personal-data').map((r) => r.code));
    expect(rules).toContain(DOMAIN_RULES.find((r) => r.code === 'vague-wording'));
    expect(documentRulesWithout(off)).toBe(rules);
    expect(documentRulesWithout([]).map((r) => r.code)).toContain('personal-data');
  });
});

describe('the placeholder rule’s quick test of a text’s first character', () => {
  it('lets through every character that \\s matches, and T', () => {
    const missed: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if ((/^\s$/.test(ch) || ch === 'T') && !mayBePlaceholder(`${ch}TODO`)) missed.push(c);
    }
    expect(missed).toEqual([]);
  });

  it.each([
    ['TODO skriv löftet', ['TODO skriv löftet']],
    ['  TODO: skriv', ['TODO: skriv']],
    ['\u3000TODO efter ett ideografiskt mellanslag', ['TODO efter ett ideografiskt mellanslag']],
    ['\u00a0TODO efter ett hårt mellanslag', ['TODO efter ett hårt mellanslag']],
    ['\ufeffTODO efter en BOM', ['TODO efter en BOM']],
    ['Ett löfte, TODO senare', []],
    ['TODOS', []],
    ['todo', []],
  ])('%j', (text, expected) => {
    expect(findPlaceholders({ text }).map((f) => f.text)).toEqual(expected);
  });
});

describe('hasPlaceholder, the report’s scan of every document', () => {
  // It must say yes exactly when findPlaceholders finds something: report asks it first and skips
  // a document it says no to.
  it.each([
    ['a text at the top', { id: 'a', text: 'TODO skriv' }, true],
    ['deep in lists and keys', { loften: [{ id: 'b', uppfoljning: { metod: ['x', '  TODO: metod'] } }] }, true],
    ['a string in a list of lists', { a: [['x'], ['y', 'TODO']] }, true],
    ['only a key that reads TODO', { TODO: 'skriv' }, false],
    ['TODO later in a text', { text: 'Ett löfte, TODO senare' }, false],
    ['numbers, booleans, null', { antal: 20, minst: true, inget: null, lista: [1, 2] }, false],
    ['nothing', {}, false],
    ['a bare string', 'TODO', true],
  ])('%s', (_name, value, expected) => {
    expect(hasPlaceholder(value)).toBe(expected);
    expect(findPlaceholders(value).length > 0).toBe(expected);
  });
});
