// The Swedish word lists: whole words, inflections, words in between, no false friends, only the
// clause that carries the promise, and every list entry's own example sentences.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measurableWording } from '../src/rules/language/one-off.js';
import { findPhrases, nonOverlapping, phraseList, type PhraseList, type PhraseMatch } from '../src/rules/language/phrases.js';
import { decidingPhrases } from '../src/rules/phrase-rule.js';

const vague = (text: string): string[] => decidingPhrases(text, phraseList('vaga-formuleringar.yaml')).map((m) => m.text);
const conditional = (text: string): string[] => decidingPhrases(text, phraseList('villkorade-formuleringar.yaml')).map((m) => m.text);

describe('vague wording', () => {
  it.each([
    ['Polisen ska verka för ökad trygghet.', 'verka för'],
    ['Kommunen verkar för fler vuxna ute.', 'verkar för'],
    ['Vi verkade för detta.', 'verkade för'],
    ['Polisen lovar att verka aktivt för trygghet.', 'verka aktivt för'],
    ['Vi ska se över belysningen.', 'se över'],
    ['Kommunen ser över belysningen.', 'ser över'],
    ['Kommunen ska se närmare över belysningen.', 'se närmare över'],
    ['Vi fortsätter att arbeta för trygghet.', 'fortsätter att arbeta'],
    ['I största möjliga mån patrullerar vi.', 'I största möjliga mån'],
    ['Vi genomför ett antal insatser.', 'ett antal'],
    ['Vi genomför ett stort antal insatser.', 'ett stort antal'],
    ['Polisen strävar efter fler kontroller.', 'strävar efter'],
    ['Vi bidrar till tryggheten.', 'bidrar till'],
    ['Vi ska försöka patrullera.', 'försöka'],
    ['Vi patrullerar regelbundet.', 'regelbundet'],
  ])('%j → %j', (text, expected) => {
    expect(vague(text)).toEqual([expected]);
  });

  it.each([
    'Polisen verkställer beslutet inom en vecka.',
    'Vi genomför 20 verksamhetsbesök.',
    'Polisen lovar att arbeta förebyggande två kvällar i veckan.',
    'Översynen av belysningen klar 31 maj.',
    'Polisen lovar att arbeta med skolorna för att hålla 6 lektioner.',
    'Vi ser till att 40 lampor byts.',
    'Polisen lovar att fotpatrullera minst två kvällar i veckan.',
    'Antalet kontroller ska vara minst 20.',
  ])('no false friend in %j', (text) => {
    expect(vague(text)).toEqual([]);
  });

  it('reports overlapping phrases once, the longest first', () => {
    expect(vague('Vi ska fortsätta arbeta för trygghet.')).toEqual(['fortsätta arbeta']);
  });
});

describe('conditional promises', () => {
  it.each([
    ['Om det uppkommer önskemål lovar vi att bistå.', 'Om det uppkommer'],
    ['Vid behov genomför vi kontroller.', 'Vid behov'],
    ['I mån av tid patrullerar vi.', 'I mån av'],
    ['Ifall det finns intresse håller vi möten.', 'Ifall'],
    ['Vi kommer på begäran.', 'på begäran'],
    ['Förutsatt att resurser finns patrullerar vi.', 'Förutsatt att'],
  ])('%j → %j', (text, expected) => {
    expect(conditional(text)).toEqual([expected]);
  });

  it.each(['Vi bygger om gångtunneln under 2026.', 'Vi informerar om brottsutvecklingen på 4 möten.', 'Omfattningen är 20 kontroller.'])(
    'no conditional in %j',
    (text) => {
      expect(conditional(text)).toEqual([]);
    },
  );
});

describe('refinements from the rule review', () => {
  it('catches "fortsätta arbetet med" and "när behov finns"', () => {
    expect(vague('Vi ska fortsätta arbetet med trygghet.')).toEqual(['fortsätta arbetet']);
    expect(conditional('När behov finns genomför vi kontroller.')).toEqual(['När behov finns']);
  });

  it('does not flag concrete work "for" a purpose, or "eventuella" as an adjective', () => {
    expect(vague('Polisen lovar att arbeta med skolorna för att hålla 6 lektioner.')).toEqual([]);
    expect(vague('Kommunen lovar att anmäla eventuella skador inom en vecka.')).toEqual([]);
  });
});

// The plain way, without the first-word index and the sticky tries: every phrase's global regex
// over the whole text (the same choice among overlapping matches). findPhrases must give exactly
// what it gives.
function plainFind(text: string, list: PhraseList): PhraseMatch[] {
  const all: PhraseMatch[] = [];
  for (const phrase of list.phrases) {
    for (const m of text.matchAll(phrase.pattern)) all.push({ phrase, text: m[0].replace(/\s+/g, ' '), index: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return nonOverlapping(all);
}

describe('the first-word index finds what a plain scan finds', () => {
  const lists = ['vaga-formuleringar.yaml', 'villkorade-formuleringar.yaml', 'matbara-formuleringar.yaml'].map(phraseList);
  // Words of the phrases themselves (inflected, in other cases), fillers, and awkward characters.
  const phraseWords = lists.flatMap((l) => l.phrases.flatMap((p) => p.fras.split(/[\s|]+/))).map((w) => w.replace('*', ''));
  const word = fc.oneof(
    fc.constantFrom(...phraseWords),
    fc.constantFrom(...phraseWords).map((w) => w.toUpperCase()),
    fc.constantFrom(...phraseWords).chain((w) => fc.constantFrom('r', 't', 'ade', 'ande', 'x').map((e) => w + e)),
    // Letters the regexes fold to others (long s, the Kelvin sign) where a phrase word has s or k.
    fc.constantFrom(...phraseWords).map((w) => w.replace(/s/g, 'ſ').replace(/k/g, '\u212A')),
    fc.constantFrom('polisen', 'lovar', 'att', 'i', 'om', 'det', 'och', 'veckan', '20', 'Å', 'ſ', '\u212A', 'İ', 'é'),
    fc.string({ maxLength: 4 }),
  );
  const separator = fc.constantFrom(' ', '  ', '\n', ', ', '. ', '-', '–', '\t', '');
  const text = fc.array(fc.tuple(word, separator), { maxLength: 14 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

  it('on random texts made of the phrases’ words', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const list of lists) expect(findPhrases(t, list)).toEqual(plainFind(t, list));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('where a phrase matches again inside its own match, which another phrase overlaps', () => {
    // "bidra verka till" keeps "verka till verka för" out; "verka för" starts inside that match, so
    // a plain scan never tries it on its own.
    const t = 'Vi ska bidra verka till verka för trygghet.';
    expect(findPhrases(t, lists[0] as PhraseList).map((m) => m.text)).toEqual(['bidra verka till']);
    expect(findPhrases(t, lists[0] as PhraseList)).toEqual(plainFind(t, lists[0] as PhraseList));
  });

  // Texts are cut into words a character at a time: a character the patterns do not count as a
  // letter must end a word there too, or the phrase after it is never tried.
  it.each([
    ['Polisen ska verka för', ['verka för']],
    ['verka för trygghet', ['verka för']],
    ['Polisen ska –verka för trygghet.', ['verka för']],
    ['Polisen ska (verka för) trygghet.', ['verka för']],
    ['Polisen ska ”verka för” trygghet.', ['verka för']],
    ['Polisen ska 𝐀verka för trygghet.', ['verka för']],
    ['Polisen ska µverka för trygghet.', []],
    ['Polisen ska μverka för trygghet.', []],
    ['Polisen ska \u212Averka för trygghet.', []],
    ['Polisen ska VERKA FÖR trygghet.', ['VERKA FÖR']],
  ])('at the edges of words: %s', (t, expected) => {
    const list = lists[0] as PhraseList;
    expect(findPhrases(t, list).map((m) => m.text)).toEqual(expected);
    expect(findPhrases(t, list)).toEqual(plainFind(t, list));
  });

  it('on the promise texts of the examples and fixtures', () => {
    const texts = [...collectTexts('examples'), ...collectTexts('test/fixtures')];
    expect(texts.length).toBeGreaterThan(50);
    for (const t of texts) for (const list of lists) expect(findPhrases(t, list)).toEqual(plainFind(t, list));
  });
});

/** Every string value in the YAML and Markdown files under a folder. */
function collectTexts(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ya?ml|md)$/.test(entry.name)) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const line of text.split('\n')) {
      const m = /:\s*(.{12,})$/.exec(line);
      if (m?.[1]) out.push(m[1]);
    }
    out.push(text);
  }
  return out;
}
