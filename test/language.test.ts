// The language rules' parts: every list entry's own sentences, the clauses that carry a promise,
// amounts in words, one-off deliverables, and positions that point at the deciding words.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceSpan } from '../src/load/text-offsets.js';
import { analyse } from '../src/rules/language/clauses.js';
import { measurableWording } from '../src/rules/language/one-off.js';
import { phraseList } from '../src/rules/language/phrases.js';
import { quantityIn } from '../src/rules/language/quantity.js';
import { decidingPhrases } from '../src/rules/phrase-rule.js';
import { fixture, runCli } from './helpers.js';

const LISTS = ['vaga-formuleringar.yaml', 'villkorade-formuleringar.yaml'] as const;

describe('every entry of the phrase lists', () => {
  for (const file of LISTS) {
    const list = phraseList(file);
    it.each(list.entries.map((e, i) => [e.fras, i] as const))(`${file}: %s has a reason, a rewrite and sentences it finds`, (_fras, i) => {
      const entry = list.entries[i];
      expect(entry?.varfor.trim().length).toBeGreaterThan(10);
      expect(entry?.tips.trim().length).toBeGreaterThan(10);
      expect(entry?.exempel?.ja?.length ?? 0).toBeGreaterThan(0);
      expect(entry?.exempel?.nej?.length ?? 0).toBeGreaterThan(0);
      for (const sentence of entry?.exempel?.ja ?? []) {
        expect(decidingPhrases(sentence, list).map((m) => m.phrase.fras), sentence).toContain(entry?.fras);
      }
      for (const sentence of entry?.exempel?.nej ?? []) expect(decidingPhrases(sentence, list).map((m) => m.text), sentence).toEqual([]);
    });
  }

  const measurable = phraseList('matbara-formuleringar.yaml');
  it.each(measurable.entries.map((e, i) => [e.fras, i] as const))('matbara-formuleringar.yaml: %s has a reason and sentences', (_fras, i) => {
    const entry = measurable.entries[i];
    expect(entry?.varfor.trim().length).toBeGreaterThan(10);
    expect(entry?.exempel?.ja?.length ?? 0).toBeGreaterThan(0);
    for (const sentence of entry?.exempel?.ja ?? []) expect(measurableWording(sentence)?.phrase.fras, sentence).toBe(entry?.fras);
    for (const sentence of entry?.exempel?.nej ?? []) expect(measurableWording(sentence)?.text, sentence).toBeUndefined();
  });
});

describe('the clause that carries the promise', () => {
  const kinds = (text: string): [string, string][] => analyse(text).clauses.map((c) => [c.kind, text.slice(c.start, c.end)]);

  it('a purpose clause after the promise', () => {
    expect(kinds('Kommunen lovar att tömma papperskorgarna varje kväll för att hålla rent på torget.')).toEqual([
      ['main', 'Kommunen lovar att tömma papperskorgarna varje kväll '],
      ['purpose', 'för att hålla rent på torget.'],
    ]);
  });

  it('a purpose put first ends where the promise verb stands, with or without a comma', () => {
    expect(kinds('I syfte att minska stölderna lovar polisen att märka 200 cyklar.')[0]).toEqual(['fronted', 'I syfte att minska stölderna ']);
    expect(kinds('För att fler ska våga gå ut, tänder kommunen belysningen i parken.')[0]).toEqual(['fronted', 'För att fler ska våga gå ut']);
  });

  it('a relative or place clause, up to a comma or a new "och att"', () => {
    expect(kinds('Polisen patrullerar på de gator där det ofta är stökigt, två kvällar i veckan.')).toEqual([
      ['main', 'Polisen patrullerar på de gator '],
      ['relative', 'där det ofta är stökigt'],
      ['main', ', två kvällar i veckan.'],
    ]);
    expect(kinds('Vi använder kartan som kommunen regelbundet uppdaterar och att vi ska ses.').map(([k]) => k)).toEqual(['main', 'relative', 'main']);
  });

  it('sentences: not at "kl. 10.00" or "t.ex. skolor", but at a capital after a full stop and at an empty line', () => {
    expect(analyse('Vi ses kl. 10.00 vid torget, t.ex. på tisdagar. Sedan går vi.').sentences).toHaveLength(2);
    expect(analyse('Första stycket\n\nandra stycket').sentences).toHaveLength(2);
    expect(analyse('En rad\nsom fortsätter').sentences).toHaveLength(1);
  });

  it('a vague word in a side clause does not decide, in the promise clause it does', () => {
    const list = phraseList('vaga-formuleringar.yaml');
    expect(decidingPhrases('Insatserna planeras efter den bild som polisen regelbundet tar fram.', list)).toEqual([]);
    expect(decidingPhrases('För att regelbundet kunna träffas bokar kommunen en lokal.', list)).toEqual([]);
    expect(decidingPhrases('Kommunen bokar regelbundet en lokal för att kunna träffas.', list).map((m) => m.text)).toEqual(['regelbundet']);
  });

  it('a condition counts wherever it stands, also in a later sentence', () => {
    const list = phraseList('villkorade-formuleringar.yaml');
    expect(decidingPhrases('Butiken stänger klockan 22. Tiden kan dock komma att flyttas.', list).map((m) => m.text)).toEqual(['kan dock komma att']);
  });
});

describe('amounts in words', () => {
  it.each([
    ['minst 40 kontroller', '40'],
    ['fyra gånger per år', 'fyra'],
    ['minst en gång i veckan', 'minst en'],
    ['varje vecka', 'varje'],
    ['tre kvällar', 'tre'],
    ['en gång per månad', 'per månad'],
    ['dagligen', 'dagligen'],
    ['inom en vecka', 'inom en'],
  ])('%j states an amount (%j)', (text, expected) => {
    expect(quantityIn(text)).toBe(expected);
  });

  it.each(['arbeta aktivt med trafiken', 'en samordnande roll', 'i år och i centrum', 'avgörs var patrullering sker', 'under 2026', 'senast 2026-05-31'])('%j states none', (text) => {
    expect(quantityIn(text)).toBeUndefined();
  });
});

describe('where a phrase stands in the source', () => {
  it.each([
    ['plain', 'text: Vi ska se över lamporna', 'Vi ska se över lamporna', 'se över', 'se över'],
    ['double-quoted with an escape', 'text: "Vi \\"ska\\" se över"', 'Vi "ska" se över', 'se över', 'se över'],
    ["single-quoted with ''", "text: 'Vi''s se över'", "Vi's se över", 'se över', 'se över'],
    ['folded over lines', 'text: >-\n  Polisen lovar att\n  verka för trygghet', 'Polisen lovar att verka för trygghet', 'att verka', 'att\n  verka'],
    ['literal', 'text: |\n  Polisen lovar\n  att verka för\n', 'Polisen lovar\natt verka för\n', 'verka för', 'verka för'],
    ['plain over lines', 'text: Polisen lovar att\n  verka för trygghet', 'Polisen lovar att verka för trygghet', 'att verka', 'att\n  verka'],
  ])('%s', (_name, yaml, value, words, written) => {
    const at = yaml.indexOf(':') + 2;
    const start = value.indexOf(words);
    const span = sourceSpan(yaml.slice(at), value, start, start + words.length);
    expect(span).toBeDefined();
    expect(yaml.slice(at + (span?.[0] ?? 0), at + (span?.[1] ?? 0))).toBe(written);
  });
});

describe('findings point at the words that decided them', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-words-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('inside >- and | blocks, not at the start of the value', async () => {
    for (const f of ['aktorer.yaml', 'problembild.yaml']) writeFileSync(path.join(dir, f), (await import('node:fs')).readFileSync(fixture('joint', f), 'utf8'));
    writeFileSync(
      path.join(dir, 'medborgarlofte.yaml'),
      [
        'apiVersion: lofte/v1',
        'kind: Medborgarlofte',
        'id: tranas-ord',
        'titel: Löften med svaga ord',
        'lokalpolisomrade: lpo-tranas',
        'kommuner: [tranas-kommun]',
        'giltighet: { from: 2026-01-01, tom: 2026-12-31 }',
        'status: publicerad',
        'loften:',
        '  - id: folded',
        '    text: >-',
        '      Polisen lovar att under hela året',
        '      arbeta aktivt med tryggheten vid stationen.',
        '    ansvarig: lpo-tranas',
        '    problembild: tranas-morker-stationen',
        '    frekvens: { antal: 1, per: vecka }',
        '  - id: literal',
        '    text: |',
        '      Kommunen tänder belysningen vid stationen.',
        '      Tiderna kan komma att ändras vid behov.',
        '    ansvarig: tranas-kommun',
        '    problembild: tranas-morker-stationen',
        '    frekvens: { antal: 1, per: dag }',
        '',
      ].join('\n'),
    );
    const r = await runCli(['validate', dir, '--as-of', '2026-06-01', '--format', 'json']);
    const found = (JSON.parse(r.stdout) as { diagnostics: { rule: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }).diagnostics;
    expect(found.map((d) => [d.rule, d.line, d.column, d.endLine, d.endColumn])).toEqual([
      ['vague-wording', 13, 7, 13, 24],
      ['conditional-promise', 20, 15, 20, 28],
    ]);
    expect(found[0]?.message).toBe('Löftet `folded` är vagt formulerat: "arbeta aktivt med".');
    expect(found[1]?.message).toBe('Löftet `literal` är villkorat: "kan komma att", "vid behov".');
  });
});
