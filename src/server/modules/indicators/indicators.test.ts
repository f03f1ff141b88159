/**
 * Indicators through the real app and database: definitions, targets and values (versioned, with their policy),
 * the roll-up on the boundaries of a date (Long An's pre-merger values summed into Tây Ninh) and as reported, a
 * ratio recomputed from its rolled-up components, a unit officer's own unit only, the Excel template (every cell
 * checked, all or nothing), the TFP calculator over entered series, and the indicators of a plan item.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, login, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let officer: AuthHeaders;
let leader: AuthHeaders;
let applicant: AuthHeaders;
let commune: AuthHeaders;
const u = { tayNinh: '', longAn: '', oldTayNinh: '', communeA: '', communeB: '', oldCommune: '' };

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: AuthHeaders, payload?: object) =>
  env.app.inject({ method, url, headers, payload });
const one = async (sql: string, params: unknown[] = []) => (await env.h.query<{ id: string }>(sql, params))[0].id;

async function ok(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = officer) {
  const res = await send(method, url, headers, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

let n = 0;
async function indicator(o: Record<string, unknown>) {
  return ok('POST', '/api/indicators', {
    code: `T${n++}`, name: { vi: 'Chỉ số thử', en: 'Test indicator' }, unit: 'người', direction: 'increase', ...o,
  }) as Promise<{ id: string; code: string; version: number }>;
}
const value = (id: string, period: string, adminUnitId: string, v: number, headers = officer) =>
  send('POST', `/api/indicators/${id}/values`, headers, { period, adminUnitId, value: v, source: 'Cục Thống kê, Niên giám' });

beforeAll(async () => {
  env = await testEnv();
  u.tayNinh = await one(`SELECT id FROM admin_units WHERE level = 'province' AND code = '80' AND valid_to IS NULL`);
  u.longAn = await one(`SELECT id FROM admin_units WHERE level = 'province' AND code = '80' AND valid_to = '2025-06-30'`);
  u.oldTayNinh = await one(`SELECT id FROM admin_units WHERE level = 'province' AND code = '72' AND valid_to = '2025-06-30'`);
  [u.communeA, u.communeB] = (await env.h.query<{ id: string }>(
    `SELECT id FROM admin_units WHERE parent_id = $1 ORDER BY sort_key COLLATE "C" LIMIT 2`, [u.tayNinh])).map((r) => r.id);
  u.oldCommune = await one(`SELECT c.id FROM admin_units c JOIN admin_units d ON d.id = c.parent_id WHERE d.parent_id = $1 LIMIT 1`, [u.longAn]);
  await env.h.query('UPDATE tenants SET province_unit_id = $1 WHERE id = $2', [u.tayNinh, env.tenantId]);
  officer = await env.as('dost_officer');
  leader = await env.as('leader');
  applicant = await env.as('applicant');
  const user = await buildUser(env.h, { tenantId: env.tenantId, role: 'unit_officer' });
  await env.h.query('UPDATE users SET admin_unit_id = $1 WHERE id = $2', [u.communeA, user.id]);
  commune = await login(env.app, user.username);
});
afterAll(() => env.close());

describe('indicators, targets and values', () => {
  it('creates an indicator, refuses a stale version (409) and a duplicate code (409)', async () => {
    const ind = await indicator({});
    const stale = await send('PUT', `/api/indicators/${ind.id}`, officer, {
      code: ind.code, name: { vi: 'Đổi tên', en: 'Renamed' }, unit: 'người', direction: 'increase', version: ind.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('common.version_conflict');
    const dup = await send('POST', '/api/indicators', officer, { code: ind.code, name: { vi: 'a', en: 'a' }, unit: 'x', direction: 'increase' });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses a formula over an unregistered source, and leaders and applicants cannot create', async () => {
    const bad = await send('POST', '/api/indicators', officer, { code: 'BAD1', name: { vi: 'a', en: 'a' }, unit: 'x', direction: 'increase', formula: { source: 'nope', params: {} } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('body.formula.source');
    const body = { code: 'NOPE1', name: { vi: 'a', en: 'a' }, unit: 'x', direction: 'increase' };
    expect((await send('POST', '/api/indicators', leader, body)).statusCode).toBe(403);
    expect((await send('GET', '/api/indicators', applicant)).statusCode).toBe(403);
  });

  it('takes targets as a value, a range or at least, and refuses an incomplete or inverted one', async () => {
    const ind = await indicator({});
    await ok('POST', `/api/indicators/${ind.id}/targets`, { year: 2025, kind: 'range', min: 1.2, max: 1.5 });
    await ok('POST', `/api/indicators/${ind.id}/targets`, { year: 2030, kind: 'at_least', min: 100 });
    const inverted = await send('POST', `/api/indicators/${ind.id}/targets`, officer, { year: 2026, kind: 'range', min: 3, max: 1 });
    expect(inverted.statusCode).toBe(400);
    const missing = await send('POST', `/api/indicators/${ind.id}/targets`, officer, { year: 2027, kind: 'value' });
    expect(missing.statusCode).toBe(400);
    const again = await send('POST', `/api/indicators/${ind.id}/targets`, officer, { year: 2025, kind: 'value', value: 1 });
    expect(again.statusCode).toBe(409);
    const list = await ok('GET', `/api/indicators/${ind.id}/targets`);
    expect(list.items.map((t: { year: number; kind: string }) => [t.year, t.kind])).toEqual([[2025, 'range'], [2030, 'at_least']]);
  });

  it('checks each value: its period type, a unit in force in the period, no value for a formula, stale version', async () => {
    const ind = await indicator({});
    expect((await value(ind.id, '2024-Q1', u.longAn, 1)).statusCode).toBe(400);
    const notYet = await value(ind.id, '2024', u.tayNinh, 1);
    expect(notYet.statusCode).toBe(400);
    expect(notYet.json().details[0].code).toBe('unit_not_in_period');
    const created = await value(ind.id, '2024', u.longAn, 1);
    expect(created.statusCode, created.body).toBe(201);
    const v = created.json();
    expect(v).toMatchObject({ adminUnitName: 'Long An', period: '2024', value: 1 });
    const stale = await send('PUT', `/api/indicators/${ind.id}/values/${v.id}`, officer, { value: 2, source: 'x', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect((await send('POST', `/api/indicators/${ind.id}/values`, officer, { period: '2024', adminUnitId: u.longAn, value: 'x', source: 's' })).statusCode).toBe(400);
    const ratio = await indicator({ formula: { source: 'indicators.ratio', params: { numerator: ind.code, denominator: ind.code } } });
    expect((await value(ratio.id, '2024', u.longAn, 1)).statusCode).toBe(409);
  });

  it('lets a unit officer enter its own commune only', async () => {
    const ind = await indicator({});
    expect((await value(ind.id, '2026', u.communeA, 5, commune)).statusCode).toBe(201);
    const other = await value(ind.id, '2026', u.communeB, 5, commune);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('indicators.not_your_unit');
  });
});

describe('the roll-up on the boundaries of a date', () => {
  let pop: { id: string; code: string };
  let fte: { id: string; code: string };
  let ratio: { id: string; code: string };
  beforeAll(async () => {
    pop = await indicator({ unit: 'người' });
    fte = await indicator({ unit: 'người (FTE)' });
    ratio = await indicator({ unit: 'người/vạn dân', formula: { source: 'indicators.ratio', params: { numerator: fte.code, denominator: pop.code, scale: 10000 } } });
    await ok('POST', `/api/indicators/${ratio.id}/targets`, { year: 2025, kind: 'at_least', min: 10 });
    for (const [id, unit, v] of [[pop.id, u.longAn, 1_750_000], [pop.id, u.oldTayNinh, 1_200_000], [fte.id, u.longAn, 1_500], [fte.id, u.oldTayNinh, 900]] as const) {
      expect((await value(id, '2024', unit, v)).statusCode).toBe(201);
    }
    // An old commune of Long An also reported: its province's own figure supersedes it.
    expect((await value(pop.id, '2024', u.oldCommune, 10_000)).statusCode).toBe(201);
  });

  const dashboard = async (qs: string) => (await ok('GET', `/api/indicators/dashboard?year=2024&${qs}`, undefined, leader)) as {
    rows: { code: string; actual: number | null; status: string; series: { year: number; actual: number | null }[] }[];
    scope: { name: string }[];
  };
  const actual = (d: Awaited<ReturnType<typeof dashboard>>, code: string) => d.rows.find((r) => r.code === code)!.actual;

  it('after the merger, sums Long An and old Tây Ninh into Tây Ninh, and recomputes the ratio from the sums', async () => {
    const d = await dashboard('asOf=2026-01-01&view=current');
    expect(actual(d, pop.code)).toBe(2_950_000);
    expect(actual(d, fte.code)).toBe(2_400);
    expect(actual(d, ratio.code)).toBeCloseTo((2_400 / 2_950_000) * 10_000, 9);
    expect(d.rows.find((r) => r.code === ratio.code)!.status).toBe('on_track');
  });

  it('before the merger, the province is its two predecessors; Long An alone is Long An', async () => {
    const d = await dashboard('asOf=2024-12-31&view=current');
    expect(d.scope.map((s) => s.name).sort()).toEqual(['Long An', 'Tây Ninh']);
    expect(actual(d, pop.code)).toBe(2_950_000);
    const la = await dashboard(`asOf=2024-12-31&view=current&adminUnitId=${u.longAn}`);
    expect(actual(la, pop.code)).toBe(1_750_000);
    expect(actual(la, ratio.code)).toBeCloseTo((1_500 / 1_750_000) * 10_000, 9);
  });

  it('as reported, Long An keeps its values and the new Tây Ninh has none for 2024', async () => {
    const d = await dashboard('asOf=2026-01-01&view=as_reported');
    expect(actual(d, pop.code)).toBeNull();
    expect(d.rows.find((r) => r.code === pop.code)!.status).toBe('no_data');
    const la = await dashboard(`asOf=2026-01-01&view=as_reported&adminUnitId=${u.longAn}`);
    expect(actual(la, pop.code)).toBe(1_750_000);
  });

  it('opens a figure: the values, where each was counted, which was superseded, and the sources', async () => {
    const f = await ok('GET', `/api/indicators/${pop.id}/figure?year=2024&asOf=2026-01-01&view=current`, undefined, leader);
    expect(f.actual).toBe(2_950_000);
    const rows = (f.contributions as { reportedBy: { id: string }; countedIn: { name: string }; value: number; superseded: boolean }[])
      .map((c) => [c.value, c.countedIn.name, c.superseded]).sort();
    expect(rows).toEqual([[10_000, expect.any(String), true], [1_200_000, 'Tây Ninh', false], [1_750_000, 'Tây Ninh', false]].sort());
    expect(f.method).toContain('địa giới');
  });

  it('gives the plans module its report rows (the contract)', async () => {
    const { indicatorReport } = await import('./indicators.service.ts');
    const { systemActor } = await import('../../context.ts');
    const rows = await indicatorReport({ db: env.h.db, actor: systemActor(env.tenantId) }, { year: 2024, asOf: '2026-01-01', view: 'current' });
    expect(rows.find((r) => r.code === pop.code)).toMatchObject({ actual: 2_950_000, source: 'entered', status: 'no_data', target: null });
    expect(rows.find((r) => r.code === ratio.code)).toMatchObject({ source: 'formula', target: { kind: 'at_least', min: 10 } });
  });

  it('sums communes the same whether grouped in the database (dashboard) or read one by one (figure)', async () => {
    const communes = (await env.h.query<{ id: string }>(`SELECT c.id FROM admin_units c JOIN admin_units d ON d.id = c.parent_id
      WHERE d.parent_id = $1 ORDER BY c.sort_key COLLATE "C" LIMIT 12`, [u.longAn])).map((r) => r.id);
    const ind = await indicator({});
    let total = 0;
    for (const [i, c] of communes.entries()) {
      expect((await value(ind.id, '2023', c, 10 + i)).statusCode).toBe(201);
      total += 10 + i;
    }
    const newCommune = await one(`SELECT s.successor_id AS id FROM admin_unit_successions s WHERE s.predecessor_id = $1 LIMIT 1`, [communes[0]]);
    for (const [qs, want] of [['asOf=2026-01-01&view=current', total], [`asOf=2026-01-01&view=as_reported&adminUnitId=${u.longAn}`, total],
      ['asOf=2026-01-01&view=as_reported', null], [`asOf=2026-01-01&view=current&adminUnitId=${newCommune}`, undefined]] as const) {
      const d = await ok('GET', `/api/indicators/dashboard?year=2023&${qs}`, undefined, leader);
      const f = await ok('GET', `/api/indicators/${ind.id}/figure?year=2023&${qs}`, undefined, leader);
      const got = d.rows.find((r: { code: string }) => r.code === ind.code).actual;
      expect(got, qs).toBe(f.actual);
      if (want !== undefined) expect(got, qs).toBe(want);
    }
  });

  it('refuses a bad query without a 500', async () => {
    expect((await send('GET', '/api/indicators/dashboard?view=sideways', leader)).statusCode).toBe(400);
    expect((await send('GET', `/api/indicators/dashboard?adminUnitId=${env.tenantId}`, leader)).statusCode).toBe(400);
    expect((await send('GET', `/api/indicators/dashboard?planId=${env.tenantId}`, leader)).statusCode).toBe(404);
  });
});

describe('Excel value entry', () => {
  let ind: { id: string; code: string };
  let ind2: { id: string; code: string };
  beforeAll(async () => {
    ind = await indicator({ code: 'XL_A' });
    ind2 = await indicator({ code: 'XL_B' });
  });

  async function template(headers = commune) {
    const res = await env.app.inject({ method: 'GET', url: '/api/indicators/values/template.xlsx?period=2026', headers });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  }
  function rowOf(wb: ExcelJS.Workbook, code: string) {
    const ws = wb.getWorksheet('Số liệu')!;
    for (let r = 6; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === code) return ws.getRow(r);
    throw new Error(`no row ${code}`);
  }
  async function upload(wb: ExcelJS.Workbook, headers = commune) {
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----khcn-test';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="so-lieu.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      bytes, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return env.app.inject({ method: 'POST', url: '/api/indicators/values/upload', headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  }
  const stored = async () => (await env.h.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM indicator_values WHERE indicator_id IN ($1, $2)', [ind.id, ind2.id]))[0].n;

  it('gives the unit its template with locked labels and validated input cells', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Số liệu')!;
    const row = rowOf(wb, ind.code);
    expect(ws.getCell('B2').value).toBe((await env.h.query<{ name: string }>('SELECT name FROM admin_units WHERE id = $1', [u.communeA]))[0].name);
    expect(row.getCell(1).protection?.locked).not.toBe(false);
    expect(row.getCell(4).protection?.locked).toBe(false);
    expect(row.getCell(4).dataValidation?.type).toBe('decimal');
  });

  it('lists every bad cell and writes nothing', async () => {
    const wb = await template();
    rowOf(wb, ind.code).getCell(4).value = 'mười hai';
    rowOf(wb, ind.code).getCell(5).value = 'Báo cáo xã';
    rowOf(wb, ind2.code).getCell(4).value = 12;
    const res = await upload(wb);
    expect(res.statusCode, res.body).toBe(400);
    const cells = (res.json().details as { cell: string; message: string }[]).map((d) => d.cell);
    const r1 = rowOf(wb, ind.code).number;
    const r2 = rowOf(wb, ind2.code).number;
    expect(cells.sort()).toEqual([`D${r1}`, `E${r2}`].sort());
    expect(res.json().details[0].message).toMatch(/Ô [DE]\d+/);
    expect(await stored()).toBe(0);
  });

  it('writes the whole file when every cell is valid (numbers typed the Vietnamese way too)', async () => {
    const wb = await template();
    rowOf(wb, ind.code).getCell(4).value = '1.625,5';
    rowOf(wb, ind.code).getCell(5).value = 'Báo cáo của xã';
    rowOf(wb, ind2.code).getCell(4).value = 12;
    rowOf(wb, ind2.code).getCell(5).value = 'Sổ theo dõi';
    const res = await upload(wb);
    expect(res.statusCode, res.body).toBe(200);
    const ws = wb.getWorksheet('Số liệu')!;
    let filled = 0;
    for (let r = 6; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(4).value !== null) filled++;
    expect(filled).toBeGreaterThanOrEqual(2);
    expect(res.json().written).toBe(filled);
    const list = await ok('GET', `/api/indicators/${ind.id}/values?period=2026`);
    expect(list.items).toMatchObject([{ value: 1625.5, adminUnitId: u.communeA, source: 'Báo cáo của xã' }]);
  });

  it("refuses a template for another unit (the hidden unit edited) from a unit officer", async () => {
    const wb = await template();
    wb.getWorksheet('khcn')!.getCell('A3').value = u.communeB;
    rowOf(wb, ind.code).getCell(4).value = 3;
    rowOf(wb, ind.code).getCell(5).value = 'x';
    const res = await upload(wb);
    expect(res.statusCode).toBe(403);
  });

  it('refuses a file that is not a template', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'x';
    const res = await upload(wb);
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].code).toBe('not_a_template');
  });
});

describe('the TFP calculator', () => {
  it('reproduces the hand-computed example from entered series, with α from the rules and the method', async () => {
    const codes = { y: 'TFP_Y', k: 'TFP_K', l: 'TFP_L' };
    const ids: Record<string, string> = {};
    for (const [k, code] of Object.entries(codes)) ids[k] = (await indicator({ code, unit: 'tỷ đồng' })).id;
    // 2023–2024 reported by Long An and old Tây Ninh (summed on the new boundaries), 2025 by the new Tây Ninh:
    // Y 100 → 107 → 115,56; K 200 → 216 → 228,96; L 50 → 51 → 51,51 (indicators.tfp.test.ts has the arithmetic).
    const series: [string, string, string, number][] = [
      ['y', '2023', u.longAn, 60], ['y', '2023', u.oldTayNinh, 40], ['y', '2024', u.longAn, 64.2], ['y', '2024', u.oldTayNinh, 42.8], ['y', '2025', u.tayNinh, 115.56],
      ['k', '2023', u.longAn, 120], ['k', '2023', u.oldTayNinh, 80], ['k', '2024', u.longAn, 130], ['k', '2024', u.oldTayNinh, 86], ['k', '2025', u.tayNinh, 228.96],
      ['l', '2023', u.longAn, 30], ['l', '2023', u.oldTayNinh, 20], ['l', '2024', u.longAn, 31], ['l', '2024', u.oldTayNinh, 20], ['l', '2025', u.tayNinh, 51.51],
    ];
    for (const [k, period, unit, v] of series) expect((await value(ids[k], period, unit, v)).statusCode).toBe(201);
    const r = await ok('GET', `/api/indicators/tfp?fromYear=2024&toYear=2025&asOf=2026-01-01&y=${codes.y}&k=${codes.k}&l=${codes.l}`, undefined, leader);
    expect(r.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025]);
    expect(r.years[0].tfpGrowth).toBeCloseTo(0.026, 9);
    expect(r.years[1].tfpShare).toBeCloseTo(0.625, 9);
    expect(r.average.tfpShare).toBeCloseTo(0.038 / 0.075, 9);
    expect(r.alpha).toMatchObject({ value: 0.4, illustrative: true });
    expect(r.method.vi).toContain('gY − α·gK − (1 − α)·gL');
    expect(r.sources.length).toBeGreaterThan(0);
  });

  it('names an unknown series instead of failing', async () => {
    const res = await send('GET', '/api/indicators/tfp?fromYear=2024&toYear=2025&y=NOPE', leader);
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('query.y');
  });
});

describe('plan items and their indicators', () => {
  it('sets and reads the indicators an item serves; an unknown indicator or item is refused', async () => {
    const plan = await one(`INSERT INTO plans (tenant_id, title, period_from, period_to, schedule, search_text, sort_key)
      VALUES ($1, 'Kế hoạch thử', '2023-01-01', '2030-12-31', '{"kind":"yearly"}', 'ke hoach thu', 'k') RETURNING id`, [env.tenantId]);
    const group = await one(`INSERT INTO plan_groups (tenant_id, plan_id, position, title) VALUES ($1, $2, 0, 'Nhóm 1') RETURNING id`, [env.tenantId, plan]);
    const item = await one(`INSERT INTO plan_items (tenant_id, plan_id, group_id, position, title, responsible_admin_unit_id, search_text)
      VALUES ($1, $2, $3, 0, 'Mục 1', $4, 'muc 1') RETURNING id`, [env.tenantId, plan, group, u.tayNinh]);
    const ind = await indicator({});
    const set = await ok('PUT', `/api/plan-items/${item}/indicators`, { indicatorIds: [ind.id, ind.id] });
    expect(set.items.map((i: { id: string }) => i.id)).toEqual([ind.id]);
    expect((await ok('GET', `/api/plan-items/${item}/indicators`, undefined, leader)).items).toHaveLength(1);
    const bad = await send('PUT', `/api/plan-items/${item}/indicators`, officer, { indicatorIds: [env.tenantId] });
    expect(bad.statusCode).toBe(400);
    expect((await send('GET', `/api/plan-items/${env.tenantId}/indicators`, officer)).statusCode).toBe(404);
    expect((await send('PUT', `/api/plan-items/${item}/indicators`, leader, { indicatorIds: [] })).statusCode).toBe(403);
    // The plan's dashboard shows the indicators its items serve.
    const d = await ok('GET', `/api/indicators/dashboard?planId=${plan}&year=2024`, undefined, leader);
    expect(d.rows.map((r: { code: string }) => r.code)).toEqual([ind.code]);
  });
});
