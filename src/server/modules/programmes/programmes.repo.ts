/** SQL of the programmes module: programmes, calls, applications and requests for additions (migration 0060). */
import { and, count, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { versionedWrites } from '../../db/versioned-table.ts';
import { matchesAllWords } from '../../db/search.ts';
import { legalDocuments } from '../legal-documents/legal-documents.tables.ts';
import { organizations } from '../organizations/organizations.tables.ts';
import { programmeApplicationRequests, programmeApplications, programmeCalls, programmes } from './programmes.tables.ts';

type Q = Db | Tx;

// ---- programmes ----

const programmeSelect = {
  id: programmes.id, tenantId: programmes.tenantId, code: programmes.code, kind: programmes.kind, name: programmes.name, nameEn: programmes.nameEn,
  legalDocumentId: programmes.legalDocumentId, legalDocumentNumber: legalDocuments.number, legalDocumentTitle: legalDocuments.title,
  description: programmes.description, active: programmes.active, sortKey: programmes.sortKey, version: programmes.version,
  createdAt: programmes.createdAt, updatedAt: programmes.updatedAt,
  callCount: sql<number>`(SELECT count(*)::int FROM programme_calls c WHERE c.programme_id = ${programmes.id})`,
};
export type ProgrammeRow = Awaited<ReturnType<typeof findProgramme>> & object;

export async function findProgramme(db: Q, tenantId: string, id: string) {
  const [row] = await db.select(programmeSelect).from(programmes)
    .leftJoin(legalDocuments, eq(legalDocuments.id, programmes.legalDocumentId))
    .where(and(eq(programmes.tenantId, tenantId), eq(programmes.id, id)));
  return row ?? null;
}

export async function listProgrammes(db: Q, tenantId: string, o: { q?: string; kind?: string; active?: boolean; after?: { k: string; id: string } | null; limit: number }) {
  const where: (SQL | undefined)[] = [eq(programmes.tenantId, tenantId), matchesAllWords(programmes.searchText, o.q)];
  if (o.kind) where.push(eq(programmes.kind, o.kind));
  if (o.active !== undefined) where.push(eq(programmes.active, o.active));
  if (o.after) where.push(sql`(${programmes.sortKey} COLLATE "C", ${programmes.id}) > (${o.after.k} COLLATE "C", ${o.after.id}::uuid)`);
  return db.select(programmeSelect).from(programmes)
    .leftJoin(legalDocuments, eq(legalDocuments.id, programmes.legalDocumentId))
    .where(and(...where)).orderBy(sql`${programmes.sortKey} COLLATE "C"`, programmes.id).limit(o.limit + 1);
}

export const programmeWrites = versionedWrites(programmes);

// ---- calls ----

const callSelect = {
  id: programmeCalls.id, tenantId: programmeCalls.tenantId, programmeId: programmeCalls.programmeId,
  programmeCode: programmes.code, programmeName: programmes.name, programmeNameEn: programmes.nameEn, programmeKind: programmes.kind,
  code: programmeCalls.code, title: programmeCalls.title, year: programmeCalls.year, opensOn: programmeCalls.opensOn, closesOn: programmeCalls.closesOn,
  budget: programmeCalls.budget, eligibility: programmeCalls.eligibility, supportTypes: programmeCalls.supportTypes, formSchema: programmeCalls.formSchema,
  scoringSheet: programmeCalls.scoringSheet, selectTop: programmeCalls.selectTop, requiredDocuments: programmeCalls.requiredDocuments,
  status: programmeCalls.status, version: programmeCalls.version, createdAt: programmeCalls.createdAt, updatedAt: programmeCalls.updatedAt,
  applicationCount: sql<number>`(SELECT count(*)::int FROM programme_applications a WHERE a.call_id = ${programmeCalls.id} AND a.submitted_at IS NOT NULL)`,
};
export type CallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;

export async function findCall(db: Q, tenantId: string, id: string) {
  const [row] = await db.select(callSelect).from(programmeCalls)
    .innerJoin(programmes, eq(programmes.id, programmeCalls.programmeId))
    .where(and(eq(programmeCalls.tenantId, tenantId), eq(programmeCalls.id, id)));
  return row ?? null;
}

export async function listCalls(db: Q, tenantId: string, o: {
  q?: string; programmeId?: string; statuses?: string[]; year?: number; openOn?: string; after?: { k: string; id: string } | null; limit: number;
}) {
  const where: (SQL | undefined)[] = [eq(programmeCalls.tenantId, tenantId), matchesAllWords(programmeCalls.searchText, o.q)];
  if (o.programmeId) where.push(eq(programmeCalls.programmeId, o.programmeId));
  if (o.statuses) where.push(sql`${programmeCalls.status} IN (${sql.join(o.statuses.map((s) => sql`${s}`), sql`, `)})`);
  if (o.year) where.push(eq(programmeCalls.year, o.year));
  if (o.openOn) where.push(sql`${programmeCalls.opensOn} <= ${o.openOn}::date AND ${programmeCalls.closesOn} >= ${o.openOn}::date`);
  if (o.after) where.push(or(lt(programmeCalls.opensOn, o.after.k), and(eq(programmeCalls.opensOn, o.after.k), sql`${programmeCalls.id} < ${o.after.id}::uuid`)));
  return db.select(callSelect).from(programmeCalls)
    .innerJoin(programmes, eq(programmes.id, programmeCalls.programmeId))
    .where(and(...where)).orderBy(desc(programmeCalls.opensOn), desc(programmeCalls.id)).limit(o.limit + 1);
}

export const callWrites = versionedWrites(programmeCalls);

export async function submittedCount(db: Q, callId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(programmeApplications)
    .where(and(eq(programmeApplications.callId, callId), sql`${programmeApplications.submittedAt} IS NOT NULL`));
  return Number(r.n);
}

// ---- applications ----

const openRequest = sql<boolean>`EXISTS (SELECT 1 FROM programme_application_requests r WHERE r.application_id = ${programmeApplications.id} AND r.answered_at IS NULL)`;
const applicationSelect = {
  id: programmeApplications.id, tenantId: programmeApplications.tenantId, callId: programmeApplications.callId,
  callCode: programmeCalls.code, callTitle: programmeCalls.title, programmeId: programmeCalls.programmeId, programmeName: programmes.name,
  organizationId: programmeApplications.organizationId, organizationName: organizations.name, organizationTaxCode: organizations.taxCode,
  code: programmeApplications.code, title: programmeApplications.title, answers: programmeApplications.answers,
  requestedAmount: programmeApplications.requestedAmount, stage: programmeApplications.stage,
  submittedAt: programmeApplications.submittedAt, decidedAt: programmeApplications.decidedAt, createdBy: programmeApplications.createdBy,
  version: programmeApplications.version, createdAt: programmeApplications.createdAt, updatedAt: programmeApplications.updatedAt,
  awaitingAdditions: openRequest,
};
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

const applicationFrom = (db: Q) => db.select(applicationSelect).from(programmeApplications)
  .innerJoin(programmeCalls, eq(programmeCalls.id, programmeApplications.callId))
  .innerJoin(programmes, eq(programmes.id, programmeCalls.programmeId))
  .innerJoin(organizations, eq(organizations.id, programmeApplications.organizationId));

export async function findApplication(db: Q, tenantId: string, id: string) {
  const [row] = await applicationFrom(db).where(and(eq(programmeApplications.tenantId, tenantId), eq(programmeApplications.id, id)));
  return row ?? null;
}

export async function listApplications(db: Q, tenantId: string, o: {
  q?: string; callId?: string; stage?: string; organizationId?: string; after?: { k: string; id: string } | null; limit: number;
}) {
  const where: (SQL | undefined)[] = [eq(programmeApplications.tenantId, tenantId), matchesAllWords(programmeApplications.searchText, o.q)];
  if (o.callId) where.push(eq(programmeApplications.callId, o.callId));
  if (o.stage) where.push(eq(programmeApplications.stage, o.stage));
  if (o.organizationId) where.push(eq(programmeApplications.organizationId, o.organizationId));
  if (o.after) {
    where.push(sql`(${programmeApplications.createdAt}, ${programmeApplications.id}) < (${o.after.k}::timestamptz, ${o.after.id}::uuid)`);
  }
  return applicationFrom(db).where(and(...where)).orderBy(desc(programmeApplications.createdAt), desc(programmeApplications.id)).limit(o.limit + 1);
}

export async function applicationsOfCall(db: Q, tenantId: string, callId: string) {
  return applicationFrom(db).where(and(eq(programmeApplications.tenantId, tenantId), eq(programmeApplications.callId, callId)))
    .orderBy(programmeApplications.code, programmeApplications.createdAt);
}

export async function lockApplication(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx.select({ id: programmeApplications.id }).from(programmeApplications)
    .where(and(eq(programmeApplications.tenantId, tenantId), eq(programmeApplications.id, id))).for('update');
  return rows.length === 1;
}

export const applicationWrites = versionedWrites(programmeApplications);

/** The next application number of a call: <call code>-NNN, counted under the call's row lock. */
export async function nextApplicationNumber(tx: Tx, tenantId: string, callId: string): Promise<number> {
  await tx.select({ id: programmeCalls.id }).from(programmeCalls).where(and(eq(programmeCalls.tenantId, tenantId), eq(programmeCalls.id, callId))).for('update');
  const [r] = await tx.select({ n: count() }).from(programmeApplications)
    .where(and(eq(programmeApplications.callId, callId), sql`${programmeApplications.code} IS NOT NULL`));
  return Number(r.n) + 1;
}

// ---- requests for additions ----

export async function requestsOf(db: Q, tenantId: string, applicationId: string) {
  return db.select().from(programmeApplicationRequests)
    .where(and(eq(programmeApplicationRequests.tenantId, tenantId), eq(programmeApplicationRequests.applicationId, applicationId)))
    .orderBy(programmeApplicationRequests.requestedAt);
}

export async function openRequestOf(db: Q, tenantId: string, applicationId: string) {
  const [row] = await db.select().from(programmeApplicationRequests)
    .where(and(eq(programmeApplicationRequests.tenantId, tenantId), eq(programmeApplicationRequests.applicationId, applicationId), isNull(programmeApplicationRequests.answeredAt)));
  return row ?? null;
}

export async function insertRequest(tx: Tx, values: typeof programmeApplicationRequests.$inferInsert): Promise<string> {
  const [r] = await tx.insert(programmeApplicationRequests).values(values).returning({ id: programmeApplicationRequests.id });
  return r.id;
}

export async function answerRequest(tx: Tx, o: { tenantId: string; id: string; note: string; answeredBy: string | null; at: Date }): Promise<boolean> {
  const rows = await tx.update(programmeApplicationRequests).set({ answerNote: o.note, answeredBy: o.answeredBy, answeredAt: o.at })
    .where(and(eq(programmeApplicationRequests.tenantId, o.tenantId), eq(programmeApplicationRequests.id, o.id), isNull(programmeApplicationRequests.answeredAt)))
    .returning({ id: programmeApplicationRequests.id });
  return rows.length === 1;
}
