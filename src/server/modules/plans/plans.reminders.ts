/**
 * The daily reminder of the plans module: every unit carrying an item that is flagged (its deadline passed before it
 * was done, or the last due period's report is missing) gets one notice per plan and reporting period in its inbox,
 * listing how many of its items are flagged. The period is the plan's reporting period whose report fell due last;
 * the notice's period key is (period, unit), so reruns, a second worker
 * and the next days of the same period send nothing more; the next period's flag sends a new one. Units are the
 * items' carriers now (an ended district's successors, or the unit the department named).
 */
import { systemActor, type Ctx } from '../../context.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { defineJob, type JobContext, type JobResult } from '../jobs/jobs.types.ts';
import { sendNotice } from '../inbox/inbox.service.ts';
import { listTenants } from '../tenants/tenants.service.ts';
import * as repo from './plans.repo.ts';
import { graceDaysOn, presentItems } from './plans.service.ts';
import { currentPeriod, lastDuePeriod, periodsOf } from './plans.periods.ts';
import { ReportingSchedule } from '../../../shared/schemas/plans.ts';

export async function remindFlaggedItems({ db, now }: Pick<JobContext, 'db' | 'now'>): Promise<JobResult> {
  const today = todayInVietnam(now);
  let flagged = 0;
  let sent = 0;
  for (const tenant of await listTenants(db)) {
    const ctx: Ctx = { db, actor: systemActor(tenant.id) };
    const plans = (await repo.listPlans(db, tenant.id)).filter((p) => p.periodFrom <= today);
    for (const plan of plans) {
      const items = await repo.itemsOf(db, tenant.id, { planIds: [plan.id] });
      const shown = (await presentItems(ctx, db, [plan], items, today)).filter((s) => s.dto.state.overdue.length > 0);
      if (shown.length === 0) continue;
      const grace = await graceDaysOn(db, tenant.id, today);
      const periods = periodsOf(ReportingSchedule.parse(plan.schedule), plan.periodFrom, plan.periodTo, grace);
      // The plan's reporting period whose report fell due last (else the current one): one reminder each.
      const period = lastDuePeriod(periods, { today, itemFrom: plan.periodFrom, itemTo: plan.periodTo })?.key
        ?? currentPeriod(periods, today)?.key ?? today.slice(0, 4);
      const byUnit = new Map<string, { unit: { agencyId: string | null; adminUnitId: string | null; name: string }; period: string; titles: string[] }>();
      for (const s of shown) {
        flagged++;
        for (const o of s.dto.owners) {
          const key = `${period}|${o.agencyId ? `agency:${o.agencyId}` : `unit:${o.adminUnitId}`}`;
          const entry = byUnit.get(key) ?? { unit: o, period, titles: [] };
          entry.titles.push([s.dto.code, s.dto.title].filter(Boolean).join('. '));
          byUnit.set(key, entry);
        }
      }
      for (const [key, e] of byUnit) {
        const r = await sendNotice(db, {
          tenantId: tenant.id, kind: 'plan.items_flagged', subject: { type: 'plan', id: plan.id }, periodKey: key,
          title: 'plans.reminder.flagged', body: 'plans.reminder.flagged.body',
          params: { plan: plan.title, count: e.titles.length, unit: e.unit.name, period: e.period, items: e.titles.slice(0, 10).join('; ') },
          to: [e.unit.agencyId ? { agencyId: e.unit.agencyId } : { adminUnitId: e.unit.adminUnitId! }],
        });
        if (r) sent++;
      }
    }
  }
  return { flagged, sent };
}

export const planJobs = [
  defineJob({ name: 'plans.item_reminders', description: 'Remind units of plan items past their deadline or missing a period report, once per period', everyMinutes: 1440, run: remindFlaggedItems }),
];
