// Pages and data written in pieces: the same bytes as one string, compared with the last run's file
// as they come, so a national site's big files are never whole strings in memory.

import { mkdtempSync, readFileSync, statSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataJsonPieces } from '../src/export/index.js';
import type { OpenData } from '../src/export/open-data.js';
import { openDataSettings } from '../src/export/settings.js';
import { writeSite } from '../src/report/write.js';
import { runCli } from './helpers.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lofte-stream-'));

/** A text cut into pieces of `size` characters. */
function* cut(text: string, size: number): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

const MB = 1 << 20;

describe('a file written in pieces', () => {
  it('is byte for byte the joined text, across batches and multi-byte characters', async () => {
    const out = tmp();
    const text = `${'å'.repeat(MB + 3)}–${'x'.repeat(2 * MB)}\n`;
    await writeSite(out, [['a.html', cut(text, 70_001)], ['b.html', []]]);
    expect(readFileSync(path.join(out, 'a.html'), 'utf8')).toBe(text);
    expect(readFileSync(path.join(out, 'b.html'), 'utf8')).toBe('');
  });

  it('keeps a character whole when two pieces split it (a surrogate pair)', async () => {
    const out = tmp();
    const text = `Trygghet 😀 i parken 𝄞${'å'.repeat(1000)}`;
    // One UTF-16 unit a piece: every astral character is cut in two.
    await writeSite(out, [['a.html', cut(text, 1)]]);
    expect(readFileSync(path.join(out, 'a.html'), 'utf8')).toBe(text);
  });

  it('is left as it is when it reads the same, and written again when it differs anywhere', async () => {
    const out = tmp();
    const base = 'ä'.repeat(3 * MB);
    await writeSite(out, [['same.html', base], ['late.html', base], ['longer.html', base], ['shorter.html', base], ['empty.html', base]]);
    const past = new Date('2020-01-01T00:00:00Z');
    for (const f of ['same.html', 'late.html', 'longer.html', 'shorter.html', 'empty.html']) utimesSync(path.join(out, f), past, past);
    const r = await writeSite(out, [
      ['empty.html', []],
      ['late.html', cut(`${base.slice(0, -1)}ö`, 100_000)], // differs in its very last character, beyond the first batches
      ['longer.html', cut(`${base}!`, 100_000)],
      ['same.html', cut(base, 100_000)],
      ['shorter.html', cut(base.slice(1), 100_000)],
    ]);
    expect(r.changed).toEqual(['empty.html', 'late.html', 'longer.html', 'shorter.html']);
    expect(r.unchanged).toBe(1);
    expect(statSync(path.join(out, 'same.html')).mtime).toEqual(past);
    expect(readFileSync(path.join(out, 'same.html'), 'utf8')).toBe(base);
    expect(readFileSync(path.join(out, 'late.html'), 'utf8')).toBe(`${base.slice(0, -1)}ö`);
    expect(readFileSync(path.join(out, 'longer.html'), 'utf8')).toBe(`${base}!`);
    expect(readFileSync(path.join(out, 'shorter.html'), 'utf8')).toBe(base.slice(1));
    expect(readFileSync(path.join(out, 'empty.html'), 'utf8')).toBe('');
  });

  it('takes lists of pieces, each written where the last ended, a character split between lists kept whole', async () => {
    const out = tmp();
    const text = `<p>Trygghet 😀 i parken</p>${'å'.repeat(MB)}–slut`;
    const at = text.indexOf('😀') + 1;
    // A list ends in half a surrogate pair, the next list starts with its other half; one list crosses a batch.
    const pieces = [[text.slice(0, 3), text.slice(3, at)], [], [text.slice(at, at + 5), text.slice(at + 5, at + 5 + MB)], text.slice(at + 5 + MB)];
    await writeSite(out, [['a.html', pieces]]);
    expect(readFileSync(path.join(out, 'a.html'), 'utf8')).toBe(text);
  });

  it('a path given twice in pieces ends as the last copy, whole', async () => {
    const out = tmp();
    await writeSite(out, [['a.html', cut('gammal '.repeat(400_000), 50_000)], ['a.html', cut('ny sida', 3)]]);
    expect(readFileSync(path.join(out, 'a.html'), 'utf8')).toBe('ny sida');
  });
});

describe('open data in pieces', () => {
  it('the JSON in pieces, one medborgarlöfte each, is the same text as JSON.stringify of the whole', async () => {
    const out = tmp();
    expect((await runCli(['export', 'examples/vastra-blekinge', '--out', out, '--as-of', '2026-11-24'])).code).toBe(0);
    const json = readFileSync(path.join(out, 'medborgarloften.json'), 'utf8');
    const parsed = JSON.parse(json) as OpenData & { $schema: string; licens: string };
    const { $schema, licens, ...data } = parsed;
    expect(data.medborgarloften.length).toBe(2);
    const settings = { ...openDataSettings({}, {}), licens };
    const whole = `${JSON.stringify({ $schema, format: data.format, lage_per: data.lage_per, licens, medborgarloften: data.medborgarloften, aktorer: data.aktorer }, null, 2)}\n`;
    expect(whole).toBe(json);
    expect([...openDataJsonPieces(data, settings)].join('')).toBe(json);
    const none = { ...data, medborgarloften: [] };
    expect([...openDataJsonPieces(none, settings)].join('')).toBe(`${JSON.stringify({ $schema, format: data.format, lage_per: data.lage_per, licens, medborgarloften: [], aktorer: data.aktorer }, null, 2)}\n`);
    // CSV and Atom in pieces are held to the golden files (test/golden, report.test.ts) made as whole strings.
  });
});
