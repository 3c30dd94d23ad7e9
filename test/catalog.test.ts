// The catalog: every code's words render whole in both languages, and every list of rules lofte
// shows (README, docs/rules/, SARIF, `lofte rules`) is the catalog's.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, definitionOf } from '../src/diagnostics/catalog.js';
import { makeDiagnostic, START_OF_FILE } from '../src/diagnostics/make.js';
import { describeParts, type Lang } from '../src/diagnostics/messages/index.js';
import { code, count, markdownText, plainText, t, value, type Message } from '../src/diagnostics/parts.js';
import { rulesTable } from '../src/diagnostics/table.js';
import type { DocPath } from '../src/diagnostics/types.js';
import { DOMAIN_RULES } from '../src/rules/index.js';
import { defineRule } from '../src/rules/define.js';
import { ROOT, runCli } from './helpers.js';

const LANGS: readonly Lang[] = ['sv', 'en'];
/** A path inside a promise and the document root: the schema words name the field from either. */
const PATHS: readonly DocPath[] = [['loften', 0, 'text'], []];

/** Words that show an argument went missing or was the wrong type on its way into the text. */
function brokenIn(text: string): string[] {
  const broken: string[] = [];
  for (const bad of ['undefined', 'NaN', '[object', '``', '""', '()']) if (text.includes(bad)) broken.push(bad);
  if (/\s[.,:;](\s|$)/.test(text)) broken.push('a space before punctuation (an empty value)');
  if (/ {2}/.test(text)) broken.push('two spaces (an empty value)');
  return broken;
}

const cases = CATALOG.flatMap((def) => def.samples.flatMap((args, i) => LANGS.flatMap((lang) => PATHS.map((p) => ({ code: def.code, i, lang, args, path: p })))));

describe('the catalog', () => {
  it('has every rule of the list and each code once', () => {
    const codes = CATALOG.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of DOMAIN_RULES) expect(codes).toContain(rule.code);
  });

  it.each(CATALOG.map((d) => [d.code, d] as const))('%s has a title, a summary and samples in both languages', (_code, def) => {
    expect(def.summary.trim()).not.toBe('');
    expect(def.samples.length).toBeGreaterThan(0);
    for (const lang of LANGS) expect(def.words[lang].title.trim()).not.toBe('');
    expect(def.words.sv.title).not.toBe(def.words.en.title);
  });

  it.each(cases.map((c) => [`${c.code} #${c.i} ${c.lang} at ${JSON.stringify(c.path)}`, c] as const))('%s renders whole', (_name, c) => {
    const d = { ...makeDiagnostic('yaml-syntax', 'x.yaml', START_OF_FILE, c.path, { code: 'X', detail: '' }), rule: c.code, args: c.args };
    const words = describeParts(d, c.lang);
    for (const message of [words.message, words.hint].filter((m): m is Message => m !== undefined)) {
      const text = plainText(message);
      expect(text.trim(), JSON.stringify(message)).not.toBe('');
      expect(brokenIn(text), text).toEqual([]);
      expect(text).toMatch(/[.?!]$|[.?!]\)$/);
      for (const part of message) if (typeof part === 'object' && 'code' in part) expect(part.code.trim(), text).not.toBe('');
      expect(markdownText(message)).not.toContain('undefined');
    }
  });
});

describe('structured parts', () => {
  it('render code as backticks in plain text and as a code span in Markdown', () => {
    const m = t`Löftet ${code('a_b')} har ${count(3, 'fel', 'fel')} och ${value('*x*')}; ${code('x`y')}.`;
    expect(plainText(m)).toBe('Löftet `a_b` har 3 fel och *x*; `x`y`.');
    expect(markdownText(m)).toBe('Löftet `a_b` har 3 fel och \\*x\\*; ``x`y``.');
    expect(plainText(t`${count(1, 'fil', 'filer')}, ${count(2, 'fil', 'filer')}`)).toBe('1 fil, 2 filer');
  });
});

describe('types', () => {
  it('turn a renamed or missing argument into a compile error (checked by tsc over test/)', () => {
    // Each line below fails to compile without its @ts-expect-error; tsc fails if one compiles.
    // Never called: what is checked here is the compiler's verdict, not what the lines would do.
    const compileOnly = (): void => {
    // @ts-expect-error deviation-reason's argument is `lofte`, not `promise`
    makeDiagnostic('deviation-reason', 'x.yaml', START_OF_FILE, [], { status: 'ej_genomfort', promise: 'a' });
    // @ts-expect-error `status` is required
    makeDiagnostic('deviation-reason', 'x.yaml', START_OF_FILE, [], { lofte: 'a' });
    // @ts-expect-error no such code
    makeDiagnostic('no-such-rule', 'x.yaml', START_OF_FILE, [], {});
    const maybe: string | undefined = undefined as string | undefined;
    // @ts-expect-error a value that may be missing cannot go into a message
    t`Löftet ${maybe}`;
    // @ts-expect-error nor into a code part
    code(maybe);
    defineRule<{ lofte: string }>()({
      code: 'example',
      severity: 'warning',
      scope: 'document',
      summary: 'ett exempel',
      words: {
        // @ts-expect-error the words read an argument the rule does not have
        sv: { title: 'Exempel', message: (a) => t`Löftet ${code(a.promise)}.` },
        en: { title: 'Example', message: (a) => t`Promise ${code(a.lofte)}.` },
      },
      samples: [{ lofte: 'a' }],
      check(ctx) {
        // @ts-expect-error the rule reports an argument its words do not know
        ctx.report(ctx.entities[0]!, [], { promise: 'a' });
      },
    });
    // @ts-expect-error a rule without its English words does not build
    defineRule<{ lofte: string }>()({ code: 'example', severity: 'warning', scope: 'document', summary: 'x', words: { sv: { title: 'x', message: () => t`x` } }, samples: [], check() {} });
    };
    expect(compileOnly).toBeTypeOf('function');
    expect(definitionOf('deviation-reason').code).toBe('deviation-reason');
  });
});

/** Writes the derived text when LOFTE_UPDATE_DOCS=1, else compares with it. */
function inStep(file: string, actual: string, expected: string, write: (text: string) => string): void {
  if (process.env['LOFTE_UPDATE_DOCS'] === '1' && actual !== expected) writeFileSync(file, write(expected));
  else expect(actual, `${file} is not the catalog's table: run LOFTE_UPDATE_DOCS=1 npx vitest run test/catalog.test.ts`).toBe(expected);
}

describe('lists derived from the catalog', () => {
  it("README's rule table is the catalog's, in its order", () => {
    const file = path.join(ROOT, 'README.md');
    const readme = readFileSync(file, 'utf8');
    const table = readme.match(/^\| Regel \| Allvar \| Vad den hittar \|\n(?:\|.*\|\n)+/m)?.[0]?.trimEnd() ?? '';
    inStep(file, table, rulesTable('docs/rules/'), (text) => readme.replace(table, text));
  });

  it('docs/rules/ has a page per code and an index that is the catalog’s table', () => {
    const dir = path.join(ROOT, 'docs', 'rules');
    const pages = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3));
    expect(pages.sort()).toEqual(CATALOG.map((d) => d.code).sort());
    const file = path.join(dir, 'README.md');
    const index = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const table = index.match(/^\| Regel \| Allvar \| Vad den hittar \|\n(?:\|.*\|\n)+/m)?.[0]?.trimEnd() ?? '';
    inStep(file, table, rulesTable(''), (text) => (index === '' ? `# Regler\n\nEn sida per kod som lofte rapporterar. Tabellen görs av katalogen (\`src/diagnostics/catalog.ts\`); testet \`test/catalog.test.ts\` håller den i takt.\n\n${text}\n` : index.replace(table, text)));
  });

  it('`lofte rules` lists the catalog: code, default severity and title, in both languages', async () => {
    for (const lang of LANGS) {
      const r = await runCli(['rules', '--format', 'json', '--lang', lang], { cwd: path.join(ROOT, 'examples', 'parken') });
      const rules = (JSON.parse(r.stdout) as { rules: { code: string; defaultSeverity: string; title: string }[] }).rules;
      expect(rules.map((x) => [x.code, x.defaultSeverity, x.title])).toEqual(CATALOG.map((d) => [d.code, d.severity, d.words[lang].title]));
    }
  });

  it("SARIF's rules[] is the catalog, with each code's title in the run's language", async () => {
    for (const lang of LANGS) {
      const r = await runCli(['validate', path.join(ROOT, 'examples', 'trasig'), '--format', 'sarif', '--lang', lang, '--as-of', '2026-06-01']);
      const rules = (JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } } }[] }).runs[0]!.tool.driver.rules;
      expect(rules.map((x) => [x.id, x.defaultConfiguration.level, x.shortDescription.text])).toEqual(CATALOG.map((d) => [d.code, d.severity, d.words[lang].title]));
    }
  });
});
