/**
 * Plans (kế hoạch), their groups and items, the progress units report on items per reporting period, the urging
 * (đôn đốc) of a unit, the Excel progress template's problems by cell, and the periodic report to the People's
 * Committee. Labels of the coded values (statuses, schedules, flags) are here too, read by server and web.
 */
import { z } from 'zod';
import { Id, IsoDate, Timestamps, Version, optionalText, requiredText } from './common.ts';

export const SCHEDULE_KINDS = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'dates'] as const;
export const ScheduleKind = z.enum(SCHEDULE_KINDS);
export type ScheduleKind = z.infer<typeof ScheduleKind>;

/** How often the plan's units report: data on the plan. `dates`: on each listed date (at most 24, ascending). */
export const ReportingSchedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['monthly', 'quarterly', 'half_yearly', 'yearly']) }),
  z.object({ kind: z.literal('dates'), dates: z.array(IsoDate).min(1).max(24) }),
]).refine((s) => s.kind !== 'dates' || s.dates.every((d, i) => i === 0 || s.dates[i - 1] < d), {
  message: 'plans.schedule_dates_order', params: { i18n: 'plans.schedule_dates_order' }, path: ['dates'],
});
export type ReportingSchedule = z.infer<typeof ReportingSchedule>;

export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'behind', 'done'] as const;
export const ProgressStatus = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof ProgressStatus>;

/** Why an item is flagged: its deadline passed before it was done, or the last period's report is missing. */
export const OVERDUE_FLAGS = ['deadline_passed', 'report_missing'] as const;
export const OverdueFlag = z.enum(OVERDUE_FLAGS);
export type OverdueFlag = z.infer<typeof OverdueFlag>;

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa triển khai', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  behind: { vi: 'Chậm tiến độ', en: 'Behind schedule' },
  done: { vi: 'Hoàn thành', en: 'Done' },
};
export const SCHEDULE_LABELS: Record<ScheduleKind, { vi: string; en: string }> = {
  monthly: { vi: 'Hằng tháng', en: 'Monthly' },
  quarterly: { vi: 'Hằng quý', en: 'Quarterly' },
  half_yearly: { vi: '6 tháng', en: 'Half-yearly' },
  yearly: { vi: 'Hằng năm', en: 'Yearly' },
  dates: { vi: 'Theo ngày ấn định', en: 'On set dates' },
};
export const OVERDUE_FLAG_LABELS: Record<OverdueFlag, { vi: string; en: string }> = {
  deadline_passed: { vi: 'Quá hạn hoàn thành', en: 'Past its deadline' },
  report_missing: { vi: 'Chưa báo cáo kỳ', en: 'Period report missing' },
};

/** A reporting period: `2026-03`, `2026-Q1`, `2026-H1`, `2026`, or a report date `2026-06-15`. */
const PERIOD_KEY = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12]|-\d{2}-\d{2})?$/;
export const PeriodKey = z.string().max(10).refine((v) => PERIOD_KEY.test(v), { message: 'plans.bad_period', params: { i18n: 'plans.bad_period' } });
export const ReportingPeriod = z.object({
  key: z.string(), start: IsoDate, end: IsoDate,
  /** The last day to report: the period's end plus the grace days of the rule `plans.reporting`. */
  dueOn: IsoDate,
  label: z.object({ vi: z.string(), en: z.string() }),
});
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

/** A unit as the API names it: an agency (department) or an administrative unit. */
export const UnitRef = z.object({ agencyId: Id.nullable().optional(), adminUnitId: Id.nullable().optional() })
  .refine((u) => Boolean(u.agencyId) !== Boolean(u.adminUnitId), {
    message: 'plans.unit_one_of', params: { i18n: 'plans.unit_one_of' },
  });
export type UnitRef = z.infer<typeof UnitRef>;
export const UnitInfo = z.object({
  agencyId: Id.nullable(), adminUnitId: Id.nullable(), name: z.string(),
  /** Last day in force; null while in force. */
  validTo: IsoDate.nullable(),
});
export type UnitInfo = z.infer<typeof UnitInfo>;

// ---- plans ----

export const PlanInput = z.object({
  title: requiredText(1000),
  legalDocumentId: Id.nullable().optional(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  schedule: ReportingSchedule,
  note: optionalText(4000),
}).refine((p) => p.periodTo >= p.periodFrom, { message: 'plans.period_order', params: { i18n: 'plans.period_order' }, path: ['periodTo'] });
export type PlanInput = z.infer<typeof PlanInput>;
export const PlanUpdate = z.object({ ...PlanInput.shape, version: Version })
  .refine((p) => p.periodTo >= p.periodFrom, { message: 'plans.period_order', params: { i18n: 'plans.period_order' }, path: ['periodTo'] });
export type PlanUpdate = z.infer<typeof PlanUpdate>;

export const PlanDocument = z.object({ id: Id, number: z.string(), title: z.string(), issuedOn: IsoDate.nullable() });

export const Plan = z.object({
  id: Id, title: z.string(), legalDocumentId: Id.nullable(), document: PlanDocument.nullable(),
  periodFrom: IsoDate, periodTo: IsoDate, schedule: ReportingSchedule, note: z.string().nullable(),
  version: z.number().int(), ...Timestamps,
});
export type Plan = z.infer<typeof Plan>;

export const PlanSummary = Plan.extend({
  items: z.number().int(), done: z.number().int(), overdue: z.number().int(),
});
export const PlanList = z.object({ items: z.array(PlanSummary) });

export const GroupInput = z.object({ title: requiredText(1000), code: optionalText(40), position: z.number().int().min(0).max(10_000).optional() });
export type GroupInput = z.infer<typeof GroupInput>;
export const GroupUpdate = GroupInput.extend({ version: Version });
export type GroupUpdate = z.infer<typeof GroupUpdate>;
export const PlanGroup = z.object({ id: Id, planId: Id, position: z.number().int(), code: z.string().nullable(), title: z.string(), version: z.number().int() });
export type PlanGroup = z.infer<typeof PlanGroup>;
export const PlanGroupList = z.object({ items: z.array(PlanGroup) });
/** Move a group one place up or down among the plan's groups (send the group's version you read). */
export const GroupMove = z.object({ direction: z.enum(['up', 'down']), version: Version });
export type GroupMove = z.infer<typeof GroupMove>;
/** A delete names the version read (`?version=3`); a stale one gets 409. */
export const DeleteQuery = z.object({ version: z.coerce.number().pipe(Version) });

// ---- items ----

export const ItemInput = z.object({
  groupId: Id,
  code: optionalText(40),
  position: z.number().int().min(0).max(100_000).optional(),
  title: requiredText(2000),
  responsible: UnitRef,
  partners: z.array(UnitRef).max(50).default([]),
  startsOn: IsoDate.nullable().optional(),
  deadline: IsoDate.nullable().optional(),
  expectedOutput: optionalText(4000),
  note: optionalText(4000),
  /** The indicators the item serves (written by the indicators module in the same transaction); absent: unchanged. */
  indicatorIds: z.array(Id).max(100).optional(),
}).refine((i) => !i.deadline || !i.startsOn || i.deadline >= i.startsOn, {
  message: 'plans.item_dates', params: { i18n: 'plans.item_dates' }, path: ['deadline'],
});
export type ItemInput = z.infer<typeof ItemInput>;
export const ItemUpdate = z.object({ ...ItemInput.shape, version: Version })
  .refine((i) => !i.deadline || !i.startsOn || i.deadline >= i.startsOn, {
    message: 'plans.item_dates', params: { i18n: 'plans.item_dates' }, path: ['deadline'],
  });
export type ItemUpdate = z.infer<typeof ItemUpdate>;

/** The department names who carries an item of a unit that ended (or clears it: null). */
export const HandoverInput = z.object({ unit: UnitRef.nullable(), version: Version });
export type HandoverInput = z.infer<typeof HandoverInput>;

export const ItemState = z.object({
  status: ProgressStatus,
  percent: z.number().int(),
  /** The period of the last report, and when. */
  lastPeriod: z.string().nullable(),
  lastReportedAt: z.string().nullable(),
  overdue: z.array(OverdueFlag),
  /** The last period whose report is due (the reminders' period), or null before the first is due. */
  duePeriod: z.string().nullable(),
});
export type ItemState = z.infer<typeof ItemState>;

export const PlanItem = z.object({
  id: Id, planId: Id, groupId: Id, position: z.number().int(), code: z.string().nullable(), title: z.string(),
  /** As signed. */
  responsible: UnitInfo,
  /** Who carries it now: the unit itself while in force, else the department's handover, else its successors. */
  owners: z.array(UnitInfo),
  /** The unit as signed when it no longer carries the item ("was: Huyện Châu Thành"), else null. */
  was: UnitInfo.nullable(),
  handover: UnitInfo.nullable(),
  partners: z.array(UnitInfo),
  startsOn: IsoDate.nullable(), deadline: IsoDate.nullable(),
  expectedOutput: z.string().nullable(), note: z.string().nullable(),
  state: ItemState,
  /** Whether the reader may log progress on it (its own unit's, or the department's). */
  mayReport: z.boolean(),
  version: z.number().int(), ...Timestamps,
});
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanDetail = Plan.extend({
  groups: z.array(PlanGroup),
  items: z.array(PlanItem),
  periods: z.array(ReportingPeriod),
  /** The period today falls in (or the last one after the plan ended, the first before it started). */
  currentPeriod: z.string().nullable(),
  /** Whether the reader keeps the plan (edits it, its groups and items). */
  mayEdit: z.boolean(),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanItemQuery = z.object({
  status: ProgressStatus.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  agencyId: Id.optional(),
  adminUnitId: Id.optional(),
});

export const ProgressInput = z.object({
  periodKey: PeriodKey,
  status: ProgressStatus,
  percent: z.number().int().min(0).max(100),
  narrative: optionalText(4000),
}).refine((p) => p.status !== 'done' || p.percent === 100, {
  message: 'plans.done_is_100', params: { i18n: 'plans.done_is_100' }, path: ['percent'],
});
export type ProgressInput = z.infer<typeof ProgressInput>;

export const ProgressEntry = z.object({
  id: Id, itemId: Id, periodKey: z.string(), status: ProgressStatus, percent: z.number().int(),
  narrative: z.string().nullable(), source: z.enum(['web', 'excel', 'seed']),
  reportedByName: z.string(), unitName: z.string().nullable(), createdAt: z.string(),
});
export type ProgressEntry = z.infer<typeof ProgressEntry>;

export const UrgeInput = z.object({ message: optionalText(2000) });
export const UrgeEntry = z.object({ id: Id, unitName: z.string(), message: z.string().nullable(), urgedByName: z.string(), createdAt: z.string() });
export type UrgeEntry = z.infer<typeof UrgeEntry>;

export const PlanItemDetail = PlanItem.extend({
  plan: z.object({ id: Id, title: z.string(), schedule: ReportingSchedule }),
  groupTitle: z.string(),
  progress: z.array(ProgressEntry),
  urges: z.array(UrgeEntry),
  periods: z.array(ReportingPeriod),
  currentPeriod: z.string().nullable(),
  mayUrge: z.boolean(),
  /** Whether the reader keeps the plan (edits and deletes the item, names its handover). */
  mayEdit: z.boolean(),
  /**
   * When its unit as signed has ended: the administrative units in force today that succeeded it (whether or not
   * the department named a handover since), for the handover picker. Empty while the unit is in force.
   */
  successors: z.array(UnitInfo),
});
export type PlanItemDetail = z.infer<typeof PlanItemDetail>;

export const MyItems = z.object({ items: z.array(PlanItem.extend({ planTitle: z.string(), currentPeriod: z.string().nullable() })) });

// ---- the Excel template ----

export const TemplateQuery = z.object({ period: PeriodKey });
/** One problem of an uploaded template: the cell (`D7`), a code, and the message in the caller's language. */
export const TemplateProblem = z.object({ path: z.string(), cell: z.string(), code: z.string(), message: z.string().optional() });
export const TemplateResult = z.object({ written: z.number().int(), skipped: z.number().int(), periodKey: z.string() });

// ---- the periodic report ----

/** The sections the officer writes; the rest of the report is drawn from the data. */
export const ReportSections = z.object({
  results: z.string().max(20_000).default(''),
  difficulties: z.string().max(20_000).default(''),
  nextSteps: z.string().max(20_000).default(''),
});
export type ReportSections = z.infer<typeof ReportSections>;

export const ReportInput = z.object({
  periodKey: PeriodKey,
  title: optionalText(1000),
});
export const ReportUpdate = z.object({
  title: requiredText(1000),
  sections: ReportSections,
  recipients: z.array(requiredText(300)).max(30),
  signerTitle: optionalText(200),
  signerName: optionalText(200),
  version: Version,
});
export type ReportUpdate = z.infer<typeof ReportUpdate>;
export const IssueInput = z.object({ version: Version, issuedOn: IsoDate.optional() });

export const PlanReport = z.object({
  id: Id, planId: Id, periodKey: z.string(), title: z.string(), sections: ReportSections,
  recipients: z.array(z.string()), signerTitle: z.string().nullable(), signerName: z.string().nullable(),
  status: z.enum(['draft', 'issued']), number: z.string().nullable(), issuedOn: IsoDate.nullable(),
  version: z.number().int(), ...Timestamps,
});
export type PlanReport = z.infer<typeof PlanReport>;
export const PlanReportList = z.object({ items: z.array(PlanReport) });
