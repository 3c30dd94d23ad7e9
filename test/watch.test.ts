// Watch mode, as a user runs it: change a file, see the new result, stop with Ctrl-C.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync, symlinkSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function start(args: string[], cwd: string) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'lofte.js'), ...args], { cwd, env: { PATH: process.env['PATH'] ?? '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (test: () => boolean, what: string, ms = 30_000): Promise<void> => {
    const t0 = Date.now();
    while (!test()) {
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}\nstdout: ${stdout}\nstderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { child, exited, waitFor, out: () => stdout, err: () => stderr };
}

describe('--watch', () => {
  it('validate: sees a new mistake, then its fix, and stops cleanly on Ctrl-C', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-watch-'));
    cpSync(path.join(ROOT, 'examples', 'parken'), dir, { recursive: true });
    const w = start(['validate', '.', '--watch', '--as-of', '2026-11-24'], dir);
    await w.waitFor(() => w.out().includes('✔ Inga fel eller varningar'), 'the first result');
    await w.waitFor(() => w.err().includes('Bevakar filerna'), 'the watcher');
    const file = path.join(dir, 'medborgarlofte-2026-2027.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('ansvarig: lpo-hallsberg', 'ansvarig: lpo-halsberg'));
    await w.waitFor(() => w.out().includes('unresolved-reference'), 'the new mistake');
    writeFileSync(file, original);
    await w.waitFor(() => w.out().split('✔ Inga fel eller varningar').length === 3, 'the fix');
    // A folder made while watching is watched too.
    mkdirSync(path.join(dir, 'ny'));
    writeFileSync(path.join(dir, 'ny', 'aktor.yaml'), 'apiVersion: lofte/v1\nkind: Aktor\nid: ny-aktor\nnamn: Ny\ntyp: okand\n');
    await w.waitFor(() => w.out().includes('ny/aktor.yaml'), 'the file in the new folder');
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
  }, 90_000);

  /** `lofte report repo … --watch` on a copy of examples/parken, once its first site is written and its watcher is up. */
  const watchedReport = async (args: string[], firstSite: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-watch-rep-'));
    cpSync(path.join(ROOT, 'examples', 'parken'), path.join(dir, 'repo'), { recursive: true });
    const w = start(['report', 'repo', ...args, '--watch', '--as-of', '2026-11-24'], dir);
    await w.waitFor(() => w.out().includes(firstSite), 'the first site');
    await w.waitFor(() => w.err().includes('Bevakar filerna'), 'the watcher');
    return { dir, w, file: path.join(dir, 'repo', 'medborgarlofte-2026-2027.yaml') };
  };

  it('report with nothing to check writes no site of nothing: it says so, keeps watching, and writes the site when the files come', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-watch-rep-tom-'));
    mkdirSync(path.join(dir, 'repo'));
    writeFileSync(path.join(dir, 'repo', 'lofte.config.yaml'), '# tom\n');
    const w = start(['report', 'repo', '--out', 'site', '--watch', '--as-of', '2026-11-24'], dir);
    await w.waitFor(() => w.err().includes('Inga lofte-dokument att kontrollera i repo'), 'the sentence');
    await w.waitFor(() => w.err().includes('Bevakar filerna'), 'the watcher');
    expect(existsSync(path.join(dir, 'site'))).toBe(false);
    cpSync(path.join(ROOT, 'examples', 'parken'), path.join(dir, 'repo'), { recursive: true });
    await w.waitFor(() => w.out().includes('Skrev 5 sidor'), 'the site');
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
  }, 90_000);

  it('report: writes the site again after a change, and keeps running through errors', async () => {
    const { dir, w, file } = await watchedReport(['--out', 'site'], 'Skrev 5 sidor');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('giltighet:', 'giltighet:\n  felstavat: ja\n  '));
    await w.waitFor(() => w.err().includes('Rapporten skrevs inte'), 'the error');
    writeFileSync(file, original.replace(/^titel: .*$/m, 'titel: Ny titel för Laxå'));
    // The accessibility statement does not name the title: it stays as it was.
    await w.waitFor(() => w.out().includes('Skrev 4 sidor'), 'the second site');
    expect(readFileSync(path.join(dir, 'site', 'medborgarloften', 'laxa-medborgarloften-2026-2027.html'), 'utf8')).toContain('<h1>Ny titel för Laxå</h1>');
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
  }, 90_000);

  it('report: its own pages inside the watched folder are not changes (Markdown pages would loop)', async () => {
    const { w, file } = await watchedReport(['--out', 'repo/site', '--format', 'both'], 'Skrev 10 sidor');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# en kommentar\n`);
    // A comment changes no page: the second site is the first, left as it is.
    await w.waitFor(() => w.out().includes('Skrev 0 sidor') && w.out().includes('var desamma'), 'the second site');
    expect(w.out()).toContain('10 sidor var desamma som förra gången och fick stå kvar.');
    // Writing the second site must not start a third.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(w.out().split('Skrev ').length).toBe(3);
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
  }, 90_000);
});

describe('ValidationSession', () => {
  /** A session on a fresh copy of an example repository. */
  const sessionOnCopy = async () => {
    const { ValidationSession, validateRepository } = await import('../src/validate.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-session-'));
    cpSync(path.join(ROOT, 'examples', 'vastra-blekinge'), dir, { recursive: true });
    const options = { cwd: dir, paths: ['.'], asOf: '2026-11-24' };
    return { dir, session: new ValidationSession(options), fresh: async () => (await validateRepository(options)).diagnostics };
  };

  it('reads again only the files that changed, with the same result as a fresh run', async () => {
    const { dir, session, fresh } = await sessionOnCopy();
    expect((await session.run()).reread).toBe(11);
    expect((await session.run()).reread).toBe(0);
    const file = path.join(dir, 'aktorer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kommunkod: "1060"', 'kommunkod: "1061"'));
    const again = await session.run();
    expect(again.reread).toBe(1);
    expect(again.diagnostics.map((d) => d.rule)).toEqual(['unknown-kommunkod']);
    expect(again.diagnostics).toEqual(await fresh());
  });

  it('repository rules that remember per document see a change in the document another one names', async () => {
    const { dir, session, fresh } = await sessionOnCopy();
    await session.run();
    const doc = path.join(dir, 'medborgarlofte-solvesborg-2026-2027.yaml');
    const original = readFileSync(doc, 'utf8');
    // The follow-ups still report on `trafikkontroller-centrum`, which the document no longer has.
    writeFileSync(doc, original.replace('  - id: trafikkontroller-centrum', '  - id: trafikkontroller-torget'));
    const renamed = await session.run(new Set([doc]));
    expect(renamed.diagnostics.filter((d) => d.rule === 'follow-up-unknown-promise').map((d) => d.file)).toEqual(['uppfoljning-solvesborg-2026-06-30.yaml']);
    expect(renamed.diagnostics).toEqual(await fresh());
    // One actor responsible for every promise, with no other actor taking part.
    writeFileSync(doc, original.replace(/ansvarig: solvesborgs-kommun/g, 'ansvarig: lpo-vastra-blekinge').replace(/\n {4}medverkande:\n(?: {6}- .*\n)+/g, '\n'));
    const oneActor = await session.run(new Set([doc]));
    expect(oneActor.diagnostics.map((d) => d.rule)).toContain('one-party');
    expect(oneActor.diagnostics.map((d) => d.rule)).not.toContain('follow-up-unknown-promise');
    expect(oneActor.diagnostics).toEqual(await fresh());
    writeFileSync(doc, original);
    expect((await session.run(new Set([doc]))).diagnostics).toEqual([]);
  });

  it('told which files changed (as watch mode is), reads only those, and finds new and removed files', async () => {
    const { dir, session, fresh } = await sessionOnCopy();
    await session.run();
    const aktorer = path.join(dir, 'aktorer.yaml');
    writeFileSync(aktorer, readFileSync(aktorer, 'utf8').replace('kommunkod: "1060"', 'kommunkod: "1061"'));
    const edited = await session.run(new Set([aktorer]));
    expect(edited.reread).toBe(1);
    expect(edited.diagnostics.map((d) => d.rule)).toEqual(['unknown-kommunkod']);
    // A new file: the session discovers again and reads only it.
    const added = path.join(dir, 'ny.yaml');
    writeFileSync(added, 'apiVersion: lofte/v1\nkind: Aktor\nid: ny-aktor\nnamn: Ny\ntyp: ovrig\nkontakt: [\n');
    const withNew = await session.run(new Set([added]));
    expect(withNew.reread).toBe(1);
    expect(withNew.diagnostics.map((d) => [d.file, d.rule])).toContainEqual(['ny.yaml', 'yaml-syntax']);
    // A removed file: its findings go with it.
    rmSync(added);
    const removed = await session.run(new Set([added]));
    expect(removed.reread).toBe(0);
    expect(removed.diagnostics).toEqual(await fresh());
    // A changed path the session cannot place (another spelling of a file) makes it compare every stamp.
    writeFileSync(aktorer, readFileSync(aktorer, 'utf8').replace('kommunkod: "1061"', 'kommunkod: "1060"'));
    const link = mkdtempSync(path.join(os.tmpdir(), 'lofte-link-'));
    symlinkSync(dir, path.join(link, 'repo'));
    const unplaced = await session.run(new Set([path.join(link, 'repo', 'aktorer.yaml')]));
    expect(unplaced.reread).toBe(1);
    expect(unplaced.diagnostics).toEqual([]);
  });
});

describe('progress', () => {
  it('shows a progress line at a terminal for long runs, never in CI or a pipe', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-progress-'));
    for (let i = 0; i < 250; i++) writeFileSync(path.join(dir, `a-${i}.yaml`), `apiVersion: lofte/v1\nkind: Aktor\nid: a-${i}\nnamn: Aktör ${i}\ntyp: ovrig\n`);
    const run = async (stderrIsTTY: boolean, env: Record<string, string>): Promise<string> => {
      let stderr = '';
      const { run: cli } = await import('../src/cli/run.js');
      await cli(['validate', dir], { stdout: () => undefined, stderr: (s) => void (stderr += s), cwd: ROOT, env, stdoutIsTTY: false, stderrIsTTY, now: () => new Date() });
      return stderr;
    };
    expect(await run(true, {})).toContain('\rLäser filer: 100/250');
    expect(await run(true, { CI: 'true' })).toBe('');
    expect(await run(false, {})).toBe('');
  });
});
