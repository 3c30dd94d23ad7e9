// The pre-commit framework's hook definition runs the real command on changed files.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { example, ROOT } from './helpers.js';

describe('.pre-commit-hooks.yaml', () => {
  it('defines lofte-validate with the package’s own bin, for YAML and Markdown files', () => {
    const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    const hook = hooks.find((h) => h.id === 'lofte-validate');
    expect(hook?.language).toBe('node');
    expect(hook?.entry.split(' ')[0]).toBe(Object.keys(pkg.bin)[0]);
    expect(hook?.entry).toBe('lofte validate');
    const files = new RegExp(hook?.files ?? '$^');
    expect(['a.yaml', 'b.yml', 'c.md'].every((f) => files.test(f))).toBe(true);
    expect(files.test('d.json')).toBe(false);
  });
});

// The real pre-commit (Debian's package; .ci/run installs it) installs the hook from a clone at a
// commit, as a user's `rev:` names one, and runs it on the changed file only. What it installs is
// this repository's last commit (HEAD), built the way pre-commit builds it: `npm install` in the
// clone (which runs `prepare`), `npm pack`, `npm install -g` of the tarball. The npm registry is
// needed for the dependencies; node and npm are the machine's (language_version system).
const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!preCommit)('the hook, installed and run by pre-commit', () => {
  it('installs from a clean clone at a commit and catches an id renamed in a named file', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'lofte-pre-commit-'));
    try {
      const git = (cwd: string, ...args: string[]): string =>
        execFileSync('git', ['-c', 'user.email=test@example.org', '-c', 'user.name=Test', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
      const hookRepo = path.join(tmp, 'lofte');
      git(tmp, 'clone', '-q', ROOT, hookRepo);
      const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();
      const user = path.join(tmp, 'loften');
      mkdirSync(path.join(user, 'aktorer'), { recursive: true });
      mkdirSync(path.join(user, 'medborgarloften'), { recursive: true });
      cpSync(example('parken', 'aktorer.yaml'), path.join(user, 'aktorer', 'aktorer.yaml'));
      cpSync(example('parken', 'medborgarlofte-2026-2027.yaml'), path.join(user, 'medborgarloften', 'medborgarlofte-2026-2027.yaml'));
      cpSync(example('parken', 'problembild-narkotika-stadsparken.yaml'), path.join(user, 'medborgarloften', 'problembild.yaml'));
      cpSync(example('parken', 'uppfoljning-2026-06-30.yaml'), path.join(user, 'medborgarloften', 'uppfoljning.yaml'));
      writeFileSync(
        path.join(user, '.pre-commit-config.yaml'),
        `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: lofte-validate\n        args: [--as-of, '2026-09-01']\n`,
      );
      git(user, 'init', '-q');
      git(user, 'add', '-A');
      git(user, 'commit', '-qm', 'start');
      const env = { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'cache'), PRE_COMMIT_COLOR: 'never' };
      const run = () => spawnSync('pre-commit', ['run', '--files', 'aktorer/aktorer.yaml'], { cwd: user, env, encoding: 'utf8', timeout: 900_000 });
      const clean = run();
      expect(clean.stdout + clean.stderr).toMatch(/lofte validate\.+Passed/);
      expect(clean.status).toBe(0);
      const file = path.join(user, 'aktorer', 'aktorer.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('id: laxa-kommun', 'id: kommunen'));
      git(user, 'add', '-A');
      const renamed = run();
      expect(renamed.status).toBe(1);
      expect(renamed.stdout).toContain('medborgarloften/medborgarlofte-2026-2027.yaml');
      expect(renamed.stdout).toContain('`laxa-kommun` finns inte');
      expect(renamed.stdout).toContain('7 fel');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 1_200_000);
});
