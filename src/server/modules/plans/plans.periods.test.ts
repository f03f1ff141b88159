import { describe, expect, it } from 'vitest';
import type { ReportingSchedule } from '../../../shared/schemas/plans.ts';
import { currentPeriod, lastDuePeriod, overdueFlags, periodsOf } from './plans.periods.ts';

describe('reporting periods of a schedule', () => {
  it.each<[ReportingSchedule, string, string, string[]]>([
    [{ kind: 'quarterly' }, '2025-08-15', '2026-03-01', ['2025-Q3', '2025-Q4', '2026-Q1']],
    [{ kind: 'half_yearly' }, '2023-10-19', '2024-12-31', ['2023-H2', '2024-H1', '2024-H2']],
    [{ kind: 'monthly' }, '2026-11-20', '2027-01-05', ['2026-11', '2026-12', '2027-01']],
    [{ kind: 'yearly' }, '2021-01-01', '2023-06-30', ['2021', '2022', '2023']],
    [{ kind: 'dates', dates: ['2026-01-10', '2026-06-15', '2026-12-15', '2027-06-15'] }, '2026-02-01', '2026-12-31', ['2026-06-15', '2026-12-15', '2027-06-15']],
  ])('%j from %s to %s', (schedule, from, to, keys) => {
    expect(periodsOf(schedule, from, to, 10).map((p) => p.key)).toEqual(keys);
  });

  it('dates a quarter and its due day, and labels it in both languages', () => {
    const [q] = periodsOf({ kind: 'quarterly' }, '2026-04-01', '2026-06-30', 10);
    expect(q).toEqual({ key: '2026-Q2', start: '2026-04-01', end: '2026-06-30', dueOn: '2026-07-10', label: { vi: 'Quý II/2026', en: 'Q2 2026' } });
    const [d] = periodsOf({ kind: 'dates', dates: ['2026-06-15'] }, '2026-01-01', '2026-12-31', 0);
    expect(d).toMatchObject({ start: '2026-01-01', end: '2026-06-15', dueOn: '2026-06-15' });
  });

  it('finds the current period and the last one due', () => {
    const periods = periodsOf({ kind: 'quarterly' }, '2026-01-01', '2026-12-31', 10);
    expect(currentPeriod(periods, '2026-05-05')?.key).toBe('2026-Q2');
    expect(currentPeriod(periods, '2027-03-01')?.key).toBe('2026-Q4');
    expect(lastDuePeriod(periods, { today: '2026-07-10', itemFrom: '2026-01-01', itemTo: '2026-12-31' })?.key).toBe('2026-Q1');
    expect(lastDuePeriod(periods, { today: '2026-07-11', itemFrom: '2026-01-01', itemTo: '2026-12-31' })?.key).toBe('2026-Q2');
    expect(lastDuePeriod(periods, { today: '2026-04-05', itemFrom: '2026-01-01', itemTo: '2026-12-31' })).toBeNull();
  });

  it('flags a missing report of the last due period and a passed deadline, not a done item', () => {
    const periods = periodsOf({ kind: 'quarterly' }, '2026-01-01', '2026-12-31', 10);
    const facts = { today: '2026-07-20', deadline: '2026-06-30', itemFrom: '2026-01-01', itemTo: '2026-06-30', status: 'in_progress' as const, reported: new Set(['2026-Q1']) };
    expect(overdueFlags(periods, facts)).toEqual({ flags: ['deadline_passed', 'report_missing'], duePeriod: '2026-Q2' });
    expect(overdueFlags(periods, { ...facts, reported: new Set(['2026-Q2']) }).flags).toEqual(['deadline_passed']);
    expect(overdueFlags(periods, { ...facts, status: 'done' }).flags).toEqual([]);
  });
});
