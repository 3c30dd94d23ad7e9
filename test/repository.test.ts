// One repository context, through the built CLI, on repositories laid out as real ones: a git
// repository without lofte.config.yaml (documents in nested folders), a repository whose config is
// in a parent folder, named files, subfolders, globs, .gitignore, and what a change breaks elsewhere.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { example, spawnCli } from './helpers.js';

// Each test spawns the built CLI a few times: on a shared, busy machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

const AS_OF = ['--as-of', '2026-09-01'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lofte-repo-'));
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=test@example.org', '-c', 'user.name=Test', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });

/** The park example spread over folders, as a team would keep it, in a git repository without config. */
function parkRepo(name: string, withGit = true): string {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'aktorer'), { recursive: true });
  mkdirSync(path.join(dir, 'medborgarloften'), { recursive: true });
  mkdirSync(path.join(dir, 'problembilder'), { recursive: true });
  cpSync(example('parken', 'aktorer.yaml'), path.join(dir, 'aktorer', 'aktorer.yaml'));
  cpSync(example('parken', 'medborgarlofte-2026-2027.yaml'), path.join(dir, 'medborgarloften', 'medborgarlofte-2026-2027.yaml'));
  cpSync(example('parken', 'uppfoljning-2026-06-30.yaml'), path.join(dir, 'medborgarloften', 'uppfoljning-2026-06-30.yaml'));
  cpSync(example('parken', 'problembild-narkotika-stadsparken.yaml'), path.join(dir, 'problembilder', 'narkotika.yaml'));
  if (withGit) {
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'start');
  }
  return dir;
}

let repo: string;
beforeAll(() => {
  repo = parkRepo('utan-config');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a git repository without lofte.config.yaml', () => {
  it('checks a named file in the context of the whole repository: no false unresolved references', () => {
    const whole = spawnCli(['validate', ...AS_OF], { cwd: repo });
    expect(whole.stdout).toContain('Inga fel eller varningar (4 filer kontrollerade)');
    const named = spawnCli(['validate', 'medborgarloften/medborgarlofte-2026-2027.yaml', ...AS_OF], { cwd: repo });
    expect(named.stdout).not.toContain('unresolved-reference');
    expect(named.code).toBe(0);
  });

  it('checks the whole repository from a subfolder, and shows that folder’s findings', () => {
    const sub = spawnCli(['validate', ...AS_OF], { cwd: path.join(repo, 'medborgarloften') });
    expect(sub.stdout).not.toContain('unresolved-reference');
    expect(sub.code).toBe(0);
    const broken = parkRepo('undermapp-trasig');
    writeFileSync(path.join(broken, 'aktorer', 'aktorer.yaml'), readFileSync(path.join(broken, 'aktorer', 'aktorer.yaml'), 'utf8').replace('typ: kommun', 'typ: komun'));
    const fromSub = spawnCli(['validate', '.', ...AS_OF], { cwd: path.join(broken, 'problembilder') });
    // The actor's own schema error is in aktorer/, not shown from problembilder/; the reference it breaks there is.
    expect(fromSub.stdout).not.toMatch(/^\.\.\/aktorer\/aktorer\.yaml$/m);
    expect(fromSub.stdout).toMatch(/^narkotika\.yaml$/m);
    expect(fromSub.stdout).toContain('reference-kind');
  });

  it('shows what renaming an id in a named file breaks in files that were not named (git HEAD)', () => {
    const dir = parkRepo('byt-id');
    const file = path.join(dir, 'aktorer', 'aktorer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('id: laxa-kommun', 'id: kommunen'));
    const r = spawnCli(['validate', 'aktorer/aktorer.yaml', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('medborgarloften/medborgarlofte-2026-2027.yaml');
    expect(r.stdout).toContain('problembilder/narkotika.yaml');
    expect(r.stdout).toContain('`laxa-kommun` finns inte');
  });

  it('shows it outside git too, when the suggested fix is an id the named file defines', () => {
    const dir = parkRepo('byt-id-utan-git', false);
    writeFileSync(path.join(dir, 'lofte.config.yaml'), '# lofte\n');
    const file = path.join(dir, 'aktorer', 'aktorer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('id: laxa-kommun', 'id: laxa-kommunen'));
    const r = spawnCli(['validate', 'aktorer/aktorer.yaml', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('medborgarloften/medborgarlofte-2026-2027.yaml');
    expect(r.stdout).toContain('Menade du `laxa-kommunen`?');
  });

  it('expands a quoted glob, and exits 2 with a sentence when it matches nothing', () => {
    const r = spawnCli(['validate', 'medborgarloften/*.yaml', ...AS_OF], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const none = spawnCli(['validate', 'medborgarloften/*.md', ...AS_OF], { cwd: repo });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Inga lofte-dokument att kontrollera i medborgarloften/*.md');
  });

  it('honours .gitignore, and reads an ignored file only when it is named', () => {
    const dir = parkRepo('gitignore');
    mkdirSync(path.join(dir, 'utkast'));
    writeFileSync(path.join(dir, 'utkast', 'trasig.yaml'), 'apiVersion: lofte/v1\nkind: Aktor\nid: x\n');
    writeFileSync(path.join(dir, '.gitignore'), 'utkast/\n');
    const r = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(r.stdout).toContain('Inga fel eller varningar (4 filer kontrollerade)');
    const named = spawnCli(['validate', 'utkast/trasig.yaml', ...AS_OF], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('utkast/trasig.yaml');
  });

  it('exits 2 for an empty folder', () => {
    const dir = path.join(tmp, 'tom');
    mkdirSync(dir);
    const r = spawnCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Inga lofte-dokument att kontrollera i .');
  });
});

describe('folders that are repositories of their own', () => {
  /** A folder holding two lofte repositories (the park example twice), each with its own lofte.config.yaml; a git repository without config unless `withGit` is false. */
  function twoRepositories(name: string, withGit = true): string {
    const dir = path.join(tmp, name);
    for (const own of ['norr', 'soder']) {
      const sub = path.join(dir, 'omraden', own);
      mkdirSync(sub, { recursive: true });
      cpSync(example('parken'), sub, { recursive: true });
    }
    if (withGit) git(dir, 'init', '-q');
    return dir;
  }

  it('named together, they are refused (exit 2) with a sentence naming them and how to check one, in git and outside it', () => {
    const refused =
      'lofte: omraden/norr, omraden/soder är olika lofte-förråd (var sin lofte.config.yaml), och ett förråd kontrolleras för sig. Kör t.ex. `lofte validate omraden/norr`.\n';
    const inGit = spawnCli(['validate', 'omraden/norr', 'omraden/soder', ...AS_OF], { cwd: twoRepositories('tva-forrad-git') });
    expect(inGit).toMatchObject({ code: 2, stdout: '', stderr: refused });
    // Outside git the two were checked as one, without their configs (each park's ids "defined twice").
    const outside = spawnCli(['validate', 'omraden/norr', 'omraden/soder', ...AS_OF], { cwd: twoRepositories('tva-forrad-utan-git', false) });
    expect(outside).toMatchObject({ code: 2, stdout: '', stderr: refused });
    const report = spawnCli(['report', 'omraden/norr', 'omraden/soder', '--out', 'sajt', ...AS_OF, '--lang', 'en'], { cwd: twoRepositories('tva-forrad-rapport-en', false) });
    expect(report).toMatchObject({ code: 2, stdout: '' });
    expect(report.stderr).toBe(
      'lofte: omraden/norr, omraden/soder are different lofte repositories (each with a lofte.config.yaml of its own), and a repository is checked by itself. Run, for example, `lofte report omraden/norr --out <folder>`.\n',
    );
  });

  it('a folder holding them exits 2 with a sentence naming them and how to check one, not only that there was nothing', () => {
    const dir = twoRepositories('tva-forrad');
    const holding = spawnCli(['validate', 'omraden', ...AS_OF, '--lang', 'en'], { cwd: dir });
    expect(holding.code).toBe(2);
    expect(holding.stderr).toBe(
      'lofte: No lofte documents to check in omraden: omraden/norr, omraden/soder each have a lofte.config.yaml of their own and are repositories of their own, and a repository is checked by itself. Run, for example, `lofte validate omraden/norr`.\n',
    );
    // The way the sentence shows works.
    expect(spawnCli(['validate', 'omraden/norr', ...AS_OF], { cwd: dir }).code).toBe(0);
    // From inside one of them, that one is `.`.
    const above = spawnCli(['validate', '..', ...AS_OF], { cwd: path.join(dir, 'omraden', 'norr') });
    expect(above.code).toBe(2);
    expect(above.stderr).toContain(': ., ../soder har var sin lofte.config.yaml och är egna förråd, och ett förråd kontrolleras för sig. Kör t.ex. `lofte validate .`.');
  });

  it('report and links at the top refuse with the same sentence (exit 2), and no site of nothing is written', () => {
    const dir = twoRepositories('tva-forrad-rapport');
    const report = spawnCli(['report', '--out', 'sajt', ...AS_OF], { cwd: dir });
    expect(report).toMatchObject({ code: 2, stdout: '' });
    expect(report.stderr).toBe(
      'lofte: Inga lofte-dokument att kontrollera i .: omraden/norr, omraden/soder har var sin lofte.config.yaml och är egna förråd, och ett förråd kontrolleras för sig. Kör t.ex. `lofte report omraden/norr --out <mapp>`.\n',
    );
    expect(existsSync(path.join(dir, 'sajt'))).toBe(false);
    const links = spawnCli(['links', ...AS_OF], { cwd: dir });
    expect(links).toMatchObject({ code: 2, stdout: '' });
    expect(links.stderr).toContain('Kör t.ex. `lofte links omraden/norr`.');
    const exported = spawnCli(['export', '--out', 'data', ...AS_OF], { cwd: dir });
    expect(exported).toMatchObject({ code: 2, stdout: '' });
    expect(exported.stderr).toContain('Kör t.ex. `lofte export omraden/norr --out <mapp>`.');
    expect(existsSync(path.join(dir, 'data'))).toBe(false);
    // An empty folder: the sentence without repositories, and still no site.
    const empty = path.join(dir, 'tom');
    mkdirSync(empty);
    const none = spawnCli(['report', '--out', 'sajt', ...AS_OF], { cwd: empty });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Inga lofte-dokument att kontrollera i . (tom mapp,');
    expect(existsSync(path.join(empty, 'sajt'))).toBe(false);
  });

  it('inside the folder checked, they are left out, and an empty rest still says there was nothing, with no repository to name', () => {
    const dir = twoRepositories('tva-forrad-tomt');
    const r = spawnCli(['validate', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('omraden/norr, omraden/soder har var sin lofte.config.yaml');
    const empty = path.join(dir, 'tom');
    mkdirSync(empty);
    const none = spawnCli(['validate', 'tom', ...AS_OF], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Inga lofte-dokument att kontrollera i tom (tom mapp,');
  });
});

describe('a repository with lofte.config.yaml in a parent folder', () => {
  it('is found from a nested folder and applies the config', () => {
    const dir = path.join(tmp, 'med-config');
    cpSync(path.join(repo), dir, { recursive: true, filter: (p) => !p.includes(`${path.sep}.git`) });
    // The config sits one level above the folder lofte is run from.
    writeFileSync(path.join(dir, 'lofte.config.yaml'), 'sprak: en\nignorera:\n  - problembilder/gammal.yaml\n');
    writeFileSync(path.join(dir, 'problembilder', 'gammal.yaml'), 'apiVersion: lofte/v1\nkind: Aktor\n');
    const r = spawnCli(['validate', ...AS_OF], { cwd: path.join(dir, 'problembilder') });
    expect(r.stdout).toBe('✔ No errors or warnings (1 file checked).\n');
    expect(r.code).toBe(0);
  });
});

describe('conventions', () => {
  const warnings = path.join(example('..'), 'test', 'fixtures', 'warnings');

  it('--quiet shows errors only', () => {
    const r = spawnCli(['validate', warnings, '--quiet', '--as-of', '2026-11-24']);
    expect(r.stdout).not.toContain('varning ');
    expect(r.stderr).toBe('lofte: 10 varningar visas inte (--quiet).\n');
    expect(r.code).toBe(0);
  });

  it('says why warnings failed the run', () => {
    const strict = spawnCli(['validate', warnings, '--strict', '--as-of', '2026-11-24']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('lofte: Körningen misslyckades på 10 varningar eftersom --strict är satt.\n');
    const max = spawnCli(['validate', warnings, '--max-warnings', '3', '--as-of', '2026-11-24']);
    expect(max.code).toBe(1);
    expect(max.stderr).toBe('lofte: Körningen misslyckades: 10 varningar är fler än --max-warnings 3.\n');
  });

  it('honours FORCE_COLOR in a pipe (and FORCE_COLOR=0)', () => {
    const r = spawnCli(['validate', warnings, '--as-of', '2026-11-24'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[');
    const off = spawnCli(['validate', warnings, '--as-of', '2026-11-24'], { env: { FORCE_COLOR: '0' } });
    expect(off.stdout).not.toContain('\u001b[');
  });
});
