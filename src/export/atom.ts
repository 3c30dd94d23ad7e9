// atom.xml: an Atom feed (RFC 4287) of published medborgarlöften and their follow-ups, newest first.
// Ids are name-based UUIDs of the content's ids and dates come from the data, so a re-run with the
// same input and --as-of gives the same bytes.

import { compareStrings } from '../diagnostics/types.js';
import { label } from '../report/labels.js';
import { longDate, periodText } from '../report/pages/words.js';
import { stateWord, type ResultStatus } from '../report/state.js';
import { dateTime, siteUrl, uuidUrn } from './ids.js';
import type { DocumentData, FollowUpData, OpenData } from './open-data.js';
import type { OpenDataSettings } from './settings.js';
import { xmlText } from './xml.js';

export const FEED_FILE = 'data/atom.xml';

interface Entry {
  id: string;
  title: string;
  updated: string;
  link: string;
  author: string;
  summary: string;
}

/**
 * The day a medborgarlöfte was published: its publicering date, else its first day of validity;
 * a day after the as-of date is not known yet, so the feed says the as-of date.
 */
export function publishedOn(d: DocumentData, asOf: string): string {
  const day = d.publicering?.datum ?? d.giltighet.from;
  return day > asOf ? asOf : day;
}

function documentEntry(d: DocumentData, asOf: string, base: string | undefined): Entry {
  const loften = d.loften.length === 1 ? 'Ett löfte' : `${d.loften.length} löften`;
  const actors = [...new Set(d.loften.flatMap((l) => l.ansvariga.map((a) => a.namn)))];
  return {
    id: uuidUrn(`medborgarlofte:${d.id}`),
    title: d.titel,
    updated: publishedOn(d, asOf),
    link: siteUrl(base, d.sida, FEED_FILE),
    author: d.lokalpolisomrade.namn,
    summary: `Medborgarlöfte för ${d.kommuner.map((k) => k.namn).join(', ')}, ${periodText(d.giltighet)}. ${loften} från ${actors.join(', ')}. Status: ${label('status', d.status).toLowerCase()}.`,
  };
}

function followUpEntry(d: DocumentData, f: FollowUpData, base: string | undefined): Entry {
  const counts = new Map<ResultStatus, number>();
  for (const r of f.resultat) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const parts = [...counts].sort(([a], [b]) => compareStrings(a, b)).map(([status, n]) => `${stateWord(status).toLowerCase()}: ${n}`);
  return {
    id: uuidUrn(`uppfoljning:${f.id}`),
    title: `Uppföljning ${longDate(f.datum)}: ${d.titel}`,
    updated: f.datum,
    link: siteUrl(base, `${d.sida}#uppfoljning`, FEED_FILE),
    author: f.rapportor?.namn ?? d.lokalpolisomrade.namn,
    summary: `${f.resultat.length === 1 ? 'Ett löfte följdes upp' : `${f.resultat.length} löften följdes upp`} (${parts.join(', ')}).`,
  };
}

/** The Atom feed a line at a time: the entries' text is never one string. */
export function* atomFeedPieces(data: OpenData, settings: OpenDataSettings): Iterable<string> {
  const base = settings.webbplats;
  const entries = data.medborgarloften
    .flatMap((d) => [documentEntry(d, data.lage_per, base), ...d.uppfoljningar.map((f) => followUpEntry(d, f, base))])
    .sort((a, b) => compareStrings(b.updated, a.updated) || compareStrings(a.id, b.id));
  // The feed changed when its newest entry did; an empty feed is as new as its as-of date.
  const updated = entries[0]?.updated ?? data.lage_per;
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${xmlText(uuidUrn(`flode:${base ?? 'medborgarloften'}`))}</id>`,
    '  <title>Medborgarlöften: nya löften och uppföljningar</title>',
    '  <subtitle>Publicerade medborgarlöften och varje uppföljning av dem, nyast först.</subtitle>',
    `  <updated>${dateTime(updated)}</updated>`,
    `  <author><name>${xmlText(settings.utgivare?.namn ?? 'Medborgarlöften')}</name></author>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(siteUrl(base, 'index.html', FEED_FILE))}"/>`,
    ...(base ? [`  <link rel="self" type="application/atom+xml" href="${xmlText(siteUrl(base, FEED_FILE))}"/>`] : []),
    `  <rights>${xmlText(settings.licensNamn)}</rights>`,
    '  <generator>lofte</generator>',
  ];
  for (const line of head) yield `${line}\n`;
  for (const e of entries) {
    yield [
      '  <entry>',
      `    <id>${xmlText(e.id)}</id>`,
      `    <title>${xmlText(e.title)}</title>`,
      `    <updated>${dateTime(e.updated)}</updated>`,
      `    <author><name>${xmlText(e.author)}</name></author>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
      `    <summary>${xmlText(e.summary)}</summary>`,
      '  </entry>',
      '',
    ].join('\n');
  }
  yield '</feed>\n';
}
