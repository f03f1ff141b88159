/**
 * Test harness: a real migrated database per test file (cloned from the run's template) and the real app,
 * driven through app.inject(). No mocks of our own database.
 */
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDb, type DbHandle } from '../db/client.ts';
import { buildApp, type App } from '../http/app.ts';
import { hashPassword } from '../modules/auth/auth.service.ts';
import { registerModules } from '../modules/index.ts';
import type { Role } from '../../shared/roles.ts';

/** A handle on a scratch PostgreSQL database of this test run, dropped when the handle closes. */
export type ScratchDb = DbHandle & { databaseUrl?: string };

/** Runs one statement on the test run's PostgreSQL server itself (CREATE / DROP DATABASE…), on its own connection. */
export async function adminQuery(sqlText: string, serverUrl?: string): Promise<void> {
  const t = inject('dbTemplate');
  const url = serverUrl ?? (t.kind === 'postgres' ? t.url : null);
  if (!url) throw new Error('PostgreSQL only');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

export async function scratchPostgres(serverUrl: string, o: { prefix: string; template?: string }): Promise<ScratchDb> {
  const name = `${o.prefix}${randomBytes(6).toString('hex')}`;
  const admin = (q: string) => adminQuery(q, serverUrl);
  await admin(o.template ? `CREATE DATABASE ${name} TEMPLATE ${o.template}` : `CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const h: ScratchDb = await openDb({ databaseUrl: u.toString(), poolSize: 4 });
  h.databaseUrl = u.toString();
  const close = h.close.bind(h);
  h.close = async () => {
    await close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return h;
}

/** A migrated database with reference data, cloned from the run's template (PGlite in memory, or PostgreSQL). */
export async function openTestDb(): Promise<ScratchDb> {
  registerModules();
  const t = inject('dbTemplate');
  if (t.kind === 'pglite') return openDb({ loadDataDir: new Blob([await readFile(t.file)]) });
  return scratchPostgres(t.url, { prefix: 'khcn_test_', template: t.template });
}

/** A database with nothing in it (no migrations), on the engine of the run. */
export async function openEmptyDb(): Promise<ScratchDb> {
  registerModules();
  const t = inject('dbTemplate');
  if (t.kind === 'pglite') return openDb();
  return scratchPostgres(t.url, { prefix: 'khcn_test_empty_' });
}

let seq = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function buildTenant(h: DbHandle, name = 'Sở KH&CN thử nghiệm') {
  const [row] = await h.query<{ id: string; slug: string }>(
    'INSERT INTO tenants (slug, name) VALUES ($1, $2) RETURNING id, slug', [unique('t-'), name]);
  return row;
}

export const TEST_PASSWORD = 'Mat-khau-thu-nghiem-1';
let passwordHash: Promise<string> | undefined;

export async function buildUser(h: DbHandle, o: { tenantId: string; role: Role; username?: string; organizationId?: string | null; active?: boolean }) {
  const username = o.username ?? unique(`${o.role}-`);
  const [row] = await h.query<{ id: string }>(
    `INSERT INTO users (tenant_id, username, display_name, password_hash, role, organization_id, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [o.tenantId, username, `Người dùng ${username}`, await (passwordHash ??= hashPassword(TEST_PASSWORD)), o.role,
      o.organizationId ?? null, o.active ?? true]);
  return { id: row.id, username };
}

export type AuthHeaders = Record<string, string> & { cookie: string; 'x-csrf-token': string };

/** Signs in through the real login route; returns the headers a browser would send afterwards. */
export async function login(app: App, username: string, password = TEST_PASSWORD): Promise<AuthHeaders> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, 'x-csrf-token': res.json().csrfToken };
}

export interface TestEnv {
  h: DbHandle;
  app: App;
  tenantId: string;
  /** Signs in a new user of the given role in the test tenant (or another tenant). */
  as(role: Role, o?: { tenantId?: string; organizationId?: string | null }): Promise<AuthHeaders & { userId: string }>;
  close(): Promise<void>;
}

export async function testEnv(): Promise<TestEnv> {
  const h = await openTestDb();
  const app = await buildApp({ dbHandle: h, webDir: null, loginAttemptsPerMinute: 1000 });
  const { id: tenantId } = await buildTenant(h);
  return {
    h, app, tenantId,
    async as(role, o = {}) {
      const u = await buildUser(h, { tenantId: o.tenantId ?? tenantId, role, organizationId: o.organizationId });
      return { ...(await login(app, u.username)), userId: u.id };
    },
    async close() {
      await app.close();
      await h.close();
    },
  };
}
