// The site-wide pages: the index (find your kommun, A–Ö), the follow-up overview, and who promised what.

import { compareStrings } from '../../diagnostics/types.js';
import { h, p, rowsOf, type Block, type Inline, type Page } from '../doc.js';
import { label } from '../labels.js';
import type { DocumentView, PromiseView, ReportModel } from '../model.js';
import { documentPageId, promiseAnchor, promiseMdAnchor, statusFigure } from './document.js';
import { pageFooter } from './footer.js';
import { count, joinNames, longDate, outcomeText, periodText, shortPromise, stateInline, verdictLine } from './words.js';

export const INDEX = 'index';
export const FOLLOW_UP = 'uppfoljning';
export const ACTORS = 'aktorer';

const docLink = (id: string, text: string): Inline => ({ text, page: documentPageId(id) });

/**
 * A link to one promise on its document's page, named by its text (shortened). The anchor its
 * Markdown page gives it is worked out only if a Markdown page asks for it.
 */
const promiseLink = (d: DocumentView, l: PromiseView): Inline => ({
  text: shortPromise(l.text),
  page: documentPageId(d.id),
  anchor: promiseAnchor(l.id),
  get mdAnchor(): string | undefined {
    return promiseMdAnchor(d, l.id);
  },
});

/** Kommuner A–Ö, each with its current medborgarlöften first and ended ones after. */
export function indexPage(model: ReportModel): Page {
  const blocks: Block[] = [];
  if (model.documents.length === 0) blocks.push(p('Det finns inga medborgarlöften att visa.'));
  const byKommun = new Map<string, { namn: string; docs: DocumentView[] }>();
  for (const d of model.documents) {
    for (const k of d.kommuner) {
      const g = byKommun.get(k.id) ?? { namn: k.namn, docs: [] };
      g.docs.push(d);
      byKommun.set(k.id, g);
    }
  }
  const kommuner = [...byKommun.entries()].sort(([ia, a], [ib, b]) => a.namn.localeCompare(b.namn, 'sv') || compareStrings(ia, ib));
  if (kommuner.length > 0) {
    blocks.push(p(`${count(kommuner.length, 'kommun', 'kommuner')} i bokstavsordning: `, ...kommuner.flatMap(([id, k], i): Inline[] => [...(i > 0 ? [' · '] : []), { text: k.namn, page: '', anchor: `kommun-${id}` }])));
  }
  for (const [id, k] of kommuner) {
    blocks.push(h(2, k.namn, `kommun-${id}`));
    const docs = [...k.docs].sort((a, b) => Number(b.phase.current) - Number(a.phase.current) || compareStrings(b.giltighet.from, a.giltighet.from) || compareStrings(a.id, b.id));
    blocks.push({
      kind: 'list',
      items: docs.map((d) => [
        p(docLink(d.id, d.titel), ` – ${d.phase.text}, ${periodText(d.giltighet)}. ${d.lpo.namn}${d.kommuner.length > 1 ? ` med ${joinNames(d.kommuner.filter((x) => x.id !== id).map((x) => x.namn))}` : ''}. ${capitalize(verdictLine(d.loften))}.`),
      ]),
    });
  }
  return {
    id: INDEX,
    title: 'Medborgarlöften',
    lead: [`${count(model.documents.length, 'medborgarlöfte', 'medborgarlöften')} per kommun, läget ${longDate(model.asOf)}. Se också `, { text: 'hur uppföljningen går', page: FOLLOW_UP }, ' och ', { text: 'vem som lovar vad', page: ACTORS }, '.'],
    blocks,
    footer: pageFooter(model, INDEX),
  };
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function followUpPage(model: ReportModel): Page {
  const all = model.documents.flatMap((d) => d.loften.map((l) => ({ d, l })));
  const blocks: Block[] = [statusFigure(all.map((x) => x.l), model.asOf)];
  const late = all.filter(({ l }) => l.state.key === 'forsenat');
  blocks.push(h(2, 'Försenade löften', 'forsenade'));
  blocks.push(
    late.length === 0
      ? p(`Inga löften är försenade ${longDate(model.asOf)}.`)
      : {
          kind: 'table',
          caption: 'Löften vars tid har gått ut utan att de är genomförda',
          head: ['Löfte', 'Medborgarlöfte', 'Ansvarig', 'Skulle vara klart'],
          rows: rowsOf(late, ({ d, l }) => [[promiseLink(d, l)], [docLink(d.id, d.titel)], [joinNames(l.ansvariga.map((a) => a.namn))], [longDate(l.state.deadline)]]),
        },
  );
  const overdue = all.filter(({ l }) => l.state.followUpOverdue);
  blocks.push(h(2, 'Uppföljningar som saknas', 'saknas'));
  blocks.push(
    overdue.length === 0
      ? p(`Inga uppföljningar saknas ${longDate(model.asOf)}.`)
      : {
          kind: 'table',
          caption: 'Löften vars uppföljning är försenad',
          head: ['Löfte', 'Medborgarlöfte', 'Ansvarig', 'Perioden som saknar uppföljning'],
          rows: rowsOf(overdue, ({ d, l }) => [[promiseLink(d, l)], [docLink(d.id, d.titel)], [joinNames(l.ansvariga.map((a) => a.namn))], [l.state.followUpOverdue ? periodText(l.state.followUpOverdue) : '']]),
        },
  );
  const missed = all.filter(({ l }) => ['delvis_genomfort', 'ej_genomfort', 'installt', 'kan_ej_bedomas'].includes(l.state.key));
  blocks.push(h(2, 'Löften som inte hölls fullt ut', 'inte-hallna'));
  blocks.push(
    missed.length === 0
      ? p('Alla uppföljda löften har hållits eller pågår.')
      : {
          kind: 'table',
          caption: 'Löften som inte hölls fullt ut, och varför',
          head: ['Löfte', 'Medborgarlöfte', 'Läge', 'Varför'],
          rows: rowsOf(missed, ({ d, l }) => [[promiseLink(d, l)], [docLink(d.id, d.titel)], [stateInline(l)], [outcomeText(l.state.latest) || '–']]),
        },
  );
  blocks.push(h(2, 'Alla löften', 'alla'));
  blocks.push({
    kind: 'table',
    caption: `Varje löftes läge ${longDate(model.asOf)}`,
    head: ['Löfte', 'Medborgarlöfte', 'Ansvarig', 'Läge', 'Senast uppföljt'],
    rows: rowsOf(all, ({ d, l }) => [[promiseLink(d, l)], [docLink(d.id, d.titel)], [joinNames(l.ansvariga.map((a) => a.namn))], [stateInline(l)], [l.state.latest ? longDate(l.state.latest.datum) : '–']]),
  });
  return {
    id: FOLLOW_UP,
    title: 'Uppföljning av medborgarlöftena',
    verdict: all.length > 0 ? capitalize(verdictLine(all.map((x) => x.l))) : undefined,
    lead: [`Hur det går med varje löfte ${longDate(model.asOf)}, vad som är försenat och varför ett löfte inte hölls.`],
    blocks,
    footer: pageFooter(model, FOLLOW_UP),
  };
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
      const own = new Set(l.ansvariga.map((a) => a.id));
      for (const a of own) add(a, { d, l, role: own.size > 1 ? 'Ansvarig tillsammans med andra' : 'Ansvarig' });
      for (const m of new Set(l.medverkande.map((x) => x.id))) if (!own.has(m)) add(m, { d, l, role: 'Medverkar' });
    }
  }
  if (model.actors.length > 1) blocks.push(p('Aktörer: ', ...model.actors.flatMap((a, i): Inline[] => [...(i > 0 ? [' · '] : []), { text: a.namn, page: '', anchor: `aktor-${a.id}` }])));
  for (const actor of model.actors) {
    const rows = byActor.get(actor.id) ?? [];
    blocks.push(h(2, `${actor.namn}`, `aktor-${actor.id}`), p(`${label('aktor', actor.typ)}. ${count(rows.length, 'löfte', 'löften')}.`));
    blocks.push({
      kind: 'table',
      caption: `Löften där ${actor.namn} är ansvarig eller medverkar`,
      head: ['Löfte', 'Roll', 'Medborgarlöfte', 'Läge'],
      rows: rowsOf(rows, ({ d, l, role }) => [[promiseLink(d, l)], [role], [docLink(d.id, d.titel)], [stateInline(l)]]),
    });
  }
  return { id: ACTORS, title: 'Vem lovar vad', lead: ['Varje aktörs löften i alla medborgarlöften.'], blocks, footer: pageFooter(model, ACTORS) };
}
