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
