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
