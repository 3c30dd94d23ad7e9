// follow-up-missing: a promise whose follow-up period has passed (as of --as-of) without a follow-up.

import { t, value } from '../diagnostics/parts.js';
import { promiseEn, promiseSv } from './words.js';
import { asArray, asDict, asPeriod, asString, isIsoDate, type Period } from '../model/access.js';
import { addDays, addMonths } from '../model/dates.js';
import { promises } from './promises.js';
import type { Entity } from '../schema/index.js';
import { defineRule } from './define.js';

const MONTHS: Readonly<Record<string, number>> = { manad: 1, kvartal: 3, tertial: 4, halvar: 6, ar: 12 };
/** Statuses under which follow-ups are owed: a draft has promised nothing yet. */
const COMMITTED = new Set(['beslutad', 'publicerad', 'avslutad']);
/** Days after a period ends before its follow-up counts as missing: reports take time to write. */
export const GRACE_DAYS = 30;
/** How long before a period ends a follow-up may be dated and still report on that period. */
export const REPORT_WINDOW_DAYS = 31;

/** The follow-up periods of a time frame: one per cadence step, the last cut at the frame's end. */
export function followUpPeriods(frame: Period, kadens: string | undefined): Period[] {
  const months = kadens === undefined ? undefined : MONTHS[kadens];
  if (months === undefined) return [frame];
  const out: Period[] = [];
  for (let step = 0; periodAt(frame, months, step).from <= frame.tom; step++) out.push(periodAt(frame, months, step));
  return out;
}

/** Period number `step` (from 0) of a frame with a cadence of `months`, its end cut at the frame's. */
function periodAt(frame: Period, months: number, step: number): Period {
  const from = step === 0 ? frame.from : addMonths(frame.from, step * months);
  const end = addDays(addMonths(frame.from, (step + 1) * months), -1);
  return { from, tom: end < frame.tom ? end : frame.tom };
}

/**
 * The latest follow-up period that ended before `cutoff`. Whether a period has ended is true up to
 * a step and false after it (periods start and end later step by step), and no period after step
 * (months from the frame's start to the cutoff's month) / (months per period) has ended: one that
 * had would end before the cutoff, so the cutoff's month would be at least one period further on
 * (or, cut at the frame's end, start no later than it). So the search goes down from there, a step
 * or two: a frame of 9,999 years with a monthly cadence costs a few steps, not 120,000 periods.
 */
export function latestEndedPeriod(frame: Period, kadens: string | undefined, cutoff: string): Period | undefined {
  const months = kadens === undefined ? undefined : MONTHS[kadens];
  if (months === undefined) return frame.tom < cutoff ? frame : undefined;
  const ended = (step: number): boolean => {
    const p = periodAt(frame, months, step);
    return p.from <= frame.tom && p.tom < cutoff;
  };
  // Months from the frame's start to its end bound the number of periods.
  const last = Math.max(0, Math.ceil(monthsBetween(frame.from, frame.tom) / months)) + 1;
  let step = Math.min(last, Math.max(0, Math.floor(monthsBetween(frame.from, cutoff) / months)));
  while (step >= 0 && !ended(step)) step--;
  return step < 0 ? undefined : periodAt(frame, months, step);
}

/** Whole calendar months from one date's month to another's. */
const monthsBetween = (from: string, to: string): number => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

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
  // A promise reported as kept in full (a one-off done early) is owed no later follow-up.
  const kept = new Set<string>();
  for (const entity of entities) {
    const report = reportOf(entity);
    if (!report) continue;
    for (const key of report.kept) kept.add(key);
    for (const key of report.keys) {
      const dates = reported.get(key);
      if (dates) dates.push(report.datum);
      else reported.set(key, [report.datum]);
    }
  }
  const out: OverdueFollowUp[] = [];
  for (const entity of entities) {
    for (const due of dueOf(entity, asOf)) {
      if (kept.has(due.key) || coveredSince(reported.get(due.key), due.earliest)) continue;
      out.push({ doc: entity, index: due.index, document: entity.id ?? '', lofte: due.lofte, period: due.period, kadens: due.kadens });
    }
  }
  return out;
}

/** Whether any of a promise's follow-up dates is on or after `earliest`. */
function coveredSince(dates: readonly string[] | undefined, earliest: string): boolean {
  if (dates) for (const d of dates) if (d >= earliest) return true;
  return false;
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
    const latest = latestEndedPeriod(frame, kadens, cutoff);
    if (!latest) continue;
    // A report early in a period does not cover it: it must come at most a month before the end.
    out.push({ key: `${entity.id ?? ''}\u0000${p.id ?? ''}`, index: p.index, lofte: p.id ?? '', period: latest, kadens: kadens ?? 'periodens_slut', earliest: addDays(latest.tom, -REPORT_WINDOW_DAYS) });
  }
  return out;
}

/** A one-off promise (`senast`) is owed its follow-up once its deadline has passed, not at the period's end. */
function deadlineFrame(frame: Period | undefined, senast: unknown): Period | undefined {
  if (!frame || !isIsoDate(senast) || senast < frame.from || senast >= frame.tom) return frame;
  return { from: frame.from, tom: senast };
}

// Watch mode keeps the values of unchanged files: what depends on one document is worked out once.
const reportCache = new WeakMap<object, { datum: string; keys: string[]; kept: string[] } | null>();

/** A follow-up's date and the promises it reports on (and those it reports genomfort), as `document\0promise` keys. */
function reportOf(entity: Entity): { datum: string; keys: string[]; kept: string[] } | undefined {
  if (entity.kind !== 'Uppfoljning') return undefined;
  let hit = reportCache.get(entity.value);
  if (hit === undefined) {
    const datum = entity.value['datum'];
    hit = null;
    if (isIsoDate(datum)) {
      const doc = asString(entity.value['medborgarlofte']) ?? '';
      hit = { datum, keys: [], kept: [] };
      for (const item of asArray(entity.value['resultat'])) {
        const r = asDict(item);
        const key = `${doc}\u0000${asString(r?.['lofte']) ?? ''}`;
        hit.keys.push(key);
        if (r?.['status'] === 'genomfort') hit.kept.push(key);
      }
    }
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

type Args = { lofte: string; periodFrom: string; periodTom: string; kadens: string; asOf: string };

export const followUpMissing = defineRule<Args>()({
  code: 'follow-up-missing',
  severity: 'warning',
  scope: 'repository',
  summary: 'en uppföljning som borde ha kommit per `--as-of` men saknas',
  words: {
    sv: {
      title: 'Uppföljning saknas',
      message: (a) =>
        t`${promiseSv(a.lofte)} skulle ha följts upp för perioden ${value(a.periodFrom)}–${value(a.periodTom)} (kadens ${value(a.kadens)}), men ingen uppföljning finns per ${value(a.asOf)}.`,
      hint: () => t`Skriv en Uppfoljning med ett resultat för löftet, daterad efter periodens början.`,
    },
    en: {
      title: 'Follow-up missing',
      message: (a) => t`${promiseEn(a.lofte)} was due for follow-up for ${value(a.periodFrom)}–${value(a.periodTom)} (${value(a.kadens)}), but there is none as of ${value(a.asOf)}.`,
    },
  },
  samples: [{ lofte: 'trafik', periodFrom: '2026-01-01', periodTom: '2026-03-31', kadens: 'kvartal', asOf: '2026-06-01' }],
  check(ctx) {
    for (const o of overdueFollowUps(ctx.entities, ctx.asOf)) {
      ctx.report(o.doc, ['loften', o.index, 'id'], { lofte: o.lofte, periodFrom: o.period.from, periodTom: o.period.tom, kadens: o.kadens, asOf: ctx.asOf });
    }
  },
});
