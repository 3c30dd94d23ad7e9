// Positions are found in the text a file was checked in, never by reading it again: a file that
// changes on disk between its check and the findings of links and repository rules keeps the
// positions of the text that was checked (they used to fall back to 1:1).

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, type FileCheckOptions, type FileResult } from '../src/check/file.js';
import { checkInWorkers } from '../src/check/pool.js';
import { discover } from '../src/load/discover.js';
import { DEFAULT_PARSE_LIMITS } from '../src/load/parse.js';
import { loadSchemas } from '../src/schema/validators.js';
import { analyse, validateRepository, type ValidateOptions } from '../src/validate.js';
import { example } from './helpers.js';

const FOLLOW_UP = 'uppfoljning-2026-06-30.yaml';

/** The park example with a follow-up of a promise that is not there: a finding of the links stage. */
function repository(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-positions-'));
  cpSync(example('parken'), dir, { recursive: true });
  const file = path.join(dir, FOLLOW_UP);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^medborgarlofte: .*$/m, 'medborgarlofte: lofte-som-inte-finns'));
  return dir;
}

const rows = (r: { diagnostics: { rule: string; file: string; range: unknown }[] }): string[] => r.diagnostics.map((d) => `${d.file} ${d.rule} ${JSON.stringify(d.range)}`);

/** The file edited on disk after it was read: three lines more at the top, the mistake moved down. */
function editAfterRead(dir: string): void {
  const file = path.join(dir, FOLLOW_UP);
  writeFileSync(file, `# Ändrad efter läsningen.\n# En rad till.\n# Och en till.\n${readFileSync(file, 'utf8')}`);
}

describe('positions come from the text that was checked', () => {
  const options = (cwd: string): ValidateOptions => ({ cwd, paths: ['.'], asOf: '2026-11-24' });
  const fileOptions: FileCheckOptions = { limits: DEFAULT_PARSE_LIMITS, asOf: '2026-11-24', disabled: [] };

  it('on this thread: the file changed between its check and the link findings', async () => {
    const dir = repository();
    const expected = rows(await validateRepository(options(dir)));
    expect(expected.some((r) => r.startsWith(`${FOLLOW_UP} unresolved-reference {"start":{"line":4,"column":17}`))).toBe(true);
    const schemas = await loadSchemas();
    const files = await discover(['.'], { cwd: dir });
    const results: FileResult[] = files.map((f) => checkFile(f, schemas, fileOptions));
    editAfterRead(dir);
    expect(rows(analyse(results, options(dir)))).toEqual(expected);
  });

  it('on worker threads: the file changed between the workers’ read and the link findings', async () => {
    const dir = repository();
    const expected = rows(await validateRepository(options(dir)));
    const files = await discover(['.'], { cwd: dir });
    const results = await checkInWorkers(files, fileOptions, 2);
    editAfterRead(dir);
    expect(rows(analyse(results, options(dir)))).toEqual(expected);
  });
});
