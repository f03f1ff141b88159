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

/** The day before an ISO date (the last day of a period that another one follows). */
export function dayBefore(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
