/**
 * Portable backup and restore between PGlite and PostgreSQL.
 *
 * The file is JSON lines (one JSON value per line, UTF-8):
 *   {"khcn":"backup","format":1,"createdAt":…,"engine":…,"migrations":[…]}      header
 *   {"khcn":"table","name":"admin_units","columns":["id","level",…]}            then that table's rows,
 *   ["0b6f…","province","80",…]                                                 one JSON array per row
 *   …
 *   {"khcn":"end","tables":{"admin_units":{"rows":…,"sha256":…},…},"sequences":{…}}   trailer
 * Tables come in foreign-key order (parents first); rows in primary-key order, except that a table referring to
 * itself (admin_units.parent_id) lists parents before children. Row values are rendered and parsed by PostgreSQL
 * itself, so bigint, numeric, dates, timestamps and jsonb survive exactly; the trailer's per-table SHA-256 of the
 * row lines lets a restore reject a damaged file, and lets two backups be compared table by table.
 * A file whose name ends in `.gz` is gzip-compressed (written and read as a stream).
 *
 * Restore accepts a backup made at the code's migration level or an older one: the backup's migrations must be
 * the first ones of the code's (else it is from a newer khcn, or from a foreign set of migrations, and is refused).
 * It refuses a database that already has tenants (and so someone's data) unless forced, and runs in one
 * transaction: drop the schema and create it again, apply the migrations up to the backup's level, empty what they
 * inserted, insert the file's rows in file order with the tables' own triggers off (the audit log's append-only
 * trigger would not fire on INSERT anyway), set every sequence to its saved state, then apply the remaining
 * migrations so they transform the restored rows as they would have transformed the live ones. Once committed,
 * the reference data loaders run (as `khcn db migrate` does).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pipeline, type Readable, type Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db, DbHandle } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { MigrationError, migrateInTransaction, migrationFiles } from '../../db/migrate.ts';
import { prepareDatabase } from '../index.ts';
import { rebalanceSearch } from '../../db/search.ts';
import * as repo from './backup.repo.ts';

/** The file format written; every format from 1 up to it can be read. */
export const BACKUP_FORMAT_VERSION = 1;
const READ_BATCH = 1000;
const INSERT_BATCH_ROWS = 500;
const INSERT_BATCH_BYTES = 4 * 1024 * 1024;

export interface BackupHeader {
  khcn: 'backup';
  format: number;
  createdAt: string;
  engine: string;
  migrations: string[];
}
export interface TableLine { khcn: 'table'; name: string; columns: string[] }
export interface TableSummary { rows: number; sha256: string }
export interface EndLine {
  khcn: 'end';
  tables: Record<string, TableSummary>;
  sequences: Record<string, { lastValue: string; isCalled: boolean }>;
}

export interface BackupResult {
  file: string;
  migrations: string[];
  tables: Record<string, TableSummary>;
  rows: number;
}

export interface RestoreResult {
  /** The backup's level: the last migration of the database it was made from. */
  level: string;
  /** The migrations applied to the restored rows to bring them to the code's level. */
  migrated: string[];
  /** Every migration the database now has (the code's). */
  migrations: string[];
  /** The tables and rows the file held. */
  tables: Record<string, TableSummary>;
  rows: number;
}

const badFile = (reason: string, details?: unknown) =>
  new AppError('backup.bad_file', { status: 400, params: { reason }, details: details ?? { reason } });

/** Tables in an order where every table comes after the tables it refers to (ties by name, so it is stable). */
export function tablesInDependencyOrder(tables: string[], fks: repo.ForeignKey[]): string[] {
  const known = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks) {
    if (fk.child !== fk.parent && known.has(fk.child) && known.has(fk.parent)) parents.get(fk.child)!.add(fk.parent);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p))).sort();
    if (ready.length === 0) {
      const stuck = tables.filter((t) => !done.has(t));
      throw new Error(`Foreign keys form a cycle between tables: ${stuck.join(', ')}`);
    }
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}

interface RowWithKeys { json: string; keys: Record<string, string | null> }

/**
 * Orders the rows of a table that refers to itself so that every row comes after the rows it points to;
 * within one depth the primary-key order is kept.
 */
function parentsFirst(rowsInKeyOrder: RowWithKeys[], selfKeys: number): RowWithKeys[] {
  const byRef: Map<string, number>[] = [];
  for (let i = 0; i < selfKeys; i++) {
    const m = new Map<string, number>();
    rowsInKeyOrder.forEach((r, idx) => {
      const ref = r.keys[`r${i}`];
      if (ref !== null) m.set(ref, idx);
    });
    byRef.push(m);
  }
  const depth = new Array<number>(rowsInKeyOrder.length).fill(-1);
  const visiting = new Set<number>();
  const depthOf = (idx: number): number => {
    if (depth[idx] >= 0) return depth[idx];
    if (visiting.has(idx)) throw new Error('Rows refer to each other in a cycle; they cannot be restored in order');
    visiting.add(idx);
    let d = 0;
    for (let i = 0; i < selfKeys; i++) {
      const p = rowsInKeyOrder[idx].keys[`p${i}`];
      const parent = p === null ? undefined : byRef[i].get(p);
      if (parent !== undefined && parent !== idx) d = Math.max(d, depthOf(parent) + 1);
    }
    visiting.delete(idx);
    return (depth[idx] = d);
  };
  const indexes = rowsInKeyOrder.map((_, i) => i);
  for (const i of indexes) depthOf(i);
  return indexes.sort((a, b) => depth[a] - depth[b] || a - b).map((i) => rowsInKeyOrder[i]);
}

async function writeLine(out: NodeJS.WritableStream, line: string) {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

const gzipped = (file: string) => file.endsWith('.gz');

/** A stream of the file's bytes, gunzipped when its name ends in `.gz`. */
function openInput(file: string): Readable {
  const raw = createReadStream(file);
  return gzipped(file) ? pipeline(raw, createGunzip(), () => undefined) : raw;
}

/** The file's lines, one at a time; `close` stops reading. */
function readLines(file: string) {
  const input = openInput(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  return {
    lines,
    close: () => {
      lines.close();
      input.destroy();
    },
  };
}

/** Writes every row of every table to `file` (replaced atomically when complete). */
export async function backupTo(h: Pick<DbHandle, 'db' | 'engine'>, file: string): Promise<BackupResult> {
  const tmp = `${file}.partial-${process.pid}`;
  const fileOut = createWriteStream(tmp);
  const closed = once(fileOut, 'close');
  const gzip = gzipped(file) ? createGzip({ level: 9 }) : null;
  if (gzip) pipeline(gzip, fileOut, () => undefined);
  const out: Writable = gzip ?? fileOut;
  try {
    const result = await h.db.transaction(async (tx) => {
      await repo.startSnapshot(tx);
      const tables = await repo.listTables(tx);
      const fks = await repo.listForeignKeys(tx);
      const migrations = await repo.appliedMigrations(tx);
      const byName = new Map(tables.map((t) => [t.name, t]));
      const order = tablesInDependencyOrder(tables.map((t) => t.name), fks);
      const header: BackupHeader = {
        khcn: 'backup', format: BACKUP_FORMAT_VERSION, createdAt: new Date().toISOString(), engine: h.engine, migrations,
      };
      await writeLine(out, JSON.stringify(header));
      const summaries: Record<string, TableSummary> = {};
      for (const name of order) {
        const table = byName.get(name)!;
        const tableLine: TableLine = { khcn: 'table', name, columns: table.columns.map((c) => c.name) };
        await writeLine(out, JSON.stringify(tableLine));
        summaries[name] = await writeTableRows(tx, out, table, fks.filter((f) => f.child === name && f.parent === name));
      }
      const end: EndLine = { khcn: 'end', tables: summaries, sequences: await repo.readSequences(tx) };
      await writeLine(out, JSON.stringify(end));
      return { migrations, tables: summaries };
    });
    out.end();
    await closed;
    await rename(tmp, file);
    const rows = Object.values(result.tables).reduce((n, t) => n + t.rows, 0);
    return { file, ...result, rows };
  } catch (err) {
    out.destroy();
    fileOut.destroy();
    await closed.catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}

async function writeTableRows(tx: Tx, out: NodeJS.WritableStream, table: repo.TableInfo, selfFks: repo.ForeignKey[]) {
  const hash = createHash('sha256');
  let count = 0;
  const emit = async (json: string) => {
    hash.update(`${json}\n`);
    count++;
    await writeLine(out, json);
  };
  if (selfFks.length === 0) {
    for await (const batch of repo.readRows(tx, { table, batchSize: READ_BATCH })) {
      for (const r of batch) await emit(r.json);
    }
  } else {
    // A table referring to itself is held in memory once to put parents first (reference tables of this kind
    // are small: administrative units are ~15,000 rows).
    const keys: Record<string, string[]> = {};
    selfFks.forEach((fk, i) => {
      keys[`p${i}`] = fk.childColumns;
      keys[`r${i}`] = fk.parentColumns;
    });
    const all: RowWithKeys[] = [];
    for await (const batch of repo.readRows(tx, { table, keys, batchSize: READ_BATCH })) all.push(...batch);
    for (const r of parentsFirst(all, selfFks.length)) await emit(r.json);
  }
  return { rows: count, sha256: hash.digest('hex') };
}

function parseControl(line: string, lineNo: number): { khcn?: string } & Record<string, unknown> {
  try {
    const v = JSON.parse(line) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as { khcn?: string };
  } catch {
    // reported below
  }
  throw badFile(`line ${lineNo} is not a JSON object`);
}

/** Reads the header line of a backup file. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const { lines, close } = readLines(file);
  try {
    for await (const line of lines) return checkHeader(parseControl(line, 1));
  } catch (err) {
    throw err instanceof AppError ? err : badFile(`it cannot be read (${(err as Error).message})`);
  } finally {
    close();
  }
  throw badFile('the file is empty');
}

function checkHeader(v: Record<string, unknown>): BackupHeader {
  if (v.khcn !== 'backup' || !Array.isArray(v.migrations)) throw badFile('it does not start with a khcn backup header');
  if (typeof v.format !== 'number' || !Number.isInteger(v.format) || v.format < 1 || v.format > BACKUP_FORMAT_VERSION) {
    throw badFile(`format ${String(v.format)} is not supported (this version reads formats 1 to ${BACKUP_FORMAT_VERSION})`);
  }
  return v as unknown as BackupHeader;
}

const listed = (names: string[]) => names.join(', ') || '—';

/**
 * Where a backup's migrations stand against the code's: its level and the migrations still to apply, or why it
 * cannot be restored — a backup from a newer khcn (it has every migration of the code and more), or from another
 * set of migrations (one of its migrations is unknown here, or it lacks one that comes before its last).
 */
export function planRestore(backup: string[], code: string[]): { level: string; pending: string[] } {
  const had = [...backup].sort();
  const level = had.at(-1);
  if (level === undefined) throw badFile('its header lists no migrations');
  if (had.every((m, i) => code[i] === m)) return { level, pending: code.slice(had.length) };
  const unknown = had.filter((m) => !code.includes(m));
  if (code.every((m, i) => had[i] === m)) {
    throw new AppError('backup.newer_version', {
      status: 409, params: { level, codeLevel: code.at(-1) ?? '—' }, details: { level, codeLevel: code.at(-1) ?? null, unknown },
    });
  }
  const missing = code.filter((m) => m < level && !had.includes(m));
  throw new AppError('backup.migrations_mismatch', {
    status: 409, params: { unknown: listed(unknown), missing: listed(missing) }, details: { unknown, missing },
  });
}

/**
 * Restores a backup into `h` — an empty database, or one at any level — and migrates it to the code's level.
 * Refuses when the database has tenants (or tables not made by khcn), unless `force`. Everything in the schema is
 * replaced (reference data included: the backup has its own copy). All or nothing: one transaction; the reference
 * data loaders run after it commits.
 */
export async function restoreFrom(h: DbHandle, file: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const header = await readBackupHeader(file);
  const plan = planRestore(header.migrations, await migrationFiles());
  const result = await h.transaction(async (t) => {
    if (!options.force) await assertReplaceable(t.db);
    await repo.recreateSchema(t.db);
    await migrateInTransaction(t, { upTo: plan.level });
    const tables = await repo.listTables(t.db);
    const names = tables.map((x) => x.name);
    // Rows the migrations inserted make way for the backup's copy of them.
    await repo.truncateAll(t.db, names);
    await repo.setRenderingSettings(t.db);
    for (const name of names) await repo.setUserTriggers(t.db, name, false);
    const loaded = await insertFromFile(t.db, file, new Map(tables.map((x) => [x.name, x])));
    for (const name of names) await repo.setUserTriggers(t.db, name, true);
    for (const [seq, state] of Object.entries(loaded.sequences)) {
      await repo.setSequence(t.db, seq, state.lastValue, state.isCalled);
    }
    await repo.resetRenderingSettings(t.db);
    const migrated = await migrateInTransaction(t).catch((err: unknown) => {
      if (!(err instanceof MigrationError)) throw err;
      const reason = err.cause instanceof Error ? err.cause.message : String(err.cause);
      throw new AppError('backup.migration_failed', {
        status: 500, params: { migration: err.migration, reason }, details: { migration: err.migration, reason },
      });
    });
    // The organisations' search buckets (migration 0053) were cut when their table was empty: cut them again from
    // the restored rows, or every search sorts all its matches (right, but slow at national scale).
    await rebalanceSearch(t.db, 'organizations');
    const rows = Object.values(loaded.tables).reduce((n, x) => n + x.rows, 0);
    return { level: plan.level, migrated, migrations: await repo.appliedMigrations(t.db), tables: loaded.tables, rows };
  });
  await prepareDatabase(h);
  return result;
}

/**
 * Every record belongs to a tenant, so a khcn database without tenants holds no one's data: only what migrations
 * and reference loaders put there (administrative units, science fields, national default rules), which the
 * backup carries too and replaces. Tables without khcn's migrations table are someone else's.
 */
async function assertReplaceable(db: Db) {
  const names = await repo.tableNames(db);
  if (names.includes('tenants') && (await repo.hasRows(db, 'tenants'))) {
    throw new AppError('backup.not_empty', { status: 409, details: { table: 'tenants' } });
  }
  if (names.length > 0 && !names.includes('schema_migrations')) {
    throw new AppError('backup.not_empty', { status: 409, details: { table: names[0], reason: 'not a khcn database' } });
  }
}

async function insertFromFile(tx: Db, file: string, target: Map<string, repo.TableInfo>) {
  const { lines, close } = readLines(file);
  try {
    return await insertLines(tx, lines, target);
  } catch (err) {
    // A damaged compressed file fails while it is read (zlib's error codes start with Z_).
    if ((err as NodeJS.ErrnoException).code?.startsWith('Z_')) throw badFile(`it cannot be read (${(err as Error).message})`);
    throw err;
  } finally {
    close();
  }
}

async function insertLines(tx: Db, lines: AsyncIterable<string>, target: Map<string, repo.TableInfo>) {
  const seen: Record<string, TableSummary> = {};
  let current: { line: TableLine; columns: string[]; hash: ReturnType<typeof createHash>; rows: number } | null = null;
  let batch: string[] = [];
  let batchBytes = 0;
  let end: EndLine | null = null;
  let lineNo = 0;

  const flush = async () => {
    if (!current || batch.length === 0) return;
    await repo.insertRows(tx, { table: current.line.name, fileColumns: current.line.columns, columns: current.columns, jsonRows: batch })
      .catch((err: unknown) => {
        throw badFile(`rows of table ${current!.line.name} could not be inserted (${(err as Error).message})`);
      });
    batch = [];
    batchBytes = 0;
  };
  const closeTable = async () => {
    if (!current) return;
    await flush();
    seen[current.line.name] = { rows: current.rows, sha256: current.hash.digest('hex') };
    current = null;
  };

  for await (const line of lines) {
    lineNo++;
    if (lineNo === 1 || line === '') continue;
    if (end) throw badFile(`line ${lineNo} follows the end line`);
    if (line.startsWith('[')) {
      if (!current) throw badFile(`line ${lineNo} is a row outside any table`);
      current.hash.update(`${line}\n`);
      current.rows++;
      batch.push(line);
      batchBytes += line.length;
      if (batch.length >= INSERT_BATCH_ROWS || batchBytes >= INSERT_BATCH_BYTES) await flush();
      continue;
    }
    const v = parseControl(line, lineNo);
    if (v.khcn === 'table') {
      await closeTable();
      const tl = v as unknown as TableLine;
      const table = target.get(tl.name);
      if (!table) throw badFile(`table ${tl.name} is not in the schema of the backup's level`);
      if (seen[tl.name]) throw badFile(`table ${tl.name} appears twice`);
      const insertable = new Set(table.columns.filter((c) => !c.generated).map((c) => c.name));
      const unknown = tl.columns.filter((c) => !table.columns.some((tc) => tc.name === c));
      if (unknown.length > 0) throw badFile(`table ${tl.name} has no column ${unknown.join(', ')}`);
      current = { line: tl, columns: tl.columns.filter((c) => insertable.has(c)), hash: createHash('sha256'), rows: 0 };
    } else if (v.khcn === 'end') {
      await closeTable();
      end = v as unknown as EndLine;
    } else {
      throw badFile(`line ${lineNo} is not a row, a table or the end line`);
    }
  }
  if (!end) throw badFile('the end line is missing (the file is incomplete)');
  for (const [name, expected] of Object.entries(end.tables)) {
    const got = seen[name];
    if (!got || got.rows !== expected.rows || got.sha256 !== expected.sha256) {
      throw badFile(`table ${name} does not match its checksum`, { table: name, expected, got: got ?? null });
    }
  }
  for (const name of Object.keys(seen)) if (!end.tables[name]) throw badFile(`table ${name} is missing from the end line`);
  return { tables: seen, sequences: end.sequences ?? {} };
}
