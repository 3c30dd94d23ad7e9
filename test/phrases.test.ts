// The Swedish word lists: whole words, inflections, words in between, and no false friends.

import { describe, expect, it } from 'vitest';
import { findPhrases, phraseList } from '../src/rules/phrases.js';

const vague = (text: string): string[] => findPhrases(text, phraseList('vaga-formuleringar.yaml')).map((m) => m.text);
const conditional = (text: string): string[] => findPhrases(text, phraseList('villkorade-formuleringar.yaml')).map((m) => m.text);

describe('vague wording', () => {
  it.each([
    ['Polisen ska verka för ökad trygghet.', 'verka för'],
    ['Kommunen verkar för fler vuxna ute.', 'verkar för'],
    ['Vi verkade för detta.', 'verkade för'],
    ['Polisen lovar att verka aktivt för trygghet.', 'verka aktivt för'],
    ['Vi ska se över belysningen.', 'se över'],
    ['Kommunen ser över belysningen.', 'ser över'],
    ['Kommunen ska se närmare över belysningen.', 'se närmare över'],
    ['Vi fortsätter att arbeta för trygghet.', 'fortsätter att arbeta för'],
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
    'Vi ser till att 40 lampor byts.',
    'Polisen lovar att fotpatrullera minst två kvällar i veckan.',
    'Antalet kontroller ska vara minst 20.',
  ])('no false friend in %j', (text) => {
    expect(vague(text)).toEqual([]);
  });

  it('reports overlapping phrases once, the longest first', () => {
    expect(vague('Vi ska fortsätta arbeta för trygghet.')).toEqual(['fortsätta arbeta för']);
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
    expect(vague('Vi ska fortsätta arbetet med trygghet.')).toEqual(['fortsätta arbetet med']);
    expect(conditional('När behov finns genomför vi kontroller.')).toEqual(['När behov finns']);
  });

  it('does not flag concrete work "for" a purpose, or "eventuella" as an adjective', () => {
    expect(vague('Polisen lovar att arbeta med skolorna för att hålla 6 lektioner.')).toEqual([]);
    expect(vague('Kommunen lovar att anmäla eventuella skador inom en vecka.')).toEqual([]);
  });
});
