/** The shared search and name-order conditions for any table with `search_text` and `sort_key` columns. */
import { and, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { foldWords, likeContains } from '../../lib/vi/fold.ts';
import type { NameCursor } from './paging.ts';

/** Every folded word of the query must appear in the folded text (trigram GIN index). */
export function matchesAllWords(searchText: PgColumn, query: string | undefined): SQL | undefined {
  const words = query ? foldWords(query) : [];
  if (words.length === 0) return undefined;
  return and(...words.map((w) => sql`${searchText} LIKE ${likeContains(w)}`));
}

/** Rows after the cursor in (sort_key COLLATE "C", id) order. */
export function afterCursor(sortKey: PgColumn, id: PgColumn, cursor: NameCursor | null): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${sortKey} COLLATE "C" > ${cursor.k} OR (${sortKey} = ${cursor.k} AND ${id} > ${cursor.id}::uuid))`;
}

export const byName = (sortKey: PgColumn, id: PgColumn) => [sql`${sortKey} COLLATE "C"`, id];

/**
 * Name order for a list that may be searched. With two or more query words the order is written as an expression
 * (`sort_key || ''`) that the name index cannot serve, so the planner takes the trigram index, finds the few
 * matches, and sorts them. Without that, PostgreSQL walks the name index and filters row by row — fast when matches
 * are spread through the alphabet, but ~200 ms on 100,000 rows when they all sort late (measured in bench/).
 * One word is left on the name index: a single short word matches too many rows for the trigram path to win.
 * The values, and so the keyset cursor, are the same either way.
 */
export function orderByName(sortKey: PgColumn, id: PgColumn, query: string | undefined) {
  return (query ? foldWords(query).length : 0) >= 2 ? [sql`(${sortKey} || '') COLLATE "C"`, id] : byName(sortKey, id);
}
