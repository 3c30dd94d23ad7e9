// Swedish personnummer and samordningsnummer in any spelling: found, and masked (`811218-XXXX`).
// The one place that knows them: the personal-data rule finds them with it, and every finding's
// arguments are masked with it (diagnostics/make.ts), so no output can echo one.

import { daysInMonth } from '../model/dates.js';

// 12 digits (with or without separator), or 10 digits with a separator: a bare 10-digit number is
// far more often a phone number than a personnummer. Inside an id (`samtal-811218-0008`) counts.
const CANDIDATE = /(?<!\d)(?:(\d{2})(\d{6})[-+ ]?(\d{4})|(\d{6})[-+ ](\d{4}))(?!\d)/g;

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** A date that exists (samordningsnummer add 60 to the day); without century, 29 February may. */
function realDate(yymmdd: string, century: string | undefined): boolean {
  if (century !== undefined && century !== '18' && century !== '19' && century !== '20') return false;
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day > 60) day -= 60;
  const year = century === undefined ? 2000 : Number(century + yymmdd.slice(0, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Characters that render as nothing: zero-width, soft hyphen, word joiner, bidi marks, BOM. */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]/;
/** Dashes and minus signs that read as a hyphen. */
const DASH = /[\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/;
const SPACE = /\s/;
/** Markdown's emphasis and code marks, which the rendered text does not show. */
const MARKUP = new Set(['*', '_', '`', '~']);
const ENTITY = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/;
const TAG = /^<\/?[a-zA-Z][^<>]{0,200}>/;
const NAMED: Readonly<Record<string, string>> = { hyphen: '-', dash: '-', ndash: '-', mdash: '-', minus: '-', nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', shy: '', zwsp: '', zwj: '', zwnj: '', amp: '&', plus: '+' };
/** Only text with one of these can differ from what it reads as. */
const MAY_DISGUISE = /[^\x00-\x7f]|[&\\*_`~<]/;

/**
 * The text as a reader sees it, for matching digits: NFKC (full-width digits), every dash as `-`,
 * every space as ` `, invisible characters, Markdown emphasis and escapes, HTML tags and entities
 * gone or decoded. Output character i came from `text.slice(from[i], until[i])`.
 */
function readable(text: string): { text: string; from: number[]; until: number[] } {
  let out = '';
  const from: number[] = [];
  const until: number[] = [];
  const emit = (chars: string, at: number, next: number): void => {
    for (const ch of chars.normalize('NFKC')) {
      if (INVISIBLE.test(ch)) continue;
      const plain = DASH.test(ch) ? '-' : SPACE.test(ch) ? ' ' : ch;
      out += plain;
      for (let k = 0; k < plain.length; k++) {
        from.push(at);
        until.push(next);
      }
    }
  };
  for (let i = 0; i < text.length; ) {
    const ch = text[i] as string;
    if (ch === '&') {
      const m = ENTITY.exec(text.slice(i, i + 12));
      if (m) {
        const cp = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : undefined;
        const decoded = cp !== undefined ? (cp <= 0x10ffff ? String.fromCodePoint(cp) : '') : (NAMED[(m[3] ?? '').toLowerCase()] ?? m[0]);
        emit(decoded, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    } else if (ch === '<') {
      const m = TAG.exec(text.slice(i, i + 210));
      if (m) {
        i += m[0].length;
        continue;
      }
    } else if (ch === '\\' && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) {
      i++;
      continue;
    } else if (MARKUP.has(ch)) {
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const one = String.fromCodePoint(cp);
    emit(one, i, i + one.length);
    i += one.length;
  }
  return { text: out, from, until };
}

interface Found {
  /** Where it stands in the text given: [start, end). */
  start: number;
  end: number;
  masked: string;
}

/**
 * Where a text may show a reader a digit: an ASCII digit, an entity (`&#56;`), or a character NFKC
 * turns into digits (superscripts, fractions, full-width, circled and parenthesised numbers, CJK
 * telegraph symbols, mathematical digits …, in ranges a little wider than Unicode's own; one
 * beyond the BMP is told by its high surrogate). test/personnummer.test.ts checks every code point.
 */
const MAY_BE_DIGIT = /[0-9&\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u218f\u2460-\u24ff\u3250-\u33ff\uff10-\uff19\ud833-\ud83e]/;

/** Whether a character beyond ASCII may turn into digits under NFKC (MAY_BE_DIGIT without its ASCII). */
function mayReadAsDigits(c: number): boolean {
  if (c < 0x2070) return c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
  if (c <= 0x24ff) return c <= 0x218f || c >= 0x2460;
  return (c >= 0x3250 && c <= 0x33ff) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xd833 && c <= 0xd83e);
}

/** The most digits one character (or one entity) can turn into: `⅒` is `1⁄10`. */
const MOST_DIGITS_PER_CHARACTER = 3;

/**
 * False when the text cannot hold a personnummer: it shows a reader fewer than ten digits, counted
 * generously (each character that may turn into digits, and each numeric entity, as three). Told
 * without `readable`, which rebuilds a text character by character; a text with no digit at all
 * (most keys, names and sentences) is told by one search.
 */
export function mayHoldPersonnummer(text: string): boolean {
  // Ten digits take four characters at least (keys, numbers and ids are often shorter).
  if (text.length * MOST_DIGITS_PER_CHARACTER < 10) return false;
  let at = text.search(MAY_BE_DIGIT);
  if (at < 0) return false;
  let digits = 0;
  for (; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x26) digits += text.charCodeAt(at + 1) === 0x23 ? MOST_DIGITS_PER_CHARACTER : 0;
    else if (c > 0x7f && mayReadAsDigits(c)) digits += MOST_DIGITS_PER_CHARACTER;
    if (digits >= 10) return true;
  }
  return false;
}

/**
 * Nothing found: one list for every text without a personnummer (nearly all of them). Not frozen:
 * V8 iterates a frozen array with `for…of` through an iterator object and a result per step, even
 * in optimised code: for the hundred fields of each of 10,000 files that was some 75 MB of
 * garbage, a twelfth of a check's allocations. `readonly` keeps it unchanged.
 */
const NONE_FOUND: readonly Found[] = [];
const NO_NUMBERS: readonly string[] = [];

function locate(text: string): readonly Found[] {
  if (!mayHoldPersonnummer(text)) return NONE_FOUND;
  const r = MAY_DISGUISE.test(text) ? readable(text) : undefined;
  const plain = r ? r.text : text;
  const found: Found[] = [];
  for (const m of plain.matchAll(CANDIDATE)) {
    const century = m[1];
    const date = m[2] ?? m[4] ?? '';
    const tail = m[3] ?? m[5] ?? '';
    if (!realDate(date, century) || !luhnOk(date + tail)) continue;
    const at = m.index;
    const end = at + m[0].length;
    found.push({ start: r ? (r.from[at] as number) : at, end: r ? (r.until[end - 1] as number) : end, masked: `${date}-XXXX` });
  }
  return found;
}

/** The personnummer in a text, masked (`850709-XXXX`) so that a finding about one leaks nothing. */
export function findPersonnummer(text: string): readonly string[] {
  const found = locate(text);
  return found.length === 0 ? NO_NUMBERS : found.map((f) => f.masked);
}

/** The text with every personnummer in it masked; the same text when it has none. */
export function maskPersonnummer(text: string): string {
  const found = locate(text);
  if (found.length === 0) return text;
  let out = '';
  let last = 0;
  for (const f of found) {
    out += text.slice(last, f.start) + f.masked;
    last = Math.max(last, f.end);
  }
  return out + text.slice(last);
}
