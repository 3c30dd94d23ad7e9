// Positions from js-yaml's parse events (quick-locator.ts) are the exact parser's positions: for
// every path (and a missing child of each) of every document in the examples, the fixtures and a
// set of awkward layouts, as key and as value.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocPath } from '../src/diagnostics/types.js';
import { discover } from '../src/load/discover.js';
import { parseMarkdownFile, parseYamlFile, stripBom, type ParsedFile } from '../src/load/parse.js';
import { ROOT } from './helpers.js';

/** Every path to a node in a value, and one missing child under each map and list. */
function paths(value: unknown, prefix: DocPath = []): DocPath[] {
  const out: DocPath[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
    out.push([...prefix, value.length]);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
    out.push([...prefix, 'saknas']);
  }
  return out;
}

const AWKWARD: Record<string, string> = {
  'comments.yaml': 'apiVersion: lofte/v1   # version\nkind: Aktor # slag\n# mellan\nid: "laxa"  # citerad\nnamn:   Laxå kommun    \n\ntyp:\n  # före värdet\n  kommun\nkommuner:\n  # före listan\n\n  - a # efter\nkarta: # efter nyckeln\n  # före kartan\n  a: 1\n',
  'flow.yaml': 'kind: Medborgarlofte\nkommuner: [laxa, "askersund" , \'nora\']\ngiltighet: {from: 2026-01-01, tom: "2026-12-31"}\nloften: [{id: a, text: "x"}, {id: b}]\n',
  'block.yaml': 'kind: Problembild\nbeskrivning: |\n  Rad ett\n  rad två\nsammanfattning: >-\n  veckad\n  text\nkort: |2\n    indragen\n',
  'nested.yaml': 'kind: Medborgarlofte\nloften:\n- id: a\n  medverkande:\n  - x\n  -   y\n  - - inre\n    - lista\n-\n  id: b\n  text:\n    på nästa rad\n',
  'crlf.yaml': 'kind: Aktor\r\nid: crlf\r\nnamn: Med CRLF\r\nkommuner:\r\n  - a\r\n  - b\r\n',
  'multi.yaml': '---\nkind: Aktor\nid: ett\n---\n# bara kommentar\n---\nkind: Aktor\nid: tva\n...\n',
  'keys.yaml': 'kind: Aktor\n"citerad nyckel": 1\n\'enkel\': 2\n1: tal\ntrue: sant\nplain key with spaces: värde\n',
  'multiline.yaml': 'kind: Aktor\ntext: en lång\n  rad som fortsätter\n  och fortsätter\nciterad: "över\n  två rader"\n',
  'empty.yaml': 'kind: Aktor\ntom:\nnull-värde: null\ntilde: ~\nlista: []\nkarta: {}\n',
  'anchors.yaml': 'kind: Aktor\nbas: &b {a: 1}\nannan: !!str 5\n? explicit\n: nyckel\n',
  'flow-lines.yaml': 'kind: Medborgarlofte\ngiltighet: {\n  from: 2026-01-01,\n  tom: 2026-12-31\n}\nkommuner: [\n  laxa,   # kommentar\n  "nora"\n]\n',
  'hashes.yaml': 'kind: Aktor\nnamn: "Laxå #1"   # kommentar\nkod: a#b\nciterad: \'det \'\'är\'\' så\'\nflykt: "rad\\n\\"två\\""\n',
  'inline-doc.yaml': '--- {kind: Aktor, id: a}\n--- \nkind: Aktor\nid: b\n',
  'block-comment.yaml': 'kind: Problembild\nbeskrivning: |  # kommentar efter huvudet\n  text\n\n  mer text\nnasta: 1\n',
  'front.md': '---\nkind: Problembild\nid: pb   # id\nrubrik: "Titel"\n---\n\n# Rubrik\n\nBrödtext.\n',
};

async function sources(): Promise<[string, string][]> {
  const files = await discover(['examples', 'test/fixtures'], { cwd: ROOT });
  const out: [string, string][] = Object.entries(AWKWARD);
  for (const f of files) {
    const text = stripBom(readFileSync(f.absPath, 'utf8'));
    if (!text.includes('\u0000')) out.push([f.name, text]);
  }
  return out;
}

const parse = (name: string, text: string, fast: boolean): ParsedFile => (name.endsWith('.md') ? parseMarkdownFile : parseYamlFile)(text, undefined, fast ? 'fast' : 'exact');

/** Each document of each YAML or Markdown source as the exact parser reads it, with the fast parser's reading of it. */
function* documentPairs(files: Iterable<[string, string]>): Generator<{ name: string; doc: ParsedFile['documents'][number]; quick: ParsedFile['documents'][number] }> {
  for (const [name, text] of files) {
    if (!/\.(ya?ml|md)$/.test(name)) continue;
    const fast = parse(name, text, true);
    for (const doc of parse(name, text, false).documents) {
      const quick = fast.documents.find((d) => d.index === doc.index);
      if (quick) yield { name, doc, quick };
    }
  }
}

describe('quick positions', () => {
  it('are the exact parser’s, for every path of every document, as key and as value', async () => {
    let compared = 0;
    for (const { name, doc, quick } of documentPairs(await sources())) {
      for (const p of paths(doc.value)) {
        for (const target of ['key', 'value'] as const) {
          expect(quick.locator.locate(p, target), `${name} #${doc.index} ${JSON.stringify(p)} ${target}`).toEqual(doc.locator.locate(p, target));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
  }, 60_000);

  it('place words inside every string value where the exact parser does (quotes, escapes, folded and block text)', async () => {
    let compared = 0;
    for (const { name, doc, quick } of documentPairs([...Object.entries(WORDS), ...(await sources())])) {
      for (const p of paths(doc.value)) {
        const value = valueAt(doc.value, p);
        if (typeof value !== 'string') continue;
        for (const [start, end] of spans(value)) {
          expect(quick.locator.locateText?.(p, start, end), `${name} #${doc.index} ${JSON.stringify(p)} ${start}-${end}`).toEqual(doc.locator.locateText?.(p, start, end));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
  }, 60_000);
});

/** Texts whose words stand elsewhere in the source than in the value. */
const WORDS: Record<string, string> = {
  'escapes.yaml': 'kind: Aktor\ndubbel: "a\\tb \\"c\\" \\u00e5 \\x41 ord"\nenkel: \'det \'\'är\'\' ord\'\nbruten: "första \\\n   andra"\n',
  'folded.yaml': 'kind: Aktor\nveckad: >\n  ett två\n  tre\n\n  fyra\nbevarad: |+\n  rad ett\n  rad två\n\nslut: >-\n    djupt\n    indragen\n',
  'plain-lines.yaml': 'kind: Aktor\nlang: en rad\n   som fortsätter   \n\n   efter tom rad # ingen kommentar\nlista:\n  - ett ord\n    till\n  - "citerat\n    över rader"\n',
};

function valueAt(value: unknown, path: DocPath): unknown {
  let v = value;
  for (const seg of path) v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/** Each word of a text, the whole text, and its first and last character. */
function spans(text: string): [number, number][] {
  const out: [number, number][] = [[0, text.length]];
  if (text.length > 1) out.push([0, 1], [text.length - 1, text.length]);
  for (const m of text.matchAll(/\S+/g)) out.push([m.index, m.index + m[0].length]);
  return out;
}
