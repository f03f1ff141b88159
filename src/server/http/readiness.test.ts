/**
 * /readyz when the database goes away and comes back. PostgreSQL: the test database stops accepting connections
 * (ALTER DATABASE … ALLOW_CONNECTIONS false, which binds superusers too) and the app pool's sessions are
 * terminated, then connections are allowed again. PGlite lives inside the process: its database can only go away by
 * closing the handle, which is final for that app (a new app would be built on a new handle), so there the test
 * observes the 503 only.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDb, testEnv, type TestEnv } from '../testing/harness.ts';
import { buildApp } from './app.ts';

const template = inject('dbTemplate');
let env: TestEnv;

beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.close());

const readyz = (app = env.app) => app.inject({ method: 'GET', url: '/readyz' });

describe('/readyz and the database', () => {
  it.runIf(template.kind === 'postgres')('turns unready naming the database when it goes away, and ready again when it returns', async () => {
    if (template.kind !== 'postgres') return;
    const [{ db }] = await env.h.query<{ db: string }>('SELECT current_database() AS db');
    const admin = new pg.Client({ connectionString: template.url });
    await admin.connect();
    const quiet = process.env.KHCN_LOG_POOL_ERRORS;
    process.env.KHCN_LOG_POOL_ERRORS = '0';
    try {
      expect((await readyz()).statusCode).toBe(200);
      await admin.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS false`);
      try {
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db]);
        const down = await readyz();
        expect(down.statusCode).toBe(503);
        expect(down.json()).toMatchObject({
          status: 'unready', failed: ['database'], checks: { database: { status: 'fail', reason: 'unreachable' }, migrations: { status: 'unknown' } },
        });
        expect(down.body).not.toContain(db);
      } finally {
        await admin.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS true`);
      }
      // The pool may still hold a terminated connection or two: each failed probe discards one (at most the pool's size).
      let up = await readyz();
      for (let i = 0; i < 5 && up.statusCode !== 200; i++) up = await readyz();
      expect(up.statusCode, up.body).toBe(200);
      expect(up.json()).toMatchObject({ status: 'ready', checks: { database: { status: 'ok' }, migrations: { status: 'ok' } } });
    } finally {
      if (quiet === undefined) delete process.env.KHCN_LOG_POOL_ERRORS;
      else process.env.KHCN_LOG_POOL_ERRORS = quiet;
      await admin.end();
    }
  });

  it.runIf(template.kind === 'pglite')('turns unready naming the database once the embedded database is closed', async () => {
    const h = await openTestDb();
    const app = await buildApp({ dbHandle: h, webDir: null });
    try {
      expect((await readyz(app)).statusCode).toBe(200);
      await h.close();
      const down = await readyz(app);
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ failed: ['database'], checks: { database: { status: 'fail' } } });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
