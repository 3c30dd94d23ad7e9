// The open data files of a report, as (path, content) pairs for the site writer: the JSON with its
// schema, CSV for Excel, the Atom feed, and the DCAT-AP-SE catalog in JSON-LD and RDF/XML.

import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { SiteContent } from '../report/write.js';
import { atomFeedPieces } from './atom.js';
import { promisesCsvPieces, resultsCsvPieces } from './csv.js';
import { catalogGraph, catalogJsonLd, catalogRdfXml, DISTRIBUTIONS, SCHEMA_PATH, type RdfNode } from './dcat.js';
import { siteUrl } from './ids.js';
import type { OpenData } from './open-data.js';
import type { OpenDataSettings } from './settings.js';

export const DATA_DIR = 'data';
export const SCHEMA_SOURCE = 'oppna-data.schema.json';

/** `[\n  [\n` and `\n  ]\n]` around a value stringified two lists in (its lines indented by four). */
const NESTED_OPEN = '[\n  [\n'.length;
const NESTED_CLOSE = '\n  ]\n]'.length;

/**
 * The JSON file in pieces, one medborgarlöfte each, the same bytes as `JSON.stringify(…, null, 2)`
 * of the whole: a national file is tens of megabytes, and as one string it was the report's peak.
 */
export function* openDataJsonPieces(data: OpenData, settings: OpenDataSettings): Iterable<string> {
  // `$schema` is absolute when the site's address is known, else the copy beside the file.
  const schema = settings.webbplats ? siteUrl(settings.webbplats, SCHEMA_PATH) : SCHEMA_PATH.slice(DATA_DIR.length + 1);
  const { format, lage_per, medborgarloften, aktorer } = data;
  const whole = JSON.stringify({ $schema: schema, format, lage_per, licens: settings.licens, medborgarloften: [], aktorer }, null, 2);
  // Only a key starts a line at the first level, so this is the list's place and no text's.
  const hole = '\n  "medborgarloften": []';
  if (medborgarloften.length === 0) {
    yield `${whole}\n`;
    return;
  }
  const at = whole.indexOf(hole);
  yield `${whole.slice(0, at)}\n  "medborgarloften": [`;
  // Each document as it stands in the list, two levels in: stringified in a list in a list, whose
  // brackets are cut off, rather than indented line by line afterwards (a second pass over the text).
  for (const [i, d] of medborgarloften.entries()) {
    const nested = JSON.stringify([[d]], null, 2);
    yield `${i === 0 ? '' : ','}\n${nested.slice(NESTED_OPEN, nested.length - NESTED_CLOSE)}`;
  }
  yield `\n  ]${whole.slice(at + hole.length)}\n`;
}

const file = (key: (typeof DISTRIBUTIONS)[number]['key']): string => DISTRIBUTIONS.find((d) => d.key === key)?.file ?? '';

/**
 * Every data file with its path in the site (`data/…`), each made only when it is asked for (a
 * national site's JSON is tens of megabytes). `inSite: false` gives the paths relative to the data
 * folder itself, for `lofte export`, which writes the folder alone.
 */
export function dataFiles(data: OpenData, settings: OpenDataSettings, inSite = true): [string, () => SiteContent][] {
  let graph: RdfNode[] | undefined;
  const catalog = (): RdfNode[] => (graph ??= catalogGraph(data, settings));
  const files: [string, () => SiteContent][] = [
    [file('json'), () => openDataJsonPieces(data, settings)],
    [SCHEMA_PATH, () => readFileSync(packagePath('schemas', SCHEMA_SOURCE), 'utf8')],
    [file('csv-loften'), () => promisesCsvPieces(data)],
    [file('csv-resultat'), () => resultsCsvPieces(data)],
    [file('atom'), () => atomFeedPieces(data, settings)],
    [`${DATA_DIR}/catalog.jsonld`, () => catalogJsonLd(catalog())],
    [`${DATA_DIR}/catalog.rdf`, () => catalogRdfXml(catalog())],
  ];
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return inSite ? files : files.map(([p, c]) => [p.slice(DATA_DIR.length + 1), c]);
}
