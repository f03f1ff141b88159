/**
 * The one search of every list: whole Vietnamese syllables on the folded `search_text`, through a GIN index on
 * `to_tsvector('simple', search_text)` (migration 0045). Every typed word must be a whole syllable of the row,
 * except the last, which may be a prefix (`co kh` finds `cơ khí`, not `công`); typed diacritics rank rows that
 * carry them exactly above rows that only match folded (`cà` before `cá`), then name order.
 *
 * A page of a large table (organisations, migration 0053) is found through name-ordered buckets instead of sorting
 * every match: see `bucketSql`. How many rows match is counted exactly up to `COUNT_CAP`, estimated beyond it.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryWords } from '../../lib/vi/fold.ts';
import type { Db } from './client.ts';
import type { NameCursor } from './paging.ts';
import { rowsOf } from './rows.ts';
import type { Tx } from '../context.ts';

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

/** The rank of a query typed without diacritics (every match ranks the same). */
const NO_RANK = sql<number>`0`;

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
    return { where, rank: NO_RANK, orderBy: orderByName(o.sortKey, o.id, o.query), after: (c) => afterCursor(o.sortKey, o.id, c) };
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
 * One word is left on the name index: a single short word matches too many rows for the syllable index to win.
 * The values, and so the keyset cursor, are the same either way.
 */
export function orderByName(sortKey: PgColumn, id: PgColumn, query: string | undefined) {
  return queryWords(query ?? '').words.length >= 2 ? [sql`(${sortKey} || '') COLLATE "C"`, id] : byName(sortKey, id);
}

// ---- pages and counts of a list ----

/** Up to this many matching rows are counted exactly; beyond it the total is an estimate (`totalIsEstimate`). */
export const COUNT_CAP = 1000;

/** How many coarse buckets with matches a query typed with diacritics walks for a page of rows carrying them all. */
const RANKED_WALK = 16;
/** Below this many matches in a coarse bucket its rows are read and sorted at once; above it its buckets are probed. */
const SPARSE = 64;
/** A total that a sample of the buckets puts above this is estimated from a larger sample... */
const SAMPLE_ABOVE = 50_000;
/** ...of at most this many buckets (the first sample has a quarter of them). */
const SAMPLED_BUCKETS = 256;
/** Buckets per coarse bucket: must agree with search_bucket_words and search_rebalance (migration 0053). */
const FINE_PER_COARSE = 64;

/** How many rows match: exact up to COUNT_CAP, else an estimate flagged as such. */
export interface Total { total: number; totalIsEstimate: boolean }

export interface ListSearch extends TextSearch {
  /**
   * The condition that selects one page of the list (to use with `orderBy` and `LIMIT limit`): a subquery finds the
   * page's ids first, through the search indexes, so that only those rows are then read and joined for display.
   */
  page(o: { filters: SQL | undefined; cursor: NameCursor | null; limit: number }): SQL;
  /** How many rows of the tenant match the filters and the query (see `Total`). */
  total(db: Db | Tx, filters: SQL | undefined): Promise<Total>;
}

/**
 * The search of a tenant's list: `textSearch` plus the page and the total. `buckets` names a table that has the
 * name-ordered bucket index of migration 0053 (`<table>_bucket_words` and `search_bucket_<table>()`).
 */
export function listSearch(o: {
  table: PgTable; id: PgColumn; searchText: PgColumn; exactText: SQL | PgColumn; sortKey: PgColumn; query: string | undefined;
  tenant: { column: PgColumn; value: string }; buckets?: 'organizations';
}): ListSearch {
  const s = textSearch(o);
  const { words, prefix } = queryWords(o.query ?? '');
  const inTenant = sql`${o.tenant.column} = ${o.tenant.value}`;
  const all = (...conds: (SQL | undefined)[]) => sql.join(conds.filter((c): c is SQL => c !== undefined), sql` AND `);
  // The bucket index holds whole letter-only syllables (no digits, nothing the text-search parser might split).
  const bucketed = o.buckets && words.length > 0 && words.every((w) => /^[a-z]+$/.test(w.folded)) ? o.buckets : undefined;
  // The highest rank: every typed word with diacritics found with them (exactRank).
  const exactWords = words.filter((w) => w.exact).length;
  const b = bucketed && bucketSql({ ...o, tenant: o.tenant.value, tenantId: o.tenant.column, table: bucketed, words: words.map((w) => w.folded), prefix });

  return {
    ...s,
    page({ filters, cursor, limit }) {
      if (!s.where) return all(inTenant, filters, s.after(cursor));
      const conds = all(inTenant, filters, s.after(cursor));
      if (b && s.rank === NO_RANK) return sql`(${inTenant} AND ${o.id} = ANY(ARRAY(${b.page(conds, cursor, limit)})))`;
      const sorted = sql`SELECT ${o.id} FROM ${o.table} WHERE ${all(conds, s.where)}
        ORDER BY ${sql.join([...(s.rank === NO_RANK ? [] : [sql`${s.rank} DESC`]), sql`(${o.sortKey} || '') COLLATE "C"`, o.id], sql`, `)}
        LIMIT ${limit}`;
      // Typed diacritics rank rows that carry them all first, then name order: a page of such rows is the first rows
      // of the bucket walk that carry them all, when the first RANKED_WALK coarse buckets with matches hold a page of
      // them; else (few such rows, or a later page of fewer) every match is sorted.
      if (b && (!cursor || cursor.r === exactWords)) {
        const walk = b.page(all(conds, sql`${s.rank} = ${exactWords}`), cursor, limit, { coarse: RANKED_WALK, conds });
        return sql`(${inTenant} AND ${o.id} = ANY(coalesce((WITH w AS MATERIALIZED (${walk})
          SELECT CASE WHEN count(*) >= ${limit} THEN array_agg(w.id) ELSE ARRAY(${sorted}) END FROM w), '{}')))`;
      }
      return sql`(${inTenant} AND ${o.id} = ANY(ARRAY(${sorted})))`;
    },
    async total(db, filters) {
      const conds = all(inTenant, filters);
      const exact = async () => {
        const matches = b ? b.matches(conds) : sql`SELECT 1 FROM ${o.table} WHERE ${all(conds, s.where)}`;
        const [{ n }] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${matches} LIMIT ${COUNT_CAP + 1}) AS m`);
        return n;
      };
      let estimate: number;
      if (b) {
        // Counted on the bucket index alone: a small sample of the buckets first (bounded work); if it finds very many
        // matches, a larger sample is the estimate; else every match over the tenant's coarse buckets is counted (work
        // in proportion to them; rows not yet vacuumed included, so never fewer than there are), since matches come in
        // runs of similar names, which a sample may miss. Near the cap the rows themselves are counted, up to it. Other
        // filters (not in the index) scale the counts by how much of the tenant they keep according to the planner,
        // and their rows are always counted up to the cap.
        if (filters) {
          const n = await exact();
          if (n <= COUNT_CAP) return { total: n, totalIsEstimate: false };
        }
        const share = filters
          ? (await planRows(db, sql`SELECT 1 FROM ${o.table} WHERE ${conds}`)) / Math.max(1, await planRows(db, sql`SELECT 1 FROM ${o.table} WHERE ${inTenant}`))
          : 1;
        estimate = await b.sampledCount(db, SAMPLED_BUCKETS / 4);
        if (estimate > SAMPLE_ABOVE) estimate = await b.sampledCount(db, SAMPLED_BUCKETS);
        if (estimate <= SAMPLE_ABOVE) estimate = await b.indexCount(db);
        estimate *= share;
        if (!filters && estimate <= 1.5 * COUNT_CAP) {
          const n = await exact();
          if (n <= COUNT_CAP) return { total: n, totalIsEstimate: false };
        }
      } else {
        const n = await exact();
        if (n <= COUNT_CAP) return { total: n, totalIsEstimate: false };
        estimate = await planRows(db, sql`SELECT 1 FROM ${o.table} WHERE ${all(conds, s.where)}`);
      }
      return { total: Math.max(COUNT_CAP + 1, Math.round(estimate)), totalIsEstimate: true };
    },
  };
}

/**
 * Name-ordered buckets (migration 0053): a tenant's rows in name order are cut into buckets of ~250 rows, 64 to a
 * coarse bucket, and every syllable is indexed with its bucket (`f1234:khi`) and its coarse bucket (`c19:khi`). A page
 * walks the coarse buckets in order, asking the index whether each holds a match (a few posting-list lookups, no
 * table read for an empty one); a coarse bucket with few matches has them read and sorted, one with many has its
 * buckets probed in order the same way. The walk stops at the page size, so a query whose words are common reads
 * about a page of rows instead of every match, and one whose matches all sort late skips the buckets before them.
 * Rows come out bucket by bucket, so in name order: buckets are ranges of (tenant, sort_key).
 */
function bucketSql(o: {
  table: 'organizations'; tenant: string; tenantId: PgColumn; id: PgColumn; searchText: PgColumn; sortKey: PgColumn; words: string[]; prefix: boolean;
}) {
  const t = sql.raw(o.table);
  const bucketOf = sql.raw(`search_bucket_${o.table}`);
  const index = `${o.table}_bucket_words`;
  const tagged = sql`search_bucket_words(${bucketOf}(${o.tenantId}, ${o.sortKey}), ${o.searchText})`;
  const distinct = [...new Set(o.words)];
  const last = o.words[o.words.length - 1];
  // Lexemes are written out (not parsed) in the tsquery, e.g. 'f#:co' & 'f#:khi' & 'f#:la':*, '#' standing for the
  // bucket. In a coarse bucket the prefix is looked up as the word or one of the indexed prefixes ('c#:la' | 'c#<la'):
  // a prefix match there would first gather every syllable it starts in the coarse bucket.
  const template = (tag: 'f' | 'c') => distinct.map((w) => {
    if (!(o.prefix && w === last)) return `'${tag}#:${w}'`;
    return tag === 'f' ? `'f#:${w}':*` : `('c#:${w}' | 'c#<${w}')`;
  }).join(' & ');
  const inBucket = (tag: 'f' | 'c', bucket: SQL) => sql`${tagged} @@ replace(${template(tag)}, '#', ${bucket}::text)::tsquery`;
  const byName = sql`${o.sortKey} COLLATE "C", ${o.id}`;
  // The tenant's buckets: from the cursor's (or the tenant's first) to the tenant's last.
  const range = (cursor: NameCursor | null) => sql`(SELECT ${bucketOf}(${o.tenant}::uuid, ${cursor?.k ?? ''}) AS f0,
    ${bucketOf}(${o.tenant}::uuid, chr(1114111)) AS f1) AS r`;
  const coarse = sql.raw(`generate_series(r.f0 / ${FINE_PER_COARSE}, r.f1 / ${FINE_PER_COARSE})`);
  const fine = sql.raw(`generate_series(greatest(r.f0, c * ${FINE_PER_COARSE}), least(r.f1, c * ${FINE_PER_COARSE} + ${FINE_PER_COARSE - 1}))`);
  return {
    /**
     * The ids of a page in name order. `upTo` stops the walk after that many coarse buckets with matches of
     * `upTo.conds` (the rows of `conds` being fewer, e.g. only those ranked first).
     */
    page: (conds: SQL, cursor: NameCursor | null, limit: number, upTo?: { coarse: number; conds: SQL }) => sql`
      SELECT x.id FROM ${range(cursor)} CROSS JOIN ${upTo
        ? sql`LATERAL (SELECT c FROM ${coarse} AS c WHERE EXISTS (SELECT 1 FROM ${t} WHERE ${upTo.conds} AND ${inBucket('c', sql`c`)})
            LIMIT ${upTo.coarse}) AS cc(c)`
        : sql`${coarse} AS c`}
      CROSS JOIN LATERAL (SELECT count(*) AS n FROM (SELECT 1 FROM ${t} WHERE ${conds} AND ${inBucket('c', sql`c`)} LIMIT ${SPARSE + 1}) AS z) AS e
      CROSS JOIN LATERAL (
        (SELECT ${o.id} AS id FROM ${t} WHERE e.n BETWEEN 1 AND ${SPARSE} AND ${conds} AND ${inBucket('c', sql`c`)} ORDER BY ${byName})
        UNION ALL
        (SELECT y.id FROM ${fine} AS f
          CROSS JOIN LATERAL (SELECT ${o.id} AS id FROM ${t} WHERE ${conds} AND ${inBucket('f', sql`f`)} ORDER BY ${byName}) AS y
          WHERE e.n > ${SPARSE})
      ) AS x
      LIMIT ${limit}`,
    /** Every match of the tenant (in no particular order), coarse bucket by coarse bucket. */
    matches: (conds: SQL) => sql`
      SELECT 1 FROM ${range(null)} CROSS JOIN ${coarse} AS c
      CROSS JOIN LATERAL (SELECT 1 FROM ${t} WHERE ${conds} AND ${inBucket('c', sql`c`)}) AS x`,
    /** How many index entries match over the tenant's coarse buckets: exact but for unvacuumed rows; work grows with it. */
    indexCount: (db: Db | Tx) => bitmapRows(db, index, sql`
      SELECT 1 FROM ${range(null)} CROSS JOIN ${coarse} AS c
      CROSS JOIN LATERAL (SELECT 1 FROM ${t} WHERE ${inBucket('c', sql`c`)} LIMIT 1) AS x`),
    /**
     * How many rows match, estimated on the index alone: the matches of every k-th bucket of the tenant (at most
     * `size` of them, spread evenly through name order) times k; the work is bounded whatever the query.
     */
    async sampledCount(db: Db | Tx, size: number) {
      const [r] = await rowsOf<{ f0: number; f1: number }>(db, sql`SELECT ${bucketOf}(${o.tenant}::uuid, '') AS f0,
        ${bucketOf}(${o.tenant}::uuid, chr(1114111)) AS f1`);
      const k = Math.max(1, Math.ceil((r.f1 - r.f0 + 1) / size));
      return k * await bitmapRows(db, index, sql`
        SELECT 1 FROM generate_series(${r.f0 + Math.floor((k - 1) / 2)}::int, ${r.f1}::int, ${k}::int) AS f
        CROSS JOIN LATERAL (SELECT 1 FROM ${t} WHERE ${inBucket('f', sql`f`)} LIMIT 1) AS x`);
    },
  };
}

/**
 * The rows the bitmap index scans on `index` found when `query` ran (EXPLAIN ANALYZE): its matches, counted on the
 * index. (PostgreSQL 15 reports a node's rows per loop rounded to a whole number: off by at most half a row a loop.)
 */
async function bitmapRows(db: Db | Tx, index: string, query: SQL) {
  let n = 0;
  const visit = (node: PlanNode) => {
    if (node['Node Type'] === 'Bitmap Index Scan' && node['Index Name'] === index) n += (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1);
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(await explain(db, sql`ANALYZE, TIMING OFF`, query));
  return n;
}

interface PlanNode { 'Node Type': string; 'Index Name'?: string; 'Plan Rows'?: number; 'Actual Rows'?: number; 'Actual Loops'?: number; Plans?: PlanNode[] }

async function explain(db: Db | Tx, options: SQL, query: SQL): Promise<PlanNode> {
  const [row] = await rowsOf<Record<string, unknown>>(db, sql`EXPLAIN (${options}, FORMAT JSON) ${query}`);
  const out = Object.values(row)[0];
  const doc = (typeof out === 'string' ? JSON.parse(out) : out) as { Plan: PlanNode }[];
  return doc[0].Plan;
}

/** The planner's row estimate of a query. */
async function planRows(db: Db | Tx, query: SQL): Promise<number> {
  return (await explain(db, sql`COSTS TRUE`, query))['Plan Rows'] ?? 0;
}

/**
 * Recomputes a table's bucket bounds from its rows and rebuilds its bucket index, in one statement (migration 0053's
 * search_rebalance): after a bulk import or a restore, or when the table has grown well past the bounds it has (a
 * search stays right with any bounds, only slower). Writes to the table wait meanwhile, and searches while the index
 * is rebuilt (about a minute for 1,000,000 organisations). Returns the number of bounds.
 */
export async function rebalanceSearch(db: Db | Tx, table: 'organizations', bucketRows = 250): Promise<number> {
  const [r] = await rowsOf<{ n: number }>(db, sql`SELECT search_rebalance(${table}, ${bucketRows}::int) AS n`);
  return r.n;
}
