import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { councilAssignments, councilDossiers, councilMembers, councils, councilSheets } from './councils.tables.ts';
import { organizations } from '../organizations/organizations.tables.ts';
import { people } from '../people/people.tables.ts';
import { afterCursor, byName, matchesAllWords } from '../../db/search.ts';
import type { NameCursor } from '../../db/paging.ts';
import type { CouncilListQuery } from '../../../shared/schemas/councils.ts';

type Q = Db | Tx;
export type CouncilValues = Omit<typeof councils.$inferInsert, 'id' | 'tenantId' | 'version' | 'createdAt' | 'updatedAt'>;

// Correlated subqueries name the outer table explicitly: inside a select list Drizzle writes a bare "id".
const memberCount = sql<number>`(SELECT count(*)::int FROM council_members m WHERE m.council_id = "councils"."id")`;
const dossierCount = sql<number>`(SELECT count(*)::int FROM council_dossiers d WHERE d.council_id = "councils"."id")`;

const councilColumns = {
  id: councils.id,
  subjectType: councils.subjectType,
  subjectId: councils.subjectId,
  kind: councils.kind,
  evaluation: councils.evaluation,
  name: councils.name,
  decisionNo: councils.decisionNo,
  decisionDate: councils.decisionDate,
  meetingDate: councils.meetingDate,
  location: councils.location,
  minutesNo: councils.minutesNo,
  note: councils.note,
  status: councils.status,
  rules: councils.rules,
  openedAt: councils.openedAt,
  closedAt: councils.closedAt,
  version: councils.version,
  createdAt: councils.createdAt,
  updatedAt: councils.updatedAt,
  sortKey: councils.sortKey,
  memberCount,
  dossierCount,
};

export type CouncilRow = Awaited<ReturnType<typeof findCouncil>> & {};

export async function findCouncil(db: Q, tenantId: string, id: string) {
  const [row] = await db.select(councilColumns).from(councils).where(and(eq(councils.tenantId, tenantId), eq(councils.id, id)));
  return row ? { ...row, memberCount: Number(row.memberCount), dossierCount: Number(row.dossierCount) } : null;
}

/**
 * Locks the council row for the rest of the transaction: `update` for changes of the council itself (open, close,
 * membership), `share` for writes that depend on its status (sheets, presence), so a sheet never lands in a council
 * that another transaction is closing.
 */
export async function lockCouncil(tx: Tx, tenantId: string, id: string, mode: 'update' | 'share') {
  const [row] = await tx.select({ id: councils.id, status: councils.status, version: councils.version })
    .from(councils)
    .where(and(eq(councils.tenantId, tenantId), eq(councils.id, id)))
    .for(mode);
  return row ?? null;
}

/** Councils of the province; `memberUserId` keeps only those where that account is a member (a reviewer's view). */
export async function listCouncils(db: Q, tenantId: string, q: CouncilListQuery, cursor: NameCursor | null, memberUserId: string | null) {
  const aboutSubject = q.subjectType && q.subjectId
    ? or(
      and(eq(councils.subjectType, q.subjectType), eq(councils.subjectId, q.subjectId)),
      sql`EXISTS (SELECT 1 FROM council_dossiers d WHERE d.council_id = "councils"."id"
        AND d.subject_type = ${q.subjectType} AND d.subject_id = ${q.subjectId}::uuid)`,
    )
    : q.subjectType ? eq(councils.subjectType, q.subjectType) : undefined;
  const rows = await db.select(councilColumns).from(councils).where(and(
    eq(councils.tenantId, tenantId),
    matchesAllWords(councils.searchText, q.q),
    aboutSubject,
    q.kind ? eq(councils.kind, q.kind) : undefined,
    q.status ? eq(councils.status, q.status) : undefined,
    memberUserId ? sql`EXISTS (SELECT 1 FROM council_members m WHERE m.council_id = "councils"."id" AND m.user_id = ${memberUserId}::uuid)` : undefined,
    afterCursor(councils.sortKey, councils.id, cursor),
  )).orderBy(...byName(councils.sortKey, councils.id)).limit(q.limit + 1);
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount), dossierCount: Number(r.dossierCount) }));
}

export async function insertCouncil(tx: Tx, tenantId: string, values: CouncilValues) {
  const [row] = await tx.insert(councils).values({ ...values, tenantId }).returning({ id: councils.id });
  return row.id;
}

/** Updates when the version matches (and bumps it); false when stale or missing. */
export async function updateCouncil(tx: Tx, tenantId: string, id: string, version: number, values: Partial<CouncilValues>) {
  const rows = await tx.update(councils)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(councils.tenantId, tenantId), eq(councils.id, id), eq(councils.version, version)))
    .returning({ id: councils.id });
  return rows.length === 1;
}

export async function deleteCouncil(tx: Tx, tenantId: string, id: string, version: number) {
  const rows = await tx.delete(councils)
    .where(and(eq(councils.tenantId, tenantId), eq(councils.id, id), eq(councils.version, version)))
    .returning({ id: councils.id });
  return rows.length === 1;
}

/* ---------- members ---------- */

const memberColumns = {
  id: councilMembers.id,
  personId: councilMembers.personId,
  fullName: people.fullName,
  academicTitle: people.academicTitle,
  degree: people.degree,
  organizationId: people.organizationId,
  organizationName: organizations.name,
  role: councilMembers.role,
  userId: councilMembers.userId,
  conflictStatus: councilMembers.conflictStatus,
  conflictDeclared: councilMembers.conflictDeclared,
  conflictNote: councilMembers.conflictNote,
  declaredAt: councilMembers.declaredAt,
  present: councilMembers.present,
};
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

const ROLE_ORDER = sql`CASE ${councilMembers.role} WHEN 'chair' THEN 1 WHEN 'vice_chair' THEN 2 WHEN 'secretary' THEN 3
  WHEN 'reviewer' THEN 4 ELSE 5 END`;

function membersQuery(db: Q) {
  return db.select(memberColumns).from(councilMembers)
    .innerJoin(people, and(eq(people.id, councilMembers.personId), eq(people.tenantId, councilMembers.tenantId)))
    .leftJoin(organizations, and(eq(organizations.id, people.organizationId), eq(organizations.tenantId, people.tenantId)));
}

/** Members in the order of a decision: chair, vice-chair, secretary, reviewers, members; by name within a role. */
export async function listMembers(db: Q, councilId: string) {
  return membersQuery(db).where(eq(councilMembers.councilId, councilId))
    .orderBy(ROLE_ORDER, sql`${people.sortKey} COLLATE "C"`, councilMembers.id);
}

export async function findMember(db: Q, councilId: string, memberId: string) {
  const [row] = await membersQuery(db).where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.id, memberId)));
  return row ?? null;
}

/**
 * Locks one member's row (conflict, presence, their sheets hang on it) for the transaction; false when absent. Actions
 * of one member wait for each other; actions of different members do not.
 */
export async function lockMember(tx: Tx, councilId: string, memberId: string) {
  const rows = await tx.select({ id: councilMembers.id }).from(councilMembers)
    .where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.id, memberId))).for('update');
  return rows.length === 1;
}

/** The member seated with this account; none for an actor without one (the system). */
export async function findMemberByUser(db: Q, councilId: string, userId: string | null) {
  if (!userId) return null;
  const [row] = await membersQuery(db).where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.userId, userId)));
  return row ?? null;
}

export async function insertMember(tx: Tx, values: typeof councilMembers.$inferInsert) {
  const [row] = await tx.insert(councilMembers).values(values).returning({ id: councilMembers.id });
  return row.id;
}

export async function deleteMember(tx: Tx, councilId: string, memberId: string) {
  await tx.delete(councilMembers).where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.id, memberId)));
}

/** The member's answer: a declared conflict (with its note) or declared no conflict, dated now. */
export async function setConflict(tx: Tx, memberId: string, declared: boolean, note: string | null) {
  await tx.update(councilMembers)
    .set({ conflictStatus: declared ? 'declared' : 'none', conflictDeclared: declared, conflictNote: declared ? note : null, declaredAt: new Date() })
    .where(eq(councilMembers.id, memberId));
}

export async function setPresence(tx: Tx, memberId: string, present: boolean) {
  await tx.update(councilMembers).set({ present }).where(eq(councilMembers.id, memberId));
}

/* ---------- dossiers and assignments ---------- */

const dossierColumns = {
  id: councilDossiers.id,
  subjectType: councilDossiers.subjectType,
  subjectId: councilDossiers.subjectId,
  title: councilDossiers.title,
  position: councilDossiers.position,
};
export type DossierRow = Awaited<ReturnType<typeof listDossiers>>[number];

export async function listDossiers(db: Q, councilId: string) {
  return db.select(dossierColumns).from(councilDossiers)
    .where(eq(councilDossiers.councilId, councilId))
    .orderBy(asc(councilDossiers.position), asc(councilDossiers.id));
}

export async function findDossier(db: Q, councilId: string, dossierId: string) {
  const [row] = await db.select(dossierColumns).from(councilDossiers)
    .where(and(eq(councilDossiers.councilId, councilId), eq(councilDossiers.id, dossierId)));
  return row ?? null;
}

export async function insertDossier(tx: Tx, values: Omit<typeof councilDossiers.$inferInsert, 'position'>) {
  const [row] = await tx.insert(councilDossiers).values({
    ...values,
    position: sql`(SELECT coalesce(max(position), 0) + 1 FROM council_dossiers WHERE council_id = ${values.councilId}::uuid)`,
  }).returning({ id: councilDossiers.id });
  return row.id;
}

export async function deleteDossier(tx: Tx, councilId: string, dossierId: string) {
  await tx.delete(councilDossiers).where(and(eq(councilDossiers.councilId, councilId), eq(councilDossiers.id, dossierId)));
}

/** Every (dossier, member) assignment of a council. */
export async function listAssignments(db: Q, councilId: string) {
  return db.select({ dossierId: councilAssignments.dossierId, memberId: councilAssignments.memberId })
    .from(councilAssignments)
    .innerJoin(councilDossiers, eq(councilDossiers.id, councilAssignments.dossierId))
    .where(eq(councilDossiers.councilId, councilId));
}

export async function isAssigned(db: Q, dossierId: string, memberId: string) {
  const [row] = await db.select({ d: councilAssignments.dossierId }).from(councilAssignments)
    .where(and(eq(councilAssignments.dossierId, dossierId), eq(councilAssignments.memberId, memberId)));
  return !!row;
}

export async function addAssignments(tx: Tx, pairs: { dossierId: string; memberId: string }[]) {
  if (pairs.length === 0) return;
  await tx.insert(councilAssignments).values(pairs).onConflictDoNothing();
}

/** Replaces a dossier's assignments; sheets of members no longer assigned go with their assignment. */
export async function replaceAssignments(tx: Tx, dossierId: string, memberIds: string[]) {
  await tx.delete(councilAssignments).where(eq(councilAssignments.dossierId, dossierId));
  await addAssignments(tx, memberIds.map((memberId) => ({ dossierId, memberId })));
}

export async function memberIdsOf(db: Q, councilId: string) {
  return (await db.select({ id: councilMembers.id }).from(councilMembers).where(eq(councilMembers.councilId, councilId))).map((r) => r.id);
}

export async function dossierIdsOf(db: Q, councilId: string) {
  return (await db.select({ id: councilDossiers.id }).from(councilDossiers).where(eq(councilDossiers.councilId, councilId))).map((r) => r.id);
}

/* ---------- sheets ---------- */

const sheetColumns = {
  id: councilSheets.id,
  dossierId: councilSheets.dossierId,
  memberId: councilSheets.memberId,
  scores: councilSheets.scores,
  total: councilSheets.total,
  rating: councilSheets.rating,
  comment: councilSheets.comment,
  enteredBy: councilSheets.enteredBy,
  submittedAt: councilSheets.submittedAt,
};
export type SheetRow = Awaited<ReturnType<typeof listSheets>>[number];

export async function listSheets(db: Q, councilId: string, memberId?: string) {
  return db.select(sheetColumns).from(councilSheets)
    .where(and(eq(councilSheets.councilId, councilId), memberId ? eq(councilSheets.memberId, memberId) : undefined))
    .orderBy(asc(councilSheets.submittedAt), asc(councilSheets.id));
}

export async function findSheet(db: Q, dossierId: string, memberId: string) {
  const [row] = await db.select(sheetColumns).from(councilSheets)
    .where(and(eq(councilSheets.dossierId, dossierId), eq(councilSheets.memberId, memberId)));
  return row ?? null;
}

/** A member's sheet for a dossier, replacing an earlier one (a member may correct their sheet while the council is open). */
export async function upsertSheet(tx: Tx, values: typeof councilSheets.$inferInsert) {
  const [row] = await tx.insert(councilSheets).values(values)
    .onConflictDoUpdate({
      target: [councilSheets.dossierId, councilSheets.memberId],
      set: {
        scores: values.scores ?? null, total: values.total ?? null, rating: values.rating ?? null, comment: values.comment ?? null,
        enteredBy: values.enteredBy ?? null, submittedAt: new Date(),
      },
    })
    .returning({ id: councilSheets.id });
  return row.id;
}

export async function sheetCounts(db: Q, dossierIds: string[]) {
  if (dossierIds.length === 0) return new Map<string, number>();
  const rows = await db.select({ dossierId: councilSheets.dossierId, n: sql<number>`count(*)::int` })
    .from(councilSheets).where(inArray(councilSheets.dossierId, dossierIds)).groupBy(councilSheets.dossierId);
  return new Map(rows.map((r) => [r.dossierId, Number(r.n)]));
}

/* ---------- the organisations and people of subjects (conflict-of-interest warnings) ---------- */

/** Names of organisations of the province, and people of the province with the organisation they work at. */
export async function partiesOf(db: Q, tenantId: string, o: { organizationIds: string[]; personIds: string[] }) {
  // In sequence: this may run inside a transaction.
  const orgs = o.organizationIds.length
    ? await db.select({ id: organizations.id, name: organizations.name }).from(organizations)
      .where(and(eq(organizations.tenantId, tenantId), inArray(organizations.id, o.organizationIds)))
    : [];
  const persons = o.personIds.length
    ? await db.select({ id: people.id, fullName: people.fullName, organizationId: people.organizationId, organizationName: organizations.name })
      .from(people)
      .leftJoin(organizations, and(eq(organizations.id, people.organizationId), eq(organizations.tenantId, people.tenantId)))
      .where(and(eq(people.tenantId, tenantId), inArray(people.id, o.personIds)))
    : [];
  return { organizations: new Map(orgs.map((r) => [r.id, r.name])), people: new Map(persons.map((r) => [r.id, r])) };
}
