/**
 * One SQL dialect, two engines: PGlite (embedded, the zero-set-up default) or PostgreSQL when DATABASE_URL is set.
 * Both are wrapped in the same Drizzle PgDatabase type, so repos never know which engine they talk to.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

// No relational schema: repos write their joins, and db/ stays free of the modules that own the tables.
export type Db = PgDatabase<PgQueryResultHKT>;
export type Engine = 'pglite' | 'postgres';

export interface DbHandle {
  engine: Engine;
  db: Db;
  /** Runs SQL text that may hold several statements (migrations, restore). */
  exec(sqlText: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `fn` in one transaction on one connection: committed when it returns, rolled back when it throws. Unlike
   * `db.transaction`, SQL text of several statements can run inside it (`exec`: a restore migrates in its
   * transaction). Open no transaction through `t.db` (PGlite cannot nest one).
   */
  transaction<T>(fn: (t: TxHandle) => Promise<T>): Promise<T>;
  /** The embedded engine only: the data directory as a tarball (used to clone a migrated template in tests). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

/** A transaction of `DbHandle.transaction`: Drizzle, SQL text and parameterised statements, all inside it. */
export interface TxHandle {
  db: Db;
  exec(sqlText: string): Promise<void>;
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  /** PGlite: start from a dumped data directory (in memory). */
  loadDataDir?: Blob;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

// PGlite needs its extensions passed at every open, or the first trigram query fails after a reopen.
const PGLITE_EXTENSIONS = { pg_trgm };

export async function openDb(options: OpenOptions = {}): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client the server terminates (restart, DROP DATABASE … FORCE in tests) emits an error on the pool;
    // without a listener it would crash the process. The pool drops that client and opens another when needed.
    pool.on('error', (err) => {
      if (process.env.KHCN_LOG_POOL_ERRORS !== '0') console.warn(`khcn: idle PostgreSQL connection lost: ${err.message}`);
    });
    // `date` columns stay ISO strings (yyyy-mm-dd), as on PGlite through Drizzle.
    const db = drizzlePg(pool) as unknown as Db;
    return {
      engine: 'postgres',
      db,
      async exec(sqlText) {
        await pool.query(sqlText);
      },
      async query<T>(sqlText: string, params: unknown[] = []) {
        const r = await pool.query(sqlText, params);
        return r.rows as T[];
      },
      async transaction(fn) {
        const client = await pool.connect();
        let failed = false;
        try {
          return await drizzlePg({ client }).transaction((tx) => fn({
            db: tx as unknown as Db,
            async exec(sqlText) {
              await client.query(sqlText);
            },
            async query<T>(sqlText: string, params: unknown[] = []) {
              return (await client.query(sqlText, params)).rows as T[];
            },
          }));
        } catch (err) {
          failed = true;
          throw err;
        } finally {
          // After a failure the connection is closed rather than pooled: its rollback may not have gone through.
          client.release(failed);
        }
      },
      async close() {
        await pool.end();
      },
    };
  }
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: PGLITE_EXTENSIONS,
  });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    async exec(sqlText) {
      await client.exec(sqlText);
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      const r = await client.query<T>(sqlText, params);
      return r.rows;
    },
    transaction(fn) {
      return client.transaction((tx) => fn({
        db: drizzlePglite({ client: tx as unknown as PGlite }) as unknown as Db,
        async exec(sqlText) {
          await tx.exec(sqlText);
        },
        async query<T>(sqlText: string, params: unknown[] = []) {
          return (await tx.query<T>(sqlText, params)).rows;
        },
      }));
    },
    async dumpDataDir() {
      return (await client.dumpDataDir('none')) as Blob;
    },
    async close() {
      await client.close();
    },
  };
}

/** Where the app's database lives: DATABASE_URL, else PGlite in `dataDir` (default ./data). */
export function resolveDbOptions(env: NodeJS.ProcessEnv, dataDir?: string): OpenOptions {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: dataDir ?? env.KHCN_DATA ?? './data' };
}
