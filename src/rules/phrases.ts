// Swedish phrase lists (data/ordlistor/) compiled to matchers that know word boundaries and inflections.

import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { packagePath } from '../paths.js';

export interface Phrase {
  fras: string;
  tips: string;
  pattern: RegExp;
  /** Whether a (lower-case) word could be the phrase's first word. */
  startsWith(word: string): boolean;
}

export interface PhraseMatch {
  phrase: Phrase;
  /** The words as they stand in the text. */
  text: string;
  index: number;
}

// Swedish inflection endings for a stem marked with `*`: verka → verkar, verkat, verkade, verkande …
const ENDINGS = 'r|t|s|n|e|a|de|te|da|en|et|na|ar|er|or|at|it|ade|ande|ende|are|ats|as|es|ts|des|tes|ades';
// Latin letters (Latin-1 and Extended-A: å, ä, ö, é, ü …) and digits. A \p{L} class would be
// exact for every script, and several times slower to run over every promise text.
const LETTER = '[0-9A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u017f]';
const DEFAULT_GAP = 2;

function tokenPattern(token: string): string {
  return `(?:${token
    .split('|')
    .map((alt) => (alt.endsWith('*') ? `${escape(alt.slice(0, -1))}(?:${ENDINGS})?` : escape(alt)))
    .join('|')})`;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compilePhrase(fras: string, gap = DEFAULT_GAP): RegExp {
  const between = gap > 0 ? `\\s+(?:${LETTER}+\\s+){0,${gap}}` : '\\s+';
  const body = fras.trim().split(/\s+/).map(tokenPattern).join(between);
  return new RegExp(`(?<!${LETTER})${body}(?!${LETTER})`, 'giu');
}

interface PhraseEntry {
  fras: string;
  tips: string;
  glapp?: number;
}

export interface PhraseList {
  phrases: Phrase[];
}

const ENDING_SET = new Set(['', ...ENDINGS.split('|')]);

/** The first word of a phrase as a test on single words: cheap enough to run on every text. */
function firstWordTest(fras: string): (word: string) => boolean {
  const alts = (fras.trim().split(/\s+/)[0] ?? '').toLowerCase().split('|');
  const exact = new Set(alts.filter((a) => !a.endsWith('*')));
  const stems = alts.filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1));
  return (word) => exact.has(word) || stems.some((stem) => word.startsWith(stem) && ENDING_SET.has(word.slice(stem.length)));
}

const WORD_SPLIT = /[^0-9a-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]+/;

const cache = new Map<string, PhraseList>();

export function phraseList(file: string): PhraseList {
  const hit = cache.get(file);
  if (hit) return hit;
  const entries = jsyaml.load(readFileSync(packagePath('data', 'ordlistor', file), 'utf8')) as PhraseEntry[];
  const phrases = entries.map((e) => ({
    fras: e.fras,
    tips: e.tips,
    pattern: compilePhrase(e.fras, e.glapp),
    startsWith: firstWordTest(e.fras),
  }));
  const list = { phrases };
  cache.set(file, list);
  return list;
}

/** Every phrase of the list in a text; where two overlap, the one that starts first (then the longer). */
export function findPhrases(text: string, list: PhraseList): PhraseMatch[] {
  // Nearly every promise text matches no phrase: its words say which phrases are worth a regex.
  const words = [...new Set(text.toLowerCase().split(WORD_SPLIT))];
  const all: PhraseMatch[] = [];
  for (const phrase of list.phrases) {
    if (!words.some(phrase.startsWith)) continue;
    for (const m of text.matchAll(phrase.pattern)) all.push({ phrase, text: m[0].replace(/\s+/g, ' '), index: m.index ?? 0 });
  }
  all.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: PhraseMatch[] = [];
  let end = -1;
  for (const m of all) {
    if (m.index < end) continue;
    kept.push(m);
    end = m.index + m.text.length;
  }
  return kept;
}
