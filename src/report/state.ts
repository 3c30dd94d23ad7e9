// The honest state of each promise and each medborgarlöfte as of a date: what the reports (pages and
// open data) say about how it is going. Pure: the same facts and date give the same state.

import type { Period } from '../model/access.js';

/** What a follow-up may report about a promise (Uppfoljning resultat.status). */
export const RESULT_STATUSES = ['ej_paborjat', 'pagaende', 'genomfort', 'delvis_genomfort', 'ej_genomfort', 'installt', 'kan_ej_bedomas'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/**
 * A promise's state as of a date. The reported statuses, plus two that lofte works out:
 * `forsenat` (its deadline has passed and it is neither done nor closed) and `ej_uppfoljt` (no
 * follow-up has reported on it yet, which is not the same as `kan_ej_bedomas`).
 */
export type PromiseStateKey = ResultStatus | 'forsenat' | 'ej_uppfoljt';

/** The order states are counted and drawn in: done first, then going, then trouble, then unknown. */
export const STATE_ORDER: readonly PromiseStateKey[] = ['genomfort', 'pagaende', 'ej_paborjat', 'forsenat', 'delvis_genomfort', 'ej_genomfort', 'installt', 'kan_ej_bedomas', 'ej_uppfoljt'];

/** One word (singular, plural) per state, used everywhere a state is shown: pages, tables, charts, data. */
export const STATE_WORDS: Readonly<Record<PromiseStateKey, { one: string; many: string }>> = {
  genomfort: { one: 'Genomfört', many: 'Genomförda' },
  pagaende: { one: 'Pågår', many: 'Pågår' },
  ej_paborjat: { one: 'Ej påbörjat', many: 'Ej påbörjade' },
  forsenat: { one: 'Försenat', many: 'Försenade' },
  delvis_genomfort: { one: 'Delvis genomfört', many: 'Delvis genomförda' },
  ej_genomfort: { one: 'Ej genomfört', many: 'Ej genomförda' },
  installt: { one: 'Inställt', many: 'Inställda' },
  kan_ej_bedomas: { one: 'Kan inte bedömas', many: 'Kan inte bedömas' },
  ej_uppfoljt: { one: 'Inte uppföljt', many: 'Inte uppföljda' },
};

/** The word for a state; `count` picks singular or plural ("1 genomfört", "2 genomförda"). */
export function stateWord(key: PromiseStateKey, count = 1): string {
  const w = STATE_WORDS[key];
  return count === 1 ? w.one : w.many;
}

/** Statuses that close a promise: after them it cannot be late. */
const CLOSED: ReadonlySet<string> = new Set(['genomfort', 'delvis_genomfort', 'ej_genomfort', 'installt']);

export interface Evidence {
  beskrivning: string;
  url?: string;
}

/** One follow-up's result for one promise. */
export interface HistoryEntry {
  /** The follow-up's date. */
  datum: string;
  /** The follow-up's id (never shown as text). */
  uppfoljning: string;
  status: ResultStatus;
  antal?: number;
  kommentar?: string;
  orsak?: string;
  belagg: Evidence[];
}

export interface PromiseFacts {
  tidsram: Period;
  /** The deadline of a one-off deliverable, when the promise names one. */
  senast?: string;
  /** Every result reported for the promise, in any order; those after `asOf` are left out. */
  results: readonly HistoryEntry[];
  /** The latest ended follow-up period without a follow-up (plus grace), if any. */
  followUpOverdue?: Period;
}

export interface PromiseState {
  key: PromiseStateKey;
  /** `senast` if given, else the end of the tidsram. */
  deadline: string;
  /** The deadline has passed as of the date. */
  deadlinePassed: boolean;
  /** Results dated on or before `asOf`, oldest first (by date, then follow-up id). */
  history: HistoryEntry[];
  latest?: HistoryEntry;
  /** The latest reported amount, "done so far". */
  done?: number;
  /** The date of the follow-up that reported `done`. */
  doneAt?: string;
  /** The follow-up period that lacks a follow-up, when one is overdue per the cadence. */
  followUpOverdue?: Period;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function promiseState(facts: PromiseFacts, asOf: string): PromiseState {
  const history = facts.results.filter((r) => r.datum <= asOf).sort((a, b) => cmp(a.datum, b.datum) || cmp(a.uppfoljning, b.uppfoljning));
  const latest = history[history.length - 1];
  const deadline = facts.senast ?? facts.tidsram.tom;
  const deadlinePassed = deadline < asOf;
  let key: PromiseStateKey;
  if (!latest) key = 'ej_uppfoljt';
  else if (CLOSED.has(latest.status) || latest.status === 'kan_ej_bedomas') key = latest.status;
  else key = deadlinePassed ? 'forsenat' : latest.status;
  let done: HistoryEntry | undefined;
  for (const r of history) if (r.antal !== undefined) done = r;
  return {
    key,
    deadline,
    deadlinePassed,
    history,
    ...(latest ? { latest } : {}),
    ...(done?.antal !== undefined ? { done: done.antal, doneAt: done.datum } : {}),
    ...(facts.followUpOverdue ? { followUpOverdue: facts.followUpOverdue } : {}),
  };
}

/** Where a medborgarlöfte stands in time: a draft, not yet in force, in force, or ended. */
export type PhaseKey = 'utkast' | 'kommande' | 'gallande' | 'avslutad';

export interface Phase {
  key: PhaseKey;
  /** "Avslutad 2019", "Gäller", "Börjar gälla 2027", "Utkast". */
  text: string;
  /** Current documents are listed before ended ones. */
  current: boolean;
}

export function documentPhase(status: string, giltighet: Period, asOf: string): Phase {
  if (status === 'utkast') return { key: 'utkast', text: 'Utkast', current: true };
  if (status === 'avslutad' || giltighet.tom < asOf) {
    // Ended early: lofte does not know the year it ended, only that it has.
    const text = giltighet.tom < asOf ? `Avslutad ${giltighet.tom.slice(0, 4)}` : 'Avslutad';
    return { key: 'avslutad', text, current: false };
  }
  if (giltighet.from > asOf) return { key: 'kommande', text: `Börjar gälla ${giltighet.from.slice(0, 4)}`, current: true };
  return { key: 'gallande', text: 'Gäller', current: true };
}

export interface StateCount {
  key: PromiseStateKey;
  count: number;
}

/** How many promises are in each state, in STATE_ORDER, states with none left out. */
export function stateCounts(states: readonly { key: PromiseStateKey }[]): StateCount[] {
  const n = new Map<PromiseStateKey, number>();
  for (const s of states) n.set(s.key, (n.get(s.key) ?? 0) + 1);
  return STATE_ORDER.filter((k) => n.has(k)).map((key) => ({ key, count: n.get(key) ?? 0 }));
}

/** The date of the latest follow-up of any of the promises, if any. */
export function lastFollowUp(states: readonly PromiseState[]): string | undefined {
  let last: string | undefined;
  for (const s of states) if (s.latest && (last === undefined || s.latest.datum > last)) last = s.latest.datum;
  return last;
}
