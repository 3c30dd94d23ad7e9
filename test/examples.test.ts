// The shipped examples: the valid ones are clean, and examples/trasig shows every error rule.

import { describe, expect, it } from 'vitest';
import { RULES } from '../src/diagnostics/catalog.js';
import { findings } from './helpers.js';

describe('valid examples', () => {
  it.each(['parken', 'vastra-blekinge'])('examples/%s validates with no findings', async (name) => {
    const r = await findings([`examples/${name}`]);
    expect(r.found).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('examples/trasig', () => {
  it('exits 1 and reports every error rule that a shippable file can show', async () => {
    const r = await findings(['examples/trasig']);
    expect(r.code).toBe(1);
    const rules = new Set(r.errors.map((f) => f.rule));
    // Not shippable in git as an example: a file that is not UTF-8 (test/fixtures/latin1), and a
    // broken lofte.config.yaml (test/fixtures/config/typo), which stops the run before any check.
    const errorRules = RULES.filter((m) => m.defaultSeverity === 'error' && m.code !== 'file-unreadable' && m.code !== 'config').map((m) => m.code);
    for (const code of errorRules) expect(rules, code).toContain(code);
  });

  // The exact place of each finding, in .yaml and .md files alike.
  it('pins file:line:col for each rule', async () => {
    const r = await findings(['examples/trasig']);
    expect(r.errors).toEqual([
      { rule: 'deviation-reason', file: 'examples/trasig/deviation-reason.yaml', line: 11, column: 13 },
      { rule: 'duplicate-id', file: 'examples/trasig/duplicate-id.yaml', line: 3, column: 5 },
      { rule: 'follow-up-unknown-promise', file: 'examples/trasig/follow-up-unknown-promise.yaml', line: 10, column: 12 },
      { rule: 'invalid-disable', file: 'examples/trasig/invalid-disable.yaml', line: 11, column: 5 },
      { rule: 'outside-validity', file: 'examples/trasig/outside-validity.yaml', line: 14, column: 39 },
      { rule: 'period-order', file: 'examples/trasig/period-order.yaml', line: 7, column: 37 },
      { rule: 'personal-data', file: 'examples/trasig/personal-data.md', line: 15, column: 15 },
      { rule: 'reference-kind', file: 'examples/trasig/reference-kind.md', line: 6, column: 19 },
      { rule: 'schema', file: 'examples/trasig/schema.md', line: 8, column: 13 },
      { rule: 'schema', file: 'examples/trasig/schema.yaml', line: 10, column: 5 },
      { rule: 'schema', file: 'examples/trasig/schema.yaml', line: 13, column: 5 },
      { rule: 'unknown-kommunkod', file: 'examples/trasig/unknown-kommunkod.yaml', line: 6, column: 12 },
      { rule: 'unresolved-reference', file: 'examples/trasig/unresolved-reference.yaml', line: 12, column: 15 },
      { rule: 'yaml-syntax', file: 'examples/trasig/yaml-syntax.md', line: 5, column: 32 },
      { rule: 'yaml-syntax', file: 'examples/trasig/yaml-syntax.yaml', line: 6, column: 1 },
    ]);
  });
});

describe('independent mistakes', () => {
  it('a file with five independent mistakes gives five diagnostics in one run', async () => {
    const r = await findings(['test/fixtures/five-mistakes']);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      { rule: 'schema', file: 'test/fixtures/five-mistakes/medborgarlofte.yaml', line: 7, column: 37 },
      { rule: 'schema', file: 'test/fixtures/five-mistakes/medborgarlofte.yaml', line: 8, column: 9 },
      { rule: 'personal-data', file: 'test/fixtures/five-mistakes/medborgarlofte.yaml', line: 11, column: 11 },
      { rule: 'unresolved-reference', file: 'test/fixtures/five-mistakes/medborgarlofte.yaml', line: 13, column: 18 },
      { rule: 'schema', file: 'test/fixtures/five-mistakes/medborgarlofte.yaml', line: 15, column: 5 },
    ]);
  });
});
