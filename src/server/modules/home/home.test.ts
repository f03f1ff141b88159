/**
 * The leader's home through the API on a real database: five tasks put in known stages at known times, with known
 * funding, disbursements and replication records; every figure's numbers, the filter that lists its tasks, the XLSX
 * export opened with exceljs, who may read it, and the counterpart target as a dated rule a province overrides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTenant, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization } from '../../testing/factories.ts';
import type { TaskCreate } from '../../../shared/schemas/tasks.ts';
import type { HomeOverview } from '../../../shared/schemas/home.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';

let env: TestEnv;
let officer: AuthHeaders;
let leader: AuthHeaders;
let hostId: string;
const year = Number(todayInVietnam().slice(0, 4));
const ids: Record<'a' | 'b' | 'c' | 'd' | 'e', string> = { a: '', b: '', c: '', d: '', e: '' };

const call = (headers: AuthHeaders | undefined, url: string, o: { method?: 'GET' | 'POST'; payload?: object; lang?: string } = {}) =>
  env.app.inject({ method: o.method ?? 'GET', url, headers: { ...headers, 'accept-language': o.lang ?? 'vi' }, ...(o.payload ? { payload: o.payload } : {}) });

function proposal(o: Partial<TaskCreate>): TaskCreate {
  return {
    title: 'Nhiệm vụ', type: 'research_topic', level: 'provincial', scienceField: '2', proposalYear: 2022, proposedOn: '2022-05-09',
    hostOrganizationId: hostId, members: [], products: [], funding: [], ...o,
  };
}

async function create(headers: AuthHeaders, o: Partial<TaskCreate>): Promise<string> {
  const res = await call(headers, '/api/tasks', { method: 'POST', payload: proposal(o) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Puts a task in a stage from an instant, as the workflow records it (the path there is tested in tasks.test.ts). */
async function moveTo(taskId: string, stage: string, at: Date) {
  await env.h.query(
    `INSERT INTO stage_events (tenant_id, workflow, subject_type, subject_id, from_stage, to_stage, action, actor_id, at, rule_version_id)
     SELECT tenant_id, workflow, subject_type, subject_id, 'proposal', $2, 'test_move', actor_id, $3::timestamptz, rule_version_id
     FROM stage_events WHERE subject_id = $1 ORDER BY id LIMIT 1`, [taskId, stage, at.toISOString()]);
  await env.h.query('UPDATE tasks SET stage = $2, stage_entered_at = $3::timestamptz WHERE id = $1', [taskId, stage, at.toISOString()]);
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  leader = await env.as('leader');
  hostId = (await call(officer, '/api/organizations', { method: 'POST', payload: buildOrganization({ name: 'Trung tâm Ứng dụng tiến bộ KH&CN' }) })).json().id;
  const [engineering] = await env.h.query<{ code: string }>("SELECT code FROM science_fields WHERE code LIKE '2__' ORDER BY code LIMIT 1");

  // a: a proposal since 2022 (overdue in its stage), not funded yet.
  ids.a = await create(officer, { title: 'Đề xuất máy sấy bơm nhiệt', funding: [{ year: 2023, stateBudget: 720, counterpart: 540 }] });
  // b: awaiting the approval decision since yesterday.
  ids.b = await create(officer, { title: 'Giống lúa chịu mặn', level: 'grassroots', scienceField: '4', funding: [{ year: 2026, stateBudget: 900, counterpart: 700 }] });
  await moveTo(ids.b, 'approval', minutesAgo(24 * 60));
  // c: under way since an hour ago, its end date passed; paid in 2024.
  ids.c = await create(officer, {
    title: 'Tưới tiêu thông minh cho thanh long', scienceField: engineering.code, startDate: '2024-01-01', endDate: '2025-01-31',
    funding: [{ year: 2024, stateBudget: 1000, counterpart: 800 }, { year: 2025, stateBudget: 500, counterpart: 0 }],
  });
  await moveTo(ids.c, 'implementation', minutesAgo(60));
  for (const d of [
    { disbursedOn: '2024-03-15', amount: 600, source: 'state_budget', decisionNo: '125/QĐ-SKHCN' },
    { disbursedOn: '2024-06-30', amount: 300, source: 'counterpart' },
  ]) {
    const res = await call(officer, `/api/tasks/${ids.c}/disbursements`, { method: 'POST', payload: d });
    expect(res.statusCode, res.body).toBe(201);
  }
  // d: replicated this year (entered the replication stage a minute ago), no field, national.
  ids.d = await create(officer, { title: 'Mô hình cá thát lát cườm', level: 'national', scienceField: null, funding: [{ year: 2023, stateBudget: 400, counterpart: 200 }] });
  await moveTo(ids.d, 'replication', minutesAgo(1));
  for (const place of ['Xã Nhơn Thạnh Trung', 'Xã Lê Trì']) {
    const res = await call(officer, `/api/tasks/${ids.d}/replications`, { method: 'POST', payload: { place, scale: '5 ha', year } });
    expect(res.statusCode, res.body).toBe(201);
  }
  // e: accepted last year and waiting for its result registration since (overdue: 30 days).
  ids.e = await create(officer, { title: 'Chế phẩm sinh học xử lý rơm', scienceField: '1', funding: [{ year: 2022, stateBudget: 300, counterpart: 0 }] });
  await moveTo(ids.e, 'result_registration', new Date(`${year - 1}-06-01T09:00:00+07:00`));

  // Another province's task is never counted.
  const { id: other } = await buildTenant(env.h, 'Sở KH&CN tỉnh khác');
  await create(await env.as('dost_officer', { tenantId: other }), { title: 'Nhiệm vụ tỉnh khác', hostOrganizationId: null });
});
afterAll(() => env.close());

const home = async (headers = leader, query = '') => {
  const res = await call(headers, `/api/home${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as HomeOverview;
};
const countsOf = (items: { key: string; count: number }[]) => Object.fromEntries(items.filter((i) => i.count > 0).map((i) => [i.key, i.count]));
const listed = async (query: string) => {
  const res = await call(leader, `/api/home/tasks?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((t) => t.id).sort();
};
const sorted = (...xs: string[]) => [...xs].sort();

describe('the figures', () => {
  it('counts the tasks by stage, level-1 field and level, each with the filter that lists them', async () => {
    const o = await home();
    expect(o.totalTasks).toBe(5);
    expect(countsOf(o.stages.items)).toEqual({ proposal: 1, approval: 1, implementation: 1, result_registration: 1, replication: 1 });
    expect(o.stages.items.map((s) => s.key).slice(0, 3)).toEqual(['proposal', 'identification', 'approved_list']);
    expect(o.stages.items.find((s) => s.key === 'approval')).toMatchObject({ name: { vi: 'Quyết định phê duyệt', en: 'Approval decision' }, filter: { stage: 'approval' } });
    expect(countsOf(o.fields.items)).toEqual({ 1: 1, 2: 2, 4: 1, none: 1 });
    expect(o.fields.items.find((f) => f.key === 'none')).toMatchObject({ filter: { scienceField: 'none' }, name: { en: 'No field given' } });
    expect(countsOf(o.levels.items)).toEqual({ provincial: 3, grassroots: 1, national: 1 });
    expect(await listed('scienceField=2')).toEqual(sorted(ids.a, ids.c));
    expect(await listed('scienceField=none')).toEqual([ids.d]);
    expect(await listed('level=provincial')).toEqual(sorted(ids.a, ids.c, ids.e));
  });

  it('sums planned against disbursed by year over the tasks the leader approved, and the counterpart share against the target', async () => {
    const { funding, counterpart } = await home();
    expect(funding.tasks).toBe(3);
    expect(funding.years.map((y) => [y.year, y.stateBudget.planned, y.stateBudget.disbursed, y.counterpart.planned, y.counterpart.disbursed])).toEqual([
      [2022, 300, 0, 0, 0], [2023, 400, 0, 200, 0], [2024, 1000, 600, 800, 300], [2025, 500, 0, 0, 0],
    ]);
    expect(funding.totals).toMatchObject({ stateBudget: { planned: 2200, disbursed: 600 }, counterpart: { planned: 1000, disbursed: 300 } });
    expect(await listed('funded=true')).toEqual(sorted(ids.c, ids.d, ids.e));
    // Over c and d (e has no counterpart funding): 1.000 / 1.900 = 52,63 % planned, 300 / 600 disbursed.
    expect(counterpart).toMatchObject({
      tasks: 2, stateBudget: { planned: 1900, disbursed: 600 }, counterpart: { planned: 1000, disbursed: 300 },
      share: { planned: 52.63, disbursed: 50 }, meetsTarget: false, filter: { funded: true, withCounterpart: true },
      target: { minPercent: 70, illustrative: true, effectiveFrom: '2014-01-01' },
    });
    expect(counterpart.target.legalBasis).toContain('Giá trị minh họa');
    expect(await listed('funded=true&withCounterpart=true')).toEqual(sorted(ids.c, ids.d));
  });

  it('lists the overdue ones as the task list does, and those past their end date', async () => {
    const o = await home();
    expect(o.overdue.count).toBe(2);
    expect(o.overdue.items.map((t) => t.id)).toEqual([ids.a, ids.e]);
    const fromTasks = (await call(leader, '/api/tasks?overdue=true')).json().items.map((t: { id: string }) => t.id).sort();
    expect(await listed('overdue=true')).toEqual(fromTasks);
    expect(fromTasks).toEqual(sorted(ids.a, ids.e));
    expect(o.pastEnd).toMatchObject({ count: 1, items: [{ id: ids.c, endDate: '2025-01-31' }], filter: { pastEndDate: true } });
  });

  it("finds what awaits the leader's decision from the workflow definition", async () => {
    const { awaiting } = await home();
    expect(awaiting.count).toBe(1);
    expect(awaiting.items.map((t) => t.id)).toEqual([ids.b]);
    expect(awaiting.stages).toEqual([expect.objectContaining({ key: 'approval', count: 1, filter: { stage: 'approval', awaitingLeader: true } })]);
    expect(await listed('awaitingLeader=true')).toEqual([ids.b]);
  });

  it('counts the tasks accepted and replicated in a year', async () => {
    const o = await home();
    expect(o.accepted).toEqual({ year, count: 1, filter: { acceptedYear: year } });
    expect(o.replicated).toEqual({ year, count: 1, records: 2, filter: { replicatedYear: year } });
    expect(await listed(`acceptedYear=${year}`)).toEqual([ids.d]);
    expect(await listed(`replicatedYear=${year}`)).toEqual([ids.d]);
    const last = await home(leader, `?year=${year - 1}`);
    expect(last.accepted).toMatchObject({ year: year - 1, count: 1 });
    expect(last.replicated).toMatchObject({ count: 0, records: 0 });
    expect(await listed(`acceptedYear=${year - 1}`)).toEqual([ids.e]);
  });
});

describe('the export', () => {
  const open = async (url: string, lang: string) => {
    const res = await call(leader, url, { lang });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return { wb, disposition: String(res.headers['content-disposition']) };
  };
  /** The rows of a sheet under its header row (the first row whose first cell is `firstHeader`), as cell values. */
  const rowsOf = (ws: ExcelJS.Worksheet, firstHeader: string) => {
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const at = rows.findIndex((r) => r[0] === firstHeader);
    expect(at, `header "${firstHeader}"`).toBeGreaterThanOrEqual(0);
    return { header: rows[at], body: rows.slice(at + 1) };
  };

  it('writes the funding figure and its tasks in English with real numbers', async () => {
    const { wb, disposition } = await open('/api/home/figures/funding/export.xlsx', 'en');
    expect(disposition).toContain(`overview-funding-${year}.xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Figures', 'Tasks']);
    const fig = rowsOf(wb.worksheets[0], 'Year');
    expect(fig.header.slice(0, 5)).toEqual(['Year', 'State budget planned (million VND)', 'State budget disbursed (million VND)', 'Counterpart planned (million VND)', 'Counterpart disbursed (million VND)']);
    expect(fig.body.map((r) => r.slice(0, 5))).toEqual([
      ['2022', 300, 0, 0, 0], ['2023', 400, 0, 200, 0], ['2024', 1000, 600, 800, 300], ['2025', 500, 0, 0, 0], ['Total', 2200, 600, 1000, 300],
    ]);
    const tasks = rowsOf(wb.worksheets[1], 'Code');
    expect(tasks.header[1]).toBe('Title');
    expect(tasks.body.map((r) => r[1]).sort()).toEqual(['Chế phẩm sinh học xử lý rơm', 'Mô hình cá thát lát cườm', 'Tưới tiêu thông minh cho thanh long']);
  });

  it("exports one bar's tasks in Vietnamese when its filter is given", async () => {
    const { wb } = await open('/api/home/figures/stages/export.xlsx?stage=approval', 'vi');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Số liệu', 'Nhiệm vụ']);
    const fig = rowsOf(wb.worksheets[0], 'Nhóm');
    expect(fig.body.find((r) => r[0] === 'Quyết định phê duyệt')?.[1]).toBe(1);
    const tasks = rowsOf(wb.worksheets[1], 'Mã số');
    expect(tasks.header.slice(1, 3)).toEqual(['Tên nhiệm vụ', 'Giai đoạn']);
    expect(tasks.body.map((r) => [r[1], r[2], r[4]])).toEqual([['Giống lúa chịu mặn', 'Quyết định phê duyệt', 'Cấp cơ sở']]);
  });

  it('writes the counterpart share as a fraction with the target and its basis', async () => {
    const { wb } = await open('/api/home/figures/counterpart/export.xlsx', 'vi');
    const fig = rowsOf(wb.worksheets[0], 'Chỉ tiêu');
    const share = fig.body.find((r) => String(r[0]).startsWith('Tỷ lệ đối ứng so với NSNN (kế hoạch)'));
    expect(share?.[3]).toBeCloseTo(0.5263, 4);
    const target = fig.body.find((r) => String(r[0]).startsWith('Chỉ tiêu tối thiểu'));
    expect(target?.[3]).toBeCloseTo(0.7, 6);
    expect(String(target?.[0])).toContain('Giá trị minh họa');
  });
});

describe('who may read it, and bad input', () => {
  it('is for leaders, admins and DOST officers only', async () => {
    expect((await home(officer)).totalTasks).toBe(5);
    expect((await home(await env.as('admin'))).totalTasks).toBe(5);
    for (const role of ['applicant', 'reviewer', 'unit_officer'] as const) {
      const h = await env.as(role, { organizationId: role === 'applicant' ? hostId : null });
      for (const url of ['/api/home', '/api/home/tasks?stage=approval', '/api/home/figures/stages/export.xlsx']) {
        const res = await call(h, url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.json().code).toBe('auth.forbidden');
      }
    }
    expect((await call(undefined, '/api/home')).statusCode).toBe(401);
  });

  it('answers 400 naming the field, never 500', async () => {
    const cases: [string, string][] = [
      ['/api/home/figures/nope/export.xlsx', 'params.figure'],
      ['/api/home/tasks?acceptedYear=abc', 'querystring.acceptedYear'],
      ['/api/home/tasks?overdue=yes', 'querystring.overdue'],
      ['/api/home/tasks?scienceField=x1', 'querystring.scienceField'],
      ['/api/home/tasks?level=county', 'querystring.level'],
      ['/api/home?year=1800', 'querystring.year'],
      [`/api/home/tasks?acceptedYear=${year}&replicatedYear=${year - 1}`, 'querystring.replicatedYear'],
    ];
    for (const [url, path] of cases) {
      const res = await call(leader, url, { lang: 'en' });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().details.map((d: { path: string }) => d.path), url).toContain(path);
    }
    const oneYear = await call(leader, `/api/home/tasks?acceptedYear=${year}&replicatedYear=${year - 1}`, { lang: 'en' });
    expect(oneYear.json().details[0].message).toBe('Choose one year for acceptance and replication.');
  });
});

describe('the counterpart target is dated rule data', () => {
  it("follows the province's own version from its start date", async () => {
    const admin = await env.as('admin');
    const res = await call(admin, '/api/rules', {
      method: 'POST',
      payload: { key: 'home.counterpart_share_target', effectiveFrom: todayInVietnam(), legalBasis: 'Quyết định số 12/2026/QĐ-UBND (thử nghiệm)', value: { minPercent: 50 } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const bad = await call(admin, '/api/rules', {
      method: 'POST', payload: { key: 'home.counterpart_share_target', effectiveFrom: '2030-01-01', legalBasis: 'x', value: { minPercent: 'bảy mươi' } },
    });
    expect(bad.statusCode).toBe(400);
    const { counterpart } = await home();
    expect(counterpart.target).toMatchObject({ minPercent: 50, illustrative: false, legalBasis: 'Quyết định số 12/2026/QĐ-UBND (thử nghiệm)' });
    expect(counterpart.meetsTarget).toBe(true);
  });
});
