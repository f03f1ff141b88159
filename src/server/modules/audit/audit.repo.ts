import { and, asc, desc, eq, gte, inArray, isNull, like, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { runQueries } from '../../db/queries.ts';
import type { Tx } from '../../context.ts';
import { addDays } from '../../../lib/vi/dates.ts';
import { personDisplayName } from '../../../lib/vi/person-name.ts';
import { auditLog } from './audit.tables.ts';
import { adminUnits } from '../admin-units/admin-units.tables.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { councilDossiers, councilMembers, councils } from '../councils/councils.tables.ts';
import { organizations } from '../organizations/organizations.tables.ts';
import { people } from '../people/people.tables.ts';
import { ruleVersions } from '../rules/rules.tables.ts';
import { scienceFields } from '../science-fields/science-fields.tables.ts';
import { tasks } from '../tasks/tasks.tables.ts';
import { users } from '../users/users.tables.ts';
import type { AuditQuery } from '../../../shared/schemas/audit.ts';

export async function insertAudit(db: Db | Tx, row: typeof auditLog.$inferInsert) {
  await db.insert(auditLog).values(row);
}

/** Midnight in Vietnam (UTC+7) starting an ISO date, as an instant. */
const vietnamMidnight = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

export async function listAudit(db: Db, tenantId: string, q: AuditQuery) {
  return db
    .select({
      id: auditLog.id, at: auditLog.at, actorId: auditLog.actorId, actorName: auditLog.actorName, action: auditLog.action,
      entity: auditLog.entity, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after,
      requestId: auditLog.requestId,
    })
    .from(auditLog)
    .where(and(
      eq(auditLog.tenantId, tenantId),
      q.entity ? eq(auditLog.entity, q.entity) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
      // An action filter on `progress` takes its kinds too (progress_check, progress_extension…).
      q.action ? or(eq(auditLog.action, q.action), like(auditLog.action, `${q.action.replace(/[\\%_]/g, '\\$&')}\\_%`)) : undefined,
      q.from ? gte(auditLog.at, vietnamMidnight(q.from)) : undefined,
      q.to ? lt(auditLog.at, vietnamMidnight(addDays(q.to, 1))) : undefined,
      q.cursor ? lt(auditLog.id, Number(q.cursor)) : undefined,
    ))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
}

/**
 * The names of the records a page of entries mentions, in one round of queries (joined for display only): accounts,
 * organisations, people, tasks, councils, council members (their person) and dossiers, agencies, communes.
 */
export async function namesOf(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const [u, o, p, t, c, m, d, a, au] = await runQueries(db, [
    () => db.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.id, ids))),
    () => db.select({ id: organizations.id, name: organizations.name }).from(organizations)
      .where(and(eq(organizations.tenantId, tenantId), inArray(organizations.id, ids))),
    () => db.select({ id: people.id, fullName: people.fullName, academicTitle: people.academicTitle, degree: people.degree }).from(people)
      .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids))),
    () => db.select({ id: tasks.id, name: tasks.title }).from(tasks).where(and(eq(tasks.tenantId, tenantId), inArray(tasks.id, ids))),
    () => db.select({ id: councils.id, name: councils.name }).from(councils).where(and(eq(councils.tenantId, tenantId), inArray(councils.id, ids))),
    () => db.select({ id: councilMembers.id, fullName: people.fullName, academicTitle: people.academicTitle, degree: people.degree })
      .from(councilMembers).innerJoin(people, eq(people.id, councilMembers.personId))
      .where(and(eq(councilMembers.tenantId, tenantId), inArray(councilMembers.id, ids))),
    () => db.select({ id: councilDossiers.id, name: councilDossiers.title }).from(councilDossiers)
      .where(and(eq(councilDossiers.tenantId, tenantId), inArray(councilDossiers.id, ids))),
    () => db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(and(eq(agencies.tenantId, tenantId), inArray(agencies.id, ids))),
    () => db.select({ id: adminUnits.id, name: adminUnits.name }).from(adminUnits).where(inArray(adminUnits.id, ids)),
  ] as const);
  for (const r of [...u, ...o, ...t, ...c, ...d, ...a, ...au]) names.set(r.id, r.name);
  for (const r of [...p, ...m]) names.set(r.id, personDisplayName(r));
  return names;
}

export async function scienceFieldNames(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select({ code: scienceFields.code, vi: scienceFields.nameVi, en: scienceFields.nameEn }).from(scienceFields)
    .where(inArray(scienceFields.code, codes));
}

/** Every workflow definition the province may hold records under (national and its own), oldest first. */
export async function workflowDefinitions(db: Db, tenantId: string) {
  return db.select({ value: ruleVersions.value }).from(ruleVersions)
    .where(and(like(ruleVersions.key, 'workflow.%'), or(isNull(ruleVersions.tenantId), eq(ruleVersions.tenantId, tenantId))))
    .orderBy(sql`${ruleVersions.tenantId} IS NOT NULL`, asc(ruleVersions.effectiveFrom));
}
