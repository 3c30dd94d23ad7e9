// The report model: what each page says, built from a valid repository. Nothing internal gets past here.

import { compareStrings } from '../diagnostics/types.js';
import type { LinkGraph } from '../links/index.js';
import { asArray, asDict, asPeriod, asString, idList, isIsoDate, type Dict, type Period } from '../model/access.js';
import type { ReferenceData } from '../model/reference-data.js';
import { overdueFollowUps } from '../rules/follow-up-missing.js';
import type { Entity } from '../schema/index.js';
import type { SiteConfig } from '../config/index.js';
import { documentPhase, lastFollowUp, promiseState, RESULT_STATUSES, type HistoryEntry, type Phase, type PromiseState, type ResultStatus } from './state.js';

export type { HistoryEntry, Phase, PromiseState } from './state.js';

export interface ActorRef {
  id: string;
  namn: string;
  typ: string;
  webbplats?: string;
  /** A function's contact (roll, e-post, telefon), never a person's. */
  kontakt?: { roll?: string; epost?: string; telefon?: string };
}

export interface SourceView {
  typ: string;
  /** Absent for underrättelse sources: their detail is never published. */
  beskrivning?: string;
  datum?: string;
  period?: Period;
  antalSvarande?: number;
}

export interface ProblemView {
  id: string;
  titel: string;
  sammanfattning: string;
  intern: boolean;
  /** Only for public problem pictures. */
  beskrivning?: string;
  plats?: string;
  tid?: string;
  malgrupp?: string;
  faststalld?: string;
  kallor: SourceView[];
}

/** One follow-up's result for one promise (see state.ts). */
export type ResultView = HistoryEntry;

export interface PromiseView {
  document: string;
  id: string;
  text: string;
  /** The first responsible actor; `ansvariga` has all of a joint promise's. */
  ansvarig: ActorRef;
  ansvariga: ActorRef[];
  medverkande: ActorRef[];
  problembilder: string[];
  tidsram: Period;
  omfattning?: { antal: number; enhet: string; minst: boolean };
  frekvens?: { antal: number; per: string; minst: boolean };
  plats?: string;
  uppfoljning?: { metod?: string; kadens?: string };
  /** The deadline of a one-off deliverable. */
  senast?: string;
  /** Its honest state as of the report's date, with every follow-up so far. */
  state: PromiseState;
}

export interface DocumentView {
  id: string;
  titel: string;
  status: string;
  giltighet: Period;
  /** Draft, not yet in force, in force or ended ("Avslutad 2019"), as of the report's date. */
  phase: Phase;
  /** The date of the latest follow-up of any of its promises. */
  senastUppfoljd?: string;
  lpo: ActorRef;
  polisregion: { id: string; namn: string };
  kommuner: ActorRef[];
  inledning?: string;
  beskrivning?: string;
  problembilder: ProblemView[];
  loften: PromiseView[];
  effekter: { beskrivning: string; indikator?: string }[];
  undertecknare: { aktor: ActorRef; roll: string; namn?: string; datum?: string }[];
  publicering?: { url?: string; datum?: string };
}

export interface ReportModel {
  asOf: string;
  documents: DocumentView[];
  actors: ActorRef[];
  /** Who publishes the site and its accessibility statement, from lofte.config.yaml. */
  site: SiteInfo;
}

/** The publisher's facts from lofte.config.yaml (`webbplats`), all optional there. */
export type SiteInfo = SiteConfig;

export interface ReportFilter {
  lpo?: string;
  kommun?: string;
  ids?: readonly string[];
  statuses?: readonly string[];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/**
 * One ActorRef per actor and graph, shared by every place that names it: a national model names a
 * few thousand actors some 50,000 times, and a copy each was a tenth of what the model keeps. Never
 * changed once made.
 */
const actorRefs = new WeakMap<LinkGraph, Map<string | undefined, ActorRef>>();

function actorRef(graph: LinkGraph, id: string | undefined): ActorRef {
  let made = actorRefs.get(graph);
  if (!made) actorRefs.set(graph, (made = new Map()));
  let ref = made.get(id);
  if (!ref) made.set(id, (ref = newActorRef(graph, id)));
  return ref;
}

function newActorRef(graph: LinkGraph, id: string | undefined): ActorRef {
  const e = id === undefined ? undefined : graph.byId.get(id);
  const ref: ActorRef = { id: id ?? '', namn: asString(e?.value['namn']) ?? id ?? '', typ: asString(e?.value['typ']) ?? '' };
  const webbplats = asString(e?.value['webbplats']);
  if (webbplats) ref.webbplats = webbplats;
  const k = asDict(e?.value['kontakt']);
  if (k) ref.kontakt = { roll: asString(k['roll']), epost: asString(k['epost']), telefon: asString(k['telefon']) };
  return ref;
}

const isResultStatus = (s: string): s is ResultStatus => (RESULT_STATUSES as readonly string[]).includes(s);

function problemView(e: Entity): ProblemView {
  const v = e.value;
  // Fail closed: only exactly `offentlig` publishes the detail. A misspelt, capitalised or missing
  // value (its schema finding silenced, say) is treated as `intern`.
  const intern = v['sekretess'] !== 'offentlig';
  const base = { id: e.id ?? '', titel: asString(v['titel']) ?? '', sammanfattning: asString(v['sammanfattning']) ?? '', intern };
  if (intern) return { ...base, kallor: [] };
  return {
    ...base,
    beskrivning: asString(v['beskrivning']),
    plats: asString(v['plats']),
    tid: asString(v['tid']),
    malgrupp: asString(v['malgrupp']),
    faststalld: asString(v['faststalld']),
    kallor: asArray(v['kallor']).map((k) => {
      const d = asDict(k) ?? {};
      const typ = asString(d['typ']) ?? 'ovrig';
      if (typ === 'underrattelse') return { typ };
      return { typ, beskrivning: asString(d['beskrivning']), datum: asString(d['datum']), period: asPeriod(d['period']), antalSvarande: num(d['antal_svarande']) };
    }),
  };
}

/** Every result of every follow-up, by `document/promise`, unsorted (state.ts sorts and cuts at --as-of). */
function allResults(entities: readonly Entity[]): Map<string, HistoryEntry[]> {
  const out = new Map<string, HistoryEntry[]>();
  for (const f of entities) {
    if (f.kind !== 'Uppfoljning') continue;
    const datum = asString(f.value['datum']) ?? '';
    for (const r of asArray(f.value['resultat'])) {
      const d = asDict(r) ?? {};
      const status = asString(d['status']) ?? '';
      if (!isResultStatus(status)) continue;
      const key = `${asString(f.value['medborgarlofte']) ?? ''}/${asString(d['lofte']) ?? ''}`;
      const entry: HistoryEntry = {
        datum,
        uppfoljning: f.id ?? '',
        status,
        antal: num(asDict(d['utfall'])?.['antal']),
        kommentar: asString(d['kommentar']),
        orsak: asString(d['orsak']),
        belagg: asArray(d['belagg']).flatMap((b) => {
          const x = asDict(b);
          const beskrivning = asString(x?.['beskrivning']);
          const url = asString(x?.['url']);
          if (!beskrivning && !url) return [];
          return [{ beskrivning: beskrivning ?? url ?? '', ...(url ? { url } : {}) }];
        }),
      };
      const list = out.get(key);
      if (list) list.push(entry);
      else out.set(key, [entry]);
    }
  }
  return out;
}

function promiseView(doc: Entity, raw: Dict, giltighet: Period, graph: LinkGraph, results: Map<string, HistoryEntry[]>, overdue: Map<string, Period>, asOf: string): PromiseView {
  const id = asString(raw['id']) ?? '';
  const omf = asDict(raw['omfattning']);
  const frek = asDict(raw['frekvens']);
  const upp = asDict(raw['uppfoljning']);
  const pb = raw['problembild'];
  const ansvariga = idList(raw['ansvarig']).map((a) => actorRef(graph, a));
  const tidsram = asPeriod(raw['tidsram']) ?? giltighet;
  const senast = isIsoDate(raw['senast']) ? raw['senast'] : undefined;
  const key = `${doc.id ?? ''}/${id}`;
  return {
    document: doc.id ?? '',
    id,
    text: asString(raw['text']) ?? '',
    ansvarig: ansvariga[0] ?? actorRef(graph, undefined),
    ansvariga,
    medverkande: asArray(raw['medverkande']).map((m) => actorRef(graph, asString(m))),
    problembilder: (Array.isArray(pb) ? pb : [pb]).map((p) => asString(p) ?? ''),
    tidsram,
    omfattning: omf ? { antal: num(omf['antal']) ?? 0, enhet: asString(omf['enhet']) ?? '', minst: omf['minst'] === true } : undefined,
    frekvens: frek ? { antal: num(frek['antal']) ?? 0, per: asString(frek['per']) ?? '', minst: frek['minst'] === true } : undefined,
    plats: asString(raw['plats']),
    uppfoljning: upp ? { metod: asString(upp['metod']), kadens: asString(upp['kadens']) } : undefined,
    ...(senast ? { senast } : {}),
    state: promiseState({ tidsram, senast, results: results.get(key) ?? [], followUpOverdue: overdue.get(key) }, asOf),
  };
}

/** The kommun actors a `--kommun` value names: by actor id, SCB kommunkod or kommun name. */
function kommunActors(entities: readonly Entity[], wanted: string, data: ReferenceData): Set<string> {
  const w = wanted.toLowerCase();
  const ids = new Set<string>();
  for (const e of entities) {
    if (e.kind !== 'Aktor' || e.value['typ'] !== 'kommun' || e.id === undefined) continue;
    const kod = asString(e.value['kommunkod']) ?? '';
    if (e.id === wanted || kod === wanted || data.kommuner.get(kod)?.namn.toLowerCase() === w) ids.add(e.id);
  }
  return ids;
}

function matches(doc: DocumentView, filter: ReportFilter, kommuner: Set<string> | undefined): boolean {
  if (filter.lpo && doc.lpo.id !== filter.lpo) return false;
  if (filter.ids && filter.ids.length > 0 && !filter.ids.includes(doc.id)) return false;
  if (filter.statuses && filter.statuses.length > 0 && !filter.statuses.includes(doc.status)) return false;
  if (kommuner && !doc.kommuner.some((k) => kommuner.has(k.id))) return false;
  return true;
}

export function buildReportModel(entities: readonly Entity[], graph: LinkGraph, asOf: string, data: ReferenceData, filter: ReportFilter = {}, site: SiteInfo = {}): ReportModel {
  const results = allResults(entities);
  const overdue = new Map(overdueFollowUps(entities, asOf).map((o) => [`${o.document}/${o.lofte}`, o.period]));
  const documents: DocumentView[] = [];
  for (const doc of entities) {
    if (doc.kind !== 'Medborgarlofte' || doc.id === undefined) continue;
    const v = doc.value;
    const giltighet = asPeriod(v['giltighet']) ?? { from: '', tom: '' };
    const lpo = actorRef(graph, asString(v['lokalpolisomrade']));
    const regionId = asString(graph.byId.get(lpo.id)?.value['polisregion']) ?? '';
    const loften = asArray(v['loften']).map((l) => promiseView(doc, asDict(l) ?? {}, giltighet, graph, results, overdue, asOf));
    const senastUppfoljd = lastFollowUp(loften.map((l) => l.state));
    const status = asString(v['status']) ?? '';
    const problemIds = [...new Set(loften.flatMap((l) => l.problembilder))];
    const publicering = asDict(v['publicering']);
    documents.push({
      id: doc.id,
      titel: asString(v['titel']) ?? doc.id,
      status,
      giltighet,
      phase: documentPhase(status, giltighet, asOf),
      ...(senastUppfoljd ? { senastUppfoljd } : {}),
      lpo,
      polisregion: { id: regionId, namn: data.polisregioner.get(regionId)?.namn ?? regionId },
      kommuner: asArray(v['kommuner']).map((k) => actorRef(graph, asString(k))),
      inledning: asString(v['inledning']),
      beskrivning: asString(v['beskrivning']),
      problembilder: problemIds.map((id) => graph.byId.get(id)).filter((e): e is Entity => e?.kind === 'Problembild').map(problemView),
      loften,
      effekter: asArray(v['forvantade_effekter']).map((e) => ({ beskrivning: asString(asDict(e)?.['beskrivning']) ?? '', indikator: asString(asDict(e)?.['indikator']) })),
      undertecknare: asArray(v['undertecknare']).map((u) => {
        const d = asDict(u) ?? {};
        return { aktor: actorRef(graph, asString(d['aktor'])), roll: asString(d['roll']) ?? '', namn: asString(d['namn']), datum: asString(d['datum']) };
      }),
      publicering: publicering ? { url: asString(publicering['url']), datum: asString(publicering['datum']) } : undefined,
    });
  }
  const kommuner = filter.kommun ? kommunActors(entities, filter.kommun, data) : undefined;
  const chosen = documents.filter((d) => matches(d, filter, kommuner)).sort((a, b) => compareStrings(a.id, b.id));
  const actorIds = new Set(chosen.flatMap((d) => d.loften.flatMap((l) => [...l.ansvariga.map((a) => a.id), ...l.medverkande.map((m) => m.id)])));
  const actors = [...actorIds].map((id) => actorRef(graph, id)).sort((a, b) => compareStrings(a.namn, b.namn) || compareStrings(a.id, b.id));
  return { asOf, documents: chosen, actors, site };
}
