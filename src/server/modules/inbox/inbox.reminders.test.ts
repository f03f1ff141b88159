import { describe, expect, it } from 'vitest';
import { addDays, addMonths, calendarDaysBetween } from '../../../lib/vi/dates.ts';
import { datePeriod, overduePeriod } from './inbox.reminders.ts';
import { nextCheckDue } from '../tasks/tasks.reminders.ts';
import { cronOf } from '../jobs/jobs.types.ts';

describe('reminder periods', () => {
  it.each([
    [0, null], [-3, null], [0.01, 0], [6.99, 0], [7, 1], [13.5, 1], [14.2, 2],
  ])('a stage %s days past its target (every 7 days) is in period %s', (days, period) => {
    expect(overduePeriod(days, { afterDays: 0, everyDays: 7 })).toBe(period);
  });

  it('waits afterDays past the target before the first reminder', () => {
    expect(overduePeriod(2, { afterDays: 3, everyDays: 7 })).toBeNull();
    expect(overduePeriod(3.5, { afterDays: 3, everyDays: 7 })).toBe(0);
  });

  it.each([
    ['2026-03-10', '2026-03-09', null], ['2026-03-10', '2026-03-10', 0], ['2026-03-10', '2026-03-11', 0],
    ['2026-03-10', '2026-03-12', 1], ['2026-03-10', '2026-03-17', 3],
  ])('from %s (every 2 days), %s is in period %s', (date, today, period) => {
    expect(datePeriod(date, today, { afterDays: 0, everyDays: 2 })).toBe(period);
  });

  it('can start before the date (a negative afterDays reminds ahead)', () => {
    expect(datePeriod('2026-03-10', '2026-03-09', { afterDays: -1, everyDays: 2 })).toBe(0);
  });
});

describe('calendar arithmetic', () => {
  it('counts days across months and years', () => {
    expect(calendarDaysBetween('2025-12-30', '2026-01-02')).toBe(3);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });

  it.each([
    ['2026-01-15', 6, '2026-07-15'], ['2025-08-31', 6, '2026-02-28'], ['2027-08-31', 6, '2028-02-29'], ['2026-11-30', 3, '2027-02-28'],
  ])('%s + %s months is %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it('counts the next progress check from the last check, else from the contract', () => {
    expect(nextCheckDue({ from: '2026-01-15', checks: [], everyMonths: 6 })).toBe('2026-07-15');
    expect(nextCheckDue({ from: '2026-01-15', checks: ['2026-07-20', '2026-07-01'], everyMonths: 6 })).toBe('2027-01-20');
  });
});

describe('job schedules', () => {
  it.each([[1, '* * * * *'], [15, '*/15 * * * *'], [60, '0 * * * *'], [360, '0 */6 * * *'], [1440, '0 0 * * *']])(
    'every %s minutes is cron "%s"', (minutes, cron) => expect(cronOf(minutes)).toBe(cron));

  it('refuses an interval cron cannot express', () => {
    expect(() => cronOf(7)).toThrow(/divisor of 60/);
    expect(() => cronOf(90)).toThrow();
  });
});
