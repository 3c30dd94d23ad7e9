// The pre-check that keeps `git ls-files` from running at every start: it never says "not ignored"
// where git says ignored, and git runs only when something in the walk may be ignored.

import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignoreHint, plainPatterns } from '../src/cli/git-ignore-hint.js';
import { ROOT, spawnCli } from './helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'lofte-gitignore-'));
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmp } });
// The hint reads the user's own config and global ignore file: here an empty home of its own.
const env = { HOME: tmp, PATH: process.env['PATH'] ?? '' };

function repo(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  git(dir, 'init', '-q');
  return dir;
}

describe('plain ignore patterns', () => {
  it('reads names, * and a leading or trailing slash; anything else is not plain', () => {
    expect(plainPatterns('# note\n\nsite/\n/build\n*.log\n')?.map((p) => [p.name.source, p.anchored, p.dirOnly])).toEqual([
      ['^site$', false, true],
      ['^build$', true, false],
      ['^[^/]*\\.log$', false, false],
    ]);
    for (const text of ['!keep.yaml\n', 'a/b\n', '**/x\n', 'x?\n', '[ab]\n', 'trailing \n', '\\#x\n', 'x\r\n']) expect(plainPatterns(text), text).toBeUndefined();
  });
});

describe('the hint against git', () => {
  it('says "may be ignored" for every path git ignores, at any depth, with nested and repository-wide ignore files', () => {
    const files: Record<string, string> = {
      '.gitignore': 'site/\n/build\n*.log\ntmp\n',
      'a/.gitignore': '/lokal.yaml\nutkast/\n',
      'a/lokal.yaml': 'x', 'a/b/lokal.yaml': 'x', 'a/utkast/x.yaml': 'x', 'a/b/utkast/y.yaml': 'x',
      'site/index.html': 'x', 'a/site': 'x', 'build/x.yaml': 'x', 'a/build/x.yaml': 'x',
      'x.log': 'x', 'a/b/y.log': 'x', 'tmp/z.yaml': 'x', 'a/tmp': 'x', 'ok.yaml': 'x', 'a/ok.yaml': 'x', 'privat.yaml': 'x',
    };
    const dir = repo('compare', files);
    writeFileSync(path.join(dir, '.git', 'info', 'exclude'), 'privat.yaml\n');
    const ignored = git(dir, 'ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z').split('\0').filter(Boolean);
    expect(ignored.length).toBeGreaterThan(8);
    const hint = ignoreHint(dir, env);
    expect(hint).toBeDefined();
    for (const rel of ignored) expect(hint?.(path.join(dir, rel), rel.endsWith('/')), rel).toBe(true);
    // And it tells plain paths apart: nothing matches these.
    for (const rel of ['ok.yaml', 'a/ok.yaml', 'a/b/lokal.yaml', 'a/build/x.yaml']) expect(hint?.(path.join(dir, rel), false), rel).toBe(false);
  });

  it('asks git for what it cannot read plainly: a negation, a configured excludes file, git settings in the environment', () => {
    const negated = repo('negated', { '.gitignore': 'utkast/\n', 'a/.gitignore': '!viktig.yaml\n' });
    const hint = ignoreHint(negated, env);
    expect(hint?.(path.join(negated, 'a', 'x.yaml'), false)).toBe(true);
    expect(hint?.(path.join(negated, 'b.yaml'), false)).toBe(false);
    const configured = repo('configured', { '.gitignore': 'site/\n' });
    git(configured, 'config', 'core.excludesFile', path.join(tmp, 'egna-undantag'));
    expect(ignoreHint(configured, env)).toBeUndefined();
    expect(ignoreHint(negated, { ...env, GIT_DIR: path.join(negated, '.git') })).toBeUndefined();
  });
});

describe('git runs only when something may be ignored', () => {
  /** A `git` first on PATH that notes each call and hands it to the real git. */
  function recordingGit(): { binDir: string; log: string } {
    const binDir = path.join(tmp, 'bin');
    const log = path.join(tmp, 'git-calls.log');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    mkdirSync(binDir, { recursive: true });
    writeFileSync(path.join(binDir, 'git'), `#!/bin/sh\necho "$@" >> ${JSON.stringify(log)}\nexec ${JSON.stringify(real)} "$@"\n`);
    chmodSync(path.join(binDir, 'git'), 0o755);
    return { binDir, log };
  }

  it('validate in a repository whose ignore files match nothing starts no git; one with an ignored folder asks git once and skips it', () => {
    const { binDir, log } = recordingGit();
    const dir = path.join(tmp, 'park');
    mkdirSync(dir);
    for (const f of ['aktorer.yaml', 'medborgarlofte-2026-2027.yaml', 'problembild-narkotika-stadsparken.yaml', 'uppfoljning-2026-06-30.yaml']) cpSync(path.join(ROOT, 'examples', 'parken', f), path.join(dir, f));
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\nsite/\n');
    git(dir, 'init', '-q');
    const run = () => spawnCli(['validate', '--as-of', '2026-11-24'], { cwd: dir, env: { ...env, PATH: `${binDir}${path.delimiter}${env.PATH}` } });
    const clean = run();
    expect(clean.stdout).toContain('Inga fel eller varningar (4 filer kontrollerade)');
    expect(existsSync(log)).toBe(false);
    mkdirSync(path.join(dir, 'site'));
    writeFileSync(path.join(dir, 'site', 'trasig.yaml'), 'apiVersion: lofte/v1\nkind: Aktor\nid: x\n');
    const withSite = run();
    expect(withSite.stdout).toContain('Inga fel eller varningar (4 filer kontrollerade)');
    expect(readFileSync(log, 'utf8')).toBe('ls-files --others --ignored --exclude-standard --directory -z\n');
  }, 60_000);
});
