/**
 * Applies src/server/db/migrations/*.sql in name order, each in its own transaction, recording them in
 * schema_migrations. The same files run on PGlite and PostgreSQL. `upTo` stops at a given migration, and
 * `migrateInTransaction` applies them inside a transaction the caller holds (a restore builds the schema of the
 * backup's level, loads it and migrates it forward, all or nothing).
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { DbHandle } from './client.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrateOptions {
  /** Stop after this migration (a file name, e.g. '0012_councils.sql', which must exist); default: the last. */
  upTo?: string;
}

/** What applying migrations needs: SQL text of several statements, and a query that returns rows. */
export interface MigrationRunner {
  exec(sqlText: string): Promise<void>;
  query<T = Record<string, unknown>>(sqlText: string): Promise<T[]>;
}

/** A migration that failed, named (the database's own error is the cause). */
export class MigrationError extends Error {
  constructor(readonly migration: string, cause: unknown) {
    super(`migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/** The code's migrations, in the order they apply. */
export async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
}

/**
 * Applies the pending migrations (up to `upTo`), each in its own transaction on one connection, so a migration that
 * fails is rolled back and leaves no connection in an aborted transaction. Returns the ones applied.
 */
export async function migrate(h: DbHandle, o: MigrateOptions = {}): Promise<string[]> {
  // Two processes starting on one database (a server and a worker) migrate one after the other: each migration takes
  // the same transaction-scoped advisory lock and applies only if nobody recorded it meanwhile.
  await h.transaction(async (t) => {
    await t.exec(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await t.exec(CREATE_SCHEMA_MIGRATIONS);
  });
  return applyMigrations(h, o, (body, record, file) => h.transaction(async (t) => {
    await t.exec(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    if ((await t.query('SELECT 1 FROM schema_migrations WHERE name = $1', [file])).length > 0) return false;
    await t.exec(body);
    await t.exec(record);
    return true;
  }));
}

/** As `migrate`, inside the caller's transaction (no BEGIN/COMMIT of its own): a failure fails the transaction. */
export async function migrateInTransaction(t: MigrationRunner, o: MigrateOptions = {}): Promise<string[]> {
  return applyMigrations(t, o, async (body, record) => {
    await t.exec(body);
    await t.exec(record);
    return true;
  });
}

/** Serialises migrating processes (any constant both engines accept as a bigint). */
const MIGRATION_LOCK = 20_260_002;
const CREATE_SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;

async function applyMigrations(
  run: MigrationRunner, o: MigrateOptions, apply: (body: string, record: string, file: string) => Promise<boolean>,
): Promise<string[]> {
  let files = await migrationFiles();
  if (o.upTo !== undefined) {
    const last = files.indexOf(o.upTo);
    if (last < 0) throw new Error(`there is no migration ${o.upTo}`);
    files = files.slice(0, last + 1);
  }
  await run.exec(CREATE_SCHEMA_MIGRATIONS);
  const done = new Set((await run.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const body = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
    const record = `INSERT INTO schema_migrations (name) VALUES ('${file.replace(/'/g, "''")}')`;
    const appliedNow = await apply(body, record, file).catch((err: unknown) => {
      throw new MigrationError(file, err);
    });
    if (appliedNow) applied.push(file);
  }
  return applied;
}
