// The DCAT-AP-SE description of the open data (catalog → dataset → distributions), as one small RDF
// graph written twice: JSON-LD (catalog.jsonld) and RDF/XML (catalog.rdf, the syntax dataportal.se
// harvests). Dates come from the data, names and addresses from lofte.config.yaml.

import { siteUrl } from './ids.js';
import { dataDates, type OpenData } from './open-data.js';
import type { OpenDataSettings } from './settings.js';
import { xmlText } from './xml.js';

export const PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

type Value = { iri: string } | { text: string; lang?: 'sv'; date?: true };
export interface RdfNode {
  id: string;
  type: string;
  props: [string, Value][];
}

const EU = 'http://publications.europa.eu/resource/authority';
const IANA = 'http://www.iana.org/assignments/media-types';

/** The data files and how each is described: path in the site, Swedish title and text, format. */
export const DISTRIBUTIONS = [
  { key: 'json', file: 'data/medborgarloften.json', mediaType: 'application/json', format: 'JSON', title: 'Medborgarlöften som JSON', description: 'Alla publicerade medborgarlöften med löften, ansvariga och medverkande aktörer, problembildernas offentliga delar, varje uppföljning och varje löftes läge. Formatet beskrivs av ett JSON Schema.' },
  { key: 'csv-loften', file: 'data/loften.csv', mediaType: 'text/csv', format: 'CSV', title: 'Löften som CSV', description: 'En rad per löfte: medborgarlöfte, kommuner, lokalpolisområde, ansvarig, löftestext, tidsgräns, utlovad omfattning, utfall hittills, läge och senaste uppföljning. Semikolon mellan fälten, UTF-8 med BOM.' },
  { key: 'csv-resultat', file: 'data/uppfoljningar.csv', mediaType: 'text/csv', format: 'CSV', title: 'Uppföljningsresultat som CSV', description: 'En rad per resultat i varje uppföljning: status, utfall, kommentar, orsak och belägg. Semikolon mellan fälten, UTF-8 med BOM.' },
  { key: 'atom', file: 'data/atom.xml', mediaType: 'application/atom+xml', format: undefined, title: 'Nyheter som Atom-flöde', description: 'Ett flöde med varje publicerat medborgarlöfte och varje uppföljning, nyast först.' },
] as const;

export const SCHEMA_PATH = 'data/oppna-data.schema.json';

const sv = (text: string): Value => ({ text, lang: 'sv' });
const iri = (i: string): Value => ({ iri: i });
const date = (d: string): Value => ({ text: d, date: true });

/** The graph: catalog, dataset, distributions, publisher and contact point, each with its own IRI. */
export function catalogGraph(data: OpenData, settings: OpenDataSettings): RdfNode[] {
  const base = settings.webbplats;
  // Identifiers of the things described: absolute under the site address, else relative to the catalog file.
  const here = (fragment: string): string => (base ? siteUrl(base, `data/#${fragment}`) : `#${fragment}`);
  const url = (file: string): string => siteUrl(base, file, 'data/catalog.jsonld');
  const { issued, modified } = dataDates(data);
  const dates: [string, Value][] = [...(issued ? [['dct:issued', date(issued)] as [string, Value]] : []), ...(modified ? [['dct:modified', date(modified)] as [string, Value]] : [])];
  const licence = iri(settings.licens);
  const publisher = settings.utgivare ? { id: settings.utgivare.url ?? here('utgivare'), name: settings.utgivare.namn } : undefined;
  const kommuner = [...new Set(data.medborgarloften.flatMap((d) => d.kommuner.map((k) => k.namn)))].sort((a, b) => a.localeCompare(b, 'sv'));
  const nodes: RdfNode[] = [];
  nodes.push({
    id: here('katalog'),
    type: 'dcat:Catalog',
    props: [
      ['dct:title', sv('Medborgarlöften')],
      ['dct:description', sv('Katalog över öppna data om lokala medborgarlöften från lokalpolisområden, kommuner och andra lokala aktörer, med uppföljningar.')],
      ...(publisher ? [['dct:publisher', iri(publisher.id)] as [string, Value]] : []),
      ['dct:license', licence],
      ['dct:language', iri(`${EU}/language/SWE`)],
      ['dcat:themeTaxonomy', iri(`${EU}/data-theme`)],
      ...(base ? [['foaf:homepage', iri(url('index.html'))] as [string, Value]] : []),
      ...dates,
      ['dcat:dataset', iri(here('medborgarloften'))],
    ],
  });
  nodes.push({
    id: here('medborgarloften'),
    type: 'dcat:Dataset',
    props: [
      ['dct:title', sv('Medborgarlöften och deras uppföljning')],
      ['dct:description', sv(`Tidsatta löften som lokalpolisområden ger medborgarna tillsammans med kommuner och andra lokala aktörer, grundade i en lokal problembild, och hur det har gått med varje löfte.${kommuner.length > 0 ? ` Kommuner: ${kommuner.join(', ')}.` : ''}`)],
      ...(publisher ? [['dct:publisher', iri(publisher.id)] as [string, Value]] : []),
      ...(settings.kontakt ? [['dcat:contactPoint', iri(here('kontakt'))] as [string, Value]] : []),
      ['dcat:theme', iri(`${EU}/data-theme/JUST`)],
      ['dcat:theme', iri(`${EU}/data-theme/GOVE`)],
      ['dcat:keyword', sv('medborgarlöften')],
      ['dcat:keyword', sv('polisen')],
      ['dcat:keyword', sv('trygghet')],
      ['dcat:keyword', sv('brottsförebyggande arbete')],
      ['dct:language', iri(`${EU}/language/SWE`)],
      ['dct:accessRights', iri(`${EU}/access-right/PUBLIC`)],
      ['dcat:landingPage', iri(url('index.html'))],
      ...dates,
      ...DISTRIBUTIONS.map((d): [string, Value] => ['dcat:distribution', iri(here(`distribution-${d.key}`))]),
    ],
  });
  for (const d of DISTRIBUTIONS) {
    nodes.push({
      id: here(`distribution-${d.key}`),
      type: 'dcat:Distribution',
      props: [
        ['dct:title', sv(d.title)],
        ['dct:description', sv(d.description)],
        ['dcat:accessURL', iri(url(d.file))],
        ['dcat:downloadURL', iri(url(d.file))],
        ['dcat:mediaType', iri(`${IANA}/${d.mediaType}`)],
        ...(d.format ? [['dct:format', iri(`${EU}/file-type/${d.format}`)] as [string, Value]] : []),
        ...(d.key === 'json' ? [['dct:conformsTo', iri(url(SCHEMA_PATH))] as [string, Value]] : []),
        ['dct:license', licence],
        ...dates,
      ],
    });
  }
  if (publisher) nodes.push({ id: publisher.id, type: 'foaf:Agent', props: [['foaf:name', sv(publisher.name)]] });
  if (settings.kontakt) {
    nodes.push({ id: here('kontakt'), type: 'vcard:Organization', props: [['vcard:fn', { text: settings.kontakt.namn }], ['vcard:hasEmail', iri(`mailto:${settings.kontakt.epost}`)]] });
  }
  return nodes;
}

function jsonValue(v: Value): unknown {
  if ('iri' in v) return { '@id': v.iri };
  if (v.date) return { '@value': v.text, '@type': 'xsd:date' };
  return v.lang ? { '@value': v.text, '@language': v.lang } : v.text;
}

export function catalogJsonLd(nodes: readonly RdfNode[]): string {
  const graph = nodes.map((n) => {
    const o: Record<string, unknown> = { '@id': n.id, '@type': n.type };
    for (const [p, v] of n.props) {
      const value = jsonValue(v);
      const old = o[p];
      o[p] = old === undefined ? value : Array.isArray(old) ? [...(old as unknown[]), value] : [old, value];
    }
    return o;
  });
  return `${JSON.stringify({ '@context': PREFIXES, '@graph': graph }, null, 2)}\n`;
}

export function catalogRdfXml(nodes: readonly RdfNode[]): string {
  const ns = Object.entries(PREFIXES).map(([p, u]) => ` xmlns:${p}="${u}"`).join('');
  const out = ['<?xml version="1.0" encoding="utf-8"?>', `<rdf:RDF${ns}>`];
  for (const n of nodes) {
    out.push(`  <${n.type} rdf:about="${xmlText(n.id)}">`);
    for (const [p, v] of n.props) {
      if ('iri' in v) out.push(`    <${p} rdf:resource="${xmlText(v.iri)}"/>`);
      else if (v.date) out.push(`    <${p} rdf:datatype="${PREFIXES.xsd}date">${xmlText(v.text)}</${p}>`);
      else out.push(`    <${p}${v.lang ? ` xml:lang="${v.lang}"` : ''}>${xmlText(v.text)}</${p}>`);
    }
    out.push(`  </${n.type}>`);
  }
  out.push('</rdf:RDF>', '');
  return out.join('\n');
}

/** What a catalog needs for dataportal.se that the configuration does not give: config fields to add. */
export function missingForHarvest(settings: OpenDataSettings): string[] {
  return [settings.webbplats ? undefined : 'webbplats.adress', settings.utgivare ? undefined : 'webbplats.utgivare', settings.kontakt ? undefined : 'webbplats.kontakt.epost (eller oppna_data.kontakt)'].filter((x): x is string => x !== undefined);
}
