/**
 * The tasks module's scheduled reminders, the first users of jobs + inbox + mail:
 *  - a stage past its target reminds the officer in charge (`reminders.stage_overdue`: from the due date on, then
 *    every N days while the task stays in that stage and its clock runs);
 *  - a progress check falling due reminds the host organisation's applicants and the officer (`tasks.progress_check`:
 *    every N months from the contract date or the start date, the due date counted from the last check recorded);
 *  - a member of an open task council without a sheet for an assigned dossier, from the meeting date on, is
 *    reminded (`reminders.council_sheet`).
 * "The officer in charge": tasks record none, so it is the account that made the task's last stage transition (or
 * created it) if that account is still an active DOST officer or admin; otherwise every DOST officer of the
 * province (role addressing). Each reminder is keyed by its subject and period, so reruns and concurrent workers
 * send it once (inbox.service `notify`).
 */
import { z } from 'zod';
import { systemActor } from '../../context.ts';
import type { Db, DbHandle } from '../../db/client.ts';
import { decodeCursor, encodeCursor } from '../../db/paging.ts';
import { formatDate } from '../../../lib/vi/format.ts';
import { addDays, addMonths, todayInVietnam, vietnamDate } from '../../../lib/vi/dates.ts';
import { TASK_EDITORS } from '../../../shared/permissions.ts';
import type { CouncilSheetRule, StageOverdueRule } from '../../../shared/schemas/inbox.ts';
import { defineJob, type JobContext, type JobResult } from '../jobs/jobs.types.ts';
import { sendNotice, type Addressee } from '../inbox/inbox.service.ts';
import { REMINDER_RULES } from '../inbox/inbox.rules.ts';
import { datePeriod, overduePeriod } from '../inbox/inbox.reminders.ts';
import { ensureNationalRules, registerRuleKey, resolveRule } from '../rules/rules.service.ts';
import { listTenants } from '../tenants/tenants.service.ts';
import { activeAccountsMatching } from '../users/users.service.ts';
import { currentStages, history, stagesWhere } from '../workflow/workflow.service.ts';
import { getCouncil, getCouncilResults, listCouncils } from '../councils/councils.service.ts';
import { collectPages } from '../exports/exports.service.ts';
import * as repo from './tasks.repo.ts';
import { TASK_WORKFLOW } from './tasks.workflow.ts';

const SUBJECT = 'task';
export const PROGRESS_CHECK_RULE = 'tasks.progress_check';

/** `tasks.progress_check`: how often a task in a stage that takes progress reports is checked, and the warning. */
export const ProgressCheckRule = z.object({
  everyMonths: z.number().int().min(1).max(60),
  /** Counted from the contract (the entry into the stages that take progress reports) or the task's start date. */
  from: z.enum(['contract_date', 'start_date']).default('contract_date'),
  /** Remind this many days before the due date. */
  remindDaysBefore: z.number().int().min(0).max(180).default(14),
});
export type ProgressCheckRule = z.infer<typeof ProgressCheckRule>;

/** Registration of the tasks manifest: the progress-check schedule's rule key. */
export function registerTaskReminderRules(): void {
  registerRuleKey(PROGRESS_CHECK_RULE, ProgressCheckRule, {
    vi: 'Kiểm tra định kỳ nhiệm vụ đang thực hiện: chu kỳ (tháng), tính từ ngày ký hợp đồng hoặc ngày bắt đầu, nhắc trước hạn (ngày)',
    en: 'Periodic progress checks of tasks under way: every N months from the contract or start date, reminded N days before',
  });
}

/** Reference loader: the national default progress-check schedule (illustrative: a province enters its own). */
export async function loadTaskReminderRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, [{
    key: PROGRESS_CHECK_RULE, effectiveFrom: '2014-01-01',
    legalBasis: 'Quy ước kiểm tra định kỳ của Sở (giá trị minh họa, không phải quy định pháp luật); tỉnh thay bằng quy chế quản lý nhiệm vụ của mình',
    value: { everyMonths: 6, from: 'contract_date', remindDaysBefore: 14 } satisfies ProgressCheckRule,
    note: 'Giá trị minh họa: kiểm tra 6 tháng một lần kể từ ngày ký hợp đồng (hoặc lần kiểm tra gần nhất), nhắc trước 14 ngày.',
  }]);
}

// ---- shared steps ----

/** Every task of the province matching the filter (all pages). */
async function allTasks(db: Db, tenantId: string, filter: Omit<repo.ListFilter, 'limit'>) {
  const out: NonNullable<Awaited<ReturnType<typeof repo.findById>>>[] = [];
  let cursor: string | undefined;
  do {
    const rows = await repo.list(db, tenantId, { ...filter, limit: 200 }, decodeCursor(cursor));
    out.push(...rows.slice(0, 200));
    const last = rows[199];
    cursor = rows.length > 200 && last ? encodeCursor({ r: 0, k: last.sortKey, id: last.id }) : undefined;
  } while (cursor);
  return out;
}

/** The officer in charge of a task (see the header), as addressees. */
async function officerInCharge(db: Db, tenantId: string, taskId: string): Promise<Addressee[]> {
  const events = await history(db, { tenantId, subjectType: SUBJECT, subjectId: taskId });
  const actorId = [...events].reverse().find((e) => e.actorId)?.actorId;
  if (actorId) {
    const [account] = await activeAccountsMatching(db, tenantId, [{ userId: actorId }]);
    if (account && TASK_EDITORS.has(account.role)) return [{ userId: account.id }];
  }
  return [{ role: 'dost_officer' }];
}

const ruleOn = <T>(db: Db, tenantId: string, key: string, now: Date) =>
  resolveRule<T>(db, { tenantId, key, onDate: todayInVietnam(now) }).then((r) => r.value);

// ---- stage overdue ----

/** A stage past its target: the officer in charge, once per period of the province's schedule. */
export async function remindOverdueStages({ db, now }: Pick<JobContext, 'db' | 'now'>): Promise<JobResult> {
  let due = 0;
  let sent = 0;
  const today = todayInVietnam(now);
  for (const tenant of await listTenants(db)) {
    const { items } = await currentStages(db, { tenantId: tenant.id, subjectType: SUBJECT, asOf: now, overdueOnly: true, now });
    const late = items.filter((i) => !i.paused);
    if (late.length === 0) continue;
    const rule = await ruleOn<StageOverdueRule>(db, tenant.id, REMINDER_RULES.stageOverdue, now);
    const tasks = new Map((await allTasks(db, tenant.id, { ids: late.map((i) => i.subjectId) })).map((t) => [t.id, t]));
    for (const i of late) {
      const task = tasks.get(i.subjectId);
      if (!task || task.stage !== i.stage) continue;
      // From the due date (calendar or working-day target), in calendar days; without one, days past the target.
      const period = i.dueDate ? datePeriod(i.dueDate, today, rule) : overduePeriod(i.clockDays - (i.targetDays ?? 0), rule);
      if (period === null) continue;
      due++;
      const r = await sendNotice(db, {
        tenantId: tenant.id, kind: 'task.stage_overdue', subject: { type: SUBJECT, id: task.id },
        periodKey: `${i.stage}@${i.enteredAt}#${period}`,
        title: 'task.reminder.stage_overdue', body: 'task.reminder.stage_overdue.body',
        params: {
          title: task.title, stage: i.name ?? i.stage, days: Math.floor(i.daysInStage),
          due: i.dueDate ? formatDate(i.dueDate) : formatDate(addDays(vietnamDate(new Date(i.enteredAt)), i.targetDays ?? 0)),
        },
        to: await officerInCharge(db, tenant.id, task.id),
      });
      if (r) sent++;
    }
  }
  return { due, sent };
}

// ---- progress checks ----

/** The date the task entered the stages that take progress reports (the contract), from its stage history. */
async function contractDate(db: Db, tenantId: string, taskId: string, progressStages: Set<string>): Promise<string | null> {
  const events = await history(db, { tenantId, subjectType: SUBJECT, subjectId: taskId });
  const entry = [...events].reverse().find((e) => progressStages.has(e.toStage) && !(e.fromStage && progressStages.has(e.fromStage)));
  return entry ? vietnamDate(new Date(entry.at)) : null;
}

/** The next progress check of a task: `everyMonths` after the last check recorded, else after the start. */
export function nextCheckDue(o: { from: string; checks: string[]; everyMonths: number }): string {
  const last = [...o.checks].sort().at(-1);
  return addMonths(last && last > o.from ? last : o.from, o.everyMonths);
}

/** A progress check falling due: the host organisation's applicants and the officer in charge, once per due date. */
export async function remindProgressChecks({ db, now }: Pick<JobContext, 'db' | 'now'>): Promise<JobResult> {
  let due = 0;
  let sent = 0;
  const today = todayInVietnam(now);
  for (const tenant of await listTenants(db)) {
    const stages = await stagesWhere(db, { tenantId: tenant.id, workflow: TASK_WORKFLOW, test: (c) => c.allows.includes('progress') });
    if (stages.length === 0) continue;
    const tasks = await allTasks(db, tenant.id, { stages });
    if (tasks.length === 0) continue;
    const rule = await ruleOn<ProgressCheckRule>(db, tenant.id, PROGRESS_CHECK_RULE, now);
    for (const task of tasks) {
      const from = rule.from === 'start_date' ? task.startDate : await contractDate(db, tenant.id, task.id, new Set(stages));
      if (!from) continue;
      const checks = (await repo.progress(db, task.id)).filter((p) => p.kind === 'check').map((p) => p.reportDate);
      const dueDate = nextCheckDue({ from, checks, everyMonths: rule.everyMonths });
      // The last months before the end date end in the final report and acceptance, not in another check.
      if (task.endDate && dueDate >= task.endDate) continue;
      if (today < addDays(dueDate, -rule.remindDaysBefore)) continue;
      due++;
      const to: Addressee[] = [
        ...(task.hostOrganizationId ? [{ organizationId: task.hostOrganizationId, role: 'applicant' as const }] : []),
        ...await officerInCharge(db, tenant.id, task.id),
      ];
      const r = await sendNotice(db, {
        tenantId: tenant.id, kind: 'task.progress_due', subject: { type: SUBJECT, id: task.id }, periodKey: `due:${dueDate}`,
        title: 'task.reminder.progress_due', body: 'task.reminder.progress_due.body',
        params: { title: task.title, due: formatDate(dueDate), months: rule.everyMonths, from: formatDate(checks.length ? [...checks].sort().at(-1)! : from) },
        to,
      });
      if (r) sent++;
    }
  }
  return { due, sent };
}

// ---- council sheets ----

/** Members of open task councils without a sheet for an assigned dossier, from the meeting date on. */
export async function remindCouncilSheets({ db, now }: Pick<JobContext, 'db' | 'now'>): Promise<JobResult> {
  let due = 0;
  let sent = 0;
  const today = todayInVietnam(now);
  for (const tenant of await listTenants(db)) {
    const ctx = { db, actor: systemActor(tenant.id) };
    const open = await collectPages((p) => listCouncils(ctx, { ...p, subjectType: SUBJECT, status: 'open' }));
    const meeting = open.filter((c) => c.meetingDate);
    if (meeting.length === 0) continue;
    const rule = await ruleOn<CouncilSheetRule>(db, tenant.id, REMINDER_RULES.councilSheet, now);
    for (const council of meeting) {
      const period = datePeriod(council.meetingDate!, today, rule);
      if (period === null) continue;
      const missing = new Map<string, string[]>();
      for (const d of (await getCouncilResults(ctx, council.id)).dossiers) {
        for (const m of d.missing) missing.set(m.memberId, [...(missing.get(m.memberId) ?? []), d.title]);
      }
      if (missing.size === 0) continue;
      for (const member of (await getCouncil(ctx, council.id)).members) {
        const titles = missing.get(member.id);
        if (!titles || !member.userId) continue;
        due++;
        const r = await sendNotice(db, {
          tenantId: tenant.id, kind: 'council.sheet_missing', subject: { type: 'council', id: council.id },
          periodKey: `${member.id}#${period}`,
          title: 'task.reminder.council_sheet', body: 'task.reminder.council_sheet.body',
          params: { council: council.name, date: formatDate(council.meetingDate!), dossiers: titles.map((t) => `"${t}"`).join(', ') },
          to: [{ userId: member.userId }],
        });
        if (r) sent++;
      }
    }
  }
  return { due, sent };
}

export const taskReminderJobs = [
  defineJob({ name: 'tasks.stage_reminders', description: 'Remind the officer in charge of tasks past their stage target', everyMinutes: 60, run: remindOverdueStages }),
  defineJob({ name: 'tasks.progress_reminders', description: 'Remind host organisations and officers of progress checks falling due', everyMinutes: 60, run: remindProgressChecks }),
  defineJob({ name: 'tasks.council_sheet_reminders', description: 'Remind council members whose scoring sheets are missing', everyMinutes: 60, run: remindCouncilSheets }),
];
