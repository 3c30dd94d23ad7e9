// Calendar arithmetic without Date objects: the same answers as Date's own UTC arithmetic.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber, isoOfDay } from '../src/model/dates.js';

// The way it was done before, with Date in UTC: the reference.
const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date): string => d.toISOString().slice(0, 10);
function dateAddDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}
function dateAddMonths(iso: string, months: number): string {
  const d = toDate(iso);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return toIso(target);
}

const isoDate = fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map(toIso);

describe('date arithmetic', () => {
  it('adds days as Date does', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (iso, n) => addDays(iso, n) === dateAddDays(iso, n)), { numRuns: 5000 });
  });

  it('adds months as Date does, keeping the day where it exists', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -120, max: 120 }), (iso, n) => addMonths(iso, n) === dateAddMonths(iso, n)), { numRuns: 5000 });
  });

  it('at the edges: leap days, month ends, year ends, the epoch', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2100-02-28', 12)).toBe('2101-02-28');
    expect(addMonths('2000-02-29', 12)).toBe('2001-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(isoOfDay(-1)).toBe('1969-12-31');
  });

  it('every day from 1899 to 2201 round-trips', () => {
    for (let day = dayNumber('1899-01-01'); day <= dayNumber('2201-12-31'); day++) {
      const iso = isoOfDay(day);
      if (dayNumber(iso) !== day || iso !== toIso(new Date(day * 86_400_000))) expect(iso).toBe(toIso(new Date(day * 86_400_000)));
    }
  });
});
