// One walk of a document's text fields, shared by the rules that read them (personal-data,
// contact-in-text, placeholder) through `ctx.texts(entity)`: every key, string and number once.

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

/** Every key, string and number of a document, in document order (a key before its value). */
export function textFields(value: unknown): readonly TextField[] {
  const out: TextField[] = [];
  walk(value, undefined, out);
  return out;
}

function walk(value: unknown, place: Place | undefined, out: TextField[]): void {
  if (typeof value === 'string') out.push({ text: value, kind: 'string', place });
  else if (typeof value === 'number' || typeof value === 'bigint') out.push({ text: String(value), kind: 'number', place });
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(value[i], { parent: place, segment: i }, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const k of Object.keys(value)) {
      const at: Place = { parent: place, segment: k };
      out.push({ text: k, kind: 'key', place: at });
      walk((value as Record<string, unknown>)[k], at, out);
    }
  }
}
