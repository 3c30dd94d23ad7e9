// Property-based tests: whatever is done to the valid examples, lofte answers with diagnostics that
// point inside the file, never a crash; and a report never carries a live tag from the data.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../src/load/index.js';
import { ROOT, runCli } from './helpers.js';

const SOURCES = ['examples/parken', 'examples/vastra-blekinge'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(ya?ml|md)$/.test(f) && f !== 'README.md')
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') })),
);

const NASTY = ['\n', ':', '- ', '  ', '\t', '"', "'", '#', '---\n', '&a ', '*a', '!!js/function ', '{', '}', '[', ']', '\u0000', '\uFEFF', '\r\n', '<script>', '`', '|', '>', '%', '@', '\u202E', 'å', '\uD800'];

/** A mutation: cut, insert, delete or duplicate, at a place given by a fraction of the length. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 12 })) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 80 }) }),
);

type Mutation = { op: 'truncate'; at: number } | { op: 'insert'; at: number; text: string } | { op: 'delete'; at: number; length: number } | { op: 'duplicate'; at: number; length: number };

function apply(text: string, m: Mutation): string {
  const i = Math.floor(m.at * text.length);
  switch (m.op) {
    case 'truncate':
      return text.slice(0, i);
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.length);
    case 'duplicate':
      return text.slice(0, i + m.length) + text.slice(i, i + m.length) + text.slice(i + m.length);
  }
}

describe('validate on mutated examples', () => {
  it('never throws, and every diagnostic points inside its file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-prop-'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: SOURCES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (which, mutations) => {
        const source = SOURCES[which] as { name: string; text: string };
        const text = mutations.reduce(apply, source.text);
        const file = path.join(dir, source.name);
        writeFileSync(file, text);
        const loaded = await loadFiles([{ absPath: file, name: source.name }]);
        const lines = text.replace(/^\uFEFF/, '').split('\n');
        for (const d of loaded.diagnostics) {
          expect(d.range.start.line).toBeGreaterThanOrEqual(1);
          expect(d.range.start.line).toBeLessThanOrEqual(lines.length);
          expect(d.range.start.column).toBeGreaterThanOrEqual(1);
          expect(d.range.start.column).toBeLessThanOrEqual((lines[d.range.start.line - 1]?.length ?? 0) + 1);
        }
        rmSync(file);
      }),
      { numRuns: 300, seed: 20261124 },
    );
  }, 120_000);

  it('through the whole CLI: exit 0 or 1, no stack trace, positions inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-prop-cli-'));
        for (const s of SOURCES.slice(0, 4)) writeFileSync(path.join(dir, s.name), s.text);
        const target = SOURCES[2] as { name: string; text: string };
        const text = mutations.reduce(apply, target.text);
        writeFileSync(path.join(dir, target.name), text);
        const r = await runCli(['validate', dir, '--format', 'json', '--as-of', '2026-11-24']);
        expect([0, 1]).toContain(r.code);
        expect(r.stderr).toBe('');
        const out = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number }[] };
        for (const d of out.diagnostics) {
          const content = readFileSync(path.resolve(process.cwd(), d.file), 'utf8');
          expect(d.line).toBeLessThanOrEqual(content.split('\n').length);
        }
        rmSync(dir, { recursive: true });
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 120_000);
});

const OWN_TAGS = new Set(
  'body a p ul ol li dl dt dd table caption thead tbody tr th td h1 h2 h3 h4 h5 h6 div span strong em del code pre blockquote br hr figure figcaption svg rect line text title header nav main footer'.split(' '),
);

describe('report on hostile text', () => {
  const payload = fc.oneof(
    fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "javascript:alert(1)", '<a href="javascript:x">y</a>', '</title><script>x</script>', '<iframe src=x>', '<style>*{}</style>', '[l](javascript:alert(1))', '![i](http://evil/x.png)', '<!--', ']]>', '&lt;script&gt;'),
    fc.string({ maxLength: 30 }),
  );

  it('never puts an executable script, event handler or unescaped tag from the data into a page', async () => {
    const base = readFileSync('examples/parken/medborgarlofte-2026-2027.yaml', 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.array(payload, { minLength: 1, maxLength: 3 }), async (payloads) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-prop-rep-'));
        for (const f of ['aktorer.yaml', 'problembild-narkotika-stadsparken.yaml', 'uppfoljning-2026-06-30.yaml']) writeFileSync(path.join(dir, f), readFileSync(path.join('examples/parken', f), 'utf8'));
        const inject = JSON.stringify(payloads.join(' '));
        const doc = base.replace(/^titel: .*$/m, `titel: ${inject}`).replace(/^inledning: \|\n/m, `inledning: |\n  ${payloads.join(' ').replace(/\n/g, ' ')}\n`);
        writeFileSync(path.join(dir, 'medborgarlofte.yaml'), doc);
        const out = path.join(dir, 'site');
        const r = await runCli(['report', dir, '--out', out, '--as-of', '2026-11-24', '--format', 'both']);
        if (r.code !== 0) return; // the payload broke the YAML: validate said so, nothing was written
        const page = readFileSync(path.join(out, 'medborgarloften', 'laxa-medborgarloften-2026-2027.html'), 'utf8');
        // Escaped data has no '<': every real tag is one lofte writes, with no handler or script URL.
        for (const tag of page.slice(page.indexOf('<body>')).match(/<[a-zA-Z][^>]*>/g) ?? []) {
          const name = /^<([a-zA-Z0-9]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
          expect(OWN_TAGS.has(name), tag).toBe(true);
          expect(tag, tag).not.toMatch(/\son[a-z]+\s*=|javascript:|data:/i);
        }
        const md = readFileSync(path.join(out, 'medborgarloften', 'laxa-medborgarloften-2026-2027.md'), 'utf8');
        expect(md.replace(/\\</g, '').replace(/\]\(<[^>\n]*>\)/g, '').replace(/`[^`\n]*`/g, '')).not.toMatch(/<[a-zA-Z/!]/);
        rmSync(dir, { recursive: true });
      }),
      { numRuns: 40, seed: 11 },
    );
  }, 120_000);
});

describe('the uri format of the built validators', () => {
  // dist/schema/formats.cjs (scripts/compile-schemas.mjs) accepts a plain web address before it
  // asks ajv-formats' RFC 3986 expression: it must never say otherwise than that expression.
  const built = createRequire(import.meta.url)(path.join(ROOT, 'dist', 'schema', 'formats.cjs')) as { uri: (text: string) => boolean };
  const full = createRequire(import.meta.url)('ajv-formats/dist/formats').fullFormats as { uri: (text: string) => boolean };
  const URI_CHARS = [...'abcXYZ019-._~!$&\'()*+,;=:@/?#%[] <>"{}|\\^`\u00e5\u00c5'];
  const address = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https', 'ftp', 'mailto'] }),
    fc.tuple(fc.webUrl(), fc.array(fc.constantFrom(...URI_CHARS), { maxLength: 6 }), fc.nat()).map(([url, extra, at]) => url.slice(0, at % (url.length + 1)) + extra.join('') + url.slice(at % (url.length + 1))),
    fc.array(fc.constantFrom(...URI_CHARS), { maxLength: 30 }).map((cs) => cs.join('')),
    fc.string(),
  );

  it('agrees with the full expression on addresses, near-addresses and arbitrary text', () => {
    fc.assert(fc.property(address, (text) => built.uri(text) === full.uri(text)), { numRuns: 20_000 });
  });

  it('answers the cases a reader would check by hand as the full expression does', () => {
    const cases = ['https://polisen.se/aktuellt/medborgarloften', 'http://exempel.se:8080/a/b?c=d&e=f#g', 'https://', 'https://exempel.se/%C3%A5', 'https://exempel.se/%zz', 'https://exempel.se/a b', 'https://exempel.se/å', 'polisen.se', '//exempel.se', 'mailto:namn@exempel.se', 'https://[::1]/', 'https://anv@exempel.se/', ''];
    expect(cases.map((c) => built.uri(c))).toEqual(cases.map((c) => full.uri(c)));
    expect(built.uri('https://polisen.se/aktuellt/medborgarloften')).toBe(true);
    expect(built.uri('https://exempel.se/a b')).toBe(false);
  });
});
