/**
 * The one search of every list: whole Vietnamese syllables on the folded `search_text`, through a GIN index on
 * `to_tsvector('simple', search_text)` (migration 0045). Every typed word must be a whole syllable of the row,
 * except the last, which may be a prefix (`co kh` finds `cơ khí`, not `công`); typed diacritics rank rows that
 * carry them exactly above rows that only match folded (`cà` before `cá`), then name order.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { queryWords } from '../../lib/vi/fold.ts';
import type { NameCursor } from './paging.ts';

/** The indexed expression; it must be written exactly like the index definition in 0045_search.sql. */
const vector = (searchText: PgColumn | SQL) => sql`to_tsvector('simple'::regconfig, ${searchText})`;

/** A `simple` tsquery text: `co & khi & lo:*`. Folded words are letters and digits only, so nothing to escape. */
export function tsQueryText(query: string | undefined): string | null {
  const { words, prefix } = queryWords(query ?? '');
  const folded = [...new Set(words.map((w) => w.folded))];
  if (folded.length === 0) return null;
  const last = words[words.length - 1].folded;
  return folded.map((w) => (prefix && w === last ? `${w}:*` : w)).join(' & ');
}

/** Every typed word is a whole syllable of the folded text; the last may be a prefix. */
export function matchesAllWords(searchText: PgColumn, query: string | undefined): SQL | undefined {
  const q = tsQueryText(query);
  return q ? sql`${vector(searchText)} @@ to_tsquery('simple'::regconfig, ${q})` : undefined;
}

/** Letters of Vietnamese (and ASCII alphanumerics): what may not touch a syllable for it to be whole. */
const LETTER = '[:alnum:]\u00c0-\u1ef9';
const caseless = (ch: string) => {
  const up = ch.toUpperCase();
  return up !== ch && up.length === 1 ? `[${ch}${up}]` : ch;
};

/**
 * How many typed words carrying diacritics appear with exactly those diacritics in `exactText` (the displayed
 * text, e.g. the name), as whole syllables (the last as a prefix). Null when the query has no diacritics.
 * Case is ignored per letter with a character class, since lower() of non-ASCII letters depends on the locale.
 */
export function exactRank(exactText: SQL | PgColumn, query: string | undefined): SQL<number> | null {
  const { words, prefix } = queryWords(query ?? '');
  const parts = words.map((w, i) => {
    if (!w.exact) return null;
    const end = prefix && i === words.length - 1 ? '' : `($|[^${LETTER}])`;
    return sql`(CASE WHEN ${exactText} ~ ${`(^|[^${LETTER}])${[...w.exact].map(caseless).join('')}${end}`} THEN 1 ELSE 0 END)`;
  }).filter((x): x is SQL => x !== null);
  return parts.length ? sql<number>`(${sql.join(parts, sql` + `)})` : null;
}

export interface TextSearch {
  /** The match condition, undefined without a query. */
  where: SQL | undefined;
  /** The rank to select as `searchRank` (0 when the query has no diacritics). */
  rank: SQL<number>;
  /** Rank first (when there is one), then name order. */
  orderBy: (SQL | PgColumn)[];
  /** Rows after the cursor in that same order. */
  after(cursor: NameCursor | null): SQL | undefined;
}

/**
 * The search of a list: `searchText`/`sortKey`/`id` columns of the table, `exactText` the displayed text whose
 * diacritics rank (e.g. `name || ' ' || coalesce(short_name, '')`). The keyset cursor carries the rank.
 */
export function textSearch(o: { searchText: PgColumn; exactText: SQL | PgColumn; sortKey: PgColumn; id: PgColumn; query: string | undefined }): TextSearch {
  const rank = exactRank(o.exactText, o.query);
  const where = matchesAllWords(o.searchText, o.query);
  if (!rank) {
    return { where, rank: sql<number>`0`, orderBy: orderByName(o.sortKey, o.id, o.query), after: (c) => afterCursor(o.sortKey, o.id, c) };
  }
  return {
    where,
    rank,
    orderBy: [sql`${rank} DESC`, sql`(${o.sortKey} || '') COLLATE "C"`, o.id],
    after: (c) => (c ? sql`(${rank} < ${c.r} OR (${rank} = ${c.r} AND ${afterCursor(o.sortKey, o.id, c)}))` : undefined),
  };
}

/** Rows after the cursor in (sort_key COLLATE "C", id) order. */
export function afterCursor(sortKey: PgColumn, id: PgColumn, cursor: NameCursor | null): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${sortKey} COLLATE "C" > ${cursor.k} OR (${sortKey} = ${cursor.k} AND ${id} > ${cursor.id}::uuid))`;
}

export const byName = (sortKey: PgColumn, id: PgColumn) => [sql`${sortKey} COLLATE "C"`, id];

/**
 * Name order for a list that may be searched. With two or more query words the order is written as an expression
 * (`sort_key || ''`) that the name index cannot serve, so the planner takes the syllable index, finds the few
 * matches, and sorts them. Without that, PostgreSQL walks the name index and filters row by row — fast when matches
 * are spread through the alphabet, but ~200 ms on 100,000 rows when they all sort late (measured in bench/).
 * One word is left on the name index: a single short word matches too many rows for the trigram path to win.
 * The values, and so the keyset cursor, are the same either way.
 */
export function orderByName(sortKey: PgColumn, id: PgColumn, query: string | undefined) {
  return queryWords(query ?? '').words.length >= 2 ? [sql`(${sortKey} || '') COLLATE "C"`, id] : byName(sortKey, id);
}
