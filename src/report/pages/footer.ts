// Every page's footer: who sends it (the lokalpolisområde and kommun(er)), a contact, "senast
// uppdaterad" (the report's date, so the same input gives the same page), and the accessibility
// statement. One function makes it; add a line here to add it to every page.

import type { Inline, PageId } from '../doc.js';
import type { ActorRef, DocumentView, ReportModel } from '../model.js';
import { joinNames, longDate } from './words.js';

export const STATEMENT = 'tillganglighet';

/** The senders of a set of medborgarlöften: their lokalpolisområden, then their kommuner, each once. */
function senders(documents: readonly DocumentView[]): ActorRef[] {
  const out = new Map<string, ActorRef>();
  for (const d of documents) out.set(d.lpo.id, d.lpo);
  for (const d of documents) for (const k of d.kommuner) out.set(k.id, k);
  return [...out.values()];
}

/** The publisher's name: the config's `utgivare`, else the senders of every medborgarlöfte in the report. */
export function publisherName(model: ReportModel): string {
  if (model.site.utgivare) return model.site.utgivare;
  const all = senders(model.documents);
  return all.length > 0 && all.length <= 6 ? joinNames(all.map((a) => a.namn)) : 'Lokalpolisområdena och kommunerna bakom medborgarlöftena';
}

/** A contact: the config's, else the first lokalpolisområde's own contact. */
export function contactLine(model: ReportModel, documents: readonly DocumentView[]): Inline[] | undefined {
  const c = model.site.kontakt;
  if (c && (c.epost || c.telefon || c.webbadress)) return contactInlines(c.epost, c.telefon, c.webbadress);
  for (const d of documents.length > 0 ? documents : model.documents) {
    const k = d.lpo.kontakt;
    if (k && (k.epost || k.telefon)) return [...(k.roll ? [`${k.roll}, ${d.lpo.namn}: `] : [`${d.lpo.namn}: `]), ...contactInlines(k.epost, k.telefon, undefined)];
  }
  return undefined;
}

export function contactInlines(epost: string | undefined, telefon: string | undefined, webbadress: string | undefined): Inline[] {
  const parts: Inline[][] = [];
  if (epost) parts.push([{ text: epost, href: `mailto:${epost}` }]);
  if (telefon) parts.push([`telefon ${telefon}`]);
  if (webbadress) parts.push([{ text: webbadress, href: webbadress }]);
  return parts.flatMap((p, i) => [...(i > 0 ? [', '] : []), ...p]);
}

/** The footer of a page; `documents` are the medborgarlöften the page is about (all of them for site pages). */
export function pageFooter(model: ReportModel, page: PageId, documents: readonly DocumentView[] = model.documents): Inline[][] {
  const own = documents.length > 0 && documents.length < model.documents.length ? senders(documents) : undefined;
  const lines: Inline[][] = [[`Avsändare: ${own ? joinNames(own.map((a) => a.namn)) : publisherName(model)}.`]];
  const contact = contactLine(model, documents);
  if (contact) lines.push(['Kontakt: ', ...contact, '.']);
  lines.push([`Senast uppdaterad ${longDate(model.asOf)}. Sidan är skapad med lofte från medborgarlöftenas källfiler. `, ...(page === STATEMENT ? [] : [{ text: 'Tillgänglighetsredogörelse', page: STATEMENT }])]);
  return lines;
}
