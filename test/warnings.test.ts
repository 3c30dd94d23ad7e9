// The warning rules: each fires on test/fixtures/warnings and stays silent on the valid examples.

import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../src/model/dates.js';
import { followUpPeriods, latestEndedPeriod } from '../src/rules/follow-up-missing.js';
import { findContacts } from '../src/rules/contact-in-text.js';
import { findings, runCli } from './helpers.js';

const F = 'test/fixtures/warnings';

describe('warning rules on a fixture that breaks each', () => {
  it('reports each rule at its place, as warnings (exit 0)', async () => {
    const r = await findings([F]);
    expect(r.code).toBe(0);
    expect(r.found).toEqual([
      { rule: 'kommun-outside-region', file: `${F}/aktorer.yaml`, line: 7, column: 25 },
      { rule: 'contact-in-text', file: `${F}/aktorer.yaml`, line: 22, column: 14 },
      { rule: 'one-party', file: `${F}/loften.yaml`, line: 9, column: 1 },
      { rule: 'vague-wording', file: `${F}/loften.yaml`, line: 11, column: 29 },
      { rule: 'conditional-promise', file: `${F}/loften.yaml`, line: 17, column: 11 },
      { rule: 'follow-up-missing', file: `${F}/loften.yaml`, line: 22, column: 9 },
      { rule: 'not-measurable', file: `${F}/loften.yaml`, line: 22, column: 9 },
      { rule: 'contact-in-text', file: `${F}/loften.yaml`, line: 28, column: 11 },
      { rule: 'orphan-problembild', file: `${F}/problembilder.yaml`, line: 19, column: 5 },
      { rule: 'missing-dialogue', file: `${F}/problembilder.yaml`, line: 26, column: 1 },
    ]);
  });

  it('--strict and --max-warnings make warnings fail', async () => {
    expect((await findings([F], ['--strict'])).code).toBe(1);
    expect((await findings([F], ['--max-warnings', '9'])).code).toBe(1);
    expect((await findings([F], ['--max-warnings', '10'])).code).toBe(0);
  });

  it('shows the message a user sees', async () => {
    const r = await runCli(['validate', F, '--as-of', '2026-11-24']);
    expect(r.stdout).toContain('Tips: Skriv vad ni gör och hur mycket, t.ex. "genomföra minst 4 trygghetsvandringar under året".');
    expect(r.stdout).toContain('⚠ 0 fel och 10 varningar i 3 filer (3 filer kontrollerade).');
  });
});

describe('time: --as-of', () => {
  it('gives the same bytes with the same --as-of, whatever the day', async () => {
    const a = await runCli(['validate', F, '--as-of', '2026-11-24', '--format', 'json'], { today: '2026-11-24' });
    const b = await runCli(['validate', F, '--as-of', '2026-11-24', '--format', 'json'], { today: '2031-03-05' });
    expect(b.stdout).toBe(a.stdout);
  });

  it('defaults to today, so the result moves with the clock', async () => {
    const early = await runCli(['validate', F, '--format', 'json'], { today: '2026-07-15' });
    const late = await runCli(['validate', F, '--format', 'json'], { today: '2026-11-24' });
    expect(early.stdout).not.toContain('follow-up-missing');
    expect(late.stdout).toContain('follow-up-missing');
  });

  it('allows 30 days after a period ends before a follow-up is missing', async () => {
    const due = await findings([F], ['--as-of', '2026-07-30']);
    const late = await findings([F], ['--as-of', '2026-07-31']);
    expect(due.found.map((f) => f.rule)).not.toContain('follow-up-missing');
    expect(late.found.map((f) => f.rule)).toContain('follow-up-missing');
  });

  it('cuts a frame into cadence periods, the last one at the frame end', () => {
    expect(followUpPeriods({ from: '2026-03-01', tom: '2026-09-30' }, 'halvar')).toEqual([
      { from: '2026-03-01', tom: '2026-08-31' },
      { from: '2026-09-01', tom: '2026-09-30' },
    ]);
    expect(followUpPeriods({ from: '2026-01-01', tom: '2027-12-31' }, 'periodens_slut')).toEqual([{ from: '2026-01-01', tom: '2027-12-31' }]);
    expect(followUpPeriods({ from: '2026-01-01', tom: '2026-12-31' }, 'kvartal').map((p) => p.tom)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  // The search goes down from the cutoff's month: at every period's last day (and the days either
  // side), from frames that start on the last days of months, in a leap year, across a new year and
  // near the year 9000, it finds the period a listing does.
  it('finds the latest ended period at each period boundary, as a listing does', () => {
    const starts = [...Array.from({ length: 130 }, (_, i) => addDays('2023-11-25', i)), '8998-12-31', '8999-11-30', '8999-12-01'];
    for (const frame of starts.map((from) => ({ from, tom: addDays(from, 700) }))) {
      for (const kadens of ['manad', 'kvartal', 'tertial', 'halvar', 'ar']) {
        const periods = followUpPeriods(frame, kadens);
        for (const p of periods) {
          for (const cutoff of [addDays(p.tom, -1), p.tom, addDays(p.tom, 1)]) {
            const listed = periods.filter((q) => q.tom < cutoff && q.from <= frame.tom);
            expect(latestEndedPeriod(frame, kadens, cutoff), JSON.stringify({ frame, kadens, cutoff })).toEqual(listed[listed.length - 1]);
          }
        }
      }
    }
  });
});

describe('contact-in-text', () => {
  it.each([
    ['Ring 0584-47 30 00', ['0584-47 30 00']],
    ['070-123 45 67 eller +46 70 123 45 67', ['070-123 45 67', '+46 70 123 45 67']],
    ['Mejla trygghet@laxa.se', ['trygghet@laxa.se']],
    // Where a number may start: the text's start, after a bracket, a letter, an en dash, a slash.
    ['0701234567', ['0701234567']],
    ['(070-123 45 67)', ['070-123 45 67']],
    ['tel:+46701234567', ['+46701234567']],
    ['2026-01-01–08-401 00 00', ['08-401 00 00']],
    ['a0584-47 30 00/0584-47 30 01', ['0584-47 30 00', '0584-47 30 01']],
  ])('finds contact details in %j', (text, expected) => {
    expect(findContacts(text)).toEqual(expected);
  });

  it.each(['Ring 114 14 eller 112', 'Giltig 2026-01-01–2027-12-31', 'Minst 20 trafikkontroller', 'Dnr 2025/1234', 'lpo-0701234567', '10701234567'])('ignores %j', (text) => {
    expect(findContacts(text)).toEqual([]);
  });
});

describe('follow-up-missing: which follow-up covers a period', () => {
  it('a report early in the period does not cover it; one near the end does', async () => {
    const r = await findings(['test/fixtures/follow-up'], ['--as-of', '2027-03-01']);
    expect(r.found.filter((f) => f.rule === 'follow-up-missing')).toEqual([
      { rule: 'follow-up-missing', file: 'test/fixtures/follow-up/loften.yaml', line: 10, column: 9 },
      { rule: 'follow-up-missing', file: 'test/fixtures/follow-up/loften.yaml', line: 15, column: 9 },
    ]);
  });
});
