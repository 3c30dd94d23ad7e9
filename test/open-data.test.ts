// Open data: report's data/ folder and lofte export, read back with real parsers (ajv, csv-parse,
// xmldom) the way a researcher, Excel, a feed reader and dataportal.se would read them.

import { cpSync, mkdtempSync, promises as fs, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvPieces } from '../src/export/csv.js';
import { scriptSafeJson } from '../src/export/json-ld.js';
import { xmlText } from '../src/export/xml.js';
import { fixture, ROOT, runCli } from './helpers.js';
import { siteFiles } from './publish-repo.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lofte-data-'));
const FIXTURE = fixture('open-data');
const CONFIG = path.join(FIXTURE, 'lofte.config.yaml');
/** The published document and the draft: drafts are left out by default (lofte report --med-utkast). */
const BOTH = ['--status', 'publicerad', '--status', 'utkast'];
const DATA_FILES = ['atom.xml', 'catalog.jsonld', 'catalog.rdf', 'loften.csv', 'medborgarloften.json', 'oppna-data.schema.json', 'uppfoljningar.csv'];

/** Every file of a written site, by path. */
const files = (root: string): Promise<Map<string, string>> => siteFiles(root);

const report = (src: string, out: string, ...extra: string[]) => runCli(['report', src, '--out', out, '--as-of', '2026-11-24', ...extra]);
const exportData = (src: string, out: string, ...extra: string[]) => runCli(['export', src, '--out', out, '--as-of', '2026-11-24', ...extra]);

async function site(src = FIXTURE, ...extra: string[]): Promise<{ out: string; data: (f: string) => string }> {
  const out = tmp();
  const r = await report(src, out, '--config', path.join(src, 'lofte.config.yaml'), ...extra);
  expect(r.code, r.stderr).toBe(0);
  return { out, data: (f) => readFileSync(path.join(out, 'data', f), 'utf8') };
}

type Json = Record<string, unknown> & { [k: string]: unknown };

function strictXml(text: string): Document {
  // Every warning or error is a failure: a feed reader or harvester may be stricter than a browser.
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml') as unknown as Document;
}

describe('the data folder', { timeout: 60_000 }, () => {
  it('report writes data/ beside the pages, export writes the same files alone', async () => {
    const { out } = await site(FIXTURE, ...BOTH);
    const written = await files(out);
    expect([...written.keys()].filter((f) => f.startsWith('data/')).sort()).toEqual(DATA_FILES.map((f) => `data/${f}`));
    const alone = tmp();
    const r = await exportData(FIXTURE, alone, '--config', CONFIG, ...BOTH);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Skrev 7 filer med öppna data till ${path.relative(ROOT, alone)} (2 medborgarlöften, läget per 2026-11-24).\n`);
    const exported = await files(alone);
    expect([...exported.keys()].filter((f) => !f.startsWith('.')).sort()).toEqual(DATA_FILES);
    for (const f of DATA_FILES) expect(exported.get(f), f).toBe(written.get(`data/${f}`));
  });

  it('refuses, like report, when the repository has errors, and writes nothing', async () => {
    const out = tmp();
    const r = await exportData('examples/trasig', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lofte: Rapporten skrevs inte: rätta felen ovan först.');
    expect(await fs.readdir(out).catch(() => [])).toEqual([]);
  });

  it('says what dataportal.se still needs when the config does not give it', async () => {
    const out = tmp();
    const r = await exportData('examples/parken', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Obs: för att Sveriges dataportal ska kunna skörda katalogen behövs webbplats.adress, webbplats.utgivare, webbplats.kontakt.epost (eller oppna_data.kontakt) i lofte.config.yaml.\n');
  });

  it('gives the same bytes for the same input and --as-of, whatever the clock says', async () => {
    const a = tmp();
    const b = tmp();
    await runCli(['export', FIXTURE, '--out', a, '--as-of', '2026-11-24', '--config', CONFIG], { today: '2026-11-24' });
    await runCli(['export', FIXTURE, '--out', b, '--as-of', '2026-11-24', '--config', CONFIG], { today: '2031-02-03' });
    expect(await files(b)).toEqual(await files(a));
  });

  it('follows the same filters as the pages: a medborgarlöfte without a page is not in the data', async () => {
    for (const extra of [[], ['--status', 'publicerad'], ['--id', 'grytby-2027-utkast', '--med-utkast']]) {
      const { out, data } = await site(FIXTURE, ...extra);
      const pages = (await fs.readdir(path.join(out, 'medborgarloften')).catch(() => [] as string[])).map((f) => f.replace(/\.html$/, '')).sort();
      const json = JSON.parse(data('medborgarloften.json')) as { medborgarloften: { id: string }[] };
      expect(json.medborgarloften.map((d) => d.id).sort(), extra.join(' ')).toEqual(pages);
    }
  });

  it('only ever writes inside --out: a data path outside it is refused', async () => {
    const { safeSitePath } = await import('../src/report/write.js');
    for (const ok of ['data/medborgarloften.json', 'data/oppna-data.schema.json', 'data/loften.csv', 'data/atom.xml', 'data/catalog.jsonld', 'data/catalog.rdf']) expect(safeSitePath(ok), ok).toBe(true);
    for (const bad of ['../data.json', 'data/../../x.csv', '/tmp/x.xml', 'data/.x.json', 'data/x.schema.schema.json', 'data/x.exe']) expect(safeSitePath(bad), bad).toBe(false);
  });
});

describe('medborgarloften.json', { timeout: 60_000 }, () => {
  it('validates against the JSON Schema lofte ships, which the file links', async () => {
    const { data } = await site();
    const json = JSON.parse(data('medborgarloften.json')) as Json;
    expect(json['$schema']).toBe('https://www.grytby.example/medborgarloften/data/oppna-data.schema.json');
    expect(json['format']).toEqual({ namn: 'lofte-medborgarloften', version: '1.0' });
    const shipped = readFileSync(path.join(ROOT, 'schemas', 'oppna-data.schema.json'), 'utf8');
    expect(data('oppna-data.schema.json')).toBe(shipped);
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const formats = (await import('ajv-formats')).default as unknown as { default: (a: unknown, f: string[]) => void };
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    formats.default(ajv, ['date', 'uri']);
    const validate = ajv.compile(JSON.parse(shipped) as object);
    for (const src of [FIXTURE, 'examples/parken', 'examples/vastra-blekinge']) {
      const out = tmp();
      expect((await exportData(src, out)).code).toBe(0);
      const doc = JSON.parse(readFileSync(path.join(out, 'medborgarloften.json'), 'utf8')) as unknown;
      expect(validate(doc) ? [] : validate.errors, src).toEqual([]);
    }
    // And the schema can fail: an intern problem picture with more than its title and summary.
    const broken = structuredClone(json) as { medborgarloften: { problembilder: Json[] }[] };
    const intern = broken.medborgarloften[0]?.problembilder.find((p) => p['sekretess'] === 'intern');
    expect(intern).toBeDefined();
    if (intern) intern['plats'] = 'x';
    expect(validate(broken)).toBe(false);
  });

  it('carries promises, actors, public problem pictures, every follow-up and each promise state', async () => {
    const { data } = await site();
    const json = JSON.parse(data('medborgarloften.json')) as { lage_per: string; licens: string; medborgarloften: Json[]; aktorer: Json[] };
    expect(json.lage_per).toBe('2026-11-24');
    expect(json.licens).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
    const doc = json.medborgarloften.find((d) => d['id'] === 'grytby-2026') as { loften: Json[]; problembilder: Json[]; uppfoljningar: Json[]; fas: Json; undertecknare: Json[] };
    expect(doc.fas).toEqual({ status: 'gallande', text: 'Gäller' });
    expect(doc.problembilder.map((p) => [p['id'], Object.keys(p).sort()])).toEqual([
      ['grytby-torget', ['beskrivning', 'faststalld', 'id', 'kallor', 'plats', 'sammanfattning', 'sekretess', 'titel']],
      ['grytby-langning', ['id', 'sammanfattning', 'sekretess', 'titel']],
    ]);
    expect((doc.problembilder[0]?.['kallor'] as Json[]).map((k) => k['typ'])).toEqual(['medborgardialog', 'medarbetardialog', 'underrattelse']);
    expect((doc.problembilder[0]?.['kallor'] as Json[])[2]).toEqual({ typ: 'underrattelse' });
    expect(doc.uppfoljningar.map((f) => [f['id'], f['datum'], (f['resultat'] as unknown[]).length])).toEqual([
      ['grytby-2026-h1', '2026-06-30', 4],
      ['grytby-2026-h2', '2026-10-31', 1],
    ]);
    const byId = new Map(doc.loften.map((l) => [l['id'], l as Json & { lage: Json; resultat: Json[]; ansvariga: Json[]; medverkande: Json[] }]));
    // State as the pages have it (src/report/state.ts): the year is over, the lamps done in October.
    expect(byId.get('formel')?.lage).toEqual({ status: 'genomfort', text: 'Genomfört', tidsgrans: '2026-12-31', tidsgrans_passerad: false, senast_uppfoljd: '2026-10-31', utfall_hittills: 40 });
    expect(byId.get('formel')?.resultat.map((r) => r['status'])).toEqual(['delvis_genomfort', 'genomfort']);
    expect(byId.get('langning')?.lage).toMatchObject({ status: 'ej_uppfoljt', text: 'Inte uppföljt' });
    expect(byId.get('matcher')?.lage).toMatchObject({ status: 'forsenat', tidsgrans: '2026-09-30', tidsgrans_passerad: true });
    // A joint promise with a deadline that could not be judged, with its evidence.
    expect(byId.get('trygghetsvandring')?.ansvariga.map((a) => a['id'])).toEqual(['lpo-grytby', 'grytby-kommun']);
    expect(byId.get('trygghetsvandring')?.['senast']).toBe('2026-05-30');
    expect(byId.get('trygghetsvandring')?.lage).toEqual({ status: 'kan_ej_bedomas', text: 'Kan inte bedömas', tidsgrans: '2026-05-30', tidsgrans_passerad: true, senast_uppfoljd: '2026-06-30' });
    expect(byId.get('trygghetsvandring')?.resultat[0]).toMatchObject({ status: 'kan_ej_bedomas', orsak: 'Protokollet från vandringen har inte kommit in.', belagg: [{ beskrivning: 'Kallelse till trygghetsvandringen', url: 'https://www.grytby.example/kallelse.pdf' }] });
    expect(byId.get('langning')?.medverkande).toEqual([{ id: 'lpo-grytby', namn: 'Lokalpolisområde Grytby', typ: 'lokalpolisomrade' }]);
    expect(doc.undertecknare).toEqual([{ aktor: { id: 'lpo-grytby', namn: 'Lokalpolisområde Grytby', typ: 'lokalpolisomrade' }, roll: 'Lokalpolisområdeschef', datum: '2025-12-01' }]);
    expect(json.aktorer.map((a) => a['id'])).toEqual(['grytby-bk', 'grytby-kommun', 'lpo-grytby']);
  });
});

describe('CSV for Excel', { timeout: 60_000 }, () => {
  it('is UTF-8 with a BOM, ; between fields, CRLF line ends, and reads back exactly with a CSV parser', async () => {
    const { data } = await site(FIXTURE, '--med-utkast');
    for (const f of ['loften.csv', 'uppfoljningar.csv']) {
      const text = data(f);
      expect(text.startsWith('\uFEFF'), f).toBe(true);
      expect(text.endsWith('\r\n'), f).toBe(true);
      const rows = parseCsv(text, { bom: true, delimiter: ';', record_delimiter: '\r\n', relax_column_count: false }) as string[][];
      expect(rows.length, f).toBeGreaterThan(1);
      for (const r of rows) expect(r.length, f).toBe(rows[0]?.length);
    }
    const promises = parseCsv(data('loften.csv'), { bom: true, delimiter: ';', record_delimiter: '\r\n', columns: true }) as Record<string, string>[];
    expect(promises.map((r) => r['Löftets id'])).toEqual(['torgvakt', 'formel', 'langning', 'trygghetsvandring', 'matcher', 'torgvakt']);
    expect(promises[3]).toMatchObject({ Ansvarig: 'Lokalpolisområde Grytby, Grytby kommun', Senast: '2026-05-30', Läge: 'Kan inte bedömas', 'Läge (kod)': 'kan_ej_bedomas' });
    const torgvakt = promises[0] ?? {};
    // Quotes, ; and a line break in the text survive the round trip.
    expect(torgvakt['Löfte']).toBe('Polisen lovar att gå "torgvakt" på Stora torget; varje fredag kväll\nfrån klockan 21 till 01.');
    expect(torgvakt).toMatchObject({ Medborgarlöfte: 'Medborgarlöften för Grytby 2026', Kommuner: 'Grytby kommun', Lokalpolisområde: 'Lokalpolisområde Grytby', Ansvarig: 'Lokalpolisområde Grytby', Senast: '2026-12-31', 'Utlovad omfattning': '1 i veckan', 'Utfall hittills': '24', Läge: 'Pågår', 'Läge (kod)': 'pagaende', 'Senast uppföljd': '2026-06-30' });
    // A formula is text: a leading apostrophe, which Excel hides.
    expect(promises[1]?.['Löfte']?.startsWith(`'=HYPERLINK("http://evil.example";"klicka")`)).toBe(true);
    const results = parseCsv(data('uppfoljningar.csv'), { bom: true, delimiter: ';', record_delimiter: '\r\n', columns: true }) as Record<string, string>[];
    expect(results.map((r) => [r['Uppföljningens id'], r['Löftets id'], r['Status (kod)']])).toEqual([
      ['grytby-2026-h1', 'torgvakt', 'pagaende'],
      ['grytby-2026-h1', 'formel', 'delvis_genomfort'],
      ['grytby-2026-h1', 'trygghetsvandring', 'kan_ej_bedomas'],
      ['grytby-2026-h1', 'matcher', 'pagaende'],
      ['grytby-2026-h2', 'formel', 'genomfort'],
    ]);
    expect(results[2]?.['Belägg']).toBe('Kallelse till trygghetsvandringen https://www.grytby.example/kallelse.pdf');
    expect(results[0]?.['Kommentar']).toBe('Torgvakt 24 fredagar; två ställdes in vid "storhelg"; se\nveckorapporterna.');
    expect(results[1]?.['Orsak']).toBe("'-25 % av lamporna levererades sent; @leverantören");
    expect(results[4]?.['Kommentar']).toBe("'+15 lampor under hösten.");
  });

  it('guards every cell that a spreadsheet would run as a formula', () => {
    for (const [value, cell] of [
      ['=1+1', "'=1+1"],
      ['+46 70', "'+46 70"],
      ['-2', "'-2"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1', "'\t=1"],
      [' =1', '" =1"'],
      ['a;b', '"a;b"'],
      ['say "hi"', '"say ""hi"""'],
      ['two\nlines', '"two\nlines"'],
      ['vanlig text', 'vanlig text'],
    ] as const) {
      expect(csvCell(value), value).toBe(cell);
    }
    // Any text reads back as written (or with the guarding apostrophe), whatever it holds.
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'å', ';', '"', '\n', '\r', ' ', '=', '-', '@', '+', 'x') }), { minLength: 1, maxLength: 4 }), (cells) => {
        const rows = parseCsv([...csvPieces(['a', 'b', 'c', 'd'].slice(0, cells.length), [cells])].join(''), { bom: true, delimiter: ';', record_delimiter: '\r\n' }) as string[][];
        expect(rows[1]).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
      }),
      { numRuns: 300, seed: 18 },
    );
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(2.5)).toBe('2,5');
  });
});

describe('atom.xml', { timeout: 60_000 }, () => {
  it('is well-formed Atom with RFC 4287’s required elements, newest first, dates from the data', async () => {
    const { data } = await site(FIXTURE, ...BOTH);
    const doc = strictXml(data('atom.xml'));
    const ATOM = 'http://www.w3.org/2005/Atom';
    const feed = doc.documentElement;
    expect([feed?.namespaceURI, feed?.localName]).toEqual([ATOM, 'feed']);
    const child = (el: Element | Document['documentElement'], name: string): Element[] => [...(el?.childNodes ?? [])].filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ATOM && (n as Element).localName === name) as Element[];
    const one = (el: Element | Document['documentElement'], name: string): string => {
      const found = child(el, name);
      expect(found.length, name).toBe(1);
      return found[0]?.textContent ?? '';
    };
    const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    expect(one(feed, 'id')).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one(feed, 'title')).toBe('Medborgarlöften: nya löften och uppföljningar');
    // The draft for 2027 is dated when it starts, which is after --as-of: no entry is dated after it.
    expect(one(feed, 'updated')).toBe('2026-11-24T00:00:00Z');
    expect(child(feed, 'author').length).toBeGreaterThan(0);
    expect(child(feed, 'link').map((l) => [l.getAttribute('rel'), l.getAttribute('href')])).toEqual([
      ['alternate', 'https://www.grytby.example/medborgarloften/index.html'],
      ['self', 'https://www.grytby.example/medborgarloften/data/atom.xml'],
    ]);
    const entries = child(feed, 'entry');
    // One per medborgarlöfte (the draft too, when asked for, as the pages have it) and one per follow-up.
    expect(entries.length).toBe(4);
    const ids = new Set<string>();
    const dates: string[] = [];
    for (const e of entries) {
      ids.add(one(e, 'id'));
      const updated = one(e, 'updated');
      expect(updated).toMatch(RFC3339);
      dates.push(updated);
      expect(one(e, 'title').length).toBeGreaterThan(0);
      expect(child(e, 'author').length).toBe(1);
      const link = child(e, 'link').find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
      expect(link?.getAttribute('href')).toMatch(/^https:\/\/www\.grytby\.example\/medborgarloften\/medborgarloften\/grytby-20[0-9a-z-]+\.html(#uppfoljning)?$/);
      expect(one(e, 'summary').length).toBeGreaterThan(0);
    }
    expect(ids.size).toBe(entries.length);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates).toEqual(['2026-11-24T00:00:00Z', '2026-10-31T00:00:00Z', '2026-06-30T00:00:00Z', '2025-12-10T00:00:00Z']);
  });

  it('keeps its ids when other content changes, and stays well-formed with any text', async () => {
    const a = await site();
    const ids = (xml: string): string[] => [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1] ?? '').sort();
    const copy = tmp();
    cpSync(FIXTURE, copy, { recursive: true });
    const file = path.join(copy, 'medborgarlofte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('titel: Medborgarlöften för Grytby 2026', 'titel: "Grytby <2026> & \\"trygghet\\" ]]> <!--"'));
    const b = await site(copy);
    expect(ids(b.data('atom.xml'))).toEqual(ids(a.data('atom.xml')));
    expect(() => strictXml(b.data('atom.xml'))).not.toThrow();
    const titles = [...strictXml(b.data('atom.xml')).getElementsByTagName('title')].map((t) => t.textContent);
    expect(titles).toContain('Grytby <2026> & "trygghet" ]]> <!--');
    // Characters XML 1.0 does not allow at all become U+FFFD rather than a broken feed.
    expect(xmlText('a\u0001b\uD800c')).toBe('a\uFFFDb\uFFFDc');
  });
});

describe('catalog.jsonld and catalog.rdf (DCAT-AP-SE)', { timeout: 60_000 }, () => {
  const DCAT = 'http://www.w3.org/ns/dcat#';
  const DCT = 'http://purl.org/dc/terms/';

  it('has DCAT-AP-SE’s mandatory properties, absolute IRIs and no blank nodes when the site is configured', async () => {
    const { data } = await site();
    const ld = JSON.parse(data('catalog.jsonld')) as { '@context': Record<string, string>; '@graph': Json[] };
    expect(ld['@context']).toMatchObject({ dcat: DCAT, dct: DCT, foaf: 'http://xmlns.com/foaf/0.1/', vcard: 'http://www.w3.org/2006/vcard/ns#' });
    const nodes = ld['@graph'];
    const byType = (t: string): Json[] => nodes.filter((n) => n['@type'] === t);
    const all = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : v === undefined ? [] : [v as Json]);
    const node = (ref: unknown): Json | undefined => nodes.find((n) => n['@id'] === (ref as Json | undefined)?.['@id']);
    const sv = (v: unknown): void => {
      expect(v).toMatchObject({ '@language': 'sv' });
      expect(String((v as Json)['@value']).length).toBeGreaterThan(0);
    };
    const [catalog] = byType('dcat:Catalog');
    expect(catalog).toBeDefined();
    sv(catalog?.['dct:title']);
    sv(catalog?.['dct:description']);
    expect(node(catalog?.['dct:publisher'])?.['foaf:name']).toEqual({ '@value': 'Grytby kommun', '@language': 'sv' });
    expect(catalog?.['dct:license']).toEqual({ '@id': 'http://creativecommons.org/publicdomain/zero/1.0/' });
    const datasets = all(catalog?.['dcat:dataset']).map(node);
    expect(datasets.length).toBeGreaterThan(0);
    for (const ds of datasets) {
      sv(ds?.['dct:title']);
      sv(ds?.['dct:description']);
      expect(node(ds?.['dct:publisher'])?.['@type']).toBe('foaf:Agent');
      const contact = node(ds?.['dcat:contactPoint']);
      expect(contact?.['vcard:fn']).toBe('Grytby kommun');
      expect(contact?.['vcard:hasEmail']).toEqual({ '@id': 'mailto:trygghet@grytby.example' });
      expect(all(ds?.['dcat:theme'])).toContainEqual({ '@id': 'http://publications.europa.eu/resource/authority/data-theme/JUST' });
      // Dates from the data: first published 2025-12-10, last follow-up 2026-10-31.
      expect([ds?.['dct:issued'], ds?.['dct:modified']]).toEqual([
        { '@value': '2025-12-10', '@type': 'xsd:date' },
        { '@value': '2026-10-31', '@type': 'xsd:date' },
      ]);
      const distributions = all(ds?.['dcat:distribution']).map(node);
      expect(distributions.length).toBe(4);
      for (const d of distributions) {
        expect(d?.['@type']).toBe('dcat:Distribution');
        expect((d?.['dcat:accessURL'] as Json)['@id']).toMatch(/^https:\/\/www\.grytby\.example\/medborgarloften\/data\/[a-z.-]+$/);
        expect(d?.['dcat:downloadURL']).toEqual(d?.['dcat:accessURL']);
        expect((d?.['dcat:mediaType'] as Json)['@id']).toMatch(/^http:\/\/www\.iana\.org\/assignments\/media-types\/(application\/json|text\/csv|application\/atom\+xml)$/);
        expect(d?.['dct:license']).toEqual({ '@id': 'http://creativecommons.org/publicdomain/zero/1.0/' });
        sv(d?.['dct:title']);
      }
    }
    expect(node({ '@id': (catalog?.['dct:publisher'] as Json)['@id'] })?.['@id']).toBe('http://dataportal.se/organisation/SE2120000001');
    // dataportal.se: every IRI absolute, and no blank nodes for the things it describes.
    for (const n of nodes) expect(n['@id'], JSON.stringify(n)).toMatch(/^https?:\/\//);
    const iris = JSON.stringify(ld).match(/"@id": "[^"]*"/g) ?? [];
    for (const i of iris) expect(i).toMatch(/"@id": "(https?|mailto):/);
  });

  it('says the same in RDF/XML, the syntax dataportal.se harvests', async () => {
    const { data } = await site();
    const rdf = strictXml(data('catalog.rdf'));
    const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
    expect([rdf.documentElement?.namespaceURI, rdf.documentElement?.localName]).toEqual([RDF, 'RDF']);
    const ld = JSON.parse(data('catalog.jsonld')) as { '@graph': Json[] };
    const described = [...(rdf.documentElement?.childNodes ?? [])].filter((n) => n.nodeType === 1) as unknown as Element[];
    expect(described.map((e) => e.getAttributeNS(RDF, 'about'))).toEqual(ld['@graph'].map((n) => n['@id']));
    const catalog = described[0];
    expect([catalog?.namespaceURI, catalog?.localName]).toEqual([DCAT, 'Catalog']);
    const title = catalog?.getElementsByTagNameNS(DCT, 'title')[0];
    expect([title?.textContent, title?.getAttribute('xml:lang')]).toEqual(['Medborgarlöften', 'sv']);
  });

  it('takes the licence from the config, and the pages say it too', async () => {
    const dir = tmp();
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'lofte.config.yaml'), `${readFileSync(CONFIG, 'utf8')}  licens: http://creativecommons.org/licenses/by/4.0/\n`);
    const out = tmp();
    expect((await report(dir, out, '--config', path.join(dir, 'lofte.config.yaml'))).code).toBe(0);
    const ld = JSON.parse(readFileSync(path.join(out, 'data', 'catalog.jsonld'), 'utf8')) as { '@graph': Json[] };
    expect(ld['@graph'][0]?.['dct:license']).toEqual({ '@id': 'http://creativecommons.org/licenses/by/4.0/' });
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('under licensen <a href="http://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.');
  });

  it('rejects a licence that is not an address, as a config error with its place', async () => {
    const dir = tmp();
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'lofte.config.yaml'), 'oppna_data:\n  licens: CC0\n');
    const r = await exportData(dir, tmp(), '--config', path.join(dir, 'lofte.config.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lofte\.config\.yaml\n\s+2:11\s+fel\s+`CC0` har fel form för `licens`\.\s+config\n/);
  });
});

describe('the pages link the data', { timeout: 60_000 }, () => {
  it('every page links the feed, its footer says where the data is and its licence, the index explains it', async () => {
    const { out } = await site(FIXTURE, '--format', 'both');
    for (const [rel, content] of await files(out)) {
      if (rel.endsWith('.html')) {
        const depth = rel.split('/').length - 1;
        const up = '../'.repeat(depth);
        expect(content, rel).toContain(`<link rel="alternate" type="application/atom+xml" title="Medborgarlöften: nya löften och uppföljningar" href="${up}data/atom.xml">`);
        expect(content, rel).toContain(`<p>Uppgifterna finns också som öppna data: <a href="${up}data/medborgarloften.json">JSON</a>, <a href="${up}data/loften.csv">CSV</a> och ett <a href="${up}data/atom.xml">Atom-flöde</a>, under licensen <a href="http://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0</a>.</p></footer>`);
      }
      if (rel.endsWith('.md')) expect(content, rel).toContain('Uppgifterna finns också som öppna data: [JSON](<');
    }
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('<h2 id="oppna-data">Öppna data</h2>');
    expect(index).toContain('<a href="data/catalog.jsonld">DCAT-AP-SE-beskrivning</a>');
  });

  it('describes each promise as a schema.org Action in JSON-LD that no text can break out of', async () => {
    const { out } = await site();
    const html = readFileSync(path.join(out, 'medborgarloften', 'grytby-2026.html'), 'utf8');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBe(1);
    // The promise text holds "</script><!--": inside the block there is no < at all.
    expect(blocks[0]).not.toMatch(/[<>&]/);
    const ld = JSON.parse(blocks[0] ?? '') as { '@context': string; '@graph': Json[] };
    expect(ld['@context']).toBe('https://schema.org');
    const actions = ld['@graph'];
    expect(actions.map((a) => a['@type'])).toEqual(['Action', 'Action', 'Action', 'Action', 'Action']);
    const joint = actions.find((a) => String(a['@id']).endsWith('#lofte-trygghetsvandring'));
    // Could not be judged, and its deadline has passed: no status is claimed.
    expect(joint).toMatchObject({ agent: [{ '@type': 'GovernmentOrganization', name: 'Lokalpolisområde Grytby' }, { '@type': 'GovernmentOrganization', name: 'Grytby kommun' }], endTime: '2026-05-30' });
    expect(joint?.['actionStatus']).toBeUndefined();
    const formel = actions.find((a) => a['@id'] === 'https://www.grytby.example/medborgarloften/medborgarloften/grytby-2026.html#lofte-formel');
    expect(formel).toMatchObject({
      name: '=HYPERLINK("http://evil.example";"klicka") Grytby kommun lovar att tända 40 nya lampor </script><!-- kring torget & gångvägen.',
      agent: [{ '@type': 'GovernmentOrganization', name: 'Grytby kommun' }],
      object: [{ '@type': 'Thing', name: 'Oro kring torget på fredagskvällar' }],
      actionStatus: 'https://schema.org/CompletedActionStatus',
      endTime: '2026-12-31',
    });
    const matcher = actions.find((a) => String(a['@id']).endsWith('#lofte-matcher'));
    expect(matcher).toMatchObject({ agent: [{ '@type': 'Organization', name: 'Grytby BK' }], actionStatus: 'https://schema.org/ActiveActionStatus', startTime: '2026-04-01', endTime: '2026-09-30' });
    // Only the medborgarlöfte pages carry JSON-LD.
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toContain('application/ld+json');
    expect(scriptSafeJson({ t: '</script><!--\u2028' })).toBe('{"t":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
  });

  it('no string can end the JSON-LD block or change what it says', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('</script>', '<!--', '</SCRIPT ', '<script>', ']]>', '\u2028\u2029', '&lt;')), (text) => {
        const out = scriptSafeJson({ name: text });
        expect(out).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(out)).toEqual({ name: text });
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});

describe('nothing internal and no personal data in any data file', { timeout: 60_000 }, () => {
  it('no intern marker, Markdown comment, personnummer, signatory name or contact reaches the data', async () => {
    const dir = tmp();
    cpSync(FIXTURE, dir, { recursive: true });
    cpSync(fixture('report-leak'), path.join(dir, 'leak'), { recursive: true });
    // The leak fixture is a repository of its own (its config); here its files join this one.
    rmSync(path.join(dir, 'leak', 'lofte.config.yaml'));
    // Personnummer where nothing is published: the rule is off here so that the report runs at all.
    writeFileSync(
      path.join(dir, 'personnummer.yaml'),
      'apiVersion: lofte/v1\nkind: Problembild\nid: pnr-intern\ntitel: Otrygghet vid stationen\nlokalpolisomrade: lpo-grytby\nkommuner: [grytby-kommun]\nfaststalld: 2025-11-03\nsammanfattning: Resenärer känner sig otrygga vid stationen.\nsekretess: intern\nbeskrivning: Anmälan från 19121212-1212.\nkallor:\n  - typ: medborgardialog\n    beskrivning: Samtal med 811218-9876\nintern: PNR 19121212-1212\n',
    );
    writeFileSync(path.join(dir, 'medborgarlofte.yaml'), readFileSync(path.join(dir, 'medborgarlofte.yaml'), 'utf8').replace('    problembild: grytby-langning', '    problembild: [grytby-langning, pnr-intern]'));
    const config = path.join(dir, 'lofte.config.yaml');
    writeFileSync(config, `${readFileSync(CONFIG, 'utf8')}regler:\n  personal-data: off\n`);
    const out = tmp();
    const r = await report(dir, out, '--config', config, '--format', 'both');
    expect(r.code, r.stderr).toBe(0);
    const data = [...(await files(out))].filter(([rel]) => rel.startsWith('data/'));
    expect(data.length).toBe(DATA_FILES.length);
    for (const [rel, content] of data) {
      for (const marker of ['LEAKMARK', 'PERSONMARK', 'KONTAKTMARK', '1212', '9876', '9173', '8231']) expect(content, `${rel}: ${marker}`).not.toContain(marker);
    }
    // The markers were there to leak: the public parts of the same entities are in the data.
    const json = readFileSync(path.join(out, 'data', 'medborgarloften.json'), 'utf8');
    for (const publicText of ['Otrygghet vid stationen', 'Resenärer känner sig otrygga vid stationen.', 'Narkotikaförsäljning via sociala medier', 'Lokalpolisområdeschef', 'Grytby ska vara tryggt också på fredagskvällar.', 'Första halvåret. Resten är offentligt.', 'Fler anmälningar om ordningsstörningar.']) expect(json).toContain(publicText);
  });

  it('with the personal-data rule on, a personnummer anywhere stops export before anything is written', async () => {
    const dir = tmp();
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'aktorer.yaml'), readFileSync(path.join(dir, 'aktorer.yaml'), 'utf8').replace('intern: LEAKMARK-aktor-intern', 'intern: Ring 19121212-1212'));
    const out = path.join(dir, 'ut');
    const r = await exportData(dir, out, '--config', path.join(dir, 'lofte.config.yaml'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('personal-data');
    expect(await fs.readdir(out).catch(() => [])).toEqual([]);
  });
});
