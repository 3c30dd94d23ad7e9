// One table of command lines: argv → exit code and the lines a user sees, run in-process through
// run(argv, io); a few of them again through the real bin/lofte.js.

import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, fixture, runCli, spawnCli, type CliResult } from './helpers.js';

const AS_OF = ['--as-of', '2026-11-24'];
const temp = (name: string): string => mkdtempSync(path.join(os.tmpdir(), `lofte-case-${name}-`));
function copyOf(name: string): string {
  const dir = temp(name);
  cpSync(example(name), dir, { recursive: true });
  return dir;
}

interface Case {
  name: string;
  argv: string[];
  /** The folder lofte runs in (made fresh for each run); the package root if not given. */
  cwd?: () => string;
  env?: Record<string, string>;
  code: number;
  /** Lines (whole, without the line break; runs of spaces count as one) that stdout / stderr must hold. */
  stdout?: string[];
  stderr?: string[];
  /** When set, the stream must be exactly this. */
  stdoutIs?: string;
  stderrIs?: string;
}

const CASES: Case[] = [
  { name: 'validate, clean', argv: ['validate', 'examples/parken', ...AS_OF], code: 0, stdoutIs: '✔ Inga fel eller varningar (4 filer kontrollerade).\n', stderrIs: '' },
  { name: 'validate, clean, en', argv: ['validate', 'examples/parken', ...AS_OF, '--lang', 'en'], code: 0, stdoutIs: '✔ No errors or warnings (4 files checked).\n', stderrIs: '' },
  { name: 'validate, errors', argv: ['validate', 'test/fixtures/five-mistakes', ...AS_OF], code: 1, stdout: ['✖ 5 fel och 2 varningar i 2 filer (3 filer kontrollerade).'] },
  { name: 'validate, warnings only', argv: ['validate', 'test/fixtures/warnings', ...AS_OF], code: 0, stdout: ['⚠ 0 fel och 10 varningar i 3 filer (3 filer kontrollerade).'] },
  {
    name: 'validate --strict',
    argv: ['validate', 'test/fixtures/warnings', '--strict', ...AS_OF],
    code: 1,
    stderr: ['lofte: Körningen misslyckades på 10 varningar eftersom --strict är satt.'],
  },
  {
    name: 'validate --max-warnings, en',
    argv: ['validate', 'test/fixtures/warnings', '--max-warnings', '3', ...AS_OF, '--lang', 'en'],
    code: 1,
    stderr: ['lofte: The run failed: 10 warnings are more than --max-warnings 3.'],
  },
  { name: 'validate --quiet', argv: ['validate', 'test/fixtures/warnings', '--quiet', ...AS_OF], code: 0, stderr: ['lofte: 10 varningar visas inte (--quiet).'] },
  { name: 'LOFTE_LANG=en', argv: ['validate', 'examples/parken', ...AS_OF], env: { LOFTE_LANG: 'en' }, code: 0, stdoutIs: '✔ No errors or warnings (4 files checked).\n' },
  { name: 'path not found', argv: ['validate', 'finns-inte'], code: 2, stdoutIs: '', stderrIs: 'lofte: Sökvägen "finns-inte" finns inte.\n' },
  { name: 'path not found, en', argv: ['validate', 'finns-inte', '--lang', 'en'], code: 2, stderrIs: 'lofte: Path "finns-inte" does not exist.\n' },
  { name: 'unknown format', argv: ['validate', '--format', 'xml'], code: 2, stderrIs: 'lofte: okänt format "xml". Tillåtna: stylish, json, github, sarif, junit.\n' },
  { name: 'format without file, en', argv: ['validate', '--format', 'json=', '--lang', 'en'], code: 2, stderrIs: 'lofte: "json=" has no file name after =.\n' },
  {
    name: 'two formats to stdout',
    argv: ['validate', '--format', 'json', '--format', 'sarif'],
    code: 2,
    stderrIs: 'lofte: bara ett format kan skrivas till standard ut; ge de andra ett filnamn, t.ex. --format sarif=lofte.sarif.\n',
  },
  { name: 'bad --as-of', argv: ['validate', '--as-of', '2026-02-30'], code: 2, stderrIs: "lofte: ogiltigt värde '2026-02-30' för '--as-of <datum>': ÅÅÅÅ-MM-DD / YYYY-MM-DD\n" },
  { name: 'bad --as-of, en', argv: ['validate', '--as-of', '2026-02-30', '--lang', 'en'], code: 2, stderrIs: "lofte: option '--as-of <date>' argument '2026-02-30' is invalid. YYYY-MM-DD\n" },
  { name: 'unknown command', argv: ['valdate'], code: 2, stderrIs: "lofte: okänt kommando 'valdate'\n(Menade du validate?)\n" },
  { name: 'unknown command, en', argv: ['valdate', '--lang', 'en'], code: 2, stderrIs: "lofte: unknown command 'valdate'\n(Did you mean validate?)\n" },
  { name: 'links', argv: ['links', 'examples/parken', ...AS_OF], code: 0, stdout: ['Problembilder och löftena som svarar på dem', 'Aktörer och vad de har lovat'] },
  { name: 'links, en', argv: ['links', 'examples/parken', ...AS_OF, '--lang', 'en'], code: 0, stdout: ['Problem descriptions and the promises that answer them', 'Unanswered'] },
  { name: 'links with broken references', argv: ['links', 'test/fixtures/five-mistakes', ...AS_OF], code: 1 },
  {
    name: 'report',
    argv: ['report', '--out', 'site', ...AS_OF],
    cwd: () => copyOf('parken'),
    code: 0,
    stdoutIs: 'Skrev 5 sidor till site (1 medborgarlöfte, läget per 2026-11-24).\n',
  },
  {
    name: 'report, en',
    argv: ['report', '--out', 'site', ...AS_OF, '--lang', 'en'],
    cwd: () => copyOf('parken'),
    code: 0,
    stdoutIs: 'Wrote 5 pages to site (1 citizen promise, as of 2026-11-24).\n',
  },
  { name: 'report with errors', argv: ['report', fixture('five-mistakes'), '--out', path.join(os.tmpdir(), 'lofte-case-never'), ...AS_OF], code: 1, stderr: ['lofte: Rapporten skrevs inte: rätta felen ovan först.'] },
  {
    name: 'report, filter matches nothing',
    argv: ['report', '--out', 'site', '--id', 'finns-inte', ...AS_OF],
    cwd: () => copyOf('parken'),
    code: 2,
    stderrIs: 'lofte: Inget medborgarlöfte matchar --id finns-inte. Kontrollera värdena (lofte validate visar vilka medborgarlöften som finns). Inget ändrades.\n',
  },
  { name: 'report, bad --status', argv: ['report', '--out', 'x', '--status', 'klar'], code: 2, stderrIs: "lofte: ogiltigt värde 'klar' för '--status <status>'. Tillåtna värden: utkast, beslutad, publicerad, avslutad.\n" },
  { name: 'report, --out missing', argv: ['report'], code: 2, stderrIs: "lofte: flaggan '-o, --out <mapp>' måste anges\n" },
  { name: 'report, --out missing, en', argv: ['report', '--lang', 'en'], code: 2, stderrIs: "lofte: required option '-o, --out <folder>' not specified\n" },
  { name: 'export', argv: ['export', '--out', 'data', ...AS_OF], cwd: () => copyOf('parken'), code: 0, stdout: ['Skrev 7 filer med öppna data till data (1 medborgarlöfte, läget per 2026-11-24).'] },
  { name: 'rules', argv: ['rules'], code: 0, stdout: ['yaml-syntax                fel      YAML-syntaxfel'] },
  { name: 'schema, one kind', argv: ['schema', 'aktor'], code: 0 },
  { name: 'schema, unknown kind', argv: ['schema', 'sak'], code: 2, stderrIs: 'lofte: okänd sort "sak". Välj Aktor, Problembild, Medborgarlofte, Uppfoljning, config.\n' },
  { name: 'schema --out', argv: ['schema', '--out', 'scheman'], cwd: () => temp('schema'), code: 0, stdoutIs: 'Skrev 6 scheman till scheman.\n' },
  { name: 'init', argv: ['init', '--kommun', 'Laxå'], cwd: () => temp('init'), code: 0, stdout: ['Lade upp ett lofte-förråd i . för Lokalpolisområde Laxå och Laxå kommun (1860):', 'Nästa steg:'] },
  { name: 'init, en', argv: ['init', '--kommun', 'Laxå', '--lang', 'en'], cwd: () => temp('init'), code: 0, stdout: ['Set up a lofte repository in . for Lokalpolisområde Laxå and Laxå kommun (1860):', 'Next steps:'] },
  { name: 'init, unknown kommun', argv: ['init', '--kommun', 'Ingenstans'], cwd: () => temp('init'), code: 2, stderrIs: 'lofte: "Ingenstans" är varken ett kommunnamn eller en kommunkod bland SCB:s 290 kommuner.\n' },
  { name: 'init, unknown region', argv: ['init', '--polisregion', 'norr'], cwd: () => temp('init'), code: 2, stderrIs: 'lofte: okänd polisregion "norr". Välj nord, mitt, stockholm, ost, vast, syd, bergslagen.\n' },
  { name: 'init, unsafe --lpo', argv: ['init', '--lpo', 'LPO <b>'], cwd: () => temp('init'), code: 2, stderrIs: 'lofte: --lpo "LPO <b>" får bara innehålla bokstäver, siffror, mellanslag, punkt och bindestreck.\n' },
  { name: 'new', argv: ['new', 'aktor', '--titel', 'Nattvandrarna'], cwd: () => copyOf('parken'), code: 0, stdout: ['Skrev aktorer/nattvandrarna.yaml (id nattvandrarna).'] },
  { name: 'new, id taken', argv: ['new', 'aktor', '--id', 'laxa-kommun'], cwd: () => copyOf('parken'), code: 2, stderr: ['lofte: Id "laxa-kommun" används redan i aktorer.yaml:21. Välj ett annat med --id.'] },
  { name: 'new, bad id, en', argv: ['new', 'aktor', '--id', 'Not Kebab', '--lang', 'en'], cwd: () => copyOf('parken'), code: 2, stderrIs: 'lofte: id "Not Kebab" has the wrong form: write kebab-case with a–z, 0–9 and hyphens.\n' },
  { name: 'new, unknown kind', argv: ['new', 'sak'], code: 2, stderrIs: 'lofte: okänd sort "sak". Välj Aktor, Problembild, Medborgarlofte, Uppfoljning.\n' },
  { name: '--help', argv: ['--help'], code: 0, stdout: ['Användning: lofte [flaggor] [kommando]', 'Kommandon:', '  help [kommando]                   visa hjälp för ett kommando'] },
  { name: 'validate --help', argv: ['validate', '--help'], code: 0, stdout: ['Användning: lofte validate [flaggor] [sökvägar...]', 'Argument:', '  sökvägar                filer och mappar att kontrollera (standard: ["."])'] },
  { name: 'validate --help, en', argv: ['validate', '--help', '--lang', 'en'], code: 0, stdout: ['Usage: lofte validate [options] [paths...]', '  paths                   files and folders to check (default: ["."])'] },
  // The folder's default said once, by commander, not also in the argument's own text.
  { name: 'init --help', argv: ['init', '--help'], code: 0, stdout: ['Användning: lofte init [flaggor] [mapp]', '  mapp                mappen att lägga upp (standard: ".")\n'] },
  { name: '--version', argv: ['--version'], code: 0, stdoutIs: '0.1.0\n' },
];

/** Every line of `text`, its runs of spaces made one: columns widen when an option is added. */
const lines = (text: string): string[] => text.split('\n').map(squeeze);
const squeeze = (line: string): string => line.replace(/ +/g, ' ').trimEnd();

function check(r: CliResult, c: Case): void {
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: c.code });
  if (c.stdoutIs !== undefined) expect(r.stdout).toBe(c.stdoutIs);
  if (c.stderrIs !== undefined) expect(r.stderr).toBe(c.stderrIs);
  for (const line of c.stdout ?? []) expect(lines(r.stdout)).toContain(squeeze(line));
  for (const line of c.stderr ?? []) expect(lines(r.stderr)).toContain(squeeze(line));
}

describe('the command line, in-process', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    check(await runCli(c.argv, { cwd: c.cwd?.(), env: c.env, today: '2026-11-24' }), c);
  }, 30_000);
});

describe('the command line, through bin/lofte.js', () => {
  const through = ['validate, errors', 'path not found, en', 'unknown command', 'report', 'new, id taken', 'validate --help'];
  it.each(CASES.filter((c) => through.includes(c.name)).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    check(spawnCli(c.argv, { cwd: c.cwd?.(), env: c.env }), c);
  }, 60_000);

  it('takes the language from the config', async () => {
    const dir = copyOf('parken');
    writeFileSync(path.join(dir, 'lofte.config.yaml'), 'sprak: en\n');
    check(spawnCli(['new', 'aktor', '--titel', 'Nattvandrarna'], { cwd: dir }), { name: '', argv: [], code: 0, stdout: ['Wrote aktorer/nattvandrarna.yaml (id nattvandrarna).'] });
  }, 60_000);
});
