/**
 * The arithmetic of reminder schedules (pure, table-tested in inbox.reminders.test.ts). A schedule is rule data
 * ("from the target day on, then every 7 days"); a run of a reminder job computes which period the subject is in
 * now, and the period's index becomes part of the reminder's key — so a rerun within the period finds the
 * reminder already sent, and the next period sends a new one.
 */

const DAY_MS = 86_400_000;

/**
 * For "once `afterDays` past a deadline, then every `everyDays`": the period index `overdueDays` (days past the
 * deadline, fractional) falls in, or null while no reminder is due. Strictly past: a stage is overdue only after
 * its target days are over.
 */
export function overduePeriod(overdueDays: number, rule: { afterDays: number; everyDays: number }): number | null {
  const past = overdueDays - rule.afterDays;
  if (!(past > 0)) return null;
  return Math.floor(past / rule.everyDays);
}

/**
 * For "from `afterDays` after a date (0: on the day), then every `everyDays`", in whole calendar days: the period
 * index of `today`, or null before the first.
 */
export function datePeriod(date: string, today: string, rule: { afterDays: number; everyDays: number }): number | null {
  const since = calendarDaysBetween(date, today) - rule.afterDays;
  if (since < 0) return null;
  return Math.floor(since / rule.everyDays);
}

const utc = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export const calendarDaysBetween = (from: string, to: string): number => Math.round((utc(to) - utc(from)) / DAY_MS);

/** The ISO date `days` calendar days after `iso`. */
export const addDays = (iso: string, days: number): string => new Date(utc(iso) + days * DAY_MS).toISOString().slice(0, 10);

/** The ISO date `months` months after `iso`; a day the month lacks becomes its last day (31/8 + 6 months → 28/2). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}
