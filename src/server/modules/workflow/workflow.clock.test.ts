import { describe, expect, it } from 'vitest';
import { calendarOf } from '../../../shared/schemas/calendar.ts';
import { clockDays, clockState, clockWorkingDays, dueDate, percentileCont, type ClockEvent } from './workflow.clock.ts';
import { NATIONAL_CALENDAR } from './workflow.calendar.ts';

const cal = calendarOf(NATIONAL_CALENDAR);
/** 09:00 in Vietnam on a date. */
const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`);
const stop = (d: string, time?: string): ClockEvent => ({ kind: 'stopped', at: at(d, time) });
const resume = (d: string, time?: string): ClockEvent => ({ kind: 'resumed', at: at(d, time) });

describe('a stay\'s clock', () => {
  it('runs from the entry to the cut-off without stops', () => {
    const c = clockState(at('2025-01-24'), at('2025-02-07'), []);
    expect(c).toMatchObject({ paused: false, pausedAt: null, running: [{ from: at('2025-01-24'), to: at('2025-02-07') }] });
    expect(clockDays(c)).toBe(14);
    expect(clockWorkingDays(c, cal)).toBe(5); // the Tết break of 25/01–02/02/2025 does not count
  });

  it('leaves the stopped spans out and counts a restart day as stopped', () => {
    const c = clockState(at('2025-01-24'), at('2025-02-10'), [stop('2025-02-04'), resume('2025-02-06')]);
    expect(c.running).toHaveLength(2);
    expect(clockDays(c)).toBe(15);
    // Mon 3, Tue 4 before the stop; Fri 7, Mon 10 after the restart on Thursday.
    expect(clockWorkingDays(c, cal)).toBe(4);
  });

  it('is stopped at the cut-off while a stop is open, and ignores repeated or out-of-stay events', () => {
    const c = clockState(at('2025-01-24'), at('2025-02-05'), [
      stop('2025-01-20'), stop('2025-02-04'), stop('2025-02-04', '10:00'), resume('2025-02-06'),
    ]);
    expect(c).toMatchObject({ paused: true, pausedAt: at('2025-02-04') });
    expect(clockWorkingDays(c, cal)).toBe(2);
  });
});

describe('due dates', () => {
  it.each([
    ['five working days from the Friday before Tết', [], 5, null, '2025-02-07'],
    ['the stop of two working days moves it by two', [stop('2025-02-04'), resume('2025-02-06')], 5, null, '2025-02-11'],
    ['reached before a stop that is still open', [stop('2025-02-10')], 5, null, '2025-02-07'],
    ['stopped before reaching it: unknown', [stop('2025-02-04')], 5, null, null],
    ['in calendar days without a working-day target', [], null, 10, '2025-02-03'],
    ['in calendar days, moved by a stop of two days', [stop('2025-01-27'), resume('2025-01-29')], null, 10, '2025-02-05'],
  ] as const)('%s', (_why, events, targetWorkingDays, targetDays, due) => {
    const c = clockState(at('2025-01-24'), at('2025-02-12'), [...events]);
    expect(dueDate(c, { targetDays, targetWorkingDays, calendar: cal })).toBe(due);
  });

  it('is the entry day plus the target for a stay entered at the cut-off', () => {
    expect(dueDate(clockState(at('2025-01-24'), at('2025-01-24'), []), { targetDays: null, targetWorkingDays: 1, calendar: cal })).toBe('2025-02-03');
  });
});

describe('percentiles', () => {
  it.each([
    [[10, 20, 30, 40], 0.5, 25],
    [[10, 20, 30, 40], 0.9, 37],
    [[3], 0.9, 3],
    [[], 0.5, 0],
    [[5, 1, 3], 0.5, 3],
  ])('percentile_cont(%j, %f) = %f', (values, p, expected) => {
    expect(percentileCont(values, p)).toBeCloseTo(expected, 10);
  });
});
