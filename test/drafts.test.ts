// Drafts and template placeholders are not published: `status: utkast` is left out of the report
// unless asked for, and a `TODO …` placeholder is a warning in validate and a refusal in report.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { example, spawnCli } from './helpers.js';

// Each test spawns the built CLI a few times: on a shared, busy machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

const AS_OF = ['--as-of', '2026-09-01'];

function park(edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-drafts-'));
  cpSync(example('parken'), dir, { recursive: true });
  const file = path.join(dir, 'medborgarlofte-2026-2027.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('drafts', () => {
  it('are left out of the report unless --med-utkast', () => {
    const dir = park((t) => t.replace('status: publicerad', 'status: utkast'));
    const r = spawnCli(['report', '--out', 'site', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(0 medborgarlöften,');
    expect(r.stdout).toContain('1 utkast (status: utkast) kom inte med; --med-utkast tar med det.');
    const withDrafts = spawnCli(['report', '--out', 'site2', '--med-utkast', ...AS_OF], { cwd: dir });
    expect(withDrafts.stdout).toContain('(1 medborgarlöfte,');
  }, 60_000);
});

describe('placeholders', () => {
  it('are a warning in validate and a refusal in report', () => {
    const dir = park((t) => t.replace('plats: Stadsparken i Laxå', 'plats: TODO Polisen lovar något.'));
    const v = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/varning +Mallens platshållare står kvar: `TODO Polisen lovar något\.`\. +placeholder/);
    const r = spawnCli(['report', '--out', 'site', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lofte: Rapporten skrevs inte: mallens platshållare \(TODO\) står kvar i 1 dokument:\n {2}medborgarlofte-2026-2027\.yaml:\d+ \(/);
  }, 60_000);

  it('in a draft do not stop the report', () => {
    const dir = park((t) => t.replace('status: publicerad', 'status: utkast').replace('plats: Stadsparken i Laxå', 'plats: TODO Polisen lovar något.'));
    expect(spawnCli(['report', '--out', 'site', ...AS_OF], { cwd: dir }).code).toBe(0);
  }, 60_000);
});
