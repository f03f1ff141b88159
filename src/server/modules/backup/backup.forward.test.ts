/**
 * Restoring backups of older migration levels (test/fixtures/backups/, one per level, see its README): every fixture
 * is restored into a database at the code's level — as after `khcn serve` ran once — and migrated forward; every
 * row of the fixture must still be there (found by primary key, after the later migrations transformed the data),
 * the database must have exactly the code's migrations, and the demo must work through the app.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.ts';
import { migrate, migrationFiles } from '../../db/migrate.ts';
import { buildApp } from '../../http/app.ts';
import { login, openTestDb, openEmptyDb } from '../../testing/harness.ts';
import { planRestore, restoreFrom, type EndLine } from './backup.service.ts';
import * as repo from './backup.repo.ts';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/backups/', import.meta.url));
const fixtures = readdirSync(FIXTURES).filter((f) => /\.jsonl(\.gz)?$/.test(f)).sort();
/** The demo accounts' password when the fixtures were made (the demo seed of their commit). */
const FIXTURE_PASSWORD = 'khcn-demo-2026';

interface Fixture {
  header: { migrations: string[] } & Record<string, unknown>;
  tables: Map<string, { columns: string[]; rows: unknown[][] }>;
  end: EndLine;
  lines: string[];
}

async function readFixture(file: string): Promise<Fixture> {
  const bytes = await readFile(file);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const lines = text.split('\n').filter((l) => l !== '');
  const tables = new Map<string, { columns: string[]; rows: unknown[][] }>();
  let current: unknown[][] = [];
  let end: EndLine | null = null;
  for (const line of lines.slice(1)) {
    if (line.startsWith('[')) {
      current.push(JSON.parse(line));
      continue;
    }
    const v = JSON.parse(line);
    if (v.khcn === 'table') tables.set(v.name, { columns: v.columns, rows: (current = []) });
    else end = v;
  }
  return { header: JSON.parse(lines[0]), tables, end: end!, lines };
}

/** Rows of a fixture table as objects, for the columns asked. */
const pick = (t: { columns: string[]; rows: unknown[][] }, columns: string[]) =>
  t.rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[t.columns.indexOf(c)]])));


/** Every row of the fixture is in the database (by primary key), table by table, for the tables that still exist. */
async function expectEveryRow(h: DbHandle, fx: Fixture) {
  const now = new Map((await repo.listTables(h.db)).map((t) => [t.name, t]));
  for (const [name, summary] of Object.entries(fx.end.tables)) {
    const table = now.get(name);
    if (!table) continue;
    const [{ n }] = await h.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
    expect(n, name).toBeGreaterThanOrEqual(summary.rows); // reference loaders may add rows, never take any
    const key = table.primaryKey;
    const saved = fx.tables.get(name)!;
    if (key.length === 0 || !key.every((c) => saved.columns.includes(c))) continue;
    const on = key.map((c) => `t."${c}" = k."${c}"`).join(' AND ');
    const [{ found }] = await h.query<{ found: number }>(
      `SELECT count(*)::int AS found FROM json_populate_recordset(NULL::"${name}", $1::json) k JOIN "${name}" t ON ${on}`,
      [JSON.stringify(pick(saved, key))]);
    expect(found, `${name}: rows of the fixture found by primary key`).toBe(summary.rows);
  }
}

/** The demo works through the app: a Tây Ninh officer signs in and sees the province's organisations and tasks. */
async function expectDemoReadable(h: DbHandle, fx: Fixture) {
  const tenants = pick(fx.tables.get('tenants')!, ['id', 'slug']);
  const tayNinh = tenants.find((t) => t.slug === 'tay-ninh')!.id;
  const ofTayNinh = (table: string) => pick(fx.tables.get(table)!, ['tenant_id']).filter((r) => r.tenant_id === tayNinh).length;
  const app = await buildApp({ dbHandle: h, webDir: null, loginAttemptsPerMinute: 1000 });
  try {
    const headers = await login(app, 'canbo', FIXTURE_PASSWORD);
    const orgs = await app.inject({ method: 'GET', url: '/api/organizations?limit=200', headers });
    expect(orgs.statusCode).toBe(200);
    expect(orgs.json().items).toHaveLength(ofTayNinh('organizations'));
    const tasks = await app.inject({ method: 'GET', url: '/api/tasks?limit=200', headers });
    expect(tasks.statusCode).toBe(200);
    // An enterprise's unsubmitted proposal (submitted_at NULL, from 0055_task_proposals) is not in the DOST's list.
    const taskTable = fx.tables.get('tasks')!;
    const submitted = taskTable.columns.includes('submitted_at')
      ? pick(taskTable, ['tenant_id', 'submitted_at']).filter((r) => r.tenant_id === tayNinh && r.submitted_at !== null).length
      : ofTayNinh('tasks');
    expect(tasks.json().items).toHaveLength(submitted);
    expect(submitted).toBeGreaterThan(0);
  } finally {
    await app.close();
  }
}

let code: string[];
let dir: string;
beforeAll(async () => {
  code = await migrationFiles();
  dir = await mkdtemp(path.join(tmpdir(), 'khcn-forward-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('has at least one fixture', () => {
  expect(fixtures.length).toBeGreaterThan(0);
});

describe.each(fixtures)('the backup fixture %s', (name) => {
  let fx: Fixture;
  let h: DbHandle;
  beforeAll(async () => {
    fx = await readFixture(path.join(FIXTURES, name));
    h = await openTestDb(); // at the code's level with reference data, as after `khcn serve`
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is named by its last migration, one the code has', () => {
    const level = fx.header.migrations.at(-1)!;
    expect(name.replace(/\.jsonl(\.gz)?$/, '')).toBe(level.replace(/\.sql$/, ''));
    expect(code).toContain(level);
  });

  it('restores into a database at the code\'s level and migrates forward with every row', async () => {
    const r = await restoreFrom(h, path.join(FIXTURES, name));
    expect(r.level).toBe(fx.header.migrations.at(-1));
    expect(r.migrated).toEqual(code.slice(fx.header.migrations.length));
    expect(r.tables).toEqual(fx.end.tables);
    expect(await repo.appliedMigrations(h.db)).toEqual(code);
    await expectEveryRow(h, fx);
    await expectDemoReadable(h, fx);
  });

  it("keeps an account's free-text unit (before 0030_agencies) as an agency the account points at", async () => {
    const users = fx.tables.get('users')!;
    if (!users.columns.includes('unit_name')) return; // a fixture made after 0030 has no free-text units
    const named = pick(users, ['id', 'unit_name']).filter((u) => typeof u.unit_name === 'string' && u.unit_name.trim() !== '');
    expect(named.length).toBeGreaterThan(0);
    const now = await h.query<{ id: string; name: string; kind: string }>(
      'SELECT u.id, a.name, a.kind FROM users u JOIN agencies a ON a.id = u.agency_id AND a.tenant_id = u.tenant_id');
    const byId = new Map(now.map((r) => [r.id, r]));
    for (const u of named) expect(byId.get(u.id as string)?.name).toBe((u.unit_name as string).trim());
    expect(now.every((r) => r.kind === 'other')).toBe(true);
  });

  it('keeps every task document (before 0040_attachments) as an attachment of its task, bytes and all', async () => {
    const docs = fx.tables.get('task_documents');
    if (!docs) return; // a fixture made after 0040 has attachments already
    const saved = pick(docs, ['id', 'task_id', 'kind', 'file_name', 'content']);
    expect(saved.length).toBeGreaterThan(0);
    const now = await h.query<{ id: string; subject_type: string; subject_id: string; kind: string; file_name: string; sha256: string; content_type: string; hex: string }>(
      `SELECT a.id, a.subject_type, a.subject_id, a.kind, a.file_name, a.sha256, a.content_type, encode(b.content, 'hex') AS hex
       FROM attachments a JOIN attachment_blobs b ON b.attachment_id = a.id`);
    const byId = new Map(now.map((r) => [r.id, r]));
    for (const d of saved) {
      const bytes = Buffer.from(String(d.content).replace(/^\\x/, ''), 'hex');
      expect(byId.get(d.id as string)).toMatchObject({
        subject_type: 'task', subject_id: d.task_id, kind: d.kind, file_name: d.file_name, hex: bytes.toString('hex'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content_type: 'text/plain', // the demo's .txt files, their type now read from the bytes
      });
    }
  });

  it('is refused when the database now has tenants, unless forced', async () => {
    await expect(restoreFrom(h, path.join(FIXTURES, name))).rejects.toMatchObject({ code: 'backup.not_empty' });
    const r = await restoreFrom(h, path.join(FIXTURES, name), { force: true });
    expect(r.tables).toEqual(fx.end.tables);
    expect(await repo.appliedMigrations(h.db)).toEqual(code);
  });
});

describe('restoring an older level into a database that is empty or behind', () => {
  const newest = fixtures.at(-1)!;
  let h: DbHandle;
  beforeAll(async () => {
    h = await openEmptyDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('migrate() stops at the migration asked for', async () => {
    expect(await migrate(h, { upTo: code[0] })).toEqual([code[0]]);
    expect(await repo.appliedMigrations(h.db)).toEqual([code[0]]);
    await expect(migrate(h, { upTo: '0000_none.sql' })).rejects.toThrow(/no migration 0000_none\.sql/);
  });

  it('restores and brings the database to the code\'s level', async () => {
    const fx = await readFixture(path.join(FIXTURES, newest));
    await restoreFrom(h, path.join(FIXTURES, newest));
    expect(await repo.appliedMigrations(h.db)).toEqual(code);
    await expectEveryRow(h, fx);
  });

  it('refuses a backup claiming migrations the code does not have, or lacking one, changing nothing', async () => {
    const fx = await readFixture(path.join(FIXTURES, newest));
    const withHeader = async (file: string, migrations: string[]) => {
      await writeFile(path.join(dir, file), [JSON.stringify({ ...fx.header, migrations }), ...fx.lines.slice(1)].join('\n'));
      return path.join(dir, file);
    };
    const before = await h.query('SELECT id, slug, name FROM tenants ORDER BY id');
    const had = fx.header.migrations;

    const newer = await withHeader('newer.jsonl', [...code, '9999_future.sql']);
    await expect(restoreFrom(h, newer, { force: true })).rejects.toMatchObject({
      code: 'backup.newer_version', status: 409, details: { unknown: ['9999_future.sql'] },
    });
    const foreign = await withHeader('foreign.jsonl', [...had.slice(0, 1), '0001_zz_foreign.sql', ...had.slice(1)]);
    await expect(restoreFrom(h, foreign, { force: true })).rejects.toMatchObject({
      code: 'backup.migrations_mismatch', status: 409, details: { unknown: ['0001_zz_foreign.sql'], missing: [] },
    });
    const gap = await withHeader('gap.jsonl', [had[0], ...had.slice(2)]);
    await expect(restoreFrom(h, gap, { force: true })).rejects.toMatchObject({
      code: 'backup.migrations_mismatch', details: { unknown: [], missing: [had[1]] },
    });

    // A damaged compressed file fails while its rows are read, after the schema was dropped: all rolled back.
    const bytes = await readFile(path.join(FIXTURES, newest));
    if (newest.endsWith('.gz')) {
      await writeFile(path.join(dir, 'cut.jsonl.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      await expect(restoreFrom(h, path.join(dir, 'cut.jsonl.gz'), { force: true })).rejects.toMatchObject({ code: 'backup.bad_file' });
    }
    expect(await h.query('SELECT id, slug, name FROM tenants ORDER BY id')).toEqual(before);
    expect(await repo.appliedMigrations(h.db)).toEqual(code);
  });
});

describe('planRestore', () => {
  const code = ['0001_a.sql', '0002_b.sql', '0003_c.sql'];
  it('accepts the code\'s level or an older one, listing what is left to apply', () => {
    expect(planRestore(code, code)).toEqual({ level: '0003_c.sql', pending: [] });
    expect(planRestore(['0002_b.sql', '0001_a.sql'], code)).toEqual({ level: '0002_b.sql', pending: ['0003_c.sql'] });
  });
  it('refuses a newer backup, a foreign set of migrations and an empty list', () => {
    expect(() => planRestore([...code, '0004_d.sql'], code)).toThrow(expect.objectContaining({
      code: 'backup.newer_version', details: { level: '0004_d.sql', codeLevel: '0003_c.sql', unknown: ['0004_d.sql'] },
    }));
    expect(() => planRestore(['0001_a.sql', '0002_x.sql'], code)).toThrow(expect.objectContaining({
      code: 'backup.migrations_mismatch', details: { unknown: ['0002_x.sql'], missing: ['0002_b.sql'] },
    }));
    expect(() => planRestore(['0001_a.sql', '0003_c.sql'], code)).toThrow(expect.objectContaining({
      code: 'backup.migrations_mismatch', details: { unknown: [], missing: ['0002_b.sql'] },
    }));
    expect(() => planRestore([], code)).toThrow(expect.objectContaining({ code: 'backup.bad_file' }));
  });
});
