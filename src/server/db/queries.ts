/**
 * Runs independent queries: in parallel on the pool (each on its own connection), one after another inside a
 * transaction, which holds a single connection (pg queues concurrent queries on one client with a deprecation
 * warning, and pg 9 will refuse them).
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';
import type { Tx } from '../context.ts';

type Thunks = readonly (() => Promise<unknown>)[];
type Results<T extends Thunks> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

export async function runQueries<T extends Thunks>(db: Db | Tx, thunks: T): Promise<Results<T>> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(thunks.map((f) => f()))) as Results<T>;
  const out: unknown[] = [];
  for (const f of thunks) out.push(await f());
  return out as Results<T>;
}
