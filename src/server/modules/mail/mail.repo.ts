import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { rowsOf } from '../../db/rows.ts';
import { mailOutbox } from './mail.tables.ts';

type Q = Db | Tx;
export type OutboxRow = typeof mailOutbox.$inferSelect;

/** New copies; one per (item, address): a second enqueue of the same copy does nothing. Returns how many were new. */
export async function enqueue(db: Q, rows: (typeof mailOutbox.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db.insert(mailOutbox).values(rows)
    .onConflictDoNothing({ target: [mailOutbox.itemId, mailOutbox.toAddress] })
    .returning({ id: mailOutbox.id });
  return inserted.length;
}

/**
 * Claims the next message due (pending and due, or a lease that ran out: its sender died) for `leaseSeconds`. Two
 * workers never claim the same row: the row is locked, and others skip it.
 */
export async function claimNext(db: Q, now: Date, leaseSeconds: number): Promise<OutboxRow | null> {
  const [row] = await rowsOf<{ id: string }>(db, sql`
    UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1,
      lease_until = ${now.toISOString()}::timestamptz + make_interval(secs => ${leaseSeconds})
    WHERE id = (
      SELECT id FROM mail_outbox
      WHERE (status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz)
         OR (status = 'sending' AND lease_until < ${now.toISOString()}::timestamptz)
      ORDER BY next_attempt_at, created_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  if (!row) return null;
  const [claimed] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id));
  return claimed ?? null;
}

export async function markSent(db: Q, id: string, at: Date) {
  await db.update(mailOutbox).set({ status: 'sent', sentAt: at, leaseUntil: null, lastError: null })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')));
}

export async function markFailed(db: Q, id: string, o: { error: string; retryAt: Date | null }) {
  await db.update(mailOutbox)
    .set({ status: o.retryAt ? 'pending' : 'failed', nextAttemptAt: o.retryAt ?? undefined, leaseUntil: null, lastError: o.error.slice(0, 2000) })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')));
}

/** Copies of some items (tests, diagnostics). */
export async function ofItems(db: Q, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db.select().from(mailOutbox).where(inArray(mailOutbox.itemId, itemIds));
}
