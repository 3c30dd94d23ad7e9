// lofte report and the user's files: what it refuses to touch, and what a refusal leaves on disk.
// Each case snapshots the whole test folder (also outside --out) before and after, byte for byte;
// the generous per-test timeout is the hang bound.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, promises as fs, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputMessage } from '../src/cli/options.js';
import { JOURNAL, LOCK, MANIFEST, recover, writeSite, type FaultPoint } from '../src/report/write.js';
import { OutputError } from '../src/util/output-error.js';
import { example, ROOT, runCli } from './helpers.js';

const BOUND = 30_000;
const BIN = path.join(ROOT, 'bin', 'lofte.js');
const SRC = example('vastra-blekinge');
const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lofte-safety-'));

/** Everything under `root`: file bytes, link targets and folders, without following a link. */
async function snapshot(root: string, dir = '', into = new Map<string, string>()): Promise<Map<string, string>> {
  for (const e of (await fs.readdir(path.join(root, dir), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    const abs = path.join(root, rel);
    if (e.isSymbolicLink()) into.set(rel, `link -> ${await fs.readlink(abs)}`);
    else if (e.isDirectory()) {
      into.set(rel, 'folder');
      await snapshot(root, rel, into);
    } else into.set(rel, `file ${(await fs.readFile(abs)).toString('base64')}`);
  }
  return into;
}

const report = (out: string, ...extra: string[]) => runCli(['report', SRC, '--out', out, '--as-of', '2026-11-24', ...extra]);
const sv = (e: OutputError): string => `lofte: ${outputMessage('sv', e)}\n`;

/** A test folder with a published site in `site/` and a folder `outside/` next to it. */
async function published(): Promise<{ box: string; out: string; outside: string }> {
  const box = tmp();
  const out = path.join(box, 'site');
  const outside = path.join(box, 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'viktig.html'), '<p>inte lofte</p>\n');
  expect((await report(out)).code).toBe(0);
  return { box, out, outside };
}

describe('never over a file lofte did not write', () => {
  it('a hand-written index.html in --out stops the run: named, exit 2, nothing changed', async () => {
    const box = tmp();
    const out = path.join(box, 'site');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), '<h1>Vår egen startsida</h1>\n');
    const before = await snapshot(box);
    const r = await report(out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `lofte: ${path.join(out, 'index.html')} finns redan men skrevs inte av lofte (den står inte i .lofte-manifest.json), och lofte skriver aldrig över andras filer. Flytta eller ta bort den, eller välj en annan --out. Inget ändrades.\n`,
    );
    expect(r.stdout).toBe('');
    expect(await snapshot(box)).toEqual(before);
  }, BOUND);

  it('a page lofte wrote (in its manifest) is replaced; a file of the user next to it is not touched', async () => {
    const { box, out } = await published();
    writeFileSync(path.join(out, 'egen.html'), 'min\n');
    const page = path.join(out, 'index.html');
    writeFileSync(page, 'ändrad');
    expect((await report(out)).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(path.join(out, 'egen.html'), 'utf8')).toBe('min\n');
    expect(existsSync(box)).toBe(true);
  }, BOUND);

  it('report . --out . --format md does not overwrite a source kept as medborgarloften/<id>.md', async () => {
    const repo = tmp();
    mkdirSync(path.join(repo, '.git'));
    cpSync(SRC, repo, { recursive: true });
    mkdirSync(path.join(repo, 'medborgarloften'));
    const doc = path.join(repo, 'medborgarlofte-solvesborg-2026-2027.yaml');
    writeFileSync(path.join(repo, 'medborgarloften', 'solvesborg-2026-2027.md'), `---\n${readFileSync(doc, 'utf8')}---\n\nLöftet i text.\n`);
    await fs.rm(doc);
    expect((await runCli(['validate', '.', '--as-of', '2026-11-24'], { cwd: repo })).code).not.toBe(2);
    const before = await snapshot(repo);
    // The repository root is refused unless the user says so …
    const refused = await runCli(['report', '.', '--out', '.', '--format', 'md', '--as-of', '2026-11-24'], { cwd: repo });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`lofte: --out ${repo} är förrådets rot, eller en mapp som innehåller det som kontrolleras (${repo}).`);
    expect(refused.stderr).toContain('--allow-repo-root');
    expect(await snapshot(repo)).toEqual(before);
    // … and when the user says so, the source document is still not overwritten.
    const r = await runCli(['report', '.', '--out', '.', '--format', 'md', '--as-of', '2026-11-24', '--allow-repo-root'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lofte: ${path.join(repo, 'medborgarloften', 'solvesborg-2026-2027.md')} finns redan men skrevs inte av lofte`);
    expect(await snapshot(repo)).toEqual(before);
  }, BOUND);
});

describe('never through a symbolic link, never trusting the manifest or the journal', () => {
  it('a symlinked folder inside --out stops the run, and nothing is written where it points', async () => {
    const { box, out, outside } = await published();
    await fs.rm(path.join(out, 'medborgarloften'), { recursive: true });
    symlinkSync(outside, path.join(out, 'medborgarloften'));
    const before = await snapshot(box);
    const r = await report(out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `lofte: ${path.join(out, 'medborgarloften')} är en symbolisk länk, och lofte skriver, flyttar eller tar aldrig bort något genom en länk. Ersätt länken med en vanlig mapp, eller välj en annan --out. Inget ändrades.\n`,
    );
    expect(await snapshot(box)).toEqual(before);
  }, BOUND);

  it('a page that is a link to a file outside is not written through', async () => {
    const { box, out, outside } = await published();
    await fs.rm(path.join(out, 'index.html'));
    symlinkSync(path.join(outside, 'viktig.html'), path.join(out, 'index.html'));
    const before = await snapshot(box);
    const r = await report(out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lofte: ${path.join(out, 'index.html')} är en symbolisk länk`);
    expect(await snapshot(box)).toEqual(before);
  }, BOUND);

  it('a manifest that is a link is not written through', async () => {
    const { box, out, outside } = await published();
    const manifest = path.join(out, MANIFEST);
    await fs.rename(manifest, path.join(outside, 'manifest.json'));
    symlinkSync(path.join(outside, 'manifest.json'), manifest);
    const before = await snapshot(box);
    const r = await report(out, '--as-of', '2026-12-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lofte: ${manifest} är en symbolisk länk, och lofte skriver, flyttar eller tar aldrig bort något genom en länk.`);
    expect(await snapshot(box)).toEqual(before);
  }, BOUND);

  it('a forged manifest cannot make lofte remove files outside --out, or through a link', async () => {
    const { box, out, outside } = await published();
    symlinkSync(outside, path.join(out, 'gammal'));
    writeFileSync(
      path.join(out, MANIFEST),
      JSON.stringify({
        files: [...readdirSync(out).filter((f) => f.endsWith('.html')), ...readdirSync(path.join(out, 'medborgarloften')).map((f) => `medborgarloften/${f}`), ...readdirSync(path.join(out, 'data')).map((f) => `data/${f}`), 'gammal/viktig.html', '../outside/viktig.html', '/etc/hostname.html'],
      }),
    );
    const r = await report(out);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(outside, 'viktig.html'), 'utf8')).toBe('<p>inte lofte</p>\n');
    expect((await fs.lstat(path.join(out, 'gammal'))).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(box, 'outside', 'viktig.html'))).toBe(true);
  }, BOUND);

  it('a forged swap journal cannot move or remove files outside --out', async () => {
    const { box, out, outside } = await published();
    const staging = '.lofte-staging-abc123';
    mkdirSync(path.join(out, staging, 'ut'), { recursive: true });
    writeFileSync(path.join(out, staging, 'ut', 'ny.html'), 'planterad\n');
    writeFileSync(path.join(out, staging, MANIFEST), '{"files":["ut/ny.html"]}\n');
    symlinkSync(outside, path.join(out, 'ut'));
    writeFileSync(path.join(out, JOURNAL), JSON.stringify({ staging, files: ['ut/ny.html', '../outside/x.html'], remove: ['ut/viktig.html', '../outside/viktig.html'], dirs: [] }));
    // A staging folder that is a link to the outside, and a journal temp file that is one.
    symlinkSync(outside, path.join(out, '.lofte-staging-zzzzzz'));
    const before = await snapshot(path.join(box, 'outside'));
    expect(recover(out)).toBe('rolled-back');
    expect(await snapshot(path.join(box, 'outside'))).toEqual(before);
    expect((await fs.lstat(path.join(out, 'ut'))).isSymbolicLink()).toBe(true);
    expect(readdirSync(out).filter((f) => f.startsWith('.lofte-staging') || f === JOURNAL)).toEqual([]);
    // A journal that points its staging folder through a link is not one.
    symlinkSync(outside, path.join(out, '.lofte-staging-link00'));
    writeFileSync(path.join(out, JOURNAL), JSON.stringify({ staging: '.lofte-staging-link00', files: ['viktig.html'], remove: [], dirs: [] }));
    expect(recover(out)).toBeUndefined();
    expect(await snapshot(path.join(box, 'outside'))).toEqual(before);
    expect((await report(out)).code).toBe(0);
  }, BOUND);
});

describe('filters and options', () => {
  it('an unknown --status is a usage error that lists the allowed values', async () => {
    const box = tmp();
    const r = await report(path.join(box, 'site'), '--status', 'publicerat');
    expect(r).toEqual({ code: 2, stdout: '', stderr: "lofte: ogiltigt värde 'publicerat' för '--status <status>'. Tillåtna värden: utkast, beslutad, publicerad, avslutad.\n" });
    expect(readdirSync(box)).toEqual([]);
  }, BOUND);

  it.each([
    [['--status', 'utkast'], '--status utkast'],
    [['--lpo', 'lpo-annat'], '--lpo lpo-annat'],
    [['--kommun', 'Laxå'], '--kommun Laxå'],
    [['--id', 'finns-inte'], '--id finns-inte'],
    [['--id', 'solvesborg-2026-2027', '--id', 'solvesborg-2062'], '--id solvesborg-2062'],
  ])('a filter that matches nothing (%j) exits 2 and keeps the site', async (flags, said) => {
    const { box, out } = await published();
    const before = await snapshot(box);
    const r = await report(out, ...flags);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`lofte: Inget medborgarlöfte matchar ${said}. Kontrollera värdena (lofte validate visar vilka medborgarlöften som finns). Inget ändrades.\n`);
    expect(await snapshot(box)).toEqual(before);
  }, BOUND);

  it('refuses --out / and an empty --out', async () => {
    const root = await report('/');
    expect(root).toEqual({ code: 2, stdout: '', stderr: 'lofte: --out / är filsystemets rot: där skriver lofte inte. Ange en egen mapp för webbplatsen, t.ex. --out webbplats. Inget ändrades.\n' });
    const empty = await report('');
    expect(empty).toEqual({ code: 2, stdout: '', stderr: 'lofte: --out är tom. Ange mappen sidorna ska skrivas till, t.ex. --out webbplats. Inget ändrades.\n' });
  }, BOUND);

  it('refuses the repository root (git root, or a folder being checked) unless --allow-repo-root', async () => {
    const repo = tmp();
    mkdirSync(path.join(repo, '.git'));
    cpSync(SRC, path.join(repo, 'loften'), { recursive: true });
    const before = await snapshot(repo);
    for (const [args, source] of [
      [['report', 'loften', '--out', '.'], path.join(repo, 'loften')],
      [['report', 'loften', '--out', 'loften'], path.join(repo, 'loften')],
    ] as const) {
      const r = await runCli([...args, '--as-of', '2026-11-24'], { cwd: path.join(repo) });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`(${source}). Ange en egen mapp för webbplatsen, t.ex. --out webbplats, eller lägg till --allow-repo-root`);
    }
    // From a sub-folder, the git root above is refused too.
    const sub = await runCli(['report', '.', '--out', '..', '--as-of', '2026-11-24'], { cwd: path.join(repo, 'loften') });
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain(`lofte: --out ${repo} är förrådets rot`);
    expect(await snapshot(repo)).toEqual(before);
    const allowed = await runCli(['report', 'loften', '--out', '.', '--allow-repo-root', '--as-of', '2026-11-24'], { cwd: repo });
    expect(allowed.code).toBe(0);
    expect(existsSync(path.join(repo, 'index.html'))).toBe(true);
  }, BOUND);
});

describe('one run at a time: the lock', () => {
  it('a run while another holds the lock refuses, names it, and changes nothing', async () => {
    const { box, out } = await published();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(path.join(out, LOCK), `${other.pid ?? 0}\n`);
      const before = await snapshot(box);
      const r = await report(out, '--as-of', '2026-12-01');
      expect(r.code).toBe(2);
      expect(r.stderr.slice(r.stderr.indexOf('lofte: '))).toBe(
        `lofte: En annan lofte report (process ${other.pid ?? 0}) skriver redan till ${out}. Vänta tills den är klar och kör igen; kör ingen annan lofte, ta bort låsfilen ${path.join(out, LOCK)}. Inget ändrades.\n`,
      );
      expect(await snapshot(box)).toEqual(before);
    } finally {
      other.kill('SIGKILL');
    }
  }, BOUND);

  it('a lock whose owner is dead is taken over, with a note, and released at the end', async () => {
    const { out } = await published();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(path.join(out, LOCK), `${dead}\n`);
    const r = await report(out, '--as-of', '2026-12-01');
    expect(r.code).toBe(0);
    expect(r.stderr.slice(r.stderr.indexOf('lofte: '))).toBe(`lofte: Tog över låset från en tidigare körning (process ${dead}) som inte längre finns.\n`);
    expect(existsSync(path.join(out, LOCK))).toBe(false);
  }, BOUND);

  it('two real runs into one --out: each either publishes or is refused, never a mixed site', async () => {
    const box = tmp();
    const out = path.join(box, 'site');
    const expected = path.join(box, 'expected');
    expect((await report(expected, '--format', 'both')).code).toBe(0);
    const start = (): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, 'report', SRC, '--out', out, '--as-of', '2026-11-24', '--format', 'both'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    for (let round = 0; round < 2; round++) {
      const runs = await Promise.all([start(), start(), start()]);
      for (const r of runs) {
        expect([0, 2], r.stderr).toContain(r.code);
        if (r.code === 2) expect(r.stderr).toContain('skriver redan till');
      }
      expect(runs.some((r) => r.code === 0)).toBe(true);
      expect(await snapshot(out)).toEqual(await snapshot(expected));
    }
  }, 90_000);
});

describe('a swap that fails, and temp files', () => {
  const oldPages: [string, string][] = [['index.html', 'gammal index'], ['medborgarloften/a.html', 'A1'], ['medborgarloften/b.html', 'B1'], ['aktorer.html', 'aktörer']];
  const newPages: [string, string][] = [['index.html', 'ny index'], ['medborgarloften/a.html', 'A2'], ['medborgarloften/c.html', 'C2'], ['nytt/d.html', 'D2']];
  const failAt = (point: FaultPoint, nth: number, code = 'EACCES') => {
    let n = 0;
    return (p: FaultPoint): void => {
      if (p === point && ++n >= nth) throw Object.assign(new Error(`${code}: injected`), { code });
    };
  };
  const site = async (): Promise<{ box: string; out: string }> => {
    const box = tmp();
    const out = path.join(box, 'site');
    await writeSite(out, oldPages);
    return { box, out };
  };

  it('a full disk while the journal is written: refused with its path, no *.tmp left, the old site intact', async () => {
    const { box, out } = await site();
    const before = await snapshot(box);
    const err = await writeSite(out, newPages, { faultAt: failAt('journal', 1, 'ENOSPC') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect(sv(err as OutputError)).toBe(`lofte: Kan inte skriva till ${out}: disken är full. Frigör utrymme och kör igen. Inget ändrades.\n`);
    expect(await snapshot(box)).toEqual(before);
  }, BOUND);

  it.each([1, 2, 3, 5, 7])('a failure at move %i after the commit point is undone: the old site, byte for byte', async (nth) => {
    const { box, out } = await site();
    const before = await snapshot(box);
    const err = await writeSite(out, newPages, { faultAt: failAt('swap', nth) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).args['state']).toBe('rolled-back');
    expect(sv(err as OutputError)).toMatch(/^lofte: Kan inte flytta till .+: åtkomst nekad\. Ge din användare skrivrätt där, eller välj en annan plats\. Den tidigare webbplatsen är återställd\.\n$/);
    expect(await snapshot(box)).toEqual(before);
    // And the next run, with nothing in the way, publishes.
    await writeSite(out, newPages);
    expect([...(await snapshot(out)).keys()]).toEqual([MANIFEST, 'index.html', 'medborgarloften', 'medborgarloften/a.html', 'medborgarloften/c.html', 'nytt', 'nytt/d.html']);
  }, BOUND);

  it('a swap that can be neither finished nor undone keeps its journal, says so, and the next run converges', async () => {
    const { box, out } = await site();
    let swaps = 0;
    const broken = (p: FaultPoint): void => {
      if ((p === 'swap' && ++swaps >= 3) || p === 'rollback') throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
    };
    const err = await writeSite(out, newPages, { faultAt: broken }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect(sv(err as OutputError)).toBe(
      `lofte: Bytet till den nya webbplatsen i ${out} kunde varken slutföras eller ångras (in- eller utmatningsfel på disken: ${(err as OutputError).args['at']}). Journalen ${path.join(out, JOURNAL)} finns kvar: rätta orsaken och kör igen, så slutför eller ångrar lofte bytet.\n`,
    );
    expect(existsSync(path.join(out, JOURNAL))).toBe(true);
    // The same condition again: still refused the same clear way, nothing lost.
    expect(() => recover(out, { faultAt: (p) => broken(p) })).toThrow(OutputError);
    // The condition gone: the next run finishes the committed swap, then writes its own site.
    const r = await writeSite(out, [['index.html', 'tredje']]);
    expect(r.recovered).toBe('finished');
    expect(await snapshot(out)).toEqual(new Map([[MANIFEST, `file ${Buffer.from('{\n  "generator": "lofte",\n  "files": [\n    "index.html"\n  ]\n}\n').toString('base64')}`], ['index.html', `file ${Buffer.from('tredje').toString('base64')}`]]));
    expect(readdirSync(box)).toEqual(['site']);
  }, BOUND);

  it('a killed swap that cannot be finished is undone by the next run', async () => {
    const { box, out } = await site();
    const before = await snapshot(box);
    // Stopped after two moves, its undoing refused too: the journal stays.
    let swaps = 0;
    const stopped = (p: FaultPoint): void => {
      if ((p === 'swap' && ++swaps > 2) || p === 'rollback') throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
    };
    await expect(writeSite(out, newPages, { faultAt: stopped })).rejects.toMatchObject({ reason: 'swap-stuck' });
    // The next run cannot finish it (a folder refuses the move), so it undoes it.
    expect(recover(out, { faultAt: failAt('swap', 1) })).toBe('rolled-back');
    expect(await snapshot(box)).toEqual(before);
  }, BOUND);
});

describe('user and environment mistakes are refusals, not bugs', () => {
  it('--out naming a file, or a folder under a file', async () => {
    const box = tmp();
    writeFileSync(path.join(box, 'fil'), 'x');
    const before = await snapshot(box);
    for (const out of [path.join(box, 'fil'), path.join(box, 'fil', 'site')]) {
      const r = await report(out);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `lofte: ${path.join(box, 'fil')} är en fil, inte en mapp. Ange en mapp, eller flytta undan filen. Inget ändrades.\n` });
    }
    expect(await snapshot(box)).toEqual(before);
  }, BOUND);

  it('a read-only parent folder', async () => {
    if (process.getuid?.() === 0) {
      // root may write anywhere a mode allows: a file system that refuses is /proc.
      const r = await report('/proc/lofte-test/site');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^lofte: Kan inte skapa mappen \/proc\/lofte-test: .+ Inget ändrades\.\n$/);
      return;
    }
    const box = tmp();
    const parent = path.join(box, 'skrivskyddad');
    mkdirSync(parent, 0o555);
    const r = await report(path.join(parent, 'site'));
    expect(r).toEqual({ code: 2, stdout: '', stderr: `lofte: Kan inte skapa mappen ${path.join(parent, 'site')}: åtkomst nekad. Ge din användare skrivrätt där, eller välj en annan plats. Inget ändrades.\n` });
    expect(readdirSync(parent)).toEqual([]);
  }, BOUND);

  it('validate --format json=<folder>: refused, and no <folder>.<pid>.tmp left behind', async () => {
    const box = tmp();
    mkdirSync(path.join(box, 'mapp'));
    const before = await snapshot(box);
    const r = await runCli(['validate', SRC, '--format', `json=${path.join(box, 'mapp')}`, '--as-of', '2026-11-24']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `lofte: ${path.join(box, 'mapp')} är en mapp, inte en fil. Ange ett filnamn, t.ex. ${path.join(box, 'mapp')}/lofte.json. Inget ändrades.\n` });
    expect(await snapshot(box)).toEqual(before);
  }, BOUND);

  it('validate --format json=<file under a file>, and a full disk (/dev/full)', async () => {
    const box = tmp();
    writeFileSync(path.join(box, 'fil'), 'x');
    const before = await snapshot(box);
    const under = await runCli(['validate', SRC, '--format', `json=${path.join(box, 'fil', 'ut.json')}`, '--as-of', '2026-11-24']);
    expect(under).toEqual({
      code: 2,
      stdout: '',
      stderr: `lofte: Kan inte skriva till ${path.join(box, 'fil', 'ut.json')}: en del av sökvägen är en fil, inte en mapp. Kontrollera sökvägen. Inget ändrades.\n`,
    });
    expect(await snapshot(box)).toEqual(before);
    if (existsSync('/dev/full')) {
      const full = await runCli(['validate', SRC, '--format', 'json=/dev/full', '--as-of', '2026-11-24']);
      expect(full).toEqual({ code: 2, stdout: '', stderr: 'lofte: Kan inte skriva till /dev/full: disken är full. Frigör utrymme och kör igen. Inget ändrades.\n' });
      expect((await fs.lstat('/dev/full')).isCharacterDevice()).toBe(true);
    }
  }, BOUND);

  it('report --out /proc/x ends at once with a refusal (no endless retry), as a real process', async () => {
    if (!existsSync('/proc/self')) return;
    const r = spawnSync(process.execPath, [BIN, 'report', SRC, '--out', '/proc/x', '--as-of', '2026-11-24'], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('lofte: Kan inte skapa mappen /proc/x: mappen finns inte och kan inte skapas där. Kontrollera sökvägen, eller välj en vanlig mapp. Inget ändrades.\n');
  }, BOUND);

  it('a page name that is no safe file name (a silenced schema finding on the id) is refused, not a crash', async () => {
    const box = tmp();
    const src = path.join(box, 'src');
    cpSync(SRC, src, { recursive: true });
    const doc = path.join(src, 'medborgarlofte-solvesborg-2026-2027.yaml');
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('id: solvesborg-2026-2027', '# lofte-disable-next-line schema -- prov\nid: Con_1'));
    for (const f of readdirSync(src)) {
      const file = path.join(src, f);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('medborgarlofte: solvesborg-2026-2027', 'medborgarlofte: Con_1'));
    }
    const before = await snapshot(box);
    const r = await runCli(['report', src, '--out', path.join(box, 'site'), '--as-of', '2026-11-24']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'lofte: Sidan medborgarloften/Con_1.html kan inte skrivas: "Con_1" är inget säkert filnamn (bara a–z, 0–9 och enkla bindestreck, högst 200 tecken, och inget namn som Windows reserverar: con, prn, aux, nul, com1–9, lpt1–9). Ändra id:t i källfilen. Inget ändrades.\n',
    );
    expect(r.stderr).not.toContain('bugg');
    expect(await snapshot(box)).toEqual(before);
    for (const name of ['con', 'nul', 'aux', 'prn', 'com1', 'lpt1']) {
      const out = path.join(box, `w-${name}`);
      await expect(writeSite(out, [['index.html', 'i'], [`medborgarloften/${name}.html`, 'x']])).rejects.toMatchObject({ reason: 'unsafe-page', args: { name } });
      expect(existsSync(out)).toBe(false);
    }
  }, BOUND);
});

describe('a broken installation', () => {
  it('without its style sheet says which of its own files is missing, not that the output folder cannot be written, and makes no folder', () => {
    // lofte as installed, but for templates/ (its report.css among them).
    const install = tmp();
    for (const part of ['bin', 'dist', 'schemas', 'data', 'package.json']) cpSync(path.join(ROOT, part), path.join(install, part), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(install, 'node_modules'), 'dir');
    const out = path.join(tmp(), 'site');
    const r = spawnSync(process.execPath, [path.join(install, 'bin', 'lofte.js'), 'report', SRC, '--out', out, '--as-of', '2026-11-24'], { encoding: 'utf8', timeout: BOUND });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/templates[\\/]report\.css/);
    expect(r.stderr).not.toMatch(/Kan inte skriva|mappen finns inte/);
    expect(existsSync(out)).toBe(false);
  }, BOUND);
});
