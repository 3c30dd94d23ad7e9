// lofte report: what is published, what never is, and how files are written.

import { existsSync, mkdirSync, mkdtempSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL, MANIFEST, recover, safeSitePath, writeSite } from '../src/report/write.js';
import { runCli } from './helpers.js';
import { siteFiles } from './publish-repo.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lofte-report-'));

/** Every file of a written site, by path. */
const files = (root: string): Promise<Map<string, string>> => siteFiles(root);

const report = (src: string, out: string, ...extra: string[]) => runCli(['report', src, '--out', out, '--as-of', '2026-11-24', ...extra]);

describe('what is published', () => {
  it('writes the index, follow-up overview, actors page and one page per medborgarlöfte', async () => {
    const out = tmp();
    const r = await report('examples/vastra-blekinge', out, '--format', 'both');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`Skrev 12 sidor till ${path.relative(process.cwd(), out)} (2 medborgarlöften, läget per 2026-11-24).\n`);
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
      'tillganglighet.html',
      'tillganglighet.md',
      'uppfoljning.html',
      'uppfoljning.md',
    ]);
  });

  it('says what a page must say: problem and its knowledge, promises by actor, status, signatures', async () => {
    const out = tmp();
    await report('examples/parken', out);
    const html = readFileSync(path.join(out, 'medborgarloften', 'laxa-medborgarloften-2026-2027.html'), 'utf8');
    for (const s of ['<html lang="sv">', '<h2 id="problemet">Problemet</h2>', 'Problembilden bygger på: Medborgardialog', '<h3>Lokalpolisområde Hallsberg lovar</h3>', '<h3>Laxå kommun lovar</h3>', '<h3>Laxå ungdomsförening lovar</h3>', 'Så följer vi upp', '<span class="status status-pagaende">Pågår</span>', 'Underskrifter', '<svg', '<p class="verdict">6 pågår · senast uppföljt 30 juni 2026</p>']) {
      expect(html).toContain(s);
    }
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('<h2 id="kommun-laxa-kommun">Laxå kommun</h2>');
    expect(index).toContain('– Gäller, 1 januari 2026 – 31 december 2027. Lokalpolisområde Hallsberg.');
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
    expect(same.stdout).toBe(`Skrev 0 sidor till ${path.relative(process.cwd(), out)} (2 medborgarlöften, läget per 2026-11-24).\n6 sidor var desamma som förra gången och fick stå kvar.\n`);
    expect((await fs.stat(page)).mtime).toEqual(old);
    // An edited page, and a new date that changes every page's footer.
    const original = readFileSync(page, 'utf8');
    await fs.writeFile(page, original.replace('<h1>', '<h1>Ändrad för hand: '));
    const edited = await report('examples/vastra-blekinge', out);
    expect(edited.stdout).toContain('Skrev 1 sida till');
    expect(edited.stdout).toContain('5 sidor var desamma');
    expect(readFileSync(page, 'utf8')).toBe(original);
    expect((await fs.stat(index)).mtime).toEqual(old);
    const later = await runCli(['report', 'examples/vastra-blekinge', '--out', out, '--as-of', '2026-12-01']);
    expect(later.stdout).toBe(`Skrev 6 sidor till ${path.relative(process.cwd(), out)} (2 medborgarlöften, läget per 2026-12-01).\n`);
    expect((await fs.stat(index)).mtime).not.toEqual(old);
    expect((await fs.readdir(out)).filter((f) => f.startsWith('.lofte-'))).toEqual(['.lofte-manifest.json']);
  });

  it('removes pages of an earlier run that no longer exist, never a file it did not write', async () => {
    const out = tmp();
    await report('examples/vastra-blekinge', out);
    await fs.writeFile(path.join(out, 'CNAME'), 'loften.example.se\n');
    await fs.writeFile(path.join(out, 'medborgarloften', 'egen-sida.html'), '<p>min</p>\n');
    const r = await report('examples/vastra-blekinge', out, '--id', 'solvesborg-2026-2027');
    expect(r.stdout).toContain('Tog bort 1 sida från en tidigare körning som inte längre finns.');
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
    for (const bad of ['../x.html', '/etc/passwd.html', 'a/../../b.html', '.hidden.html', 'x.js', 'medborgarloften/laxa‐2018.html', 'medborgarloften/con.html', 'nul.md', 'com1/a.html', 'medborgarloften/Laxa.html', 'a--b.html', '-a.html', `${'a'.repeat(201)}.html`]) {
      expect(safeSitePath(bad), bad).toBe(false);
    }
    for (const good of ['medborgarloften/console.html', 'com10.html', 'lpt.md', `${'a'.repeat(200)}.html`]) expect(safeSitePath(good), good).toBe(true);
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
    await expect(writeSite(out, pages())).rejects.toMatchObject({ reason: 'unsafe-page', args: { page: '../utanfor.html' } });
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
    expect(await pages('--id', 'solvesborg-2026-2027', '--id', 'karlshamn-olofstrom-2026-2027')).toHaveLength(2);
    expect(await pages('--status', 'publicerad')).toHaveLength(2);
  });
});

describe('honest pages a citizen reads', () => {
  const site = async (src: string, ...extra: string[]): Promise<Map<string, string>> => {
    const out = tmp();
    const r = await report(src, out, '--format', 'both', ...extra);
    expect(r.code, r.stderr).toBe(0);
    return files(out);
  };
  const text = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

  it('opens with a verdict, says a promise past its deadline is late, and shows every follow-up with its evidence', async () => {
    const pages = await site('test/fixtures/report-states');
    const html = pages.get('medborgarloften/alvby-2026.html') ?? '';
    expect(html).toMatch(/<h1>Medborgarlöfte för Älvby och Orsby 2026<\/h1>\n<p class="verdict">1 försenat · 1 kan inte bedömas · senast uppföljt 15 oktober 2026<\/p>/);
    const t = text(html);
    expect(t).toContain('LovatAlla'.slice(0, 0) + 'Lovat4 kameror, klart senast 30 september 2026');
    expect(t).toContain('Gjort hittills3 av 4 (15 oktober 2026)');
    expect(t).toContain('LägeFörsenat – skulle vara klart 30 september 2026');
    // History: both follow-ups, oldest first; the June result is not hidden by October's.
    expect(t).toContain('30 juni 2026: Pågår. Utfall: 2. Två kameror är uppsatta.');
    expect(t.indexOf('30 juni 2026: Pågår. Utfall: 2.')).toBeLessThan(t.indexOf('15 oktober 2026: Pågår. Utfall: 3.'));
    expect(t).toContain('15 oktober 2026: Kan inte bedömas. Orsak: Protokollen från sommaren har inte kommit in. Belägg: Kommunens protokoll från vandringarna.');
    expect(html).toContain('<a href="https://www.example.se/alvby/protokoll">Kommunens protokoll från vandringarna</a>');
    // The amount done so far keeps the date it was reported, not the later follow-up's.
    expect(t).toContain('Gjort hittills6 (30 juni 2026)');
    // A joint promise names every actor.
    expect(html).toContain('<h3>Lokalpolisområde Norrby och Älvby kommun lovar</h3>');
  });

  it('labels ended periods as ended and lists each kommun A–Ö with its current medborgarlöften first', async () => {
    const pages = await site('test/fixtures/report-states');
    const index = text(pages.get('index.html') ?? '');
    expect(index).toContain('2 kommuner i bokstavsordning: Orsby kommun · Älvby kommun');
    const orsby = index.slice(index.indexOf('Orsby kommun Medborgarlöfte'));
    expect(orsby.indexOf('Medborgarlöfte för Älvby och Orsby 2026 – Gäller')).toBeLessThan(orsby.indexOf('Medborgarlöfte för Orsby 2018–2019 – Avslutad 2019'));
    expect(index).not.toContain('Publicerad');
    const ended = pages.get('medborgarloften/orsby-2018-2019.html') ?? '';
    expect(ended).toContain('<p class="verdict">2 inte uppföljda · ingen uppföljning publicerad</p>');
    expect(text(ended)).toContain('(avslutad 2019)');
    expect(ended).not.toContain('ännu');
  });

  it('never shows an id as the text of a link, and says "1 medborgarlöfte"', async () => {
    for (const src of ['examples/vastra-blekinge', 'examples/parken', 'test/fixtures/report-states']) {
      const pages = await site(src);
      const ids = new Set<string>();
      for (const [rel, content] of pages) {
        if (!rel.endsWith('.html')) continue;
        for (const m of content.matchAll(/id="(?:lofte|aktor|problembild|kommun)-([^"]+)"/g)) ids.add(m[1] ?? '');
      }
      expect(ids.size).toBeGreaterThan(3);
      for (const [rel, content] of pages) {
        const links = rel.endsWith('.html') ? [...content.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1] ?? '') : [...content.matchAll(/\[([^\]]*)\]\(/g)].map((m) => m[1] ?? '');
        expect(links.filter((l) => ids.has(l) || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(l)), `${src} ${rel}`).toEqual([]);
        expect(content, rel).not.toMatch(/\b1 (medborgarlöften|löften|kommuner)\b/);
      }
    }
  });

  it('has an accessibility statement built from lofte.config.yaml, linked from every footer with sender, contact and date', async () => {
    const pages = await site('test/fixtures/report-site', '--config', 'test/fixtures/report-site/lofte.config.yaml');
    const statement = text(pages.get('tillganglighet.html') ?? '');
    for (const s of [
      'Lokalpolisområde Hallsberg och Laxå kommun står bakom den här webbplatsen (https://www.laxa.se/medborgarloften)',
      'Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service',
      'De äldre medborgarlöftena från 2024 finns bara som inskannade PDF-filer',
      'Rapportera till: webb@laxa.se, https://www.laxa.se/tillganglighet.',
      'Du får svar inom fem arbetsdagar.',
      'Tillsyn',
      'anmäla det till Digg',
      'Vi har gjort en självskattning (intern testning) av webbplatsen den 1 oktober 2026.',
      'Redogörelsen granskades senast den 20 november 2026.',
    ]) expect(statement).toContain(s);
    expect(pages.get('tillganglighet.html')).toContain('href="https://www.digg.se/tdosanmalan"');
    for (const [rel, content] of pages) {
      if (!rel.endsWith('.html')) continue;
      const footer = text(content.slice(content.indexOf('<footer>')));
      expect(footer, rel).toContain('Avsändare: Lokalpolisområde Hallsberg och Laxå kommun.');
      expect(footer, rel).toContain('Kontakt: trygghet@laxa.se, telefon 0584-47 30 00.');
      expect(footer, rel).toContain('Senast uppdaterad 24 november 2026.');
      if (rel !== 'tillganglighet.html') expect(content, rel).toMatch(/<a href="(\.\.\/)?tillganglighet\.html">Tillgänglighetsredogörelse<\/a>/);
    }
    // Without a config: the senders are the lokalpolisområde and kommuner, the contact the LPO's own.
    const plain = await site('examples/parken');
    const footer = text((plain.get('index.html') ?? '').split('<footer>')[1] ?? '');
    expect(footer).toContain('Avsändare: Lokalpolisområde Hallsberg och Laxå kommun.Kontakt: Kommunpolis för Laxå, Lokalpolisområde Hallsberg: kommunpolis.laxa@polisen.se, telefon 114 14.');
  });

  it('Markdown links within and across pages point at anchors GitHub makes from the headings, and no caption speaks of a picture', async () => {
    // GitHub's rule (github-slugger), written out here on its own: lower case, drop what is not a
    // letter, number, mark, _, - or space, spaces to -, repeats get -1, -2.
    const slugsOf = (md: string): Set<string> => {
      const seen = new Map<string, number>();
      const out = new Set<string>();
      let fenced = false;
      for (const line of md.split('\n')) {
        if (/^```/.test(line)) fenced = !fenced;
        const m = fenced ? null : /^#{1,6} (.*)$/.exec(line);
        if (!m) continue;
        const base = (m[1] ?? '').replace(/\\(.)/g, '$1').toLowerCase().replace(/[^\p{L}\p{M}\p{N}_ -]/gu, '').replace(/ /g, '-');
        let slug = base;
        while (seen.has(slug)) {
          seen.set(base, (seen.get(base) ?? 0) + 1);
          slug = `${base}-${seen.get(base)}`;
        }
        seen.set(slug, 0);
        out.add(slug);
      }
      return out;
    };
    for (const src of ['examples/vastra-blekinge', 'examples/parken', 'test/fixtures/report-states']) {
      const pages = await site(src);
      let checked = 0;
      for (const [rel, content] of pages) {
        if (!rel.endsWith('.md')) continue;
        expect(content, rel).not.toMatch(/streckade|linjen|diagrammet/i);
        for (const m of content.matchAll(/\]\(<?([^)>]*)>?\)/g)) {
          const [file = '', anchor] = (m[1] ?? '').split('#');
          if (/^(https?|mailto):/.test(file) || anchor === undefined) continue;
          const target = file === '' ? rel : path.posix.join(path.posix.dirname(rel), file);
          expect(slugsOf(pages.get(target) ?? ''), `${rel} → ${m[1]}`).toContain(decodeURIComponent(anchor));
          checked++;
        }
      }
      expect(checked, src).toBeGreaterThan(5);
    }
  });
});
