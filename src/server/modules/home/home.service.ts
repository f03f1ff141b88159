/**
 * The leader's home: figures over the province's tasks, every one read through the tasks module's service (its
 * policy and province filter apply unchanged) and the workflow's definitions — never by stage key:
 *  - by stage (the definition in force today, in its order), by level-1 science field, by level;
 *  - funding of the tasks the leader approved: a task counts once it is in a stage reached from the target of a
 *    forward transition the leader takes (the approval decision → contract and everything after), planned by
 *    budget year against disbursed by year of payment (tasks.service.fundingSummary);
 *  - the counterpart share (counterpart / state budget) over those tasks that have counterpart funding, against
 *    the dated rule `home.counterpart_share_target` in force today;
 *  - overdue: the stage clock past its target, exactly as `GET /api/tasks?overdue=true` (working days, paused
 *    clocks); past the end date: a task in a stage that takes extensions whose end date has passed;
 *  - awaiting the leader's decision: a task in a stage from which the leader may take a transition to a stage that
 *    does not close the record (refusing alone is not a decision waited for: officers may refuse too);
 *  - accepted in a year: entered a public stage (accepted tasks are public) during that year, from the stage
 *    events (`currentStages` at the year's start and end); replicated in a year: a replication record of that year.
 * Every figure carries the filter that lists its tasks (`tasksOf`) and is exported with `exportFigure`.
 */
import type { Ctx } from '../../context.ts';
import { forbidden, validationError } from '../../errors.ts';
import type { Lang } from '../../../shared/i18n/messages.ts';
import { labelOf } from '../../../shared/labels/labels.ts';
import { TASK_LEVEL_LABELS } from '../../../shared/labels/tasks.ts';
import { TASK_LEVELS, type FundingSummary, type Task } from '../../../shared/schemas/tasks.ts';
import type { WorkflowDefinition } from '../../../shared/schemas/workflow.ts';
import type {
  CounterpartShareTargetRule, HomeCount, HomeFigure, HomeFilter, HomeOverview, HomeTask, HomeTaskList,
} from '../../../shared/schemas/home.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { collectPages, toXlsxBook, xlsxSheet, type XlsxColumn } from '../exports/exports.service.ts';
import { resolveRule } from '../rules/rules.service.ts';
import { listScienceFields } from '../science-fields/science-fields.service.ts';
import { capabilitiesOf, currentStages, resolveWorkflow } from '../workflow/workflow.service.ts';
import { fundingSummary, listTasks, replicationsInYear } from '../tasks/tasks.service.ts';
import { TASK_WORKFLOW } from '../tasks/tasks.workflow.ts';
import { can } from './home.policy.ts';
import { COUNTERPART_TARGET_RULE } from './home.rules.ts';

const SUBJECT = 'task';
const LEADER = 'leader';
const SHORT_LIST = 5;
const NO_FIELD = 'none';

// ---- what the workflow definitions say ----

/** The stages, of one definition, that await the leader: a transition out of them the leader takes, not to a closing stage. */
export function stagesAwaitingLeader(def: WorkflowDefinition): Set<string> {
  const out = new Set<string>();
  for (const t of def.transitions) {
    if (!t.roles.includes(LEADER) || capabilitiesOf(TASK_WORKFLOW, def, t.to).closes) continue;
    for (const from of t.from) out.add(from);
  }
  return out;
}

/** The stages reached once the leader has approved: the targets of the leader's forward transitions and all after them. */
export function stagesAfterLeaderApproval(def: WorkflowDefinition): Set<string> {
  const reached = new Set<string>();
  const queue = def.transitions.filter((t) => t.roles.includes(LEADER) && !capabilitiesOf(TASK_WORKFLOW, def, t.to).closes).map((t) => t.to);
  while (queue.length) {
    const stage = queue.shift()!;
    if (reached.has(stage)) continue;
    reached.add(stage);
    for (const t of def.transitions) if (t.from.includes(stage)) queue.push(t.to);
  }
  return reached;
}

// ---- facts about every task ----

interface Facts {
  now: Date;
  year: number;
  tasks: Task[];
  overdue: Set<string>;
  pastEnd: Set<string>;
  awaiting: Set<string>;
  funded: Set<string>;
  accepted: Set<string>;
  replicated: Map<string, number>;
  current: WorkflowDefinition;
}

/** The instant a year begins in Vietnam (UTC+7). */
const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+07:00`);

async function factsOf(ctx: Ctx, year: number, now: Date): Promise<Facts> {
  const tenantId = ctx.actor.tenantId;
  const today = todayInVietnam(now);
  const tasks = await collectPages((page) => listTasks(ctx, { ...page }, now));
  const overdueTasks = await collectPages((page) => listTasks(ctx, { ...page, overdue: true }, now));
  const defs = new Map<string, WorkflowDefinition>();
  for (const date of new Set([...tasks.map((t) => t.regimeDate), today])) {
    defs.set(date, (await resolveWorkflow(ctx.db, { tenantId, workflow: TASK_WORKFLOW, regimeDate: date })).value);
  }
  const defOf = (t: Task) => defs.get(t.regimeDate)!;
  const awaitingOf = new Map([...defs].map(([d, def]) => [d, stagesAwaitingLeader(def)]));
  const fundedOf = new Map([...defs].map(([d, def]) => [d, stagesAfterLeaderApproval(def)]));

  // Accepted during the year: in a public stage at its end (or now), not at its start.
  const end = new Date(Math.min(now.getTime(), yearStart(year + 1).getTime()));
  const [before, after] = await Promise.all([
    currentStages(ctx.db, { tenantId, subjectType: SUBJECT, asOf: yearStart(year), now }),
    currentStages(ctx.db, { tenantId, subjectType: SUBJECT, asOf: end, now }),
  ]);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const isPublic = (id: string, stage: string) => {
    const t = byId.get(id);
    return !!t && capabilitiesOf(TASK_WORKFLOW, defOf(t), stage).public;
  };
  const publicBefore = new Set(before.items.filter((i) => isPublic(i.subjectId, i.stage)).map((i) => i.subjectId));
  const accepted = new Set(after.items.filter((i) => isPublic(i.subjectId, i.stage) && !publicBefore.has(i.subjectId)).map((i) => i.subjectId));

  const replicated = new Map((await replicationsInYear(ctx, year)).map((r) => [r.taskId, r.records]));
  return {
    now, year, tasks, accepted, replicated,
    overdue: new Set(overdueTasks.map((t) => t.id)),
    pastEnd: new Set(tasks.filter((t) => t.endDate !== null && t.endDate < today && !t.stageCapabilities.closes
      && t.stageCapabilities.allows.includes('extension')).map((t) => t.id)),
    awaiting: new Set(tasks.filter((t) => awaitingOf.get(t.regimeDate)!.has(t.stage)).map((t) => t.id)),
    funded: new Set(tasks.filter((t) => fundedOf.get(t.regimeDate)!.has(t.stage)).map((t) => t.id)),
    current: defs.get(today)!,
  };
}


/** Whether a task is one the filter lists (every condition given must hold). */
function matches(f: HomeFilter, t: Task, x: Facts): boolean {
  return (f.stage === undefined || t.stage === f.stage)
    && (f.scienceField === undefined || (f.scienceField === NO_FIELD ? t.scienceField === null : (t.scienceField ?? '').startsWith(f.scienceField)))
    && (f.level === undefined || t.level === f.level)
    && (!f.overdue || x.overdue.has(t.id))
    && (!f.pastEndDate || x.pastEnd.has(t.id))
    && (!f.awaitingLeader || x.awaiting.has(t.id))
    && (f.acceptedYear === undefined || x.accepted.has(t.id))
    && (f.replicatedYear === undefined || x.replicated.has(t.id))
    && (!f.funded || x.funded.has(t.id))
    && (!f.withCounterpart || t.counterpartTotal > 0);
}

const brief = (t: Task): HomeTask => ({
  id: t.id, code: t.code, title: t.title, stage: t.stage, stageName: t.stageName, daysInStage: t.daysInStage,
  targetDays: t.targetDays, endDate: t.endDate, hostOrganizationName: t.hostOrganizationName,
});

const sumOf = (xs: number[]) => Math.round(xs.reduce((s, n) => s + n, 0) * 1000) / 1000;

function fundingYears(s: FundingSummary): HomeOverview['funding']['years'] {
  return s.years.map((y) => ({
    year: y.year,
    stateBudget: { planned: y.stateBudget.planned, disbursed: y.stateBudget.disbursed },
    counterpart: { planned: y.counterpart.planned, disbursed: y.counterpart.disbursed },
    counterpartShare: y.counterpartShare,
  }));
}

// ---- the overview ----

/** The year of "accepted" and "replicated": the one asked for, else this year in Vietnam. */
const yearOf = (year: number | undefined, now: Date) => year ?? Number(todayInVietnam(now).slice(0, 4));

export async function homeOverview(ctx: Ctx, q: { year?: number } = {}, now = new Date()): Promise<HomeOverview> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  return overviewOf(ctx, await factsOf(ctx, yearOf(q.year, now), now));
}

async function overviewOf(ctx: Ctx, x: Facts): Promise<HomeOverview> {
  const { year, now } = x;
  const count = (f: HomeFilter) => x.tasks.filter((t) => matches(f, t, x)).length;

  // Stages in the order of the definition in force today, then any stage only an older regime has.
  const stageNames = new Map(x.current.stages.map((s) => [s.key, s.name]));
  for (const t of x.tasks) if (!stageNames.has(t.stage)) stageNames.set(t.stage, t.stageName);
  const stages: HomeCount[] = [...stageNames].map(([key, name]) => ({ key, name, count: count({ stage: key }), filter: { stage: key } }));

  const topFields = await listScienceFields(ctx.db, { maxLevel: 1 });
  const fields: HomeCount[] = topFields.map((f) => ({
    key: f.code, name: { vi: f.nameVi, en: f.nameEn ?? f.nameVi }, count: count({ scienceField: f.code }), filter: { scienceField: f.code },
  }));
  const noField = count({ scienceField: NO_FIELD });
  if (noField) fields.push({ key: NO_FIELD, name: { vi: 'Chưa xác định lĩnh vực', en: 'No field given' }, count: noField, filter: { scienceField: NO_FIELD } });

  const levels: HomeCount[] = TASK_LEVELS.map((l) => ({ key: l, name: TASK_LEVEL_LABELS[l], count: count({ level: l }), filter: { level: l } }));

  const fundedIds = x.tasks.filter((t) => x.funded.has(t.id)).map((t) => t.id);
  const withCounterpart = x.tasks.filter((t) => x.funded.has(t.id) && t.counterpartTotal > 0);
  const [funding, shared] = await Promise.all([
    fundingSummary(ctx, { taskIds: fundedIds }),
    fundingSummary(ctx, { taskIds: withCounterpart.map((t) => t.id) }),
  ]);
  const rule = await resolveRule<CounterpartShareTargetRule>(ctx.db, { tenantId: ctx.actor.tenantId, key: COUNTERPART_TARGET_RULE, onDate: todayInVietnam(now) });
  const sharePlanned = shared.totals.counterpartShare.planned;

  const awaitingStages = stages.filter((s) => x.tasks.some((t) => t.stage === s.key && x.awaiting.has(t.id)))
    .map((s) => ({ ...s, count: count({ stage: s.key, awaitingLeader: true }), filter: { stage: s.key, awaitingLeader: true as const } }));
  const listed = (f: HomeFilter, order: (a: Task, b: Task) => number) => {
    const items = x.tasks.filter((t) => matches(f, t, x)).sort(order);
    return { count: items.length, items: items.slice(0, SHORT_LIST).map(brief), filter: f };
  };
  const longestInStage = (a: Task, b: Task) => b.daysInStage - a.daysInStage;
  const earliestEnd = (a: Task, b: Task) => (a.endDate ?? '').localeCompare(b.endDate ?? '');

  return {
    asOf: now.toISOString(),
    year,
    totalTasks: x.tasks.length,
    stages: { items: stages, filter: {} },
    fields: { items: fields, filter: {} },
    levels: { items: levels, filter: {} },
    funding: {
      years: fundingYears(funding),
      totals: {
        stateBudget: { planned: funding.totals.stateBudget.planned, disbursed: funding.totals.stateBudget.disbursed },
        counterpart: { planned: funding.totals.counterpart.planned, disbursed: funding.totals.counterpart.disbursed },
        counterpartShare: funding.totals.counterpartShare,
      },
      tasks: fundedIds.length,
      filter: { funded: true },
    },
    counterpart: {
      tasks: withCounterpart.length,
      stateBudget: { planned: shared.totals.stateBudget.planned, disbursed: shared.totals.stateBudget.disbursed },
      counterpart: { planned: shared.totals.counterpart.planned, disbursed: shared.totals.counterpart.disbursed },
      share: shared.totals.counterpartShare,
      target: {
        minPercent: rule.value.minPercent, legalBasis: rule.legalBasis, effectiveFrom: rule.effectiveFrom, note: null,
        illustrative: rule.value.illustrative,
      },
      meetsTarget: sharePlanned === null ? null : sharePlanned >= rule.value.minPercent,
      filter: { funded: true, withCounterpart: true },
    },
    overdue: listed({ overdue: true }, longestInStage),
    pastEnd: listed({ pastEndDate: true }, earliestEnd),
    awaiting: { ...listed({ awaitingLeader: true }, longestInStage), stages: awaitingStages },
    accepted: { year, count: x.accepted.size, filter: { acceptedYear: year } },
    replicated: {
      year, count: x.replicated.size, records: sumOf([...x.replicated.values()]), filter: { replicatedYear: year },
    },
  };
}

/** The tasks a figure's filter lists, in the task list's order (name). */
export async function tasksOf(ctx: Ctx, f: HomeFilter, now = new Date()): Promise<HomeTaskList> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  if (f.acceptedYear !== undefined && f.replicatedYear !== undefined && f.acceptedYear !== f.replicatedYear) {
    throw validationError([{ path: 'querystring.replicatedYear', code: 'one_year', i18n: 'home.one_year' }]);
  }
  const items = filtered(await factsOf(ctx, f.acceptedYear ?? f.replicatedYear ?? yearOf(undefined, now), now), f);
  return { items, total: items.length };
}

const filtered = (x: Facts, f: HomeFilter) => x.tasks.filter((t) => matches(f, t, x));

// ---- export ----

const FIGURE_TITLES: Record<HomeFigure, { vi: string; en: string }> = {
  stages: { vi: 'Nhiệm vụ theo giai đoạn', en: 'Tasks by stage' },
  fields: { vi: 'Nhiệm vụ theo lĩnh vực', en: 'Tasks by field' },
  levels: { vi: 'Nhiệm vụ theo cấp', en: 'Tasks by level' },
  funding: { vi: 'Kinh phí theo năm: kế hoạch và giải ngân', en: 'Funding by year: planned and disbursed' },
  counterpart: { vi: 'Tỷ lệ kinh phí đối ứng so với ngân sách nhà nước', en: 'Counterpart funding against the state budget' },
  overdue: { vi: 'Nhiệm vụ quá hạn giai đoạn', en: 'Tasks overdue in their stage' },
  past_end: { vi: 'Nhiệm vụ quá ngày kết thúc', en: 'Tasks past their end date' },
  awaiting: { vi: 'Chờ lãnh đạo quyết định', en: "Awaiting the leader's decision" },
  accepted: { vi: 'Nhiệm vụ nghiệm thu trong năm', en: 'Tasks accepted in the year' },
  replicated: { vi: 'Nhiệm vụ nhân rộng trong năm', en: 'Tasks replicated in the year' },
};

/** The whole figure's tasks when no item's filter is given. */
function figureFilter(o: HomeOverview, figure: HomeFigure): HomeFilter {
  switch (figure) {
    case 'stages': return o.stages.filter;
    case 'fields': return o.fields.filter;
    case 'levels': return o.levels.filter;
    case 'funding': return o.funding.filter;
    case 'counterpart': return o.counterpart.filter;
    case 'overdue': return o.overdue.filter;
    case 'past_end': return o.pastEnd.filter;
    case 'awaiting': return o.awaiting.filter;
    case 'accepted': return o.accepted.filter;
    case 'replicated': return o.replicated.filter;
  }
}

type Line = { label: string; value: number | null; kind: 'integer' | 'money' | 'percent' };

/** The figure's own numbers, as the home shows them (one sheet). */
function figureSheet(o: HomeOverview, figure: HomeFigure, lang: Lang) {
  const l = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const title = `${FIGURE_TITLES[figure][lang]}${figure === 'accepted' || figure === 'replicated' ? ` ${o.year}` : ''}`;
  const sheetName = l('Số liệu', 'Figures');
  const counts = (items: HomeCount[]) => xlsxSheet<HomeCount>({
    title, sheetName, lang, rows: items,
    columns: [
      { key: (c) => c.name[lang], header: { vi: 'Nhóm', en: 'Group' }, type: 'text', width: 50 },
      { key: 'count', header: { vi: 'Số nhiệm vụ', en: 'Tasks' }, type: 'integer' },
    ],
  });
  const money = (vi: string, en: string) => ({ vi: `${vi} (triệu đồng)`, en: `${en} (million VND)` });
  const lines = (rows: Line[]) => xlsxSheet<Line>({
    title, sheetName, lang, rows,
    columns: [
      { key: 'label', header: { vi: 'Chỉ tiêu', en: 'Figure' }, type: 'text', width: 60 },
      { key: (r) => (r.kind === 'integer' ? r.value : null), header: { vi: 'Số lượng', en: 'Count' }, type: 'integer' },
      { key: (r) => (r.kind === 'money' ? r.value : null), header: money('Số tiền', 'Amount'), type: 'money' },
      { key: (r) => (r.kind === 'percent' ? r.value : null), header: { vi: 'Tỷ lệ', en: 'Share' }, type: 'percent' },
    ],
  });
  switch (figure) {
    case 'stages': return counts(o.stages.items);
    case 'fields': return counts(o.fields.items);
    case 'levels': return counts(o.levels.items);
    case 'awaiting': return counts(o.awaiting.stages);
    case 'funding': {
      type Y = HomeOverview['funding']['years'][number] | (HomeOverview['funding']['totals'] & { year: string });
      const rows: Y[] = [...o.funding.years, { ...o.funding.totals, year: l('Tổng cộng', 'Total') }];
      const cols: XlsxColumn<Y>[] = [
        { key: (y) => String(y.year), header: { vi: 'Năm', en: 'Year' }, type: 'text', width: 12 },
        { key: (y) => y.stateBudget.planned, header: money('NSNN kế hoạch', 'State budget planned'), type: 'money' },
        { key: (y) => y.stateBudget.disbursed, header: money('NSNN đã giải ngân', 'State budget disbursed'), type: 'money' },
        { key: (y) => y.counterpart.planned, header: money('Đối ứng kế hoạch', 'Counterpart planned'), type: 'money' },
        { key: (y) => y.counterpart.disbursed, header: money('Đối ứng đã giải ngân', 'Counterpart disbursed'), type: 'money' },
        { key: (y) => y.counterpartShare.planned, header: { vi: 'Tỷ lệ đối ứng so với NSNN (kế hoạch)', en: 'Counterpart / state budget (planned)' }, type: 'percent' },
      ];
      return xlsxSheet<Y>({ title, sheetName, lang, rows, columns: cols });
    }
    case 'counterpart': {
      const c = o.counterpart;
      return lines([
        { label: l('Số nhiệm vụ có kinh phí đối ứng (đã phê duyệt)', 'Approved tasks with counterpart funding'), value: c.tasks, kind: 'integer' },
        { label: l('Kinh phí NSNN kế hoạch', 'State budget planned'), value: c.stateBudget.planned, kind: 'money' },
        { label: l('Kinh phí đối ứng kế hoạch', 'Counterpart planned'), value: c.counterpart.planned, kind: 'money' },
        { label: l('Tỷ lệ đối ứng so với NSNN (kế hoạch)', 'Counterpart / state budget (planned)'), value: c.share.planned, kind: 'percent' },
        { label: l('Tỷ lệ đối ứng so với NSNN (đã giải ngân)', 'Counterpart / state budget (disbursed)'), value: c.share.disbursed, kind: 'percent' },
        { label: `${l('Chỉ tiêu tối thiểu', 'Target, at least')} — ${c.target.legalBasis}`, value: c.target.minPercent, kind: 'percent' },
      ]);
    }
    case 'overdue': return lines([{ label: title, value: o.overdue.count, kind: 'integer' }]);
    case 'past_end': return lines([{ label: title, value: o.pastEnd.count, kind: 'integer' }]);
    case 'accepted': return lines([{ label: title, value: o.accepted.count, kind: 'integer' }]);
    case 'replicated': return lines([
      { label: title, value: o.replicated.count, kind: 'integer' },
      { label: l('Số mô hình, địa điểm nhân rộng ghi nhận trong năm', 'Replication records of the year'), value: o.replicated.records, kind: 'integer' },
    ]);
  }
}

function tasksSheet(rows: Task[], title: string, lang: Lang) {
  const money = (vi: string, en: string) => ({ vi: `${vi} (triệu đồng)`, en: `${en} (million VND)` });
  return xlsxSheet<Task>({
    title, sheetName: lang === 'vi' ? 'Nhiệm vụ' : 'Tasks', lang, rows,
    columns: [
      { key: 'code', header: { vi: 'Mã số', en: 'Code' }, type: 'text', width: 18 },
      { key: 'title', header: { vi: 'Tên nhiệm vụ', en: 'Title' }, type: 'text', width: 60 },
      { key: (t) => t.stageName[lang], header: { vi: 'Giai đoạn', en: 'Stage' }, type: 'text', width: 30 },
      { key: (t) => t.scienceFieldName?.[lang] ?? '', header: { vi: 'Lĩnh vực', en: 'Field' }, type: 'text', width: 30 },
      { key: (t) => labelOf(TASK_LEVEL_LABELS, t.level, lang), header: { vi: 'Cấp', en: 'Level' }, type: 'text', width: 16 },
      { key: 'hostOrganizationName', header: { vi: 'Tổ chức chủ trì', en: 'Host organisation' }, type: 'text', width: 40 },
      { key: 'proposalYear', header: { vi: 'Năm đề xuất', en: 'Proposal year' }, type: 'year' },
      { key: 'daysInStage', header: { vi: 'Số ngày ở giai đoạn', en: 'Days in stage' }, type: 'number', decimals: 0 },
      { key: 'endDate', header: { vi: 'Ngày kết thúc', en: 'End date' }, type: 'date' },
      { key: 'stateBudgetTotal', header: money('Kinh phí NSNN', 'State budget'), type: 'money' },
      { key: 'counterpartTotal', header: money('Kinh phí đối ứng', 'Counterpart'), type: 'money' },
      { key: 'counterpartShare', header: { vi: 'Tỷ lệ đối ứng', en: 'Counterpart share' }, type: 'percent' },
      { key: 'stateBudgetDisbursed', header: money('NSNN đã giải ngân', 'State budget disbursed'), type: 'money' },
      { key: 'counterpartDisbursed', header: money('Đối ứng đã giải ngân', 'Counterpart disbursed'), type: 'money' },
    ],
  });
}

const hasFilter = (f: HomeFilter) => Object.values(f).some((v) => v !== undefined);

/**
 * A figure as an XLSX workbook in the caller's language: its numbers as the home shows them, and the tasks behind
 * it (those of `filter` when given — one bar, one stage — else the whole figure's).
 */
export async function exportFigure(ctx: Ctx, figure: HomeFigure, q: HomeFilter & { year?: number }, lang: Lang, now = new Date()) {
  if (!can(ctx.actor, 'export')) throw forbidden();
  const { year, ...filter } = q;
  const x = await factsOf(ctx, yearOf(year ?? filter.acceptedYear ?? filter.replicatedYear, now), now);
  const overview = await overviewOf(ctx, x);
  const items = filtered(x, hasFilter(filter) ? filter : figureFilter(overview, figure));
  const title = FIGURE_TITLES[figure][lang];
  const buffer = await toXlsxBook([figureSheet(overview, figure, lang), tasksSheet(items, title, lang)]);
  const stem = lang === 'vi' ? 'tong-quan' : 'overview';
  return { buffer, fileName: `${stem}-${figure.replace('_', '-')}-${overview.year}.xlsx` };
}
