// The CI formatters, SARIF and JUnit: shape, exact output and escaping for one synthetic list, and the real pipeline.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/diagnostics/catalog.js';
import type { Diagnostic } from '../src/diagnostics/types.js';
import { escapeXml, junit } from '../src/format/junit.js';
import { FINGERPRINT_KEY, INFORMATION_URI, sarif, toUri, type SarifLog, type SarifResult } from '../src/format/sarif.js';
import type { FormatContext } from '../src/format/types.js';
import { validateRepository } from '../src/validate.js';
import { ROOT } from './helpers.js';
import { range, SYNTHETIC_CTX, syntheticDiagnostics } from './synthetic.js';

const ODD = 'repo/mapp & <b>.yaml';

const DIAGNOSTICS: Diagnostic[] = [
  ...syntheticDiagnostics(ODD),
  {
    rule: 'not-measurable',
    severity: 'warning',
    file: 'repo/c.yaml',
    range: { start: { line: 7, column: 9 }, end: { line: 8, column: 3 } },
    path: ['loften', 1, 'id'],
    args: { lofte: 'nattvandring' },
  },
];

const ctx = SYNTHETIC_CTX;

const parseSarif = (text: string): SarifLog => JSON.parse(text) as SarifLog;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The parts of the SARIF 2.1.0 schema lofte's output touches, checked by hand: the official schema
 * is not vendored in node_modules. Required properties, types and value ranges as the schema states them.
 */
function assertSarifShape(log: unknown): void {
  expect(isObject(log)).toBe(true);
  const l = log as Record<string, unknown>;
  expect(Object.keys(l).sort()).toEqual(['$schema', 'runs', 'version']);
  expect(l['version']).toBe('2.1.0');
  expect(l['$schema']).toMatch(/^https:\/\/.*sarif-schema-2\.1\.0\.json$/);
  const runs = l['runs'] as unknown[];
  expect(runs).toHaveLength(1);
  const run = runs[0] as Record<string, unknown>;
  expect(run['columnKind']).toBe('utf16CodeUnits');
  expect(run['language']).toMatch(/^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$/);
  const driver = (run['tool'] as { driver: Record<string, unknown> }).driver;
  expect(driver['name']).toBe('lofte');
  expect(() => new URL(String(driver['informationUri']))).not.toThrow();
  expect(driver['version']).toMatch(/^\d+\.\d+\.\d+/);
  const text = (m: unknown): void => {
    expect(isObject(m)).toBe(true);
    expect(typeof (m as { text: unknown }).text).toBe('string');
    expect((m as { text: string }).text.length).toBeGreaterThan(0);
  };
  const rules = driver['rules'] as Record<string, unknown>[];
  for (const r of rules) {
    expect(r['id']).toMatch(/^[a-z][a-z-]*$/);
    expect(r['name']).toMatch(/^[A-Z][A-Za-z]*$/);
    text(r['shortDescription']);
    text(r['fullDescription']);
    text(r['help']);
    expect(new URL(String(r['helpUri'])).protocol).toBe('https:');
    expect(['none', 'note', 'warning', 'error']).toContain((r['defaultConfiguration'] as { level: string }).level);
  }
  const location = (loc: unknown): void => {
    const p = (loc as { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }).physicalLocation;
    expect(p.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    // A URI reference (RFC 3986): no spaces or characters that must be percent-encoded.
    expect(p.artifactLocation.uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/);
    const { startLine, startColumn, endLine, endColumn } = p.region as { startLine: number; startColumn: number; endLine: number; endColumn: number };
    for (const n of [startLine, startColumn, endLine, endColumn]) expect(Number.isInteger(n) && n >= 1).toBe(true);
    expect(endLine > startLine || (endLine === startLine && endColumn >= startColumn)).toBe(true);
  };
  for (const r of run['results'] as Record<string, unknown>[]) {
    expect(typeof r['ruleId']).toBe('string');
    const index = r['ruleIndex'] as number;
    expect(rules[index]?.['id']).toBe(r['ruleId']);
    expect(['warning', 'error']).toContain(r['level']);
    text(r['message']);
    const locations = r['locations'] as unknown[];
    expect(locations).toHaveLength(1);
    locations.forEach(location);
    const related = (r['relatedLocations'] ?? []) as { id: number; message: unknown }[];
    related.forEach(location);
    related.forEach((rl) => text(rl.message));
    expect(new Set(related.map((rl) => rl.id)).size).toBe(related.length);
    for (const rl of related) expect(Number.isInteger(rl.id) && rl.id >= 0).toBe(true);
    const prints = r['partialFingerprints'] as Record<string, unknown>;
    for (const v of Object.values(prints)) expect(typeof v).toBe('string');
  }
}

describe('sarif', () => {
  const log = parseSarif(sarif(DIAGNOSTICS, ctx));
  const run = log.runs[0]!;

  it('is SARIF 2.1.0 with the structure GitHub code scanning reads', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif-schema-2.1.0.json');
    assertSarifShape(log);
    expect(run.language).toBe('sv-SE');
  });

  it('describes every catalog rule once, in catalog order, with help from its page', () => {
    const { rules, version, informationUri } = run.tool.driver;
    expect(rules).toHaveLength(RULES.length);
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.code));
    expect(rules.map((r) => r.defaultConfiguration.level)).toEqual(RULES.map((r) => r.defaultSeverity));
    expect(version).toBe((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(informationUri).toBe(INFORMATION_URI);
    const dup = rules.find((r) => r.id === 'duplicate-id')!;
    expect(dup.name).toBe('DuplicateId');
    expect(dup.shortDescription.text).toBe('Samma id två gånger');
    expect(dup.helpUri).toBe(`${INFORMATION_URI}/blob/main/docs/rules/duplicate-id.md`);
    expect(dup.fullDescription.text).toMatch(/^Två dokument i förrådet har samma `id`, oavsett sort: en aktör och en problembild får inte heller dela id\./);
    expect(dup.help.markdown).toMatch(/^Två dokument i förrådet har samma `id`/);
    expect(dup.help.markdown).toContain('pekar tillbaka till platsen\ndär id:t först definierades.');
    expect(dup.help.markdown).not.toContain('## Varför');
  });

  it('has one result per diagnostic, with level, region and rule index', () => {
    expect(run.results).toHaveLength(DIAGNOSTICS.length);
    run.results.forEach((r, i) => {
      const d = DIAGNOSTICS[i]!;
      expect(r.ruleId).toBe(d.rule);
      expect(r.ruleIndex).toBe(RULES.findIndex((rule) => rule.code === d.rule));
      expect(run.tool.driver.rules[r.ruleIndex!]!.id).toBe(d.rule);
      expect(r.level).toBe(d.severity);
      expect(r.locations[0]!.physicalLocation.region).toEqual({
        startLine: d.range.start.line,
        startColumn: d.range.start.column,
        endLine: d.range.end.line,
        endColumn: d.range.end.column,
      });
    });
  });

  it('words the finding with its hint, places it repo-relative and percent-encoded, and links the first definition', () => {
    const first: SarifResult = run.results[0]!;
    expect(first.message.text).toBe('Id `laxa` används redan.\nId måste vara unika i hela förrådet. Byt id på ett av dokumenten.');
    expect(first.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'mapp%20%26%20%3Cb%3E.yaml', uriBaseId: '%SRCROOT%' });
    expect(first.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'a.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 10 } },
        message: { text: 'Först definierat här' },
      },
    ]);
    expect(run.results[1]!.relatedLocations).toBeUndefined();
  });

  it('fingerprints findings stably, apart from each other, and not by line', () => {
    const prints = (list: Diagnostic[]) => parseSarif(sarif(list, ctx)).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    const once = prints(DIAGNOSTICS);
    expect(prints(DIAGNOSTICS)).toEqual(once);
    for (const p of once) expect(p).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(once).size).toBe(once.length);
    const moved = DIAGNOSTICS.map((d) => ({ ...d, range: { start: { ...d.range.start, line: d.range.start.line + 10 }, end: { ...d.range.end, line: d.range.end.line + 10 } } }));
    expect(prints(moved)).toEqual(once);
    // Two documents in one file can give the same rule, path and arguments.
    const twin = prints([DIAGNOSTICS[2]!, { ...DIAGNOSTICS[2]!, range: range(20, 9) }]);
    expect(twin[0]).toBe(once[2]);
    expect(twin[1]).not.toBe(twin[0]);
  });

  it('is deterministic and words everything in English with --lang en', () => {
    expect(sarif(DIAGNOSTICS, ctx)).toBe(sarif(DIAGNOSTICS, ctx));
    const en = parseSarif(sarif(DIAGNOSTICS, { ...ctx, lang: 'en' }));
    assertSarifShape(en);
    expect(en.runs[0]!.language).toBe('en-US');
    expect(en.runs[0]!.results[0]!.message.text).toMatch(/^Id `laxa` is already used\./);
    expect(en.runs[0]!.results[0]!.relatedLocations![0]!.message.text).not.toBe('Först definierat här');
    const dup = en.runs[0]!.tool.driver.rules.find((r) => r.id === 'duplicate-id')!;
    expect(dup.shortDescription.text).toBe('Duplicate id');
    expect(dup.help.text).toContain(dup.helpUri);
  });

  it('writes an empty result list when all is well', () => {
    const empty = parseSarif(sarif([], ctx));
    assertSarifShape(empty);
    expect(empty.runs[0]!.results).toEqual([]);
    expect(empty.runs[0]!.tool.driver.rules).toHaveLength(RULES.length);
  });

  it('percent-encodes each path segment and keeps the slashes', () => {
    expect(toUri('mapp med mellanslag/åtgärd#1.yaml')).toBe('mapp%20med%20mellanslag/%C3%A5tg%C3%A4rd%231.yaml');
  });
});

/** Every `<` must open or close a known tag, every `&` start an entity, and tags must nest; returns the tag names in order. */
function checkXml(xml: string, known: ReadonlySet<string>): string[] {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  expect(xml.startsWith(declaration)).toBe(true);
  expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  const entity = '&(?:amp|lt|gt|quot|apos|#\\d+);';
  const tag = new RegExp(`<(/?)([a-z]+)((?:\\s+[a-z]+="(?:[^"<&]|${entity})*")*)\\s*(/?)>`, 'y');
  const badText = new RegExp(`&(?!(?:amp|lt|gt|quot|apos|#\\d+);)|>`);
  const stack: string[] = [];
  const names: string[] = [];
  let roots = 0;
  let i = declaration.length;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    expect(text, `bad text at ${i}`).not.toMatch(badText);
    if (stack.length === 0) expect(text.trim()).toBe('');
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    expect(m, `no tag at ${lt}: ${xml.slice(lt, lt + 40)}`).not.toBeNull();
    const [whole, closing, name, , selfClosing] = m!;
    expect(known.has(name!), `unknown tag ${name}`).toBe(true);
    if (closing) {
      expect(stack.pop()).toBe(name);
    } else {
      if (stack.length === 0) roots += 1;
      names.push(name!);
      if (!selfClosing) stack.push(name!);
    }
    i = lt + whole.length;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  return names;
}

const JUNIT_TAGS = new Set(['testsuites', 'testsuite', 'testcase', 'failure']);

describe('junit', () => {
  it('writes a suite per file and a failing case per finding, escaped', () => {
    expect(junit(DIAGNOSTICS, ctx)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="lofte" tests="3" failures="3" errors="0">',
        '  <testsuite name="mapp &amp; &lt;b&gt;.yaml" tests="2" failures="2" errors="0">',
        '    <testcase classname="mapp &amp; &lt;b&gt;.yaml" name="duplicate-id 3:5" file="mapp &amp; &lt;b&gt;.yaml">',
        '      <failure type="duplicate-id" message="fel: Id `laxa` används redan.">mapp &amp; &lt;b&gt;.yaml:3:5: fel: Id `laxa` används redan.',
        'Tips: Id måste vara unika i hela förrådet. Byt id på ett av dokumenten.',
        'Först definierat här: a.yaml:2:5</failure>',
        '    </testcase>',
        '    <testcase classname="mapp &amp; &lt;b&gt;.yaml" name="unresolved-reference 12:15" file="mapp &amp; &lt;b&gt;.yaml">',
        '      <failure type="unresolved-reference" message="varning: `lpo-halsberg` finns inte: det ska vara id för en aktör.">mapp &amp; &lt;b&gt;.yaml:12:15: varning: `lpo-halsberg` finns inte: det ska vara id för en aktör.',
        'Tips: Menade du `lpo-hallsberg`?</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="c.yaml" tests="1" failures="1" errors="0">',
        '    <testcase classname="c.yaml" name="not-measurable 7:9" file="c.yaml">',
        '      <failure type="not-measurable" message="varning: Löftet `nattvandring` har varken `omfattning`, `frekvens` eller ett slutdatum, så ingen kan se om det hölls.">c.yaml:7:9: varning: Löftet `nattvandring` har varken `omfattning`, `frekvens` eller ett slutdatum, så ingen kan se om det hölls.',
        'Tips: Lägg till t.ex. `omfattning: { antal: 20, enhet: trafikkontroller, minst: true }` eller `frekvens: { antal: 2, per: vecka }`; ett engångslöfte får `senast: ÅÅÅÅ-MM-DD`.</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('reports one passing case when there are no findings, so the run shows green', () => {
    expect(junit([], ctx)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="lofte" tests="1" failures="0" errors="0">',
        '  <testsuite name="lofte" tests="1" failures="0" errors="0">',
        '    <testcase classname="lofte" name="validate"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
    expect(checkXml(junit([], ctx), JUNIT_TAGS)).toEqual(['testsuites', 'testsuite', 'testcase']);
  });

  it('escapes markup and quotes, keeps newlines in attributes as references, and drops what XML 1.0 cannot hold', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    expect(escapeXml('rad 1\r\nrad 2\tslut')).toBe('rad 1&#13;&#10;rad 2&#9;slut');
    expect(escapeXml('rad 1\r\nrad 2\tslut', 'content')).toBe('rad 1&#13;\nrad 2\tslut');
    expect(escapeXml('a\u0000b\u0007c\u001bd\ud800e\ufffef\u{1f600}')).toBe('abcdef\u{1f600}');
    const nasty: Diagnostic = { ...DIAGNOSTICS[0]!, file: `repo/"it's"\u0001.yaml`, args: { id: `]]></failure><x a='1'>\u0008`, scope: 'repository' } };
    const out = junit([nasty], ctx);
    expect(out).not.toContain('\u0001');
    expect(out).not.toContain('\u0008');
    expect(out).toContain('<testsuite name="&quot;it&apos;s&quot;.yaml"');
    expect(out).toContain('message="fel: Id `]]&gt;&lt;/failure&gt;&lt;x a=&apos;1&apos;&gt;` används redan."');
    expect(checkXml(out, JUNIT_TAGS)).toEqual(['testsuites', 'testsuite', 'testcase', 'failure']);
  });

  it('has a well-formedness check that catches what it should', () => {
    const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
    expect(() => checkXml(doc('<testsuites><testsuite></testsuites>'), JUNIT_TAGS)).toThrow();
    expect(() => checkXml(doc('<testsuites><failure>a & b</failure></testsuites>'), JUNIT_TAGS)).toThrow();
    expect(() => checkXml(doc('<testsuites name="a<b"/>'), JUNIT_TAGS)).toThrow();
    expect(() => checkXml(doc('<testsuites><x/></testsuites>'), JUNIT_TAGS)).toThrow();
    expect(() => checkXml(doc('<testsuites/><testsuites/>'), JUNIT_TAGS)).toThrow();
    expect(checkXml(doc('<testsuites name="a &amp; b">\n<testsuite/>\n</testsuites>\n'), JUNIT_TAGS)).toEqual(['testsuites', 'testsuite']);
  });

  it('is well-formed: every tag known and nested, every entity valid', () => {
    expect(checkXml(junit(DIAGNOSTICS, ctx), JUNIT_TAGS)).toEqual([
      'testsuites',
      ...['testsuite', 'testcase', 'failure', 'testcase', 'failure'],
      ...['testsuite', 'testcase', 'failure'],
    ]);
    expect(junit(DIAGNOSTICS, { ...ctx, lang: 'en' })).toContain('message="warning: `lpo-halsberg` does not exist');
  });
});

describe('the real pipeline (examples/trasig)', () => {
  it('gives every diagnostic a SARIF result with its region, and well-formed JUnit', async () => {
    const result = await validateRepository({ cwd: ROOT, paths: ['examples/trasig'], asOf: '2026-11-24' });
    expect(result.diagnostics.length).toBeGreaterThan(5);
    const real: FormatContext = { lang: 'sv', color: false, fileCount: result.fileCount, toRepoPath: (f) => f };
    const log = parseSarif(sarif(result.diagnostics, real));
    assertSarifShape(log);
    const results = log.runs[0]!.results;
    expect(results).toHaveLength(result.diagnostics.length);
    result.diagnostics.forEach((d, i) => {
      const r = results[i]!;
      expect(r.ruleId).toBe(d.rule);
      expect(r.level).toBe(d.severity);
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe(toUri(d.file));
      expect(r.locations[0]!.physicalLocation.region).toEqual({
        startLine: d.range.start.line,
        startColumn: d.range.start.column,
        endLine: d.range.end.line,
        endColumn: d.range.end.column,
      });
      expect(r.relatedLocations?.length ?? 0).toBe(d.related?.length ?? 0);
    });
    const fingerprints = results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    const names = checkXml(junit(result.diagnostics, real), JUNIT_TAGS);
    expect(names.filter((n) => n === 'failure')).toHaveLength(result.diagnostics.length);
  });
});
