/**
 * Funding as it happens (disbursements against the planned funding by year and source) and the organisations that
 * take part in a task, through the API on a real database; the arithmetic of the summary as a table test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTenant, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization } from '../../testing/factories.ts';
import type { TaskCreate } from '../../../shared/schemas/tasks.ts';
import { summarizeFunding } from './tasks.funding.ts';

let env: TestEnv;
let officer: AuthHeaders;
let hostId: string;
let enterpriseId: string;
let cooperativeId: string;

const call = (headers: AuthHeaders | undefined, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const org = async (name: string, kind: 'enterprise' | 'cooperative' | 'state_agency' = 'enterprise') =>
  (await call(officer, 'POST', '/api/organizations', buildOrganization({ name, kind }))).json().id as string;

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  hostId = await org('Trung tâm Ứng dụng tiến bộ KH&CN', 'state_agency');
  enterpriseId = await org('Công ty Cổ phần Cơ khí chế tạo máy Long An');
  cooperativeId = await org('Hợp tác xã Nông nghiệp Nhơn Thạnh Trung', 'cooperative');
});
afterAll(() => env.close());

function proposal(o: Partial<TaskCreate> = {}): TaskCreate {
  return {
    title: 'Ứng dụng hệ thống tưới tiêu thông minh cho các hợp tác xã trồng thanh long', type: 'st_project', level: 'provincial',
    scienceField: '2', proposalYear: 2022, proposedOn: '2022-05-09', hostOrganizationId: hostId, members: [], products: [],
    funding: [{ year: 2023, stateBudget: 720, counterpart: 540 }, { year: 2024, stateBudget: 650, counterpart: 480 }], ...o,
  };
}

/** A task put straight into a stage (the workflow's path there is tested in tasks.test.ts). */
async function taskIn(stage: string, o: Partial<TaskCreate> = {}): Promise<string> {
  const res = await call(officer, 'POST', '/api/tasks', proposal(o));
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await env.h.query('UPDATE tasks SET stage = $2 WHERE id = $1', [id, stage]);
  return id;
}

const advance = { disbursedOn: '2023-03-15', amount: 360, source: 'state_budget', decisionNo: '125/QĐ-SKHCN', decisionDate: '2023-03-10', note: 'Tạm ứng đợt 1' };

describe('summarizeFunding', () => {
  it.each([
    {
      name: 'years of planned and disbursed money, shares and totals',
      planned: [{ year: 2023, stateBudget: 720, counterpart: 540 }, { year: 2024, stateBudget: 650, counterpart: 480 }],
      disbursed: [{ year: 2023, source: 'state_budget', amount: 360 }, { year: 2023, source: 'state_budget', amount: 0.1 },
        { year: 2023, source: 'counterpart', amount: 270.2 }, { year: 2025, source: 'other', amount: 15 }],
      years: [
        { year: 2023, sb: [720, 360.1, 50.01], cp: [540, 270.2, 50.04], other: 0, total: [1260, 630.3, 50.02] },
        { year: 2024, sb: [650, 0, 0], cp: [480, 0, 0], other: 0, total: [1130, 0, 0] },
        { year: 2025, sb: [0, 0, null], cp: [0, 0, null], other: 15, total: [0, 15, null] },
      ],
      totals: { sb: [1370, 360.1, 26.28], cp: [1020, 270.2, 26.49], other: 15, total: [2390, 645.3, 27], share: [74.45, 75.03] },
    },
    {
      name: 'nothing at all', planned: [], disbursed: [], years: [],
      totals: { sb: [0, 0, null], cp: [0, 0, null], other: 0, total: [0, 0, null], share: [null, null] },
    },
  ])('$name', ({ planned, disbursed, years, totals }) => {
    const s = summarizeFunding(planned, disbursed);
    const fig = (f: { planned: number; disbursed: number; share: number | null }) => [f.planned, f.disbursed, f.share];
    expect(s.years.map((y) => ({ year: y.year, sb: fig(y.stateBudget), cp: fig(y.counterpart), other: y.other.disbursed, total: fig(y.total) }))).toEqual(years);
    expect({
      sb: fig(s.totals.stateBudget), cp: fig(s.totals.counterpart), other: s.totals.other.disbursed, total: fig(s.totals.total),
      share: [s.totals.counterpartShare.planned, s.totals.counterpartShare.disbursed],
    }).toEqual(totals);
  });
});

describe('disbursements (cấp phát kinh phí)', () => {
  it('records, edits and deletes a disbursement as a versioned record, and shows planned against disbursed', async () => {
    const id = await taskIn('implementation');
    const created = await call(officer, 'POST', `/api/tasks/${id}/disbursements`, advance);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ taskId: id, amount: 360, source: 'state_budget', decisionNo: '125/QĐ-SKHCN', version: 1 });
    const counterpart = await call(officer, 'POST', `/api/tasks/${id}/disbursements`, { disbursedOn: '2023-06-30', amount: 270.5, source: 'counterpart' });
    expect(counterpart.statusCode, counterpart.body).toBe(201);

    const task = (await call(officer, 'GET', `/api/tasks/${id}`)).json();
    expect(task).toMatchObject({ stateBudgetDisbursed: 360, counterpartDisbursed: 270.5 });
    expect(task.disbursements.map((d: { amount: number }) => d.amount)).toEqual([360, 270.5]);
    expect(task.fundingSummary.years[0]).toMatchObject({
      year: 2023, stateBudget: { planned: 720, disbursed: 360, share: 50 }, counterpart: { planned: 540, disbursed: 270.5, share: 50.09 },
    });
    expect(task.fundingSummary.totals.stateBudget).toEqual({ planned: 1370, disbursed: 360, share: 26.28 });

    const disbursementId = created.json().id;
    const edited = await call(officer, 'PUT', `/api/tasks/${id}/disbursements/${disbursementId}`, { ...advance, amount: 400, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ amount: 400, version: 2 });
    const stale = await call(officer, 'PUT', `/api/tasks/${id}/disbursements/${disbursementId}`, { ...advance, amount: 410, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('common.version_conflict');
    expect((await call(officer, 'DELETE', `/api/tasks/${id}/disbursements/${disbursementId}?version=1`)).statusCode).toBe(409);

    const listed = (await call(officer, 'GET', `/api/tasks/${id}/disbursements`)).json();
    expect(listed.items.map((d: { amount: number }) => d.amount)).toEqual([400, 270.5]);
    expect(listed.summary.totals.stateBudget.disbursed).toBe(400);
    expect((await call(officer, 'DELETE', `/api/tasks/${id}/disbursements/${disbursementId}?version=2`)).statusCode).toBe(204);
    expect((await call(officer, 'GET', `/api/tasks/${id}`)).json().stateBudgetDisbursed).toBe(0);
    const audit = await env.h.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'task_disbursement' AND entity_id = $1 ORDER BY id`, [disbursementId]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses bad input naming the field, in the caller\'s language, and writes nothing', async () => {
    const id = await taskIn('implementation');
    const noDecision = await call(officer, 'POST', `/api/tasks/${id}/disbursements`, { ...advance, decisionNo: null });
    expect(noDecision.statusCode).toBe(400);
    expect(noDecision.json()).toMatchObject({ code: 'common.validation_failed', details: [{ path: 'body.decisionNo', message: 'Cấp phát từ ngân sách nhà nước phải ghi số quyết định cấp kinh phí.' }] });
    const late = await env.app.inject({
      method: 'POST', url: `/api/tasks/${id}/disbursements`, headers: { ...officer, 'accept-language': 'en' }, payload: { ...advance, decisionDate: '2023-04-01' },
    });
    expect(late.json().details).toEqual([expect.objectContaining({ path: 'body.decisionDate', message: 'The decision date cannot be after the disbursement date.' })]);
    const bad = await call(officer, 'POST', `/api/tasks/${id}/disbursements`, { ...advance, amount: 0, source: 'loan', disbursedOn: '15/03/2023' });
    expect(bad.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['body.amount', 'body.disbursedOn', 'body.source']);
    expect((await call(officer, 'GET', `/api/tasks/${id}`)).json().disbursements).toEqual([]);
  });

  it('is written by the DOST\'s officers only, in the task\'s province, while the task is not closed', async () => {
    const id = await taskIn('implementation');
    for (const role of ['leader', 'reviewer', 'applicant'] as const) {
      const res = await call(await env.as(role, { organizationId: role === 'applicant' ? hostId : null }), 'POST', `/api/tasks/${id}/disbursements`, advance);
      expect(res.statusCode, role).toBe(403);
    }
    const { id: otherTenant } = await buildTenant(env.h, 'Sở KH&CN tỉnh khác');
    const stranger = await env.as('dost_officer', { tenantId: otherTenant });
    expect((await call(stranger, 'POST', `/api/tasks/${id}/disbursements`, advance)).statusCode).toBe(404);
    const mine = (await call(officer, 'POST', `/api/tasks/${id}/disbursements`, advance)).json();
    expect((await call(stranger, 'PUT', `/api/tasks/${id}/disbursements/${mine.id}`, { ...advance, version: 1 })).statusCode).toBe(404);
    // A disbursement is reached only under its own task.
    const other = await taskIn('implementation');
    expect((await call(officer, 'PUT', `/api/tasks/${other}/disbursements/${mine.id}`, { ...advance, version: 1 })).statusCode).toBe(404);

    await env.h.query(`UPDATE tasks SET stage = 'not_accepted' WHERE id = $1`, [id]);
    const closed = await call(officer, 'POST', `/api/tasks/${id}/disbursements`, advance);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('task.finished');
    expect((await call(officer, 'DELETE', `/api/tasks/${id}/disbursements/${mine.id}?version=1`)).statusCode).toBe(409);
  });

  it('sums planned against disbursed by year over the province for the overview readers', async () => {
    const { id: tenantId } = await buildTenant(env.h, 'Sở KH&CN tỉnh tổng hợp');
    const own = await env.as('dost_officer', { tenantId });
    const make = async (funding: TaskCreate['funding']) => {
      const res = await call(own, 'POST', '/api/tasks', proposal({ hostOrganizationId: null, funding }));
      await env.h.query(`UPDATE tasks SET stage = 'implementation' WHERE id = $1`, [res.json().id]);
      return res.json().id as string;
    };
    const a = await make([{ year: 2023, stateBudget: 500, counterpart: 350 }]);
    await make([{ year: 2023, stateBudget: 300, counterpart: 240 }, { year: 2024, stateBudget: 200, counterpart: 100 }]);
    await call(own, 'POST', `/api/tasks/${a}/disbursements`, { ...advance, amount: 250 });
    await call(own, 'POST', `/api/tasks/${a}/disbursements`, { disbursedOn: '2023-09-01', amount: 175, source: 'counterpart' });

    const leader = await env.as('leader', { tenantId });
    const res = await call(leader, 'GET', '/api/tasks/funding-summary?fromYear=2023&toYear=2023');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().years).toEqual([expect.objectContaining({
      year: 2023, stateBudget: { planned: 800, disbursed: 250, share: 31.25 }, counterpart: { planned: 590, disbursed: 175, share: 29.66 },
      counterpartShare: { planned: 73.75, disbursed: 70 },
    })]);
    expect((await call(leader, 'GET', '/api/tasks/funding-summary')).json().totals.stateBudget.planned).toBe(1000);
    expect((await call(await env.as('applicant', { tenantId }), 'GET', '/api/tasks/funding-summary')).statusCode).toBe(403);
  });
});

describe('participating organisations', () => {
  it('lists the organisations taking part with their roles, keeps them on an update that omits them, refuses the host', async () => {
    const created = await call(officer, 'POST', '/api/tasks', proposal({
      participants: [
        { organizationId: cooperativeId, role: 'beneficiary', note: 'Đối ứng thiết bị tưới' },
        { organizationId: enterpriseId, role: 'cooperating_enterprise' },
      ],
    }));
    expect(created.statusCode, created.body).toBe(201);
    const task = created.json();
    expect(task.participants).toEqual([
      { organizationId: cooperativeId, organizationName: 'Hợp tác xã Nông nghiệp Nhơn Thạnh Trung', role: 'beneficiary', note: 'Đối ứng thiết bị tưới' },
      { organizationId: enterpriseId, organizationName: 'Công ty Cổ phần Cơ khí chế tạo máy Long An', role: 'cooperating_enterprise', note: null },
    ]);
    const { participants: _p, proposedOn: _d, ...rest } = proposal();
    const kept = await call(officer, 'PUT', `/api/tasks/${task.id}`, { ...rest, summary: 'Sửa tóm tắt', version: task.version });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().participants).toHaveLength(2);

    const host = await call(officer, 'PUT', `/api/tasks/${task.id}`, { ...rest, participants: [{ organizationId: hostId, role: 'other' }], version: kept.json().version });
    expect(host.statusCode).toBe(400);
    expect(host.json().details).toEqual([expect.objectContaining({ path: 'body.participants.0.organizationId', message: 'Tổ chức chủ trì không cần ghi thêm là tổ chức tham gia.' })]);
    const unknown = await call(officer, 'PUT', `/api/tasks/${task.id}`, {
      ...rest, participants: [{ organizationId: '00000000-0000-4000-8000-000000000000', role: 'other' }], version: kept.json().version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].path).toBe('body.participants.0.organizationId');
    const removed = await call(officer, 'PUT', `/api/tasks/${task.id}`, { ...rest, participants: [], version: kept.json().version });
    expect(removed.json().participants).toEqual([]);
  });

  it('lets an applicant of a participating organisation read the task, but not other tasks nor the council\'s scores', async () => {
    const id = await taskIn('implementation', { title: 'Mô hình san phẳng đồng ruộng bằng laser', participants: [{ organizationId: enterpriseId, role: 'cooperating_enterprise' }] });
    const hidden = await taskIn('implementation', { title: 'Nhiệm vụ không có doanh nghiệp tham gia' });
    const council = await call(officer, 'POST', '/api/councils', { subjectType: 'task', subjectId: id, kind: 'acceptance', name: 'Hội đồng nghiệm thu', meetingDate: '2024-10-01' });
    expect(council.statusCode, council.body).toBe(201);

    const applicant = await env.as('applicant', { organizationId: enterpriseId });
    const read = await call(applicant, 'GET', `/api/tasks/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().participants[0]).toMatchObject({ organizationId: enterpriseId, role: 'cooperating_enterprise' });
    expect((await call(applicant, 'GET', `/api/tasks/${id}/history`)).statusCode).toBe(200);
    expect((await call(applicant, 'GET', `/api/tasks/${id}/export.xlsx`)).statusCode).toBe(200);
    expect((await call(applicant, 'GET', `/api/tasks/${hidden}`)).statusCode).toBe(404);
    // Its list holds the tasks its organisation takes part in, not the others (issue #11).
    const listed = (await call(applicant, 'GET', '/api/tasks?limit=200')).json().items.map((t: { id: string }) => t.id);
    expect(listed).toContain(id);
    expect(listed).not.toContain(hidden);
    // Members' scores are the council's: the applicant sees no council of the task and no results.
    expect((await call(applicant, 'GET', `/api/councils?subjectType=task&subjectId=${id}`)).json().items).toEqual([]);
    expect([403, 404]).toContain((await call(applicant, 'GET', `/api/councils/${council.json().id}/results`)).statusCode);
    // An applicant of an organisation that takes no part reads nothing.
    const outsider = await env.as('applicant', { organizationId: cooperativeId });
    expect((await call(outsider, 'GET', `/api/tasks/${id}`)).statusCode).toBe(404);
  });

  it('shows on the public page once the task is accepted', async () => {
    const id = await taskIn('replication', { title: 'Ương giống và nuôi thương phẩm cá trê vàng', participants: [{ organizationId: cooperativeId, role: 'beneficiary' }] });
    await env.h.query(`UPDATE tasks SET acceptance_rating = 'passed' WHERE id = $1`, [id]);
    const [{ slug }] = await env.h.query<{ slug: string }>('SELECT slug FROM tenants WHERE id = $1', [env.tenantId]);
    const pub = (await env.app.inject({ method: 'GET', url: `/api/public/tasks?province=${slug}` })).json();
    expect(pub.items.find((t: { id: string }) => t.id === id).participants).toEqual([{ name: 'Hợp tác xã Nông nghiệp Nhơn Thạnh Trung', role: 'beneficiary' }]);
  });
});

describe('exports', () => {
  const load = async (payload: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(payload as unknown as ArrayBuffer);
    return wb;
  };
  const cells = (ws: ExcelJS.Worksheet) => ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []));

  it('exports a task: planned against disbursed by year with totals, the disbursements, the organisations', async () => {
    const id = await taskIn('implementation', { code: 'LA.NR.2023.02', participants: [{ organizationId: cooperativeId, role: 'beneficiary' }] });
    await call(officer, 'POST', `/api/tasks/${id}/disbursements`, advance);
    const res = await call(officer, 'GET', `/api/tasks/${id}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('nhiem-vu-LA.NR.2023.02.xlsx');
    const wb = await load(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kinh phí theo năm', 'Cấp phát kinh phí', 'Tổ chức tham gia']);
    const [years, list, orgs] = wb.worksheets;
    // Title, blank row, header; then 2023, 2024 and the totals. Numbers are numbers, shares fractions.
    expect(years.getRow(3).getCell(3).value).toBe('NSNN đã giải ngân (triệu đồng)');
    expect([4, 5, 6].map((r) => years.getRow(r).getCell(1).value)).toEqual(['2023', '2024', 'Tổng cộng']);
    expect([2, 3, 4].map((c) => years.getRow(4).getCell(c).value)).toEqual([720, 360, 0.5]);
    expect([2, 3].map((c) => years.getRow(6).getCell(c).value)).toEqual([1370, 360]);
    expect(years.getRow(4).getCell(4).numFmt).toContain('%');
    expect(list.getRow(4).getCell(1).value).toEqual(new Date(Date.UTC(2023, 2, 15)));
    expect(cells(list)).toEqual(expect.arrayContaining(['Ngân sách nhà nước', 360, '125/QĐ-SKHCN', 'Tạm ứng đợt 1']));
    expect(cells(orgs)).toEqual(expect.arrayContaining(['Trung tâm Ứng dụng tiến bộ KH&CN', 'Tổ chức chủ trì', 'Hợp tác xã Nông nghiệp Nhơn Thạnh Trung', 'Đơn vị thụ hưởng, ứng dụng kết quả']));
  });

  it('adds the disbursed amounts and the participating organisations to the task list export', async () => {
    const id = await taskIn('implementation', { title: 'Sổ tay ghi chép điện tử VietGAP', proposalYear: 2024, proposedOn: '2024-01-15', participants: [{ organizationId: enterpriseId, role: 'co_implementer' }] });
    await call(officer, 'POST', `/api/tasks/${id}/disbursements`, { ...advance, amount: 685 });
    const ws = (await load((await call(officer, 'GET', '/api/tasks/export.xlsx?year=2024')).rawPayload)).worksheets[0];
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const row = (ws.getRow(4).values as unknown[]).slice(1);
    const at = (name: string) => row[header.indexOf(name)];
    expect(at('NSNN đã giải ngân (triệu đồng)')).toBe(685);
    expect(at('Tỷ lệ giải ngân NSNN')).toBe(0.5);
    expect(at('Tổ chức tham gia')).toBe('Công ty Cổ phần Cơ khí chế tạo máy Long An (Tổ chức phối hợp thực hiện)');
  });
});
