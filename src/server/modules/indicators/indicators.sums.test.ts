/**
 * The pre-summed values behind the dashboard (indicator_sums, migration 0059): after single entries, an update, a
 * delete, an Excel import, a district's own figure and a change of aggregation, the dashboard read from the sums
 * gives the figures computed straight from indicator_values — summed in SQL here, and rolled up one value at a time
 * by the figure endpoint — on the boundaries before and after the merger and as reported; the stored groups equal
 * those computed afresh; a rebuild from scratch, a succession added after the values, a restored backup and the
 * restore of a backup made before 0059 all give the same answers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { buildUser, login, openTestDb, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { backupTo, restoreFrom } from '../backup/backup.service.ts';
import { rebuildIndicatorSums, refreshIndicatorSums } from './indicators.service.ts';

/** A restore rebuilds the schema and loads every row (reference data too): tens of seconds on a busy machine. */
const RESTORE_TIMEOUT = 240_000;

let env: TestEnv;
let officer: AuthHeaders;
let leader: AuthHeaders;
const u = { tayNinh: '', longAn: '', oldTayNinh: '', la: [] as string[], ot: [] as string[], nt: [] as string[], laDistrict: '' };
const ind = { sum: { id: '', code: 'SUM_A', version: 1 }, avg: { id: '', code: 'AVG_A', version: 1 } };

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: AuthHeaders, payload?: object) =>
  env.app.inject({ method, url, headers, payload });
const ids = async (h: DbHandle, sql: string, params: unknown[] = []) => (await h.query<{ id: string }>(sql, params)).map((r) => r.id);

async function ok(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers = officer) {
  const res = await send(method, url, headers, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.statusCode === 204 ? null : res.json();
}
const enter = (id: string, period: string, adminUnitId: string, value: number) =>
  ok('POST', `/api/indicators/${id}/values`, { period, adminUnitId, value, source: 'Báo cáo thống kê' }) as Promise<{ id: string; version: number }>;

/** The sum / average of the values of units at or under `roots` (communes, districts, provinces), from the table. */
async function straight(h: DbHandle, indicatorId: string, year: number, roots: readonly string[]) {
  const [r] = await h.query<{ sum: number | null; avg: number | null }>(`SELECT sum(v.value) AS sum, avg(v.value) AS avg
    FROM indicator_values v JOIN admin_units c ON c.id = v.admin_unit_id LEFT JOIN admin_units d ON d.id = c.parent_id
    WHERE v.indicator_id = $1 AND v.period_year = $2 AND (c.id = ANY($3::uuid[]) OR c.parent_id = ANY($3::uuid[]) OR d.parent_id = ANY($3::uuid[]))`,
  [indicatorId, year, roots]);
  return { sum: r.sum === null ? null : Number(r.sum), avg: r.avg === null ? null : Number(r.avg) };
}

/** The queries checked: year, boundaries date, view, unit; and the units whose values they cover. */
const cases = () => [
  { year: 2024, asOf: '2026-01-01', view: 'current', unit: null, roots: [u.longAn, u.oldTayNinh, u.tayNinh] },
  { year: 2024, asOf: '2024-12-31', view: 'current', unit: null, roots: [u.longAn, u.oldTayNinh] },
  { year: 2024, asOf: '2024-12-31', view: 'current', unit: u.longAn, roots: [u.longAn] },
  { year: 2024, asOf: '2026-01-01', view: 'as_reported', unit: u.longAn, roots: [u.longAn] },
  { year: 2024, asOf: '2026-01-01', view: 'as_reported', unit: null, roots: [u.tayNinh] },
  { year: 2025, asOf: '2026-01-01', view: 'current', unit: null, roots: [u.tayNinh] },
  { year: 2025, asOf: '2024-12-31', view: 'as_reported', unit: null, roots: [u.tayNinh] },
  { year: 2025, asOf: '2024-12-31', view: 'current', unit: null, roots: [u.longAn, u.oldTayNinh] },
] as const;

const qs = (c: { year: number; asOf: string; view: string; unit: string | null }) =>
  `year=${c.year}&asOf=${c.asOf}&view=${c.view}${c.unit ? `&adminUnitId=${c.unit}` : ''}`;

async function dashboard(app: TestEnv['app'], headers: AuthHeaders, q: string) {
  const res = await app.inject({ method: 'GET', url: `/api/indicators/dashboard?${q}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json().rows as { code: string; actual: number | null }[]).map((r) => [r.code, r.actual]));
}

/** The figure rolled up from the values one by one (no sums read). */
async function figure(app: TestEnv['app'], headers: AuthHeaders, id: string, q: string): Promise<number | null> {
  const res = await app.inject({ method: 'GET', url: `/api/indicators/${id}/figure?${q}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().actual;
}

/** Equal figures, both absent or within rounding (sums of a group and of its values one by one). */
function expectSame(got: number | null | undefined, want: number | null, what: string) {
  if (want === null) expect(got, what).toBeNull();
  else expect(got, what).toBeCloseTo(want, 6);
}

/** Every case: the dashboard equals the sum (and average) straight from the table and the one-by-one figure. */
async function expectDashboardStraight() {
  for (const c of cases()) {
    const d = await dashboard(env.app, leader, qs(c));
    const { sum } = await straight(env.h, ind.sum.id, c.year, c.roots);
    const { avg } = await straight(env.h, ind.avg.id, c.year, c.roots);
    expect(d.get(ind.sum.code), `sum ${qs(c)}`).toBe(sum);
    expectSame(d.get(ind.avg.code), avg, `average ${qs(c)}`);
    expect(await figure(env.app, leader, ind.sum.id, qs(c)), `figure ${qs(c)}`).toBe(sum);
  }
}

/** The rows the sums table holds for the tenant, minus those computed afresh from indicator_values, both ways. */
async function sumsDiff(h: DbHandle, tenantId: string) {
  const [r] = await h.query<{ stored: number; extra: number; missing: number }>(`WITH p AS (
      SELECT array_agg(indicator_id) AS i, array_agg(period) AS p
      FROM (SELECT DISTINCT indicator_id, period FROM indicator_values WHERE tenant_id = $1) x),
    fresh AS (SELECT r.* FROM p CROSS JOIN LATERAL indicator_sums_rows(p.i, p.p) r),
    stored AS (SELECT * FROM indicator_sums WHERE tenant_id = $1)
    SELECT (SELECT count(*) FROM stored)::int AS stored,
      (SELECT count(*) FROM (SELECT * FROM stored EXCEPT ALL SELECT * FROM fresh) a)::int AS extra,
      (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT ALL SELECT * FROM stored) b)::int AS missing`, [tenantId]);
  return r;
}

async function expectSumsFresh(h = env.h, tenantId = env.tenantId) {
  const d = await sumsDiff(h, tenantId);
  expect(d.stored).toBeGreaterThan(0);
  expect({ extra: d.extra, missing: d.missing }).toEqual({ extra: 0, missing: 0 });
}

let dir: string;
beforeAll(async () => {
  env = await testEnv();
  dir = await mkdtemp(path.join(tmpdir(), 'khcn-sums-'));
  [u.tayNinh] = await ids(env.h, `SELECT id FROM admin_units WHERE level = 'province' AND code = '80' AND valid_to IS NULL`);
  [u.longAn] = await ids(env.h, `SELECT id FROM admin_units WHERE level = 'province' AND code = '80' AND valid_to = '2025-06-30'`);
  [u.oldTayNinh] = await ids(env.h, `SELECT id FROM admin_units WHERE level = 'province' AND code = '72' AND valid_to = '2025-06-30'`);
  // Communes of two districts of Long An, two of old Tây Ninh, two of the new Tây Ninh.
  const oldCommunes = (province: string) => ids(env.h, `SELECT c.id FROM admin_units c JOIN admin_units d ON d.id = c.parent_id
    WHERE d.parent_id = $1 ORDER BY d.sort_key COLLATE "C", c.sort_key COLLATE "C"`, [province]);
  const la = await oldCommunes(u.longAn);
  const district = async (c: string) => (await ids(env.h, 'SELECT parent_id AS id FROM admin_units WHERE id = $1', [c]))[0];
  const other = [];
  for (const c of la) if ((await district(c)) !== (await district(la[0]))) { other.push(c); break; }
  u.la = [la[0], la[1], other[0]];
  u.laDistrict = await district(la[0]);
  u.ot = (await oldCommunes(u.oldTayNinh)).slice(0, 2);
  u.nt = await ids(env.h, `SELECT id FROM admin_units WHERE parent_id = $1 ORDER BY sort_key COLLATE "C" LIMIT 2`, [u.tayNinh]);
  await env.h.query('UPDATE tenants SET province_unit_id = $1 WHERE id = $2', [u.tayNinh, env.tenantId]);
  officer = await env.as('dost_officer');
  leader = await env.as('leader');
  for (const [k, aggregation] of [['sum', 'sum'], ['avg', 'average']] as const) {
    const r = await ok('POST', '/api/indicators', {
      code: ind[k].code, name: { vi: 'Chỉ số thử', en: 'Test indicator' }, unit: 'người', direction: 'increase', aggregation,
    });
    ind[k] = { id: r.id, code: r.code, version: r.version };
  }
});
afterAll(async () => {
  await env.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the pre-summed values behind the dashboard', () => {
  const entered: Record<string, { id: string; version: number }> = {};

  it('sums single entries into Tây Ninh on the new boundaries and keeps them apart before the merger and as reported', async () => {
    const values: [string, string, number][] = [
      ['2024', u.la[0], 10], ['2024', u.la[1], 20], ['2024', u.la[2], 30], ['2024', u.ot[0], 5], ['2024', u.ot[1], 7],
      ['2025', u.nt[0], 100], ['2025', u.nt[1], 200],
    ];
    for (const [period, unit, v] of values) {
      entered[`sum|${period}|${unit}`] = await enter(ind.sum.id, period, unit, v);
      entered[`avg|${period}|${unit}`] = await enter(ind.avg.id, period, unit, v * 2);
    }
    // Known sums: 72 in the new Tây Ninh for 2024, 60 of them Long An's; 300 for 2025.
    const d = await dashboard(env.app, leader, 'year=2024&asOf=2026-01-01&view=current');
    expect(d.get(ind.sum.code)).toBe(72);
    expect(d.get(ind.avg.code)).toBeCloseTo(144 / 5, 9);
    expect((await dashboard(env.app, leader, `year=2024&asOf=2024-12-31&view=current&adminUnitId=${u.longAn}`)).get(ind.sum.code)).toBe(60);
    expect((await dashboard(env.app, leader, 'year=2024&asOf=2026-01-01&view=as_reported')).get(ind.sum.code)).toBeNull();
    expect((await dashboard(env.app, leader, 'year=2025&asOf=2026-01-01&view=current')).get(ind.sum.code)).toBe(300);
    await expectDashboardStraight();
    await expectSumsFresh();
  });

  it('follows an update and a delete in the same transaction as the write', async () => {
    const a = entered[`sum|2024|${u.la[0]}`];
    await ok('PUT', `/api/indicators/${ind.sum.id}/values/${a.id}`, { value: 15, source: 'Báo cáo sửa', version: a.version });
    const b = entered[`sum|2024|${u.ot[1]}`];
    await ok('DELETE', `/api/indicators/${ind.sum.id}/values/${b.id}?version=${b.version}`);
    const c = entered[`avg|2025|${u.nt[1]}`];
    await ok('DELETE', `/api/indicators/${ind.avg.id}/values/${c.id}?version=${c.version}`);
    expect((await dashboard(env.app, leader, 'year=2024&asOf=2026-01-01&view=current')).get(ind.sum.code)).toBe(70);
    expect((await dashboard(env.app, leader, `year=2024&asOf=2026-01-01&view=as_reported&adminUnitId=${u.longAn}`)).get(ind.sum.code)).toBe(65);
    await expectDashboardStraight();
    await expectSumsFresh();
  });

  it('follows an Excel import of a commune\'s template', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/indicators/values/template.xlsx?period=2024&adminUnitId=${u.ot[1]}`, headers: officer });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Số liệu')!;
    for (let r = 6; r <= ws.rowCount; r++) {
      const code = ws.getRow(r).getCell(1).value;
      if (code === ind.sum.code || code === ind.avg.code) {
        ws.getRow(r).getCell(4).value = code === ind.sum.code ? 9 : 40;
        ws.getRow(r).getCell(5).value = 'Biểu của xã';
      }
    }
    const boundary = '----khcn-sums';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="so-lieu.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      Buffer.from(await wb.xlsx.writeBuffer()), Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await env.app.inject({ method: 'POST', url: '/api/indicators/values/upload', headers: { ...officer, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    expect(up.statusCode, up.body).toBe(200);
    // old Tây Ninh had 5 (and 7, deleted): now 5 + 9, and the average's 10 + 14 (entered) and 40 (imported).
    expect((await dashboard(env.app, leader, `year=2024&asOf=2024-12-31&view=current&adminUnitId=${u.oldTayNinh}`)).get(ind.sum.code)).toBe(14);
    expect((await dashboard(env.app, leader, 'year=2024&asOf=2026-01-01&view=current')).get(ind.sum.code)).toBe(79);
    await expectDashboardStraight();
    await expectSumsFresh();
  });

  it("lets a district's own figure replace its communes' only, as one by one", async () => {
    const own = await enter(ind.sum.id, '2024', u.laDistrict, 1000);
    for (const q of ['year=2024&asOf=2026-01-01&view=current', 'year=2024&asOf=2024-12-31&view=current',
      `year=2024&asOf=2026-01-01&view=as_reported&adminUnitId=${u.longAn}`, `year=2024&asOf=2026-01-01&view=current&adminUnitId=${u.la[0]}`]) {
      const d = await dashboard(env.app, leader, q);
      expectSame(d.get(ind.sum.code), await figure(env.app, leader, ind.sum.id, q), q);
    }
    // Long An's district replaces its two communes (15 + 20); the other district's commune (30) and old Tây Ninh's
    // 14 still count.
    expect((await dashboard(env.app, leader, 'year=2024&asOf=2026-01-01&view=current')).get(ind.sum.code)).toBe(1000 + 30 + 14);
    await expectSumsFresh();
    await ok('DELETE', `/api/indicators/${ind.sum.id}/values/${own.id}?version=${own.version}`);
    await expectDashboardStraight();
    await expectSumsFresh();
  });

  it('regroups every value of an indicator whose aggregation changes', async () => {
    const put = (aggregation: string) => ok('PUT', `/api/indicators/${ind.avg.id}`, {
      code: ind.avg.code, name: { vi: 'Chỉ số thử', en: 'Test indicator' }, unit: 'người', direction: 'increase', aggregation, version: ind.avg.version,
    }).then((r: { version: number }) => { ind.avg.version = r.version; });
    await put('none');
    expect((await dashboard(env.app, leader, 'year=2024&asOf=2026-01-01&view=current')).get(ind.avg.code)).toBeNull();
    await expectSumsFresh();
    await put('average');
    await expectDashboardStraight();
    await expectSumsFresh();
  });

  it('computes the same groups again from scratch', async () => {
    const before = await Promise.all(cases().map((c) => dashboard(env.app, leader, qs(c))));
    await env.h.query('DELETE FROM indicator_sums WHERE tenant_id = $1', [env.tenantId]);
    expect((await dashboard(env.app, leader, 'year=2024&asOf=2026-01-01&view=current')).get(ind.sum.code)).toBeNull();
    expect(await rebuildIndicatorSums(env.h.db, env.tenantId)).toBeGreaterThan(0);
    await expectSumsFresh();
    expect(await Promise.all(cases().map((c) => dashboard(env.app, leader, qs(c))))).toEqual(before);
  });

  it('regroups the values when a succession is added after them (the reference loader compares the unit graph)', async () => {
    // A commune of the new Tây Ninh that reported 2025 ends on 31/12/2026 and goes into a new one.
    const [next] = await ids(env.h, `INSERT INTO admin_units (level, code, name, parent_id, valid_from, search_text, sort_key)
      VALUES ('commune', NULL, 'Xã Thử Nghiệm', $1, '2027-01-01', 'xa thu nghiem', 'xa thu nghiem') RETURNING id`, [u.tayNinh]);
    await env.h.query(`UPDATE admin_units SET valid_to = '2026-12-31' WHERE id = $1`, [u.nt[1]]);
    await env.h.query(`INSERT INTO admin_unit_successions (predecessor_id, successor_id, effective_on, legal_basis)
      VALUES ($1, $2, '2027-01-01', 'Nghị quyết thử')`, [u.nt[1], next]);
    const stale = await sumsDiff(env.h, env.tenantId);
    expect(stale.extra + stale.missing).toBeGreaterThan(0);
    await refreshIndicatorSums(env.h);
    await expectSumsFresh();
    const [{ n }] = await env.h.query<{ n: number }>(`SELECT count(*)::int AS n FROM indicator_sums
      WHERE indicator_id = $1 AND period = '2025' AND era_from = '2027-01-01'`, [ind.sum.id]);
    expect(n).toBeGreaterThan(0);
    const after = (await straight(env.h, ind.sum.id, 2025, [u.tayNinh])).sum;
    expect((await dashboard(env.app, leader, 'year=2025&asOf=2027-06-01&view=current')).get(ind.sum.code)).toBe(after);
  });

  it('answers the same dashboard from a restored backup', async () => {
    const file = path.join(dir, 'sums.jsonl');
    await backupTo(env.h, file);
    const h = await openTestDb();
    try {
      await restoreFrom(h, file);
      await expectSumsFresh(h);
      const app = await buildApp({ dbHandle: h, webDir: null, loginAttemptsPerMinute: 1000 });
      try {
        const reader = await buildUser(h, { tenantId: env.tenantId, role: 'leader' });
        const headers = await login(app, reader.username);
        for (const c of cases()) expect(await dashboard(app, headers, qs(c)), qs(c)).toEqual(await dashboard(env.app, leader, qs(c)));
      } finally {
        await app.close();
      }
    } finally {
      await h.close();
    }
  }, RESTORE_TIMEOUT);
});

describe('a backup made before the sums existed (0058)', () => {
  it('is restored with its values summed by the migration, and the demo plan reads the same as one by one', async () => {
    const fixture = fileURLToPath(new URL('../../../../test/fixtures/backups/0058_account_requests.jsonl.gz', import.meta.url));
    const h = await openTestDb();
    try {
      const r = await restoreFrom(h, fixture);
      expect(r.migrated).toContain('0059_indicator_sums.sql');
      const [tayNinh] = await ids(h, `SELECT id FROM tenants WHERE slug = 'tay-ninh'`);
      await expectSumsFresh(h, tayNinh);
      const app = await buildApp({ dbHandle: h, webDir: null, loginAttemptsPerMinute: 1000 });
      try {
        const headers = await login(app, 'canbo', 'khcn-demo-2026');
        const entered = await h.query<{ id: string; code: string }>(`SELECT i.id, i.code FROM indicators i
          WHERE i.tenant_id = $1 AND i.formula IS NULL AND EXISTS (SELECT 1 FROM indicator_values v WHERE v.indicator_id = i.id)`, [tayNinh]);
        expect(entered.length).toBeGreaterThan(0);
        for (const q of ['year=2024&asOf=2026-01-01&view=current', 'year=2024&asOf=2024-12-31&view=current',
          'year=2024&asOf=2026-01-01&view=as_reported', 'year=2025&asOf=2026-01-01&view=current']) {
          const d = await dashboard(app, headers, q);
          for (const i of entered) expectSame(d.get(i.code), await figure(app, headers, i.id, q), `${i.code} ${q}`);
        }
      } finally {
        await app.close();
      }
    } finally {
      await h.close();
    }
  }, RESTORE_TIMEOUT);
});
