/**
 * Backup and restore across engines: the demo data seeded into PGlite, backed up, restored into PostgreSQL (or a
 * second PGlite when DATABASE_URL is not set), backed up again — every row of every table must come back the
 * same, and the data must work (logins, the audit sequence) — then forced back into the PGlite source.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb, type DbHandle } from '../../db/client.ts';
import { prepareDatabase } from '../index.ts';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed.ts';
import { buildApp } from '../../http/app.ts';
import { login, openTestDb } from '../../testing/harness.ts';
import { openDemoDb } from '../../testing/demo.ts';
import { AppError } from '../../errors.ts';
import { backupTo, restoreFrom, tablesInDependencyOrder, type EndLine } from './backup.service.ts';

const onPostgres = inject('dbTemplate').kind === 'postgres';

/** A PGlite database with the demo seed: the run's shared demo, or seeded here when the run is on PostgreSQL. */
async function openDemoPglite(): Promise<DbHandle> {
  if (!onPostgres) return openDemoDb();
  const h = await openDb();
  await prepareDatabase(h);
  const seeded = await seedDemo(h);
  expect(seeded.created).toBe(true);
  return h;
}

interface ParsedBackup {
  header: Record<string, unknown>;
  /** Table name → its row lines, in file order. */
  tables: Map<string, string[]>;
  end: EndLine;
}

async function parseBackup(file: string): Promise<ParsedBackup> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '');
  const header = JSON.parse(lines[0]);
  const tables = new Map<string, string[]>();
  let current: string[] | null = null;
  let end: EndLine | null = null;
  for (const line of lines.slice(1)) {
    if (line.startsWith('[')) {
      current!.push(line);
      continue;
    }
    const v = JSON.parse(line);
    if (v.khcn === 'table') tables.set(v.name, (current = []));
    else end = v;
  }
  return { header, tables, end: end! };
}

const checksums = (b: ParsedBackup) => Object.fromEntries([...b.tables].map(([name, rows]) => [
  name, { rows: rows.length, sha256: createHash('sha256').update(rows.map((r) => `${r}\n`).join('')).digest('hex') },
]));

const BIG_ID = '9007199254740993'; // 2^53 + 1: not representable as a JavaScript number
const TRICKY_AUDIT = `INSERT INTO audit_log (id, at, action, entity, entity_id, after) VALUES (${BIG_ID},
  '2025-07-01 08:30:00.123456+07', 'import', 'organization', 'x',
  '{"amount": 1625000000.50, "big": 12345678901234567890, "ratio": 0.1, "text": "Sở KH&CN – \\"trích\\"\\n"}')`;
const readTricky = (h: DbHandle) => h.query<{ id: string; at: string; after: string }>(
  `SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS at, after::text AS after
   FROM audit_log WHERE id = ${BIG_ID}`);

let dir: string;
let source: DbHandle;
let target: DbHandle;
let first: ParsedBackup;
let second: ParsedBackup;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'khcn-backup-'));
  source = await openDemoPglite();
  target = await openTestDb();
  await source.exec(TRICKY_AUDIT);
  await backupTo(source, path.join(dir, 'first.jsonl'));
  first = await parseBackup(path.join(dir, 'first.jsonl'));
  await restoreFrom(target, path.join(dir, 'first.jsonl'));
  await backupTo(target, path.join(dir, 'second.jsonl'));
  second = await parseBackup(path.join(dir, 'second.jsonl'));
}, 300_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  await rm(dir, { recursive: true, force: true });
});

describe(`backup and restore, PGlite → ${onPostgres ? 'PostgreSQL' : 'PGlite'} → PGlite`, () => {
  it('writes a header with the applied migrations and the source engine', () => {
    expect(first.header).toMatchObject({ khcn: 'backup', format: 1, engine: 'pglite' });
    expect(first.header.migrations).toContain('0001_core.sql');
    expect(second.header.engine).toBe(target.engine);
    expect(second.header.migrations).toEqual(first.header.migrations);
  });

  it('comes back with every row of every table identical (per-table checksums)', () => {
    expect([...second.tables.keys()]).toEqual([...first.tables.keys()]);
    expect(checksums(second)).toEqual(checksums(first));
    expect(checksums(first)).toEqual(first.end.tables);
    for (const [name, rows] of first.tables) expect(second.tables.get(name), name).toEqual(rows);
    expect(second.end).toEqual(first.end);
    // The demo data is really there: three provinces, their accounts, the reference data.
    expect(first.tables.get('tenants')).toHaveLength(3);
    expect(first.tables.get('users')!.length).toBeGreaterThanOrEqual(8);
    expect(first.tables.get('admin_units')!.length).toBeGreaterThan(10_000);
  });

  it('keeps bigint ids, microsecond timestamps, -infinity dates and jsonb numbers exactly', async () => {
    const [before] = await readTricky(source);
    expect(before).toEqual({
      id: BIG_ID, at: '2025-07-01 01:30:00.123456',
      after: '{"big": 12345678901234567890, "text": "Sở KH&CN – \\"trích\\"\\n", "ratio": 0.1, "amount": 1625000000.50}',
    });
    expect(await readTricky(target)).toEqual([before]);
    const infinite = `SELECT count(*)::int AS n FROM admin_units WHERE valid_from = '-infinity'`;
    expect(await target.query(infinite)).toEqual(await source.query(infinite));
  });

  it('lists a self-referencing table parents first (administrative units)', () => {
    const seen = new Set<string>();
    for (const line of first.tables.get('admin_units')!) {
      const [id, , , , , parentId] = JSON.parse(line) as (string | null)[];
      if (parentId) expect(seen.has(parentId)).toBe(true);
      seen.add(id!);
    }
  });

  it('restores working data: demo logins and the audit sequence continue where they were', async () => {
    const app = await buildApp({ dbHandle: target, webDir: null, loginAttemptsPerMinute: 1000 });
    try {
      const headers = await login(app, 'canbo', DEMO_PASSWORD);
      const orgs = await app.inject({ method: 'GET', url: '/api/organizations?q=co%20khi%20long%20an', headers });
      expect(orgs.json().items.map((o: { name: string }) => o.name)).toContain('Công ty Cổ phần Cơ Khí chế tạo máy Long An');
    } finally {
      await app.close();
    }
    const seq = first.end.sequences.audit_log_id_seq;
    const [{ id }] = await target.query<{ id: string }>(`SELECT max(id)::text AS id FROM audit_log WHERE id < ${BIG_ID}`);
    expect(BigInt(id)).toBe(BigInt(seq.lastValue) + 1n); // the login's audit entry took the next id
  });

  it('refuses a database that has tenants unless forced', async () => {
    const err = await restoreFrom(target, path.join(dir, 'first.jsonl')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'backup.not_empty', status: 409 });
  });

  it('refuses a newer level and damaged files, changing nothing', async () => {
    await backupTo(target, path.join(dir, 'before-failures.jsonl'));
    const text = await readFile(path.join(dir, 'first.jsonl'), 'utf8');
    const lines = text.split('\n');
    const header = JSON.parse(lines[0]);
    const other = path.join(dir, 'other.jsonl');
    await writeFile(other, [JSON.stringify({ ...header, migrations: [...header.migrations, '9999_future.sql'] }), ...lines.slice(1)].join('\n'));
    await expect(restoreFrom(target, other, { force: true })).rejects.toMatchObject({
      code: 'backup.newer_version', details: { unknown: ['9999_future.sql'] },
    });

    const damaged = path.join(dir, 'damaged.jsonl');
    const i = lines.findIndex((l) => l.includes('Hợp tác xã Bến Bà Chi'));
    await writeFile(damaged, [...lines.slice(0, i), lines[i].replace('Bến Bà Chi', 'Bến Bà Chì'), ...lines.slice(i + 1)].join('\n'));
    await expect(restoreFrom(target, damaged, { force: true })).rejects.toMatchObject({
      code: 'backup.bad_file', details: { table: 'organizations' },
    });

    const truncated = path.join(dir, 'truncated.jsonl');
    await writeFile(truncated, lines.slice(0, Math.floor(lines.length / 2)).join('\n'));
    await expect(restoreFrom(target, truncated, { force: true })).rejects.toMatchObject({ code: 'backup.bad_file' });

    await writeFile(path.join(dir, 'junk.jsonl'), 'not a backup\n');
    await expect(restoreFrom(target, path.join(dir, 'junk.jsonl'), { force: true })).rejects.toMatchObject({ code: 'backup.bad_file' });

    // All or nothing: the failed restores left the database as it was.
    await backupTo(target, path.join(dir, 'after-failures.jsonl'));
    const [before, after] = [await parseBackup(path.join(dir, 'before-failures.jsonl')), await parseBackup(path.join(dir, 'after-failures.jsonl'))];
    expect(after.end).toEqual(before.end);
  });

  it('goes back into PGlite with --force, replacing what is there', async () => {
    await source.exec(`INSERT INTO tenants (slug, name) VALUES ('extra', 'Không có trong bản sao lưu')`);
    const result = await restoreFrom(source, path.join(dir, 'second.jsonl'), { force: true });
    expect(result.tables).toEqual(first.end.tables);
    await backupTo(source, path.join(dir, 'third.jsonl'));
    const third = await parseBackup(path.join(dir, 'third.jsonl'));
    expect(checksums(third)).toEqual(checksums(first));
    expect(third.end).toEqual(first.end);
  });

  it('writes and reads a gzip-compressed file when the name ends in .gz', async () => {
    const [plain, gz] = [path.join(dir, 'fourth.jsonl'), path.join(dir, 'fourth.jsonl.gz')];
    await backupTo(target, plain);
    await backupTo(target, gz);
    const lines = async (text: Promise<string>) => (await text).split('\n').slice(1); // the header's time differs
    expect(await lines(readFile(gz).then((b) => gunzipSync(b).toString('utf8')))).toEqual(await lines(readFile(plain, 'utf8')));
    const result = await restoreFrom(target, gz, { force: true });
    expect(result.tables).toEqual((await parseBackup(plain)).end.tables);
  });
});

describe('table order', () => {
  it('puts parents before children, ties by name, and ignores self-references', () => {
    const fk = (child: string, parent: string) => ({ name: `${child}_${parent}`, child, parent, childColumns: ['x'], parentColumns: ['id'] });
    expect(tablesInDependencyOrder(['users', 'tenants', 'audit_log', 'admin_units'], [
      fk('users', 'tenants'), fk('audit_log', 'users'), fk('audit_log', 'tenants'), fk('tenants', 'admin_units'), fk('admin_units', 'admin_units'),
    ])).toEqual(['admin_units', 'tenants', 'users', 'audit_log']);
    expect(() => tablesInDependencyOrder(['a', 'b'], [fk('a', 'b'), fk('b', 'a')])).toThrow(/cycle/);
  });
});
