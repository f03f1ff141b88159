/**
 * The writes every versioned, tenant-scoped table shares: insert, update when the version matches (bumping it), and
 * delete when the version matches. Each returns whether it touched a row; the record helper
 * (src/server/records/versioned-record.ts) turns `false` into an error, never ignores it. `lock` takes the row's
 * lock (SELECT … FOR UPDATE) before a read-then-write, so what the checks read is what the write replaces.
 */
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';
import type { Tx } from '../context.ts';

export type VersionedTable = PgTable & { id: PgColumn; tenantId: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** The columns a caller writes: everything but the key, tenant, version and timestamps. */
export type WritableValues<T extends VersionedTable> = Omit<T['$inferInsert'], 'id' | 'tenantId' | 'version' | 'createdAt' | 'updatedAt'>;

export interface VersionedWrites<V> {
  insert(tx: Db | Tx, tenantId: string, values: V): Promise<string>;
  update(tx: Db | Tx, tenantId: string, id: string, version: number, values: Partial<V>): Promise<boolean>;
  remove(tx: Db | Tx, tenantId: string, id: string, version: number): Promise<boolean>;
  /** Locks the row for the rest of the transaction (a concurrent writer waits); its version, or null when absent. */
  lock(tx: Tx, tenantId: string, id: string): Promise<{ version: number } | null>;
}

export function versionedWrites<T extends VersionedTable>(table: T): VersionedWrites<WritableValues<T>> {
  // Drizzle cannot check a generic table's value shape; WritableValues<T> has, at the call site.
  const t = table as VersionedTable & PgTable;
  const key = (tenantId: string, id: string) => and(eq(t.tenantId, tenantId), eq(t.id, id));
  return {
    async insert(tx, tenantId, values) {
      const rows = await tx.insert(t).values({ ...values, tenantId } as never).returning({ id: t.id });
      return String(rows[0].id);
    },
    async update(tx, tenantId, id, version, values) {
      const rows = await tx.update(t)
        .set({ ...values, version: version + 1, updatedAt: new Date() } as never)
        .where(and(key(tenantId, id), eq(t.version, version)))
        .returning({ id: t.id });
      return rows.length === 1;
    },
    async remove(tx, tenantId, id, version) {
      const rows = await tx.delete(t).where(and(key(tenantId, id), eq(t.version, version))).returning({ id: t.id });
      return rows.length === 1;
    },
    async lock(tx, tenantId, id) {
      const rows = await tx.select({ version: t.version }).from(t).where(key(tenantId, id)).for('update');
      return rows.length === 1 ? { version: Number(rows[0].version) } : null;
    },
  };
}
