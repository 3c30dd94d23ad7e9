// The GitHub Action in the repository root: valid YAML, a composite action, and its validate step's
// script run here as the runner would run it (bash, with the step's env), against the built CLI.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { example, ROOT } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
}
const docs = parseAllDocuments(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
const action = docs[0]?.toJS() as { runs: { using: string; steps: Step[] }; inputs: Record<string, { default: string }> };

/** The validate step's script, with the inputs as the runner would pass them. */
function runValidate(inputs: Record<string, string>, cwd: string): { code: number; stdout: string; outputs: string } {
  const step = action.runs.steps.find((s) => s.id === 'validate') as Step;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lofte-action-'));
  const outputs = path.join(tmp, 'outputs');
  const env = {
    PATH: process.env['PATH'] ?? '',
    GITHUB_OUTPUT: outputs,
    LOFTE: path.join(ROOT, 'bin', 'lofte.js'),
    LOFTE_PATHS: inputs['paths'] ?? action.inputs['paths']!.default,
    LOFTE_ARGS: inputs['args'] ?? '',
    LOFTE_AS_OF: inputs['as-of'] ?? '',
    LOFTE_SARIF: inputs['sarif'] ?? 'false',
    LOFTE_SARIF_FILE: inputs['sarif-file'] ?? action.inputs['sarif-file']!.default,
  };
  // As GitHub runs a composite step with shell: bash (bash --noprofile --norc -eo pipefail).
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run as string], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, outputs: spawnSync('cat', [outputs], { encoding: 'utf8' }).stdout };
}

describe('action.yml', () => {
  it('is valid YAML: a composite action that installs lofte, validates with --format github and can upload SARIF', () => {
    expect(docs.flatMap((d) => [...d.errors, ...d.warnings])).toEqual([]);
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3']);
    for (const s of action.runs.steps.filter((x) => x.run)) expect(s.shell).toBe('bash');
  });

  it('its validate step annotates with --format github, records the exit code and does not fail before the upload', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-action-repo-'));
    spawnSync('cp', ['-r', example('trasig'), dir]);
    const r = runValidate({ 'as-of': '2026-11-24', sarif: 'true' }, path.join(dir, 'trasig'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::error file=.*schema\.yaml,line=10,/m);
    expect(r.outputs).toBe('exit-code=1\n');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'trasig', 'lofte.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
  });

  it('passes a clean repository with exit code 0', () => {
    const r = runValidate({ 'as-of': '2026-09-01' }, example('parken'));
    expect(r.outputs).toBe('exit-code=0\n');
  });
});
