// The open data model: the published report model as plain, versioned data. Built from the report
// model (where nothing internal gets past, and where each promise's state is worked out) and the
// chosen documents' follow-ups' own facts (date, period, reporter); every data file (JSON, CSV,
// Atom, DCAT, the pages' JSON-LD) is written from it.

import { compareStrings } from '../diagnostics/types.js';
import { asPeriod, asString, type Period } from '../model/access.js';
import type { ActorRef, DocumentView, HistoryEntry, ProblemView, PromiseView, ReportModel } from '../report/model.js';
import { markdownToMarkdown, stripComments } from '../report/safe-markdown.js';
import { stateWord, type PromiseStateKey, type ResultStatus } from '../report/state.js';
import type { Entity } from '../schema/index.js';

/** The data format's version: the major part changes only when a reader must change. */
export const FORMAT_VERSION = '1.0';

export interface ActorData {
  id: string;
  namn: string;
  typ: string;
}

export interface SourceData {
  typ: string;
  beskrivning?: string;
  datum?: string;
  period?: Period;
  antal_svarande?: number;
}

export interface ProblemData {
  id: string;
  titel: string;
  sammanfattning: string;
  /** `offentlig`, or `intern` for anything else: then only titel and sammanfattning are given. */
  sekretess: 'offentlig' | 'intern';
  faststalld?: string;
  plats?: string;
  tid?: string;
  malgrupp?: string;
  beskrivning?: string;
  kallor?: SourceData[];
}

export interface EvidenceData {
  beskrivning?: string;
  url?: string;
}

export interface ResultData {
  uppfoljning: string;
  datum: string;
  lofte: string;
  status: ResultStatus;
  utfall?: { antal: number };
  kommentar?: string;
  orsak?: string;
  belagg?: EvidenceData[];
}

export interface FollowUpData {
  id: string;
  datum: string;
  period?: Period;
  rapportor?: ActorData;
  beskrivning?: string;
  resultat: ResultData[];
}

/** A promise's state as of the data's date (src/report/state.ts, the same as the pages say). */
export interface PromiseStateData {
  /** The latest result's status; `forsenat` past the deadline and not closed; `ej_uppfoljt` with no result yet. */
  status: PromiseStateKey;
  /** The state in words, as the pages show it. */
  text: string;
  /** `senast` if the promise has one, else the end of its time frame. */
  tidsgrans: string;
  tidsgrans_passerad: boolean;
  /** The date of the latest result for the promise. */
  senast_uppfoljd?: string;
  /** The latest reported amount: what has been done so far. */
  utfall_hittills?: number;
  /** A follow-up period that has passed without a follow-up (`follow-up-missing`). */
  forsenad_uppfoljning?: Period;
}

export interface PromiseData {
  id: string;
  text: string;
  ansvariga: ActorData[];
  medverkande: ActorData[];
  problembilder: string[];
  tidsram: Period;
  senast?: string;
  omfattning?: { antal: number; enhet: string; minst: boolean };
  frekvens?: { antal: number; per: string; minst: boolean };
  plats?: string;
  uppfoljning?: { metod?: string; kadens?: string };
  lage: PromiseStateData;
  /** Every result for this promise, oldest first. */
  resultat: ResultData[];
}

export interface DocumentData {
  id: string;
  titel: string;
  status: string;
  giltighet: Period;
  /** Draft, not yet in force, in force or ended, as of the data's date. */
  fas: { status: string; text: string };
  senast_uppfoljd?: string;
  /** The page on the site, relative to the site's root. */
  sida: string;
  lokalpolisomrade: ActorData;
  polisregion: { id: string; namn: string };
  kommuner: ActorData[];
  inledning?: string;
  beskrivning?: string;
  publicering?: { url?: string; datum?: string };
  forvantade_effekter: { beskrivning: string; indikator?: string }[];
  /** Who signed, by actor and role; signatories' names are personal data and not published here. */
  undertecknare: { aktor: ActorData; roll: string; datum?: string }[];
  problembilder: ProblemData[];
  loften: PromiseData[];
  uppfoljningar: FollowUpData[];
}

export interface OpenData {
  format: { namn: 'lofte-medborgarloften'; version: string };
  lage_per: string;
  medborgarloften: DocumentData[];
  aktorer: ActorData[];
}

/**
 * Markdown as published, the same safe Markdown the `--format md` pages carry: without the
 * `<!-- … -->` notes authors keep in it, raw HTML as text, and only http(s), mailto and relative
 * links, so that a portal that renders the data cannot be given a live script link. The top
 * heading level is 1.
 */
function markdown(source: string | undefined): string | undefined {
  if (source === undefined || stripComments(source).trim() === '') return undefined;
  return markdownToMarkdown(source, 1).trimEnd();
}

/**
 * One ActorData per ActorRef (the model has one ActorRef per actor), shared by every place that
 * names it: a national data set names a few thousand actors some 100,000 times. Never changed.
 */
const actorData = new WeakMap<ActorRef, ActorData>();

function actor(a: ActorRef): ActorData {
  let data = actorData.get(a);
  if (!data) actorData.set(a, (data = { id: a.id, namn: a.namn, typ: a.typ }));
  return data;
}

// The objects below are written as literals whose keys may hold undefined: JSON.stringify leaves
// such keys out, so the JSON is the same as without them, and a literal keeps its fields in the
// object itself (keys added one by one, as a copy without them was made, take a second
// allocation each). A national data set is some 150 objects per medborgarlöfte, all kept while the
// site is written. Parts of the model that are published as they are (periods, amounts, evidence,
// effects, publicering) are shared with it, not copied.

function problem(pb: ProblemView): ProblemData {
  // The report model has already emptied intern problem pictures; anything not public is intern here too.
  if (pb.intern) return { id: pb.id, titel: pb.titel, sammanfattning: pb.sammanfattning, sekretess: 'intern' };
  return {
    id: pb.id,
    titel: pb.titel,
    sammanfattning: pb.sammanfattning,
    sekretess: 'offentlig',
    faststalld: pb.faststalld,
    plats: pb.plats,
    tid: pb.tid,
    malgrupp: pb.malgrupp,
    beskrivning: markdown(pb.beskrivning),
    kallor: pb.kallor.map((k) => ({ typ: k.typ, beskrivning: k.beskrivning, datum: k.datum, period: k.period, antal_svarande: k.antalSvarande })),
  };
}

function result(lofte: string, r: HistoryEntry): ResultData {
  return {
    uppfoljning: r.uppfoljning,
    datum: r.datum,
    lofte,
    status: r.status,
    utfall: r.antal === undefined ? undefined : { antal: r.antal },
    kommentar: r.kommentar,
    orsak: r.orsak,
    // The model's evidence has exactly the published keys (beskrivning, and url when given).
    belagg: r.belagg.length > 0 ? r.belagg : undefined,
  };
}

/**
 * The follow-ups of a medborgarlöfte as of the model's date, oldest first: their results are the
 * promises' histories (state.ts), the same objects as the promises' own `resultat`; their date,
 * period, reporter and text the follow-up's own.
 */
function followUps(loften: readonly PromiseData[], facts: ReadonlyMap<string, FollowUpFacts>, actors: ReadonlyMap<string, ActorData>): FollowUpData[] {
  const byId = new Map<string, ResultData[]>();
  for (const l of loften) {
    for (const r of l.resultat) {
      const list = byId.get(r.uppfoljning);
      if (list) list.push(r);
      else byId.set(r.uppfoljning, [r]);
    }
  }
  const out: FollowUpData[] = [];
  for (const [id, resultat] of byId) {
    const { period, rapportor, beskrivning } = facts.get(id) ?? {};
    out.push({
      id,
      datum: resultat[0]?.datum ?? '',
      period,
      rapportor: rapportor === undefined ? undefined : (actors.get(rapportor) ?? { id: rapportor, namn: rapportor, typ: '' }),
      beskrivning: markdown(beskrivning),
      resultat,
    });
  }
  return out.sort((a, b) => compareStrings(a.datum, b.datum) || compareStrings(a.id, b.id));
}

function stateData(l: PromiseView): PromiseStateData {
  const s = l.state;
  return {
    status: s.key,
    text: stateWord(s.key),
    tidsgrans: s.deadline,
    tidsgrans_passerad: s.deadlinePassed,
    senast_uppfoljd: s.latest?.datum,
    utfall_hittills: s.done,
    forsenad_uppfoljning: s.followUpOverdue,
  };
}

function promise(l: PromiseView): PromiseData {
  return {
    id: l.id,
    text: l.text,
    ansvariga: l.ansvariga.map(actor),
    medverkande: l.medverkande.map(actor),
    problembilder: l.problembilder,
    tidsram: l.tidsram,
    senast: l.senast,
    omfattning: l.omfattning,
    frekvens: l.frekvens,
    plats: l.plats,
    uppfoljning: l.uppfoljning,
    lage: stateData(l),
    resultat: l.state.history.map((r) => result(l.id, r)),
  };
}

function documentData(d: DocumentView, facts: ReadonlyMap<string, FollowUpFacts>, actors: ReadonlyMap<string, ActorData>): DocumentData {
  const loften = d.loften.map(promise);
  return {
    id: d.id,
    titel: d.titel,
    status: d.status,
    giltighet: d.giltighet,
    fas: { status: d.phase.key, text: d.phase.text },
    senast_uppfoljd: d.senastUppfoljd,
    sida: `medborgarloften/${d.id}.html`,
    lokalpolisomrade: actor(d.lpo),
    polisregion: d.polisregion,
    kommuner: d.kommuner.map(actor),
    inledning: markdown(d.inledning),
    beskrivning: markdown(d.beskrivning),
    publicering: d.publicering,
    forvantade_effekter: d.effekter,
    undertecknare: d.undertecknare.map((u) => ({ aktor: actor(u.aktor), roll: u.roll, datum: u.datum })),
    problembilder: d.problembilder.map(problem),
    loften,
    uppfoljningar: followUps(loften, facts, actors),
  };
}

/** A follow-up's own facts the open data gives (its results are in the report model). */
interface FollowUpFacts {
  period?: Period;
  rapportor?: string;
  beskrivning?: string;
}

/**
 * What the open data takes from the entities besides the report model: every actor's name and
 * type, and the own facts of the follow-ups the model's documents name. Small: taken while the
 * validation result is at hand, so that the result can go before the open data is built.
 */
export interface OpenDataSources {
  actors: Map<string, ActorData>;
  followUps: Map<string, FollowUpFacts>;
}

export function openDataSources(model: ReportModel, entities: readonly Entity[]): OpenDataSources {
  const named = new Set<string>();
  for (const d of model.documents) for (const l of d.loften) for (const r of l.state.history) named.add(r.uppfoljning);
  const actors = new Map(model.actors.map((a) => [a.id, actor(a)]));
  const followUps = new Map<string, FollowUpFacts>();
  for (const e of entities) {
    if (e.id === undefined) continue;
    if (e.kind === 'Aktor' && !actors.has(e.id)) actors.set(e.id, { id: e.id, namn: asString(e.value['namn']) ?? e.id, typ: asString(e.value['typ']) ?? '' });
    // The last follow-up with an id wins, as a map by id would have it.
    if (e.kind === 'Uppfoljning' && named.has(e.id)) followUps.set(e.id, { period: asPeriod(e.value['period']), rapportor: asString(e.value['rapportor']), beskrivning: asString(e.value['beskrivning']) });
  }
  return { actors, followUps };
}

/** The open data of a report: the same documents, the same public parts, the same as-of date. */
export function buildOpenData(model: ReportModel, sources: OpenDataSources): OpenData {
  const { actors, followUps } = sources;
  const medborgarloften = model.documents.map((d) => documentData(d, followUps, actors));
  // The actors the published data names, and no others.
  const named = new Set<string>();
  for (const d of medborgarloften) {
    for (const a of [d.lokalpolisomrade, ...d.kommuner, ...d.undertecknare.map((u) => u.aktor)]) named.add(a.id);
    for (const l of d.loften) for (const a of [...l.ansvariga, ...l.medverkande]) named.add(a.id);
    for (const f of d.uppfoljningar) if (f.rapportor) named.add(f.rapportor.id);
  }
  const aktorer = [...named].map((id) => actors.get(id) ?? { id, namn: id, typ: '' }).sort((a, b) => compareStrings(a.id, b.id));
  return { format: { namn: 'lofte-medborgarloften', version: FORMAT_VERSION }, lage_per: model.asOf, medborgarloften, aktorer };
}

/** Dates in the data that mark a change, on or before the as-of date: never the clock. */
export function dataDates(data: OpenData): { issued?: string; modified?: string } {
  const asOf = data.lage_per;
  const first = data.medborgarloften.map((d) => d.publicering?.datum ?? d.giltighet.from).filter((x) => x <= asOf).sort(compareStrings);
  const changes = data.medborgarloften
    .flatMap((d) => [d.publicering?.datum, ...d.undertecknare.map((u) => u.datum), ...d.problembilder.map((p) => p.faststalld), ...d.uppfoljningar.map((f) => f.datum), d.giltighet.from])
    .filter((x): x is string => x !== undefined && x <= asOf)
    .sort(compareStrings);
  return { issued: first[0], modified: changes[changes.length - 1] };
}
