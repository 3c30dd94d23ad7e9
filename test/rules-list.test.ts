// `lofte rules`: every rule with its severity (as the repository's config sets it), title and page.

import { describe, expect, it, vi } from 'vitest';
import { RULES } from '../src/diagnostics/catalog.js';
import { fixture, spawnCli } from './helpers.js';

// Each test spawns the built CLI a few times: on a shared, busy machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

describe('lofte rules', () => {
  it('lists every rule with severity, one line and a docs link', () => {
    const r = spawnCli(['rules']);
    expect(r.code).toBe(0);
    for (const rule of RULES) expect(r.stdout).toMatch(new RegExp(`^${rule.code} +${rule.defaultSeverity === 'error' ? 'fel' : 'varning'} +\\S`, 'm'));
    expect(r.stdout).toMatch(/^ +https:\/\/\S+\/docs\/rules\/placeholder\.md$/m);
  });

  it('as JSON, with the severities the repository’s config sets', () => {
    const r = spawnCli(['rules', '--format', 'json', '--lang', 'en'], { cwd: fixture('config', 'repo') });
    const { rules } = JSON.parse(r.stdout) as { rules: { code: string; severity: string; defaultSeverity: string; title: string; docs: string }[] };
    expect(rules.map((x) => x.code)).toEqual(RULES.map((x) => x.code));
    expect(rules.find((x) => x.code === 'one-party')).toMatchObject({ severity: 'off', defaultSeverity: 'warning' });
    expect(rules.find((x) => x.code === 'not-measurable')).toMatchObject({ severity: 'error', defaultSeverity: 'warning' });
    expect(rules.find((x) => x.code === 'yaml-syntax')?.title).toBe('YAML syntax error');
  });

  it('links below $LOFTE_DOCS_URL when it is set', () => {
    const r = spawnCli(['rules', '--format', 'json'], { env: { LOFTE_DOCS_URL: 'https://lofte.example.se' } });
    expect((JSON.parse(r.stdout) as { rules: { docs: string }[] }).rules[0]?.docs).toBe('https://lofte.example.se/docs/rules/yaml-syntax.md');
  });
});
