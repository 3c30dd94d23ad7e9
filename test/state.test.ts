// The honest state of a promise and a medborgarlöfte as of a date (src/report/state.ts).

import { describe, expect, it } from 'vitest';
import { documentPhase, lastFollowUp, promiseState, stateCounts, stateWord, type HistoryEntry } from '../src/report/state.js';

const frame = { from: '2026-01-01', tom: '2026-12-31' };
const result = (datum: string, status: HistoryEntry['status'], antal?: number): HistoryEntry => ({ datum, uppfoljning: `u-${datum}`, status, antal, belagg: [] });

describe('promiseState', () => {
  it('is late once its deadline has passed and it is neither done nor closed', () => {
    const s = promiseState({ tidsram: frame, results: [result('2026-06-30', 'pagaende', 2)] }, '2027-01-15');
    expect(s).toMatchObject({ key: 'forsenat', deadline: '2026-12-31', deadlinePassed: true, done: 2, doneAt: '2026-06-30' });
    // On the deadline itself it is not late yet.
    expect(promiseState({ tidsram: frame, results: [result('2026-06-30', 'pagaende')] }, '2026-12-31').key).toBe('pagaende');
    // ej_paborjat past the deadline is late too.
    expect(promiseState({ tidsram: frame, results: [result('2026-06-30', 'ej_paborjat')] }, '2027-01-01').key).toBe('forsenat');
  });

  it('takes `senast` as the deadline of a one-off deliverable', () => {
    const s = promiseState({ tidsram: frame, senast: '2026-03-31', results: [result('2026-03-01', 'pagaende')] }, '2026-04-01');
    expect(s).toMatchObject({ key: 'forsenat', deadline: '2026-03-31' });
  });

  it('keeps a closing status after the deadline, and kan_ej_bedomas as it is', () => {
    for (const status of ['genomfort', 'delvis_genomfort', 'ej_genomfort', 'installt', 'kan_ej_bedomas'] as const) {
      expect(promiseState({ tidsram: frame, results: [result('2026-06-30', status)] }, '2027-06-01').key, status).toBe(status);
    }
  });

  it('says "not followed up" without a result, which is not kan_ej_bedomas', () => {
    const overdue = { from: '2026-01-01', tom: '2026-06-30' };
    const s = promiseState({ tidsram: frame, results: [], followUpOverdue: overdue }, '2026-09-01');
    expect(s).toEqual({ key: 'ej_uppfoljt', deadline: '2026-12-31', deadlinePassed: false, history: [], followUpOverdue: overdue });
    expect(stateWord(s.key)).toBe('Inte uppföljt');
  });

  it('keeps every follow-up up to the date, oldest first, and the latest amount as done so far', () => {
    const results = [result('2026-10-15', 'genomfort', 4), result('2026-06-30', 'pagaende', 2), result('2027-02-01', 'ej_genomfort', 1)];
    const s = promiseState({ tidsram: frame, results }, '2026-11-24');
    expect(s.history.map((h) => [h.datum, h.status])).toEqual([
      ['2026-06-30', 'pagaende'],
      ['2026-10-15', 'genomfort'],
    ]);
    expect(s).toMatchObject({ key: 'genomfort', done: 4, latest: { datum: '2026-10-15' } });
    expect(promiseState({ tidsram: frame, results }, '2026-07-01')).toMatchObject({ key: 'pagaende', done: 2 });
    // A later result without an amount keeps the earlier amount, with its own date.
    const noAmount = promiseState({ tidsram: frame, results: [result('2026-06-30', 'pagaende', 6), result('2026-10-15', 'kan_ej_bedomas')] }, '2026-11-24');
    expect(noAmount).toMatchObject({ key: 'kan_ej_bedomas', done: 6, doneAt: '2026-06-30', latest: { datum: '2026-10-15' } });
  });
});

describe('documentPhase', () => {
  it('labels ended periods as ended, with the year', () => {
    expect(documentPhase('publicerad', { from: '2018-01-01', tom: '2019-12-31' }, '2026-11-24')).toEqual({ key: 'avslutad', text: 'Avslutad 2019', current: false });
    expect(documentPhase('avslutad', { from: '2026-01-01', tom: '2027-12-31' }, '2026-11-24')).toEqual({ key: 'avslutad', text: 'Avslutad', current: false });
    expect(documentPhase('publicerad', { from: '2026-01-01', tom: '2027-12-31' }, '2026-11-24')).toEqual({ key: 'gallande', text: 'Gäller', current: true });
    expect(documentPhase('beslutad', { from: '2027-01-01', tom: '2028-12-31' }, '2026-11-24')).toEqual({ key: 'kommande', text: 'Börjar gälla 2027', current: true });
    expect(documentPhase('utkast', { from: '2018-01-01', tom: '2019-12-31' }, '2026-11-24').key).toBe('utkast');
  });
});

describe('counts and words', () => {
  it('counts states in a fixed order, with Swedish singular and plural', () => {
    const states = (['pagaende', 'forsenat', 'genomfort', 'pagaende'] as const).map((key) => ({ key }));
    expect(stateCounts(states)).toEqual([
      { key: 'genomfort', count: 1 },
      { key: 'pagaende', count: 2 },
      { key: 'forsenat', count: 1 },
    ]);
    expect([stateWord('genomfort', 1), stateWord('genomfort', 2), stateWord('ej_uppfoljt', 3)]).toEqual(['Genomfört', 'Genomförda', 'Inte uppföljda']);
  });

  it('finds the latest follow-up of a document', () => {
    const a = promiseState({ tidsram: frame, results: [result('2026-06-30', 'pagaende')] }, '2026-11-24');
    const b = promiseState({ tidsram: frame, results: [result('2026-10-15', 'genomfort')] }, '2026-11-24');
    expect(lastFollowUp([a, b])).toBe('2026-10-15');
    expect(lastFollowUp([])).toBeUndefined();
  });
});
