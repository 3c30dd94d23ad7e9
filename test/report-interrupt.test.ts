// Nothing lost: lofte report killed at random moments leaves the previous site or the new one, and
// Ctrl-C leaves no temporary files behind.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL, LOCK, MANIFEST } from '../src/report/write.js';
import { ROOT, runCli } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'lofte.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'lofte-kill-'));
const corpus = path.join(work, 'corpus');
const oldSite = path.join(work, 'old');
const newSite = path.join(work, 'new');

/** 150 medborgarlöften cloned from the park example: a report big enough to be killed mid-write. */
function makeCorpus(): void {
  mkdirSync(corpus, { recursive: true });
  for (const f of ['aktorer.yaml', 'problembild-narkotika-stadsparken.yaml']) cpSync(path.join(ROOT, 'examples', 'parken', f), path.join(corpus, f));
  const doc = readFileSync(path.join(ROOT, 'examples', 'parken', 'medborgarlofte-2026-2027.yaml'), 'utf8');
  const follow = readFileSync(path.join(ROOT, 'examples', 'parken', 'uppfoljning-2026-06-30.yaml'), 'utf8');
  for (let i = 0; i < 150; i++) {
    writeFileSync(path.join(corpus, `mbl-${i}.yaml`), doc.replace(/^id: .*$/m, `id: mbl-${i}`).replace(/^titel: (.*)$/m, `titel: $1 (nr ${i})`));
    writeFileSync(path.join(corpus, `upp-${i}.yaml`), follow.replace(/^id: .*$/m, `id: upp-${i}`).replace(/^medborgarlofte: .*$/m, `medborgarlofte: mbl-${i}`));
  }
}

async function tree(root: string, dir = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await fs.readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    // Leftovers of a kill (staging, journal and its temp file, lock), judged separately.
    if (e.name.startsWith('.lofte-staging-') || e.name.startsWith(JOURNAL) || e.name === LOCK) continue;
    if (e.isDirectory()) for (const [k, v] of await tree(root, rel)) out.set(k, v);
    else out.set(rel, await fs.readFile(path.join(root, rel), 'utf8'));
  }
  return out;
}

const same = (a: Map<string, string>, b: Map<string, string>): boolean => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

function startReport(out: string): { child: ReturnType<typeof spawn>; done: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'report', corpus, '--out', out, '--as-of', '2026-11-24', '--format', 'both'], { stdio: 'ignore' });
  return { child, done: new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ? -1 : code))) };
}

describe('report under interruption', () => {
  let oldTree: Map<string, string>;
  let newTree: Map<string, string>;
  let runMs = 1000;

  beforeAll(async () => {
    makeCorpus();
    expect((await runCli(['report', corpus, '--out', oldSite, '--as-of', '2026-07-15', '--format', 'both'])).code).toBe(0);
    // The new site is made by the real process, timed, so the kills below spread over a whole run.
    const t0 = Date.now();
    expect(await startReport(newSite).done).toBe(0);
    runMs = Date.now() - t0;
    oldTree = await tree(oldSite);
    newTree = await tree(newSite);
    expect(oldTree.size).toBeGreaterThan(300);
    expect(same(oldTree, newTree)).toBe(false);
  }, 60_000);

  it('SIGKILL at random moments: the previous site intact or the new one complete, never a mix', async () => {
    const seen = { old: 0, new: 0, committed: 0 };
    let seed = 20261124;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 16; round++) {
      const site = path.join(work, `site-${round}`);
      cpSync(oldSite, site, { recursive: true });
      const { child, done } = startReport(site);
      await new Promise((r) => setTimeout(r, random() * runMs * 1.15));
      child.kill('SIGKILL');
      await done;
      const now = await tree(site);
      if (existsSync(path.join(site, JOURNAL))) {
        // Killed after the commit point: the next run finishes the swap before anything else.
        seen.committed++;
        expect((await runCli(['report', corpus, '--out', site, '--as-of', '2026-11-24', '--format', 'both'])).code).toBe(0);
        expect(same(await tree(site), newTree)).toBe(true);
      } else if (same(now, oldTree)) seen.old++;
      else {
        expect(same(now, newTree), `round ${round}: a mix of old and new`).toBe(true);
        seen.new++;
      }
      // Whatever was left is cleaned up by the next run.
      await runCli(['report', corpus, '--out', site, '--as-of', '2026-11-24', '--format', 'both']);
      expect((await fs.readdir(site)).filter((f) => f.startsWith('.lofte-staging-') || f === JOURNAL || f === LOCK)).toEqual([]);
    }
    console.info('report kill rounds (previous site / new site / killed after commit):', seen);
    // Kills spread over the whole run: the earliest come before the commit point.
    expect(seen.old).toBeGreaterThan(0);
  }, 240_000);

  /**
   * The built writer in a process of its own, writing the new site's pages into `site`, killed
   * (really, SIGKILL) the `nth` time it reaches fault point `point`: kills that random timing
   * almost never hits, the commit and the swap being so short.
   */
  async function killWriterAt(site: string, point: 'journal' | 'swap', nth: number): Promise<void> {
    const pagesFile = path.join(work, 'pages.json');
    if (!existsSync(pagesFile)) writeFileSync(pagesFile, JSON.stringify([...newTree].filter(([rel]) => rel !== MANIFEST)));
    const script = [
      `import { writeSite } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'report', 'write.js')).href)};`,
      `import { readFileSync } from 'node:fs';`,
      `const pages = JSON.parse(readFileSync(${JSON.stringify(pagesFile)}, 'utf8'));`,
      `let n = 0;`,
      `await writeSite(${JSON.stringify(site)}, pages, { faultAt: (p) => { if (p === ${JSON.stringify(point)} && ++n === ${nth}) process.kill(process.pid, 'SIGKILL'); } });`,
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal, `${point} ${nth}`).toBe('SIGKILL');
  }

  it('SIGKILL just before the commit point (the journal written, not yet in place): the previous site, untouched', async () => {
    const site = path.join(work, 'site-before-commit');
    cpSync(oldSite, site, { recursive: true });
    await killWriterAt(site, 'journal', 1);
    expect(existsSync(path.join(site, JOURNAL)), 'no journal: nothing was committed').toBe(false);
    expect(same(await tree(site), oldTree)).toBe(true);
    const r = await runCli(['report', corpus, '--out', site, '--as-of', '2026-11-24', '--format', 'both']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Slutförde bytet');
    expect(same(await tree(site), newTree)).toBe(true);
    expect((await fs.readdir(site)).filter((f) => f.startsWith('.lofte-staging-') || f.startsWith(JOURNAL) || f === LOCK || f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('SIGKILL after the commit point, at each stage of the swap: the next run finishes it', async () => {
    const moves = newTree.size; // every page, then the manifest
    for (const nth of [1, 2, 3, Math.floor(moves / 2), moves - 1, moves]) {
      const site = path.join(work, `site-commit-${nth}`);
      cpSync(oldSite, site, { recursive: true });
      await killWriterAt(site, 'swap', nth);
      expect(existsSync(path.join(site, JOURNAL)), `move ${nth}: the journal of a committed swap`).toBe(true);
      const r = await runCli(['report', corpus, '--out', site, '--as-of', '2026-11-24', '--format', 'both']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('lofte: Tog över låset från en tidigare körning');
      expect(r.stderr).toContain('lofte: Slutförde bytet som en avbruten körning påbörjat.');
      expect(same(await tree(site), newTree), `move ${nth}`).toBe(true);
      expect((await fs.readdir(site)).filter((f) => f.startsWith('.lofte-staging-') || f === JOURNAL || f === LOCK || f.endsWith('.tmp'))).toEqual([]);
    }
  }, 240_000);

  it.each(['SIGINT', 'SIGTERM'] as const)('%s (Ctrl-C, or a stop from outside) leaves no temporary files, no lock, and the previous site intact', async (sig) => {
    const site = path.join(work, `site-${sig}`);
    cpSync(oldSite, site, { recursive: true });
    const { child, done } = startReport(site);
    // Wait until it is writing the new site, then interrupt.
    const t0 = Date.now();
    while (!(await fs.readdir(site)).some((f) => f.startsWith('.lofte-staging-')) && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 5));
    child.kill(sig);
    const code = await done;
    const left = (await fs.readdir(site)).filter((f) => f.startsWith('.lofte-staging-') || f === JOURNAL || f === LOCK || f.endsWith('.tmp'));
    expect(left).toEqual([]);
    const now = await tree(site);
    if (code === 130) expect(same(now, oldTree)).toBe(true);
    else expect(same(now, newTree)).toBe(true); // it had already committed: the new site is complete
  }, 60_000);
});
