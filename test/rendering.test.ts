// Rendering and escaping of everything lofte prints or publishes: sekretess fails closed, comments
// never appear, link destinations are judged decoded, Markdown output reads as its text, and every
// text output shows control characters as escapes. The per-test timeout is the hang guard.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { Marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/types.js';
import { FORMATTERS } from '../src/format/index.js';
import { escapeMarkdown, markdownToHtml, markdownToMarkdown, safeHref, stripComments } from '../src/report/safe-markdown.js';
import { printable } from '../src/util/printable.js';
import { runCli } from './helpers.js';
import { destinations, liveScheme, siteFiles, writeRepo, type ProblemSpec } from './publish-repo.js';
import { range, SYNTHETIC_CTX } from './synthetic.js';

const BOUND = 60_000;
const AS_OF = '2026-11-24';

/** Publishes `dir` in both formats and returns the pages written. */
async function publish(dir: string, ...extra: string[]): Promise<Map<string, string>> {
  const out = path.join(dir, 'site');
  const r = await runCli(['report', dir, '--out', out, '--format', 'both', '--as-of', AS_OF, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return siteFiles(out);
}

describe('sekretess fails closed', () => {
  const hidden = (id: string, sekretess: string | undefined, beforeSekretess?: string): ProblemSpec => ({
    id,
    sekretess,
    beforeSekretess,
    titel: `Titel ${id}`,
    sammanfattning: `Sammanfattning ${id}`,
    beskrivning: `HEMLIG-${id}-beskrivning`,
    plats: `HEMLIG-${id}-plats`,
    tid: `HEMLIG-${id}-tid`,
    malgrupp: `HEMLIG-${id}-malgrupp`,
    kallaBeskrivning: `HEMLIG-${id}-kalla`,
  });
  const silence = '# lofte-disable-next-line schema -- fel med flit, för testet';

  it('publishes a problembild in full only when sekretess is exactly offentlig', async () => {
    const dir = writeRepo({
      problems: [
        hidden('versaler', 'Offentlig', silence),
        hidden('stora', 'OFFENTLIG', silence),
        hidden('felstavad', 'offentlg', silence),
        hidden('mellanslag', '" offentlig"', silence),
        hidden('annan', 'hemlig', silence),
        hidden('intern', 'intern'),
        hidden('saknas', undefined),
        { ...hidden('offentlig', 'offentlig'), beskrivning: 'Publik beskrivning', plats: 'Publik plats', tid: 'Kvällstid', malgrupp: 'Unga', kallaBeskrivning: 'Publik källa' },
      ],
      config: 'regler:\n  schema: off\n',
    });
    const site = await publish(dir, '--config', path.join(dir, 'lofte.config.yaml'));
    const page = site.get('medborgarloften/test-2026.html') ?? '';
    const md = site.get('medborgarloften/test-2026.md') ?? '';
    for (const id of ['versaler', 'stora', 'felstavad', 'mellanslag', 'annan', 'intern', 'saknas']) {
      // Titel and sammanfattning are always public, as DOMAIN.md says.
      expect(page).toContain(`Titel ${id}`);
      expect(page).toContain(`Sammanfattning ${id}`);
      expect(md).toContain(`Sammanfattning ${id}`);
    }
    for (const [rel, content] of site) expect(content.match(/HEMLIG-[\w-]+/g) ?? [], rel).toEqual([]);
    // The control: exactly `offentlig` publishes the detail.
    expect(page).toContain('Publik beskrivning');
    expect(page).toContain('Publik plats');
    expect(page).toContain('Publik källa');
  }, BOUND);

  it('marks every problembild that is not exactly offentlig as intern in `lofte links`', async () => {
    const dir = writeRepo({ problems: [hidden('versaler', 'Offentlig', silence), hidden('offentlig', 'offentlig')] });
    const r = await runCli(['links', dir]);
    expect(r.stdout).toContain('  versaler: Titel versaler (intern)\n');
    expect(r.stdout).toContain('  offentlig: Titel offentlig\n');
  }, BOUND);
});

describe('Markdown comments are never published', () => {
  const COMMENTS = [
    'Före <!-- DOLD-1 --> efter.',
    '<!--\nDOLD-2 på flera rader\n-->\n\nStycke.',
    'Text <!-- yttre <!-- DOLD-3 --> DOLD-4 fortfarande kommentar --> slut.',
    'Inline `kod <!-- DOLD-5 -->` och [länk <!-- DOLD-6 -->](https://polisen.se).',
    '| a | b |\n|---|---|\n| <!-- DOLD-7 --> | c |',
    '- punkt <!-- DOLD-8\n- DOLD-9 oavslutad kommentar till slutet',
  ];

  it('drops comments, terminated or not, nested-looking or not, in html and md', () => {
    for (const source of COMMENTS) {
      for (const out of [markdownToHtml(source, 2), markdownToMarkdown(source, 2)]) {
        expect(out, source).not.toMatch(/DOLD|<!--|&lt;!--/);
      }
    }
    expect(stripComments('a <!-- x --> b <!--> c <!---> d')).toBe('a  b  c  d');
    expect(stripComments('a --> b')).toBe('a --> b');
  });

  it('drops them from a .md body and from front-matter fields rendered as Markdown, through lofte report', async () => {
    const dir = writeRepo({
      problems: [
        {
          id: 'pb-md',
          sekretess: 'offentlig',
          titel: 'Titel',
          sammanfattning: 'Sammanfattning',
          kallaBeskrivning: 'Källa',
          body: 'Synlig brödtext.\n\n<!-- DOLD-brodtext: anteckning till kollegorna -->\n\nMer text <!-- DOLD-inline --> här.\n\n<!-- DOLD-oavslutad',
        },
      ],
      inledning: 'Inledning <!-- DOLD-inledning --> som syns.',
    });
    const site = await publish(dir);
    for (const [rel, content] of site) expect(content, rel).not.toMatch(/DOLD|&lt;!--|\\<!--/);
    expect(site.get('medborgarloften/test-2026.html')).toContain('Synlig brödtext.');
    expect(site.get('medborgarloften/test-2026.md')).toContain('Inledning  som syns.');
  }, BOUND);
});

describe('link destinations are judged as they decode', () => {
  const HOSTILE = [
    '[a](&#106;avascript:alert(1))',
    '[a](javascript&colon;alert(1))',
    '[a](java&#x0A;script:alert(1))',
    '[a](java&#9;script:alert(1))',
    '[a](JaVaScRiPt:alert(1))',
    '[a](javascript\\:alert(1))',
    '[a](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))',
    '[a](&amp;#106;avascript:alert(1))',
    '[a](<javascript:alert(1)>)',
    '[a](data:text/html;base64,PHNjcmlwdD4=)',
    '[a](vbscript:msgbox)',
    '[a](//evil.example)',
    '[a](&#47;/evil.example)',
    '[a](\\\\\\\\evil.example)',
    '[a](/\\\\evil.example)',
    '[a](java\u200Bscript:alert(1))',
    '[a](ｊａｖａｓｃｒｉｐｔ:alert(1))',
    '<javascript:alert(1)>',
    '[a][ref]\n\n[ref]: &#106;avascript:alert(1)',
    '[ref]\n\n[ref]: javascript&colon;alert(1)',
    '![bild](&#106;avascript:alert(1))',
    '[![bild](https://x.se/a.png)](javascript&colon;alert(1))',
  ];

  it('refuses every spelling of a script link, in html and md, for links, images, autolinks and references', () => {
    for (const source of HOSTILE) {
      const html = markdownToHtml(source, 2);
      const md = markdownToMarkdown(source, 2);
      expect(destinations('x.html', html), source).toEqual([]);
      expect(destinations('x.md', md), source).toEqual([]);
      expect(md, source).not.toMatch(/(?<!\\)\]\((?!<)/); // no link but lofte's own angle-bracket form
    }
  });

  it('keeps http(s), mailto and relative links, and emits them so a renderer reads back the same destination', () => {
    const source = '[a](https://polisen.se/?a=1&amp;b=2) [b](mailto:info@laxa.se) [c](../uppfoljning.md#x) [d](<sida med mellanslag.md>) <https://laxa.se>';
    expect(destinations('x.html', markdownToHtml(source, 2))).toEqual(['https://polisen.se/?a=1&amp;b=2', 'mailto:info@laxa.se', '../uppfoljning.md#x', 'sida%20med%20mellanslag.md', 'https://laxa.se']);
    const md = markdownToMarkdown(source, 2);
    expect(destinations('x.md', md)).toEqual(['https://polisen.se/?a=1\\&b=2', 'mailto:info@laxa.se', '../uppfoljning.md#x', 'sida%20med%20mellanslag.md', 'https://laxa.se']);
    // Read back by a CommonMark renderer, the md output links where the source did.
    const hrefs = (text: string): string[] => new Marked().lexer(text).flatMap((t) => ('tokens' in t && t.tokens ? t.tokens : [])).filter((t): t is Tokens.Link => t.type === 'link').map((l) => decodeHTML(l.href));
    expect(hrefs(md)).toEqual(['https://polisen.se/?a=1&b=2', 'mailto:info@laxa.se', '../uppfoljning.md#x', 'sida%20med%20mellanslag.md', 'https://laxa.se']);
  });

  it('judges data URLs (publicering, belägg) the same way', () => {
    expect(safeHref('&#106;avascript:alert(1)')).toBeUndefined();
    expect(safeHref('javascript&colon;alert(1)')).toBeUndefined();
    expect(safeHref(' https://polisen.se ')).toBe('https://polisen.se');
    expect(safeHref('sida.md')).toBe('sida.md');
  });

  it('publishes no live script link from hostile Markdown, through lofte report in html and md', async () => {
    const dir = writeRepo({
      problems: [{ id: 'pb-md', sekretess: 'offentlig', titel: 'Titel', sammanfattning: 'Sammanfattning', kallaBeskrivning: 'Källa', body: HOSTILE.join('\n\n') }],
      inledning: HOSTILE.slice(0, 8).join(' '),
    });
    const site = await publish(dir);
    let links = 0;
    for (const [rel, content] of site) {
      for (const d of destinations(rel, content)) {
        links += 1;
        expect(liveScheme(d), `${rel}: ${d}`).toBeUndefined();
        expect(d, rel).not.toMatch(/^[/\\]{2}/);
      }
    }
    expect(links).toBeGreaterThan(10); // the pages' own links are checked too
  }, BOUND);
});

describe('Markdown output escapes text for GFM in every context', () => {
  const gfm = new Marked({ gfm: true });
  const blockTypes = (md: string): string[] => gfm.lexer(md).filter((t) => t.type !== 'space').map((t) => t.type);

  it('keeps an escaped pipe inside its table cell and an escaped number from starting a list', () => {
    const source = '| a \\| b | c |\n|---|---|\n| `x\\|y` | 2026\\. |';
    const table = markdownToMarkdown(source, 2);
    const [t] = gfm.lexer(table) as Tokens.Table[];
    expect(t?.type).toBe('table');
    expect(t?.header.length).toBe(2);
    expect(t?.rows[0]?.length).toBe(2);
    // Read back by a GFM renderer, the Markdown output is the table the source was.
    expect(markdownToHtml(table, 2)).toBe(markdownToHtml(source, 2));
    expect(markdownToHtml(table, 2)).toContain('<th>a | b</th>');
    expect(blockTypes(markdownToMarkdown('2026\\. blev året', 2))).toEqual(['paragraph']);
    expect(blockTypes(markdownToMarkdown('Året\n2026\\. hände det', 2))).toEqual(['paragraph']);
    expect(blockTypes(markdownToMarkdown('- 2026\\. och\n- \\- så', 2))).toEqual(['list']);
    expect((gfm.lexer(markdownToMarkdown('- 2026\\. och', 2))[0] as Tokens.List).items[0]?.tokens.map((t) => t.type)).toEqual(['text']);
  });

  it('escapes plain text so it is that text at the start of a line, in a heading, a table cell and a link text', () => {
    const texts = ['2026. blev året', '- inte en lista', '+ inte heller', '=== ingen rubrik', '# ingen rubrik', '> inget citat', 'a | b', '1) punkt', '    inte kod', '[länk](javascript:x)', '<b>fet</b> &amp;', '***', '`kod`', 'a\n2026. b\n- c'];
    const inlineText = (tokens: readonly Token[]): string =>
      tokens.map((t) => ('tokens' in t && t.tokens ? inlineText(t.tokens) : t.type === 'escape' || t.type === 'text' ? (t as Tokens.Text).text : t.raw)).join('');
    for (const text of texts) {
      const e = escapeMarkdown(text);
      const para = gfm.lexer(e);
      expect(para.map((t) => t.type), text).toEqual(['paragraph']);
      // The same text, up to blanks at the start of a line, which no renderer shows.
      expect(inlineText((para[0] as Tokens.Paragraph).tokens).replace(/^ +/gm, ''), text).toBe(text.replace(/^ +/gm, ''));
      const one = e.replace(/\s*\n\s*/g, ' ');
      expect(gfm.lexer(`## ${one}`).map((t) => t.type), text).toEqual(['heading']);
      const [table] = gfm.lexer(`| ${one} | x |\n|---|---|\n| ${one} | y |`) as Tokens.Table[];
      expect(table?.header.length, text).toBe(2);
      expect(table?.rows[0]?.length, text).toBe(2);
      expect(gfm.lexer(`- ${e}`).map((t) => t.type), text).toEqual(['list']);
      expect((gfm.lexer(`- ${e}`)[0] as Tokens.List).items.length, text).toBe(1);
      const link = (gfm.lexer(`[${one}](<x.md>)`)[0] as Tokens.Paragraph).tokens;
      expect(link.map((t) => t.type), text).toEqual(['link']);
    }
  });

  it('keeps data text with pipes, numbers and markers in its place in lofte report --format md', async () => {
    const dir = writeRepo({
      problems: [{ id: 'pb-a', sekretess: 'offentlig', titel: '2026. Året | då allt | hände', sammanfattning: '- inte en punkt\n2026. inte en lista', kallaBeskrivning: 'Källa | med rör' }],
      lofteText: 'Polisen lovar att | patrullera 2026. # två kvällar i veckan.',
      kommentar: '1) inte en lista | och ett rör',
    });
    const site = await publish(dir);
    for (const [rel, content] of site) {
      if (!rel.endsWith('.md')) continue;
      for (const token of gfm.lexer(content)) {
        if (token.type === 'table') {
          const t = token as Tokens.Table;
          for (const row of t.rows) expect(row.length, `${rel}: ${t.raw}`).toBe(t.header.length);
        }
        // No text of the data starts a list of its own (the page's own lists, such as a promise's history, may quote it).
        if (token.type === 'list') for (const item of (token as Tokens.List).items) expect(item.text.trimStart(), rel).not.toMatch(/^inte en (lista|punkt)/);
      }
      expect(content).not.toMatch(/^\s*(2026\.|1\)|- inte)/m);
    }
  }, BOUND);
});

/** A diagnostic whose file name and arguments carry everything that could take over a terminal or a CI log. */
const HOSTILE_TEXT = 'x\n::error file=a.yaml::falskt fynd\r\n::add-mask::hemlig\u001b]0;titel\u0007\u001b[2J\u202eetxet\u2066\u2028\u0085\u007f';
const hostileDiagnostic: Diagnostic = {
  rule: 'schema',
  severity: 'error',
  file: `repo/${HOSTILE_TEXT}.yaml`,
  range: range(3, 5),
  path: [HOSTILE_TEXT],
  args: { keyword: 'additionalProperties', property: HOSTILE_TEXT, kind: 'Aktor' },
  related: [{ file: `repo/${HOSTILE_TEXT}.yaml`, range: range(1, 1), role: 'first-definition' }],
};

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('one escaper for every text output', () => {
  it('shows control characters, bidi controls and line separators as escapes', () => {
    expect(printable('a\nb\rc\td\u001b[31m\u202e\u2028\u0085\u007f')).toBe('a\\nb\\rc\\td\\u001b[31m\\u202e\\u2028\\u0085\\u007f');
    expect(printable('vanlig text, å ä ö – “citat” 😀')).toBe('vanlig text, å ä ö – “citat” 😀');
  });

  it('lets no data start a line or reach the terminal in stylish, github, junit and sarif', () => {
    for (const name of ['stylish', 'github', 'junit', 'sarif']) {
      const out = FORMATTERS[name]!([hostileDiagnostic], SYNTHETIC_CTX);
      expect(out, name).not.toMatch(UNSAFE);
      const lines = out.split('\n');
      // Only the github formatter writes workflow commands, one per finding.
      expect(lines.filter((l) => l.startsWith('::')).length, name).toBe(name === 'github' ? 1 : 0);
      expect(lines.some((l) => /^\s*::add-mask::/.test(l)), name).toBe(false);
    }
    expect(FORMATTERS['stylish']!([hostileDiagnostic], SYNTHETIC_CTX)).toContain('x\\n::error file=a.yaml::falskt fynd\\r\\n::add-mask::hemlig\\u001b]0;titel\\u0007');
    const sarif = JSON.parse(FORMATTERS['sarif']!([hostileDiagnostic], SYNTHETIC_CTX)) as { runs: { results: { message: { text: string } }[] }[] };
    expect(sarif.runs[0]?.results[0]?.message.text).toContain('x\\n::error');
    // JSON keeps the exact value: JSON's own escaping is enough.
    const json = JSON.parse(FORMATTERS['json']!([hostileDiagnostic], SYNTHETIC_CTX)) as { diagnostics: { file: string }[] };
    expect(json.diagnostics[0]?.file).toBe(hostileDiagnostic.file);
  });

  it('escapes a file name and a key with a newline in lofte validate, and a skipped file in --verbose', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-escape-'));
    const evil = 'a\n::error file=b.yaml,line=1::injicerat\u001b]0;x\u0007.yaml';
    writeFileSync(path.join(dir, evil), 'apiVersion: lofte/v1\nkind: Aktor\nid: aktor-a\nnamn: A\ntyp: ovrig\n"nyckel\\n::add-mask::hemlig\\u202e": 1\n');
    writeFileSync(path.join(dir, 'tom\u001b[2J\u202e.yaml'), '');
    for (const format of ['stylish', 'github', 'junit']) {
      const r = await runCli(['validate', dir, '--format', format, '--verbose']);
      expect(r.code, format).toBe(1);
      for (const text of [r.stdout, r.stderr]) expect(text, format).not.toMatch(UNSAFE);
      expect(r.stdout.split('\n').filter((l) => l.startsWith('::')).length, format).toBe(format === 'github' ? 1 : 0);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('::')).length, format).toBe(0);
      if (format === 'stylish') {
        expect(r.stdout).toContain('a\\n::error file=b.yaml,line=1::injicerat\\u001b]0;x\\u0007.yaml');
        expect(r.stdout).toContain('nyckel\\n::add-mask::hemlig\\u202e');
        expect(r.stderr).toContain('tom\\u001b[2J\\u202e.yaml: ');
      }
    }
  }, BOUND);

  it('escapes data in lofte links text and mermaid', async () => {
    const dir = writeRepo({
      problems: [{ id: 'pb-a', sekretess: 'offentlig', titel: 'Titel\u001b]0;x\u0007\u202e\u2028::error::x', sammanfattning: 'S', kallaBeskrivning: 'K' }],
      lofteText: 'Polisen lovar att\u001b[2J patrullera\u202e två kvällar i veckan.',
    });
    for (const format of ['text', 'mermaid']) {
      const r = await runCli(['links', dir, '--format', format]);
      expect(r.stdout, format).not.toMatch(UNSAFE);
      expect(r.stdout, format).toContain('\\u001b');
      expect(r.stdout.split('\n').some((l) => l.startsWith('::')), format).toBe(false);
    }
  }, BOUND);

  it('escapes a path in an error message', async () => {
    const r = await runCli(['validate', 'finns-inte\u001b]0;x\u0007\n::error::y']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(UNSAFE);
    expect(r.stderr).toContain('finns-inte\\u001b]0;x\\u0007\\n::error::y');
  });
});

describe('findings are grouped in linear time', () => {
  it('formats 100,000 findings in one file in stylish and junit without hanging', () => {
    const list: Diagnostic[] = Array.from({ length: 100_000 }, (_, i) => ({ rule: 'schema', severity: 'error', file: 'repo/stor.yaml', range: range(i + 1, 1), path: [], args: { keyword: 'required', property: 'id', kind: 'Aktor' } }));
    const stylish = FORMATTERS['stylish']!(list, SYNTHETIC_CTX);
    expect(stylish.split('\n').filter((l) => l.includes('  fel  ')).length).toBe(100_000);
    const junit = FORMATTERS['junit']!(list, SYNTHETIC_CTX);
    expect(junit.match(/<testcase /g)?.length).toBe(100_000);
  }, 120_000);
});

describe('commander messages quote the command line printably', () => {
  it('keeps the did-you-mean line, and escapes a newline typed into an argument', async () => {
    expect((await runCli(['valdate'])).stderr).toBe("lofte: okänt kommando 'valdate'\n(Menade du validate?)\n");
    const r = await runCli(['validate', '--format', 'x\n::error::y\u001b[2J']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(UNSAFE);
    expect(r.stderr.split('\n').some((l) => l.startsWith('::'))).toBe(false);
    expect(r.stderr).toContain('x\\n::error::y\\u001b[2J');
  });
});
