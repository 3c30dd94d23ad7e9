// The page for one medborgarlöfte: the problem, what each actor promises, how it is going, signatures.

import { compareStrings } from '../../diagnostics/types.js';
import { h, p, type Block, type Inline, type Page } from '../doc.js';
import { label } from '../labels.js';
import type { ActorRef, DocumentView, ProblemView, PromiseView } from '../model.js';
import { stateCounts, stateWord } from '../state.js';
import { statusBarsSvg, timelineSvg } from '../svg.js';
import { extentText, frequencyText, longDate, outcomeText, periodText, stateInline } from './words.js';

export const documentPageId = (id: string): string => `medborgarloften/${id}`;
export const promiseAnchor = (id: string): string => `lofte-${id}`;
export const problemAnchor = (id: string): string => `problembild-${id}`;

const names = (actors: readonly ActorRef[]): string => actors.map((a) => a.namn).join(', ');

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

function promiseItem(l: PromiseView, problems: ReadonlyMap<string, ProblemView>, giltighet: DocumentView['giltighet']): Block[] {
  const facts: [string, Inline[]][] = [];
  facts.push(['När', [l.tidsram.from === giltighet.from && l.tidsram.tom === giltighet.tom ? `Hela perioden, ${periodText(l.tidsram)}` : periodText(l.tidsram)]]);
  const extent = extentText(l);
  if (extent) facts.push(['Omfattning', [extent]]);
  const frequency = frequencyText(l);
  if (frequency) facts.push(['Hur ofta', [frequency]]);
  if (l.plats) facts.push(['Var', [l.plats]]);
  if (l.medverkande.length > 0) facts.push(['Tillsammans med', [names(l.medverkande)]]);
  const answers = l.problembilder.map((id) => problems.get(id)).filter((x): x is ProblemView => x !== undefined);
  if (answers.length > 0) facts.push(['Svarar på', answers.flatMap((pb, i) => [...(i > 0 ? ['; '] : []), { text: pb.titel, page: '', anchor: problemAnchor(pb.id) }])]);
  if (l.uppfoljning) facts.push(['Uppföljning', [[l.uppfoljning.metod, l.uppfoljning.kadens ? `(${label('kadens', l.uppfoljning.kadens)})` : undefined].filter(Boolean).join(' ')]]);
  facts.push(['Läget', [stateInline(l), l.state.latest ? ` (${longDate(l.state.latest.datum)})` : '']]);
  return [h(4, l.text, promiseAnchor(l.id)), { kind: 'facts', items: facts }];
}

/** Promises grouped by who makes them: the lokalpolisområde first, then kommuner, then the others. */
function byActor(d: DocumentView): [ActorRef, PromiseView[]][] {
  const groups = new Map<string, [ActorRef, PromiseView[]]>();
  for (const l of d.loften) {
    const g = groups.get(l.ansvarig.id) ?? [l.ansvarig, []];
    g[1].push(l);
    groups.set(l.ansvarig.id, g);
  }
  const rank = (a: ActorRef): number => (a.id === d.lpo.id ? 0 : d.kommuner.some((k) => k.id === a.id) ? 1 : 2);
  return [...groups.values()].sort(([a], [b]) => rank(a) - rank(b) || compareStrings(a.namn, b.namn));
}

export function statusCounts(loften: readonly PromiseView[]): { status: string; label: string; count: number }[] {
  return stateCounts(loften.map((l) => l.state)).map((c) => ({ status: c.key, label: stateWord(c.key), count: c.count }));
}

export function statusFigure(loften: readonly PromiseView[], asOf: string): Block {
  const counts = statusCounts(loften);
  return {
    kind: 'figure',
    svg: statusBarsSvg(counts, `Löftenas läge per ${asOf}`),
    caption: `Löftenas läge per ${longDate(asOf)}.`,
    equivalent: { kind: 'table', caption: `Antal löften per status, ${asOf}`, head: ['Status', 'Antal löften'], rows: counts.map((c) => [[{ status: c.status, text: c.label }], [String(c.count)]]) },
  };
}

export function documentPage(d: DocumentView, asOf: string): Page {
  const problems = new Map(d.problembilder.map((pb) => [pb.id, pb]));
  const blocks: Block[] = [];
  const facts: [string, Inline[]][] = [
    ['Lokalpolisområde', [d.lpo.namn]],
    ['Kommuner', [names(d.kommuner)]],
    ['Polisregion', [d.polisregion.namn]],
    ['Giltighet', [periodText(d.giltighet)]],
    ['Status', [{ status: d.status, text: label('status', d.status) }]],
  ];
  if (d.publicering?.url) facts.push(['Publicerad', [{ text: d.publicering.url, href: d.publicering.url }, d.publicering.datum ? ` (${longDate(d.publicering.datum)})` : '']]);
  blocks.push({ kind: 'facts', items: facts });
  if (d.inledning) blocks.push({ kind: 'markdown', source: d.inledning, baseLevel: 2 });
  if (d.beskrivning) blocks.push({ kind: 'markdown', source: d.beskrivning, baseLevel: 2 });

  blocks.push(h(2, 'Problemet', 'problemet'));
  for (const pb of d.problembilder) blocks.push(...problemBlocks(pb));

  blocks.push(h(2, 'Det här lovar vi', 'loften'));
  for (const [actor, loften] of byActor(d)) {
    blocks.push(h(3, `${actor.namn} lovar`));
    for (const l of loften) blocks.push(...promiseItem(l, problems, d.giltighet));
  }

  blocks.push(h(2, 'Så följer vi upp', 'uppfoljning'), p(`Så här går det med löftena per ${longDate(asOf)}.`), statusFigure(d.loften, asOf));
  blocks.push({
    kind: 'figure',
    svg: timelineSvg(d.giltighet, d.loften.map((l) => ({ label: l.id, period: l.tidsram, status: l.state.key })), asOf, 'Löftenas tidsramar'),
    caption: `Löftenas tidsramar under giltigheten; den streckade linjen är ${longDate(asOf)}.`,
    equivalent: {
      kind: 'table',
      caption: 'Löftenas tidsramar och läge',
      head: ['Löfte', 'Från', 'Till', 'Läge'],
      rows: d.loften.map((l) => [[{ text: l.id, page: '', anchor: promiseAnchor(l.id) }], [l.tidsram.from], [l.tidsram.tom], [stateInline(l)]]),
    },
  });
  blocks.push({
    kind: 'table',
    caption: 'Senaste uppföljningen av varje löfte',
    head: ['Löfte', 'Ansvarig', 'Läge', 'Uppföljd', 'Utfall och kommentar'],
    rows: d.loften.map((l) => [
      [{ text: l.id, page: '', anchor: promiseAnchor(l.id) }],
      [l.ansvarig.namn],
      [stateInline(l), ...(l.state.followUpOverdue ? [' – uppföljning försenad'] : [])],
      [l.state.latest ? l.state.latest.datum : '–'],
      [outcomeText(l.state.latest)],
    ]),
  });
  if (d.effekter.length > 0) {
    blocks.push(h(2, 'Vad vi vill uppnå', 'effekter'));
    blocks.push({ kind: 'list', items: d.effekter.map((e) => [p(e.beskrivning, ...(e.indikator ? [` Mäts genom: ${e.indikator}`] : []))]) });
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
  return { id: documentPageId(d.id), title: d.titel, blocks };
}
