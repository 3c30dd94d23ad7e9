// How the pages point at the open data: the feed in every page's head, a sentence in every footer,
// a short section on the index, and each medborgarlöfte's promises as JSON-LD.

import { relativeLink, h, p, type Inline, type Page } from '../report/doc.js';
import { INDEX } from '../report/pages/overview.js';
import { FEED_FILE } from './atom.js';
import { DISTRIBUTIONS, SCHEMA_PATH } from './dcat.js';
import { promiseActions } from './json-ld.js';
import type { DocumentData } from './open-data.js';
import type { OpenDataSettings } from './settings.js';

const link = (from: string, file: string, text: string): Inline => {
  const dot = file.indexOf('.');
  return { text, href: relativeLink(from, file.slice(0, dot), file.slice(dot)) };
};

const fileOf = (key: (typeof DISTRIBUTIONS)[number]['key']): string => DISTRIBUTIONS.find((d) => d.key === key)?.file ?? '';

function licence(settings: OpenDataSettings): Inline {
  return /^https?:\/\//.test(settings.licens) ? { text: settings.licensNamn, href: settings.licens } : settings.licensNamn;
}

/** The footer's one sentence: where the data is and under which licence. */
export function dataNotice(from: string, settings: OpenDataSettings): Inline[] {
  return [
    'Uppgifterna finns också som öppna data: ',
    link(from, fileOf('json'), 'JSON'),
    ', ',
    link(from, fileOf('csv-loften'), 'CSV'),
    ' och ett ',
    link(from, FEED_FILE, 'Atom-flöde'),
    ', under licensen ',
    licence(settings),
    '.',
  ];
}

/** A page with the site's open data linked; the index also says what each file holds. */
export function withOpenData(page: Page, settings: OpenDataSettings, document?: DocumentData, asOf?: string): Page {
  const from = page.id;
  const blocks =
    page.id === INDEX
      ? [
          ...page.blocks,
          h(2, 'Öppna data', 'oppna-data'),
          p(
            'Allt på webbplatsen finns också som öppna data som vem som helst får använda, under licensen ',
            licence(settings),
            ': alla medborgarlöften med löften, aktörer, problembildernas offentliga delar och uppföljningar som ',
            link(from, fileOf('json'), 'JSON'),
            ' (med ett ',
            link(from, SCHEMA_PATH, 'JSON Schema'),
            '), löftena och uppföljningsresultaten som CSV för Excel (',
            link(from, fileOf('csv-loften'), 'löften'),
            ', ',
            link(from, fileOf('csv-resultat'), 'uppföljningar'),
            '), ett ',
            link(from, FEED_FILE, 'Atom-flöde'),
            ' med nya löften och uppföljningar, och en ',
            link(from, 'data/catalog.jsonld', 'DCAT-AP-SE-beskrivning'),
            ' för Sveriges dataportal.',
          ),
        ]
      : page.blocks;
  return {
    ...page,
    blocks,
    openData: {
      notice: dataNotice(from, settings),
      feed: relativeLink(from, 'data/atom', '.xml'),
      ...(document && asOf ? { jsonLd: promiseActions(document, asOf, settings.webbplats) } : {}),
    },
  };
}
