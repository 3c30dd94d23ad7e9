// follow-up-missing: a promise whose follow-up period has passed (as of --as-of) without a follow-up.

import { asArray, asDict, asPeriod, asString, isIsoDate, type Period } from '../model/access.js';
import { addDays, addMonths } from '../model/dates.js';
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
    if (entity.kind !== 'Uppfoljning' || !isIsoDate(entity.value['datum'])) continue;
    const doc = asString(entity.value['medborgarlofte']);
    for (const r of asArray(entity.value['resultat'])) {
      const key = `${doc ?? ''}\u0000${asString(asDict(r)?.['lofte']) ?? ''}`;
      reported.set(key, [...(reported.get(key) ?? []), entity.value['datum']]);
    }
  }
  const cutoff = addDays(asOf, -GRACE_DAYS);
  const out: OverdueFollowUp[] = [];
  for (const p of promises(entities)) {
    if (!COMMITTED.has(asString(p.doc.value['status']) ?? '')) continue;
    const frame = asPeriod(p.lofte['tidsram']) ?? asPeriod(p.doc.value['giltighet']);
    if (!frame || frame.tom < frame.from) continue;
    const kadens = asString(asDict(p.lofte['uppfoljning'])?.['kadens']);
    const ended = followUpPeriods(frame, kadens).filter((period) => period.tom < cutoff);
    const latest = ended[ended.length - 1];
    if (!latest) continue;
    // A report early in a period does not cover it: it must come at most a month before the end.
    const earliest = addDays(latest.tom, -REPORT_WINDOW_DAYS);
    const dates = reported.get(`${p.doc.id ?? ''}\u0000${p.id ?? ''}`) ?? [];
    if (dates.some((d) => d >= earliest)) continue;
    out.push({ doc: p.doc, index: p.index, document: p.doc.id ?? '', lofte: p.id ?? '', period: latest, kadens: kadens ?? 'periodens_slut' });
  }
  return out;
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
