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

describe('quick positions', () => {
  it('are the exact parser’s, for every path of every document, as key and as value', async () => {
    let compared = 0;
    for (const [name, text] of await sources()) {
      if (!/\.(ya?ml|md)$/.test(name)) continue;
      const exact = parse(name, text, false);
      const fast = parse(name, text, true);
      for (const doc of exact.documents) {
        const quick = fast.documents.find((d) => d.index === doc.index);
        if (!quick) continue;
        for (const p of paths(doc.value)) {
          for (const target of ['key', 'value'] as const) {
            expect(quick.locator.locate(p, target), `${name} #${doc.index} ${JSON.stringify(p)} ${target}`).toEqual(doc.locator.locate(p, target));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
  }, 60_000);
});
