// Hostile input, the reading side: front matter, what is read and walked, the config, personnummer
// in disguise, and small files that would cost unbounded work. Each case asserts the finding (or
// refusal), the exit code and that the user's files are left as they were; the generous per-test
// timeout is the hang bound, no test asserts how fast anything is.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, ROOT, runCli, spawnCli } from './helpers.js';

const BOUND = 60_000;
const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lofte-input-'));
const actor = (id: string, extra = ''): string => `apiVersion: lofte/v1\nkind: Aktor\nid: ${id}\nnamn: Aktör\ntyp: ovrig\n${extra}`;

/** Every file under a folder with its bytes: to show that a run changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.set(path.relative(dir, full), readFileSync(full).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

/** Everything written under a folder, as one text: to look for what must never be published. */
function allText(dir: string): string {
  return [...snapshot(dir).values()].map((b) => Buffer.from(b, 'base64').toString('utf8')).join('\n');
}

/** A copy of examples/vastra-blekinge (a repository with a .md problembild) to change. */
function blekinge(): string {
  const dir = tmp();
  cpSync(path.join(ROOT, 'examples', 'vastra-blekinge'), dir, { recursive: true });
  return dir;
}
const MD = 'problembild-resecentrum-karlshamn.md';

describe('the front matter: one splitter decides for validation and publishing', () => {
  it('a line starting with --- inside a quoted value ends nothing that is published', async () => {
    const dir = blekinge();
    const file = path.join(dir, MD);
    const text = readFileSync(file, 'utf8').replace('sekretess: offentlig\n', 'sekretess: offentlig\nintern: "anteckning\n---x HEMLIGMARKOR\n"\n');
    writeFileSync(file, text);
    const before = snapshot(dir);
    const v = await runCli(['validate', dir, '--as-of', '2026-11-24']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('Front matter avslutas av en rad som börjar med `---` men har mer text (`---x HEMLIGMARKOR`).  yaml-syntax');
    const out = tmp();
    const r = await runCli(['report', dir, '--out', out, '--format', 'both', '--as-of', '2026-11-24']);
    expect(r.code).not.toBe(0);
    expect(allText(out)).not.toContain('HEMLIGMARKOR');
    expect(snapshot(dir)).toEqual(before);
  }, BOUND);

  it('publishes as body exactly what follows the validated front matter', async () => {
    const dir = blekinge();
    const out = tmp();
    const r = await runCli(['report', dir, '--out', out, '--format', 'md', '--as-of', '2026-11-24']);
    expect(r.code, r.stderr).toBe(0);
    const page = allText(out);
    expect(page).not.toContain('apiVersion');
    expect(page).not.toContain('sekretess:');
  }, BOUND);

  it('front matter opened with -- (or ----, or --- yaml) is a finding, not a skipped file', async () => {
    const dir = blekinge();
    const text = readFileSync(path.join(dir, MD), 'utf8');
    for (const [name, first] of [['tva.md', '--'], ['fyra.md', '----'], ['sprak.md', '--- yaml']] as const) {
      writeFileSync(path.join(dir, name), text.replace(/^---\n/, `${first}\n`).replace('id: karlshamn-resecentrum-kvallstid', `id: ${name.replace('.md', '')}`));
    }
    const r = await runCli(['validate', dir, '--as-of', '2026-11-24']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(första raden är `--`)');
    expect(r.stdout).toContain('(första raden är `----`)');
    expect(r.stdout).toContain('(första raden är `--- yaml`)');
  }, BOUND);

  it('reads a .md and a .yaml with CR-only line ends, with the right lines', async () => {
    const dir = blekinge();
    const md = readFileSync(path.join(dir, MD), 'utf8').replace('sekretess: offentlig', 'sekretess: offentlig\nokant_falt: 1');
    writeFileSync(path.join(dir, MD), md.replace(/\n/g, '\r'));
    writeFileSync(path.join(dir, 'cr.yaml'), actor('cr-aktor', 'felstavat: ja\n').replace(/\n/g, '\r'));
    const r = await findings([dir]);
    expect(r.code).toBe(1);
    expect(r.found).toEqual([
      { rule: 'schema', file: expect.stringMatching(/cr\.yaml$/), line: 6, column: 1 },
      { rule: 'schema', file: expect.stringMatching(/karlshamn\.md$/), line: 11, column: 1 },
    ]);
  }, BOUND);

  it('refuses a %YAML 1.1 directive (merge keys, yes/no booleans) with a hint', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.yaml'), `%YAML 1.1\n---\nbas: &bas\n  typ: ovrig\n${actor('yaml-elva', '<<: *bas\n')}`);
    writeFileSync(path.join(dir, 'b.yaml'), `%YAML 1.2\n---\n${actor('yaml-tolv')}`);
    const r = await runCli(['validate', dir, '--as-of', '2026-11-24']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lofte läser YAML 1.2, men filen begär `%YAML 1.1`.');
    expect(r.stdout).toContain('Ta bort raden `%YAML …`');
    expect(r.stdout).not.toContain('b.yaml');
  }, BOUND);
});

describe('one bounded reader: regular files only, never past the size limit', () => {
  it('refuses a FIFO named on the command line instead of waiting for a writer', () => {
    const dir = tmp();
    execFileSync('mkfifo', [path.join(dir, 'ror.yaml')]);
    writeFileSync(path.join(dir, 'a.yaml'), actor('a'));
    const r = spawnCli(['validate', 'ror.yaml', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ror.yaml\n  1:1  fel  Det här är ingen vanlig fil (utan t.ex. en FIFO, en enhet eller en mapp): lofte läser bara vanliga filer.  file-unreadable');
  }, BOUND);

  it('refuses /dev/zero behind a .yaml symlink, named or found in a folder', () => {
    const dir = tmp();
    symlinkSync('/dev/zero', path.join(dir, 'noll.yaml'));
    writeFileSync(path.join(dir, 'a.yaml'), actor('a'));
    const named = spawnCli(['validate', 'noll.yaml'], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('file-unreadable');
    expect(spawnCli(['validate', '.'], { cwd: dir }).code).toBe(0);
  }, BOUND);

  it('refuses a FIFO given as the config file', () => {
    const dir = tmp();
    execFileSync('mkfifo', [path.join(dir, 'lofte.config.yaml')]);
    writeFileSync(path.join(dir, 'a.yaml'), actor('a'));
    const r = spawnCli(['validate', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('lofte.config.yaml\n  1:1  fel  Det här är ingen vanlig fil');
  }, BOUND);
});

describe('discovery stays inside the folder it walks', () => {
  it('does not follow a symlink to / or to a folder outside', async () => {
    const outside = tmp();
    writeFileSync(path.join(outside, 'utanfor.yaml'), actor('utanfor-dokument'));
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.yaml'), actor('inne'));
    symlinkSync('/', path.join(dir, 'rot'));
    symlinkSync(outside, path.join(dir, 'granne'));
    symlinkSync(path.join(outside, 'utanfor.yaml'), path.join(dir, 'lankad.yaml'));
    mkdirSync(path.join(dir, 'under'));
    writeFileSync(path.join(dir, 'under', 'b.yaml'), actor('under'));
    symlinkSync(path.join(dir, 'under'), path.join(dir, 'inom')); // inside: followed (walked once)
    const r = await runCli(['validate', dir, '--verbose', '--as-of', '2026-11-24']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('(2 filer kontrollerade)');
    expect(r.stdout + r.stderr).not.toContain('utanfor');
  }, BOUND);

  const asNobody = process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0;
  it.skipIf(!asNobody)('reports a folder it may not read as file-unreadable (run as nobody)', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.yaml'), actor('a'));
    mkdirSync(path.join(dir, 'last'));
    writeFileSync(path.join(dir, 'last', 'b.yaml'), actor('b'));
    execFileSync('chmod', ['755', dir]);
    execFileSync('chmod', ['000', path.join(dir, 'last')]);
    const r = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, path.join(ROOT, 'bin', 'lofte.js'), 'validate', '.'], { encoding: 'utf8', cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('last\n  1:1  fel  Mappen kan inte läsas: behörighet saknas. Filerna i den har inte kontrollerats.  file-unreadable');
  }, BOUND);
});

describe('the config: a wrong value is a finding (exit 2), never a crash', () => {
  it.each([
    ['sprak: EN\n', '`EN` är inte ett tillåtet värde för `sprak`'],
    ['sprak: __proto__\n', '`__proto__` är inte ett tillåtet värde för `sprak`'],
    ['sprak: [sv]\n', '`sprak`'],
    ['regler: off\n', '`regler`'],
    ['regler:\n  one-party: __proto__\n', '`__proto__` är inte ett tillåtet värde för `one-party`'],
    ['regler:\n  __proto__: error\n', 'Okänt fält `__proto__`'],
    ['granser: 3\n', '`granser`'],
    ['granser:\n  djup: -1\n', '`djup`'],
    ['ignorera: utkast\n', '`ignorera`'],
    ['ignorera: [1]\n', '`ignorera[0]`'],
    ['- en lista\n', 'karta'],
    ['__proto__:\n  sprak: en\n', 'Okänt fält `__proto__`'],
  ])('%j', async (config, shown) => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'lofte.config.yaml'), config);
    writeFileSync(path.join(dir, 'a.yaml'), actor('a'));
    for (const command of [['validate'], ['links'], ['report', '--out', path.join(dir, 'ut')]]) {
      const r = await runCli([...command, '.'], { cwd: dir });
      expect(r.code, `${command[0]}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stdout + r.stderr).toContain(shown);
      expect(r.stdout + r.stderr).not.toMatch(/bugg|internal error|\n\s+at /);
    }
  }, BOUND);

  it('matches ignorera globs as picomatch does (dot: true) on ordinary patterns', async () => {
    const { globMatcher } = await import('../src/util/glob.js');
    const { default: picomatch } = await import('picomatch');
    const patterns = ['utkast/**', '**/utkast/**', '*.md', '**/*.yaml', 'a/*/b', 'a/**/b', '{a,b}/*.md', 'x?.yaml', '[ab]*.md', '**', 'gamla/', 'utkast', '**/.git/**', 'a/**', '!utkast/**'];
    const paths = ['utkast', 'utkast/', 'utkast/x.md', 'utkast/a/b.md', 'x/utkast/y.md', 'a.md', 'd/a.md', 'a/b', 'a/x/b', 'a/x/y/b', 'b/c.md', 'x1.yaml', 'x12.yaml', 'b.md', 'c.md', 'gamla/', 'gamla', '.git/x', 'q/.git/x', 'a', 'a/'];
    for (const p of patterns) for (const s of paths) expect(globMatcher([p])(s), `${p} ${s}`).toBe(picomatch(p, { dot: true })(s));
  });

  it('matches an ignorera glob that a regular expression would take exponential time on', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'lofte.config.yaml'), `ignorera:\n  - "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"\n  - "**/*a*a*a*a*a*a*a*a*a*a*a*a*c/**"\n  - "hoppa/**"\n`);
    mkdirSync(path.join(dir, 'a'.repeat(60)));
    writeFileSync(path.join(dir, 'a'.repeat(60), `${'a'.repeat(100)}.yaml`), actor('lang'));
    mkdirSync(path.join(dir, 'hoppa'));
    writeFileSync(path.join(dir, 'hoppa', 'x.yaml'), 'inte: [yaml');
    const r = await runCli(['validate', '.', '--verbose'], { cwd: dir });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('(1 fil kontrollerade)');
  }, BOUND);
});

describe('follow-up-missing and dates', () => {
  it('a document valid 0001–9999 with monthly follow-up gets date findings, and no work per month', async () => {
    const dir = tmp();
    const doc = readFileSync(path.join(ROOT, 'examples', 'parken', 'medborgarlofte-2026-2027.yaml'), 'utf8')
      .replace(/from: 2026-01-01\n(\s+)tom: 2027-12-31/, 'from: 0001-01-01\n$1tom: 9999-12-31')
      .replace(/kadens: \w+/g, 'kadens: manad');
    expect(doc).toContain('0001-01-01');
    cpSync(path.join(ROOT, 'examples', 'parken'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'medborgarlofte-2026-2027.yaml'), doc);
    const r = await runCli(['validate', dir, '--as-of', '2026-11-24']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('`0001-01-01` i `from` ligger utanför 1900–2200.  schema');
    expect(r.stdout).toContain('`9999-12-31` i `tom` ligger utanför 1900–2200.  schema');
  }, BOUND);

  it('finds the latest ended period, searched down from the cutoff’s month, exactly as by listing them all', async () => {
    const { followUpPeriods, latestEndedPeriod } = await import('../src/rules/follow-up-missing.js');
    const { addDays } = await import('../src/model/dates.js');
    let seed = 11;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let i = 0; i < 2000; i++) {
      const from = addDays('2020-01-01', random(3000));
      const frame = { from, tom: addDays(from, random(2000)) };
      const cutoff = addDays('2019-06-01', random(4000));
      for (const kadens of ['manad', 'kvartal', 'tertial', 'halvar', 'ar', 'periodens_slut', undefined]) {
        const listed = followUpPeriods(frame, kadens).filter((p) => p.tom < cutoff && p.from <= frame.tom);
        expect(latestEndedPeriod(frame, kadens, cutoff), JSON.stringify({ frame, kadens, cutoff })).toEqual(listed[listed.length - 1]);
      }
    }
  }, BOUND);

  it.each(['con', 'nul', 'aux', 'prn', 'com1', 'com0', 'lpt0', 'lpt9'])('id %s, a Windows device name, is a schema finding', async (id) => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.yaml'), actor(id));
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Id \`${id}\` är ett namn som Windows reserverar för enheter`);
  }, BOUND);
});

describe('work bounded by the input', () => {
  it('did-you-mean among 20,000 short ids for 20,000 short misspellings', async () => {
    const { SuggestionIndex } = await import('../src/util/suggest.js');
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const names: string[] = [];
    for (let i = 0; names.length < 20_000; i++) names.push(`${letters[i % 36]}${letters[Math.floor(i / 36) % 36]}${letters[Math.floor(i / 1296) % 36]}`);
    const index = new SuggestionIndex(names);
    expect(index.suggest('ab')).toHaveLength(3);
    for (let i = 0; i < 20_000; i++) index.suggest(`${names[i]}-`.slice(1));
  }, BOUND);

  it('locates 100,000 unknown keys of one document by an index, not a scan per key', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'nycklar.yaml'), actor('nycklar', Array.from({ length: 100_000 }, (_, i) => `k${i}: 1\n`).join('')));
    const r = await findings([dir]);
    expect(r.code).toBe(1);
    expect(r.found).toHaveLength(1001);
    expect(r.found[999]).toMatchObject({ rule: 'schema', line: 1005, column: 1 });
    expect(r.found[1000]).toMatchObject({ rule: 'limit-exceeded', line: 1006 });
  }, BOUND);

  it('shows at most 1,000 findings for one file, then one that counts the rest', async () => {
    const dir = tmp();
    const docs = Array.from({ length: 1500 }, (_, i) => actor(`a${i}`, 'okant: 1\n')).join('---\n');
    writeFileSync(path.join(dir, 'manga.yaml'), docs);
    const r = await runCli(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { diagnostics: { rule: string; message: string; severity: string }[] }).diagnostics;
    expect(found).toHaveLength(1001);
    expect(found[1000]).toMatchObject({ rule: 'limit-exceeded', severity: 'error', message: 'Ytterligare 500 fynd i filen visas inte: lofte visar högst 1000 fynd per fil.' });
    const en = await runCli(['validate', dir, '--lang', 'en']);
    expect(en.stdout).toContain('500 more findings in this file are not shown: lofte shows at most 1000 per file.  limit-exceeded');
  }, BOUND);
});

describe('personnummer, however written', () => {
  const SPELLINGS: [string, string][] = [
    ['space', 'Samtal med 811218 0008 i går.'],
    ['en dash', 'Samtal med 811218–0008 i går.'],
    ['non-breaking hyphen', 'Samtal med 811218\u20110008 i går.'],
    ['Unicode hyphen', 'Samtal med 811218\u20100008 i går.'],
    ['minus sign', 'Samtal med 811218\u22120008 i går.'],
    ['no-break space', 'Samtal med 811218\u00a00008 i går.'],
    ['zero-width space', 'Samtal med 811218-\u200b0008 i går.'],
    ['soft hyphen', 'Samtal med 8112\u00ad18-0008 i går.'],
    ['full-width digits', 'Samtal med ８１１２１８－０００８ i går.'],
    ['Markdown escape', 'Samtal med 811218\\-0008 i går.'],
    ['Markdown emphasis', 'Samtal med 811218-**0008** i går.'],
    ['Markdown code', 'Samtal med `811218-0008` i går.'],
    ['HTML entity', 'Samtal med 811218&#45;0008 i går.'],
    ['hex entity', 'Samtal med 811218&#x2D;0008 i går.'],
    ['named entity', 'Samtal med 811218&ndash;0008 i går.'],
    ['HTML tag', 'Samtal med 811218-<b>0008</b> i går.'],
    ['inside an id', 'samtal-811218-0008'],
    ['12 digits', '198112180008'],
    ['12 digits with hyphen', '19811218-0008'],
    // Nine ASCII digits and one written otherwise: the quick "fewer than ten digits" test must not skip them.
    ['a digit as an entity', 'Samtal med 81121&#56;-0008 i går.'],
    ['a superscript digit (Latin-1)', 'Samtal med 8\u00b91218-0008 i går.'],
    ['a full-width digit', 'Samtal med 81121\uff18-0008 i går.'],
    ['exactly ten digits among å, ä and ö', 'Åsa på Älvvägen: 811218-0008, även här.'],
  ];

  it.each(SPELLINGS)('finds one written with %s', async (_what, text) => {
    const { findPersonnummer, maskPersonnummer } = await import('../src/util/personnummer.js');
    expect(findPersonnummer(text)).toEqual(['811218-XXXX']);
    expect(maskPersonnummer(text)).not.toMatch(/0008|０００８|&#/);
    expect(maskPersonnummer(text)).toContain('811218-XXXX');
  });

  it.each([
    ['a phone number', 'Ring 0701-23 45 67 eller 08-123 456 78.'],
    ['a date and a number', 'Mötet 2025-12-18 0008 deltagare.'],
    ['a diarienummer', 'Dnr 2025-001234 och KS 2024/0008.'],
    ['a failing Luhn digit', '811218-0009'],
    ['a day that does not exist', '810231-0005'],
    ['a kommunkod list', '1860 1861 1862 1863'],
    ['an ISO date range', '2026-01-01–2027-12-31'],
  ])('does not flag %s', async (_what, text) => {
    const { findPersonnummer } = await import('../src/util/personnummer.js');
    expect(findPersonnummer(text)).toEqual([]);
  });

  it('finds them in text, ids, keys and YAML numbers, and no output repeats them', async () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'a.yaml'),
      [
        actor('samtal-811218-0008', 'beskrivning: "Samtal med 811218&#45;0008."\n'),
        actor('b', 'intern:\n  antal: 198112180008\n'),
        actor('c', '"811218-0008": x\n'),
        `apiVersion: lofte/v1\nkind: Aktor\nid: d\nnamn: Aktör\ntyp: ovrig\nintern:\n  811218-0008: 1\n  811218-0008: 2\n`,
      ].join('---\n'),
    );
    const before = snapshot(dir);
    const found = (await findings([dir])).found;
    // The id, the entity, the YAML number, the key; the last document's duplicate key is a yaml-syntax finding.
    expect(found.filter((f) => f.rule === 'personal-data').map((f) => f.line)).toEqual([3, 6, 14, 21]);
    expect(found.filter((f) => f.rule === 'yaml-syntax').map((f) => f.line)).toEqual([30]);
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
      const r = await runCli(['validate', dir, '--format', format, '--as-of', '2026-11-24']);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr, format).not.toMatch(/0008|198112180008/);
      expect(r.stdout, format).toContain('811218-XXXX');
    }
    expect(snapshot(dir)).toEqual(before);
  }, BOUND);
});
