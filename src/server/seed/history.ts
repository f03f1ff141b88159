/**
 * Writes the generated historical tasks (history-data.ts) in bulk, inside the demo seed's transaction: the tasks,
 * their products and planned funding, their stage events (back-dated, on the workflow version of each task's
 * regime), the disbursements their history implies (tasks-funding.ts) and one audit entry per record and per
 * transition, by the system. A few multi-row INSERTs instead of ~100 service calls per task: the records a person
 * would enter go through the services (tasks.ts); this is an import of past history, and its derived columns
 * (`search_text`, `sort_key`) are computed with the functions the tasks service uses.
 */
import { fold } from '../../lib/vi/fold.ts';
import { sortKey } from '../../lib/vi/collate.ts';
import type { WorkingCalendar } from '../../lib/vi/working-days.ts';
import type { Tx } from '../context.ts';
import type { WorkflowDefinition } from '../../shared/schemas/workflow.ts';
import { taskDisbursements, taskFunding, taskProducts, tasks } from '../modules/tasks/tasks.tables.ts';
import { TASK_WORKFLOW } from '../modules/tasks/tasks.workflow.ts';
import { stageEvents } from '../modules/workflow/workflow.tables.ts';
import { resolveWorkflow } from '../modules/workflow/workflow.service.ts';
import { workingCalendar } from '../modules/workflow/workflow.calendar.ts';
import { DEMO_TENANTS } from './demo-data.ts';
import { DEMO_TASKS } from './tasks-data.ts';
import { demoDisbursements } from './tasks-funding.ts';
import { systemActor } from './actors.ts';
import { auditRows, insertRows, type BulkAuditEntry } from './bulk.ts';
import { HISTORY_UNTIL, generateHistory, realHistory, type GeneratedTask, type History, type HistoryProvince } from './history-data.ts';

export interface DemoHistoryOptions {
  db: Tx;
  /** Tenant slug → id. */
  tenantIds: Map<string, string>;
  /** Organisation key (demo-data.ts) → id. */
  orgIds: Map<string, string>;
}

/** Who hosts generated tasks: the DOSTs' own centres and cooperatives, never an enterprise with a demo login. */
const HOSTS: Record<string, string[]> = {
  'tay-ninh': ['trung-tam-ung-dung', 'so-khcn-tay-ninh', 'htx-nhon-thanh-trung'],
  'lang-son': ['so-khcn-lang-son', 'htx-hop-thinh'],
  'an-giang': ['so-khcn-an-giang', 'htx-ben-ba-chi'],
};
const ABBREV: Record<string, string> = { 'tay-ninh': 'TN', 'lang-son': 'LS', 'an-giang': 'AG' };
const REGIME_2025 = '2025-10-01';

/** An instant in working hours, Vietnam time, on that day (varied a little so the history reads naturally). */
const instant = (isoDate: string, n: number) => new Date(`${isoDate}T${String(8 + (n % 8)).padStart(2, '0')}:${String((n * 13) % 60).padStart(2, '0')}:00+07:00`);

/** The demo provinces as the generator needs them. */
export function historyProvinces(): HistoryProvince[] {
  return DEMO_TENANTS.map((t) => ({
    slug: t.slug, province: t.province, formerProvince: t.formerDost.province, formerUntil: t.formerDost.validTo,
    abbrev: ABBREV[t.slug] ?? t.slug.slice(0, 2).toUpperCase(), hosts: HOSTS[t.slug] ?? [],
  }));
}

/** The real demo tasks' histories (and their re-proposals'), as tasks.ts writes them. */
export function realHistories(definition: (tenant: string, regimeDate: string) => WorkflowDefinition): History[] {
  return DEMO_TASKS.flatMap((t) => [
    realHistory({ key: t.key, tenant: t.tenant, proposedOn: t.proposedOn, steps: t.steps }, definition(t.tenant, t.proposedOn)),
    ...(t.reproposal ? [realHistory({ key: `${t.key}/again`, tenant: t.tenant, proposedOn: t.reproposal.proposedOn, steps: t.reproposal.steps },
      definition(t.tenant, t.reproposal.proposedOn))] : []),
  ]);
}

/** Each province's workflow under both regimes and its working-days calendar, read once. */
async function lookups(tx: Tx, tenantIds: Map<string, string>) {
  const defs = new Map<string, { id: string; value: WorkflowDefinition }>();
  const calendars = new Map<string, WorkingCalendar>();
  for (const [slug, tenantId] of tenantIds) {
    for (const regimeDate of ['2019-01-01', REGIME_2025]) {
      const rule = await resolveWorkflow(tx, { tenantId, workflow: TASK_WORKFLOW, regimeDate });
      defs.set(`${slug}/${regimeDate}`, { id: rule.id, value: rule.value });
    }
    calendars.set(slug, await workingCalendar(tx, { tenantId, onDate: '2026-06-30' }));
  }
  const ruleOf = (tenant: string, regimeDate: string) => defs.get(`${tenant}/${regimeDate >= REGIME_2025 ? REGIME_2025 : '2019-01-01'}`)!;
  return { ruleOf, calendar: (tenant: string) => calendars.get(tenant)! };
}

/** The generated tasks of the demo provinces, deterministic, given the database's workflow and calendars. */
export async function demoHistory(tx: Tx, tenantIds: Map<string, string>): Promise<GeneratedTask[]> {
  const { ruleOf, calendar } = await lookups(tx, tenantIds);
  const definition = (tenant: string, regimeDate: string) => ruleOf(tenant, regimeDate).value;
  return generateHistory({ provinces: historyProvinces().filter((p) => tenantIds.has(p.slug)), real: realHistories(definition), definition, calendar });
}

export async function seedDemoHistory(o: DemoHistoryOptions): Promise<{ tasks: number }> {
  const tx = o.db;
  const { ruleOf } = await lookups(tx, o.tenantIds);
  const generated = await demoHistory(tx, o.tenantIds);
  const decisions = new Map<string, number>();

  const taskRows = generated.map((g) => {
    const proposedAt = instant(g.proposedOn, 0);
    const last = g.events.at(-1);
    const lastAt = last ? instant(last.on, g.events.length) : proposedAt;
    return {
      id: crypto.randomUUID(), tenantId: o.tenantIds.get(g.tenant)!, code: g.code, title: g.title, type: g.type, level: g.level,
      scienceField: g.scienceField, hostOrganizationId: o.orgIds.get(g.host) ?? null, principalInvestigatorId: null,
      assignmentMode: g.assignmentMode, fundingMode: null, proposalYear: Number(g.proposedOn.slice(0, 4)), regimeDate: g.proposedOn,
      startDate: g.startDate, endDate: g.endDate, stage: g.stage, stageEnteredAt: lastAt, summary: g.summary,
      identificationPassed: g.identificationPassed, selectionPassed: g.selectionPassed, acceptanceRating: g.acceptanceRating,
      previousTaskId: null, submittedAt: proposedAt, searchText: fold(`${g.code} ${g.title}`), sortKey: sortKey(g.title),
      createdAt: proposedAt, updatedAt: lastAt,
    };
  });
  await insertRows(tx, tasks, taskRows);
  const idOf = new Map(generated.map((g, i) => [g.key, taskRows[i].id]));

  await insertRows(tx, taskProducts, generated.flatMap((g) => g.products.map((p, position) => ({ taskId: idOf.get(g.key)!, position, ...p }))));
  await insertRows(tx, taskFunding, generated.flatMap((g) => g.funding.map(([year, stateBudget, counterpart]) => ({ taskId: idOf.get(g.key)!, year, stateBudget, counterpart }))));

  const events = generated.flatMap((g) => {
    const base = { tenantId: o.tenantIds.get(g.tenant)!, workflow: TASK_WORKFLOW, subjectType: 'task', subjectId: idOf.get(g.key)!, actorId: null, note: null,
      ruleVersionId: ruleOf(g.tenant, g.proposedOn).id };
    return [
      { ...base, fromStage: null, toStage: g.events[0]?.from ?? g.stage, action: null, at: instant(g.proposedOn, 0) },
      ...g.events.map((e, i) => ({ ...base, fromStage: e.from, toStage: e.to, action: e.action, at: instant(e.on, i + 1) })),
    ];
  });
  await insertRows(tx, stageEvents, events);

  const payments = generated.flatMap((g) => {
    const on = (action: string) => g.events.find((e) => e.action === action)?.on ?? null;
    // A task still under way has been paid up to the end of the history, one that closed up to its last event.
    const closed = ruleOf(g.tenant, g.proposedOn).value.stages.find((x) => x.key === g.stage)?.terminal === true;
    const until = closed ? g.events.at(-1)?.on ?? g.proposedOn : HISTORY_UNTIL;
    const decision = (date: string) => {
      const n = (decisions.get(g.tenant) ?? 700) + 1;
      decisions.set(g.tenant, n);
      return { decisionNo: `${n}/QĐ-SKHCN`, decisionDate: date };
    };
    const funding = g.funding.map(([year, stateBudget, counterpart]) => ({ year, stateBudget, counterpart }));
    const acceptedOn = on('accept') ?? on('fail_acceptance');
    return demoDisbursements(funding, { contractOn: on('sign_contract'), submittedOn: on('submit_for_acceptance'), acceptedOn, until }, decision)
      // A task not accepted is not paid its last remainder.
      .filter((d) => !(on('fail_acceptance') && d.note?.startsWith('Thanh toán phần kinh phí còn lại')))
      .map((d) => ({ id: crypto.randomUUID(), tenantId: o.tenantIds.get(g.tenant)!, taskId: idOf.get(g.key)!, createdBy: null, ...d }));
  });
  await insertRows(tx, taskDisbursements, payments);

  for (const [slug, tenantId] of o.tenantIds) {
    const mine = generated.filter((g) => g.tenant === slug);
    if (mine.length === 0) continue;
    const entries: BulkAuditEntry[] = mine.flatMap((g) => {
      const id = idOf.get(g.key)!;
      // As the tasks service's own entry has it: the counterpart share of the funding planned, in per cent.
      const [state, counterpart] = g.funding.reduce(([a, b], [, sb, cp]) => [a + sb, b + cp], [0, 0]);
      const counterpartShare = state > 0 ? Math.round((counterpart / state) * 10_000) / 100 : null;
      return [
        { action: 'create', entity: 'task', entityId: id, after: { ...taskRows.find((r) => r.id === id), generated: true, products: g.products, funding: g.funding, counterpartShare } },
        ...g.events.map((e) => ({ action: 'transition', entity: 'task', entityId: id, after: { from: e.from, to: e.to, action: e.action, on: e.on, generated: true } })),
      ];
    });
    entries.push(...payments.filter((p) => p.tenantId === tenantId).map((p) => ({ action: 'create', entity: 'task_disbursement', entityId: p.id, after: p })));
    await auditRows(tx, systemActor(tenantId), entries);
  }
  return { tasks: generated.length };
}
