// The fast parser (js-yaml, positions on demand) gives exactly the diagnostics of the exact parser
// (the `yaml` package with positions for every file), on a generated corpus full of mistakes.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useFastPath } from '../src/load/parse.js';
import { validateRepository } from '../src/validate.js';
// @ts-expect-error -- the benchmark's corpus generator is plain JavaScript without types
import { generateCorpus } from '../bench/generate.js';

describe('fast path vs exact path', () => {
  afterAll(() => useFastPath(true));

  it('same diagnostics (rule, file, range, path, args) on 1,500 files with 10 % mistakes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-fast-'));
    (generateCorpus as (d: string, o: object) => void)(dir, { files: 1500, errorShare: 0.1, seed: 3 });
    const options = { cwd: dir, paths: ['.'], asOf: '2026-11-24' };
    useFastPath(true);
    const fast = await validateRepository(options);
    useFastPath(false);
    const exact = await validateRepository(options);
    useFastPath(true);
    expect(fast.diagnostics.length).toBeGreaterThan(100);
    expect(JSON.stringify(fast.diagnostics)).toBe(JSON.stringify(exact.diagnostics));
    expect(fast.fileCount).toBe(exact.fileCount);
    expect(fast.entities.length).toBe(exact.entities.length);
  }, 120_000);

  it('same on every fixture and example, hostile ones included', async () => {
    for (const dir of ['examples', 'test/fixtures']) {
      const options = { cwd: process.cwd(), paths: [dir], asOf: '2026-11-24' };
      useFastPath(true);
      const fast = await validateRepository(options);
      useFastPath(false);
      const exact = await validateRepository(options);
      useFastPath(true);
      expect(JSON.stringify(fast.diagnostics), dir).toBe(JSON.stringify(exact.diagnostics));
    }
  }, 60_000);
});
