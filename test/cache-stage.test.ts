// The index a run seeded from the persistent cache asks (cache/stage.ts `ColumnIndex`): the same
// answers as an index of every document made from scratch, and a session that goes on from it.

import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { entityFacts, type SeedIndex } from '../src/check/repository.js';
import { cacheKey, PersistentCache } from '../src/cache/index.js';
import { readCacheFile, writeCacheFile } from '../src/cache/store.js';
import { discover } from '../src/load/discover.js';
import { CurrentStamps } from '../src/load/index.js';
import { DEFAULT_PARSE_LIMITS } from '../src/load/parse.js';
import type { Entity } from '../src/schema/index.js';
import { loadSchemas } from '../src/schema/validators.js';
import { ValidationSession, type ValidateOptions } from '../src/validate.js';
import { example, runCli, tempDirs, type CliResult } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const tempDir = tempDirs('lofte-cache-stage-');

const label = (e: Entity): string => `${e.doc.file}#${e.doc.index}`;

/**
 * examples/vastra-blekinge with documents an index can get wrong: an id defined in two files, a
 * document naming one id twice, documents without an id and with the id '', a medborgarlöfte
 * whose promises cannot be read.
 */
function awkwardRepo(): { repo: string; cache: string; options: ValidateOptions } {
  const repo = path.join(tempDir(), 'repo');
  cpSync(example('vastra-blekinge'), repo, { recursive: true });
  const aktor = (id: string, namn: string): string => `---\napiVersion: lofte/v1\nkind: Aktor\nid: ${id}\nnamn: ${namn}\ntyp: forening\n`;
  writeFileSync(path.join(repo, 'a-extra.yaml'), `${aktor('dubbel-forening', 'Först')}${aktor('annan-forening', 'Annan')}---\napiVersion: lofte/v1\nkind: Aktor\nid: extra-kommun\nnamn: Extra\ntyp: kommun\n---\napiVersion: lofte/v1\nkind: Aktor\nnamn: Utan id\ntyp: forening\n`);
  writeFileSync(path.join(repo, 'n-extra.yaml'), 'apiVersion: lofte/v1\nkind: Medborgarlofte\nid: annat-lofte\ntitel: Annat löfte\nlokalpolisomrade: annan-forening\nloften: []\n');
  writeFileSync(path.join(repo, 'z-extra.yaml'), `${aktor('dubbel-forening', 'Sist')}---\napiVersion: lofte/v1\nkind: Aktor\nid: ''\nnamn: Tomt id\ntyp: forening\n`);
  writeFileSync(
    path.join(repo, 'm-extra.yaml'),
    'apiVersion: lofte/v1\nkind: Medborgarlofte\nid: olasligt-lofte\ntitel: Olästa löften\nlokalpolisomrade: annan-forening\nkommuner:\n  - annan-forening\n  - annan-forening\n  - dubbel-forening\n  - Nya Staden\nloften: inte en lista\n',
  );
  return { repo, cache: path.join(tempDir(), 'cache'), options: { cwd: repo, paths: [repo], asOf: '2026-11-24' } };
}

/** The index a run seeded from the cache at `location` gets, and that run's files' results. */
async function seededIndex(options: ValidateOptions, location: string): Promise<SeedIndex> {
  const cache = new PersistentCache(location, cacheKey({ ...options, limits: DEFAULT_PARSE_LIMITS }));
  const files = await discover(options.paths, { cwd: options.cwd });
  const seed = await cache.seed(files, new CurrentStamps(files), loadSchemas, { limits: DEFAULT_PARSE_LIMITS, asOf: options.asOf, disabled: [] }, options.cwd);
  expect(seed).toBeDefined();
  return (seed as NonNullable<typeof seed>).index;
}

/** Expects `index` to answer as an index made from every document of a check from scratch. */
async function expectSameAnswers(index: SeedIndex, options: ValidateOptions): Promise<void> {
  const fresh = await new ValidationSession(options).run();
  const entities = fresh.entities;
  const keys = new Set(['', 'finns-inte']);
  for (const e of entities) {
    keys.add(e.id ?? '');
    for (const ref of entityFacts(e).refs) keys.add(ref);
  }
  for (const key of keys) {
    expect(index.definers(key).map(label), `definers of '${key}'`).toEqual(entities.filter((e) => (e.id ?? '') === key).map(label));
    expect(index.namers(key).map(label), `namers of '${key}'`).toEqual(entities.filter((e) => entityFacts(e).refs.includes(key)).map(label));
    const first = fresh.graph.byId.get(key);
    expect(index.firstDefiner(key) && label(index.firstDefiner(key) as Entity), `first definer of '${key}'`).toEqual(first && label(first));
  }
  expect([...index.firstDefiners()].map(([id, e]) => `${id} ${label(e)}`)).toEqual([...fresh.graph.byId].map(([id, e]) => `${id} ${label(e)}`));
  expect(index.idCount).toBe(fresh.graph.byId.size);
  expect(index.unreadable().map(label)).toEqual(entities.filter((e) => entityFacts(e).unreadable).map(label));
}

describe('the index of a run seeded from the cache', () => {
  it('answers who defines and names each id as an index of every document does', async () => {
    const { cache, options } = awkwardRepo();
    await new ValidationSession({ ...options, cache: { location: cache } }).run();
    const index = await seededIndex(options, cache);
    expect(index.definers('dubbel-forening')).toHaveLength(2);
    expect(index.definers('').length).toBeGreaterThanOrEqual(2);
    expect(index.unreadable()).toHaveLength(1);
    await expectSameAnswers(index, options);
  });

  it('answers the same from a table that holds an id twice (a table is not trusted to be what lofte writes)', async () => {
    const { cache, options } = awkwardRepo();
    await new ValidationSession({ ...options, cache: { location: cache } }).run();
    // An id put at the table's end once more: a document naming it once now names it there, one
    // naming it more than once at both places.
    const head = readCacheFile(path.join(cache, 'stage')) as Record<string, unknown>;
    const ids = Buffer.from(head['ids'] as Uint8Array).toString('utf8').split('\u0000');
    const from = ids.indexOf('annan-forening');
    expect(from).toBeGreaterThanOrEqual(0);
    const moved = { once: 0, more: 0 };
    for (const f of readdirSync(cache).filter((f) => /^stage-\d+$/.test(f))) {
      const shard = readCacheFile(path.join(cache, f)) as Record<string, unknown>;
      const refs = shard['refs'] as Int32Array;
      const entities = shard['entities'] as Int32Array;
      // Six ints per document, its refs from the fifth (see ENTITY_INTS).
      for (let e = 0; e < entities.length; e += 6) {
        const own = refs.subarray(entities[e + 4] as number, (entities[e + 4] as number) + (entities[e + 5] as number));
        const at = own.indexOf(from);
        if (at < 0) continue;
        moved[own.lastIndexOf(from) === at ? 'once' : 'more']++;
        own[at] = ids.length;
      }
      writeCacheFile(path.join(cache, f), shard);
    }
    expect(moved.once).toBeGreaterThanOrEqual(1);
    expect(moved.more).toBeGreaterThanOrEqual(1);
    writeCacheFile(path.join(cache, 'stage'), { ...head, ids: Buffer.from([...ids, 'annan-forening'].join('\u0000'), 'utf8'), idCount: ids.length + 1 });
    await expectSameAnswers(await seededIndex(options, cache), options);
  });
});

describe('a session that starts from the cache', () => {
  it('goes on as a session without the cache after files are added, renamed and changed (the seeded index made whole in the new order)', async () => {
    const { repo, cache, options } = awkwardRepo();
    await new ValidationSession({ ...options, cache: { location: cache } }).run();
    const promise = path.join(repo, 'm-extra.yaml');
    writeFileSync(promise, readFileSync(promise, 'utf8').replace('titel: Olästa löften', 'titel: Andra olästa löften'));
    const watched = new ValidationSession({ ...options, cache: { location: cache } });
    const compare = async (): Promise<void> => {
      const got = await watched.run();
      const fresh = await new ValidationSession(options).run();
      expect(got.diagnostics).toEqual(fresh.diagnostics);
      expect(got.entities.map(label)).toEqual(fresh.entities.map(label));
      expect([...got.graph.byId].map(([id, e]) => `${id} ${label(e)}`)).toEqual([...fresh.graph.byId].map(([id, e]) => `${id} ${label(e)}`));
      const link = (l: (typeof fresh.graph.links)[number]): string => `${label(l.from)} ${l.path.join('.')} → ${label(l.to)}`;
      expect(got.graph.links.map(link)).toEqual(fresh.graph.links.map(link));
    };
    await compare();
    // A name changed to what a failing reference is written as: the suggestions are drawn anew.
    const extra = path.join(repo, 'a-extra.yaml');
    writeFileSync(extra, readFileSync(extra, 'utf8').replace('namn: Extra', 'namn: Nya staden'));
    await compare();
    expect(JSON.stringify((await new ValidationSession(options).run()).diagnostics)).toMatch(/"suggestions":\["extra-kommun"/);
    // A file that sorts first: every file after it moves.
    writeFileSync(path.join(repo, '0-ny.yaml'), 'apiVersion: lofte/v1\nkind: Aktor\nid: dubbel-forening\nnamn: Allra först\ntyp: forening\n');
    await compare();
    rmSync(path.join(repo, 'a-extra.yaml'));
    await compare();
    writeFileSync(promise, readFileSync(promise, 'utf8').replace('lokalpolisomrade: annan-forening', 'lokalpolisomrade: dubbel-forening'));
    await compare();
  });
});

/** Runs `validate --format json` on `repo` with the cache at `cache` and without, expects the same bytes and exit code, and returns how many files of how many the repository stage redid. */
async function sameRedone(repo: string, cache: string): Promise<[number, number]> {
  const args = ['validate', '--as-of', '2026-11-24', '.', '--format', 'json'];
  const plain = await runCli(args, { cwd: repo });
  const cached: CliResult = await runCli([...args, '--cache-location', cache], { cwd: repo, env: { LOFTE_TIMING: '1' } });
  expect(cached.stdout).toBe(plain.stdout);
  expect(cached.code).toBe(plain.code);
  const m = /repository rules \((\d+) of (\d+) files\)/.exec(cached.stderr);
  return m ? [Number(m[1]), Number(m[2])] : [-1, -1];
}

describe('the fields suggestions are drawn from, kept in the stage file', () => {
  const forged: [string, (shard: Record<string, unknown>) => void][] = [
    ['a tag that is none', (shard) => void ((shard['slimTags'] as Uint8Array)[0] = 9)],
    ['a text less than the tags say', (shard) => void (shard['slimText'] = (shard['slimText'] as Uint8Array).subarray(0, (shard['slimText'] as Uint8Array).lastIndexOf(0)))],
    ['a tag less', (shard) => void (shard['slimTags'] = (shard['slimTags'] as Uint8Array).subarray(1))],
  ];
  for (const [name, forge] of forged) {
    it(`a stage shard with ${name} is not used: the same output, and the stage is worked out anew`, async () => {
      const { repo, cache } = awkwardRepo();
      await sameRedone(repo, cache);
      for (const f of readdirSync(cache).filter((f) => /^stage-\d+$/.test(f))) {
        const shard = readCacheFile(path.join(cache, f)) as Record<string, unknown>;
        if ((shard['slimTags'] as Uint8Array).length === 0) continue;
        forge(shard);
        writeCacheFile(path.join(cache, f), shard);
      }
      const promise = path.join(repo, 'm-extra.yaml');
      writeFileSync(promise, readFileSync(promise, 'utf8').replace('titel: Olästa löften', 'titel: Andra olästa löften'));
      const [redone, all] = await sameRedone(repo, cache);
      expect(redone).toBe(all);
      // Written anew: the next run is seeded again.
      writeFileSync(promise, readFileSync(promise, 'utf8').replace('titel: Andra olästa löften', 'titel: Tredje olästa löften'));
      const [again, of] = await sameRedone(repo, cache);
      expect(again).toBeLessThan(of);
    });
  }

  it('a name with a NUL in it (YAML can write one) keeps the stage from being written, and every run is as without the cache', async () => {
    const { repo, cache } = awkwardRepo();
    const extra = path.join(repo, 'a-extra.yaml');
    writeFileSync(extra, readFileSync(extra, 'utf8').replace('namn: Extra', 'namn: "Nya\\0staden"'));
    await sameRedone(repo, cache);
    const promise = path.join(repo, 'm-extra.yaml');
    writeFileSync(promise, readFileSync(promise, 'utf8').replace('titel: Olästa löften', 'titel: Andra olästa löften'));
    const [redone, all] = await sameRedone(repo, cache);
    expect(redone).toBe(all);
    writeFileSync(extra, readFileSync(extra, 'utf8').replace('namn: "Nya\\0staden"', 'namn: Nya staden'));
    await sameRedone(repo, cache);
    writeFileSync(promise, readFileSync(promise, 'utf8').replace('titel: Andra olästa löften', 'titel: Tredje olästa löften'));
    const [again, of] = await sameRedone(repo, cache);
    expect(again).toBeLessThan(of);
  });
});
