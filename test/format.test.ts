// Formatters: exact output for one synthetic list of diagnostics.

import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../src/format/github.js';
import { FORMATTERS } from '../src/format/index.js';
import { loadColor } from '../src/format/paint.js';
import { SYNTHETIC_CTX, syntheticDiagnostics } from './synthetic.js';

const DIAGNOSTICS = syntheticDiagnostics('repo/b.yaml');
const ctx = SYNTHETIC_CTX;

describe('stylish', () => {
  it('groups by file, aligns columns and ends with a summary', () => {
    expect(FORMATTERS['stylish']!(DIAGNOSTICS, ctx)).toBe(
      [
        'repo/b.yaml',
        '  3:5    fel      Id `laxa` används redan.  duplicate-id',
        '                  Tips: Id måste vara unika i hela förrådet. Byt id på ett av dokumenten.',
        '                  Först definierat här: repo/a.yaml:2:5',
        '  12:15  varning  `lpo-halsberg` finns inte: det ska vara id för en aktör.  unresolved-reference',
        '                  Tips: Menade du `lpo-hallsberg`?',
        '',
        '✖ 1 fel och 1 varning i 1 fil (4 filer kontrollerade).',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked', async () => {
    await loadColor();
    expect(FORMATTERS['stylish']!(DIAGNOSTICS, { ...ctx, color: true })).toContain('\u001b[31m');
    expect(FORMATTERS['stylish']!(DIAGNOSTICS, ctx)).not.toContain('\u001b[');
  });

  it('says so when all is well', () => {
    expect(FORMATTERS['stylish']!([], ctx)).toBe('✔ Inga fel eller varningar (4 filer kontrollerade).\n');
  });

  it('words everything in English with --lang en', () => {
    const out = FORMATTERS['stylish']!(DIAGNOSTICS, { ...ctx, lang: 'en' });
    expect(out).toContain('error    Id `laxa` is already used.  duplicate-id');
    expect(out).toContain('✖ 1 error and 1 warning in 1 file (4 files checked).');
  });
});

describe('json', () => {
  it('has the documented, stable shape', () => {
    expect(JSON.parse(FORMATTERS['json']!(DIAGNOSTICS, ctx))).toEqual({
      version: 1,
      summary: { errors: 1, warnings: 1, filesWithProblems: 1, files: 4 },
      diagnostics: [
        {
          rule: 'duplicate-id',
          severity: 'error',
          file: 'repo/b.yaml',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 10,
          path: 'id',
          message: 'Id `laxa` används redan.',
          hint: 'Id måste vara unika i hela förrådet. Byt id på ett av dokumenten.',
          docs: 'docs/rules/duplicate-id.md',
          related: [{ file: 'repo/a.yaml', line: 2, column: 5, endLine: 2, endColumn: 10, message: 'Först definierat här' }],
          args: { id: 'laxa', scope: 'repository' },
          entity: null,
          promise: null,
        },
        {
          rule: 'unresolved-reference',
          severity: 'warning',
          file: 'repo/b.yaml',
          line: 12,
          column: 15,
          endLine: 12,
          endColumn: 27,
          path: 'loften[0].ansvarig',
          message: '`lpo-halsberg` finns inte: det ska vara id för en aktör.',
          hint: 'Menade du `lpo-hallsberg`?',
          docs: 'docs/rules/unresolved-reference.md',
          related: [],
          args: { id: 'lpo-halsberg', expectedKind: 'Aktor', suggestions: ['lpo-hallsberg'] },
          entity: null,
          promise: null,
        },
      ],
    });
  });
});

describe('github', () => {
  it('writes one workflow command per finding, repo-relative, 1-based, escaped', () => {
    expect(FORMATTERS['github']!(DIAGNOSTICS, ctx)).toBe(
      [
        '::error file=b.yaml,line=3,col=5,endLine=3,endColumn=10,title=lofte duplicate-id%3A Samma id två gånger::Id `laxa` används redan.%0ATips: Id måste vara unika i hela förrådet. Byt id på ett av dokumenten.%0AFörst definierat här: a.yaml:2:5',
        '::warning file=b.yaml,line=12,col=15,endLine=12,endColumn=27,title=lofte unresolved-reference%3A Hänvisning till id som inte finns::`lpo-halsberg` finns inte: det ska vara id för en aktör.%0ATips: Menade du `lpo-hallsberg`?',
        '✖ 1 fel och 1 varning i 1 fil (4 filer kontrollerade).',
        '',
      ].join('\n'),
    );
  });

  it('escapes %, CR, LF in data and also : and , in properties', () => {
    expect(escapeData('100% klart\r\nnästa: a, b')).toBe('100%25 klart%0D%0Anästa: a, b');
    expect(escapeProperty('mapp,med:kolon/100%.yaml')).toBe('mapp%2Cmed%3Akolon/100%25.yaml');
  });
});
