/** The append-only audit log: every write calls recordAudit inside its own transaction. */
import type { Db } from '../../db/client.ts';
import type { Ctx, Tx } from '../../context.ts';
import * as repo from './audit.repo.ts';
import type { AuditQuery } from '../../../shared/schemas/audit.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Tx | Db, ctx: Pick<Ctx, 'actor' | 'requestId'>, entry: AuditEntry) {
  await repo.insertAudit(tx, {
    tenantId: ctx.actor.tenantId,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId ?? null,
  });
}

export async function listAudit(ctx: Ctx, query: AuditQuery) {
  const rows = await repo.listAudit(ctx.db, ctx.actor.tenantId, query);
  const hasMore = rows.length > query.limit;
  const items = rows.slice(0, query.limit).map((r) => ({ ...r, at: r.at.toISOString() }));
  return { items, nextCursor: hasMore ? String(items[items.length - 1].id) : null };
}
