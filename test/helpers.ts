// Runs lofte's CLI in-process (through run(argv, io)) or as a real process, and captures the result.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/run.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixture = (...p: string[]): string => path.join(ROOT, 'test', 'fixtures', ...p);
export const example = (...p: string[]): string => path.join(ROOT, 'examples', ...p);

/**
 * A maker of temporary folders for a test file (named `prefix…`, in `base` or the system's), each
 * removed after the test that made it: `const tempDir = tempDirs('lofte-cache-')`.
 */
export function tempDirs(prefix: string): (base?: string) => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (base = os.tmpdir()) => {
    const dir = mkdtempSync(path.join(base, prefix));
    made.push(dir);
    return dir;
  };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
  today?: string;
}

export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    now: () => new Date(`${options.today ?? '2026-11-24'}T12:00:00`),
  });
  return { code, stdout, stderr };
}

/** The real thing: node bin/lofte.js, as a user or CI runs it (needs `npm run build`). */
export function spawnCli(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'lofte.js'), ...argv], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface Found {
  rule: string;
  severity?: string;
  file: string;
  line: number;
  column: number;
}

/** Validates through the CLI's JSON output and returns the findings as compact rows. */
export async function findings(paths: string[], extra: string[] = []): Promise<{ code: number; found: Found[]; errors: Found[] }> {
  const r = await runCli(['validate', ...paths, '--format', 'json', '--as-of', '2026-11-24', ...extra]);
  const parsed = JSON.parse(r.stdout) as { diagnostics: (Found & { severity: string })[] };
  return { code: r.code, found: parsed.diagnostics.map(({ rule, file, line, column }) => ({ rule, file, line, column })), errors: parsed.diagnostics.filter((d) => d.severity === 'error').map(({ rule, file, line, column }) => ({ rule, file, line, column })) };
}

/** One finding as `lofte validate --format json` prints it (the fields the tests read). */
export interface JsonFinding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  hint: string | null;
}
