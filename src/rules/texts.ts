// One walk of a document, shared by the rules that read all of it: its text fields (personal-data,
// contact-in-text, placeholder) through `ctx.texts(entity)`, every key, string and number once, and
// its periods (period-order) through `ctx.periods(entity)`.

import type { DocPath } from '../diagnostics/types.js';

/** Where a field is: its key or index and its parent's place. Paths are made only for findings. */
export interface Place {
  readonly parent: Place | undefined;
  readonly segment: string | number;
}

export interface TextField {
  readonly text: string;
  /** A key (its place ends with the key itself), a string value, or a number written as text. */
  readonly kind: 'key' | 'string' | 'number';
  /** Undefined for a document that is a bare string or number. */
  readonly place: Place | undefined;
}

/** The path to a place, from the document root: `['loften', 2, 'text']`. */
export function pathOf(place: Place | undefined): DocPath {
  const out: (string | number)[] = [];
  for (let p = place; p !== undefined; p = p.parent) out.push(p.segment);
  return out.reverse();
}

/** Whether any segment of the place's path is one of `names`. */
export function placeUnder(place: Place | undefined, names: ReadonlySet<string>): boolean {
  for (let p = place; p !== undefined; p = p.parent) if (typeof p.segment === 'string' && names.has(p.segment)) return true;
  return false;
}

/** A map whose `from` and `tom` are both strings (a period, whether or not they are dates), where it stands. */
export interface PeriodField {
  readonly from: string;
  readonly tom: string;
  /** The map's own place: undefined for the document itself. */
  readonly place: Place | undefined;
}

/** What one walk of a document gives. */
export interface DocumentWalk {
  readonly fields: readonly TextField[];
  /** In document order, a map before the maps inside it. */
  readonly periods: readonly PeriodField[];
}

/** Every key, string and number of a document, in document order (a key before its value). */
export function textFields(value: unknown): readonly TextField[] {
  return walkDocument(value).fields;
}

export function walkDocument(value: unknown): DocumentWalk {
  const out = { fields: [] as TextField[], periods: [] as PeriodField[] };
  walk(value, undefined, out);
  return out;
}

function walk(value: unknown, place: Place | undefined, out: { fields: TextField[]; periods: PeriodField[] }): void {
  if (typeof value === 'string') out.fields.push({ text: value, kind: 'string', place });
  else if (typeof value === 'number' || typeof value === 'bigint') out.fields.push({ text: String(value), kind: 'number', place });
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(value[i], { parent: place, segment: i }, out);
  } else if (typeof value === 'object' && value !== null) {
    const dict = value as Record<string, unknown>;
    const from = dict['from'];
    const tom = dict['tom'];
    if (typeof from === 'string' && typeof tom === 'string') out.periods.push({ from, tom, place });
    for (const k of Object.keys(dict)) {
      const at: Place = { parent: place, segment: k };
      out.fields.push({ text: k, kind: 'key', place: at });
      walk(dict[k], at, out);
    }
  }
}
