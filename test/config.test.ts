// lofte.config.yaml and disable comments, on fixture repositories with their own config.

import { describe, expect, it } from 'vitest';
import { findings, fixture, runCli } from './helpers.js';



describe('lofte.config.yaml', () => {
  it('is found from the working directory and applied: severities, off, ignore globs', async () => {
    const r = await runCli(['validate', '--format', 'json', '--as-of', '2026-11-24'], { cwd: fixture('config', 'repo') });
    const found = (JSON.parse(r.stdout) as { diagnostics: { rule: string; severity: string; file: string }[] }).diagnostics;
    expect(found.map((d) => [d.rule, d.severity, d.file])).toEqual([
      ['not-measurable', 'error', 'loften.yaml'],
      ['missing-dialogue', 'error', 'problembild.yaml'],
    ]);
    expect(r.code).toBe(1);
  });

  it('takes its language from sprak:', async () => {
    const r = await runCli(['validate', '--as-of', '2026-11-24'], { cwd: fixture('config', 'repo-en') });
    expect(r.stdout).toContain('Promise `omatbart` has neither `omfattning`, `frekvens` nor a deadline.');
  });

  it('a typo in a rule name is an error naming the file and line (exit 2)', async () => {
    const r = await runCli(['validate'], { cwd: fixture('config', 'typo') });
    // Each finding's words, position and arguments: test/rules/config.test.ts.
    expect(r.code).toBe(2);
    const json = await runCli(['validate', '--format', 'json'], { cwd: fixture('config', 'typo') });
    expect((JSON.parse(json.stdout) as { diagnostics: { rule: string; line: number; column: number }[] }).diagnostics.map((d) => `${d.rule} ${d.line}:${d.column}`)).toEqual(['config 3:3', 'config 4:14', 'config 5:1']);
    expect(r.stdout).toContain('Tips: Menade du `off`? Tillåtna värden: off, warn, error.');
    expect(r.stdout).toContain('✖ 3 fel och 0 varningar i 1 fil (1 fil kontrollerade).');
  });

  it('--config names the file to use instead', async () => {
    const r = await runCli(['validate', 'examples/parken', '--config', 'test/fixtures/config/typo/lofte.config.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('test/fixtures/config/typo/lofte.config.yaml');
  });

  it('a --config that does not exist is a usage error', async () => {
    expect(await runCli(['validate', '--config', 'nej.yaml'])).toEqual({ code: 2, stdout: '', stderr: 'lofte: Sökvägen "nej.yaml" finns inte.\n' });
  });

  it('checks a named file in the context of its repository, reporting only that file', async () => {
    const r = await runCli(['validate', 'loften.yaml', '--format', 'json', '--as-of', '2026-11-24'], { cwd: fixture('config', 'repo') });
    const found = (JSON.parse(r.stdout) as { diagnostics: { rule: string; file: string }[] }).diagnostics;
    expect(found.map((d) => [d.rule, d.file])).toEqual([['not-measurable', 'loften.yaml']]);
  });
});

describe('disable comments', () => {
  it('silence the named rule on the next line, with a reason', async () => {
    // The first promise's "Se över" is silenced, and so is the last one's, on the second line of
    // its text (the finding points at the words; the comment stands before `text:`); the three bad
    // comments silence nothing.
    const r = await findings(['test/fixtures/disable']);
    expect(r.found).toEqual([
      { rule: 'invalid-disable', file: 'test/fixtures/disable/loften.yaml', line: 17, column: 5 },
      { rule: 'vague-wording', file: 'test/fixtures/disable/loften.yaml', line: 18, column: 29 },
      { rule: 'invalid-disable', file: 'test/fixtures/disable/loften.yaml', line: 23, column: 5 },
      { rule: 'vague-wording', file: 'test/fixtures/disable/loften.yaml', line: 24, column: 29 },
      { rule: 'invalid-disable', file: 'test/fixtures/disable/loften.yaml', line: 29, column: 5 },
    ]);
  });

  it('say what is wrong with a bad comment', async () => {
    const r = await runCli(['validate', 'test/fixtures/disable', '--as-of', '2026-11-24']);
    expect(r.stdout).toContain('17:5   fel      Kommentaren stänger av `vague-wording` utan motivering.  invalid-disable');
    expect(r.stdout).toContain('23:5   fel      Kommentaren stänger av `vage-wording`, som inte är någon lofte-regel.  invalid-disable');
    expect(r.stdout).toContain('Tips: Menade du `vague-wording`?');
    expect(r.stdout).toContain('29:5   fel      Kommentaren `lofte-disable-next-line` säger inte vilken regel den stänger av.  invalid-disable');
  });
});

describe('webbplats in lofte.config.yaml', () => {
  it('reads the publisher and the accessibility statement facts', async () => {
    const { loadConfig } = await import('../src/config/index.js');
    const { config, diagnostics } = await loadConfig(fixture('report-site'));
    expect(diagnostics).toEqual([]);
    expect(config.site.utgivare).toBe('Lokalpolisområde Hallsberg och Laxå kommun');
    expect(config.site.tillganglighet).toMatchObject({ efterlevnad: 'delvis', bedomning: { datum: '2026-10-01', metod: 'sjalvskattning' }, rapportera: { epost: 'webb@laxa.se' } });
    expect(config.site.tillganglighet?.kanda_brister).toHaveLength(2);
  });

  it('a wrong value is an error naming the file and line', async () => {
    const r = await runCli(['validate', '--as-of', '2026-11-24'], { cwd: fixture('config', 'site-bad') });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('lofte.config.yaml');
    expect(r.stdout).toMatch(/4:18 +fel +`nastan` är inte ett tillåtet värde för `efterlevnad`/);
    expect(r.stdout).toMatch(/6:14 +fel .*config/);
  });
});
