// Which words of a promise text carry the promise: sentences cut into the promise's own clauses
// and the side clauses around it (a purpose "för att …", a relative or place clause "som/där …",
// and a clause put before the promise "Genom att …, ska vi …").

/** `main` carries the promise; the others only qualify it. */
export type ClauseKind = 'main' | 'purpose' | 'relative' | 'fronted';

export interface Span {
  start: number;
  end: number;
}

export interface Clause extends Span {
  kind: ClauseKind;
  /** Index of the sentence the clause belongs to. */
  sentence: number;
}

export interface TextAnalysis {
  sentences: Span[];
  clauses: Clause[];
}

// Latin letters with å, ä, ö, é …, and digits: as the phrase patterns see a word.
const WORD = /[0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]+(?:-[0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]+)*/g;

export interface Word extends Span {
  /** Lower case. */
  text: string;
}

export function words(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0].toLowerCase() });
  return out;
}

/**
 * Sentences end at . ! ? followed by a capital letter (not "kl. 10.00", "t.ex. skolor"), at ; and
 * at an empty line; a text written as several lines is one sentence until then.
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const END = /([.!?…]+)(?=\s+["”’(]?[A-ZÅÄÖÉ])|;|\n[ \t]*\n/g;
  for (let m = END.exec(text); m !== null; m = END.exec(text)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim() !== '') out.push(trimmed(text, start, end));
    start = end;
  }
  if (text.slice(start).trim() !== '') out.push(trimmed(text, start, text.length));
  return out;
}

function trimmed(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

/** Words that open a side clause in the middle of a sentence, by the clause they open. */
const SIDE_OPENERS: readonly (readonly [ClauseKind, readonly string[]])[] = [
  ['purpose', ['för att', 'i syfte att', 'i avsikt att', 'med syfte att', 'med målet att', 'så att', 'i syfte till att']],
  ['relative', ['som', 'där', 'dit', 'vilket', 'vilka', 'vars', 'varvid', 'när', 'då']],
];

/**
 * The side openers by their first word, each with its words and the clause it opens, in the order
 * of SIDE_OPENERS: the first that fits a place is the one `analyse` takes, as a scan of them all would.
 */
const SIDE_OPENERS_BY_FIRST_WORD: ReadonlyMap<string, readonly { kind: ClauseKind; words: readonly string[] }[]> = (() => {
  const out = new Map<string, { kind: ClauseKind; words: readonly string[] }[]>();
  for (const [kind, list] of SIDE_OPENERS) {
    for (const phrase of list) {
      const words = phrase.split(' ');
      const first = words[0] as string;
      const entry = out.get(first);
      if (entry) entry.push({ kind, words });
      else out.set(first, [{ kind, words }]);
    }
  }
  return out;
})();

/** A sentence that starts with one of these puts a side clause before the promise. */
const FRONTED_OPENERS = ['för att', 'i syfte att', 'i avsikt att', 'med syfte att', 'genom att', 'om', 'när', 'då', 'eftersom', 'efter att', 'innan', 'utifrån', 'baserat på', 'med utgångspunkt i', 'med utgångspunkt från', 'med anledning av'].map((p) => p.split(' '));

/**
 * The verbs that stand second in a Swedish main clause that promises, after a clause put first:
 * "För att …, ska vi", "I syfte att … lovar polisen". The weak ones also stand inside the clause put
 * first ("För att fler ska våga gå ut, …"), so they end it only where no comma does.
 */
const STRONG_PROMISE_VERBS = new Set(['lovar', 'förbinder', 'åtar']);
const PROMISE_VERBS = new Set([...STRONG_PROMISE_VERBS, 'ska', 'skall', 'kommer', 'avser', 'vill']);

/** Ends a side clause: a comma or other punctuation, or "och att"/"samt att" that starts a new promise. */
const SIDE_END = /[,;:()–—]|\s(?:och|samt)\s+att\s/g;

/** Whether the words from `i` on are the phrase's (its words split once, not at every word of every text). */
function startsWithPhrase(ws: readonly Word[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (ws[i + k]?.text !== phrase[k]) return false;
  return true;
}

export function analyse(text: string): TextAnalysis {
  const sents = sentences(text);
  const clauses: Clause[] = [];
  sents.forEach((sentence, index) => {
    const ws = words(text, sentence.start, sentence.end);
    const side: Clause[] = [];
    // "Att polisen ska …" (a promise written as a list item) starts like any other sentence.
    const first = ws[0]?.text === 'att' ? 1 : 0;
    const fronted = FRONTED_OPENERS.find((p) => startsWithPhrase(ws, first, p));
    let from = 0;
    if (fronted !== undefined) {
      const comma = text.indexOf(',', sentence.start);
      const hasComma = comma >= 0 && comma < sentence.end;
      const verbs = hasComma ? STRONG_PROMISE_VERBS : PROMISE_VERBS;
      const verb = ws.findIndex((w, i) => i > first && verbs.has(w.text));
      const byVerb = verb >= 0 ? (ws[verb] as Word).start : sentence.end;
      const end = Math.min(hasComma ? comma : sentence.end, byVerb);
      if (end < sentence.end) {
        side.push({ start: sentence.start, end, kind: 'fronted', sentence: index });
        from = ws.findIndex((w) => w.start >= end);
      }
    }
    for (let i = Math.max(from, 0); i < ws.length; i++) {
      const opener = SIDE_OPENERS_BY_FIRST_WORD.get((ws[i] as Word).text)?.find((o) => startsWithPhrase(ws, i, o.words));
      if (!opener) continue;
      const start = (ws[i] as Word).start;
      SIDE_END.lastIndex = start;
      const stop = SIDE_END.exec(text);
      const end = stop && stop.index < sentence.end ? stop.index : sentence.end;
      side.push({ start, end, kind: opener.kind, sentence: index });
      while (i + 1 < ws.length && (ws[i + 1] as Word).start < end) i++;
    }
    // What the side clauses leave is the promise's own clause.
    let at = sentence.start;
    for (const s of side) {
      if (s.start > at) clauses.push({ start: at, end: s.start, kind: 'main', sentence: index });
      clauses.push(s);
      at = Math.max(at, s.end);
    }
    if (at < sentence.end) clauses.push({ start: at, end: sentence.end, kind: 'main', sentence: index });
  });
  return { sentences: sents, clauses };
}

/** The clause a text offset falls in. */
export function clauseAt(analysis: TextAnalysis, offset: number): Clause | undefined {
  return analysis.clauses.find((c) => offset >= c.start && offset < c.end);
}
