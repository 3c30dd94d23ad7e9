// The open data model: the published report model as plain, versioned data. Built only from the
// report model (where nothing internal gets past) and public parts of the chosen documents'
// follow-ups; every data file (JSON, CSV, Atom, DCAT, the pages' JSON-LD) is written from it.

import { compareStrings } from '../diagnostics/types.js';
import { asArray, asDict, asPeriod, asString, isIsoDate, type Period } from '../model/access.js';
import type { ActorRef, DocumentView, ProblemView, PromiseView, ReportModel } from '../report/model.js';
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
  status: string;
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

/** A promise's state as of the data's date. */
export interface PromiseState {
  /** The latest result's status, or `ej_uppfoljd` when no follow-up has judged the promise yet. */
  status: string;
  /** The date of the latest follow-up of the promise, if any. */
  senast_uppfoljd?: string;
  /** A follow-up period that has passed without a follow-up (`follow-up-missing`). */
  forsenad_uppfoljning?: Period;
  /** Whether the promise's time frame has ended. */
  tidsram_slut: boolean;
}

export interface PromiseData {
  id: string;
  text: string;
  ansvariga: ActorData[];
  medverkande: ActorData[];
  problembilder: string[];
  tidsram: Period;
  omfattning?: { antal: number; enhet: string; minst: boolean };
  frekvens?: { antal: number; per: string; minst: boolean };
  plats?: string;
  uppfoljning?: { metod?: string; kadens?: string };
  lage: PromiseState;
  /** Every result for this promise, oldest first. */
  resultat: ResultData[];
}

export interface DocumentData {
  id: string;
  titel: string;
  status: string;
  giltighet: Period;
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

const actor = (a: ActorRef): ActorData => ({ id: a.id, namn: a.namn, typ: a.typ });

/** Drops keys whose value is undefined, so the JSON has no `"x": undefined` holes and stays stable. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function problem(pb: ProblemView): ProblemData {
  const base = { id: pb.id, titel: pb.titel, sammanfattning: pb.sammanfattning };
  // The report model has already emptied intern problem pictures; anything not public is intern here too.
  if (pb.intern) return { ...base, sekretess: 'intern' };
  return defined({
    ...base,
    sekretess: 'offentlig' as const,
    faststalld: pb.faststalld,
    plats: pb.plats,
    tid: pb.tid,
    malgrupp: pb.malgrupp,
    beskrivning: pb.beskrivning,
    kallor: pb.kallor.map((k) => defined({ typ: k.typ, beskrivning: k.beskrivning, datum: k.datum, period: k.period, antal_svarande: k.antalSvarande })),
  });
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The public part of one result: status, outcome, comment, reason and evidence. */
function result(followUp: string, datum: string, raw: unknown): ResultData {
  const d = asDict(raw) ?? {};
  const antal = num(asDict(d['utfall'])?.['antal']);
  const belagg = asArray(d['belagg'])
    .map((b) => asDict(b))
    .filter((b): b is Record<string, unknown> => b !== undefined)
    .map((b) => defined({ beskrivning: asString(b['beskrivning']), url: asString(b['url']) }));
  return defined({
    uppfoljning: followUp,
    datum,
    lofte: asString(d['lofte']) ?? '',
    status: asString(d['status']) ?? '',
    utfall: antal === undefined ? undefined : { antal },
    kommentar: asString(d['kommentar']),
    orsak: asString(d['orsak']),
    belagg: belagg.length > 0 ? belagg : undefined,
  });
}

/** Every follow-up of the chosen documents dated on or before the as-of date, oldest first. */
function followUpsByDocument(entities: readonly Entity[], model: ReportModel, actors: ReadonlyMap<string, ActorData>): Map<string, FollowUpData[]> {
  const chosen = new Set(model.documents.map((d) => d.id));
  const out = new Map<string, FollowUpData[]>();
  const followUps = entities
    .filter((e) => e.kind === 'Uppfoljning' && e.id !== undefined && chosen.has(asString(e.value['medborgarlofte']) ?? '') && isIsoDate(e.value['datum']) && (e.value['datum'] as string) <= model.asOf)
    .sort((a, b) => compareStrings(a.value['datum'] as string, b.value['datum'] as string) || compareStrings(a.id ?? '', b.id ?? ''));
  for (const f of followUps) {
    const v = f.value;
    const id = f.id ?? '';
    const datum = v['datum'] as string;
    const rapportor = asString(v['rapportor']);
    const data: FollowUpData = defined({
      id,
      datum,
      period: asPeriod(v['period']),
      rapportor: rapportor === undefined ? undefined : (actors.get(rapportor) ?? { id: rapportor, namn: rapportor, typ: '' }),
      beskrivning: asString(v['beskrivning']),
      resultat: asArray(v['resultat']).map((r) => result(id, datum, r)),
    });
    const doc = asString(v['medborgarlofte']) ?? '';
    const list = out.get(doc);
    if (list) list.push(data);
    else out.set(doc, [data]);
  }
  return out;
}

/** The state of a promise as of a date, from the report model's latest result and overdue period. */
export function promiseState(l: PromiseView, asOf: string): PromiseState {
  return defined({
    status: l.latest?.status ?? 'ej_uppfoljd',
    senast_uppfoljd: l.latest?.datum,
    forsenad_uppfoljning: l.overdue,
    tidsram_slut: l.tidsram.tom < asOf,
  });
}

function promise(l: PromiseView, asOf: string, results: readonly ResultData[]): PromiseData {
  return defined({
    id: l.id,
    text: l.text,
    ansvariga: [actor(l.ansvarig)],
    medverkande: l.medverkande.map(actor),
    problembilder: l.problembilder,
    tidsram: l.tidsram,
    omfattning: l.omfattning,
    frekvens: l.frekvens,
    plats: l.plats,
    uppfoljning: l.uppfoljning ? defined(l.uppfoljning) : undefined,
    lage: promiseState(l, asOf),
    resultat: results.filter((r) => r.lofte === l.id),
  });
}

function documentData(d: DocumentView, asOf: string, followUps: readonly FollowUpData[]): DocumentData {
  const results = followUps.flatMap((f) => f.resultat);
  return defined({
    id: d.id,
    titel: d.titel,
    status: d.status,
    giltighet: d.giltighet,
    sida: `medborgarloften/${d.id}.html`,
    lokalpolisomrade: actor(d.lpo),
    polisregion: d.polisregion,
    kommuner: d.kommuner.map(actor),
    inledning: d.inledning,
    beskrivning: d.beskrivning,
    publicering: d.publicering ? defined(d.publicering) : undefined,
    forvantade_effekter: d.effekter.map((e) => defined(e)),
    undertecknare: d.undertecknare.map((u) => defined({ aktor: actor(u.aktor), roll: u.roll, datum: u.datum })),
    problembilder: d.problembilder.map(problem),
    loften: d.loften.map((l) => promise(l, asOf, results)),
    uppfoljningar: [...followUps],
  });
}

/** The open data of a report: the same documents, the same public parts, the same as-of date. */
export function buildOpenData(model: ReportModel, entities: readonly Entity[]): OpenData {
  const actors = new Map(model.actors.map((a) => [a.id, actor(a)]));
  for (const d of model.documents) for (const a of [d.lpo, ...d.kommuner, ...d.undertecknare.map((u) => u.aktor)]) if (!actors.has(a.id)) actors.set(a.id, actor(a));
  for (const e of entities) if (e.kind === 'Aktor' && e.id !== undefined && !actors.has(e.id)) actors.set(e.id, { id: e.id, namn: asString(e.value['namn']) ?? e.id, typ: asString(e.value['typ']) ?? '' });
  const followUps = followUpsByDocument(entities, model, actors);
  const medborgarloften = model.documents.map((d) => documentData(d, model.asOf, followUps.get(d.id) ?? []));
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
