import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { auditLog } from './audit.tables.ts';
import type { AuditQuery } from '../../../shared/schemas/audit.ts';

export async function insertAudit(db: Db | Tx, row: typeof auditLog.$inferInsert) {
  await db.insert(auditLog).values(row);
}

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
      q.cursor ? lt(auditLog.id, Number(q.cursor)) : undefined,
    ))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
}
