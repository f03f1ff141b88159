import { describe, expect, it } from 'vitest';
import { addDays, calendarDaysBetween } from './dates.ts';
import { addWorkingDays, isWorkingDay, weekdayOf, workingDaysBetween, type WorkingCalendar } from './working-days.ts';

/** Tết Ất Tỵ 2025 as announced: Saturday 25/01 to Sunday 02/02/2025; and the 30/4 swap of 2025. */
const cal: WorkingCalendar = {
  weekend: [0, 6],
  holidays: [
    '2025-01-01',
    '2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02',
    '2025-04-30', '2025-05-01', '2025-05-02',
  ],
  workdays: ['2025-04-26'],
  annual: ['01-01', '04-30', '05-01', '09-02'],
  listedYears: [2025],
};

describe('calendar arithmetic', () => {
  it('knows weekdays and calendar days', () => {
    expect(weekdayOf('2025-01-24')).toBe(5); // Friday
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(calendarDaysBetween('2025-01-24', '2025-02-07')).toBe(14);
  });

  it.each([
    ['2025-01-24', true, 'the Friday before Tết'],
    ['2025-01-25', false, 'Saturday, first day of the Tết break'],
    ['2025-01-29', false, 'mùng 1 Tết (a Wednesday)'],
    ['2025-02-03', true, 'the Monday after Tết'],
    ['2025-04-26', true, 'a Saturday worked in exchange for 2/5'],
    ['2025-05-02', false, 'the Friday swapped away'],
    ['2025-09-02', true, 'a year whose list (here partial) is given: only the list counts'],
    ['2027-09-02', false, 'a year not listed: the fixed solar holidays apply'],
    ['2027-09-06', true, 'an ordinary Monday'],
  ])('%s is a working day: %s (%s)', (d, expected) => {
    expect(isWorkingDay(d, cal)).toBe(expected);
  });
});

describe('deadlines in working days', () => {
  it.each([
    // start, working days, due, why
    ['2025-01-24', 5, '2025-02-07', 'five working days from the Friday before Tết land the Friday after the break'],
    ['2025-01-24', 1, '2025-02-03', 'the next working day after the Friday before Tết is the Monday after it'],
    ['2025-01-22', 5, '2025-02-05', 'Wednesday: Thu 23, Fri 24, then Mon 3, Tue 4, Wed 5'],
    ['2025-01-27', 3, '2025-02-05', 'a start inside the break counts from its end'],
    ['2025-01-27', 0, '2025-02-03', 'zero days from a day off is the next working day'],
    ['2025-02-03', 0, '2025-02-03', 'zero days from a working day is that day'],
    ['2025-04-25', 1, '2025-04-26', 'the make-up Saturday counts'],
    ['2025-04-28', 2, '2025-05-05', 'Tue 29, then the holidays and the swapped Friday: Mon 5 is the second'],
    ['2024-12-30', 2, '2025-01-02', 'New Year\'s Day is skipped'],
  ])('addWorkingDays(%s, %i) = %s (%s)', (start, n, due) => {
    expect(addWorkingDays(start, n, cal)).toBe(due);
  });

  it('counts the working days between two dates, the inverse of adding them', () => {
    expect(workingDaysBetween('2025-01-24', '2025-02-07', cal)).toBe(5);
    expect(workingDaysBetween('2025-01-24', '2025-01-24', cal)).toBe(0);
    expect(workingDaysBetween('2025-02-07', '2025-01-24', cal)).toBe(0);
    expect(workingDaysBetween('2025-01-24', '2025-02-02', cal)).toBe(0); // the whole break
    for (const n of [1, 2, 5, 10, 30, 250]) expect(workingDaysBetween('2025-01-20', addWorkingDays('2025-01-20', n, cal), cal)).toBe(n);
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => addWorkingDays('2025-01-24', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-01-24', 1.5, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('24/01/2025', 1, cal)).toThrow(/ISO date/);
  });
});
