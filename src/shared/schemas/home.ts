/**
 * The leader's home (trang chủ lãnh đạo): the province's tasks by stage, field and level; planned against disbursed
 * state budget and counterpart funding by year, with the counterpart share against the province's target (a dated
 * rule); overdue tasks and tasks past their end date; what awaits the leader's decision; accepted and replicated in
 * a year. Every figure carries the filter that opens its list (`GET /api/home/tasks?…`) and is exported by
 * `GET /api/home/figures/:figure/export.xlsx`.
 */
import { z } from 'zod';
import { Task, TASK_LEVELS } from './tasks.ts';

/** The figures of the home, each exported on its own. */
export const HOME_FIGURES = [
  'stages', 'fields', 'levels', 'funding', 'counterpart', 'overdue', 'past_end', 'awaiting', 'accepted', 'replicated',
] as const;
export type HomeFigure = (typeof HOME_FIGURES)[number];

const Year = z.number().int().min(1990).max(2100);
const LocalText = z.object({ vi: z.string(), en: z.string() });
/** A science field's level-1 code, or `none` for tasks without one. */
const FieldKey = z.string().regex(/^(\d{1,6}|none)$/);

/**
 * Which tasks a figure counts, as the list opens them: any combination narrows (all must hold). `funded`: tasks the
 * leader has approved (in a stage reached from the leader's approval onwards); `withCounterpart`: with planned
 * counterpart funding; `awaitingLeader`: in a stage whose way forward is the leader's decision.
 */
export const HomeFilter = z.object({
  stage: z.string().regex(/^[a-z][a-z0-9_]*$/).max(60).optional(),
  scienceField: FieldKey.optional(),
  level: z.enum(TASK_LEVELS).optional(),
  overdue: z.literal(true).optional(),
  pastEndDate: z.literal(true).optional(),
  awaitingLeader: z.literal(true).optional(),
  acceptedYear: Year.optional(),
  replicatedYear: Year.optional(),
  funded: z.literal(true).optional(),
  withCounterpart: z.literal(true).optional(),
});
export type HomeFilter = z.infer<typeof HomeFilter>;

const flag = z.enum(['true']).transform(() => true as const).optional();
const yearParam = z.coerce.number().int().min(1990).max(2100).optional();

/** The same filter as a query string (`?stage=approval`, `?overdue=true`, `?acceptedYear=2026`). */
export const HomeFilterQuery = z.object({
  stage: HomeFilter.shape.stage,
  scienceField: HomeFilter.shape.scienceField,
  level: HomeFilter.shape.level,
  overdue: flag,
  pastEndDate: flag,
  awaitingLeader: flag,
  acceptedYear: yearParam,
  replicatedYear: yearParam,
  funded: flag,
  withCounterpart: flag,
});
export type HomeFilterQuery = z.infer<typeof HomeFilterQuery>;

/** `?year=`: the year of "accepted" and "replicated" (default: this year in Vietnam). */
export const HomeQuery = z.object({ year: yearParam });

export const HomeFigureParams = z.object({ figure: z.enum(HOME_FIGURES) });
export const HomeExportQuery = HomeFilterQuery.extend({ year: yearParam });

/** One bar of a breakdown: what it is, how many tasks, the filter that lists them. */
export const HomeCount = z.object({ key: z.string(), name: LocalText, count: z.number().int(), filter: HomeFilter });
export type HomeCount = z.infer<typeof HomeCount>;

/** A task as the home's short lists show it. */
export const HomeTask = z.object({
  id: z.uuid(), code: z.string().nullable(), title: z.string(), stage: z.string(), stageName: LocalText,
  daysInStage: z.number(), targetDays: z.number().nullable(), endDate: z.string().nullable(), hostOrganizationName: z.string().nullable(),
});
export type HomeTask = z.infer<typeof HomeTask>;

const Money = z.object({ planned: z.number(), disbursed: z.number() });
const FundingYear = z.object({
  year: z.number().int(), stateBudget: Money, counterpart: Money,
  /** Counterpart as a percentage of the state budget: planned, disbursed (null without state budget). */
  counterpartShare: z.object({ planned: z.number().nullable(), disbursed: z.number().nullable() }),
});

/** The counterpart-share target in force (rule `home.counterpart_share_target`), with its citation. */
export const CounterpartTarget = z.object({
  minPercent: z.number(), legalBasis: z.string(), effectiveFrom: z.string(), note: z.string().nullable(),
  /** True when the value is illustrative (not checked against a legal text): the page says so. */
  illustrative: z.boolean(),
});

export const HomeOverview = z.object({
  asOf: z.string(),
  /** The year of `accepted` and `replicated`. */
  year: z.number().int(),
  totalTasks: z.number().int(),
  stages: z.object({ items: z.array(HomeCount), filter: HomeFilter }),
  fields: z.object({ items: z.array(HomeCount), filter: HomeFilter }),
  levels: z.object({ items: z.array(HomeCount), filter: HomeFilter }),
  /** Planned (by budget year) against disbursed (by year of payment) over the tasks the leader approved, million VND. */
  funding: z.object({ years: z.array(FundingYear), totals: FundingYear.omit({ year: true }), tasks: z.number().int(), filter: HomeFilter }),
  /** Counterpart funding against the state budget over approved tasks with counterpart funding, against the target. */
  counterpart: z.object({
    tasks: z.number().int(), stateBudget: Money, counterpart: Money,
    share: z.object({ planned: z.number().nullable(), disbursed: z.number().nullable() }),
    target: CounterpartTarget,
    /** Planned share ≥ target; null when there is nothing to compare. */
    meetsTarget: z.boolean().nullable(),
    filter: HomeFilter,
  }),
  overdue: z.object({ count: z.number().int(), items: z.array(HomeTask), filter: HomeFilter }),
  pastEnd: z.object({ count: z.number().int(), items: z.array(HomeTask), filter: HomeFilter }),
  awaiting: z.object({ count: z.number().int(), stages: z.array(HomeCount), items: z.array(HomeTask), filter: HomeFilter }),
  accepted: z.object({ year: z.number().int(), count: z.number().int(), filter: HomeFilter }),
  replicated: z.object({ year: z.number().int(), count: z.number().int(), records: z.number().int(), filter: HomeFilter }),
});
export type HomeOverview = z.infer<typeof HomeOverview>;

/** The tasks behind a figure (every one: a province's figures are hundreds, not thousands). */
export const HomeTaskList = z.object({ items: z.array(Task), total: z.number().int() });
export type HomeTaskList = z.infer<typeof HomeTaskList>;

/** The rule `home.counterpart_share_target`: counterpart funding as at least this share of the state budget. */
export const CounterpartShareTargetRule = z.object({
  minPercent: z.number().min(0).max(1000),
  /** The value was not checked against a legal text (the national default is a figure a DOST reported). */
  illustrative: z.boolean().default(false),
});
export type CounterpartShareTargetRule = z.infer<typeof CounterpartShareTargetRule>;
