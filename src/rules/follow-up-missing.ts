// follow-up-missing: a promise whose follow-up period has passed (as of --as-of) without a follow-up.

import { asArray, asDict, asPeriod, asString, isIsoDate, type Period } from '../model/access.js';
import { addDays, addMonths } from '../model/dates.js';
import { interned } from '../util/intern.js';
import { promises } from './promises.js';
import type { Entity } from '../schema/index.js';
import type { Rule } from './types.js';

const MONTHS: Readonly<Record<string, number>> = { manad: 1, kvartal: 3, tertial: 4, halvar: 6, ar: 12 };
/** Statuses under which follow-ups are owed: a draft has promised nothing yet. */
const COMMITTED = new Set(['beslutad', 'publicerad', 'avslutad']);
/** Days after a period ends before its follow-up counts as missing: reports take time to write. */
export const GRACE_DAYS = 30;
/** How long before a period ends a follow-up may be dated and still report on that period. */
export const REPORT_WINDOW_DAYS = 31;

const periodCache = new Map<string, Period[]>();

/** The follow-up periods of a time frame: one per cadence step, the last cut at the frame's end. */
export function followUpPeriods(frame: Period, kadens: string | undefined): Period[] {
  // Most promises share their document's giltighet and cadence: compute each combination once.
  const key = `${frame.from}|${frame.tom}|${kadens ?? ''}`;
  const hit = periodCache.get(key);
  if (hit) return hit;
  const periods = computePeriods(frame, kadens);
  periodCache.set(key, periods);
  return periods;
}

function computePeriods(frame: Period, kadens: string | undefined): Period[] {
  const months = kadens === undefined ? undefined : MONTHS[kadens];
  if (months === undefined) return [frame];
  const out: Period[] = [];
  for (let step = 0, from = frame.from; from <= frame.tom; step++) {
    const next = addMonths(frame.from, (step + 1) * months);
    const tom = addDays(next, -1) < frame.tom ? addDays(next, -1) : frame.tom;
    out.push({ from, tom });
    from = next;
  }
  return out;
}

export interface OverdueFollowUp {
  doc: Entity;
  index: number;
  document: string;
  lofte: string;
  period: Period;
  kadens: string;
}

/** Every promise whose latest ended follow-up period (plus grace) has no follow-up, as of a date. */
export function overdueFollowUps(entities: readonly Entity[], asOf: string): OverdueFollowUp[] {
  // Every reported promise with the dates of the follow-ups that report on it.
  const reported = new Map<string, string[]>();
  for (const entity of entities) {
    const report = reportOf(entity);
    if (!report) continue;
    for (const key of report.keys) {
      const dates = reported.get(key);
      if (dates) dates.push(report.datum);
      else reported.set(key, [report.datum]);
    }
  }
  const out: OverdueFollowUp[] = [];
  for (const entity of entities) {
    for (const due of dueOf(entity, asOf)) {
      const dates = reported.get(due.key) ?? [];
      if (dates.some((d) => d >= due.earliest)) continue;
      out.push({ doc: entity, index: due.index, document: entity.id ?? '', lofte: due.lofte, period: due.period, kadens: due.kadens });
    }
  }
  return out;
}

interface DueFollowUp {
  /** `document\0promise`, as follow-ups are keyed. */
  key: string;
  index: number;
  lofte: string;
  period: Period;
  kadens: string;
  /** The earliest date a follow-up covering `period` may have. */
  earliest: string;
}

/** A document's promises whose latest ended period (plus grace) wants a follow-up: one document's own facts. */
function dueFollowUps(entity: Entity, asOf: string): DueFollowUp[] {
  const cutoff = addDays(asOf, -GRACE_DAYS);
  const out: DueFollowUp[] = [];
  for (const p of promises([entity])) {
    if (!COMMITTED.has(asString(p.doc.value['status']) ?? '')) continue;
    const frame = deadlineFrame(asPeriod(p.lofte['tidsram']) ?? asPeriod(p.doc.value['giltighet']), p.lofte['senast']);
    if (!frame || frame.tom < frame.from) continue;
    const kadens = asString(asDict(p.lofte['uppfoljning'])?.['kadens']);
    const ended = followUpPeriods(frame, kadens).filter((period) => period.tom < cutoff);
    const latest = ended[ended.length - 1];
    if (!latest) continue;
    // A report early in a period does not cover it: it must come at most a month before the end.
    out.push({ key: interned(`${entity.id ?? ''}\u0000${p.id ?? ''}`), index: p.index, lofte: p.id ?? '', period: latest, kadens: kadens ?? 'periodens_slut', earliest: addDays(latest.tom, -REPORT_WINDOW_DAYS) });
  }
  return out;
}

/** A one-off promise (`senast`) is owed its follow-up once its deadline has passed, not at the period's end. */
function deadlineFrame(frame: Period | undefined, senast: unknown): Period | undefined {
  if (!frame || !isIsoDate(senast) || senast < frame.from || senast >= frame.tom) return frame;
  return { from: frame.from, tom: senast };
}

// Watch mode keeps the values of unchanged files: what depends on one document is worked out once.
const reportCache = new WeakMap<object, { datum: string; keys: string[] } | null>();

/** A follow-up's date and the promises it reports on, as `document\0promise` keys. */
function reportOf(entity: Entity): { datum: string; keys: string[] } | undefined {
  if (entity.kind !== 'Uppfoljning') return undefined;
  let hit = reportCache.get(entity.value);
  if (hit === undefined) {
    const datum = entity.value['datum'];
    const doc = asString(entity.value['medborgarlofte']) ?? '';
    hit = isIsoDate(datum) ? { datum, keys: asArray(entity.value['resultat']).map((r) => interned(`${doc}\u0000${asString(asDict(r)?.['lofte']) ?? ''}`)) } : null;
    reportCache.set(entity.value, hit);
  }
  return hit ?? undefined;
}

const dueCache = new WeakMap<object, { asOf: string; due: DueFollowUp[] }>();

function dueOf(entity: Entity, asOf: string): DueFollowUp[] {
  if (entity.kind !== 'Medborgarlofte') return [];
  const hit = dueCache.get(entity.value);
  if (hit && hit.asOf === asOf) return hit.due;
  const due = dueFollowUps(entity, asOf);
  dueCache.set(entity.value, { asOf, due });
  return due;
}

export const followUpMissing: Rule = {
  code: 'follow-up-missing',
  scope: 'repository',
  check(ctx) {
    for (const o of overdueFollowUps(ctx.entities, ctx.asOf)) {
      ctx.report(o.doc, ['loften', o.index, 'id'], { lofte: o.lofte, periodFrom: o.period.from, periodTom: o.period.tom, kadens: o.kadens, asOf: ctx.asOf });
    }
  },
};
