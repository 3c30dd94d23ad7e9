// bin/lofte.js starts the bundle with V8's code cache beside it (src/cli/start.cts): written when
// missing or refused, taken back otherwise, and never a reason for a run to fail.

import { spawn, spawnSync } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The built loader (vitest does not load .cts sources); the build runs before the tests. */
const START = path.join(ROOT, 'dist', 'cli', 'start.cjs');
const { cacheFileOf } = createRequire(import.meta.url)(START) as { cacheFileOf: (bundle: string) => string };

/** A small CommonJS "bundle" in a folder of its own, started the way bin/lofte.js starts lofte. */
function bundleIn(dir: string): { bundle: string; cache: string; run: () => { code: number | null; out: string; err: string } } {
  const bundle = path.join(dir, 'app.cjs');
  writeFileSync(bundle, "const parts = ['hej', require('node:path').basename(__filename)];\nfunction greet() { return parts.join(' från '); }\nprocess.stdout.write(greet() + '\\n');\n");
  const run = () => {
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(START)}).start(${JSON.stringify(bundle)})`], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  return { bundle, cache: cacheFileOf(bundle), run };
}

describe('start-up with the code cache', () => {
  it('writes the cache on the first run, takes it back after, and replaces one V8 refuses', () => {
    const { cache, run } = bundleIn(mkdtempSync(path.join(os.tmpdir(), 'lofte-start-')));
    expect(run()).toEqual({ code: 0, out: 'hej från app.cjs\n', err: '' });
    expect(existsSync(cache)).toBe(true);
    const written = readFileSync(cache);
    const before = statSync(cache).mtimeMs;
    expect(run()).toEqual({ code: 0, out: 'hej från app.cjs\n', err: '' });
    expect(statSync(cache).mtimeMs).toBe(before); // accepted: not written again
    writeFileSync(cache, 'inte en kodcache');
    expect(run()).toEqual({ code: 0, out: 'hej från app.cjs\n', err: '' });
    expect(readFileSync(cache).length).toBeGreaterThan(100);
    const rewritten = statSync(cache).mtimeMs;
    expect(run()).toEqual({ code: 0, out: 'hej från app.cjs\n', err: '' });
    expect(statSync(cache).mtimeMs).toBe(rewritten); // the new one is accepted
    expect(written.length).toBeGreaterThan(100);
  });

  it('runs as well where the cache cannot be written, and leaves no temporary file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-start-blocked-'));
    const { cache, run } = bundleIn(dir);
    mkdirSync(cache); // a folder where the cache should go: it can be neither read nor replaced
    expect(run()).toEqual({ code: 0, out: 'hej från app.cjs\n', err: '' });
    expect(readdirSync(dir).sort()).toEqual(['app.cjs', 'app.cjs.v8-cache']);
    expect(statSync(cache).isDirectory()).toBe(true);
  });

  it('lofte itself runs from the bundle with its cache, and with a damaged one', () => {
    const cache = cacheFileOf(path.join(ROOT, 'dist', 'lofte.cjs'));
    const lofte = () => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'lofte.js'), 'validate', path.join(ROOT, 'examples', 'parken')], { encoding: 'utf8' });
    expect(existsSync(cache)).toBe(true); // written by the build (scripts/warm-cache.mjs)
    expect(lofte()).toMatchObject({ status: 0, stdout: '✔ Inga fel eller varningar (4 filer kontrollerade).\n', stderr: '' });
    writeFileSync(cache, 'skadad');
    expect(lofte()).toMatchObject({ status: 0, stdout: '✔ Inga fel eller varningar (4 filer kontrollerade).\n', stderr: '' });
    expect(readFileSync(cache, 'utf8')).not.toBe('skadad');
  });
});

describe('the bundle as the build writes it', () => {
  it('is ASCII, which the start reads as one-byte text, and its Swedish comes out as written', () => {
    expect(isAscii(readFileSync(path.join(ROOT, 'dist', 'lofte.cjs')))).toBe(true);
    // Messages are template literals in Swedish (the escapes are the build's): the same characters come out.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'lofte.js'), 'validate', path.join(ROOT, 'test', 'fixtures', 'five-mistakes'), '--as-of', '2026-11-24'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Löftet|löftet|är|för/);
    expect(r.stdout).not.toMatch(/\\u00[ce]\d|\uFFFD/i);
  });

  it('a reader that stops reading ends the run quietly, with its exit code (`lofte validate | head`)', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'lofte.js'), 'validate', path.join(ROOT, 'test', 'fixtures', 'five-mistakes'), '--as-of', '2026-11-24'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the pipe's reading end closed before lofte writes
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('watch mode whose reader stops reading stops as by Ctrl-C, instead of watching on with nowhere to write', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'lofte.js'), 'validate', '--watch', path.join(ROOT, 'examples', 'parken')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // its first result has nowhere to go
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/\n\s+at |EPIPE/);
    expect(code).toBe(0);
  });
});

describe('the schemas\' validators', () => {
  it('load with their own code cache, written by the build, and with a damaged one give the same findings and a new cache', () => {
    const compiled = path.join(ROOT, 'dist', 'schema', 'compiled.cjs');
    const cache = cacheFileOf(compiled);
    // A fixture with schema findings: the validators run.
    const lofte = () => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'lofte.js'), 'validate', path.join(ROOT, 'test', 'fixtures', 'five-mistakes'), '--as-of', '2026-11-24', '--format', 'json'], { encoding: 'utf8' });
    expect(isAscii(readFileSync(compiled))).toBe(true);
    expect(existsSync(cache)).toBe(true); // written by the build (scripts/warm-cache.mjs)
    const first = lofte();
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/"rule": "schema"/);
    writeFileSync(cache, 'skadad');
    expect(lofte()).toMatchObject({ status: 1, stdout: first.stdout, stderr: first.stderr });
    expect(readFileSync(cache, 'utf8')).not.toBe('skadad');
  });
});

describe('the exact YAML parser', () => {
  it('comes from the build\'s own copy with its code cache (not node_modules/yaml) when a file needs it, and with a damaged cache gives the same findings and a new cache', () => {
    const copy = path.join(ROOT, 'dist', 'yaml.cjs');
    const cache = cacheFileOf(copy);
    expect(isAscii(readFileSync(copy))).toBe(true);
    expect(existsSync(cache)).toBe(true); // written by the build (scripts/warm-cache.mjs)
    // examples/trasig has a key twice, which js-yaml refuses: the exact parser words it.
    const lofte = () => loadedBy(['validate', path.join(ROOT, 'examples', 'trasig'), '--as-of', '2026-11-24', '--format', 'json']);
    const first = lofte();
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/"rule": "yaml-syntax"/);
    expect(first.packages.filter((p) => /\/node_modules\/yaml\//.test(p))).toEqual([]);
    // Taken back, not refused and written again.
    const written = readFileSync(cache);
    expect(lofte().status).toBe(1);
    expect(readFileSync(cache).equals(written)).toBe(true);
    writeFileSync(cache, 'skadad');
    expect(lofte()).toMatchObject({ status: 1, stdout: first.stdout, stderr: first.stderr });
    expect(readFileSync(cache, 'utf8')).not.toBe('skadad');
  });
});

describe('code caches and V8\'s flags', () => {
  it('a report, which changes V8\'s flags while it runs, writes no code cache: one made under them would be refused by every ordinary run, which would write its own', () => {
    const caches = ['lofte.cjs', 'yaml.cjs'].map((f) => cacheFileOf(path.join(ROOT, 'dist', f)));
    const bin = path.join(ROOT, 'bin', 'lofte.js');
    // examples/trasig has a key twice: the exact parser is loaded while the report checks it, after the flags changed.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-start-flags-'));
    cpSync(path.join(ROOT, 'examples', 'trasig'), dir, { recursive: true });
    spawnSync(process.execPath, [bin, 'validate', dir], { encoding: 'utf8' }); // the caches as an ordinary run takes them
    const before = caches.map((f) => readFileSync(f));
    const report = spawnSync(process.execPath, [bin, 'report', dir, '--out', path.join(dir, 'sajt'), '--as-of', '2026-11-24'], { encoding: 'utf8' });
    expect(report.status).toBe(1); // trasig's errors: no site
    expect(report.stderr).toContain('yaml-syntax');
    caches.forEach((f, i) => expect(readFileSync(f).equals(before[i] as Buffer)).toBe(true));
  });
});

describe('data files as the build reads them', () => {
  it('dist/data holds each YAML file of data/ as the same values in JSON', async () => {
    const jsyaml = (await import('js-yaml')).default;
    const yamlFiles = readdirSync(path.join(ROOT, 'data'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.ya?ml$/.test(e.name));
    expect(yamlFiles.map((e) => e.name).sort()).toEqual(['etiketter.yaml', 'matbara-formuleringar.yaml', 'vaga-formuleringar.yaml', 'villkorade-formuleringar.yaml']);
    for (const e of yamlFiles) {
      const source = path.join(e.parentPath, e.name);
      const built = path.join(ROOT, 'dist', 'data', path.relative(path.join(ROOT, 'data'), source)).replace(/\.ya?ml$/, '.json');
      expect(JSON.parse(readFileSync(built, 'utf8')), built).toEqual(jsyaml.load(readFileSync(source, 'utf8')));
    }
  });
});

/** Runs the built CLI with `args`; what it printed, and which of Node's modules and which package files it loaded. */
function loadedBy(args: readonly string[]): { status: number | null; stdout: string; stderr: string; builtin: string[]; packages: string[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-start-modules-'));
  const hook = path.join(dir, 'modules.cjs');
  // Which of Node's modules and which packages the process loaded, written when it ends.
  writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(path.join(dir, 'loaded.json'))}, JSON.stringify({ builtin: process.moduleLoadList, packages: Object.keys(require.cache) })));\n`);
  const r = spawnSync(process.execPath, ['-r', hook, path.join(ROOT, 'bin', 'lofte.js'), ...args], { encoding: 'utf8' });
  const loaded = JSON.parse(readFileSync(path.join(dir, 'loaded.json'), 'utf8')) as { builtin: string[]; packages: string[] };
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, builtin: loaded.builtin, packages: loaded.packages.map((p) => p.replaceAll('\\', '/')) };
}

describe('what a start loads', () => {
  it('a check of one repository loads no module it does not use (child processes, worker threads, hashes, the V8 serializer, the timing clock, the YAML parser with positions, the schema compiler)', () => {
    const run = loadedBy(['validate', path.join(ROOT, 'examples', 'parken')]);
    expect(run).toMatchObject({ status: 0, stdout: '✔ Inga fel eller varningar (4 filer kontrollerade).\n', stderr: '' });
    expect(run.builtin.filter((m) => /^NativeModule (child_process|worker_threads|crypto|v8|perf_hooks)$/.test(m))).toEqual([]);
    expect(run.packages.filter((p) => /\/node_modules\/(yaml|gray-matter|ajv\/dist\/(?!runtime\/))/.test(p))).toEqual([]);
  });

  it('a Markdown file with front matter is split by the gray-matter in the bundle, which never loads the js-yaml 3 it comes with', () => {
    // examples/vastra-blekinge holds a Problembild in Markdown; a fixed date keeps its findings as they are.
    const run = loadedBy(['validate', path.join(ROOT, 'examples', 'vastra-blekinge'), '--as-of', '2026-11-24', '--format', 'json']);
    expect(run.status).toBe(0);
    const files = (JSON.parse(run.stdout) as { summary: { files: number } }).summary.files;
    expect(files).toBeGreaterThan(1);
    expect(run.packages.filter((p) => /\/node_modules\/(gray-matter|js-yaml|section-matter|kind-of)\//.test(p))).toEqual([]);
  });
});
