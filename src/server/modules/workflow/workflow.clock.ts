/**
 * A stay's clock, as pure functions (table-tested in workflow.clock.test.ts): the spans in which it ran (from the
 * stage entry, less the spans between a stop and the next restart), the calendar and working days it ran, and
 * when a target is reached if it keeps running.
 *
 * Working days of a running span are those after the span's first (Vietnam) date up to its last one, so a span
 * from Friday to the next Friday has 5 and the day a stopped clock restarts does not count (the time limit runs
 * again from the next day).
 */
import { vietnamDate } from '../../../lib/vi/dates.ts';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../../../lib/vi/working-days.ts';

const DAY_MS = 86_400_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

export interface ClockEvent { kind: 'stopped' | 'resumed'; at: Date }
export interface Span { from: Date; to: Date }

export interface ClockState {
  /** The spans in which the clock ran, up to `until`. */
  running: Span[];
  /** The clock is stopped at `until`, since `pausedAt`. */
  paused: boolean;
  pausedAt: Date | null;
}

/**
 * The clock of a stay entered at `enteredAt`, at `until` (the exit, or the as-of instant). Events outside the stay
 * are ignored; a stop while stopped or a restart while running changes nothing.
 */
export function clockState(enteredAt: Date, until: Date, events: ClockEvent[]): ClockState {
  const running: Span[] = [];
  let from: Date | null = enteredAt;
  let pausedAt: Date | null = null;
  for (const e of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (e.at < enteredAt || e.at > until) continue;
    if (e.kind === 'stopped' && from) {
      running.push({ from, to: e.at });
      from = null;
      pausedAt = e.at;
    } else if (e.kind === 'resumed' && !from) {
      from = e.at;
      pausedAt = null;
    }
  }
  if (from) running.push({ from, to: until < from ? from : until });
  return { running, paused: !from, pausedAt };
}

/** Calendar days the clock ran (2 decimals). */
export const clockDays = (s: ClockState): number => round2(s.running.reduce((sum, r) => sum + (r.to.getTime() - r.from.getTime()), 0) / DAY_MS);

/** Working days the clock ran. */
export const clockWorkingDays = (s: ClockState, cal: WorkingCalendar): number =>
  s.running.reduce((sum, r) => sum + workingDaysBetween(vietnamDate(r.from), vietnamDate(r.to), cal), 0);

/**
 * The date (Vietnam) on which the clock reaches the target — working days when `targetWorkingDays` is set, else
 * calendar days — counting on past the last running span if the clock still runs; null without a target, or
 * when the clock is stopped before reaching it.
 */
export function dueDate(s: ClockState, o: { targetDays: number | null; targetWorkingDays: number | null; calendar: WorkingCalendar }): string | null {
  const last = s.running.length - 1;
  if (o.targetWorkingDays !== null) {
    let left = o.targetWorkingDays;
    for (const [i, r] of s.running.entries()) {
      const from = vietnamDate(r.from);
      if (i === last && !s.paused) return addWorkingDays(from, left, o.calendar);
      const worked = workingDaysBetween(from, vietnamDate(r.to), o.calendar);
      if (worked >= left) return addWorkingDays(from, left, o.calendar);
      left -= worked;
    }
    return null;
  }
  if (o.targetDays !== null) {
    let left = o.targetDays * DAY_MS;
    for (const [i, r] of s.running.entries()) {
      const ran = r.to.getTime() - r.from.getTime();
      if ((i === last && !s.paused) || ran >= left) return vietnamDate(new Date(r.from.getTime() + left));
      left -= ran;
    }
    return null;
  }
  return null;
}

/** The p-quantile with linear interpolation between closest ranks (PostgreSQL's percentile_cont). */
export function percentileCont(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}
