/**
 * Every query of the inbox. Who sees an item is decided here, at read time: an item is the reader's when one of its
 * recipient rows matches them — each column a recipient row sets (account, role, agency, commune, organisation)
 * equal to the reader's own. A new officer of a unit therefore sees what was sent to the unit before they came.
 */
import { and, count, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { rowsOf } from '../../db/rows.ts';
import { inboxItems, inboxReads, inboxRecipients } from './inbox.tables.ts';

type Q = Db | Tx;

/** The reader, as the session knows them. */
export interface Reader {
  tenantId: string;
  userId: string;
  role: string;
  agencyId: string | null;
  adminUnitId: string | null;
  organizationId: string | null;
}

const matches = (column: AnyPgColumn, value: string | null) =>
  value === null ? sql`${column} IS NULL` : sql`(${column} IS NULL OR ${column} = ${value})`;

/** The item has a recipient row matching the reader. */
const addressedTo = (r: Reader) => sql`EXISTS (
  SELECT 1 FROM ${inboxRecipients} WHERE ${inboxRecipients.itemId} = ${inboxItems.id}
    AND ${matches(inboxRecipients.userId, r.userId)} AND ${matches(inboxRecipients.role, r.role)}
    AND ${matches(inboxRecipients.agencyId, r.agencyId)} AND ${matches(inboxRecipients.adminUnitId, r.adminUnitId)}
    AND ${matches(inboxRecipients.organizationId, r.organizationId)})`;

const readJoin = (r: Reader) => and(eq(inboxReads.itemId, inboxItems.id), eq(inboxReads.userId, r.userId));

const columns = {
  id: inboxItems.id, seq: inboxItems.seq, kind: inboxItems.kind, subjectType: inboxItems.subjectType, subjectId: inboxItems.subjectId,
  titleKey: inboxItems.titleKey, bodyKey: inboxItems.bodyKey, params: inboxItems.params, createdAt: inboxItems.createdAt,
  readAt: inboxReads.readAt,
};
export type ItemRow = Awaited<ReturnType<typeof list>>[number];

export async function list(db: Q, r: Reader, o: { unread?: boolean; beforeSeq?: number; limit: number }) {
  return db.select(columns).from(inboxItems).leftJoin(inboxReads, readJoin(r))
    .where(and(
      eq(inboxItems.tenantId, r.tenantId), addressedTo(r),
      o.unread ? isNull(inboxReads.itemId) : undefined,
      o.beforeSeq !== undefined ? lt(inboxItems.seq, o.beforeSeq) : undefined,
    ))
    .orderBy(desc(inboxItems.seq))
    .limit(o.limit + 1);
}

export async function findVisible(db: Q, r: Reader, id: string) {
  const [row] = await db.select(columns).from(inboxItems).leftJoin(inboxReads, readJoin(r))
    .where(and(eq(inboxItems.tenantId, r.tenantId), eq(inboxItems.id, id), addressedTo(r)));
  return row ?? null;
}

export async function unreadCount(db: Q, r: Reader): Promise<number> {
  const [row] = await db.select({ n: count() }).from(inboxItems).leftJoin(inboxReads, readJoin(r))
    .where(and(eq(inboxItems.tenantId, r.tenantId), addressedTo(r), isNull(inboxReads.itemId)));
  return Number(row?.n ?? 0);
}

export async function markRead(db: Q, itemId: string, userId: string, at: Date) {
  await db.insert(inboxReads).values({ itemId, userId, readAt: at }).onConflictDoNothing();
}

/** Marks every item the reader sees as read; returns how many were unread. */
export async function markAllRead(db: Q, r: Reader, at: Date): Promise<number> {
  const rows = await rowsOf<{ item_id: string }>(db, sql`
    INSERT INTO ${inboxReads} (item_id, user_id, read_at)
    SELECT ${inboxItems.id}, ${r.userId}::uuid, ${at.toISOString()}::timestamptz FROM ${inboxItems}
    WHERE ${inboxItems.tenantId} = ${r.tenantId} AND ${addressedTo(r)}
      AND NOT EXISTS (SELECT 1 FROM ${inboxReads} WHERE ${inboxReads.itemId} = ${inboxItems.id} AND ${inboxReads.userId} = ${r.userId})
    ON CONFLICT DO NOTHING
    RETURNING item_id`);
  return rows.length;
}

/**
 * The item, unless one with the same (tenant, kind, subject, period) exists: then null, and the caller sends
 * nothing. Concurrent senders wait on the unique index; exactly one of them gets the row.
 */
export async function insertItemOnce(tx: Q, values: typeof inboxItems.$inferInsert): Promise<string | null> {
  const [row] = await tx.insert(inboxItems).values(values)
    .onConflictDoNothing({
      target: [inboxItems.tenantId, inboxItems.kind, inboxItems.subjectType, inboxItems.subjectId, inboxItems.periodKey],
      where: sql`period_key IS NOT NULL`,
    })
    .returning({ id: inboxItems.id });
  return row?.id ?? null;
}

export async function insertRecipients(tx: Q, rows: (typeof inboxRecipients.$inferInsert)[]) {
  if (rows.length) await tx.insert(inboxRecipients).values(rows);
}

/** Items about a subject, oldest first (tests and diagnostics: what was sent about a task). */
export async function itemsAbout(db: Q, tenantId: string, subjectType: string, subjectId: string) {
  return db.select({ id: inboxItems.id, kind: inboxItems.kind, periodKey: inboxItems.periodKey, createdAt: inboxItems.createdAt })
    .from(inboxItems)
    .where(and(eq(inboxItems.tenantId, tenantId), eq(inboxItems.subjectType, subjectType), eq(inboxItems.subjectId, subjectId)))
    .orderBy(inboxItems.seq);
}

/** Reminders sent (items with a period key), by kind, across every province (the metrics). */
export async function reminderCounts(db: Q) {
  return db.select({ kind: inboxItems.kind, count: count() }).from(inboxItems)
    .where(sql`${inboxItems.periodKey} IS NOT NULL`).groupBy(inboxItems.kind);
}
