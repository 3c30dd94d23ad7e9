// The pre-commit framework's hook definition runs the real command on changed files.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

describe('.pre-commit-hooks.yaml', () => {
  it('defines lofte-validate with the package’s own bin, for YAML and Markdown files', () => {
    const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    const hook = hooks.find((h) => h.id === 'lofte-validate');
    expect(hook?.language).toBe('node');
    expect(hook?.entry.split(' ')[0]).toBe(Object.keys(pkg.bin)[0]);
    expect(hook?.entry).toBe('lofte validate');
    const files = new RegExp(hook?.files ?? '$^');
    expect(['a.yaml', 'b.yml', 'c.md'].every((f) => files.test(f))).toBe(true);
    expect(files.test('d.json')).toBe(false);
  });
});
