// RuleTester-style tables: a rule's valid and invalid cases as small YAML files, each invalid one
// with the findings it must give (code, line:column, args). Every case runs the real pipeline in
// this process (config, read, parse, schema, document rules, links, repository rules, disable
// comments, severities) on files written to a temporary folder, beside a small repository that is
// valid on its own (BASE), so a case only writes what it is about. The message a user sees is
// checked too, in Swedish and English, through the CLI's JSON output: never empty, no argument
// missing from it.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ignorePredicate, loadConfig } from '../src/config/index.js';
import type { ArgValue, Diagnostic } from '../src/diagnostics/types.js';
import { validateRepository } from '../src/validate.js';
import { runCli } from './helpers.js';

/** A small repository in Mora that gives no finding at all on AS_OF: the context of every case. */
export const BASE: Readonly<Record<string, string>> = {
  'lofte.config.yaml': '# Ett litet förråd för regeltabellerna.\n',
  'aktorer.yaml': `apiVersion: lofte/v1
kind: Aktor
id: lpo-mora
namn: Lokalpolisområde Mora
typ: lokalpolisomrade
polisregion: bergslagen
kommuner:
  - mora-kommun
---
apiVersion: lofte/v1
kind: Aktor
id: mora-kommun
namn: Mora kommun
typ: kommun
kommunkod: "2062"
`,
  'problembild.yaml': `apiVersion: lofte/v1
kind: Problembild
id: mora-stationen
titel: Otrygghet vid resecentrum på kvällarna
lokalpolisomrade: lpo-mora
kommuner:
  - mora-kommun
faststalld: 2025-10-01
sekretess: offentlig
sammanfattning: Många känner sig otrygga vid resecentrum efter mörkrets inbrott.
kallor:
  - typ: medborgardialog
    beskrivning: Medborgarmöte i stadshuset om tryggheten i centrum.
    datum: 2025-09-10
    antal_svarande: 35
  - typ: medarbetardialog
    beskrivning: Samtal med poliser i yttre tjänst och kommunens trygghetsvärdar.
    datum: 2025-09-17
    antal_svarande: 12
`,
  'medborgarlofte.yaml': `apiVersion: lofte/v1
kind: Medborgarlofte
id: mora-2026
titel: Medborgarlöften för Mora 2026
lokalpolisomrade: lpo-mora
kommuner:
  - mora-kommun
giltighet:
  from: 2026-01-01
  tom: 2026-12-31
status: publicerad
loften:
  - id: kvallspatrull
    text: Polisen lovar att patrullera vid resecentrum minst tre kvällar i veckan.
    ansvarig: lpo-mora
    problembild: mora-stationen
    frekvens:
      antal: 3
      per: vecka
    uppfoljning:
      metod: Antal kvällar med patrull enligt polisens rapportering
      kadens: halvar
  - id: belysning
    text: Kommunen lovar att sätta upp 20 nya belysningsstolpar vid gångtunneln.
    ansvarig: mora-kommun
    problembild: mora-stationen
    omfattning:
      antal: 20
      enhet: belysningsstolpar
    uppfoljning:
      metod: Antal uppsatta stolpar enligt kommunens tekniska förvaltning
      kadens: halvar
`,
  'uppfoljning.yaml': `apiVersion: lofte/v1
kind: Uppfoljning
id: mora-2026-h1
medborgarlofte: mora-2026
datum: 2026-06-30
period:
  from: 2026-01-01
  tom: 2026-06-30
rapportor: lpo-mora
resultat:
  - lofte: kvallspatrull
    status: pagaende
    utfall:
      antal: 40
  - lofte: belysning
    status: pagaende
    utfall:
      antal: 8
`,
};

/** The day time-dependent rules judge by, unless a case says otherwise. */
export const AS_OF = '2026-11-24';

export interface RuleCase {
  /** What the case shows; defaults to its first file's name. */
  name?: string;
  /** Files written beside BASE (a name in BASE replaces that file; null removes it). */
  files: Readonly<Record<string, string | Uint8Array | null>>;
  /** Start from an empty folder instead of BASE. */
  alone?: boolean;
  asOf?: string;
}

export interface Expected {
  code: string;
  /** `line:column` where the finding starts. */
  at: string;
  /** Defaults to the case's first file. */
  file?: string;
  /** The finding's arguments, exactly (`undefined` ones left out). */
  args: Readonly<Record<string, ArgValue>>;
  /** The Swedish message a user sees, when the case pins it. */
  message?: string;
}

export interface InvalidCase extends RuleCase {
  errors: readonly Expected[];
}

export interface RuleTable {
  valid: readonly RuleCase[];
  invalid: readonly InvalidCase[];
}

interface Run {
  dir: string;
  diagnostics: Diagnostic[];
}

const folders: string[] = [];

/** Writes the case's files and checks them as `lofte validate` does, in this process. */
async function runCase(c: RuleCase): Promise<Run> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-rule-'));
  folders.push(dir);
  const files: Record<string, string | Uint8Array | null> = { ...(c.alone ? {} : BASE), ...c.files };
  for (const [name, content] of Object.entries(files)) {
    if (content === null) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const { config, diagnostics: configDiagnostics } = await loadConfig(dir);
  // A config with findings stops the command before any file is read.
  if (configDiagnostics.length > 0) return { dir, diagnostics: configDiagnostics };
  const result = await validateRepository({
    cwd: dir,
    paths: ['.'],
    asOf: c.asOf ?? AS_OF,
    limits: config.limits,
    ignored: ignorePredicate(config, dir),
    severityOf: (rule) => config.severities.get(rule),
  });
  return { dir, diagnostics: result.diagnostics };
}

const firstFile = (c: RuleCase): string => Object.keys(c.files)[0] ?? '';
const nameOf = (c: RuleCase): string => c.name ?? firstFile(c);
const defined = (args: Readonly<Record<string, ArgValue>>): Record<string, ArgValue> => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));

interface JsonFinding {
  rule: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

/** The findings as the CLI prints them in JSON, in `lang`. */
async function cliFindings(c: RuleCase, dir: string, lang: 'sv' | 'en'): Promise<JsonFinding[]> {
  const r = await runCli(['validate', '.', '--format', 'json', '--as-of', c.asOf ?? AS_OF, '--lang', lang], { cwd: dir });
  return (JSON.parse(r.stdout) as { diagnostics: JsonFinding[] }).diagnostics;
}

/**
 * The table of rule `code`: every valid case gives no finding of it; every invalid case gives
 * exactly its expected findings of the codes it names (other rules' findings are not its business).
 */
export function ruleTester(code: string, table: RuleTable): void {
  describe(`rule ${code}`, () => {
    afterAll(() => {
      for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
    });

    it.each(table.valid.map((c) => [nameOf(c), c] as const))('valid: %s', async (_name, c) => {
      const { diagnostics } = await runCase(c);
      expect(diagnostics.filter((d) => d.rule === code).map((d) => `${d.file} ${d.range.start.line}:${d.range.start.column} ${JSON.stringify(d.args)}`)).toEqual([]);
    });

    it.each(table.invalid.map((c) => [nameOf(c), c] as const))('invalid: %s', async (_name, c) => {
      expect(c.errors.some((e) => e.code === code), 'an invalid case expects a finding of its table’s rule').toBe(true);
      const { dir, diagnostics } = await runCase(c);
      const codes = new Set(c.errors.map((e) => e.code));
      const got = diagnostics.filter((d) => codes.has(d.rule));
      const actual = got.map((d) => ({ code: d.rule, file: d.file, at: `${d.range.start.line}:${d.range.start.column}`, args: defined(d.args) }));
      const expected = c.errors.map((e) => ({ code: e.code, file: e.file ?? firstFile(c), at: e.at, args: defined(e.args) }));
      expect(actual).toEqual(expected);
      // What the user reads: a message in each language, with every argument in it.
      for (const lang of ['sv', 'en'] as const) {
        const shown = (await cliFindings(c, dir, lang)).filter((d) => codes.has(d.rule));
        expect(shown.map((d) => `${d.file} ${d.line}:${d.column}`)).toEqual(actual.map((a) => `${a.file} ${a.at}`));
        for (const d of shown) {
          expect(d.message, `${lang}: ${d.message}`).not.toMatch(/``|\bundefined\b|\bNaN\b|^\s*$/);
          expect(d.hint ?? '', `${lang}: ${d.hint ?? ''}`).not.toMatch(/``|\bundefined\b|\bNaN\b/);
        }
        if (lang === 'sv') c.errors.forEach((e, i) => e.message !== undefined && expect(shown[i]?.message).toBe(e.message));
      }
    });
  });
}
