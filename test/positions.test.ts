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

  it('a file read before hundreds of others (in the same chunk of kept bytes and past it) is located in its own text', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-positions-many-'));
    cpSync(example('parken'), dir, { recursive: true });
    const problembild = readFileSync(path.join(dir, 'problembild-narkotika-stadsparken.yaml'), 'utf8');
    const padding = (lines: number): string => `# ${'Utfyllnad för att filerna ska bli stora nog. '.repeat(2)}\n`.repeat(lines);
    const expected: string[] = [];
    // 1.5 MB in all, one file of 300 KB among them (read into a buffer of its own), and now and
    // then a binary file, read and then not kept: each file's mistake sits on a line of its own.
    for (let i = 0; i < 300; i++) {
      const lines = i === 150 ? 3000 : 20 + (i % 17);
      const text = padding(lines) + problembild.replace(/^id: .*$/m, `id: problembild-${i}`).replace(/^lokalpolisomrade: .*$/m, `lokalpolisomrade: saknas-${i}`);
      writeFileSync(path.join(dir, `problembild-${String(i).padStart(3, '0')}.yaml`), text);
      expected.push(`problembild-${String(i).padStart(3, '0')}.yaml ${lines + 5}:19`);
      if (i % 50 === 7) writeFileSync(path.join(dir, `problembild-${String(i).padStart(3, '0')}-binar.yaml`), `apiVersion: lofte/v1\n\0${padding(30)}`);
    }
    const r = await validateRepository(options(dir));
    const found = r.diagnostics.filter((d) => d.rule === 'unresolved-reference' && d.file.startsWith('problembild-')).map((d) => `${d.file} ${d.range.start.line}:${d.range.start.column}`);
    expect(found).toEqual(expected);
    expect(r.diagnostics.filter((d) => d.rule === 'file-unreadable').length).toBe(6);
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
