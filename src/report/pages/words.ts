// How promises and periods are said in Swedish in the reports.

import type { Period } from '../../model/access.js';
import { label } from '../labels.js';
import type { Inline } from '../doc.js';
import type { PromiseView, ResultView } from '../model.js';
import { lastFollowUp, stateCounts, stateWord } from '../state.js';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

const longDates = new Map<string, string>();

/** 2026-01-05 → "5 januari 2026". A national report says the same few thousand dates again and again. */
export function longDate(iso: string): string {
  let text = longDates.get(iso);
  if (text === undefined) {
    const [y, m, d] = iso.split('-').map(Number);
    text = `${d} ${MONTHS[(m ?? 1) - 1] ?? ''} ${y}`;
    if (longDates.size >= 50_000) longDates.clear();
    longDates.set(iso, text);
  }
  return text;
}

export const periodText = (p: Period): string => `${longDate(p.from)} – ${longDate(p.tom)}`;

const number = (n: number): string => String(n).replace('.', ',');

export function extentText(l: PromiseView): string | undefined {
  if (!l.omfattning) return undefined;
  return `${l.omfattning.minst ? 'minst ' : ''}${number(l.omfattning.antal)} ${l.omfattning.enhet}`;
}

export function frequencyText(l: PromiseView): string | undefined {
  if (!l.frekvens) return undefined;
  const times = l.frekvens.antal === 1 ? 'en gång' : `${number(l.frekvens.antal)} gånger`;
  return `${l.frekvens.minst ? 'minst ' : ''}${times} ${label('per', l.frekvens.per)}`;
}

/** A promise's state as a status word, the same word everywhere. */
export function stateInline(l: PromiseView): Inline {
  return { status: l.state.key, text: stateWord(l.state.key) };
}

/** "A", "A och B", "A, B och C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} och ${names[names.length - 1] ?? ''}`;
}

/** "1 medborgarlöfte", "2 medborgarlöften". */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A text cut at a word to at most `max` characters, with "…": a promise's text where a table needs it short. */
export function shorten(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** A promise's text for a table or a chart: without "Polisen lovar att" (the table names who), shortened. */
export function shortPromise(text: string, max = 90): string {
  const rest = /^[^.]{0,80}? lovar att (.+)$/s.exec(text.trim())?.[1];
  return shorten(rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : text, max);
}

/** What was promised, in a few words: "minst 12 insatser", "2 gånger i veckan", "klart senast 31 mars 2026". */
export function promisedText(l: PromiseView): string | undefined {
  const parts = [extentText(l), frequencyText(l), l.senast ? `klart senast ${longDate(l.senast)}` : undefined].filter((x): x is string => x !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** What is done so far: "4 av minst 12", "55", or undefined when no follow-up gave an amount. */
export function doneText(l: PromiseView): string | undefined {
  const done = l.state.done;
  if (done === undefined) return undefined;
  return l.omfattning ? `${number(done)} av ${l.omfattning.minst ? 'minst ' : ''}${number(l.omfattning.antal)}` : number(done);
}

/** "8 pågår · 1 genomfört · 1 försenat · senast uppföljt 30 juni 2026": a page's state at a glance. */
export function verdictLine(loften: readonly PromiseView[]): string {
  const parts = stateCounts(loften.map((l) => l.state)).map((c) => `${c.count} ${stateWord(c.key, c.count).toLowerCase()}`);
  const last = lastFollowUp(loften.map((l) => l.state));
  parts.push(last ? `senast uppföljt ${longDate(last)}` : 'ingen uppföljning publicerad');
  return parts.join(' · ');
}

export function outcomeText(r: ResultView | undefined): string {
  if (!r) return '–';
  return [r.antal !== undefined ? `Utfall: ${number(r.antal)}.` : undefined, r.kommentar, r.orsak ? `Orsak: ${r.orsak}` : undefined]
    .filter((x): x is string => x !== undefined && x !== '')
    .join(' ');
}
