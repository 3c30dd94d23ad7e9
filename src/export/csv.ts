// CSV for Swedish Excel: `;` between fields, UTF-8 with a BOM, CRLF line ends, quoted per RFC 4180,
// and no cell that a spreadsheet would run as a formula.

import { label } from '../report/labels.js';
import { stateWord } from '../report/state.js';
import type { OpenData, PromiseData } from './open-data.js';

const BOM = '\uFEFF';
const SEPARATOR = ';';

/**
 * A cell as text Excel reads back unchanged. A cell that starts with = + - @ (or a tab or carriage
 * return, which some programs skip before them) could run as a formula when opened (CSV
 * injection): it gets a leading apostrophe, which Excel shows as text and hides. Numbers lofte
 * writes itself (a negative utfall) are not text from a user and stay numbers.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

type Row = readonly (string | number | undefined)[];

/** The same text one line at a time: a national file is megabytes, and its rows are made as it is written. */
export function* csvPieces(head: readonly string[], rows: Iterable<Row>): Iterable<string> {
  yield `${BOM}${head.map(csvCell).join(SEPARATOR)}\r\n`;
  for (const r of rows) yield `${r.map(csvCell).join(SEPARATOR)}\r\n`;
}

const names = (actors: readonly { namn: string }[]): string => actors.map((a) => a.namn).join(', ');

function amount(l: PromiseData): string | undefined {
  if (l.omfattning) return `${l.omfattning.minst ? 'minst ' : ''}${String(l.omfattning.antal).replace('.', ',')} ${l.omfattning.enhet}`;
  if (l.frekvens) return `${l.frekvens.minst ? 'minst ' : ''}${String(l.frekvens.antal).replace('.', ',')} ${label('per', l.frekvens.per)}`;
  return undefined;
}


/** One row per promise: where it belongs, who promises what by when, and how it is going. */
export function promisesCsvPieces(data: OpenData): Iterable<string> {
  const head = ['Medborgarlöfte', 'Medborgarlöftets id', 'Kommuner', 'Lokalpolisområde', 'Löftets id', 'Ansvarig', 'Medverkande', 'Löfte', 'Från', 'Senast', 'Utlovad omfattning', 'Utfall hittills', 'Läge', 'Läge (kod)', 'Uppföljning försenad', 'Senast uppföljd'];
  function* rows(): Iterable<Row> {
    for (const d of data.medborgarloften) {
      for (const l of d.loften) {
        yield [
        d.titel,
        d.id,
        names(d.kommuner),
        d.lokalpolisomrade.namn,
        l.id,
        names(l.ansvariga),
        names(l.medverkande),
        l.text,
        l.tidsram.from,
        l.lage.tidsgrans,
        amount(l),
        l.lage.utfall_hittills,
        l.lage.text,
        l.lage.status,
        l.lage.forsenad_uppfoljning ? 'ja' : 'nej',
        l.lage.senast_uppfoljd,
        ];
      }
    }
  }
  return csvPieces(head, rows());
}

/** One row per follow-up result, oldest first within each medborgarlöfte. */
export function resultsCsvPieces(data: OpenData): Iterable<string> {
  const head = ['Medborgarlöfte', 'Medborgarlöftets id', 'Uppföljningens id', 'Datum', 'Löftets id', 'Löfte', 'Ansvarig', 'Status', 'Status (kod)', 'Utfall', 'Kommentar', 'Orsak', 'Belägg'];
  function* rows(): Iterable<Row> {
    for (const d of data.medborgarloften) {
      const byId = new Map(d.loften.map((l) => [l.id, l]));
      for (const f of d.uppfoljningar) {
        for (const r of f.resultat) {
          const l = byId.get(r.lofte);
          yield [d.titel, d.id, f.id, r.datum, r.lofte, l?.text, l ? names(l.ansvariga) : undefined, stateWord(r.status), r.status, r.utfall?.antal, r.kommentar, r.orsak, r.belagg?.map((b) => [b.beskrivning, b.url].filter(Boolean).join(' ')).join('\n')];
        }
      }
    }
  }
  return csvPieces(head, rows());
}
