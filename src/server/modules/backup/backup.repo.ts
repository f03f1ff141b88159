/**
 * Every query of backup and restore. The schema is discovered at run time (tables and columns from
 * information_schema, foreign keys and sequences from pg_catalog, which information_schema cannot describe
 * exactly), so tables added by later migrations are included without touching this module.
 *
 * Row values never pass through JavaScript numbers or dates: PostgreSQL renders each row as JSON text
 * (`json_build_array`) and parses it back (`json_populate_record`), so bigint, numeric, dates, timestamps and
 * jsonb come back exactly as they were.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { Tx } from '../../context.ts';

type Q = Db | Tx;


const ident = (name: string) => sql.identifier(name);
const idents = (names: string[]) => sql.join(names.map(ident), sql`, `);

export interface ColumnInfo {
  name: string;
  dataType: string;
  generated: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
}

export interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  childColumns: string[];
  parentColumns: string[];
}

/** Base tables of the current schema (the migrations' bookkeeping table excluded), with columns and primary keys. */
export async function listTables(db: Q): Promise<TableInfo[]> {
  const cols = await rowsOf<{ table_name: string; column_name: string; data_type: string; is_generated: string }>(db, sql`
    SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_generated::text
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> 'schema_migrations'
    ORDER BY c.table_name, c.ordinal_position`);
  const pks = await rowsOf<{ table_name: string; column_name: string }>(db, sql`
    SELECT tc.table_name::text, k.column_name::text
    FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage k
      ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
    WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
    ORDER BY tc.table_name, k.ordinal_position`);
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    let t = tables.get(c.table_name);
    if (!t) tables.set(c.table_name, (t = { name: c.table_name, columns: [], primaryKey: [] }));
    t.columns.push({ name: c.column_name, dataType: c.data_type, generated: c.is_generated === 'ALWAYS' });
  }
  for (const pk of pks) tables.get(pk.table_name)?.primaryKey.push(pk.column_name);
  return [...tables.values()];
}

/** Foreign keys between tables of the current schema, with their columns in key order. */
export async function listForeignKeys(db: Q): Promise<ForeignKey[]> {
  const found = await rowsOf<{ name: string; child: string; parent: string; child_columns: string; parent_columns: string }>(db, sql`
    SELECT con.conname::text AS name, cl.relname::text AS child, pl.relname::text AS parent,
      (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS child_columns,
      (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS parent_columns
    FROM pg_constraint con
    JOIN pg_class cl ON cl.oid = con.conrelid
    JOIN pg_class pl ON pl.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    WHERE con.contype = 'f' AND n.nspname = current_schema()
    ORDER BY 1`);
  return found.map((f) => ({
    name: f.name, child: f.child, parent: f.parent,
    childColumns: f.child_columns.split(','), parentColumns: f.parent_columns.split(','),
  }));
}

/** Every sequence of the current schema (identity and serial ones included) with its exact state. */
export async function readSequences(db: Q): Promise<Record<string, { lastValue: string; isCalled: boolean }>> {
  const names = await rowsOf<{ name: string }>(db, sql`
    SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'S' AND n.nspname = current_schema() ORDER BY 1`);
  const out: Record<string, { lastValue: string; isCalled: boolean }> = {};
  for (const { name } of names) {
    const [s] = await rowsOf<{ last_value: string; is_called: boolean }>(db,
      sql`SELECT last_value::text AS last_value, is_called FROM ${ident(name)}`);
    out[name] = { lastValue: s.last_value, isCalled: s.is_called };
  }
  return out;
}

export async function setSequence(db: Q, name: string, lastValue: string, isCalled: boolean) {
  await db.execute(sql`SELECT setval(quote_ident(${name})::regclass, ${lastValue}::bigint, ${isCalled}::boolean)`);
}

export async function appliedMigrations(db: Q): Promise<string[]> {
  const found = await rowsOf<{ name: string }>(db, sql`SELECT name FROM schema_migrations ORDER BY name COLLATE "C"`);
  return found.map((r) => r.name);
}

/** Pins the session settings that shape JSON text, so both engines render a value the same way. */
export async function startSnapshot(tx: Tx) {
  await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
  await setRenderingSettings(tx);
}

export async function setRenderingSettings(tx: Q) {
  await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
  await tx.execute(sql`SET LOCAL extra_float_digits = 1`);
  await tx.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
  await tx.execute(sql`SET LOCAL bytea_output = 'hex'`);
}

/** Back to the session's own settings (later migrations of a restore run as they would anywhere else). */
export async function resetRenderingSettings(tx: Q) {
  for (const name of ['TimeZone', 'extra_float_digits', 'IntervalStyle', 'bytea_output']) {
    await tx.execute(sql.raw(`SET LOCAL ${name} TO DEFAULT`));
  }
}

/** Names of the base tables of the current schema, the migrations' bookkeeping table included. */
export async function tableNames(db: Q): Promise<string[]> {
  const found = await rowsOf<{ name: string }>(db, sql`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`);
  return found.map((r) => r.name);
}

/**
 * Drops the current schema with everything in it (tables, functions, the extensions installed there) and creates it
 * again, empty, with the same owner and privileges. Transactional on both engines: a rollback brings it all back.
 */
export async function recreateSchema(tx: Q) {
  await tx.execute(sql.raw(`DO $khcn$
DECLARE
  s text := current_schema();
  owner text;
  grants text[];
  g text;
BEGIN
  IF s IS NULL THEN RAISE EXCEPTION 'no current schema (search_path names none that exists)'; END IF;
  SELECT n.nspowner::regrole::text,
    ARRAY(SELECT format('GRANT %s ON SCHEMA %I TO %s%s', a.privilege_type, s,
        CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END,
        CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
      FROM aclexplode(n.nspacl) a)
  INTO owner, grants
  FROM pg_namespace n WHERE n.nspname = s;
  EXECUTE format('DROP SCHEMA %I CASCADE', s);
  EXECUTE format('CREATE SCHEMA %I', s);
  EXECUTE format('ALTER SCHEMA %I OWNER TO %s', s, owner);
  FOREACH g IN ARRAY grants LOOP EXECUTE g; END LOOP;
END
$khcn$`));
}

const COLLATABLE = new Set(['text', 'character varying', 'character', 'name', 'citext']);

export interface RowCursorOptions {
  table: TableInfo;
  /** Extra text columns returned beside the row: named key expressions (used to order self-references). */
  keys?: Record<string, string[]>;
  batchSize: number;
}

/**
 * Streams a table's rows as JSON arrays in column order, ordered by primary key (bytewise for text, so both
 * engines agree), through a server-side cursor so large tables are never held in memory at once.
 */
export async function* readRows(tx: Tx, o: RowCursorOptions): AsyncGenerator<{ json: string; keys: Record<string, string | null> }[]> {
  const t = o.table;
  const values = sql.join(t.columns.map((c) => sql`t.${ident(c.name)}`), sql`, `);
  const keyExprs = Object.entries(o.keys ?? {}).map(([alias, cols]) =>
    sql`, CASE WHEN ${sql.join(cols.map((c) => sql`t.${ident(c)} IS NULL`), sql` OR `)} THEN NULL
          ELSE json_build_array(${sql.join(cols.map((c) => sql`t.${ident(c)}`), sql`, `)})::text END AS ${ident(`k_${alias}`)}`);
  const order = t.primaryKey.length > 0
    ? sql.join(t.primaryKey.map((name) => {
      const col = t.columns.find((c) => c.name === name)!;
      return COLLATABLE.has(col.dataType) ? sql`t.${ident(name)} COLLATE "C"` : sql`t.${ident(name)}`;
    }), sql`, `)
    : sql`json_build_array(${values})::text COLLATE "C"`;
  await tx.execute(sql`DECLARE khcn_backup_rows NO SCROLL CURSOR FOR
    SELECT json_build_array(${values})::text AS j ${sql.join(keyExprs, sql` `)}
    FROM ${ident(t.name)} t ORDER BY ${order}`);
  try {
    for (;;) {
      const batch = await rowsOf<Record<string, string | null>>(tx, sql.raw(`FETCH FORWARD ${o.batchSize} FROM khcn_backup_rows`));
      if (batch.length === 0) break;
      yield batch.map((r) => ({
        json: r.j as string,
        keys: Object.fromEntries(Object.keys(o.keys ?? {}).map((alias) => [alias, r[`k_${alias}`] ?? null])),
      }));
      if (batch.length < o.batchSize) break;
    }
  } finally {
    await tx.execute(sql`CLOSE khcn_backup_rows`);
  }
}

/** Whether a table has at least one row. */
export async function hasRows(db: Q, table: string): Promise<boolean> {
  const [r] = await rowsOf<{ found: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS found`);
  return r.found;
}

export async function truncateAll(tx: Q, tables: string[]) {
  if (tables.length === 0) return;
  await tx.execute(sql`TRUNCATE ${idents(tables)} RESTART IDENTITY CASCADE`);
}

/** Turns the tables' own triggers off or on (foreign-key checks are not user triggers and stay on). */
export async function setUserTriggers(tx: Q, table: string, enabled: boolean) {
  await tx.execute(enabled
    ? sql`ALTER TABLE ${ident(table)} ENABLE TRIGGER USER`
    : sql`ALTER TABLE ${ident(table)} DISABLE TRIGGER USER`);
}

/**
 * Inserts rows given as JSON arrays (in `fileColumns` order) into `columns` of the table, keeping their order.
 * PostgreSQL parses the values (json_populate_record), so nothing is rounded or reformatted on the way.
 */
export async function insertRows(tx: Q, o: { table: string; fileColumns: string[]; columns: string[]; jsonRows: string[] }) {
  if (o.jsonRows.length === 0) return;
  const data = `[${o.jsonRows.join(',')}]`;
  const names = JSON.stringify(o.fileColumns);
  await tx.execute(sql`
    INSERT INTO ${ident(o.table)} (${idents(o.columns)}) OVERRIDING SYSTEM VALUE
    SELECT ${sql.join(o.columns.map((c) => sql`p.${ident(c)}`), sql`, `)}
    FROM json_array_elements(${data}::json) WITH ORDINALITY AS r(j, n)
    CROSS JOIN LATERAL (
      SELECT json_object_agg(k.name, r.j -> (k.i::int - 1)) AS o
      FROM json_array_elements_text(${names}::json) WITH ORDINALITY AS k(name, i)
    ) AS x
    CROSS JOIN LATERAL json_populate_record(NULL::${ident(o.table)}, x.o) AS p
    ORDER BY r.n`);
}
