// `--lang en` output of every command holds no Swedish UI text, and Swedish `--help` of every
// command holds no English UI text. "UI text" is measured against the catalogs themselves: every
// fixed piece of every ui and cli entry, with its arguments left out, so the user's own (Swedish)
// data in the output does not count.

import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { language, type Lang } from '../src/diagnostics/messages/index.js';
import { example, fixture, ROOT, runCli, type CliResult } from './helpers.js';

/** Stands for any argument: text, a number, a list or an object, all printing as the marker. */
const MARK = '\u0000';
const probe: unknown = new Proxy(function probeFn() {}, {
  get: (_t, key) => {
    if (key === Symbol.toPrimitive) return () => MARK;
    if (key === 'length') return 2;
    if (key === 'map') return (f: (v: unknown) => unknown) => [f(probe), f(probe)];
    if (key === 'join' || key === 'toString' || key === 'padStart') return () => MARK;
    return probe;
  },
  apply: () => probe,
});

/** The fixed pieces of a catalog part: strings as they are, functions with the marker for their arguments. */
function pieces(value: unknown, out: Set<string> = new Set()): Set<string> {
  const add = (text: string): void => {
    for (const piece of text.split(/\u0000|\n/)) {
      const trimmed = piece.trim();
      // A single word ("kommun", "standard") may well be the user's own data; a phrase or a title is ours.
      if (/\p{L}{2,}[\s:]/u.test(trimmed) && trimmed.length >= 6) out.add(trimmed);
      else if (/^\p{L}+:$/u.test(trimmed)) out.add(trimmed);
    }
  };
  if (value === probe) return out;
  if (typeof value === 'string') add(value);
  else if (typeof value === 'function') {
    const result: unknown = (value as (a: unknown, b: unknown) => unknown)(probe, probe);
    if (typeof result === 'string') add(result);
    else pieces(result, out);
  } else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) pieces(v, out);
  return out;
}

/** The UI words of one language that the other language never uses. */
function ownWords(lang: Lang): string[] {
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  const theirs = pieces([language(other).ui, language(other).cli]);
  return [...pieces([language(lang).ui, language(lang).cli])].filter((p) => !theirs.has(p));
}

/** The severity and hint words, as stylish output sets them apart. */
const SWEDISH = [...ownWords('sv'), '  fel  ', '  varning  ', 'Tips:'];
const ENGLISH = ownWords('en');
/** Commander's own English, which Swedish help must not show. */
const COMMANDER_ENGLISH = ['Usage:', 'Options:', 'Commands:', 'Arguments:', 'default:', 'choices:', 'display help', '[options]', '[command]'];

function found(text: string, words: readonly string[]): string[] {
  return words.filter((w) => text.includes(w));
}

const temp = (name: string): string => mkdtempSync(path.join(os.tmpdir(), `lofte-lang-${name}-`));
const AS_OF = ['--as-of', '2026-11-24'];
const COMMANDS = ['validate', 'links', 'report', 'export', 'schema', 'init', 'new', 'rules', 'lsp'];

describe('the words checked against', () => {
  it('are many, and the probe finds known ones', () => {
    expect(SWEDISH.length).toBeGreaterThan(150);
    expect(SWEDISH).toContain('Rapporten skrevs inte: rätta felen ovan först.');
    expect(SWEDISH).toContain('Lade upp ett lofte-förråd i');
    expect(SWEDISH).toContain('Flaggor:');
    expect(ENGLISH).toContain('The report was not written: fix the errors above first.');
  });
});

describe('--lang en', () => {
  const cases: [string, () => Promise<CliResult>][] = [
    ...['stylish', 'json', 'github', 'sarif', 'junit'].map((format): [string, () => Promise<CliResult>] => [
      `validate --format ${format}`,
      () => runCli(['validate', example('trasig'), '--format', format, '--verbose', ...AS_OF, '--lang', 'en']),
    ]),
    ['validate --quiet --strict', () => runCli(['validate', fixture('warnings'), '--quiet', '--strict', ...AS_OF, '--lang', 'en'])],
    ['validate --max-warnings', () => runCli(['validate', fixture('warnings'), '--max-warnings', '1', ...AS_OF, '--lang', 'en'])],
    ['validate, nothing to check', () => runCli(['validate', fixture('not-lofte'), '--verbose', '--lang', 'en'])],
    ['validate, no such path', () => runCli(['validate', 'no-such-path', '--lang', 'en'])],
    ['validate, bad date', () => runCli(['validate', '--as-of', '2026-02-30', '--lang', 'en'])],
    ['validate, bad count', () => runCli(['validate', '--max-warnings', 'x', '--lang', 'en'])],
    ['validate, bad format', () => runCli(['validate', '--format', 'pdf', '--lang', 'en'])],
    ['validate, format without file', () => runCli(['validate', '--format', 'json=', '--lang', 'en'])],
    ['validate, two to stdout', () => runCli(['validate', '--format', 'json', '--format', 'sarif', '--lang', 'en'])],
    ['validate, output is a folder', () => runCli(['validate', example('parken'), '--format', `json=${temp('dir')}`, ...AS_OF, '--lang', 'en'])],
    ['unknown option', () => runCli(['validate', '--nope', '--lang', 'en'])],
    ['unknown command', () => runCli(['valdate', '--lang', 'en'])],
    ['links', () => runCli(['links', example('parken'), ...AS_OF, '--lang', 'en'])],
    ['links --format mermaid', () => runCli(['links', example('parken'), '--format', 'mermaid', ...AS_OF, '--lang', 'en'])],
    ['links with errors', () => runCli(['links', fixture('five-mistakes'), ...AS_OF, '--lang', 'en'])],
    ['report', () => runCli(['report', example('parken'), '--out', path.join(temp('site'), 'site'), ...AS_OF, '--lang', 'en'])],
    ['report with errors', () => runCli(['report', fixture('five-mistakes'), '--out', path.join(temp('site'), 'site'), ...AS_OF, '--lang', 'en'])],
    ['report, no match', () => runCli(['report', example('parken'), '--out', path.join(temp('site'), 'site'), '--id', 'nope', ...AS_OF, '--lang', 'en'])],
    ['report, bad status', () => runCli(['report', '--out', 'x', '--status', 'x', '--lang', 'en'])],
    ['report, out is the root', () => runCli(['report', example('parken'), '--out', '/', ...AS_OF, '--lang', 'en'])],
    ['export', () => runCli(['export', example('parken'), '--out', path.join(temp('data'), 'data'), ...AS_OF, '--lang', 'en'])],
    ['rules', () => runCli(['rules', '--lang', 'en'])],
    ['schema Aktor', () => runCli(['schema', 'Aktor', '--lang', 'en'])],
    ['schema --out', () => runCli(['schema', '--out', temp('schemas'), '--lang', 'en'])],
    ['schema, unknown kind', () => runCli(['schema', 'nope', '--lang', 'en'])],
    ['init', () => runCli(['init', temp('init'), '--lang', 'en'], { today: '2026-11-24' })],
    ['init, unknown kommun', () => runCli(['init', temp('init'), '--kommun', 'Ingenstans', '--lang', 'en'])],
    ['init, unknown region', () => runCli(['init', temp('init'), '--polisregion', 'nope', '--lang', 'en'])],
    ['init, unsafe lpo', () => runCli(['init', temp('init'), '--lpo', 'a/b', '--lang', 'en'])],
    ['new', () => runCli(['new', 'aktor', '--titel', 'Nattvandrarna', '--lang', 'en'], { cwd: copyOf('parken') })],
    ['new, id taken', () => runCli(['new', 'aktor', '--id', 'laxa-kommun', '--lang', 'en'], { cwd: copyOf('parken') })],
    ['new, bad id', () => runCli(['new', 'aktor', '--id', 'Not Kebab', '--lang', 'en'], { cwd: copyOf('parken') })],
    ['new, unknown kind', () => runCli(['new', 'nope', '--lang', 'en'])],
    ['help', () => runCli(['--help', '--lang', 'en'])],
    ...COMMANDS.map((c): [string, () => Promise<CliResult>] => [`${c} --help`, () => runCli([c, '--help', '--lang', 'en'])]),
  ];

  it.each(cases)('%s prints no Swedish UI text', async (_name, go) => {
    const r = await go();
    expect(r.stdout + r.stderr).not.toBe('');
    expect(found(r.stdout + r.stderr, SWEDISH)).toEqual([]);
  }, 30_000);

  it("watch's first screen prints no Swedish UI text", async () => {
    const r = await watchFirstScreen(['validate', example('parken'), '--watch', ...AS_OF, '--lang', 'en']);
    expect(r.stderr).toContain('Watching the files. Ctrl-C stops.');
    expect(found(r.stdout + r.stderr, SWEDISH)).toEqual([]);
  });

  it('comes from $LOFTE_LANG and from the config too', async () => {
    const env = await runCli(['validate', fixture('warnings'), ...AS_OF], { env: { LOFTE_LANG: 'en' } });
    expect(env.stdout).toContain('0 errors and 10 warnings');
    expect(found(env.stdout + env.stderr, SWEDISH)).toEqual([]);
    const dir = copyOf('parken');
    writeFileSync(path.join(dir, 'lofte.config.yaml'), 'sprak: en\n');
    const fromConfig = await runCli(['new', 'aktor', '--titel', 'Nattvandrarna'], { cwd: dir });
    expect(fromConfig.stdout).toContain('Wrote aktorer/nattvandrarna.yaml (id nattvandrarna).');
    expect(found(fromConfig.stdout + fromConfig.stderr, SWEDISH)).toEqual([]);
  });
});

describe('Swedish --help', () => {
  it.each([[], ...COMMANDS.map((c) => [c])])('lofte %s --help holds no English UI text', async (...command: string[]) => {
    const r = await runCli([...command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Användning: lofte');
    expect(found(r.stdout, [...ENGLISH, ...COMMANDER_ENGLISH])).toEqual([]);
  });
});

function copyOf(name: string): string {
  const dir = temp(name);
  cpSync(example(name), dir, { recursive: true });
  return dir;
}

/** Runs a watching command in-process until its first screen is out, then presses Ctrl-C. */
async function watchFirstScreen(argv: string[]): Promise<CliResult> {
  const { run } = await import('../src/cli/run.js');
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd: ROOT,
    env: {},
    stdoutIsTTY: false,
    now: () => new Date('2026-11-24T12:00:00'),
    // The watch listens for Ctrl-C once its first screen is out: press it then.
    onInterrupt: (handler) => {
      setTimeout(handler, 0);
      return () => undefined;
    },
  });
  return { code, stdout, stderr };
}
