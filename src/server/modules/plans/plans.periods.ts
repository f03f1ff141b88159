/**
 * Reporting periods of a plan's schedule, and what an item's reports say about it (pure, table-tested in
 * plans.periods.test.ts). A period runs from its start to its end; its report is due `graceDays` after the end
 * (the rule `plans.reporting`). A plan reporting on dates has one period per date, from the day after the previous
 * date (or the plan's start) to that date.
 */
import { addDays } from '../../../lib/vi/dates.ts';
import type { OverdueFlag, ProgressStatus, ReportingPeriod, ReportingSchedule } from '../../../shared/schemas/plans.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** A period of `months` months starting with month `m` (1-based) of year `y`. */
function span(y: number, m: number, months: number) {
  const endMonth = m + months - 1;
  return { start: iso(y, m, 1), end: iso(y, endMonth, lastDayOfMonth(y, endMonth)) };
}

const MONTHS_OF: Record<Exclude<ReportingSchedule['kind'], 'dates'>, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

function labelOf(kind: ReportingSchedule['kind'], y: number, i: number, end: string) {
  switch (kind) {
    case 'monthly': return { vi: `Tháng ${i}/${y}`, en: `${new Date(Date.UTC(y, i - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${y}` };
    case 'quarterly': return { vi: `Quý ${['I', 'II', 'III', 'IV'][i - 1]}/${y}`, en: `Q${i} ${y}` };
    case 'half_yearly': return { vi: `6 tháng ${i === 1 ? 'đầu' : 'cuối'} năm ${y}`, en: `H${i} ${y}` };
    case 'yearly': return { vi: `Năm ${y}`, en: `${y}` };
    case 'dates': return { vi: `Kỳ báo cáo ngày ${fmt(end)}`, en: `Report of ${fmt(end)}` };
  }
}

function keyOf(kind: ReportingSchedule['kind'], y: number, i: number, end: string) {
  switch (kind) {
    case 'monthly': return `${y}-${pad(i)}`;
    case 'quarterly': return `${y}-Q${i}`;
    case 'half_yearly': return `${y}-H${i}`;
    case 'yearly': return `${y}`;
    case 'dates': return end;
  }
}

/** Every reporting period that overlaps [from, to], in order. */
export function periodsOf(schedule: ReportingSchedule, from: string, to: string, graceDays: number): ReportingPeriod[] {
  const out: ReportingPeriod[] = [];
  const due = (end: string) => addDays(end, graceDays);
  if (schedule.kind === 'dates') {
    let start = from;
    for (const d of schedule.dates) {
      if (d < from) { start = addDays(d, 1); continue; }
      out.push({ key: d, start, end: d, dueOn: due(d), label: labelOf('dates', 0, 0, d) });
      start = addDays(d, 1);
      if (d >= to) break;
    }
    return out;
  }
  const months = MONTHS_OF[schedule.kind];
  const y0 = Number(from.slice(0, 4));
  const m0 = Math.floor((Number(from.slice(5, 7)) - 1) / months) * months + 1;
  for (let y = y0, m = m0; ; m += months) {
    if (m > 12) { y++; m -= 12; }
    const { start, end } = span(y, m, months);
    if (start > to) break;
    const i = Math.floor((m - 1) / months) + 1;
    out.push({ key: keyOf(schedule.kind, y, i, end), start, end, dueOn: due(end), label: labelOf(schedule.kind, y, i, end) });
  }
  return out;
}

/** The period `today` falls in; after the last, the last; before the first, the first; null with none. */
export function currentPeriod(periods: readonly ReportingPeriod[], today: string): ReportingPeriod | null {
  if (periods.length === 0) return null;
  return periods.find((p) => p.start <= today && today <= p.end) ?? (today < periods[0].start ? periods[0] : periods[periods.length - 1]);
}

/**
 * The last period whose report was due by `today` (its due day passed) among those the item spans (from its start
 * to its deadline), or null when none is due yet.
 */
export function lastDuePeriod(periods: readonly ReportingPeriod[], o: { today: string; itemFrom: string; itemTo: string }): ReportingPeriod | null {
  let last: ReportingPeriod | null = null;
  for (const p of periods) {
    if (p.end < o.itemFrom || p.start > o.itemTo) continue;
    if (p.dueOn < o.today) last = p;
  }
  return last;
}

export interface ItemFacts {
  today: string;
  deadline: string | null;
  /** The item's span for reporting: its start (else the plan's), its deadline (else the plan's end). */
  itemFrom: string;
  itemTo: string;
  /** The status of the latest report, none reported: null. */
  status: ProgressStatus | null;
  /** Periods with at least one report. */
  reported: ReadonlySet<string>;
}

/** Why the item is flagged now: its deadline passed before it was done; the last due period has no report. */
export function overdueFlags(periods: readonly ReportingPeriod[], f: ItemFacts): { flags: OverdueFlag[]; duePeriod: string | null } {
  const due = lastDuePeriod(periods, f);
  if (f.status === 'done') return { flags: [], duePeriod: due?.key ?? null };
  const flags: OverdueFlag[] = [];
  if (f.deadline && f.deadline < f.today) flags.push('deadline_passed');
  if (due && !f.reported.has(due.key)) flags.push('report_missing');
  return { flags, duePeriod: due?.key ?? null };
}

