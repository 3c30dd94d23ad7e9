// Swedish phrase lists (data/ordlistor/) compiled to matchers that know word boundaries and inflections.

import { readDataFile } from '../../paths.js';
import type { TextAnalysis } from './clauses.js';

/** Where in a text a phrase counts: only in the promise's own clause, or anywhere. */
export type PhraseScope = 'lofte' | 'alla';

export interface Phrase {
  fras: string;
  tips: string;
  /** Why the phrase weakens a promise, for the rule's documentation and reviewers of the list. */
  varfor: string;
  sats: PhraseScope;
  /** Only where the promise states no amount or frequency ("regelbundet" alone, not "regelbundet, varje vecka"). */
  utanAntal: boolean;
  objekt: 'valfritt' | 'ett' | 'klockslag';
  /** Finds the phrase anywhere in a text (flags giu). */
  readonly pattern: RegExp;
  /** The same, only at `lastIndex` (flags iuy). */
  readonly sticky: RegExp;
  /** False only when the phrase cannot match in a text (given in lower case, as `folded` makes it). */
  mayMatchIn(text: string): boolean;
}

export interface PhraseMatch {
  phrase: Phrase;
  /** The words as they stand in the text. */
  text: string;
  index: number;
  /** Where the match ends in the text (its words may stand on several lines). */
  end: number;
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

export function compilePhrase(fras: string, gap = DEFAULT_GAP, flags = 'giu'): RegExp {
  // A word in the gap may stand in parentheses ("kan öppettiderna (i entrén) komma att"), but the
  // gap never reaches over a comma or a full stop.
  const between = gap > 0 ? `\\s+(?:\\(?${LETTER}+\\)?\\s+){0,${gap}}` : '\\s+';
  const body = fras.trim().split(/\s+/).map(tokenPattern).join(between);
  return new RegExp(`(?<!${LETTER})${body}(?!${LETTER})`, flags);
}

/** One entry of a list file (data/ordlistor/*.yaml), as written there. */
export interface PhraseEntry {
  fras: string;
  tips: string;
  varfor: string;
  glapp?: number;
  sats?: PhraseScope;
  utan_antal?: boolean;
  /** Sentences of our own: `ja` the entry must find, `nej` the rule must stay silent on. */
  exempel?: { ja?: string[]; nej?: string[] };
  /** What must follow the phrase (matbara-formuleringar.yaml only). */
  objekt?: 'valfritt' | 'ett' | 'klockslag';
}

export interface PhraseFile {
  /** Where the list's phrases count unless an entry says otherwise. */
  sats: PhraseScope;
  fraser: PhraseEntry[];
  /** Endings of nouns for one event or document (matbara-formuleringar.yaml only). */
  handelser?: string[];
}

export interface PhraseList {
  phrases: Phrase[];
  entries: readonly PhraseEntry[];
  handelser: readonly string[];
  /** The phrases (by position in the list) that may start with a word, and with a stem (`verk*`). */
  byFirstWord: ReadonlyMap<string, readonly number[]>;
  byStem: ReadonlyMap<string, readonly number[]>;
  /** Where this list's answers stand in a word's or a text's (lists are numbered as they are read). */
  slot: number;
  /** What a scan of one text knows of each phrase (by position in the list), reused from text to text. */
  scanState: ScanState;
}

/**
 * Per phrase of a list: where its next try in the text may start, and whether its later words are
 * missing from the text. An entry counts only when `scan` equals the scan that wrote it, so a
 * new text starts afresh without clearing or allocating anything.
 */
interface ScanState {
  scan: number;
  readonly seenIn: Int32Array;
  readonly nextFrom: Int32Array;
  readonly absent: Uint8Array;
}

const ENDING_LIST = ['', ...ENDINGS.split('|')];
const ENDING_SET = new Set(ENDING_LIST);
const LONGEST_ENDING = Math.max(...ENDING_LIST.map((e) => e.length));

function addTo(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (!list.includes(index)) list.push(index);
}

/** The phrases whose first word a (lower-case) word could be: a few map lookups per word. */
function phrasesStartingWith(word: string, list: PhraseList): readonly number[] {
  const out = new Set<number>(list.byFirstWord.get(word));
  for (let cut = 0; cut <= LONGEST_ENDING && cut < word.length; cut++) {
    if (!ENDING_SET.has(word.slice(word.length - cut))) continue;
    for (const i of list.byStem.get(word.slice(0, word.length - cut)) ?? []) out.add(i);
  }
  return out.size === 0 ? NONE : [...out].sort((a, b) => a - b);
}

const NONE: readonly number[] = [];
/** Words remembered: promise texts use the same few thousand words again and again. */
const WORD_CACHE_LIMIT = 50_000;

/** Whether one of the alternatives stands somewhere in the text. */
function anyIn(text: string, alternatives: readonly string[]): boolean {
  for (const alt of alternatives) if (text.includes(alt)) return true;
  return false;
}

/**
 * A phrase of a list, its regular expressions made when first used: a run meets a few of a list's
 * phrases, and making them all took several milliseconds of every start.
 */
class ListedPhrase implements Phrase {
  readonly fras: string;
  readonly tips: string;
  readonly varfor: string;
  readonly utanAntal: boolean;
  readonly objekt: Phrase['objekt'];
  private readonly gap: number | undefined;
  private global: RegExp | undefined;
  private atIndex: RegExp | undefined;
  /** The words after the first, each as its alternatives' letters in lower case (a stem without its `*`). */
  private readonly later: readonly (readonly string[])[];

  constructor(
    entry: PhraseEntry,
    readonly sats: PhraseScope,
  ) {
    this.fras = entry.fras;
    this.tips = entry.tips;
    this.varfor = entry.varfor;
    this.utanAntal = entry.utan_antal === true;
    this.objekt = entry.objekt ?? 'valfritt';
    this.gap = entry.glapp;
    this.later = entry.fras
      .trim()
      .split(/\s+/)
      .slice(1)
      .map((token) => token.split('|').map((alt) => folded(alt.replace(/\*$/, ''))));
  }

  /**
   * Whether each of the phrase's later words stands somewhere in the text (`text` in lower case,
   * as `folded` makes it): the phrase cannot match otherwise, so its regex need not even be made.
   * Most phrases start with a common word ("i", "om", "när") and go on with rare ones.
   */
  mayMatchIn(text: string): boolean {
    for (const alts of this.later) if (!anyIn(text, alts)) return false;
    return true;
  }

  get pattern(): RegExp {
    return (this.global ??= compilePhrase(this.fras, this.gap));
  }

  get sticky(): RegExp {
    return (this.atIndex ??= compilePhrase(this.fras, this.gap, 'iuy'));
  }
}

const cache = new Map<string, PhraseList>();

export function phraseList(file: string): PhraseList {
  const hit = cache.get(file);
  if (hit) return hit;
  const data = readDataFile('ordlistor', file) as PhraseFile;
  const entries = data.fraser;
  const phrases = entries.map((e) => new ListedPhrase(e, e.sats ?? data.sats));
  const byFirstWord = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const alt of (e.fras.trim().split(/\s+/)[0] ?? '').toLowerCase().split('|')) {
      if (alt.endsWith('*')) addTo(byStem, alt.slice(0, -1), i);
      else addTo(byFirstWord, alt, i);
    }
  });
  const n = phrases.length;
  const scanState = { scan: 0, seenIn: new Int32Array(n), nextFrom: new Int32Array(n), absent: new Uint8Array(n) };
  const list = { phrases, entries, handelser: data.handelser ?? [], byFirstWord, byStem, slot: cache.size, scanState };
  cache.set(file, list);
  return list;
}

/** Every phrase of the list in a text; where two overlap, the one that starts first (then the longer). */
export function findPhrases(text: string, list: PhraseList): readonly PhraseMatch[] {
  const reading = readingOf(text);
  return (reading.found[list.slot] ??= scan(text, reading, list));
}

function scan(text: string, reading: TextReading, list: PhraseList): readonly PhraseMatch[] {
  // Nearly every promise text matches no phrase. A phrase can only start at a word that could be
  // its first word, so its regex is tried there alone (sticky), not over the whole text. Per phrase
  // the tries go left to right from the end of its last match: the matches a global scan gives.
  let all: PhraseMatch[] | undefined;
  const state = list.scanState;
  // The number wraps after 2^32 scans: only an entry that old could pass for this scan's.
  const current = (state.scan = (state.scan + 1) | 0);
  const { seenIn, nextFrom, absent } = state;
  const { starts, words, folded: lower } = reading;
  for (let k = 0; k < words.length; k++) {
    const hit = phrasesStartingAt(words[k] as WordFacts, list);
    if (hit.length === 0) continue;
    const at = starts[k] as number;
    for (const i of hit) {
      if (seenIn[i] !== current) {
        seenIn[i] = current;
        nextFrom[i] = 0;
        // Phrases whose later words are not all in the text are never tried in it.
        absent[i] = (list.phrases[i] as Phrase).mayMatchIn(lower) ? 0 : 1;
      }
      if (absent[i] === 1 || at < (nextFrom[i] as number)) continue;
      const phrase = list.phrases[i] as Phrase;
      const sticky = phrase.sticky;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (!m) continue;
      nextFrom[i] = at + m[0].length;
      (all ??= []).push({ phrase, text: m[0].replace(/\s+/g, ' '), index: at, end: at + m[0].length });
    }
  }
  return all ? nonOverlapping(all) : NO_MATCHES;
}

const NO_MATCHES: readonly PhraseMatch[] = [];

/** A word as written, and what the lists said of it: read once per run, whichever list asks. */
interface WordFacts {
  /** Lower case, as `folded` makes it. */
  readonly folded: string;
  /** By list slot: the phrases of that list the word may start. */
  readonly starts: (readonly number[] | undefined)[];
}

/**
 * A text cut into words once for every list and rule that reads it (vague, conditional,
 * measurable), with what each list found in it and what the phrase rules made of that.
 */
export interface TextReading {
  /** Where each word starts. */
  readonly starts: readonly number[];
  /** The words, in the same order. */
  readonly words: readonly WordFacts[];
  /** The whole text as `folded` makes a word: lower case, long s as s. */
  readonly folded: string;
  /** By list slot: `findPhrases` of that list. */
  readonly found: (readonly PhraseMatch[] | undefined)[];
  /** By list slot: the phrases that decide about the text (phrase-rule.ts's `decidingPhrases`). */
  readonly deciding: (readonly PhraseMatch[] | undefined)[];
  /** The text's sentences and clauses, once one of the lists found something in it. */
  analysis: TextAnalysis | undefined;
}

/**
 * The readings of the last texts looked at: each promise text is read by several lists one rule
 * after another, and is cut into words once. The same word strings come back for every text, so
 * what the lists say of a word is looked up once per word, not once per word and list.
 */
const recentReadings = new Map<string, TextReading>();
const RECENT_TEXTS = 256;
const wordFacts = new Map<string, WordFacts>();

export function readingOf(text: string): TextReading {
  let found = recentReadings.get(text);
  if (found) return found;
  const starts: number[] = [];
  const words: WordFacts[] = [];
  // The words are the longest runs of letters, as a global `LETTER+` finds them, told a character
  // at a time: no match object per word.
  for (let i = 0; i < text.length; i++) {
    if (!isLetter(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isLetter(text.charCodeAt(end))) end++;
    starts.push(i);
    words.push(factsOf(text.slice(i, end)));
    i = end;
  }
  found = { starts, words, folded: folded(text), found: [], deciding: [], analysis: undefined };
  if (recentReadings.size >= RECENT_TEXTS) recentReadings.clear();
  recentReadings.set(text, found);
  return found;
}

function factsOf(word: string): WordFacts {
  let facts = wordFacts.get(word);
  if (facts === undefined) {
    facts = { folded: folded(word), starts: [] };
    if (wordFacts.size >= WORD_CACHE_LIMIT) wordFacts.clear();
    wordFacts.set(word, facts);
  }
  return facts;
}

/** Of matches that overlap, the one that starts first (then the longer) stays. */
export function nonOverlapping(all: PhraseMatch[]): PhraseMatch[] {
  all.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: PhraseMatch[] = [];
  let end = -1;
  for (const m of all) {
    if (m.index < end) continue;
    kept.push(m);
    end = m.end;
  }
  return kept;
}

/** A letter of a word as the phrases' own patterns see one: letters and digits, case-insensitive. */
const ONE_LETTER = new RegExp(`^${LETTER}$`, 'iu');

/**
 * Whether a UTF-16 code unit is a letter as the patterns (flags `iu`) see one: LETTER and what
 * case-folds into it (the Kelvin sign, ẞ, Greek mu …), each asked of the regex once and kept. A
 * surrogate is never one: no character beyond the BMP folds into LETTER.
 */
const letterTable = new Uint8Array(0x10000);
function isLetter(code: number): boolean {
  let known = letterTable[code] as number;
  if (known === 0) letterTable[code] = known = code < 0xd800 || code > 0xdfff ? (ONE_LETTER.test(String.fromCharCode(code)) ? 1 : 2) : 2;
  return known === 1;
}

/**
 * A word in lower case as the patterns' case-insensitive (`iu`) matching sees it: besides upper
 * case, that folds the long s (ſ) to s (the Kelvin and Ångström signs already lower-case to k, å).
 */
function folded(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('ſ') ? lower.replace(/ſ/g, 's') : lower;
}

/** The phrases of a list a word may start, remembered with the word (folding it costs more than a lookup). */
function phrasesStartingAt(word: WordFacts, list: PhraseList): readonly number[] {
  return (word.starts[list.slot] ??= phrasesStartingWith(word.folded, list));
}
