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
import { LineIndex } from '../src/load/line-index.js';
import { DEFAULT_PARSE_LIMITS } from '../src/load/parse.js';
import { TextPositions } from '../src/lsp/convert.js';
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

describe('offsets and positions of a text', () => {
  const text = 'apiVersion: lofte/v1\nkind: Aktor\n\nnamn: Å';
  it('LineIndex turns 1-based lines and columns into offsets within their line, and back', () => {
    const lines = new LineIndex(text);
    expect(lines.offset(1, 1)).toBe(0);
    expect(lines.offset(2, 7)).toBe(text.indexOf('Aktor'));
    expect(lines.offset(2, 99)).toBe(text.indexOf('\n\n')); // kept within its line
    expect(lines.offset(3, 1)).toBe(text.indexOf('\n\n') + 1); // an empty line
    expect(lines.offset(4, 7)).toBe(text.length - 1);
    expect(lines.offset(4, 99)).toBe(text.length);
    expect(lines.offset(9, 1)).toBe(text.length); // past the last line
    for (let offset = 0; offset <= text.length; offset++) {
      const { line, column } = lines.position(offset);
      expect(lines.offset(line, column)).toBe(offset);
    }
  });
  it("the editor's positions (0-based) are the same places", () => {
    const p = new TextPositions(text);
    expect(p.position(text.indexOf('Aktor'))).toEqual({ line: 1, character: 6 });
    expect(p.offset({ line: 1, character: 6 })).toBe(text.indexOf('Aktor'));
    expect(p.offset({ line: 7, character: 0 })).toBe(text.length);
    expect(p.range(0, 3)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  });
});
