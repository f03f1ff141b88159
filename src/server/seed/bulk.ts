/**
 * Bulk loading for the demo seed: many rows of one table in a few multi-row INSERTs, inside the caller's
 * transaction. For generated or imported history (hundreds of rows) where one service call per row would cost
 * seconds; records a person would enter still go through their module's service.
 *
 * The caller computes what a service would derive (the folded `search_text`, the `sort_key`) with the same
 * functions the service uses, and audits the rows with `auditRows` (one entry per record, as the service would).
 *
 *   await insertRows(tx, tasks, rows);                               // typed by the table: $inferInsert
 *   await auditRows(tx, actor, rows.map((r) => ({ action: 'create', entity: 'task', entityId: r.id, after: r })));
 */
import type { PgTable, TableConfig } from 'drizzle-orm/pg-core';
import type { Actor, Tx } from '../context.ts';
import { auditLog } from '../modules/audit/audit.tables.ts';

/** PostgreSQL takes at most 65,535 parameters in one statement; stay well under it. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts the rows in as few statements as the parameter limit allows (`chunk`: at most that many rows per
 * statement). Give rows their ids (`crypto.randomUUID()`) when other rows refer to them.
 */
export async function insertRows<T extends PgTable<TableConfig>>(tx: Tx, table: T, rows: T['$inferInsert'][], o: { chunk?: number } = {}): Promise<void> {
  if (rows.length === 0) return;
  const columns = Math.max(1, ...rows.map((r) => Object.keys(r).length));
  const size = Math.max(1, Math.min(o.chunk ?? Number.MAX_SAFE_INTEGER, Math.floor(MAX_PARAMETERS / columns)));
  for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size));
}

export interface BulkAuditEntry {
  action: string;
  entity: string;
  entityId: string;
  after?: unknown;
}

/** One audit entry per record, by the actor (the system for generated data), in bulk. */
export async function auditRows(tx: Tx, actor: Actor, entries: BulkAuditEntry[]): Promise<void> {
  await insertRows(tx, auditLog, entries.map((e) => ({
    tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName,
    action: e.action, entity: e.entity, entityId: e.entityId, after: e.after ?? null,
  })));
}
