// The open data files of a report, as (path, content) pairs for the site writer: the JSON with its
// schema, CSV for Excel, the Atom feed, and the DCAT-AP-SE catalog in JSON-LD and RDF/XML.

import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { atomFeed } from './atom.js';
import { promisesCsv, resultsCsv } from './csv.js';
import { catalogGraph, catalogJsonLd, catalogRdfXml, DISTRIBUTIONS, SCHEMA_PATH, type RdfNode } from './dcat.js';
import { siteUrl } from './ids.js';
import type { OpenData } from './open-data.js';
import type { OpenDataSettings } from './settings.js';

export const DATA_DIR = 'data';
export const SCHEMA_SOURCE = 'oppna-data.schema.json';

export function openDataJson(data: OpenData, settings: OpenDataSettings): string {
  // `$schema` is absolute when the site's address is known, else the copy beside the file.
  const schema = settings.webbplats ? siteUrl(settings.webbplats, SCHEMA_PATH) : SCHEMA_PATH.slice(DATA_DIR.length + 1);
  const { format, lage_per, medborgarloften, aktorer } = data;
  return `${JSON.stringify({ $schema: schema, format, lage_per, licens: settings.licens, medborgarloften, aktorer }, null, 2)}\n`;
}

const file = (key: (typeof DISTRIBUTIONS)[number]['key']): string => DISTRIBUTIONS.find((d) => d.key === key)?.file ?? '';

/**
 * Every data file with its path in the site (`data/…`), each made only when it is asked for (a
 * national site's JSON is tens of megabytes). `inSite: false` gives the paths relative to the data
 * folder itself, for `lofte export`, which writes the folder alone.
 */
export function dataFiles(data: OpenData, settings: OpenDataSettings, inSite = true): [string, () => string][] {
  let graph: RdfNode[] | undefined;
  const catalog = (): RdfNode[] => (graph ??= catalogGraph(data, settings));
  const files: [string, () => string][] = [
    [file('json'), () => openDataJson(data, settings)],
    [SCHEMA_PATH, () => readFileSync(packagePath('schemas', SCHEMA_SOURCE), 'utf8')],
    [file('csv-loften'), () => promisesCsv(data)],
    [file('csv-resultat'), () => resultsCsv(data)],
    [file('atom'), () => atomFeed(data, settings)],
    [`${DATA_DIR}/catalog.jsonld`, () => catalogJsonLd(catalog())],
    [`${DATA_DIR}/catalog.rdf`, () => catalogRdfXml(catalog())],
  ];
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return inSite ? files : files.map(([p, c]) => [p.slice(DATA_DIR.length + 1), c]);
}
