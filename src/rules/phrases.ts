// Swedish phrase lists (data/ordlistor/) compiled to matchers that know word boundaries and inflections.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath } from '../paths.js';

export interface Phrase {
  fras: string;
  tips: string;
  pattern: RegExp;
}

export interface PhraseMatch {
  phrase: Phrase;
  /** The words as they stand in the text. */
  text: string;
  index: number;
}

// Swedish inflection endings for a stem marked with `*`: verka → verkar, verkat, verkade, verkande …
const ENDINGS = 'r|t|s|n|e|a|de|te|da|en|et|na|ar|er|or|at|it|ade|ande|ende|are|ats|as|es|ts|des|tes|ades';
const LETTER = '[\\p{L}\\p{N}]';
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

const cache = new Map<string, Phrase[]>();

export function phraseList(file: string): Phrase[] {
  const hit = cache.get(file);
  if (hit) return hit;
  const entries = parse(readFileSync(packagePath('data', 'ordlistor', file), 'utf8')) as PhraseEntry[];
  const list = entries.map((e) => ({ fras: e.fras, tips: e.tips, pattern: compilePhrase(e.fras, e.glapp) }));
  cache.set(file, list);
  return list;
}

/** Every phrase of the list in a text; where two overlap, the one that starts first (then the longer). */
export function findPhrases(text: string, list: readonly Phrase[]): PhraseMatch[] {
  const all: PhraseMatch[] = [];
  for (const phrase of list) {
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
