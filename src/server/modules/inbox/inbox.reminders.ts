/**
 * The arithmetic of reminder schedules (pure, table-tested in inbox.reminders.test.ts). A schedule is rule data
 * ("from the target day on, then every 7 days"); a run of a reminder job computes which period the subject is in
 * now, and the period's index becomes part of the reminder's key — so a rerun within the period finds the
 * reminder already sent, and the next period sends a new one.
 */

import { calendarDaysBetween } from '../../../lib/vi/dates.ts';

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

