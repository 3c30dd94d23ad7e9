// The page for one medborgarlöfte: at a glance how it is going, then what each actor promises with
// its outcome and history, the problem it answers, the follow-up overview and the signatures.

import { compareStrings } from '../../diagnostics/types.js';
import { h, p, type Block, type Inline, type Page } from '../doc.js';
import { label } from '../labels.js';
import { markdownAnchors } from '../md.js';
import type { ActorRef, DocumentView, ProblemView, PromiseView, ReportModel } from '../model.js';
import { stateCounts, stateWord, type HistoryEntry } from '../state.js';
import { timelineSvg } from '../svg.js';
import { pageFooter } from './footer.js';
import { doneText, frequencyText, joinNames, longDate, outcomeText, periodText, promisedText, shortPromise, stateInline, verdictLine } from './words.js';

export const documentPageId = (id: string): string => `medborgarloften/${id}`;
export const promiseAnchor = (id: string): string => `lofte-${id}`;
export const problemAnchor = (id: string): string => `problembild-${id}`;

const names = (actors: readonly ActorRef[]): string => joinNames(actors.map((a) => a.namn));

function problemBlocks(pb: ProblemView): Block[] {
  const blocks: Block[] = [h(3, pb.titel, problemAnchor(pb.id)), p(pb.sammanfattning)];
  if (pb.intern) return [...blocks, p('Problembilden är intern. Bara titel och sammanfattning publiceras.')];
  const facts: [string, Inline[]][] = [];
  if (pb.plats) facts.push(['Var', [pb.plats]]);
  if (pb.tid) facts.push(['När', [pb.tid]]);
  if (pb.malgrupp) facts.push(['Vilka som berörs', [pb.malgrupp]]);
  if (pb.faststalld) facts.push(['Fastställd', [longDate(pb.faststalld)]]);
  if (facts.length > 0) blocks.push({ kind: 'facts', items: facts });
  if (pb.beskrivning) blocks.push({ kind: 'markdown', source: pb.beskrivning, baseLevel: 4 });
  const kinds = [...new Set(pb.kallor.map((k) => label('kalla', k.typ)))];
  blocks.push(h(4, 'Så vet vi det'), p(`Problembilden bygger på: ${kinds.join(', ')}.`));
  blocks.push({
    kind: 'list',
    items: pb.kallor.map((k) => {
      const when = k.datum ? longDate(k.datum) : k.period ? periodText(k.period) : undefined;
      const meta = [when, k.antalSvarande !== undefined ? `${k.antalSvarande} svarande` : undefined].filter((x): x is string => !!x);
      return [p({ strong: label('kalla', k.typ) }, k.beskrivning ? `: ${k.beskrivning}` : '', meta.length > 0 ? ` (${meta.join(', ')})` : '')];
    }),
  });
  return blocks;
}

/** One follow-up of a promise, as a line of its history: date, state, outcome, comment, evidence. */
function historyItem(r: HistoryEntry): Block[] {
  const content: Inline[] = [{ strong: longDate(r.datum) }, ': ', { status: r.status, text: stateWord(r.status) }, '. '];
  const outcome = outcomeText(r);
  if (outcome) content.push(outcome);
  if (r.belagg.length > 0) {
    content.push(' Belägg: ');
    r.belagg.forEach((b, i) => {
      if (i > 0) content.push('; ');
      content.push(b.url ? { text: b.beskrivning, href: b.url } : b.beskrivning);
    });
    content.push('.');
  }
  return [p(...content)];
}

function promiseItem(l: PromiseView, problems: ReadonlyMap<string, ProblemView>, giltighet: DocumentView['giltighet']): Block[] {
  const s = l.state;
  const stateLine: Inline[] = [stateInline(l)];
  if (s.key === 'forsenat') stateLine.push(` – skulle vara klart ${longDate(s.deadline)}`);
  if (s.followUpOverdue) stateLine.push(`; uppföljningen för ${periodText(s.followUpOverdue)} saknas`);
  const outcome: [string, Inline[]][] = [
    ['Lovat', [promisedText(l) ?? 'Se löftet ovan']],
    ['Gjort hittills', [doneText(l) ?? '–', ...(s.doneAt ? [` (${longDate(s.doneAt)})`] : [])]],
    ['Läge', stateLine],
    [l.senast ? 'Klart senast' : 'Gäller till', [longDate(s.deadline)]],
  ];
  const facts: [string, Inline[]][] = [];
  // The outcome box says when it ends; a time frame of its own is said here.
  if (l.tidsram.from !== giltighet.from || l.tidsram.tom !== giltighet.tom) facts.push(['När', [periodText(l.tidsram)]]);
  const frequency = frequencyText(l);
  if (frequency && l.omfattning) facts.push(['Hur ofta', [frequency]]);
  if (l.plats) facts.push(['Var', [l.plats]]);
  if (l.medverkande.length > 0) facts.push(['Tillsammans med', [names(l.medverkande)]]);
  const answers = l.problembilder.map((id) => problems.get(id)).filter((x): x is ProblemView => x !== undefined);
  if (answers.length > 0) facts.push(['Svarar på', answers.flatMap((pb, i) => [...(i > 0 ? ['; '] : []), { text: pb.titel, page: '', anchor: problemAnchor(pb.id) }])]);
  const kadens = l.uppfoljning?.kadens ? label('kadens', l.uppfoljning.kadens) : undefined;
  const metod = l.uppfoljning?.metod;
  if (metod || kadens) facts.push(['Så följs det upp', [metod ? `${metod}${kadens ? ` (${kadens})` : ''}` : `${kadens?.charAt(0).toUpperCase() ?? ''}${kadens?.slice(1) ?? ''}`]]);
  const blocks: Block[] = [h(4, l.text, promiseAnchor(l.id)), { kind: 'facts', items: outcome, variant: 'outcome' }, { kind: 'facts', items: facts }];
  blocks.push(
    s.history.length === 0
      ? p('Ingen uppföljning av löftet är publicerad.')
      : { kind: 'list', ordered: true, label: `Uppföljningar av löftet, äldst först`, items: s.history.map(historyItem) },
  );
  return blocks;
}

/** Promises grouped by who makes them (a joint promise by all its actors): the lokalpolisområde first, then kommuner, then the others. */
function byActor(d: DocumentView): [ActorRef[], PromiseView[]][] {
  const groups = new Map<string, [ActorRef[], PromiseView[]]>();
  for (const l of d.loften) {
    const key = l.ansvariga.map((a) => a.id).join('\u0000');
    const g = groups.get(key) ?? [l.ansvariga, []];
    g[1].push(l);
    groups.set(key, g);
  }
  const rankOf = (a: ActorRef | undefined): number => (a === undefined ? 3 : a.id === d.lpo.id ? 0 : d.kommuner.some((k) => k.id === a.id) ? 1 : 2);
  return [...groups.values()].sort(([a], [b]) => rankOf(a[0]) - rankOf(b[0]) || compareStrings(names(a), names(b)));
}

export function statusCounts(loften: readonly PromiseView[]): { status: string; label: string; count: number }[] {
  return stateCounts(loften.map((l) => l.state)).map((c) => ({ status: c.key, label: stateWord(c.key), count: c.count }));
}

/** How many promises are in each state: bars for the eye, a table for everyone. */
export function statusFigure(loften: readonly PromiseView[], asOf: string): Block {
  const counts = statusCounts(loften);
  return {
    kind: 'bars',
    caption: `Antal löften i varje läge, ${longDate(asOf)}.`,
    rows: counts,
    equivalent: { kind: 'table', caption: `Antal löften i varje läge, ${longDate(asOf)}`, head: ['Läge', 'Antal löften'], rows: counts.map((c) => [[{ status: c.status, text: c.label }], [String(c.count)]]) },
  };
}

/**
 * What the document promises, actor by actor: the page's first headings. Every heading before it
 * is the page title, so the anchors GitHub gives its promises are known from this part alone.
 */
function promiseSection(d: DocumentView, problems: ReadonlyMap<string, ProblemView>): Block[] {
  const blocks: Block[] = [h(2, 'Det här lovar vi', 'loften')];
  for (const [actors, loften] of byActor(d)) {
    blocks.push(h(3, `${names(actors)} lovar`));
    for (const l of loften) blocks.push(...promiseItem(l, problems, d.giltighet));
  }
  return blocks;
}

const problemsById = (d: DocumentView): Map<string, ProblemView> => new Map(d.problembilder.map((pb) => [pb.id, pb]));

export function documentPage(d: DocumentView, model: ReportModel): Page {
  const asOf = model.asOf;
  const problems = problemsById(d);
  const blocks: Block[] = [];
  const facts: [string, Inline[]][] = [
    ['Lokalpolisområde', [d.lpo.namn]],
    [d.kommuner.length === 1 ? 'Kommun' : 'Kommuner', [names(d.kommuner)]],
    ['Polisregion', [d.polisregion.namn]],
    ['Giltighet', [`${periodText(d.giltighet)} (${d.phase.text.toLowerCase()})`]],
  ];
  if (d.publicering?.url) facts.push(['Publicerad', [{ text: d.publicering.url, href: d.publicering.url }, d.publicering.datum ? ` (${longDate(d.publicering.datum)})` : '']]);
  blocks.push({ kind: 'facts', items: facts });
  blocks.push(p('På sidan: ', { text: 'Det här lovar vi', page: '', anchor: 'loften' }, ' · ', { text: 'Så följer vi upp', page: '', anchor: 'uppfoljning' }, ' · ', { text: 'Problemet', page: '', anchor: 'problemet' }, ...(d.undertecknare.length > 0 ? [' · ', { text: 'Underskrifter', page: '', anchor: 'underskrifter' }] : [])));

  blocks.push(...promiseSection(d, problems));

  blocks.push(h(2, 'Så följer vi upp', 'uppfoljning'), p(`Så här går det med löftena ${longDate(asOf)}.`), statusFigure(d.loften, asOf));
  const drawn = asOf >= d.giltighet.from && asOf <= d.giltighet.tom;
  blocks.push({
    kind: 'figure',
    svg: timelineSvg(d.giltighet, d.loften.map((l) => ({ label: shortPromise(l.text, 34), period: l.tidsram, status: l.state.key })), asOf, 'Löftenas tidsramar'),
    caption: `Löftenas tidsramar under giltigheten, färgade efter läge${drawn ? `; den streckade linjen är ${longDate(asOf)}` : ''}.`,
    equivalent: {
      kind: 'table',
      caption: 'Löftenas tidsramar och läge',
      head: ['Löfte', 'Från', 'Till', 'Läge'],
      rows: d.loften.map((l) => [[{ text: shortPromise(l.text), page: '', anchor: promiseAnchor(l.id) }], [longDate(l.tidsram.from)], [longDate(l.tidsram.tom)], [stateInline(l)]]),
    },
  });
  blocks.push({
    kind: 'table',
    caption: 'Senaste uppföljningen av varje löfte',
    head: ['Löfte', 'Ansvarig', 'Läge', 'Senast uppföljt', 'Utfall och kommentar'],
    rows: d.loften.map((l) => [
      [{ text: shortPromise(l.text), page: '', anchor: promiseAnchor(l.id) }],
      [names(l.ansvariga)],
      [stateInline(l), ...(l.state.followUpOverdue ? [' (uppföljningen är försenad)'] : [])],
      [l.state.latest ? longDate(l.state.latest.datum) : '–'],
      [outcomeText(l.state.latest) || '–'],
    ]),
  });
  if (d.inledning || d.beskrivning) blocks.push(h(2, 'Om medborgarlöftet', 'om'));
  if (d.inledning) blocks.push({ kind: 'markdown', source: d.inledning, baseLevel: 3 });
  if (d.beskrivning) blocks.push({ kind: 'markdown', source: d.beskrivning, baseLevel: 3 });

  blocks.push(h(2, 'Problemet', 'problemet'));
  for (const pb of d.problembilder) blocks.push(...problemBlocks(pb));

  if (d.effekter.length > 0) {
    blocks.push(h(2, 'Vad vi vill uppnå', 'effekter'));
    blocks.push({ kind: 'list', items: d.effekter.map((e) => [p(e.beskrivning, ...(e.indikator ? [`. Mäts genom: ${e.indikator}`] : []))]) });
  }
  if (d.undertecknare.length > 0) {
    blocks.push(h(2, 'Underskrifter', 'underskrifter'));
    blocks.push({
      kind: 'table',
      caption: 'De som har skrivit under medborgarlöftet',
      head: ['Aktör', 'Roll', 'Namn', 'Datum'],
      rows: d.undertecknare.map((u) => [[u.aktor.namn], [u.roll], [u.namn ?? '–'], [u.datum ? longDate(u.datum) : '–']]),
    });
  }
  return { id: documentPageId(d.id), title: d.titel, verdict: verdictLine(d.loften), blocks, footer: pageFooter(model, documentPageId(d.id), [d]) };
}

const anchorMemo = new WeakMap<DocumentView, Map<string, string>>();

/**
 * The anchor GitHub gives a promise's heading on its document's Markdown page. A heading's slug
 * depends only on the headings before it, and only the title comes before the promises: their
 * section is enough, and the page itself is built once, when it is written.
 */
export function promiseMdAnchor(d: DocumentView, promiseId: string): string | undefined {
  let slugs = anchorMemo.get(d);
  if (!slugs) {
    slugs = markdownAnchors(d.titel, promiseSection(d, problemsById(d)));
    anchorMemo.set(d, slugs);
  }
  return slugs.get(promiseAnchor(promiseId));
}
