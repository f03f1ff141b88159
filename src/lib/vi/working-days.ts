/**
 * Working days (ngày làm việc) on a calendar given as data: the weekly rest days, the days off of each year
 * (public holidays, Tết, compensatory and swapped days, as the annual notices list them) and the weekend days
 * worked instead (make-up working days, ngày làm bù). No dependencies and no clock: the server reads the calendar
 * from the rule `calendar.working_days` of the province, the web and the CLI may use the same functions.
 *
 * Dates are ISO calendar dates (yyyy-mm-dd, Vietnam dates). A time limit of n working days runs from the day
 * after its start (Bộ luật Dân sự 2015, Điều 147: a period counted in days starts on the day after the event), so
 * `addWorkingDays('2025-01-24', 5, cal)` is the fifth working day after Friday 24/01/2025.
 */
import { DAY_MS, isoDateOf, isoDateUtc } from './dates.ts';

export interface WorkingCalendar {
  /** Weekly rest days, 0 = Sunday … 6 = Saturday (Vietnam's public service: Saturday and Sunday). */
  weekend: readonly number[];
  /** Days off besides the weekend: holidays, compensatory days off, weekdays swapped for a make-up day. */
  holidays: Iterable<string>;
  /** Weekend days that are working days (make-up days for a swap). */
  workdays?: Iterable<string>;
  /**
   * Month-days ('01-01', '04-30', …) off every year whose own list is not in the calendar (years outside
   * `listedYears`): the fixed solar holidays, so a year not yet announced still has them.
   */
  annual?: readonly string[];
  /** Years whose days off are listed in full in `holidays` (the annual notices). */
  listedYears?: readonly number[];
}

/** Day of the week of an ISO date: 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (iso: string): number => new Date(isoDateUtc(iso)).getUTCDay();

interface Prepared {
  weekend: Set<number>;
  holidays: Set<string>;
  workdays: Set<string>;
  annual: Set<string>;
  listed: Set<number>;
}

const prepared = new WeakMap<WorkingCalendar, Prepared>();
function prepare(cal: WorkingCalendar): Prepared {
  let p = prepared.get(cal);
  if (!p) {
    p = {
      weekend: new Set(cal.weekend), holidays: new Set(cal.holidays), workdays: new Set(cal.workdays ?? []),
      annual: new Set(cal.annual ?? []), listed: new Set(cal.listedYears ?? []),
    };
    prepared.set(cal, p);
  }
  return p;
}

function working(p: Prepared, iso: string): boolean {
  if (p.workdays.has(iso)) return true;
  if (p.holidays.has(iso)) return false;
  if (p.annual.has(iso.slice(5)) && !p.listed.has(Number(iso.slice(0, 4)))) return false;
  return !p.weekend.has(weekdayOf(iso));
}

/** Is the date a working day: a make-up day, or neither a day off nor a weekly rest day. */
export const isWorkingDay = (iso: string, cal: WorkingCalendar): boolean => working(prepare(cal), iso);

/**
 * The date on which `n` working days after `start` have passed: the n-th working day after `start` (`start`
 * itself is not counted). `n = 0` gives `start` when it is a working day, else the next working day.
 */
export function addWorkingDays(start: string, n: number, cal: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  const p = prepare(cal);
  let t = isoDateUtc(start);
  if (n === 0) {
    while (!working(p, isoDateOf(t))) t += DAY_MS;
    return isoDateOf(t);
  }
  for (let left = n; left > 0;) {
    t += DAY_MS;
    if (working(p, isoDateOf(t))) left--;
  }
  return isoDateOf(t);
}

/** Working days `d` with `from < d ≤ to`: the working days that have passed from `from` to `to` (0 if to ≤ from). */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  const p = prepare(cal);
  const end = isoDateUtc(to);
  let n = 0;
  for (let t = isoDateUtc(from) + DAY_MS; t <= end; t += DAY_MS) if (working(p, isoDateOf(t))) n++;
  return n;
}
