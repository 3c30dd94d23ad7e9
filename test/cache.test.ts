// `lofte validate --cache`: the same bytes as without it, whatever state the cache is in.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- the benchmark's corpus generator is plain JavaScript without types
import { generateCorpus as generate } from '../bench/generate.js';
import { example, runCli, spawnCli, tempDirs, type CliResult } from './helpers.js';

// The real store, with its reads of entries' bodies counted.
vi.mock('../src/cache/store.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/cache/store.js')>();
  return { ...real, readBytes: vi.fn(real.readBytes) };
});

const generateCorpus = generate as (dir: string, options: { files: number; errorShare: number; seed: number }) => void;
vi.setConfig({ testTimeout: 120_000 });

const FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit'];
const AS_OF = ['--as-of', '2026-11-24'];

const tempDir = tempDirs('lofte-cache-');

/** examples/trasig (one of each mistake, a repository of its own) in a folder of its own. */
function brokenRepo(): string {
  const dir = path.join(tempDir(), 'trasig');
  cpSync(example('trasig'), dir, { recursive: true });
  return dir;
}

/** examples/trasig in a folder of its own, checked once with the cache (`--format json`): the repository and the cache location. */
async function cachedBrokenRepo(): Promise<{ repo: string; cache: string }> {
  const repo = brokenRepo();
  const cache = path.join(tempDir(), 'cache');
  await same(repo, ['.', '--format', 'json'], cache);
  return { repo, cache };
}

/** What `--cache` did, from the stage names $LOFTE_TIMING prints (never the times). */
function cacheUse(r: CliResult): string {
  if (/cache \(nothing changed\)/.test(r.stderr)) return 'nothing changed';
  const m = /files \((\d+) checked, (\d+) from the cache\)/.exec(r.stderr);
  return m ? `${m[1]} checked, ${m[2]} from the cache` : 'no cache';
}

async function validate(cwd: string, args: string[], cache?: string): Promise<CliResult> {
  return runCli(['validate', ...AS_OF, ...args, ...(cache ? ['--cache-location', cache] : [])], { cwd, env: { LOFTE_TIMING: '1' } });
}

/** Runs with the cache and without, and expects the same exit code and bytes; returns the cached run. */
async function same(cwd: string, args: string[], cache: string): Promise<CliResult> {
  const plain = await validate(cwd, args);
  const cached = await validate(cwd, args, cache);
  expect(cached.stdout).toBe(plain.stdout);
  expect(cached.code).toBe(plain.code);
  expect(cached.stderr).not.toMatch(/\n\s+at /);
  return cached;
}

/**
 * Waits until the file system's clock is past `file`'s modification time (a file written beside it
 * is newer): a run that starts in the same tick as an edit rightly takes the file as racy.
 */
async function pastTick(file: string): Promise<void> {
  const probe = `${file}.tick`;
  for (;;) {
    writeFileSync(probe, '');
    const later = statSync(probe).mtimeMs > statSync(file).mtimeMs;
    rmSync(probe);
    if (later) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits until the file system's clock is past every change made so far (folders included). */
async function settled(): Promise<void> {
  const probe = path.join(tempDir(), 'probe');
  writeFileSync(probe, '');
  await pastTick(probe);
}

/** How the run found the files, from $LOFTE_TIMING: every folder listed, some (the last walk's other folders taken), or none (see src/cache/walk.ts). */
function walkUse(r: CliResult): string {
  return /discover \(([^)]*)\)/.exec(r.stderr)?.[1] ?? 'no cache';
}

/** True when the run took the last run's walk whole, listing no folder. */
function walkKept(r: CliResult): boolean {
  return walkUse(r) === 'the folders as last time';
}

/** The YAML files below `dir`, sorted. */
function yamlFilesIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { parentPath: string; name: string; isFile(): boolean }[])
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A generated corpus (30 % of its files with a mistake) in a folder of its own: the folder, the corpus, a cache location and the arguments that check it. */
function generatedCorpus(files: number, seed: number): { dir: string; corpus: string; cache: string; args: string[] } {
  const dir = tempDir();
  const corpus = path.join(dir, 'corpus');
  generateCorpus(corpus, { files, errorShare: 0.3, seed });
  return { dir, corpus, cache: path.join(dir, 'cache'), args: ['corpus', '--format', 'json'] };
}

/**
 * examples/parken in a folder of its own with `extra.yaml` holding `extra`, and a reference to
 * `Storstad kommun` (no such id) in its medborgarlöfte: the repository, that file, a cache location
 * and the arguments that check it.
 */
async function parkenWithFailingReference(extra: string): Promise<{ repo: string; extra: string; cache: string; args: string[] }> {
  const repo = path.join(tempDir(), 'parken');
  cpSync(example('parken'), repo, { recursive: true });
  const extraFile = path.join(repo, 'extra.yaml');
  writeFileSync(extraFile, extra);
  const promise = path.join(repo, 'medborgarlofte-2026-2027.yaml');
  writeFileSync(promise, readFileSync(promise, 'utf8').replace(/^ {2}- laxa-kommun$/m, '  - laxa-kommun\n  - Storstad kommun'));
  await pastTick(promise);
  return { repo, extra: extraFile, cache: path.join(tempDir(), 'cache'), args: ['.', '--format', 'json'] };
}

function cacheFiles(cache: string): string[] {
  return readdirSync(cache)
    .filter((f) => f === 'state' || f === 'result' || f.startsWith('files-'))
    .map((f) => path.join(cache, f));
}

describe('validate --cache gives the same output as without it', () => {
  it('on a repository with every kind of mistake, in every format and both languages, cold, warm and after an edit', async () => {
    const repo = brokenRepo();
    const cache = path.join(tempDir(), 'cache');
    for (const format of FORMATS) {
      for (const lang of ['sv', 'en']) {
        const args = ['.', '--format', format, '--lang', lang];
        await same(repo, args, cache);
        const warm = await same(repo, args, cache);
        expect(cacheUse(warm)).toBe('nothing changed');
      }
    }
    expect((await validate(repo, ['.'])).code).toBe(1);
    // One file edited: a new mistake in it, and one fixed.
    const file = path.join(repo, 'medborgarlofte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/ansvarig: ([a-z-]+)/, 'ansvarig: $1-finns-inte'));
    for (const format of FORMATS) {
      const r = await same(repo, ['.', '--format', format], cache);
      if (format === 'stylish') expect(cacheUse(r)).toMatch(/^1 checked, \d+ from the cache$/);
      expect(r.stdout).toMatch(/finns-inte/);
    }
  });

  it('on a generated national corpus with planted mistakes, for a folder that is not a repository', async () => {
    const dir = tempDir();
    generateCorpus(path.join(dir, 'corpus'), { files: 120, errorShare: 0.3, seed: 7 });
    const cache = path.join(dir, 'cache');
    const cold = await same(dir, ['corpus', '--format', 'json'], cache);
    expect((JSON.parse(cold.stdout) as { summary: { errors: number } }).summary.errors).toBeGreaterThan(0);
    expect(cacheUse(await same(dir, ['corpus', '--format', 'json'], cache))).toBe('nothing changed');
    // A file removed and one added: the rest comes from the cache.
    const files = readdirSync(path.join(dir, 'corpus'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.yaml'));
    const gone = files.find((e) => e.name === 'problembild.yaml') ?? files[0];
    rmSync(path.join(gone!.parentPath, gone!.name));
    writeFileSync(path.join(dir, 'corpus', 'ny.yaml'), 'apiVersion: lofte/v1\nkind: Aktor\nid: ny-aktor\nnamn: Ny förening\ntyp: forening\n');
    const after = await same(dir, ['corpus', '--format', 'sarif'], cache);
    expect(cacheUse(after)).toMatch(/^1 checked, \d+ from the cache$/);
  });

  it('after each kind of change the repository stage redoes only what the change reaches, with the same output as without the cache', async () => {
    const { dir, corpus, cache, args } = generatedCorpus(150, 11);
    const cold = await same(dir, args, cache);
    expect(cacheUse(await same(dir, args, cache))).toBe('nothing changed');
    const yamlFiles = yamlFilesIn(corpus);
    const withText = (re: RegExp): string => yamlFiles.find((f) => existsSync(f) && re.test(readFileSync(f, 'utf8'))) as string;
    /** How many files the repository stage redid, of how many (from $LOFTE_TIMING's stage names). */
    const redone = (r: CliResult): [number, number] => {
      const m = /repository rules \((\d+) of (\d+) files\)/.exec(r.stderr);
      return m ? [Number(m[1]), Number(m[2])] : [-1, -1];
    };
    const edit = (file: string, from: RegExp, to: string): void => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

    // A reference to another file broken, then fixed: back to the very bytes of the first run.
    const promise = withText(/^kind: Medborgarlofte$/m);
    const original = readFileSync(promise, 'utf8');
    edit(promise, /^lokalpolisomrade: (\S+)$/m, 'lokalpolisomrade: $1-borta');
    const broken = await same(dir, args, cache);
    expect(cacheUse(broken)).toMatch(/^1 checked, \d+ from the cache$/);
    expect(broken.stdout).toMatch(/-borta/);
    const [some, all] = redone(broken);
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    writeFileSync(promise, original);
    expect((await same(dir, args, cache)).stdout).toBe(cold.stdout);

    // An id others name renamed: their references fail (with the new id among the suggestions).
    const id = /^lokalpolisomrade: (\S+)$/m.exec(original)?.[1] as string;
    const actors = withText(new RegExp(`^id: ${id}$`, 'm'));
    expect(actors).toBeDefined();
    edit(actors, new RegExp(`^id: ${id}$`, 'm'), `id: ${id}-nytt`);
    const renamed = await same(dir, args, cache);
    expect(renamed.stdout).toMatch(new RegExp(`${id}-nytt`));
    // A new document whose id is close to the failing reference's: only its suggestions change (no file names the new id).
    writeFileSync(path.join(corpus, 'ny-lpo.yaml'), `apiVersion: lofte/v1\nkind: Aktor\nid: ${id}-ny\nnamn: Nytt område\ntyp: lokalpolisomrade\n`);
    expect((await same(dir, args, cache)).stdout).toMatch(new RegExp(`"${id}-ny"`));

    // A title changed (names that suggestions are drawn from), a file deleted, a new file, a file that no longer parses.
    edit(withText(/^kind: Medborgarlofte$/m), /^titel: .*$/m, 'titel: En helt ny titel');
    await same(dir, args, cache);
    rmSync(withText(/^kind: Problembild$/m));
    expect(cacheUse(await same(dir, args, cache))).toMatch(/^0 checked, \d+ from the cache$/);
    writeFileSync(path.join(corpus, 'ny.yaml'), `apiVersion: lofte/v1\nkind: Aktor\nid: ${id}\nnamn: Ny förening\ntyp: forening\n`);
    expect(cacheUse(await same(dir, args, cache))).toMatch(/^1 checked, \d+ from the cache$/);
    edit(withText(/^kind: Uppfoljning$/m), /^kind: Uppfoljning$/m, 'kind: Uppfoljning\n  : [');
    await same(dir, args, cache);
    expect(cacheUse(await same(dir, args, cache))).toBe('nothing changed');
  });

  const firstWith = (files: readonly string[], re: RegExp): string => files.find((f) => re.test(readFileSync(f, 'utf8'))) as string;

  it('an id with a NUL in it (YAML can write one) does not shift the ids of the stage kept in the cache', async () => {
    const { dir, corpus, cache, args } = generatedCorpus(400, 3);
    const files = yamlFilesIn(corpus);
    const follow = firstWith(files, /^rapportor: \S+$/m);
    writeFileSync(follow, readFileSync(follow, 'utf8').replace(/^rapportor: \S+$/m, 'rapportor: "aa\\0bb"'));
    await same(dir, args, cache);
    const other = firstWith(files, /^kind: Medborgarlofte$/m);
    writeFileSync(other, `${readFileSync(other, 'utf8')}# en kommentar\n`);
    await same(dir, args, cache);
    await same(dir, args, cache);
  });

  it('two documents of one file that swap places: the one that now defines their id first gives the suggestions', async () => {
    const { dir, corpus, cache, args } = generatedCorpus(400, 3);
    const files = yamlFilesIn(corpus);
    const follow = firstWith(files, /^rapportor: \S+$/m);
    writeFileSync(follow, readFileSync(follow, 'utf8').replace(/^rapportor: \S+$/m, 'rapportor: foo-bar'));
    const actors = files.find((f) => f.includes(`${path.sep}aktorer${path.sep}`)) as string;
    const doc = (namn: string): string => `---\napiVersion: lofte/v1\nkind: Aktor\nid: dup-aktor\nnamn: ${namn}\ntyp: kommun\n`;
    const original = readFileSync(actors, 'utf8');
    writeFileSync(actors, `${original}${doc('Foo Bar')}${doc('Qux')}`);
    const before = await same(dir, args, cache);
    expect(before.stdout).toMatch(/dup-aktor/);
    await pastTick(actors);
    writeFileSync(actors, `${original}${doc('Qux')}${doc('Foo Bar')}`);
    await same(dir, args, cache);
    expect(cacheUse(await same(dir, args, cache))).toBe('nothing changed');
  });

  it('run after run of random edits (titles, references, files new, gone and renamed), each as without the cache', async () => {
    const { dir, corpus, cache, args } = generatedCorpus(80, 5);
    await same(dir, args, cache);
    let state = 7;
    const random = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    const yamlFiles = (): string[] => yamlFilesIn(corpus);
    const ids = [...new Set(yamlFiles().flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^id: (\S+)$/gm)].map((m) => m[1] as string)))];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    let seeded = 0;
    for (let step = 0; step < 14; step++) {
      const file = pick(yamlFiles());
      const text = readFileSync(file, 'utf8');
      const what = random();
      let written = file;
      if (what < 0.3) writeFileSync(file, text.replace(/^(titel|namn): .*$/m, `$1: ${pick(['Finns inte', 'Ny titel', pick(ids).replace(/-/g, ' ')])}`));
      else if (what < 0.55) writeFileSync(file, text.replace(new RegExp(`\\b${pick(ids)}\\b`), pick([...ids, 'finns-inte'])));
      else if (what < 0.7) rmSync(file);
      else if (what < 0.85) writeFileSync((written = path.join(corpus, `ny-${step}.yaml`)), text);
      else {
        rmSync(file);
        writeFileSync((written = path.join(path.dirname(file), `flyttad-${step}.yaml`)), text);
      }
      if (existsSync(written)) await pastTick(written);
      const r = await same(dir, args, cache);
      expect(cacheUse(r), `step ${step}`).toMatch(/^\d+ checked, \d+ from the cache$/);
      // The repository stage went on from the stage file (it redid some files, not all).
      const m = /repository rules \((\d+) of (\d+) files\)/.exec(r.stderr);
      if (m && Number(m[1]) < Number(m[2])) seeded++;
    }
    expect(seeded).toBeGreaterThan(7);
    expect(cacheUse(await same(dir, args, cache))).toBe('nothing changed');
  });

  // A changed file's documents as they were are known from the stage file alone (never read from
  // the file as it is now): a name or type that was not text and becomes the one a failing reference
  // is written as changes that reference's suggestions.
  const notText: [string, string, string][] = [
    ['namn', 'namn: 42\ntyp: kommun', 'namn: Storstad kommun\ntyp: kommun'],
    ['titel', 'namn: Abc\ntitel:\ntyp: kommun', 'namn: Abc\ntitel: Storstad kommun\ntyp: kommun'],
    ['kortnamn', 'namn: Abc\nkortnamn: [a, b]\ntyp: kommun', 'namn: Abc\nkortnamn: Storstad kommun\ntyp: kommun'],
    ['typ', 'namn: Storstad kommun\ntyp: 42', 'namn: Storstad kommun\ntyp: kommun'],
  ];
  for (const [field, before, after] of notText) {
    it(`a changed file whose ${field} was not text: the suggestions are worked out again, and the next run takes the stored result`, async () => {
      const { repo, extra, cache, args } = await parkenWithFailingReference(`apiVersion: lofte/v1\nkind: Aktor\nid: abc-kommun\n${before}\n`);
      const cold = await same(repo, args, cache);
      expect(cold.stdout).toMatch(/Storstad kommun/);
      writeFileSync(extra, `apiVersion: lofte/v1\nkind: Aktor\nid: abc-kommun\n${after}\n`);
      await pastTick(extra);
      const warm = await same(repo, args, cache);
      expect(cacheUse(warm)).toMatch(/^1 checked, \d+ from the cache$/);
      expect(warm.stdout).not.toBe(cold.stdout);
      // The changed file's entry is the one checked (not racy): the next run takes the stored result.
      const again = await validate(repo, args, cache);
      expect(cacheUse(again)).toBe('nothing changed');
      expect(again.stdout).toBe(warm.stdout);
    });
  }

  it('a name changed to what a failing reference elsewhere is written as, then a file whose facts did not change, then the name back: run after run as without the cache', async () => {
    const actor = (namn: string): string => `apiVersion: lofte/v1\nkind: Aktor\nid: abc-kommun\nnamn: ${namn}\ntyp: kommun\n`;
    const { repo, extra, cache, args } = await parkenWithFailingReference(actor('Abc kommun'));
    const cold = await same(repo, args, cache);
    const suggested = (r: CliResult): string[] | undefined => (JSON.parse(r.stdout) as { diagnostics: { args: { id?: string; suggestions?: string[] } }[] }).diagnostics.find((d) => d.args.id === 'Storstad kommun')?.args.suggestions;
    // No name or id close to it: the few ids of the kind there are.
    expect(suggested(cold)).toEqual(['abc-kommun', 'laxa-kommun']);
    // Only a name changed (the same id and type): the reference in the other file now has it as its first suggestion.
    writeFileSync(extra, actor('Storstad kommun'));
    await pastTick(extra);
    const renamed = await same(repo, args, cache);
    expect(cacheUse(renamed)).toMatch(/^1 checked, \d+ from the cache$/);
    expect(suggested(renamed)).toEqual(['abc-kommun']);
    // Another file changed in the next run, its ids, names and references as they were.
    const problem = path.join(repo, 'problembild-narkotika-stadsparken.yaml');
    writeFileSync(problem, readFileSync(problem, 'utf8').replace(/^sammanfattning: >-$/m, 'sammanfattning: >-\n  Ändrad inledning.'));
    await pastTick(problem);
    const other = await same(repo, args, cache);
    expect(cacheUse(other)).toMatch(/^1 checked, \d+ from the cache$/);
    expect(other.stdout).toBe(renamed.stdout);
    // The name back: the very bytes of the first run.
    writeFileSync(extra, actor('Abc kommun'));
    await pastTick(extra);
    const back = await same(repo, args, cache);
    expect(cacheUse(back)).toMatch(/^1 checked, \d+ from the cache$/);
    expect(back.stdout).toBe(cold.stdout);
    expect(cacheUse(await validate(repo, args, cache))).toBe('nothing changed');
  });

  it('a changed file’s old document read through the stage is the one the last run saw, and its new entry is the one written back', async () => {
    const { ValidationSession } = await import('../src/validate.js');
    const { RepositoryStage } = await import('../src/check/repository.js');
    const { cacheKey, PersistentCache } = await import('../src/cache/index.js');
    const { CurrentStamps } = await import('../src/load/index.js');
    const { discover } = await import('../src/load/discover.js');
    const { loadSchemas } = await import('../src/schema/validators.js');
    const { DEFAULT_PARSE_LIMITS } = await import('../src/load/parse.js');
    const repo = path.join(tempDir(), 'parken');
    cpSync(example('parken'), repo, { recursive: true });
    const extra = path.join(repo, 'extra.yaml');
    writeFileSync(extra, 'apiVersion: lofte/v1\nkind: Aktor\nid: abc-kommun\nnamn: 42\ntyp: kommun\n');
    const location = path.join(tempDir(), 'cache');
    const options = { cwd: repo, paths: [repo], asOf: '2026-11-24' };
    await pastTick(extra);
    await new ValidationSession({ ...options, cache: { location } }).run();
    writeFileSync(extra, 'apiVersion: lofte/v1\nkind: Aktor\nid: abc-kommun\nnamn: Storstad kommun\ntyp: kommun\n');
    await pastTick(extra);
    // As a cached run goes (see ValidationSession), with the old document's value read between.
    const key = cacheKey({ ...options, limits: DEFAULT_PARSE_LIMITS });
    const cache = new PersistentCache(location, key);
    const files = await discover(options.paths, { cwd: repo });
    const stamps = new CurrentStamps(files);
    const fileOptions = { limits: DEFAULT_PARSE_LIMITS, asOf: options.asOf, disabled: [] };
    const seed = await cache.seed(files, stamps, loadSchemas, fileOptions, repo);
    expect(seed?.checked).toBe(1);
    const old = seed?.previous.find((r) => r.file === 'extra.yaml');
    expect(old?.entities[0]?.value['namn']).toBe(42);
    expect(seed?.results.find((r) => r.file === 'extra.yaml')?.entities[0]?.value['namn']).toBe('Storstad kommun');
    const stage = new RepositoryStage(options);
    stage.seed(seed!.previous, seed!.records);
    const result = stage.update(seed!.results);
    const error = cache.save(files, seed!.results, { diagnostics: result.diagnostics, fileCount: result.fileCount, shownFileCount: result.shownFileCount, skipped: result.skipped }, { get: (file) => stage.recordOf(file) });
    expect(error).toBeUndefined();
    // The next run takes the stored result: no file's entry was left racy.
    expect(new PersistentCache(location, key).storedResult(files, new CurrentStamps(files))).toBeDefined();
  });

  it('an unchanged file whose entry cannot be read is checked again when the stage reaches it, and the next run takes the stored result', async () => {
    const repo = path.join(tempDir(), 'parken');
    cpSync(example('parken'), repo, { recursive: true });
    // A name that is not text: the suggestions of a failing reference read this document's value.
    writeFileSync(path.join(repo, 'extra.yaml'), 'apiVersion: lofte/v1\nkind: Aktor\nid: abc-kommun\nnamn: 42\ntyp: kommun\n');
    const promise = path.join(repo, 'medborgarlofte-2026-2027.yaml');
    await pastTick(promise);
    const cache = path.join(tempDir(), 'cache');
    const args = ['.', '--format', 'json'];
    await same(repo, args, cache);
    for (const f of readdirSync(cache).filter((f) => f.startsWith('files-'))) writeFileSync(path.join(cache, f), '');
    writeFileSync(promise, readFileSync(promise, 'utf8').replace(/^ {2}- laxa-kommun$/m, '  - laxa-kommun\n  - Storstad kommun'));
    await pastTick(promise);
    const warm = await same(repo, args, cache);
    expect(cacheUse(warm)).toMatch(/^1 checked, \d+ from the cache$/);
    expect(warm.stdout).toMatch(/Storstad kommun/);
    const again = await validate(repo, args, cache);
    expect(cacheUse(again)).toBe('nothing changed');
    expect(again.stdout).toBe(warm.stdout);
  });

  it('the stage file’s table of ids is made again when most of its ids are no longer in use', async () => {
    const { readCacheFile } = await import('../src/cache/store.js');
    const stageIds = (cache: string): string[] => {
      const head = readCacheFile(path.join(cache, 'stage')) as { ids: Uint8Array };
      return Buffer.from(head.ids).toString('utf8').split('\u0000');
    };
    const repo = path.join(tempDir(), 'parken');
    cpSync(example('parken'), repo, { recursive: true });
    const extra = path.join(repo, 'extra.yaml');
    const actor = (n: number): string => `apiVersion: lofte/v1\nkind: Aktor\nid: forening-${n}\nnamn: Förening ${n}\ntyp: forening\n`;
    writeFileSync(extra, actor(0));
    await pastTick(extra);
    const cache = path.join(tempDir(), 'cache');
    const args = ['.', '--format', 'json'];
    await same(repo, args, cache);
    const first = stageIds(cache);
    expect(first).toContain('forening-0');
    // Each run an id no one names is renamed: the old one is no longer in use.
    for (let n = 1; n <= first.length + 2; n++) {
      writeFileSync(extra, actor(n));
      await pastTick(extra);
      expect(cacheUse(await same(repo, args, cache))).toMatch(/^1 checked, \d+ from the cache$/);
      const ids = stageIds(cache);
      expect(ids).toContain(`forening-${n}`);
      expect(ids.length).toBeLessThanOrEqual(2 * first.length);
    }
    expect(cacheUse(await same(repo, args, cache))).toBe('nothing changed');
    // A run after the table was made again is seeded from it: a reference to the renamed id fails with it suggested.
    const promise = path.join(repo, 'medborgarlofte-2026-2027.yaml');
    writeFileSync(promise, readFileSync(promise, 'utf8').replace(/^ {2}- laxa-kommun$/m, '  - laxa-kommun\n  - forening-0'));
    const after = await same(repo, args, cache);
    expect(cacheUse(after)).toMatch(/^1 checked, \d+ from the cache$/);
    expect(after.stdout).toMatch(/forening-0/);
  });

  it('sees an edit that kept the size and the modification time (the change time and the hash tell)', async () => {
    const repo = brokenRepo();
    const cache = path.join(tempDir(), 'cache');
    const file = path.join(repo, 'aktorer.yaml');
    const mtime = new Date('2026-01-01T00:00:00Z');
    utimesSync(file, mtime, mtime);
    await same(repo, ['.', '--format', 'json'], cache);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('typ: kommun', 'typ: kommux');
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(file, edited);
    utimesSync(file, mtime, mtime);
    expect(statSync(file).mtimeMs).toBe(mtime.getTime());
    const r = await same(repo, ['.', '--format', 'json'], cache);
    expect(r.stdout).toMatch(/kommux/);
    expect(cacheUse(r)).toMatch(/^1 checked/);
  });

  it('takes a file whose stamp changed but whose text did not from the cache (checked by its hash)', async () => {
    const repo = brokenRepo();
    const cache = path.join(tempDir(), 'cache');
    await same(repo, ['.'], cache);
    const file = path.join(repo, 'schema.yaml');
    writeFileSync(file, readFileSync(file));
    const r = await same(repo, ['.'], cache);
    expect(cacheUse(r)).toMatch(/^0 checked, \d+ from the cache$/);
  });

  it('does not use a cache made with another --as-of, limit or severity, and stores each anew', async () => {
    const { repo, cache } = await cachedBrokenRepo();
    const otherDay = await same(repo, ['.', '--format', 'json', '--as-of', '2030-01-01'], cache);
    expect(cacheUse(otherDay)).toMatch(/^\d+ checked, 0 from the cache$/);
    const config = path.join(repo, 'lofte.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nregler:\n  not-measurable: off\n`);
    const otherConfig = await same(repo, ['.', '--format', 'json'], cache);
    expect(cacheUse(otherConfig)).toMatch(/^\d+ checked, 0 from the cache$/);
    expect(otherConfig.stdout).not.toMatch(/not-measurable/);
    expect(cacheUse(await same(repo, ['.', '--format', 'json'], cache))).toBe('nothing changed');
  });
});

describe('a cache that is not what lofte wrote is ignored and written anew', () => {
  const spoil: Record<string, (file: string) => void> = {
    truncated: (file) => writeFileSync(file, readFileSync(file).subarray(0, Math.floor(statSync(file).size / 2))),
    'a flipped byte': (file) => {
      const bytes = readFileSync(file);
      const at = Math.floor(bytes.length * 0.7);
      bytes[at] = (bytes[at] as number) ^ 0x20;
      writeFileSync(file, bytes);
    },
    'another program’s file': (file) => writeFileSync(file, '{"version": 3, "files": {}}\n'),
    empty: (file) => writeFileSync(file, ''),
    // The right header and checksum over values of the wrong shape (a forged or future layout).
    'the right checksum over the wrong shape': (file) => {
      const body = serialize({ key: 'x', entries: new Map([['a', { stamp: 1 }]]), files: 'none' });
      writeFileSync(file, Buffer.concat([Buffer.from(`lofte-cache 1 ${createHash('sha1').update(body).digest('hex')}\n`), body]));
    },
  };
  for (const [name, how] of Object.entries(spoil)) {
    it(name, async () => {
      const { repo, cache } = await cachedBrokenRepo();
      for (const file of cacheFiles(cache)) how(file);
      const r = await same(repo, ['.', '--format', 'json'], cache);
      expect(r.stderr).not.toMatch(/kunde inte sparas/);
      expect(cacheUse(r)).toMatch(/^\d+ checked, 0 from the cache$/);
      expect(cacheUse(await same(repo, ['.', '--format', 'json'], cache))).toBe('nothing changed');
    });
  }

  for (const [name, how] of Object.entries(spoil)) {
    it(`the result file alone spoilt (${name}): the files come from the cache, the result is worked out anew`, async () => {
      const { repo, cache } = await cachedBrokenRepo();
      how(path.join(cache, 'result'));
      const r = await same(repo, ['.', '--format', 'json'], cache);
      expect(cacheUse(r)).toMatch(/^0 checked, \d+ from the cache$/);
      expect(cacheUse(await same(repo, ['.', '--format', 'json'], cache))).toBe('nothing changed');
    });
  }

  for (const [name, how] of Object.entries(spoil)) {
    it(`the walk file alone spoilt (${name}): the folders are listed again, and the walk is written anew`, async () => {
      const repo = brokenRepo();
      const cache = path.join(tempDir(), 'cache');
      await settled();
      await same(repo, ['.', '--format', 'json'], cache);
      how(path.join(cache, 'walk'));
      const r = await same(repo, ['.', '--format', 'json'], cache);
      expect([walkKept(r), cacheUse(r)]).toEqual([false, 'nothing changed']);
      expect(walkKept(await same(repo, ['.', '--format', 'json'], cache))).toBe(true);
    });
  }

  it('a whole result file of an earlier run is not taken for the state’s: it is not used', async () => {
    const { repo, cache } = await cachedBrokenRepo();
    const earlier = readFileSync(path.join(cache, 'result'));
    const file = path.join(repo, 'medborgarlofte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/ansvarig: ([a-z-]+)/, 'ansvarig: $1-finns-inte'));
    await pastTick(file);
    await same(repo, ['.', '--format', 'json'], cache);
    writeFileSync(path.join(cache, 'result'), earlier);
    // The state says nothing changed since the edit; the result file is the one before it.
    const r = await same(repo, ['.', '--format', 'json'], cache);
    expect(r.stdout).toMatch(/finns-inte/);
    expect(cacheUse(r)).toMatch(/^0 checked, \d+ from the cache$/);
  });

  for (const [name, how] of Object.entries(spoil)) {
    it(`a stage file spoilt (${name}): the files come from their entries, the stage is worked out anew`, async () => {
      const { repo, cache } = await cachedBrokenRepo();
      const file = path.join(repo, 'medborgarlofte.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/ansvarig: ([a-z-]+)/, 'ansvarig: $1-finns-inte'));
      for (const f of readdirSync(cache).filter((f) => f === 'stage' || /^stage-\d+$/.test(f))) how(path.join(cache, f));
      const r = await same(repo, ['.', '--format', 'json'], cache);
      expect(cacheUse(r)).toMatch(/^1 checked, \d+ from the cache$/);
      expect(r.stdout).toMatch(/finns-inte/);
      expect(cacheUse(await same(repo, ['.', '--format', 'json'], cache))).toBe('nothing changed');
    });
  }

  // Whole files with the right key and token whose columns do not hold together (a bug, or a
  // layout of another build that kept the key): the stage is not used, never read out of range.
  const forged: [string, (stage: Record<string, unknown>, shards: Record<string, unknown>[]) => void][] = [
    ['an id past the table', (_, shards) => void ((shards.find((s) => (s['entities'] as Int32Array).length > 0)?.['entities'] as Int32Array)[1] = 1_000_000)],
    ['a document’s refs past the list', (_, shards) => void ((shards.find((s) => (s['entities'] as Int32Array).length > 0)?.['entities'] as Int32Array)[5] = 1_000_000)],
    ['a file’s documents past the list', (_, shards) => void ((shards.find((s) => (s['files'] as Int32Array).length > 0)?.['files'] as Int32Array)[1] = 1_000_000)],
    ['a kind that is none', (_, shards) => void ((shards.find((s) => (s['entities'] as Int32Array).length > 0)?.['entities'] as Int32Array)[0] = 9)],
    ['findings of a row that is none', (_, shards) => void (shards[0]?.['extra'] as Map<number, unknown>).set(1_000_000, [undefined, [], undefined, []])],
    [
      'two files at one row',
      (stage) => {
        (stage['places'] as Uint8Array)[1] = (stage['places'] as Uint8Array)[0] as number;
        (stage['rows'] as Int32Array)[1] = (stage['rows'] as Int32Array)[0] as number;
      },
    ],
    ['a file in a shard that is none', (stage) => void ((stage['places'] as Uint8Array)[0] = 200)],
  ];
  for (const [name, forge] of forged) {
    it(`a stage file with ${name} is not used: the same output, and the stage is worked out anew`, async () => {
      const { readCacheFile, writeCacheFile } = await import('../src/cache/store.js');
      const { repo, cache } = await cachedBrokenRepo();
      const parts = readdirSync(cache).filter((f) => /^stage-\d+$/.test(f)).sort().map((f) => path.join(cache, f));
      const stage = readCacheFile(path.join(cache, 'stage')) as Record<string, unknown>;
      const shards = parts.map((f) => readCacheFile(f) as Record<string, unknown>);
      forge(stage, shards);
      writeCacheFile(path.join(cache, 'stage'), stage);
      parts.forEach((f, n) => writeCacheFile(f, shards[n]));
      const file = path.join(repo, 'medborgarlofte.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/ansvarig: ([a-z-]+)/, 'ansvarig: $1-finns-inte'));
      await pastTick(file);
      const r = await same(repo, ['.', '--format', 'json'], cache);
      expect(cacheUse(r)).toMatch(/^1 checked, \d+ from the cache$/);
      const m = /repository rules \((\d+) of (\d+) files\)/.exec(r.stderr);
      expect(m?.[1]).toBe(m?.[2]);
      expect(cacheUse(await same(repo, ['.', '--format', 'json'], cache))).toBe('nothing changed');
    });
  }

  it('the stage file’s paths are written again only when the files are others, read only then, and not used from another run', async () => {
    const { readCacheFile, writeCacheFile } = await import('../src/cache/store.js');
    const { repo, cache } = await cachedBrokenRepo();
    const pathsFile = path.join(cache, 'stage-paths');
    const first = readFileSync(pathsFile);
    const file = path.join(repo, 'medborgarlofte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/ansvarig: ([a-z-]+)/, 'ansvarig: $1-finns-inte'));
    await pastTick(file);
    await same(repo, ['.', '--format', 'json'], cache);
    expect(readFileSync(pathsFile).equals(first)).toBe(true);
    writeFileSync(path.join(repo, 'ny.yaml'), 'apiVersion: lofte/v1\nkind: Aktor\nid: ny-forening\nnamn: Ny förening\ntyp: forening\n');
    await pastTick(path.join(repo, 'ny.yaml'));
    const added = await same(repo, ['.', '--format', 'json'], cache);
    expect(cacheUse(added)).toMatch(/^1 checked, \d+ from the cache$/);
    expect(readFileSync(pathsFile).equals(first)).toBe(false);
    // A path less under the same token (a forged part): over the same files it is not read (the
    // stage file's checksum of the paths says they are the same) ...
    const now = readCacheFile(pathsFile) as { files: Uint8Array };
    writeCacheFile(pathsFile, { ...now, files: now.files.subarray(0, now.files.lastIndexOf(0)) });
    writeFileSync(file, readFileSync(file, 'utf8').replace('-finns-inte', '-finns-inte-heller'));
    await pastTick(file);
    const untouched = await same(repo, ['.', '--format', 'json'], cache);
    expect(cacheUse(untouched)).toMatch(/^1 checked, \d+ from the cache$/);
    expect(/repository rules \((\d+) of (\d+) files\)/.exec(untouched.stderr)?.[1]).not.toBe(/repository rules \((\d+) of (\d+) files\)/.exec(untouched.stderr)?.[2]);
    // ... and with a file more, where it is read, the parts no longer go together: the stage is worked out anew.
    writeFileSync(path.join(repo, 'ny2.yaml'), 'apiVersion: lofte/v1\nkind: Aktor\nid: ny-forening-2\nnamn: Ny förening 2\ntyp: forening\n');
    await pastTick(path.join(repo, 'ny2.yaml'));
    const r = await same(repo, ['.', '--format', 'json'], cache);
    const m = /repository rules \((\d+) of (\d+) files\)/.exec(r.stderr);
    expect(m?.[1]).toBe(m?.[2]);
  });

  it('a stage file whose part is from another run (one part written, the rest not) is not used', async () => {
    const { repo, cache } = await cachedBrokenRepo();
    const parts = readdirSync(cache).filter((f) => /^stage-\d+$/.test(f));
    const saved = new Map(parts.map((f) => [f, readFileSync(path.join(cache, f))]));
    const file = path.join(repo, 'medborgarlofte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/ansvarig: ([a-z-]+)/, 'ansvarig: $1-finns-inte'));
    await same(repo, ['.', '--format', 'json'], cache);
    // The part that changed put back as it was before: its token no longer matches.
    for (const [f, bytes] of saved) if (!readFileSync(path.join(cache, f)).equals(bytes)) writeFileSync(path.join(cache, f), bytes);
    writeFileSync(file, readFileSync(file, 'utf8').replace('-finns-inte', '-finns-inte-heller'));
    const r = await same(repo, ['.', '--format', 'json'], cache);
    // Not seeded: the stage works out every file.
    const m = /repository rules \((\d+) of (\d+) files\)/.exec(r.stderr);
    expect(m?.[1]).toBe(m?.[2]);
    expect(cacheUse(r)).toMatch(/^1 checked, \d+ from the cache$/);
  });

  it('an entry whose body is spoilt is read once: the file is checked again', async () => {
    const { readBytes } = await import('../src/cache/store.js');
    const { repo, cache } = await cachedBrokenRepo();
    // The last byte of each part is in its last entry's body (a part without entries is only its index).
    const parts = readdirSync(cache).filter((f) => f.startsWith('files-'));
    for (const f of parts) {
      const bytes = readFileSync(path.join(cache, f));
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0x20;
      writeFileSync(path.join(cache, f), bytes);
    }
    // Without the stage file (and with a file edited) every file's entry is looked at.
    writeFileSync(path.join(cache, 'stage'), '');
    const file = path.join(repo, 'medborgarlofte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/ansvarig: ([a-z-]+)/, 'ansvarig: $1-finns-inte'));
    vi.mocked(readBytes).mockClear();
    const r = await same(repo, ['.', '--format', 'json'], cache);
    const reads = vi.mocked(readBytes).mock.calls.map(([f, offset]) => `${path.basename(f)}@${offset}`);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads).toEqual([...new Set(reads)]);
    // The files whose entries are spoilt are checked again besides the edited one.
    expect(Number(/^(\d+) checked, \d+ from the cache$/.exec(cacheUse(r))?.[1])).toBeGreaterThan(1);
    expect(cacheUse(await same(repo, ['.', '--format', 'json'], cache))).toBe('nothing changed');
  });

  it('a cache folder that was deleted is made again', async () => {
    const repo = brokenRepo();
    const cache = path.join(tempDir(), 'cache');
    await same(repo, ['.'], cache);
    rmSync(cache, { recursive: true });
    await same(repo, ['.'], cache);
    expect(cacheUse(await same(repo, ['.'], cache))).toBe('nothing changed');
  });

  it('a result stored for all files is not used when a file is gone', async () => {
    const { repo, cache } = await cachedBrokenRepo();
    rmSync(path.join(repo, 'aktorer.yaml'));
    const r = await same(repo, ['.', '--format', 'json'], cache);
    expect(cacheUse(r)).toMatch(/^0 checked, \d+ from the cache$/);
  });
});

describe('the folders as the last run listed them', () => {
  it('are taken while no folder changed; after a file is added, removed or moved or a folder renamed, only the folders that changed are listed; an edit in place is seen by the file’s stamp', async () => {
    const { dir, corpus, cache, args } = generatedCorpus(60, 11);
    await settled();
    expect(walkUse(await same(dir, args, cache))).toBe('every folder listed');
    let r = await same(dir, args, cache);
    expect([walkUse(r), cacheUse(r)]).toEqual(['the folders as last time', 'nothing changed']);
    const files = yamlFilesIn(corpus);
    const first = files[0] as string;
    const copy = path.join(path.dirname(files[files.length - 1] as string), 'kopia.yaml');
    const foldersIn = (folder: string): number => 1 + (readdirSync(folder, { recursive: true, withFileTypes: true }) as { isDirectory(): boolean }[]).filter((e) => e.isDirectory()).length;
    const steps: [string, () => void, () => RegExp][] = [
      // A copy of a file defines its ids a second time: the findings change.
      ['a file added', () => cpSync(first, copy), () => /^1 of \d+ folders listed$/],
      ['a file edited in place', () => writeFileSync(copy, readFileSync(copy, 'utf8').replace(/^(\s*id: )(\S+)/m, '$1$2-ny')), () => /^the folders as last time$/],
      ['a file moved to another folder', () => renameSync(copy, path.join(path.dirname(first), 'kopia.yaml')), () => /^2 of \d+ folders listed$/],
      ['a file removed', () => rmSync(path.join(path.dirname(first), 'kopia.yaml')), () => /^1 of \d+ folders listed$/],
      // The folder's parent, and the folder and every folder in it under their new paths.
      ['a folder renamed', () => renameSync(path.dirname(first), `${path.dirname(first)}-ny`), () => new RegExp(`^${1 + foldersIn(`${path.dirname(first)}-ny`)} of \\d+ folders listed$`)],
    ];
    for (const [step, change, use] of steps) {
      change();
      await settled();
      r = await same(dir, args, cache);
      expect(`${step}: ${walkUse(r)}`).toMatch(new RegExp(`^${step}: ${use().source.slice(1)}`));
      // The walk made is kept for the next run, which changes nothing.
      r = await same(dir, args, cache);
      expect([step, walkUse(r), cacheUse(r)]).toEqual([step, 'the folders as last time', 'nothing changed']);
    }
  });

  it('step after step of random changes to files and folders, each run as without the cache', async () => {
    const { dir, corpus, cache, args } = generatedCorpus(50, 23);
    await settled();
    await same(dir, args, cache);
    let state = 3;
    const random = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const folders = (): string[] => [...new Set(yamlFilesIn(corpus).map((f) => path.dirname(f)))];
    const steps: [string, (n: number) => void][] = [
      ['an edit in place', () => {
        const f = pick(yamlFilesIn(corpus));
        writeFileSync(f, readFileSync(f, 'utf8').replace(/^(titel|namn): .*$/m, '$1: Ändrad'));
      }],
      ['a file added', (n) => cpSync(pick(yamlFilesIn(corpus)), path.join(pick(folders()), `ny-${n}.yaml`))],
      ['a file in a new folder', (n) => {
        mkdirSync(path.join(corpus, `mapp-${n}`, 'under'), { recursive: true });
        cpSync(pick(yamlFilesIn(corpus)), path.join(corpus, `mapp-${n}`, 'under', 'fil.yaml'));
      }],
      ['a file removed', () => rmSync(pick(yamlFilesIn(corpus)))],
      ['a folder renamed', (n) => renameSync(pick(folders()), path.join(corpus, `omdopt-${n}`))],
      ['a folder removed', () => rmSync(pick(folders()), { recursive: true })],
      ['a file moved', (n) => renameSync(pick(yamlFilesIn(corpus)), path.join(pick(folders()), `flyttad-${n}.yaml`))],
      // An editor's swap file: the folder changes, no file does.
      ['a file made and removed', () => {
        const swap = path.join(pick(folders()), '.fil.yaml.swp');
        writeFileSync(swap, 'x');
        rmSync(swap);
      }],
      ['a file that is not lofte’s', (n) => writeFileSync(path.join(pick(folders()), `anteckning-${n}.txt`), 'x')],
      ['a file in a dot folder', (n) => {
        mkdirSync(path.join(pick(folders()), `.dold-${n}`));
        writeFileSync(path.join(pick(folders()), `.dold-${n}`, 'x.yaml'), 'kind: Aktor\n', { flag: 'a' });
      }],
    ];
    let kept = 0;
    for (let n = 0; n < 16; n++) {
      const [name, change] = pick(steps);
      change(n);
      await settled();
      const r = await same(dir, args, cache);
      expect(r.stderr, `step ${n}: ${name}`).not.toMatch(/\n\s+at /);
      if (walkKept(r)) kept++;
      // The walk made in a run is taken by the next, which sees nothing changed.
      const again = await same(dir, args, cache);
      expect([n, name, walkKept(again), cacheUse(again)]).toEqual([n, name, true, 'nothing changed']);
    }
    expect(kept).toBeGreaterThan(0);
  });

  it('are listed again when a .gitignore the walk read is changed in place, and not taken while git had to be asked', async () => {
    const { repo, extra, cache, args } = await parkenWithFailingReference('kind: Aktor\nid: extra-aktor\nnamn: Extra\ntyp: förening\n');
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const ignore = path.join(repo, '.gitignore');
    writeFileSync(ignore, 'tmp/\n');
    await settled();
    await same(repo, args, cache);
    expect(walkKept(await same(repo, args, cache))).toBe(true);
    // The same folder, the same inode: only the .gitignore's own stamp tells.
    writeFileSync(ignore, `tmp/\n${path.basename(extra)}\n`);
    await settled();
    let r = await same(repo, args, cache);
    expect(walkKept(r)).toBe(false);
    expect(r.stdout).not.toContain('extra.yaml');
    // git was asked which paths it ignores: its answer hangs on more than files, so no walk is kept.
    r = await same(repo, args, cache);
    expect(walkKept(r)).toBe(false);
  });

  it('after a walk that listed only some folders, a .gitignore read in a folder taken from the last walk still counts', async () => {
    const { repo, cache, args } = await parkenWithFailingReference('kind: Aktor\nid: extra-aktor\nnamn: Extra\ntyp: förening\n');
    execFileSync('git', ['init', '-q'], { cwd: repo });
    for (const [folder, id] of [['a', 'a-aktor'], ['b', 'b-aktor']] as const) {
      mkdirSync(path.join(repo, folder));
      writeFileSync(path.join(repo, folder, 'aktor.yaml'), `kind: Aktor\nid: ${id}\nnamn: ${id}\ntyp: förening\n`);
    }
    const ignore = path.join(repo, 'a', '.gitignore');
    writeFileSync(ignore, 'tmp/\n');
    await settled();
    await same(repo, args, cache);
    expect(walkUse(await same(repo, args, cache))).toBe('the folders as last time');
    // Folder b changes: only it is listed, and a (whose .gitignore the first walk read) is taken as it was.
    writeFileSync(path.join(repo, 'b', 'ny.yaml'), 'kind: Aktor\nid: ny-aktor\nnamn: Ny\ntyp: förening\n');
    await settled();
    expect(walkUse(await same(repo, args, cache))).toMatch(/^1 of \d+ folders listed$/);
    // Now a's .gitignore, changed in place, ignores a's file: the folder a is the same, the .gitignore is not.
    writeFileSync(ignore, 'tmp/\naktor.yaml\n');
    await settled();
    const r = await same(repo, args, cache);
    expect(walkUse(r)).toBe('every folder listed');
    expect(r.stdout).not.toContain('a/aktor.yaml');
  });

  it('are taken with a file named on the command line while it is a file; once it is gone, the same error as without the cache', async () => {
    const { repo, cache } = await parkenWithFailingReference('kind: Aktor\nid: extra-aktor\nnamn: Extra\ntyp: förening\n');
    // A file outside the repository's folders, checked with it: no folder the walk lists holds it.
    const outside = path.join(tempDir(), 'utanfor.yaml');
    renameSync(path.join(repo, 'extra.yaml'), outside);
    const args = ['--config', 'lofte.config.yaml', outside, '--format', 'json'];
    await settled();
    await same(repo, args, cache);
    expect(walkKept(await same(repo, args, cache))).toBe(true);
    rmSync(outside);
    const r = await same(repo, args, cache);
    expect([r.code, walkKept(r)]).toEqual([2, false]);
    expect(r.stderr).toMatch(/utanfor\.yaml/);
  });

  it('are neither taken nor kept while a GIT_ setting makes git the judge of what is ignored', async () => {
    const { repo, cache } = await parkenWithFailingReference('kind: Aktor\nid: extra-aktor\nnamn: Extra\ntyp: ingen-sådan-typ\n');
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const args = ['validate', '.', '--format', 'json', ...AS_OF];
    const withCache = [...args, '--cache-location', cache];
    const env = { LOFTE_TIMING: '1', HOME: tempDir() };
    await settled();
    spawnCli(withCache, { cwd: repo, env });
    const kept = spawnCli(withCache, { cwd: repo, env });
    expect([walkUse(kept), kept.stdout]).toEqual(['the folders as last time', expect.stringContaining('extra.yaml')]);
    // git's own settings, given in the environment, ignore extra.yaml: no file or folder changed.
    const gitConfig = path.join(tempDir(), 'gitconfig');
    const excludes = path.join(tempDir(), 'ignore');
    writeFileSync(gitConfig, `[core]\n\texcludesFile = ${excludes}\n`);
    writeFileSync(excludes, 'extra.yaml\n');
    const gitEnv = { ...env, GIT_CONFIG_GLOBAL: gitConfig };
    const plain = spawnCli(args, { cwd: repo, env: gitEnv });
    expect(plain.stdout).not.toContain('extra.yaml');
    for (let run = 0; run < 2; run++) {
      const r = spawnCli(withCache, { cwd: repo, env: gitEnv });
      expect([r.code, r.stdout, walkUse(r)]).toEqual([plain.code, plain.stdout, 'every folder listed']);
    }
  });

  it('are listed again when the configuration’s ignorera changes', async () => {
    const { repo, cache, args } = await parkenWithFailingReference('kind: Aktor\nid: extra-aktor\nnamn: Extra\ntyp: förening\n');
    const config = path.join(repo, 'lofte.config.yaml');
    await settled();
    await same(repo, args, cache);
    expect(walkKept(await same(repo, args, cache))).toBe(true);
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nignorera:\n  - extra.yaml\n`);
    await settled();
    const r = await same(repo, args, cache);
    expect(walkKept(r)).toBe(false);
    expect(walkKept(await same(repo, args, cache))).toBe(true);
  });

  // A folder's stamp vouches for its listing only on a file system seen to change it as an entry is added: the cache folder's.
  const shm = '/dev/shm';
  it.runIf(existsSync(shm) && statSync(shm).dev !== statSync(os.tmpdir()).dev)('are not kept for folders on another device than the cache', async () => {
    const { repo, args } = await parkenWithFailingReference('kind: Aktor\nid: extra-aktor\nnamn: Extra\ntyp: förening\n');
    const cache = tempDir(shm);
    await settled();
    await same(repo, args, cache);
    const r = await same(repo, args, cache);
    expect([walkKept(r), cacheUse(r)]).toEqual([false, 'nothing changed']);
  });

  it('are not kept for a walk that met a symlink, or a folder changed in the run’s own tick', async () => {
    const { repo, cache, args } = await parkenWithFailingReference('kind: Aktor\nid: extra-aktor\nnamn: Extra\ntyp: förening\n');
    const sub = path.join(repo, 'underlag');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'aktor.yaml'), 'kind: Aktor\nid: underlag-aktor\nnamn: Underlag\ntyp: förening\n');
    // A folder whose time is ahead of the run: as if it changed again within the run's tick.
    const ahead = new Date(Date.now() + 60_000);
    utimesSync(sub, ahead, ahead);
    await settled();
    await same(repo, args, cache);
    expect(walkKept(await same(repo, args, cache))).toBe(false);
    utimesSync(sub, new Date(2020, 0, 1), new Date(2020, 0, 1));
    await settled();
    await same(repo, args, cache);
    expect(walkKept(await same(repo, args, cache))).toBe(true);
    symlinkSync(os.tmpdir(), path.join(repo, 'utanfor'));
    await settled();
    await same(repo, args, cache);
    expect(walkKept(await same(repo, args, cache))).toBe(false);
  });
});

describe('where the cache is written', () => {
  it('--cache keeps it under node_modules/.cache/lofte at the repository root, also from a subfolder, and nowhere else', async () => {
    const repo = brokenRepo();
    const sub = path.join(repo, 'undermapp');
    mkdirSync(sub);
    cpSync(path.join(repo, 'aktorer.yaml'), path.join(sub, 'kopia.txt'));
    const before = readdirSync(repo, { recursive: true, encoding: 'utf8' }).sort();
    const plain = await runCli(['validate', '..', ...AS_OF], { cwd: sub });
    const cached = await runCli(['validate', '..', '--cache', ...AS_OF], { cwd: sub, env: { LOFTE_TIMING: '1' } });
    expect(cached.stdout).toBe(plain.stdout);
    const added = readdirSync(repo, { recursive: true, encoding: 'utf8' }).filter((f) => !before.includes(f));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((f) => f.startsWith('node_modules'))).toBe(true);
    expect(existsSync(path.join(repo, 'node_modules', '.cache', 'lofte', 'state'))).toBe(true);
    const warm = await runCli(['validate', '..', '--cache', ...AS_OF], { cwd: sub, env: { LOFTE_TIMING: '1' } });
    expect(cacheUse(warm)).toBe('nothing changed');
    expect(warm.stdout).toBe(plain.stdout);
  });

  it('a cache that cannot be written is said once, in Swedish or English; the check runs and exits as without it', async () => {
    const repo = brokenRepo();
    const blocker = path.join(tempDir(), 'en-fil');
    writeFileSync(blocker, 'not a folder\n');
    const plain = await validate(repo, ['.']);
    const sv = await validate(repo, ['.'], path.join(blocker, 'cache'));
    expect(sv.stdout).toBe(plain.stdout);
    expect(sv.code).toBe(plain.code);
    expect(sv.stderr).toContain(`lofte: cachen i ${path.relative(repo, path.join(blocker, 'cache'))} kunde inte sparas (ENOTDIR); kontrollen gjordes ändå. Tips: ange en mapp du får skriva i med --cache-location.\n`);
    const en = await validate(repo, ['.', '--lang', 'en'], path.join(blocker, 'cache'));
    expect(en.stderr).toContain('could not be saved (ENOTDIR); the check ran all the same. Hint: give a folder you may write to with --cache-location.\n');
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder\n');
  });
});

describe('the cache files are written whole or not at all', () => {
  it('both kinds read back as written; one that cannot take its place (a folder is there) leaves nothing beside it', async () => {
    const { readCacheFile, readIndex, readBytes: read, writeCacheFile, writeIndexedFile } = await import('../src/cache/store.js');
    const dir = tempDir();
    const plain = path.join(dir, 'plain');
    const indexed = path.join(dir, 'indexed');
    expect(writeCacheFile(plain, { a: [1, 'två'] })).toBeUndefined();
    expect(readCacheFile(plain)).toEqual({ a: [1, 'två'] });
    const body = Buffer.from('en kropp');
    expect(writeIndexedFile(indexed, { n: 1 }, [body])).toBeUndefined();
    const index = readIndex(indexed);
    expect(index?.index).toEqual({ n: 1 });
    expect(read(indexed, index?.bodyStart as number, body.length)).toEqual(body);
    // A folder (not empty) where the file should go: the rename fails.
    for (const [file, write] of [
      [path.join(dir, 'plain-folder'), (f: string) => writeCacheFile(f, { a: 1 })],
      [path.join(dir, 'indexed-folder'), (f: string) => writeIndexedFile(f, { n: 1 }, [body])],
    ] as const) {
      mkdirSync(path.join(file, 'inside'), { recursive: true });
      expect(write(file)).toMatch(/^E[A-Z]+$/);
      expect(readdirSync(file)).toEqual(['inside']);
    }
    expect(readdirSync(dir).sort()).toEqual(['indexed', 'indexed-folder', 'plain', 'plain-folder']);
  });
});

describe('a cache folder the system refuses', () => {
  it('under /proc: said on stderr, never a hang (the real CLI, one folder made at a time)', () => {
    const repo = brokenRepo();
    const plain = spawnCli(['validate', '.', ...AS_OF], { cwd: repo });
    const r = spawnCli(['validate', '.', ...AS_OF, '--cache-location', '/proc/lofte-cache'], { cwd: repo });
    expect(r.code).toBe(plain.code);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toMatch(/^lofte: cachen i .*proc\/lofte-cache kunde inte sparas \(E[A-Z]+\); kontrollen gjordes ändå\./m);
  });
});

describe('a session (watch mode) that starts from the cache', () => {
  it('runs again after a change as a session without the cache does, also when its first run took the stored result', async () => {
    const { ValidationSession } = await import('../src/validate.js');
    const repo = brokenRepo();
    const cache = path.join(tempDir(), 'cache');
    const options = { cwd: repo, paths: [repo], asOf: '2026-11-24' };
    await new ValidationSession({ ...options, cache: { location: cache } }).run();
    const watched = new ValidationSession({ ...options, cache: { location: cache } });
    const first = await watched.run();
    expect(first.reread).toBe(0);
    expect(first.diagnostics).toEqual((await new ValidationSession(options).run()).diagnostics);
    const file = path.join(repo, 'aktorer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('typ: kommun', 'typ: kommux'));
    const second = await watched.run(new Set([file]));
    const fresh = await new ValidationSession(options).run();
    expect(second.diagnostics).toEqual(fresh.diagnostics);
    expect(JSON.stringify(second.diagnostics)).toMatch(/kommux/);
  });

  it('goes on with the repository stage of a first run that took most files from the cache', async () => {
    const { ValidationSession } = await import('../src/validate.js');
    const repo = brokenRepo();
    const cache = path.join(tempDir(), 'cache');
    const options = { cwd: repo, paths: [repo], asOf: '2026-11-24' };
    await new ValidationSession({ ...options, cache: { location: cache } }).run();
    const actors = path.join(repo, 'aktorer.yaml');
    writeFileSync(actors, readFileSync(actors, 'utf8').replace('typ: kommun', 'typ: kommux'));
    const watched = new ValidationSession({ ...options, cache: { location: cache } });
    const first = await watched.run();
    expect(first.reread).toBe(1);
    expect(first.diagnostics).toEqual((await new ValidationSession(options).run()).diagnostics);
    const promise = path.join(repo, 'medborgarlofte.yaml');
    writeFileSync(promise, readFileSync(promise, 'utf8').replace(/ansvarig: ([a-z-]+)/, 'ansvarig: $1-finns-inte'));
    const second = await watched.run(new Set([promise]));
    expect(second.reread).toBe(1);
    expect(second.diagnostics).toEqual((await new ValidationSession(options).run()).diagnostics);
    expect(JSON.stringify(second.diagnostics)).toMatch(/finns-inte/);
    const links = (r: { graph: { links: readonly { from: { id: string | undefined; doc: { file: string } }; path: unknown; to: { id: string | undefined; doc: { file: string } } }[] } }): unknown[] =>
      r.graph.links.map((l) => [l.from.doc.file, l.from.id, l.path, l.to.id, l.to.doc.file]);
    expect(links(second)).toEqual(links(await new ValidationSession(options).run()));
    expect(second.entities.map((e) => e.value)).toEqual((await new ValidationSession(options).run()).entities.map((e) => e.value));
  });
});

describe('the stamps a --cache run compares', () => {
  it('as numbers they say what the stamps as text say, and text made back into numbers gives the same bytes (the listing of a run that saved is the one the next run works out)', async () => {
    const { currentStamp, CurrentStamps, stampNumbers } = await import('../src/load/index.js');
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.yaml'), 'kind: Aktor\n');
    writeFileSync(path.join(dir, 'b.md'), '');
    mkdirSync(path.join(dir, 'folder.yaml'));
    const files = [
      { absPath: path.join(dir, 'a.yaml'), name: 'a.yaml' },
      { absPath: path.join(dir, 'gone.yaml'), name: 'gone.yaml' },
      { absPath: path.join(dir, 'b.md'), name: 'b.md' },
      { absPath: path.join(dir, 'folder.yaml'), name: 'folder.yaml' },
      { absPath: path.join(dir, 'a.yaml'), name: 'a.yaml', unreadableFolder: true as const },
    ];
    const stamps = new CurrentStamps(files);
    expect(stamps.text).toEqual(files.map(currentStamp));
    expect(stamps.text.filter((s) => s === 'gone')).toHaveLength(3);
    expect(stamps.gone).toBe(true);
    expect(Buffer.from(stampNumbers(stamps.text).buffer).equals(Buffer.from(stamps.numbers.buffer))).toBe(true);
    expect(new CurrentStamps(files.slice(0, 1)).gone).toBe(false);
    // A stamp that is no file's (a racy entry, see PersistentCache.save) is none of a file's numbers.
    expect([...stampNumbers(['racy'])].every(Number.isNaN)).toBe(true);
  });
});
