// Loading: which files are lofte's, positions in YAML and Markdown, encodings and dates.

import { describe, expect, it } from 'vitest';
import { detached, parseMarkdownFile, parseYamlFile } from '../src/load/parse.js';
import { findings, runCli } from './helpers.js';

describe('discovery', () => {
  it('skips YAML and Markdown that is not lofte, says so with --verbose, and exits 2 when nothing is left', async () => {
    const r = await runCli(['validate', 'test/fixtures/not-lofte', '--verbose']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'Hoppade över (inte lofte-filer):',
        '  test/fixtures/not-lofte/README.md: Markdown utan front matter',
        '  test/fixtures/not-lofte/docker-compose.yml: inget lofte-dokument (apiVersion lofte/… eller en lofte-kind saknas)',
        '  test/fixtures/not-lofte/docs/inlagg.md: inget lofte-dokument (apiVersion lofte/… eller en lofte-kind saknas)',
        '  test/fixtures/not-lofte/trasig-men-inte-lofte.yaml: YAML som inte kan läsas och inte ser ut som lofte',
        'lofte: Inga lofte-dokument att kontrollera i test/fixtures/not-lofte (tom mapp, inga .yaml-, .yml- eller .md-filer med apiVersion lofte/…, eller ett mönster som inte passar någon fil). Kör `lofte validate --verbose` för att se vilka filer som hoppades över.',
        '',
      ].join('\n'),
    );
    // .github is a dot-folder: never even read.
    expect(r.stderr).not.toContain('.github');
  });

  it('never skips a file that is meant for lofte but broken', async () => {
    const r = await findings(['test/fixtures/looks-like-lofte']);
    expect(r.found).toEqual([
      { rule: 'schema', file: 'test/fixtures/looks-like-lofte/fel-version.yaml', line: 1, column: 13 },
      { rule: 'schema', file: 'test/fixtures/looks-like-lofte/flera-dokument.yaml', line: 13, column: 6 },
      { rule: 'schema', file: 'test/fixtures/looks-like-lofte/okand-kind.yaml', line: 2, column: 7 },
      { rule: 'schema', file: 'test/fixtures/looks-like-lofte/saknar-apiversion.yaml', line: 1, column: 1 },
      { rule: 'yaml-syntax', file: 'test/fixtures/looks-like-lofte/trasig-front-matter.md', line: 3, column: 20 },
    ]);
  });
});

describe('encodings and line endings', () => {
  it('maps positions through a BOM and CRLF, in YAML and front matter', async () => {
    const r = await findings(['test/fixtures/encodings']);
    expect(r.found).toEqual([
      { rule: 'schema', file: 'test/fixtures/encodings/bom.md', line: 7, column: 19 },
      { rule: 'schema', file: 'test/fixtures/encodings/bom.yaml', line: 5, column: 6 },
      { rule: 'schema', file: 'test/fixtures/encodings/crlf.md', line: 7, column: 1 },
      { rule: 'schema', file: 'test/fixtures/encodings/crlf.yaml', line: 6, column: 12 },
    ]);
  });

  it('reports a file that is not UTF-8', async () => {
    const r = await runCli(['validate', 'test/fixtures/latin1']);
    expect(r.code).toBe(1);
    expect((await findings(['test/fixtures/latin1'])).found).toEqual([{ rule: 'file-unreadable', file: 'test/fixtures/latin1/latin1.yaml', line: 4, column: 10 }]);
  });
});

describe('YAML parsing', () => {
  it('keeps unquoted dates as text, so an impossible date is not rolled over', () => {
    const parsed = parseYamlFile('faststalld: 2024-13-01\nannan: 2025-01-15\n');
    expect(parsed.documents[0]?.value).toEqual({ faststalld: '2024-13-01', annan: '2025-01-15' });
  });

  it('does the same in Markdown front matter (not js-yaml 3 Date objects)', () => {
    const parsed = parseMarkdownFile('---\nkind: Aktor\nfaststalld: 2024-13-01\n---\nText\n');
    expect(parsed.documents[0]?.value).toEqual({ kind: 'Aktor', faststalld: '2024-13-01', beskrivning: 'Text' });
  });

  it('never evaluates JavaScript front matter', () => {
    const marker = '__lofte_eval_marker__';
    const parsed = parseMarkdownFile(`---js\n(globalThis.${marker} = 1, { kind: 'Aktor' })\n---\nText\n`);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(parsed.documents).toEqual([]);
  });

  it('reports a duplicate key with its name and place', () => {
    const parsed = parseYamlFile('kind: Aktor\nid: a\nnamn: A\nnamn: B\n');
    expect(parsed.problems).toEqual([
      { range: { start: { line: 4, column: 1 }, end: { line: 4, column: 2 } }, args: { code: 'DUPLICATE_KEY', detail: 'namn' } },
    ]);
  });

  it('locates the Markdown body as beskrivning, after the front matter', () => {
    const parsed = parseMarkdownFile('---\nkind: Aktor\n---\n\nFörsta stycket.\n');
    expect(parsed.documents[0]?.locator.locate(['beskrivning']).start).toEqual({ line: 5, column: 1 });
  });

  it('reports unterminated front matter in a file meant for lofte', () => {
    const parsed = parseMarkdownFile('---\nkind: Aktor\nid: a\n');
    expect(parsed.problems.map((p) => ('code' in p.args ? p.args.code : p.rule))).toEqual(['UNTERMINATED_FRONT_MATTER']);
  });

  it('reports beskrivning given twice (front matter and body)', () => {
    const parsed = parseMarkdownFile('---\nkind: Aktor\nbeskrivning: x\n---\nBody\n');
    expect(parsed.problems.map((p) => ['code' in p.args ? p.args.code : p.rule, p.range.start.line])).toEqual([['BODY_AND_BESKRIVNING', 3]]);
  });
});

describe('detached values', () => {
  it('are the same text as the slice they copy, whatever its characters', () => {
    const source = 'a – "quoted" \\ back\nslash, \u0000 nul, \ud83d\ude00 pair, \ud800 lone, \udc00 lone, åäö Latin-1 and \u2028 line separator';
    for (let start = 0; start < source.length; start++) {
      for (let end = start; end <= source.length; end += 7) expect(detached(source.slice(start, end))).toBe(source.slice(start, end));
    }
  });
});
