// The fast parser (js-yaml, positions on demand) gives exactly the diagnostics of the exact parser
// (the `yaml` package with positions for every file), on a generated corpus full of mistakes; and
// checking on worker threads gives exactly the diagnostics of checking on one thread.

import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateRepository } from '../src/validate.js';
// @ts-expect-error -- the benchmark's corpus generator is plain JavaScript without types
import { generateCorpus } from '../bench/generate.js';

let corpus = '';
beforeAll(() => {
  corpus = mkdtempSync(path.join(os.tmpdir(), 'lofte-fast-'));
  (generateCorpus as (d: string, o: object) => void)(corpus, { files: 1500, errorShare: 0.1, seed: 3 });
});

describe('fast path vs exact path', () => {
  it('same diagnostics (rule, file, range, path, args) on 1,500 files with 10 % mistakes', async () => {
    const dir = corpus;
    const options = { cwd: dir, paths: ['.'], asOf: '2026-11-24' };
    const fast = await validateRepository(options);
    const exact = await validateRepository({ ...options, parser: 'exact' });
    expect(fast.diagnostics.length).toBeGreaterThan(100);
    expect(JSON.stringify(fast.diagnostics)).toBe(JSON.stringify(exact.diagnostics));
    expect(fast.fileCount).toBe(exact.fileCount);
    expect(fast.entities.length).toBe(exact.entities.length);
  }, 120_000);

  it('same on every fixture and example, hostile ones included', async () => {
    for (const dir of ['examples', 'test/fixtures']) {
      const options = { cwd: process.cwd(), paths: [dir], asOf: '2026-11-24' };
      const fast = await validateRepository(options);
      const exact = await validateRepository({ ...options, parser: 'exact' });
      expect(JSON.stringify(fast.diagnostics), dir).toBe(JSON.stringify(exact.diagnostics));
    }
  }, 60_000);
});

describe('worker threads vs one thread', () => {
  // The workers run the built dist/check/worker.js, as the CLI does.
  const same = async (options: { cwd: string; paths: string[]; asOf: string }, label: string): Promise<number> => {
    const one = await validateRepository(options);
    const three = await validateRepository({ ...options, threads: () => 3 });
    expect(JSON.stringify(three.diagnostics), label).toBe(JSON.stringify(one.diagnostics));
    expect(JSON.stringify(three.entities.map((e) => [e.doc.file, e.doc.index, e.kind, e.id, e.valid, e.value])), label).toBe(
      JSON.stringify(one.entities.map((e) => [e.doc.file, e.doc.index, e.kind, e.id, e.valid, e.value])),
    );
    expect(three.skipped, label).toEqual(one.skipped);
    expect(three.fileCount, label).toBe(one.fileCount);
    return one.diagnostics.length;
  };

  it('same diagnostics, documents and skipped files on 1,500 files with 10 % mistakes', async () => {
    expect(await same({ cwd: corpus, paths: ['.'], asOf: '2026-11-24' }, 'corpus')).toBeGreaterThan(100);
  }, 120_000);

  it('same on every fixture and example, hostile ones included', async () => {
    for (const dir of ['examples', 'test/fixtures']) await same({ cwd: process.cwd(), paths: [dir], asOf: '2026-11-24' }, dir);
  }, 60_000);
});

describe('precompiled validators (dist/schema/compiled.cjs, made by the build)', () => {
  it('give the same errors as ajv compiling the schemas, for every document in examples and fixtures', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const formats = (await import('ajv-formats')).default as unknown as { default: (a: unknown, f: string[]) => void };
    const { readSchema, SCHEMA_FILES } = await import('../src/schema/validators.js');
    const { KINDS, isKind } = await import('../src/model/kinds.js');
    const { loadFiles } = await import('../src/load/index.js');
    const { discover } = await import('../src/load/discover.js');
    const compiled = createRequire(import.meta.url)(path.join(process.cwd(), 'dist', 'schema', 'compiled.cjs')) as Record<string, ((v: unknown) => boolean) & { errors?: unknown[] | null }>;
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    formats.default(ajv, ['date', 'email', 'uri']);
    ajv.addSchema(readSchema(SCHEMA_FILES.common), SCHEMA_FILES.common);
    for (const k of KINDS) ajv.addSchema(readSchema(SCHEMA_FILES[k]), SCHEMA_FILES[k]);
    const loaded = await loadFiles(await discover(['examples', 'test/fixtures'], { cwd: process.cwd() }));
    let compared = 0;
    for (const doc of loaded.documents) {
      const kind = (doc.value as Record<string, unknown>)['kind'];
      if (!isKind(kind)) continue;
      const runtime = ajv.getSchema(SCHEMA_FILES[kind]) as ((v: unknown) => boolean) & { errors?: unknown[] | null };
      const pre = compiled[kind] as ((v: unknown) => boolean) & { errors?: unknown[] | null };
      expect(pre(doc.value), doc.file).toBe(runtime(doc.value));
      expect(JSON.stringify(pre.errors ?? null), doc.file).toBe(JSON.stringify(runtime.errors ?? null));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
