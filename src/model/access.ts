// Safe reads from documents that may not have passed their schema: rules never assume a shape.

import { daysInMonth } from './dates.js';

export type Dict = Record<string, unknown>;

export function asDict(value: unknown): Dict | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Dict) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The ids of a field that takes one id or a list of ids (`ansvarig`, `problembild`); other values give none. */
export function idList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return asArray(value).filter((v): v is string => typeof v === 'string');
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return day >= 1 && day <= daysInMonth(year, month);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Period {
  from: string;
  tom: string;
}

export function asPeriod(value: unknown): Period | undefined {
  const d = asDict(value);
  if (!d || !isIsoDate(d['from']) || !isIsoDate(d['tom'])) return undefined;
  return { from: d['from'], tom: d['tom'] };
}

/**
 * Calls `visit` for every map in a value with the live path to it. The path array is reused as the
 * walk goes on: copy it (`[...path]`) to keep it.
 */
export function visitObjects(value: unknown, visit: (dict: Dict, path: readonly (string | number)[]) => void, path: (string | number)[] = []): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child !== 'object' || child === null) continue; // nothing to visit in a string or number
      path.push(i);
      visitObjects(child, visit, path);
      path.pop();
    }
    return;
  }
  const d = asDict(value);
  if (!d) return;
  visit(d, path);
  for (const k of Object.keys(d)) {
    const child = d[k];
    if (typeof child !== 'object' || child === null) continue;
    path.push(k);
    visitObjects(child, visit, path);
    path.pop();
  }
}
