/**
 * The working-day calendar of a province (rule key `calendar.working_days`): weekly rest days, the days off of
 * each year as the annual notices list them (Tết, public holidays, compensatory and swapped days) and the make-up
 * working days. Dated like any rule; a version lists every year it knows (a new notice is a new version that
 * repeats the earlier years), so the version in force on a date is what was known then. Read it as a
 * `WorkingCalendar` (src/lib/vi/working-days.ts) through `calendarOf`.
 */
import { z } from 'zod';
import { addDays } from '../../lib/vi/dates.ts';
import type { WorkingCalendar } from '../../lib/vi/working-days.ts';
import { IsoDate, LocalizedText } from './common.ts';

const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const DaysOff = z.object({
  from: IsoDate,
  /** Last day off; the same day when absent. */
  to: IsoDate.optional(),
  name: LocalizedText,
}).refine((d) => !d.to || d.to >= d.from, { message: 'to must not be before from', path: ['to'] });
export type DaysOff = z.infer<typeof DaysOff>;

export const CalendarYear = z.object({
  year: z.number().int().min(1990).max(2200),
  /** The notice or decision the year's days come from. */
  basis: z.string().trim().min(1).max(500),
  /** Days off (weekends inside a range are fine): holidays, Tết, compensatory days, weekdays swapped away. */
  daysOff: z.array(DaysOff).max(60),
  /** Weekend days worked instead of a swapped weekday. */
  workdays: z.array(z.object({ date: IsoDate, name: LocalizedText })).max(20).default([]),
  /** Not yet checked against the year's notice: demo and test data only. */
  illustrative: z.boolean().optional(),
}).superRefine((y, ctx) => {
  const outside = (d: string) => Number(d.slice(0, 4)) !== y.year;
  y.daysOff.forEach((d, i) => {
    if (outside(d.from) || (d.to && outside(d.to))) ctx.addIssue({ code: 'custom', path: ['daysOff', i], message: `must fall in ${y.year}` });
  });
  y.workdays.forEach((d, i) => {
    if (outside(d.date)) ctx.addIssue({ code: 'custom', path: ['workdays', i, 'date'], message: `must fall in ${y.year}` });
  });
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const WorkingCalendarRule = z.object({
  /** Weekly rest days: 0 = Sunday … 6 = Saturday. */
  weekend: z.array(z.number().int().min(0).max(6)).max(6).default([0, 6]),
  /** Fixed solar holidays, for the years the calendar does not list (the lunar ones need each year's dates). */
  annual: z.array(z.object({ monthDay: MonthDay, name: LocalizedText })).max(30).default([]),
  years: z.array(CalendarYear).max(200).default([])
    .refine((ys) => new Set(ys.map((y) => y.year)).size === ys.length, { message: 'each year once' }),
});
export type WorkingCalendarRule = z.infer<typeof WorkingCalendarRule>;

/** Every day of an ISO range, inclusive. */
function* daysOf(from: string, to: string) {
  for (let day = from; day <= to; day = addDays(day, 1)) yield day;
}

/** The rule value as the calendar the working-day functions take. */
export function calendarOf(rule: WorkingCalendarRule): WorkingCalendar {
  return {
    weekend: rule.weekend,
    holidays: rule.years.flatMap((y) => y.daysOff.flatMap((d) => [...daysOf(d.from, d.to ?? d.from)])),
    workdays: rule.years.flatMap((y) => y.workdays.map((w) => w.date)),
    annual: rule.annual.map((a) => a.monthDay),
    listedYears: rule.years.map((y) => y.year),
  };
}
