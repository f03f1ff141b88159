import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { runQueries } from '../../db/queries.ts';
import type { Tx } from '../../context.ts';
import { adminUnits } from '../admin-units/admin-units.tables.ts';
import { people } from '../people/people.tables.ts';
import { scienceFields } from '../science-fields/science-fields.tables.ts';
import { textSearch } from '../../db/search.ts';
import { versionedWrites } from '../../db/versioned-table.ts';
import { organizations } from '../organizations/organizations.tables.ts';
import type { NameCursor } from '../../db/paging.ts';
import type { TaskListQuery } from '../../../shared/schemas/tasks.ts';
import {
  taskDisbursements, taskFunding, taskMembers, taskPaperRequests, taskParticipants, taskProducts, taskProgress, taskReplications, tasks,
} from './tasks.tables.ts';

type Q = Db | Tx;
export type TaskValues = Omit<typeof tasks.$inferInsert, 'id' | 'tenantId' | 'version' | 'createdAt' | 'updatedAt'>;

const hostOrg = sql`(SELECT o.name FROM organizations o WHERE o.id = ${tasks.hostOrganizationId})`;
const columns = {
  id: tasks.id, code: tasks.code, title: tasks.title, type: tasks.type, level: tasks.level,
  scienceField: tasks.scienceField,
  scienceFieldVi: scienceFields.nameVi, scienceFieldEn: scienceFields.nameEn,
  hostOrganizationId: tasks.hostOrganizationId,
  hostOrganizationName: sql<string | null>`${hostOrg}`,
  principalInvestigatorId: tasks.principalInvestigatorId,
  principalInvestigatorName: sql<string | null>`(SELECT p.full_name FROM people p WHERE p.id = ${tasks.principalInvestigatorId})`,
  assignmentMode: tasks.assignmentMode, fundingMode: tasks.fundingMode, proposalYear: tasks.proposalYear,
  regimeDate: tasks.regimeDate, startDate: tasks.startDate, endDate: tasks.endDate, summary: tasks.summary,
  stage: tasks.stage, stageEnteredAt: tasks.stageEnteredAt,
  identificationPassed: tasks.identificationPassed, selectionPassed: tasks.selectionPassed,
  acceptanceRating: tasks.acceptanceRating, previousTaskId: tasks.previousTaskId, submittedAt: tasks.submittedAt,
  stateBudgetTotal: sql<number>`(SELECT coalesce(sum(f.state_budget), 0)::float8 FROM task_funding f WHERE f.task_id = ${tasks.id})`,
  counterpartTotal: sql<number>`(SELECT coalesce(sum(f.counterpart), 0)::float8 FROM task_funding f WHERE f.task_id = ${tasks.id})`,
  stateBudgetDisbursed: sql<number>`(SELECT coalesce(sum(d.amount), 0)::float8 FROM task_disbursements d WHERE d.task_id = ${tasks.id} AND d.source = 'state_budget')`,
  counterpartDisbursed: sql<number>`(SELECT coalesce(sum(d.amount), 0)::float8 FROM task_disbursements d WHERE d.task_id = ${tasks.id} AND d.source = 'counterpart')`,
  version: tasks.version, createdAt: tasks.createdAt, updatedAt: tasks.updatedAt, sortKey: tasks.sortKey,
};
export type TaskRow = Awaited<ReturnType<typeof findById>> & {};

export async function findById(db: Q, tenantId: string, id: string) {
  const [row] = await db.select(columns).from(tasks)
    .leftJoin(scienceFields, eq(scienceFields.code, tasks.scienceField))
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
  return row ?? null;
}

/**
 * `organizationId`: an applicant's scope — the tasks the organisation hosts (its drafts too) or takes part in once
 * submitted. Without it drafts are left out: they are the applicant's until submitted (migration 0055).
 */
export interface ListFilter extends TaskListQuery { ids?: string[]; stages?: string[]; ratings?: string[]; hostOrganizationIds?: string[]; organizationId?: string }

/** Submitted tasks only (an applicant's drafts are nobody else's business). */
export const submitted = sql`${tasks.submittedAt} IS NOT NULL`;

const ofOrganization = (organizationId: string) => sql`(${tasks.hostOrganizationId} = ${organizationId}
  OR (${submitted} AND EXISTS (SELECT 1 FROM task_participants tp WHERE tp.task_id = ${tasks.id} AND tp.organization_id = ${organizationId})))`;

export async function list(db: Q, tenantId: string, q: ListFilter, cursor: NameCursor | null) {
  const s = textSearch({
    searchText: tasks.searchText, sortKey: tasks.sortKey, id: tasks.id, query: q.q,
    exactText: sql`(coalesce(${tasks.code}, '') || ' ' || ${tasks.title})`,
  });
  return db.select({ ...columns, searchRank: s.rank }).from(tasks)
    .leftJoin(scienceFields, eq(scienceFields.code, tasks.scienceField))
    .where(and(
      eq(tasks.tenantId, tenantId),
      q.organizationId ? ofOrganization(q.organizationId) : submitted,
      s.where,
      q.year ? eq(tasks.proposalYear, q.year) : undefined,
      q.stage ? eq(tasks.stage, q.stage) : undefined,
      q.stages ? inArray(tasks.stage, q.stages) : undefined,
      q.ratings ? inArray(tasks.acceptanceRating, q.ratings) : undefined,
      q.scienceField ? sql`${tasks.scienceField} LIKE ${`${q.scienceField}%`}` : undefined,
      q.hostOrganizationId ? eq(tasks.hostOrganizationId, q.hostOrganizationId) : undefined,
      q.hostOrganizationIds ? inArray(tasks.hostOrganizationId, q.hostOrganizationIds) : undefined,
      q.fundingMode ? eq(tasks.fundingMode, q.fundingMode) : undefined,
      q.assignmentMode ? eq(tasks.assignmentMode, q.assignmentMode) : undefined,
      q.type ? eq(tasks.type, q.type) : undefined,
      q.ids ? (q.ids.length ? inArray(tasks.id, q.ids) : sql`false`) : undefined,
      s.after(cursor),
    ))
    .orderBy(...s.orderBy)
    .limit(q.limit + 1);
}

export async function lock(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx.select({ id: tasks.id, version: tasks.version, stage: tasks.stage }).from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id))).for('update');
  return row ?? null;
}

export async function insert(tx: Tx, tenantId: string, values: TaskValues) {
  const [row] = await tx.insert(tasks).values({ ...values, tenantId }).returning({ id: tasks.id });
  return row.id;
}

export async function update(tx: Tx, tenantId: string, id: string, version: number, values: Partial<TaskValues>) {
  const rows = await tx.update(tasks).set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id), eq(tasks.version, version)))
    .returning({ id: tasks.id });
  return rows.length === 1;
}

/** Council outcomes are facts about the task written by the councils hook; they bump the version too. */
export async function setOutcome(tx: Tx, tenantId: string, id: string, values: Partial<Pick<TaskValues, 'identificationPassed' | 'selectionPassed' | 'acceptanceRating'>>) {
  await tx.update(tasks).set({ ...values, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
}

export async function remove(tx: Tx, tenantId: string, id: string) {
  await tx.delete(tasks).where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
}

// ---- children ----

export async function replaceChildren(tx: Tx, taskId: string, c: {
  members: { personId: string; role: string }[];
  funding: { year: number; stateBudget: number; counterpart: number }[];
  products: { name: string; kind: string; specification: string; quantity?: number | null; unit?: string | null; status: string }[];
  /** Absent: the stored participants stay. */
  participants?: { organizationId: string; role: string; note?: string | null }[];
}) {
  if (c.participants) {
    await tx.delete(taskParticipants).where(eq(taskParticipants.taskId, taskId));
    if (c.participants.length) {
      await tx.insert(taskParticipants).values(c.participants.map((p, i) => ({
        taskId, organizationId: p.organizationId, role: p.role, position: i + 1, note: p.note ?? null,
      })));
    }
  }
  await tx.delete(taskMembers).where(eq(taskMembers.taskId, taskId));
  await tx.delete(taskFunding).where(eq(taskFunding.taskId, taskId));
  await tx.delete(taskProducts).where(eq(taskProducts.taskId, taskId));
  if (c.members.length) await tx.insert(taskMembers).values(c.members.map((m) => ({ taskId, ...m })));
  if (c.funding.length) await tx.insert(taskFunding).values(c.funding.map((f) => ({ taskId, ...f })));
  if (c.products.length) {
    await tx.insert(taskProducts).values(c.products.map((p, i) => ({
      taskId, position: i + 1, name: p.name, kind: p.kind, specification: p.specification,
      quantity: p.quantity ?? null, unit: p.unit ?? null, status: p.status,
    })));
  }
}

export async function members(db: Q, taskId: string) {
  return db.select({ personId: taskMembers.personId, role: taskMembers.role, fullName: people.fullName })
    .from(taskMembers).innerJoin(people, eq(people.id, taskMembers.personId))
    .where(eq(taskMembers.taskId, taskId)).orderBy(asc(sql`${people.sortKey} COLLATE "C"`));
}

export async function funding(db: Q, taskId: string) {
  return db.select({ year: taskFunding.year, stateBudget: taskFunding.stateBudget, counterpart: taskFunding.counterpart })
    .from(taskFunding).where(eq(taskFunding.taskId, taskId)).orderBy(taskFunding.year);
}

/** The organisations taking part in tasks, in the order entered, with their names. */
export async function participantsOf(db: Q, taskIds: string[]) {
  if (!taskIds.length) return [];
  return db.select({
    taskId: taskParticipants.taskId, organizationId: taskParticipants.organizationId, organizationName: organizations.name,
    role: taskParticipants.role, note: taskParticipants.note,
  }).from(taskParticipants).innerJoin(organizations, eq(organizations.id, taskParticipants.organizationId))
    .where(inArray(taskParticipants.taskId, taskIds)).orderBy(taskParticipants.taskId, taskParticipants.position);
}

/** Whether an organisation takes part in a task (an applicant of it reads the task). */
export async function participates(db: Q, taskId: string, organizationId: string) {
  const rows = await db.select({ taskId: taskParticipants.taskId }).from(taskParticipants)
    .where(and(eq(taskParticipants.taskId, taskId), eq(taskParticipants.organizationId, organizationId))).limit(1);
  return rows.length > 0;
}

// ---- disbursements ----

export const disbursementWrites = versionedWrites(taskDisbursements);
export type DisbursementValues = Omit<typeof taskDisbursements.$inferInsert, 'id' | 'tenantId' | 'version' | 'createdAt' | 'updatedAt'>;

const disbursementColumns = {
  id: taskDisbursements.id, taskId: taskDisbursements.taskId, disbursedOn: taskDisbursements.disbursedOn, amount: taskDisbursements.amount,
  source: taskDisbursements.source, decisionNo: taskDisbursements.decisionNo, decisionDate: taskDisbursements.decisionDate,
  note: taskDisbursements.note, createdBy: taskDisbursements.createdBy, version: taskDisbursements.version,
  createdAt: taskDisbursements.createdAt, updatedAt: taskDisbursements.updatedAt,
};

/** One disbursement of the province, of the given task when `taskId` is given. */
export async function findDisbursement(db: Q, tenantId: string, id: string, taskId?: string) {
  const [row] = await db.select(disbursementColumns).from(taskDisbursements)
    .where(and(eq(taskDisbursements.tenantId, tenantId), eq(taskDisbursements.id, id), taskId ? eq(taskDisbursements.taskId, taskId) : undefined));
  return row ?? null;
}

export async function disbursements(db: Q, taskId: string) {
  return db.select(disbursementColumns).from(taskDisbursements).where(eq(taskDisbursements.taskId, taskId))
    .orderBy(taskDisbursements.disbursedOn, taskDisbursements.createdAt);
}

export interface FundingScope { taskIds?: string[]; stages?: string[]; fromYear?: number; toYear?: number }

/**
 * Planned funding by budget year and disbursements by the year of their date and source, summed over the province's
 * tasks (or the given ones): the figures behind FundingSummary.
 */
export async function fundingFigures(db: Q, tenantId: string, o: FundingScope) {
  const inList = (col: SQL, values: string[] | undefined) => (values === undefined ? sql``
    : values.length ? sql`AND ${col} IN (${sql.join(values.map((v) => sql`${v}`), sql`, `)})` : sql`AND false`);
  const ids = sql`${inList(sql`t.id`, o.taskIds)} ${inList(sql`t.stage`, o.stages)}`;
  const years = (col: SQL) => sql`${o.fromYear !== undefined ? sql`AND ${col} >= ${o.fromYear}` : sql``} ${o.toYear !== undefined ? sql`AND ${col} <= ${o.toYear}` : sql``}`;
  const [planned, disbursed] = await runQueries(db, [
    () => rowsOf<{ year: number; state_budget: number; counterpart: number }>(db, sql`
      SELECT f.year, sum(f.state_budget)::float8 AS state_budget, sum(f.counterpart)::float8 AS counterpart
      FROM task_funding f JOIN tasks t ON t.id = f.task_id
      WHERE t.tenant_id = ${tenantId} AND t.submitted_at IS NOT NULL ${ids} ${years(sql`f.year`)}
      GROUP BY f.year`),
    () => rowsOf<{ year: number; source: string; amount: number }>(db, sql`
      SELECT extract(year FROM d.disbursed_on)::int AS year, d.source, sum(d.amount)::float8 AS amount
      FROM task_disbursements d JOIN tasks t ON t.id = d.task_id
      WHERE d.tenant_id = ${tenantId} AND t.tenant_id = ${tenantId} AND t.submitted_at IS NOT NULL ${ids} ${years(sql`extract(year FROM d.disbursed_on)`)}
      GROUP BY 1, 2`),
  ] as const);
  return {
    planned: planned.map((r) => ({ year: Number(r.year), stateBudget: Number(r.state_budget), counterpart: Number(r.counterpart) })),
    disbursed: disbursed.map((r) => ({ year: Number(r.year), source: r.source, amount: Number(r.amount) })),
  };
}

export async function products(db: Q, taskId: string) {
  return db.select({
    id: taskProducts.id, position: taskProducts.position, name: taskProducts.name, kind: taskProducts.kind,
    specification: taskProducts.specification, quantity: taskProducts.quantity, unit: taskProducts.unit, status: taskProducts.status,
  }).from(taskProducts).where(eq(taskProducts.taskId, taskId)).orderBy(taskProducts.position);
}

export async function productsOf(db: Q, taskIds: string[]) {
  if (!taskIds.length) return [];
  return db.select({ taskId: taskProducts.taskId, name: taskProducts.name, kind: taskProducts.kind, specification: taskProducts.specification })
    .from(taskProducts).where(inArray(taskProducts.taskId, taskIds)).orderBy(taskProducts.taskId, taskProducts.position);
}

export async function progress(db: Q, taskId: string) {
  return db.select().from(taskProgress).where(eq(taskProgress.taskId, taskId)).orderBy(taskProgress.reportDate, taskProgress.createdAt);
}

export async function insertProgress(tx: Tx, v: typeof taskProgress.$inferInsert) {
  const [row] = await tx.insert(taskProgress).values(v).returning({ id: taskProgress.id });
  return row.id;
}

export async function replications(db: Q, taskIds: string[]) {
  if (!taskIds.length) return [];
  return db.select({
    id: taskReplications.id, taskId: taskReplications.taskId, adminUnitId: taskReplications.adminUnitId, adminUnitName: adminUnits.name,
    place: taskReplications.place, adopterOrganizationId: taskReplications.adopterOrganizationId,
    adopterName: sql<string | null>`coalesce(${taskReplications.adopterName}, (SELECT o.name FROM organizations o WHERE o.id = ${taskReplications.adopterOrganizationId}))`,
    scale: taskReplications.scale, year: taskReplications.year, note: taskReplications.note, createdAt: taskReplications.createdAt,
  }).from(taskReplications).leftJoin(adminUnits, eq(adminUnits.id, taskReplications.adminUnitId))
    .where(inArray(taskReplications.taskId, taskIds)).orderBy(taskReplications.year, taskReplications.createdAt);
}

export async function insertReplication(tx: Tx, v: typeof taskReplications.$inferInsert) {
  const [row] = await tx.insert(taskReplications).values(v).returning({ id: taskReplications.id });
  return row.id;
}

/** Earlier proposals (following previous_task_id) and later ones (tasks pointing back), oldest first. */
export async function lineage(db: Q, tenantId: string, id: string) {
  return rowsOf<{ id: string; title: string; proposal_year: number; stage: string; regime_date: string }>(db, sql`
    WITH RECURSIVE back(id) AS (
      SELECT previous_task_id FROM tasks WHERE id = ${id} AND tenant_id = ${tenantId} AND previous_task_id IS NOT NULL
      UNION SELECT t.previous_task_id FROM tasks t JOIN back b ON t.id = b.id WHERE t.previous_task_id IS NOT NULL
    ), fwd(id) AS (
      SELECT id FROM tasks WHERE previous_task_id = ${id} AND tenant_id = ${tenantId}
      UNION SELECT t.id FROM tasks t JOIN fwd f ON t.previous_task_id = f.id
    )
    SELECT t.id, t.title, t.proposal_year, t.stage, t.regime_date::text AS regime_date FROM tasks t
    WHERE t.tenant_id = ${tenantId} AND (t.id IN (SELECT id FROM back) OR t.id IN (SELECT id FROM fwd))
    ORDER BY t.proposal_year, t.created_at`);
}

export async function stageCounts(db: Q, tenantId: string) {
  return db.select({ stage: tasks.stage, count: sql<number>`count(*)::int` }).from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), submitted)).groupBy(tasks.stage);
}

// ---- proposals: drafts and requests for missing papers ----

/** A draft's submission: the proposal date and the first stage (the version is bumped by the caller's update). */
export async function markSubmitted(tx: Tx, id: string, o: { submittedAt: Date; regimeDate: string; stage: string }) {
  await tx.update(tasks).set({ submittedAt: o.submittedAt, regimeDate: o.regimeDate, stage: o.stage, stageEnteredAt: o.submittedAt })
    .where(eq(tasks.id, id));
}

const paperColumns = {
  id: taskPaperRequests.id, taskId: taskPaperRequests.taskId, stage: taskPaperRequests.stage, note: taskPaperRequests.note,
  requestedById: taskPaperRequests.requestedBy, requestedAt: taskPaperRequests.requestedAt,
  requestedBy: sql<string | null>`(SELECT u.display_name FROM users u WHERE u.id = ${taskPaperRequests.requestedBy})`,
  answerNote: taskPaperRequests.answerNote, answeredAt: taskPaperRequests.answeredAt,
  answeredBy: sql<string | null>`(SELECT u.display_name FROM users u WHERE u.id = ${taskPaperRequests.answeredBy})`,
};

export async function paperRequests(db: Q, tenantId: string, taskId: string) {
  return db.select(paperColumns).from(taskPaperRequests)
    .where(and(eq(taskPaperRequests.tenantId, tenantId), eq(taskPaperRequests.taskId, taskId)))
    .orderBy(taskPaperRequests.requestedAt);
}

export async function openPaperRequest(db: Q, tenantId: string, taskId: string) {
  const [row] = await db.select(paperColumns).from(taskPaperRequests)
    .where(and(eq(taskPaperRequests.tenantId, tenantId), eq(taskPaperRequests.taskId, taskId), sql`${taskPaperRequests.answeredAt} IS NULL`));
  return row ?? null;
}

export async function insertPaperRequest(tx: Tx, v: { tenantId: string; taskId: string; stage: string; note: string; requestedBy: string | null }) {
  const [row] = await tx.insert(taskPaperRequests).values(v).returning({ id: taskPaperRequests.id });
  return row.id;
}

/** Answers the request if it is still open; false when it was answered meanwhile (or is not the task's). */
export async function answerPaperRequest(tx: Tx, o: { tenantId: string; taskId: string; id: string; note: string; answeredBy: string | null }) {
  const rows = await tx.update(taskPaperRequests).set({ answerNote: o.note, answeredBy: o.answeredBy, answeredAt: new Date() })
    .where(and(eq(taskPaperRequests.tenantId, o.tenantId), eq(taskPaperRequests.taskId, o.taskId), eq(taskPaperRequests.id, o.id),
      sql`${taskPaperRequests.answeredAt} IS NULL`))
    .returning({ id: taskPaperRequests.id });
  return rows.length === 1;
}

/** The stage as recorded by the workflow (no version bump: the creating or transitioning write already made one). */
export async function setStage(tx: Tx, id: string, stage: string, enteredAt: Date) {
  await tx.update(tasks).set({ stage, stageEnteredAt: enteredAt }).where(eq(tasks.id, id));
}


// ---- similar tasks ----

export interface SimilarityRow {
  id: string; tenant_id: string; title: string; summary: string | null; proposal_year: number; stage: string; regime_date: string;
  acceptance_rating: string | null; products: string | null;
}

/**
 * The tasks a proposal is compared with: every task of `tenantId` when `includeOwn`, and of each tenant in
 * `publicOf` only those in its public stages with a public rating (what the public portal shows).
 */
export async function similarityCorpus(db: Q, o: { tenantId: string; includeOwn: boolean; publicOf: { tenantId: string; stages: string[] }[]; ratings: string[] }) {
  const publicParts = o.publicOf.filter((p) => p.stages.length).map((p) => sql`(t.tenant_id = ${p.tenantId} AND t.stage IN (${sql.join(p.stages.map((s) => sql`${s}`), sql`, `)})
    AND t.acceptance_rating IN (${sql.join(o.ratings.map((r) => sql`${r}`), sql`, `)}))`);
  const parts = [...(o.includeOwn ? [sql`t.tenant_id = ${o.tenantId}`] : []), ...publicParts];
  if (parts.length === 0) return [];
  return rowsOf<SimilarityRow>(db, sql`
    SELECT t.id, t.tenant_id, t.title, t.summary, t.proposal_year, t.stage, t.regime_date::text AS regime_date, t.acceptance_rating,
      (SELECT string_agg(p.name, E'\n' ORDER BY p.position) FROM task_products p WHERE p.task_id = t.id) AS products
    FROM tasks t WHERE t.submitted_at IS NOT NULL AND (${sql.join(parts, sql` OR `)})`);
}

// ---- the leader's home (read-only) ----

/** The province's tasks with a replication record of the year, and how many records each has. */
export async function replicationsInYear(db: Q, tenantId: string, year: number) {
  return db.select({ taskId: sql<string>`${taskReplications.taskId}`, records: sql<number>`count(*)::int` })
    .from(taskReplications).innerJoin(tasks, eq(tasks.id, taskReplications.taskId))
    .where(and(eq(tasks.tenantId, tenantId), eq(taskReplications.year, year)))
    .groupBy(taskReplications.taskId);
}

/** Tasks put to ordering (assignment mode `ordering`) whose proposal date falls between two dates (indicators module). */
export async function countOrderedTasks(db: Q, tenantId: string, o: { from: string; to: string }): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM tasks
    WHERE tenant_id = ${tenantId} AND assignment_mode = 'ordering' AND regime_date BETWEEN ${o.from}::date AND ${o.to}::date`);
  return Number(row.n);
}
