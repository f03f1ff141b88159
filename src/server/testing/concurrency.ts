/**
 * Deterministic interleavings on PostgreSQL. A test opens a second connection (outside the app's pool), holds a
 * transaction on it at a known point — a row lock taken, or a conflicting write not yet committed — starts an API
 * call, waits until that call is either blocked by the held transaction or already answered, and only then
 * commits. No sleeps: the order is forced by PostgreSQL's locks, so the outcome is the same on every run.
 * PGlite has one connection, so there no request can run inside another's transaction: these tests skip there.
 */
import pg from 'pg';
import { inject } from 'vitest';
import type { DbHandle } from '../db/client.ts';

export const engine = () => inject('dbTemplate').kind;

/** The connection string of the test file's own database (PostgreSQL). */
export async function databaseUrlOf(h: DbHandle): Promise<string> {
  const t = inject('dbTemplate');
  if (t.kind !== 'postgres') throw new Error('PostgreSQL only');
  const [row] = await h.query<{ db: string }>('SELECT current_database() AS db');
  const u = new URL(t.url);
  u.pathname = `/${row.db}`;
  return u.toString();
}

/** A connection of its own to the test database, for the transaction a test holds open. */
export async function secondConnection(h: DbHandle): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: await databaseUrlOf(h) });
  await client.connect();
  return client;
}

/** How many other sessions of this database wait for a lock (on the holder, or queued behind another waiter). */
async function blockedSessions(holder: pg.Client): Promise<number> {
  const r = await holder.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND cardinality(pg_blocking_pids(pid)) > 0`);
  return r.rows[0].n;
}

/**
 * Waits until `count` sessions are blocked behind the held transaction, or until one of `calls` has been answered
 * (the call did not wait for the transaction: its outcome is then checked by the test). Polls PostgreSQL's own
 * view of who blocks whom; the test never depends on how long anything takes.
 */
export async function untilBlockedOrAnswered(holder: pg.Client, count: number, calls: Promise<unknown>[] = []): Promise<'blocked' | 'answered'> {
  let answered = false;
  for (const c of calls) void c.then(() => { answered = true; }, () => { answered = true; });
  for (;;) {
    if (answered) return 'answered';
    if ((await blockedSessions(holder)) >= count) return 'blocked';
    await new Promise((r) => setTimeout(r, 20));
  }
}
