// Inline SVG pictures for report pages: a timeline of promises and a status overview. Each is
// decorative for assistive technology (aria-hidden); its table beside it carries the same facts.

import type { Period } from '../model/access.js';
import { dayNumber as day } from '../model/dates.js';
import { escapeHtml } from './safe-markdown.js';
import { longDate } from './pages/words.js';

/** Fills with at least 3:1 contrast to white (WCAG 1.4.11); the words are always printed beside them. */
export const STATUS_FILL: Readonly<Record<string, string>> = {
  genomfort: '#1b6e3a',
  pagaende: '#1d5fa8',
  delvis_genomfort: '#8a5a00',
  ej_paborjat: '#5c6670',
  ej_genomfort: '#a4262c',
  installt: '#6b3fa0',
  forsenat: '#a4262c',
  kan_ej_bedomas: '#5c6670',
  ej_uppfoljt: '#707070',
};

const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();

export interface TimelineRow {
  label: string;
  period: Period;
  status: string;
}

export function timelineSvg(frame: Period, rows: readonly TimelineRow[], asOf: string, title: string): string {
  const labelWidth = 230;
  const width = 760;
  const rowHeight = 26;
  const top = 34;
  const height = top + rows.length * rowHeight + 14;
  const first = day(frame.from);
  const end = day(frame.tom) + 1;
  const span = Math.max(1, end - first);
  const xDay = (d: number): number => labelWidth + ((Math.min(Math.max(d, first), end) - first) / span) * (width - labelWidth - 10);
  const x = (iso: string): number => xDay(day(iso));
  const parts: string[] = [];
  // Year ticks.
  for (let year = Number(frame.from.slice(0, 4)); year <= Number(frame.tom.slice(0, 4)); year++) {
    const at = `${year}-01-01` < frame.from ? frame.from : `${year}-01-01`;
    parts.push(`<line x1="${fmt(x(at))}" y1="${top - 8}" x2="${fmt(x(at))}" y2="${height - 10}" stroke="#c8c8c8"/>`);
    parts.push(`<text x="${fmt(x(at) + 4)}" y="${top - 12}" font-size="12" fill="#333">${year}</text>`);
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const x1 = x(row.period.from);
    const x2 = xDay(day(row.period.tom) + 1); // a period ends at the end of its last day
    parts.push(`<text x="0" y="${y + 16}" font-size="13" fill="#1a1a1a">${escapeHtml(row.label)}</text>`);
    parts.push(`<rect x="${fmt(x1)}" y="${y + 5}" width="${fmt(Math.max(2, x2 - x1))}" height="14" rx="3" fill="${STATUS_FILL[row.status] ?? STATUS_FILL['ej_uppfoljt']}"/>`);
  });
  if (asOf >= frame.from && asOf <= frame.tom) {
    const ax = fmt(x(asOf));
    parts.push(`<line x1="${ax}" y1="${top - 6}" x2="${ax}" y2="${height - 8}" stroke="#000" stroke-width="2" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${ax}" y="${height}" font-size="11" text-anchor="middle" fill="#000">${escapeHtml(`Per ${longDate(asOf)}`)}</text>`);
  }
  return svg(width, height + 4, title, parts);
}

function svg(width: number, height: number, title: string, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" aria-hidden="true" focusable="false"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}
