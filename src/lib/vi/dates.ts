/**
 * Dates in Vietnam time (UTC+7 all year, no daylight saving): "today" for a rule, a unit in force, a file name.
 * Server, web and CLI use these, never `new Date().toISOString().slice(0, 10)` (that is the UTC date, a day
 * behind from midnight to 07:00 in Vietnam).
 */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar date in Vietnam at an instant, yyyy-mm-dd. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date and time in Vietnam at an instant, to the minute: yyyy-mm-ddTHH:mm. */
export function vietnamMinute(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 16);
}

/** Today's date in Vietnam, yyyy-mm-dd. */
export const todayInVietnam = (now = new Date()): string => vietnamDate(now);

// ---- calendar arithmetic on ISO dates (yyyy-mm-dd), the one copy server, web and the working-day library use ----

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_MS = 86_400_000;

/** Midnight UTC of an ISO date, as milliseconds; a RangeError for anything else. */
export function isoDateUtc(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** The ISO date of a UTC midnight (the inverse of isoDateUtc). */
export const isoDateOf = (utcMs: number): string => new Date(utcMs).toISOString().slice(0, 10);

/** The date `days` calendar days after (or before, days < 0) an ISO date. */
export const addDays = (iso: string, days: number): string => isoDateOf(isoDateUtc(iso) + days * DAY_MS);

/** The day before an ISO date (the last day of a period that another one follows). */
export const dayBefore = (iso: string): string => addDays(iso, -1);

/** Whole calendar days from one ISO date to another (negative when `to` is earlier). */
export const calendarDaysBetween = (from: string, to: string): number => Math.round((isoDateUtc(to) - isoDateUtc(from)) / DAY_MS);

/** The ISO date `months` months after `iso`; a day the month lacks becomes its last day (31/8 + 6 months → 28/2). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDateOf(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}
