// lofte report: what is published, what never is, and how files are written.

import { existsSync, mkdirSync, mkdtempSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL, MANIFEST, recover, safeSitePath, writeSite } from '../src/report/write.js';
import { runCli } from './helpers.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lofte-report-'));

async function files(root: string, dir = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await fs.readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of await files(root, rel)) out.set(k, v);
    else out.set(rel, await fs.readFile(path.join(root, rel), 'utf8'));
  }
  return out;
}

const report = (src: string, out: string, ...extra: string[]) => runCli(['report', src, '--out', out, '--as-of', '2026-11-24', ...extra]);

describe('what is published', () => {
  it('writes the index, follow-up overview, actors page and one page per medborgarlöfte', async () => {
    const out = tmp();
    const r = await report('examples/vastra-blekinge', out, '--format', 'both');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`Skrev 10 sidor till ${path.relative(process.cwd(), out)} (2 medborgarlöften, läget per 2026-11-24).\n`);
    expect([...(await files(out)).keys()].sort()).toEqual([
      '.lofte-manifest.json',
      'aktorer.html',
      'aktorer.md',
      'data/atom.xml',
      'data/catalog.jsonld',
      'data/catalog.rdf',
      'data/loften.csv',
      'data/medborgarloften.json',
      'data/oppna-data.schema.json',
      'data/uppfoljningar.csv',
      'index.html',
      'index.md',
      'medborgarloften/karlshamn-olofstrom-2026-2027.html',
      'medborgarloften/karlshamn-olofstrom-2026-2027.md',
      'medborgarloften/solvesborg-2026-2027.html',
      'medborgarloften/solvesborg-2026-2027.md',
      'uppfoljning.html',
      'uppfoljning.md',
    ]);
  });

  it('says what a page must say: problem and its knowledge, promises by actor, status, signatures', async () => {
    const out = tmp();
    await report('examples/parken', out);
    const html = readFileSync(path.join(out, 'medborgarloften', 'laxa-medborgarloften-2026-2027.html'), 'utf8');
    for (const s of ['<html lang="sv">', '<h2 id="problemet">Problemet</h2>', 'Problembilden bygger på: Medborgardialog', '<h3>Lokalpolisområde Hallsberg lovar</h3>', '<h3>Laxå kommun lovar</h3>', '<h3>Laxå ungdomsförening lovar</h3>', 'Så följer vi upp', '<span class="status status-pagaende">Pågår</span>', 'Underskrifter', '<svg']) {
      expect(html).toContain(s);
    }
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('<h2>Polisregion Bergslagen</h2>');
    expect(index).toContain('<h3>Lokalpolisområde Hallsberg</h3>');
    expect(index).toContain('<a href="medborgarloften/laxa-medborgarloften-2026-2027.html">');
  });

  it('shows why a promise was not kept', async () => {
    const out = tmp();
    await report('examples/vastra-blekinge', out);
    const overview = readFileSync(path.join(out, 'uppfoljning.html'), 'utf8');
    expect(overview).toContain('Löften som inte hölls fullt ut');
    expect(overview).toContain('Orsak: Leverantören kunde inte leverera');
  });
});

describe('nothing internal leaks', () => {
  it('no LEAKMARK from intern fields, intern problembilder or underrättelse details reaches any output', async () => {
    const out = tmp();
    const r = await report('test/fixtures/report-leak', out, '--format', 'both');
    expect(r.code).toBe(0);
    const site = await files(out);
    expect(site.size).toBeGreaterThan(8);
    for (const [rel, content] of site) {
      expect(content, rel).not.toContain('LEAKMARK');
      expect(content, rel).not.toContain('9173');
      expect(content, rel).not.toContain('8231');
    }
    // The fixture's markers are really there to leak: the public parts of the same entities are shown.
    const page = site.get('medborgarloften/test-2026.html') ?? '';
    expect(page).toContain('Narkotikaförsäljning via sociala medier');
    expect(page).toContain('Unga erbjuds narkotika via sociala medier.');
    expect(page).toContain('Polisens underrättelseinformation');
    expect(page).toContain('Offentlig beskrivning av problemet.');
    const src = await fs.readdir('test/fixtures/report-leak');
    const markers = (await Promise.all(src.map((f) => fs.readFile(path.join('test/fixtures/report-leak', f), 'utf8')))).join('').match(/LEAKMARK[-\w]*/g) ?? [];
    expect(markers.length).toBeGreaterThanOrEqual(18);
  });
});

describe('Markdown output', () => {
  it('contains no HTML, even from hostile data', async () => {
    const out = tmp();
    await report('test/fixtures/report-xss', out, '--format', 'md');
    for (const [rel, content] of await files(out)) {
      if (!rel.endsWith('.md')) continue;
      // Escaped \< is text; link destinations (<…>) and code spans are Markdown, not HTML.
      const prose = content.replace(/\\</g, '').replace(/\]\(<[^>\n]*>\)/g, '](…)').replace(/`[^`\n]*`/g, '``');
      expect(prose, rel).not.toMatch(/<[a-zA-Z/!?]/);
      expect(content, rel).not.toMatch(/\]\(<?\s*javascript:/i);
    }
  });
});

describe('the published pages, byte for byte', () => {
  // Golden files: a change to any page of the example shows here, in review, as a diff. After an
  // intended change: npx vitest run test/report.test.ts -u, and read the diff before committing.
  it('examples/vastra-blekinge in both formats', async () => {
    const out = tmp();
    expect((await report('examples/vastra-blekinge', out, '--format', 'both')).code).toBe(0);
    for (const [rel, content] of await files(out)) {
      if (rel === MANIFEST) continue;
      await expect(content, rel).toMatchFileSnapshot(path.join('golden', 'vastra-blekinge', rel));
    }
  });
});

describe('reproducible and safe to re-run', () => {
  it('gives identical bytes for the same input and --as-of', async () => {
    const a = tmp();
    const b = tmp();
    await report('examples/vastra-blekinge', a, '--format', 'both');
    await report('examples/vastra-blekinge', b, '--format', 'both');
    expect(await files(b)).toEqual(await files(a));
    await report('examples/vastra-blekinge', a, '--format', 'both');
    expect(await files(a)).toEqual(await files(b));
  });

  it('leaves pages that read the same as they are, and writes again a page someone edited', async () => {
    const out = tmp();
    await report('examples/vastra-blekinge', out);
    const page = path.join(out, 'medborgarloften', 'solvesborg-2026-2027.html');
    const index = path.join(out, 'index.html');
    const old = new Date('2020-01-01T00:00:00Z');
    for (const f of [page, index]) await fs.utimes(f, old, old);
    const same = await report('examples/vastra-blekinge', out);
    expect(same.stdout).toBe(`Skrev 0 sidor till ${path.relative(process.cwd(), out)} (2 medborgarlöften, läget per 2026-11-24).\n5 sidor var desamma som förra gången och fick stå kvar.\n`);
    expect((await fs.stat(page)).mtime).toEqual(old);
    // An edited page, and a new date that changes every page's footer.
    const original = readFileSync(page, 'utf8');
    await fs.writeFile(page, original.replace('<h1>', '<h1>Ändrad för hand: '));
    const edited = await report('examples/vastra-blekinge', out);
    expect(edited.stdout).toContain('Skrev 1 sidor till');
    expect(edited.stdout).toContain('4 sidor var desamma');
    expect(readFileSync(page, 'utf8')).toBe(original);
    expect((await fs.stat(index)).mtime).toEqual(old);
    const later = await runCli(['report', 'examples/vastra-blekinge', '--out', out, '--as-of', '2026-12-01']);
    expect(later.stdout).toBe(`Skrev 5 sidor till ${path.relative(process.cwd(), out)} (2 medborgarlöften, läget per 2026-12-01).\n`);
    expect((await fs.stat(index)).mtime).not.toEqual(old);
    expect((await fs.readdir(out)).filter((f) => f.startsWith('.lofte-'))).toEqual(['.lofte-manifest.json']);
  });

  it('removes pages of an earlier run that no longer exist, never a file it did not write', async () => {
    const out = tmp();
    await report('examples/vastra-blekinge', out);
    await fs.writeFile(path.join(out, 'CNAME'), 'loften.example.se\n');
    await fs.writeFile(path.join(out, 'medborgarloften', 'egen-sida.html'), '<p>min</p>\n');
    const r = await report('examples/vastra-blekinge', out, '--id', 'solvesborg-2026-2027');
    expect(r.stdout).toContain('Tog bort 1 sidor från en tidigare körning som inte längre finns.');
    expect(existsSync(path.join(out, 'medborgarloften', 'karlshamn-olofstrom-2026-2027.html'))).toBe(false);
    expect(existsSync(path.join(out, 'medborgarloften', 'solvesborg-2026-2027.html'))).toBe(true);
    expect(readFileSync(path.join(out, 'CNAME'), 'utf8')).toBe('loften.example.se\n');
    expect(readFileSync(path.join(out, 'medborgarloften', 'egen-sida.html'), 'utf8')).toBe('<p>min</p>\n');
    expect((await fs.readdir(out)).filter((f) => f.startsWith('.lofte-staging'))).toEqual([]);
  });

  it('refuses to publish when there are errors, and writes nothing', async () => {
    const out = path.join(tmp(), 'site');
    const r = await report('examples/trasig', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('personal-data');
    expect(r.stderr).toContain('lofte: Rapporten skrevs inte: rätta felen ovan först.\n');
    expect(existsSync(out)).toBe(false);
  });

  it('shows warnings but publishes', async () => {
    const out = tmp();
    const r = await report('test/fixtures/warnings', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('vague-wording');
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  it('needs --out', async () => {
    const r = await runCli(['report', 'examples/parken']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("lofte: flaggan '-o, --out <mapp>' måste anges\n");
  });

  it('only ever writes plain page paths', () => {
    expect(safeSitePath('index.html')).toBe(true);
    expect(safeSitePath('medborgarloften/laxa-2026.md')).toBe(true);
    for (const bad of ['../x.html', '/etc/passwd.html', 'a/../../b.html', '.hidden.html', 'x.js', 'medborgarloften/laxa‐2018.html']) expect(safeSitePath(bad), bad).toBe(false);
  });

  it('moves a folder new to the site in whole, and finishes a swap that stopped halfway', async () => {
    const out = tmp();
    // A killed run's commit: its journal, and a staging folder whose sub-folder has already moved.
    const staging = '.lofte-staging-abc123';
    mkdirSync(path.join(out, staging, 'medborgarloften'), { recursive: true });
    writeFileSync(path.join(out, staging, 'index.html'), 'ny index');
    writeFileSync(path.join(out, staging, 'medborgarloften', 'b.html'), 'B');
    writeFileSync(path.join(out, staging, MANIFEST), '{"files":["index.html","medborgarloften/a.html","medborgarloften/b.html"]}\n');
    mkdirSync(path.join(out, 'medborgarloften'));
    writeFileSync(path.join(out, 'medborgarloften', 'a.html'), 'A');
    writeFileSync(path.join(out, JOURNAL), JSON.stringify({ staging, files: ['index.html', 'medborgarloften/a.html', 'medborgarloften/b.html'], remove: [] }));
    await recover(out);
    expect(await files(out)).toEqual(new Map([[MANIFEST, '{"files":["index.html","medborgarloften/a.html","medborgarloften/b.html"]}\n'], ['index.html', 'ny index'], ['medborgarloften/a.html', 'A'], ['medborgarloften/b.html', 'B']]));

    // A fresh site: its folders arrive whole, nothing is left in staging.
    const fresh = tmp();
    const result = await writeSite(fresh, [['a.html', 'A'], ['x/b.html', 'B'], ['x/y/c.html', 'C']]);
    expect(result).toEqual({ written: ['a.html', 'x/b.html', 'x/y/c.html'], unchanged: 0, changed: ['a.html', 'x/b.html', 'x/y/c.html'], removed: [] });
    expect(await files(fresh)).toEqual(new Map([[MANIFEST, '{\n  "generator": "lofte",\n  "files": [\n    "a.html",\n    "x/b.html",\n    "x/y/c.html"\n  ]\n}\n'], ['a.html', 'A'], ['x/b.html', 'B'], ['x/y/c.html', 'C']]));
  });

  it('a path given twice (two documents with one id, duplicate-id turned down) ends as the last page, whole', async () => {
    const out = tmp();
    const long = `<p>${'gammal sida '.repeat(200_000)}</p>`; // 2.4 MB: written in several chunks
    await writeSite(out, [['a.html', long], ['b.html', 'B'], ['a.html', 'ny sida']]);
    expect(readFileSync(path.join(out, 'a.html'), 'utf8')).toBe('ny sida');
    expect(readFileSync(path.join(out, 'b.html'), 'utf8')).toBe('B');
  });

  it('writes pages as they come, and an unsafe path among them leaves the earlier site untouched', async () => {
    const out = tmp();
    await writeSite(out, [['index.html', 'gammal'], ['a.html', 'A']]);
    const before = await fs.readdir(out);
    const pages = function* (): Generator<readonly [string, string]> {
      yield ['index.html', 'ny'];
      yield ['../utanfor.html', 'x'];
    };
    await expect(writeSite(out, pages())).rejects.toThrow('unsafe site path: ../utanfor.html');
    expect(await fs.readdir(out)).toEqual(before);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('gammal');
    expect(existsSync(path.join(out, '..', 'utanfor.html'))).toBe(false);
  });
});

describe('filters', () => {
  const pages = async (...flags: string[]): Promise<string[]> => {
    const out = tmp();
    const r = await report('examples/vastra-blekinge', out, ...flags);
    expect(r.code).toBe(0);
    return (await fs.readdir(path.join(out, 'medborgarloften')).catch(() => [] as string[])).sort();
  };

  it('by kommun name, kommunkod or id; by lokalpolisområde; by id; by status', async () => {
    expect(await pages('--kommun', 'Olofström')).toEqual(['karlshamn-olofstrom-2026-2027.html']);
    expect(await pages('--kommun', '1083')).toEqual(['solvesborg-2026-2027.html']);
    expect(await pages('--kommun', 'karlshamns-kommun')).toEqual(['karlshamn-olofstrom-2026-2027.html']);
    expect(await pages('--lpo', 'lpo-vastra-blekinge')).toHaveLength(2);
    expect(await pages('--lpo', 'lpo-annat')).toEqual([]);
    expect(await pages('--id', 'solvesborg-2026-2027', '--id', 'karlshamn-olofstrom-2026-2027')).toHaveLength(2);
    expect(await pages('--status', 'utkast')).toEqual([]);
    expect(await pages('--status', 'publicerad')).toHaveLength(2);
  });
});
