// The site-wide pages: the index by polisregion → lokalpolisområde → kommun, the follow-up overview,
// and who promised what.

import { compareStrings } from '../../diagnostics/types.js';
import { h, p, type Block, type Inline, type Page } from '../doc.js';
import { label } from '../labels.js';
import type { DocumentView, PromiseView, ReportModel } from '../model.js';
import { documentPageId, promiseAnchor, statusFigure } from './document.js';
import { longDate, outcomeText, periodText, stateInline } from './words.js';

export const INDEX = 'index';
export const FOLLOW_UP = 'uppfoljning';
export const ACTORS = 'aktorer';

const docLink = (id: string, text: string, anchor?: string): Inline => ({ text, page: documentPageId(id), ...(anchor ? { anchor } : {}) });

export function indexPage(model: ReportModel): Page {
  const blocks: Block[] = [];
  if (model.documents.length === 0) blocks.push(p('Det finns inga medborgarlöften att visa.'));
  const regions = [...new Set(model.documents.map((d) => d.polisregion.namn))].sort(compareStrings);
  for (const region of regions) {
    blocks.push(h(2, region));
    const docs = model.documents.filter((d) => d.polisregion.namn === region);
    const lpos = [...new Map(docs.map((d) => [d.lpo.id, d.lpo])).values()].sort((a, b) => compareStrings(a.namn, b.namn));
    for (const lpo of lpos) {
      blocks.push(h(3, lpo.namn));
      const rows = docs
        .filter((d) => d.lpo.id === lpo.id)
        .flatMap((d) => d.kommuner.map((k) => ({ k, d })))
        .sort((a, b) => compareStrings(a.k.namn, b.k.namn) || compareStrings(a.d.giltighet.from, b.d.giltighet.from) || compareStrings(a.d.id, b.d.id));
      blocks.push({
        kind: 'table',
        caption: `Medborgarlöften i ${lpo.namn}`,
        head: ['Kommun', 'Medborgarlöfte', 'Giltighet', 'Status'],
        rows: rows.map(({ k, d }) => [[k.namn], [docLink(d.id, d.titel)], [periodText(d.giltighet)], [{ status: d.status, text: label('status', d.status) }]]),
      });
    }
  }
  return {
    id: INDEX,
    title: 'Medborgarlöften',
    lead: [`Alla medborgarlöften, per polisregion, lokalpolisområde och kommun. Läget per ${longDate(model.asOf)}. Se också `, { text: 'hur uppföljningen går', page: FOLLOW_UP }, ' och ', { text: 'vem som lovar vad', page: ACTORS }, '.'],
    blocks,
  };
}

export function followUpPage(model: ReportModel): Page {
  const all = model.documents.flatMap((d) => d.loften.map((l) => ({ d, l })));
  const blocks: Block[] = [statusFigure(all.map((x) => x.l), model.asOf)];
  blocks.push(h(2, 'Alla löften'));
  blocks.push({
    kind: 'table',
    caption: `Varje löftes senaste uppföljning per ${model.asOf}`,
    head: ['Medborgarlöfte', 'Löfte', 'Ansvarig', 'Läge', 'Uppföljd'],
    rows: all.map(({ d, l }) => [[docLink(d.id, d.titel)], [docLink(d.id, l.id, promiseAnchor(l.id))], [l.ansvarig.namn], [stateInline(l)], [l.state.latest?.datum ?? '–']]),
  });
  const overdue = all.filter(({ l }) => l.state.followUpOverdue);
  blocks.push(h(2, 'Försenade uppföljningar'));
  blocks.push(
    overdue.length === 0
      ? p(`Inga uppföljningar är försenade per ${longDate(model.asOf)}.`)
      : {
          kind: 'table',
          caption: 'Löften vars uppföljning är försenad',
          head: ['Medborgarlöfte', 'Löfte', 'Ansvarig', 'Perioden som saknar uppföljning'],
          rows: overdue.map(({ d, l }) => [[docLink(d.id, d.titel)], [docLink(d.id, l.id, promiseAnchor(l.id))], [l.ansvarig.namn], [l.state.followUpOverdue ? periodText(l.state.followUpOverdue) : '']]),
        },
  );
  const missed = all.filter(({ l }) => l.state.latest && ['delvis_genomfort', 'ej_genomfort', 'installt'].includes(l.state.latest.status));
  blocks.push(h(2, 'Löften som inte hölls fullt ut'));
  blocks.push(
    missed.length === 0
      ? p('Alla uppföljda löften har hållits eller pågår.')
      : {
          kind: 'table',
          caption: 'Löften som inte hölls fullt ut, och varför',
          head: ['Medborgarlöfte', 'Löfte', 'Läge', 'Varför'],
          rows: missed.map(({ d, l }) => [[docLink(d.id, d.titel)], [docLink(d.id, l.id, promiseAnchor(l.id))], [stateInline(l)], [outcomeText(l.state.latest)]]),
        },
  );
  return { id: FOLLOW_UP, title: 'Uppföljning av medborgarlöftena', lead: [`Hur det går med varje löfte per ${longDate(model.asOf)}, vad som är försenat och varför ett löfte inte hölls.`], blocks };
}

export function actorsPage(model: ReportModel): Page {
  const blocks: Block[] = [];
  // One pass over all promises, not one per actor: a national report has hundreds of actors.
  const byActor = new Map<string, { d: DocumentView; l: PromiseView; role: string }[]>();
  const add = (id: string, row: { d: DocumentView; l: PromiseView; role: string }): void => {
    const rows = byActor.get(id);
    if (rows) rows.push(row);
    else byActor.set(id, [row]);
  };
  for (const d of model.documents) {
    for (const l of d.loften) {
      const ansvariga = new Set(l.ansvariga.map((x) => x.id));
      for (const a of ansvariga) add(a, { d, l, role: 'Ansvarig' });
      for (const m of new Set(l.medverkande.map((x) => x.id))) if (!ansvariga.has(m)) add(m, { d, l, role: 'Medverkar' });
    }
  }
  for (const actor of model.actors) {
    blocks.push(h(2, `${actor.namn}`, `aktor-${actor.id}`), p(label('aktor', actor.typ)));
    const rows = byActor.get(actor.id) ?? [];
    blocks.push({
      kind: 'table',
      caption: `Löften där ${actor.namn} är ansvarig eller medverkar`,
      head: ['Löfte', 'Roll', 'Medborgarlöfte', 'Läge'],
      rows: rows.map(({ d, l, role }) => [[docLink(d.id, l.text, promiseAnchor(l.id))], [role], [docLink(d.id, d.titel)], [stateInline(l)]]),
    });
  }
  return { id: ACTORS, title: 'Vem lovar vad', lead: ['Varje aktörs löften i alla medborgarlöften.'], blocks };
}
