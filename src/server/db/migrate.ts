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
  return applyMigrations(h, o, (body, record) => h.transaction(async (t) => {
    await t.exec(body);
    await t.exec(record);
  }));
}

/** As `migrate`, inside the caller's transaction (no BEGIN/COMMIT of its own): a failure fails the transaction. */
export async function migrateInTransaction(t: MigrationRunner, o: MigrateOptions = {}): Promise<string[]> {
  return applyMigrations(t, o, async (body, record) => {
    await t.exec(body);
    await t.exec(record);
  });
}

async function applyMigrations(
  run: MigrationRunner, o: MigrateOptions, apply: (body: string, record: string) => Promise<void>,
): Promise<string[]> {
  let files = await migrationFiles();
  if (o.upTo !== undefined) {
    const last = files.indexOf(o.upTo);
    if (last < 0) throw new Error(`there is no migration ${o.upTo}`);
    files = files.slice(0, last + 1);
  }
  await run.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await run.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const body = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
    const record = `INSERT INTO schema_migrations (name) VALUES ('${file.replace(/'/g, "''")}')`;
    await apply(body, record).catch((err: unknown) => {
      throw new MigrationError(file, err);
    });
    applied.push(file);
  }
  return applied;
}
