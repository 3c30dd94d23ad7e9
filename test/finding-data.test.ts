// What each output makes of a finding's structured words: JSON carries the arguments and ids,
// SARIF a Markdown message beside the text, the terminal colours code.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const trasig = path.join(ROOT, 'examples', 'trasig');

interface JsonFinding {
  rule: string;
  message: string;
  hint: string | null;
  args: Record<string, unknown>;
  entity: string | null;
  promise: string | null;
}

describe('JSON output', () => {
  it('carries args and the ids of the entity and promise, after the fields it always had', async () => {
    const r = await runCli(['validate', trasig, '--format', 'json', '--as-of', '2026-06-01']);
    const found = (JSON.parse(r.stdout) as { diagnostics: JsonFinding[] }).diagnostics;
    const deviation = found.find((d) => d.rule === 'deviation-reason');
    expect(deviation).toMatchObject({ args: { status: 'delvis_genomfort', lofte: 'belysning' }, entity: 'laxa-uppfoljning-2026', promise: 'belysning' });
    expect(Object.keys(deviation ?? {})).toEqual(['rule', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'path', 'message', 'hint', 'docs', 'related', 'args', 'entity', 'promise']);
    // A finding about a whole document names it and no promise; one found before the schema, neither.
    const duplicate = found.find((d) => d.rule === 'duplicate-id');
    expect(duplicate).toMatchObject({ args: { id: 'laxa-kommun', scope: 'repository' }, promise: null });
    for (const d of found) expect(d.args).toBeTypeOf('object');
  });
});

describe('SARIF output', () => {
  it('gives each result a Markdown message beside the plain text', async () => {
    const r = await runCli(['validate', trasig, '--format', 'sarif', '--as-of', '2026-06-01']);
    const results = (JSON.parse(r.stdout) as { runs: { results: { ruleId: string; message: { text: string; markdown: string } }[] }[] }).runs[0]!.results;
    const deviation = results.find((x) => x.ruleId === 'deviation-reason');
    expect(deviation?.message.text).toBe(
      'Löftet `belysning` har status `delvis_genomfort` men ingen `orsak`.\nFörklara för medborgarna varför löftet inte hölls fullt ut: lägg till `orsak:` i resultatet.',
    );
    // The status's underscore is code, so it stays as written; it is not emphasis.
    expect(deviation?.message.markdown).toBe(
      'Löftet `belysning` har status `delvis_genomfort` men ingen `orsak`.\n\nFörklara för medborgarna varför löftet inte hölls fullt ut: lägg till `orsak:` i resultatet.',
    );
    for (const x of results) expect(x.message.markdown).not.toMatch(/(^|[^\\`])_[^`]*_(?![^`]*`)/);
  });
});

describe('stylish output', () => {
  it('colours code on a terminal and keeps its backticks', async () => {
    const r = await runCli(['validate', trasig, '--color', '--as-of', '2026-06-01']);
    expect(r.stdout).toContain('har status \u001b[36m`delvis_genomfort`\u001b[39m men ingen \u001b[36m`orsak`\u001b[39m.');
    const plain = await runCli(['validate', trasig, '--no-color', '--as-of', '2026-06-01']);
    expect(plain.stdout).toContain('har status `delvis_genomfort` men ingen `orsak`.');
  });
});
