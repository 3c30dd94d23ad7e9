// `lofte links`: the park example's problembild, its six promises and three actors, in every format.

import { describe, expect, it } from 'vitest';
import { mermaidLabel } from '../src/links/render.js';
import { runCli } from './helpers.js';

const DOC = 'laxa-medborgarloften-2026-2027';
const PROMISES = ['besok-ungdomsgardar', 'faltassistenter-kvall', 'fotpatrull-parken', 'nattvandring', 'spaning-parken', 'vardande-insatser'];

describe('lofte links on examples/parken', () => {
  it('text: the problembild with its six promises, and what each of three actors promised', async () => {
    const r = await runCli(['links', 'examples/parken']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  laxa-narkotika-stadsparken: Ökad användning av narkotika bland ungdomar i stadsparken kvällstid\n');
    for (const id of PROMISES) expect(r.stdout).toContain(`    ${DOC}/${id} (`);
    expect(r.stdout).toContain('  lpo-hallsberg: Lokalpolisområde Hallsberg (lokalpolisomrade)\n    ansvarig för 3:');
    expect(r.stdout).toContain('  laxa-kommun: Laxå kommun (kommun)\n    ansvarig för 2:');
    expect(r.stdout).toContain('  laxa-ungdomsforening: Laxå ungdomsförening (civilsamhalle)\n    ansvarig för 1:');
    expect(r.stdout).toContain('  Problembilder utan löften: –\n  Aktörer utan löften: –\n');
  });

  it('json: the same graph for tools', async () => {
    const r = await runCli(['links', 'examples/parken', '--format', 'json']);
    const view = JSON.parse(r.stdout) as {
      problembilder: { id: string; loften: string[] }[];
      aktorer: { id: string; ansvarig: string[] }[];
      loften: { key: string }[];
    };
    expect(view.problembilder).toHaveLength(1);
    expect(view.problembilder[0]?.loften).toEqual(PROMISES.map((id) => `${DOC}/${id}`));
    expect(view.aktorer.map((a) => [a.id, a.ansvarig.length])).toEqual([
      ['laxa-kommun', 2],
      ['laxa-ungdomsforening', 1],
      ['lpo-hallsberg', 3],
    ]);
    expect(view.loften).toHaveLength(6);
  });

  it('mermaid: a flowchart with one node per entity and an edge per link', async () => {
    const r = await runCli(['links', 'examples/parken', '--format', 'mermaid']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    // Every line is a subgraph, a node or an edge of the flowchart grammar (the browser tests run
    // mermaid's own parser on this output too).
    const shapes = [/^ {2}subgraph \w+\["[^"]*"\]$/, /^ {2}end$/, /^ {4}\w+(\["[^"]*"\]|\("[^"]*"\)|\[\/"[^"]*"\/\])$/, /^ {2}\w+ (-->|-\.->)\|[^|]+\| \w+$/];
    for (const line of lines.slice(1)) expect(shapes.some((s) => s.test(line)), line).toBe(true);
    expect(lines.filter((l) => l.includes('-->|svarar på|'))).toHaveLength(6);
    expect(lines.filter((l) => l.includes('-->|lovar|'))).toHaveLength(6);
    expect(lines.filter((l) => /^ {4}a\d+\[\//.test(l))).toHaveLength(3);
  });

  it('escapes quotes and markup in mermaid labels', () => {
    expect(mermaidLabel('Ett "citat" <b>och</b> [klammer]')).toBe('"Ett #34;citat#34; #60;b#62;och#60;/b#62; #91;klammer#93;"');
  });

  it('shows what is unanswered', async () => {
    const r = await runCli(['links', 'test/fixtures/warnings']);
    expect(r.stdout).toContain('  Problembilder utan löften: cykelstolder\n  Aktörer utan löften: kiruna-kommun, laxa-kommun\n');
  });

  it('exits 1 and explains on stderr when links are broken', async () => {
    const r = await runCli(['links', 'examples/trasig']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unresolved-reference');
  });
});
