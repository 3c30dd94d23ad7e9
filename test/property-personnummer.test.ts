// Property test: a personnummer in any spelling, in any text field of a random repository, is found
// by personal-data in every validate format, no output repeats it, and report writes nothing.

import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { writeRepo, type RepoSpec } from './publish-repo.js';

/** The Luhn check digit of the nine digits YYMMDDNNN. */
function luhn(nine: string): number {
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A valid personnummer as { date: YYMMDD, tail: NNNC }. */
const numberArb = fc
  .record({ year: fc.integer({ min: 1930, max: 2010 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), serial: fc.integer({ min: 100, max: 999 }) })
  .map(({ year, month, day, serial }) => {
    const date = `${pad(year % 100)}${pad(month)}${pad(day)}`;
    return { century: String(Math.floor(year / 100)), date, tail: `${serial}${luhn(`${date}${serial}`)}` };
  });

const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** The ways people (and their editors) write one: separators, invisible characters, Markdown and HTML. */
const SPELLINGS: ((n: { century: string; date: string; tail: string }) => string)[] = [
  (n) => `${n.date}-${n.tail}`,
  (n) => `${n.date} ${n.tail}`,
  (n) => `${n.date}–${n.tail}`,
  (n) => `${n.date}\u2011${n.tail}`,
  (n) => `${n.date}\u2212${n.tail}`,
  (n) => `${n.date}\u00a0${n.tail}`,
  (n) => `${n.date}-\u200b${n.tail}`,
  (n) => `${n.date.slice(0, 3)}\u00ad${n.date.slice(3)}-${n.tail}`,
  (n) => fullWidth(`${n.date}-${n.tail}`).replace('-', '－'),
  (n) => `${n.date}\\-${n.tail}`,
  (n) => `${n.date}-**${n.tail}**`,
  (n) => `${n.date}&#45;${n.tail}`,
  (n) => `${n.date}&ndash;${n.tail}`,
  (n) => `${n.century}${n.date}${n.tail}`,
  (n) => `${n.century}${n.date}-${n.tail}`,
];

const FIELDS = ['lofteText', 'kommentar', 'inledning', 'aktorIntern', 'mblIntern', 'problem'] as const;

const caseArb = fc.record({ n: numberArb, spelling: fc.integer({ min: 0, max: SPELLINGS.length - 1 }), field: fc.constantFrom(...FIELDS) });

function build(field: (typeof FIELDS)[number], written: string): RepoSpec {
  const text = `Samtal med ${written} i går.`;
  const spec: RepoSpec = { config: '# a repository of its own\n', problems: [{ id: 'pb-1', titel: 'Problem', sammanfattning: 'Sammanfattning', kallaBeskrivning: 'Medborgardialog i centrum', sekretess: 'offentlig' }] };
  if (field === 'problem') spec.problems[0] = { ...spec.problems[0]!, beskrivning: text };
  else if (field === 'lofteText') spec.lofteText = `Polisen lovar att genomföra minst 12 trafikkontroller. ${text}`;
  else spec[field] = text;
  return spec;
}

describe('a personnummer, however it is written and wherever it stands', () => {
  it('is found in every validate format, never repeated, and stops the report', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ n, spelling, field }) => {
        const written = (SPELLINGS[spelling] as (x: typeof n) => string)(n);
        const dir = writeRepo(build(field, written), 'lofte-prop-pnr-');
        const config = ['--config', path.join(dir, 'lofte.config.yaml')];
        try {
          for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
            const r = await runCli(['validate', dir, '--format', format, '--as-of', '2026-11-24', ...config]);
            const out = r.stdout + r.stderr;
            expect(r.code, `${format}: ${written}\n${out}`).toBe(1);
            expect(out, format).toContain('personal-data');
            for (const form of [written, `${n.date}-${n.tail}`, `${n.date}${n.tail}`]) expect(out.includes(form), `${form} in ${format}`).toBe(false);
          }
          const site = path.join(dir, 'site');
          const r = await runCli(['report', dir, '--out', site, '--as-of', '2026-11-24', ...config]);
          expect(r.code).toBe(1);
          expect(existsSync(site)).toBe(false);
          expect((r.stdout + r.stderr).includes(written)).toBe(false);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
