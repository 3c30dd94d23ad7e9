// One mistake, one finding: a broken file does not make its ids "missing" elsewhere, `löften:` is
// one schema finding, and unreadable encodings are named for what they are, at the bad byte.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { example, spawnCli } from './helpers.js';

// Each test spawns the built CLI a few times: on a shared, busy machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

const AS_OF = ['--as-of', '2026-09-01'];

function park(file: string, edit: (text: string) => string | Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-cascade-'));
  cpSync(example('parken'), dir, { recursive: true });
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  return dir;
}

describe('errors that cascade are reported once', () => {
  it('a YAML syntax error in a medborgarlöfte does not make its follow-up’s reference “missing”', () => {
    const dir = park('medborgarlofte-2026-2027.yaml', (t) => t.replace('lokalpolisomrade: lpo-hallsberg', 'lokalpolisomrade: lpo-hallsberg : : ['));
    const r = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain('yaml-syntax');
    expect(r.stdout).not.toContain('unresolved-reference');
    expect(r.stdout).not.toContain('orphan-problembild');
    expect(r.stdout).toContain('✖ 1 fel och 0 varningar i 1 fil');
  });

  it('`löften:` for `loften:` is one finding with a did-you-mean', () => {
    const dir = park('medborgarlofte-2026-2027.yaml', (t) => t.replace(/^loften:/m, 'löften:'));
    const r = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain('Okänt fält `löften` i medborgarlöfte.');
    expect(r.stdout).toContain('Menade du `loften`?');
    expect(r.stdout).toContain('✖ 1 fel och 0 varningar i 1 fil');
  });

  it('a UTF-16 file is named as such, and its ids are still known to the references', () => {
    const dir = park('aktorer.yaml', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]));
    const r = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain('Filen är sparad som UTF-16, inte UTF-8.');
    expect(r.stdout).not.toContain('unresolved-reference');
  });

  it('a file that cannot be read at all is named in the references that may point into it', () => {
    const dir = park('aktorer.yaml', () => Buffer.from([0x00, 0x01, 0x02, 0x00, 0x00, 0x07]));
    const r = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain('Tips: `aktorer.yaml` kan inte läsas och kan definiera id:t: rätta den filen först.');
  });

  it('a Latin-1 file is reported at the bad byte, with the likely encoding', () => {
    const dir = park('aktorer.yaml', (t) => Buffer.from(t, 'latin1'));
    const r = spawnCli(['validate', 'aktorer.yaml', ...AS_OF], { cwd: dir });
    const line = readFileSync(path.join(example('parken'), 'aktorer.yaml'), 'utf8').split('\n').findIndex((l) => /[^\x00-\x7f]/.test(l)) + 1;
    expect(r.stdout).toMatch(new RegExp(`^  ${line}:\\d+ +fel +Filen är inte UTF-8-text: byten 0x[0-9A-F]{2} här hör inte till UTF-8\\.`, 'm'));
    expect(r.stdout).toContain('Latin-1');
  });
});

describe('a file meant for lofte is never silently skipped', () => {
  it('mis-cased `apiversion:` and `Kind:` are one schema finding each, with a did-you-mean, and the ids stay known', () => {
    const dir = park('uppfoljning-2026-06-30.yaml', (t) => t.replace(/^apiVersion:/m, 'apiversion:'));
    const actors = path.join(dir, 'aktorer.yaml');
    writeFileSync(actors, readFileSync(actors, 'utf8').replace(/^kind:/m, 'Kind:'));
    const r = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain('Okänt fält `apiversion` i uppföljning.');
    expect(r.stdout).toContain('Menade du `apiVersion`?');
    expect(r.stdout).toContain('Okänt fält `Kind` i aktör.');
    expect(r.stdout).toContain('Menade du `kind`?');
    expect(r.stdout).not.toContain('unresolved-reference');
    expect(r.stdout).toContain('✖ 2 fel och 0 varningar i 2 filer');
  });

  it('front matter opened with `--` is a finding with a hint', () => {
    const dir = park('aktorer.yaml', (t) => t);
    writeFileSync(path.join(dir, 'problembild.md'), '--\napiVersion: lofte/v1\nkind: Problembild\nid: ny-problembild\n---\n\nText.\n');
    const r = spawnCli(['validate', 'problembild.md', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('front matter börjar inte med en rad `---` (första raden är `--`).');
  });
});

describe('hints', () => {
  it('a colon in a plain value: put the text in quotes', () => {
    const dir = park('medborgarlofte-2026-2027.yaml', (t) => t.replace('plats: Stadsparken i Laxå', 'plats: Stadsparken: södra delen'));
    const r = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toMatch(/fel +Ett kolon mitt i ett värde läses som en ny nyckel\. +yaml-syntax\n +Tips: Sätt texten inom citattecken, t\.ex\. `plats: "Stadsparken: södra delen"`\./);
  });

  it('a kommunkod with a leading zero is told to keep it: "0114", not "114"', () => {
    const dir = park('aktorer.yaml', (t) => t.replace('kommunkod: "1860"', 'kommunkod: 0114'));
    const r = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain('YAML läser `114` som ett tal: skriv det inom citattecken, "0114".');
  });

  it('an actor’s name where its id belongs gets the id, and suggestions keep to the kind the field needs', () => {
    const dir = park('medborgarlofte-2026-2027.yaml', (t) =>
      t.replace('ansvarig: lpo-hallsberg', 'ansvarig: Laxå kommun').replace(/^ {2}- laxa-kommun$/m, '  - lpo-hallsberg'),
    );
    const r = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toMatch(/`Laxå kommun` finns inte: det ska vara id för en aktör\. +unresolved-reference\n +Tips: Menade du `laxa-kommun`\?/);
    expect(r.stdout).toMatch(/`lpo-hallsberg` är ett lokalpolisområde .*men här krävs en kommun .*reference-kind\n +Tips: Menade du `laxa-kommun`\?/);
  });
});
