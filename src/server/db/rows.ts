/**
 * The rows of a raw SQL query. Drizzle's `execute` answers with the driver's result object, whose shape differs
 * between node-postgres and PGlite only in fields we do not read; both carry `rows`.
 */
import type { SQL } from 'drizzle-orm';
import type { Db } from './client.ts';
import type { Tx } from '../context.ts';

export async function rowsOf<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
