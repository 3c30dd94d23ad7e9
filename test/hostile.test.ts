// Hostile and broken input: every case gets a clear diagnostic, never a crash, a hang or pollution.
// The per-test timeout is the hang guard; no test asserts how fast anything is.

import { mkdirSync, mkdtempSync, promises as fs, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/load/discover.js';
import { loadFiles } from '../src/load/index.js';
import { findings, ROOT, runCli } from './helpers.js';

const H = 'test/fixtures/hostile';
const BOUND = 20_000;
const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lofte-hostile-'));
const actor = (id: string, extra = ''): string => `apiVersion: lofte/v1\nkind: Aktor\nid: ${id}\nnamn: Aktör\ntyp: ovrig\n${extra}`;

describe('the hostile corpus in test/fixtures/hostile', () => {
  it('gives each case its diagnostic, and never stops at the first', async () => {
    const r = await findings([H]);
    expect(r.code).toBe(1);
    expect(r.found).toEqual([
      { rule: 'yaml-syntax', file: `${H}/ankare-over-dokument.yaml`, line: 6, column: 1 },
      { rule: 'file-unreadable', file: `${H}/binar.yaml`, line: 1, column: 1 },
      { rule: 'yaml-syntax', file: `${H}/ej-avslutad.md`, line: 1, column: 1 },
      { rule: 'schema', file: `${H}/flera-streck.md`, line: 2, column: 1 },
      { rule: 'schema', file: `${H}/flera-streck.md`, line: 2, column: 1 },
      { rule: 'schema', file: `${H}/flera-streck.md`, line: 2, column: 1 },
      { rule: 'schema', file: `${H}/flera-streck.md`, line: 2, column: 1 },
      { rule: 'schema', file: `${H}/id-traversal.yaml`, line: 3, column: 5 },
      { rule: 'schema', file: `${H}/id-traversal.yaml`, line: 9, column: 5 },
      { rule: 'schema', file: `${H}/id-traversal.yaml`, line: 15, column: 5 },
      { rule: 'yaml-syntax', file: `${H}/include.yaml`, line: 4, column: 7 },
      { rule: 'schema', file: `${H}/lista-front-matter.md`, line: 2, column: 1 },
      { rule: 'schema', file: `${H}/merge.yaml`, line: 7, column: 3 },
      { rule: 'file-unreadable', file: `${H}/nul.yaml`, line: 1, column: 1 },
      { rule: 'schema', file: `${H}/prototype.yaml`, line: 6, column: 1 },
      { rule: 'schema', file: `${H}/prototype.yaml`, line: 8, column: 1 },
      { rule: 'yaml-syntax', file: `${H}/taggar.yaml`, line: 4, column: 7 },
    ]);
  }, BOUND);

  // Each case's words, code, position and arguments are in the rule tables (test/rules/yaml-syntax,
  // schema, file-unreadable); here: the fixture as a whole, as a user runs it.
  it('words each case without a stack trace', async () => {
    const r = await runCli(['validate', H, '--as-of', '2026-11-24']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Id `laxa‐2018` har fel form.');
    expect(r.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  }, BOUND);

  it('skips an empty file, and reads BOM + CRLF as ordinary text', async () => {
    const r = await runCli(['validate', `${H}/tom.yaml`, `${H}/bom-crlf.yaml`, '--verbose']);
    expect(r).toMatchObject({ code: 0, stdout: '✔ Inga fel eller varningar (1 fil kontrollerade).\n' });
    expect(r.stderr).toContain('test/fixtures/hostile/tom.yaml: inget lofte-dokument');
  });
});

describe('generated hostile files', () => {
  it('refuses a 50 MB file from its size, without reading it', async () => {
    const dir = tmp();
    const file = path.join(dir, 'stor.yaml');
    const fd = await fs.open(file, 'w');
    await fd.truncate(50 * 1024 * 1024);
    await fd.write(actor('stor'), 0);
    await fd.close();
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1:1  fel  Filen är 50,0 MB; lofte läser filer på högst 2,0 MB.  file-too-large');
  }, BOUND);

  it('lets lofte.config.yaml raise the size limit', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'lofte.config.yaml'), 'granser:\n  filstorlek_kb: 4096\n');
    writeFileSync(path.join(dir, 'a.yaml'), actor('stor', `beskrivning: "${'x'.repeat(3 * 1024 * 1024)}"\n`));
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 'lofte.config.yaml'), 'granser:\n  filstorlek_kb: 1024\n');
    expect((await runCli(['validate'], { cwd: dir })).stdout).toContain('file-too-large');
  }, BOUND);

  it('stops 10,000-deep nesting, flow and block, with limit-exceeded', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'flow.yaml'), actor('flow', `intern: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`));
    // Nested block sequences on one line: 10,000 levels in 20 kB (indenting each level would be 50 MB).
    writeFileSync(path.join(dir, 'block.yaml'), actor('block', `intern:\n  ${'- '.repeat(10_000)}x\n`));
    const r = await findings([dir]);
    expect(r.code).toBe(1);
    expect(r.found.map((f) => [path.basename(f.file), f.rule])).toEqual([
      ['block.yaml', 'limit-exceeded'],
      ['flow.yaml', 'limit-exceeded'],
    ]);
  }, BOUND);

  it('keeps positions right after a 1 MB single line', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'lang.yaml'), actor('lang', `beskrivning: "${'å'.repeat(1_000_000)}"\nnamm: fel\n`));
    const r = await findings([dir]);
    expect(r.found).toEqual([{ rule: 'schema', file: expect.stringMatching(/lang\.yaml$/), line: 7, column: 1 }]);
  }, BOUND);

  it('walks a symlink loop once, and skips a FIFO instead of hanging on it', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.yaml'), actor('a'));
    mkdirSync(path.join(dir, 'under'));
    symlinkSync('..', path.join(dir, 'under', 'loop'));
    symlinkSync(path.join(dir, 'under'), path.join(dir, 'under', 'loop2'));
    execFileSync('mkfifo', [path.join(dir, 'ror.yaml')]);
    const r = await runCli(['validate', dir]);
    expect(r).toMatchObject({ code: 0, stdout: '✔ Inga fel eller varningar (1 fil kontrollerade).\n' });
  }, BOUND);

  it('reports a file deleted between discovery and reading', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'borta.yaml'), actor('borta'));
    const files = await discover([dir], { cwd: dir });
    await fs.unlink(path.join(dir, 'borta.yaml'));
    const loaded = await loadFiles(files);
    expect(loaded.diagnostics.map((d) => [d.rule, d.file, d.range.start.line, d.args['reason']])).toEqual([['file-unreadable', 'borta.yaml', 1, 'gone']]);
  });

  const asNobody = process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0;
  it.skipIf(!asNobody)('reports a file it may not read (run as nobody: root reads everything)', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'hemlig.yaml'), actor('hemlig'));
    writeFileSync(path.join(dir, 'oppen.yaml'), actor('oppen'));
    execFileSync('chmod', ['755', dir]);
    execFileSync('chmod', ['000', path.join(dir, 'hemlig.yaml')]);
    const r = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, path.join(ROOT, 'bin', 'lofte.js'), 'validate', dir], { encoding: 'utf8', cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('hemlig.yaml\n  1:1  fel  Filen kan inte läsas: behörighet saknas.  file-unreadable');
  }, BOUND);
});

describe('no prototype pollution', () => {
  it('after validating and reporting files with __proto__, constructor and prototype keys', async () => {
    const out = tmp();
    expect((await runCli(['validate', H])).code).toBe(1);
    const r = await runCli(['report', 'test/fixtures/hostile-valid', '--out', out, '--as-of', '2026-11-24']);
    expect(r.code, r.stderr).toBe(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  }, BOUND);
});
