// How promises and periods are said in Swedish in the reports.

import type { Period } from '../../model/access.js';
import { label } from '../labels.js';
import type { Inline } from '../doc.js';
import type { PromiseView, ResultView } from '../model.js';
import { stateWord } from '../state.js';

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

export function outcomeText(r: ResultView | undefined): string {
  if (!r) return '–';
  return [r.antal !== undefined ? `Utfall: ${number(r.antal)}.` : undefined, r.kommentar, r.orsak ? `Orsak: ${r.orsak}` : undefined]
    .filter((x): x is string => x !== undefined && x !== '')
    .join(' ');
}
