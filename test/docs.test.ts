// The rule catalog, the rule pages and the README's rule table stay in step.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionOf, RULES, ruleDocsPath } from '../src/diagnostics/catalog.js';
import { ROOT } from './helpers.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('rule documentation', () => {
  it.each(RULES.map((r) => [r.code, r.defaultSeverity] as const))('%s has a page, a README row and wording in both languages', (code, severity) => {
    const page = path.join(ROOT, ruleDocsPath(code));
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith(`# \`${code}\``)).toBe(true);
    expect(text).toContain('## Vad regeln kontrollerar');
    expect(README).toContain(`| [\`${code}\`](docs/rules/${code}.md) | ${severity === 'error' ? 'fel' : 'varning'} |`);
    expect(definitionOf(code).words.sv.title).not.toBe('');
    expect(definitionOf(code).words.en.title).not.toBe('');
  });

  it('the README table lists no rule lofte does not have', () => {
    const listed = [...README.matchAll(/^\| \[`([a-z-]+)`\]\(docs\/rules\//gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(RULES.map((r) => r.code).sort());
  });
});

describe('README', () => {
  it("the file format's complete example validates against the park example's actors and problembild", async () => {
    const { mkdtempSync, copyFileSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const { runCli } = await import('./helpers.js');
    const block = README.match(/```yaml\n(apiVersion: lofte\/v1\nkind: Medborgarlofte[\s\S]*?)```/)?.[1];
    expect(block).toBeDefined();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-readme-'));
    for (const f of ['aktorer.yaml', 'problembild-narkotika-stadsparken.yaml']) copyFileSync(path.join(ROOT, 'examples', 'parken', f), path.join(dir, f));
    writeFileSync(path.join(dir, 'medborgarlofte.yaml'), block ?? '');
    const r = await runCli(['validate', dir, '--format', 'json', '--as-of', '2026-11-24']);
    const found = (JSON.parse(r.stdout) as { diagnostics: { rule: string; severity: string }[] }).diagnostics;
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });
});
