/**
 * The register of replicated models (/api/replications) and the task panel's new fields, through the API on a real
 * database: a model of a described source or of a khcn task, the source rule (API and CHECK), the place filter on the
 * boundaries of a date (old communes counted in their 2025 successors), the count by year, versions, XLSX, roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization } from '../../testing/factories.ts';

let env: TestEnv;
let officer: AuthHeaders;
let units: { province: string; newCommune: string; oldCommune: string; oldDistrict: string; elsewhere: string };
let policyId: string;

const call = (headers: AuthHeaders | undefined, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const described = (o: Record<string, unknown> = {}) => ({
  sourceKind: 'other_province', sourceDescription: 'Đề tài "Nuôi cá trê vàng thương phẩm" của tỉnh Đồng Tháp',
  name: 'Ương giống và nuôi thương phẩm cá trê vàng', place: 'Xã Đức Huệ', scale: '2 ha ao nuôi, 3 hộ', year: 2026,
  results: 'Năng suất 25 tấn/ha', supportAmount: 150_000_000, ...o,
});

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  const q = async (sqlText: string) => (await env.h.query<{ id: string }>(sqlText))[0].id;
  // An old commune of Huyện Đức Huệ (Long An, closed 30/6/2025) and the Tây Ninh commune that succeeded it.
  const [pair] = await env.h.query<{ old: string; new: string; district: string; province: string }>(`
    SELECT o.id AS old, n.id AS new, d.id AS district, n.parent_id AS province
    FROM admin_units d JOIN admin_units o ON o.parent_id = d.id
    JOIN admin_unit_successions s ON s.predecessor_id = o.id JOIN admin_units n ON n.id = s.successor_id
    WHERE d.name = 'Huyện Đức Huệ' AND n.valid_to IS NULL ORDER BY o.name LIMIT 1`);
  units = {
    province: pair.province, newCommune: pair.new, oldCommune: pair.old, oldDistrict: pair.district,
    elsewhere: await q(`SELECT u.id FROM admin_units u JOIN admin_units p ON p.id = u.parent_id WHERE p.name = 'Lạng Sơn' AND u.valid_to IS NULL ORDER BY u.name LIMIT 1`),
  };
  const doc = await call(officer, 'POST', '/api/legal-documents', {
    number: '03/2021/NQ-HĐND', docType: 'resolution', issuer: 'HĐND tỉnh Long An', issuedOn: '2021-03-30',
    title: 'Chính sách hỗ trợ nhân rộng kết quả nghiên cứu khoa học và ứng dụng tiến bộ công nghệ, đổi mới sáng tạo giai đoạn 2021-2025',
  });
  expect(doc.statusCode, doc.body).toBe(201);
  policyId = doc.json().id;
});
afterAll(() => env.close());

describe('a replicated model of a described source', () => {
  it('is recorded without a task, with its results, support and policy, and read back', async () => {
    const res = await call(officer, 'POST', '/api/replications', described({ adminUnitId: units.newCommune, legalDocumentId: policyId }));
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      taskId: null, sourceKind: 'other_province', name: 'Ương giống và nuôi thương phẩm cá trê vàng', supportAmount: 150_000_000,
      legalDocumentNumber: '03/2021/NQ-HĐND', adminUnitId: units.newCommune, version: 1,
    });
    expect((await call(officer, 'GET', `/api/replications/${m.id}`)).json().results).toBe('Năng suất 25 tấn/ha');
  });

  it('needs the source described, and a task when the source is a task (fields named)', async () => {
    const noText = await call(officer, 'POST', '/api/replications', described({ sourceDescription: null }));
    expect(noText.statusCode).toBe(400);
    expect(noText.json().details.map((d: { path: string }) => d.path)).toContain('body.sourceDescription');
    const noTask = await call(officer, 'POST', '/api/replications', described({ sourceKind: 'task' }));
    expect(noTask.statusCode).toBe(400);
    expect(noTask.json().details.map((d: { path: string }) => d.path)).toContain('body.taskId');
  });

  it('is refused by the table itself when it has neither a task nor a described source', async () => {
    await expect(env.h.query(
      `INSERT INTO task_replications (tenant_id, place, scale, year, source_kind) VALUES ($1, 'x', 'y', 2024, 'other')`, [env.tenantId],
    )).rejects.toThrow(/task_replications_described/);
  });

  it('refuses a policy document, a place or an application that does not exist, naming the field', async () => {
    for (const [field, value] of [['legalDocumentId', crypto.randomUUID()], ['adminUnitId', crypto.randomUUID()], ['applicationId', crypto.randomUUID()]] as const) {
      const res = await call(officer, 'POST', '/api/replications', described({ [field]: value }));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().details.map((d: { path: string }) => d.path)).toContain(`body.${field}`);
    }
  });
});

describe('a replicated model of a khcn task', () => {
  async function task(stage: string): Promise<string> {
    const host = (await call(officer, 'POST', '/api/organizations', buildOrganization({ name: 'Trung tâm Ứng dụng tiến bộ KH&CN Long An' }))).json().id;
    const res = await call(officer, 'POST', '/api/tasks', {
      title: 'Xây dựng mô hình canh tác giống mè đen BS-LA', type: 'st_project', level: 'provincial', scienceField: '4',
      proposalYear: 2024, proposedOn: '2024-01-15', hostOrganizationId: host, members: [], funding: [], products: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    await env.h.query('UPDATE tasks SET stage = $2 WHERE id = $1', [res.json().id, stage]);
    return res.json().id;
  }

  it('links only a task in a stage that records replication', async () => {
    const id = await task('implementation');
    const res = await call(officer, 'POST', '/api/replications', { ...described(), sourceKind: 'task', taskId: id, sourceDescription: null });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('task.not_in_stage');
  });

  it('shows on the task page with the new fields, from either route', async () => {
    const id = await task('replication');
    const viaRegister = await call(officer, 'POST', '/api/replications', { ...described({ name: 'Mè đen BS-LA tại Vĩnh Hưng' }), sourceKind: 'task', taskId: id, sourceDescription: null });
    expect(viaRegister.statusCode, viaRegister.body).toBe(201);
    expect(viaRegister.json()).toMatchObject({ taskId: id, taskTitle: 'Xây dựng mô hình canh tác giống mè đen BS-LA', sourceDescription: null });
    const viaTask = await call(officer, 'POST', `/api/tasks/${id}/replications`, {
      place: 'Xã Đức Huệ', scale: '10 ha', year: 2025, name: 'Mè đen BS-LA tại Đức Huệ', results: '1,2 tấn/ha', supportAmount: 80_000_000, legalDocumentId: policyId,
    });
    expect(viaTask.statusCode, viaTask.body).toBe(201);
    const reps = viaTask.json().replications;
    expect(reps.map((r: { name: string }) => r.name).sort()).toEqual(['Mè đen BS-LA tại Vĩnh Hưng', 'Mè đen BS-LA tại Đức Huệ']);
    expect(reps.find((r: { year: number }) => r.year === 2025)).toMatchObject({ supportAmount: 80_000_000, legalDocumentNumber: '03/2021/NQ-HĐND', results: '1,2 tấn/ha' });
    const listed = (await call(officer, 'GET', `/api/replications?taskId=${id}`)).json();
    expect(listed.total).toBe(2);
  });
});

describe('the list of replicated models', () => {
  beforeAll(async () => {
    for (const [year, adminUnitId] of [[2018, units.oldCommune], [2022, units.oldCommune], [2026, units.newCommune], [2026, units.elsewhere]] as const) {
      const res = await call(officer, 'POST', '/api/replications', described({ year, adminUnitId, sourceKind: 'national_programme', sourceDescription: 'Chương trình Nông thôn miền núi', name: `Mô hình phân hữu cơ vi sinh ${year}` }));
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('counts by year and in all', async () => {
    const all = (await call(officer, 'GET', '/api/replications?sourceKind=national_programme')).json();
    expect(all.total).toBe(4);
    expect(all.byYear).toEqual([{ year: 2018, count: 1 }, { year: 2022, count: 1 }, { year: 2026, count: 2 }]);
    expect(all.items.map((m: { year: number }) => m.year)).toEqual([2026, 2026, 2022, 2018]);
  });

  it('filters by a place as of a date: the new province includes the old communes it succeeded; the old district its own', async () => {
    const inProvince = (await call(officer, 'GET', `/api/replications?sourceKind=national_programme&adminUnitId=${units.province}`)).json();
    expect(inProvince.total).toBe(3);
    const inDistrict = (await call(officer, 'GET', `/api/replications?sourceKind=national_programme&adminUnitId=${units.oldDistrict}&asOf=2024-01-01`)).json();
    expect(inDistrict.byYear).toEqual([{ year: 2018, count: 1 }, { year: 2022, count: 1 }]);
    const fromYear = (await call(officer, 'GET', `/api/replications?sourceKind=national_programme&fromYear=2020&toYear=2024`)).json();
    expect(fromYear.total).toBe(1);
  });

  it('pages with a cursor without losing or repeating a model', async () => {
    const first = (await call(officer, 'GET', '/api/replications?sourceKind=national_programme&limit=3')).json();
    expect(first.items).toHaveLength(3);
    const second = (await call(officer, 'GET', `/api/replications?sourceKind=national_programme&limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((m: { id: string }) => m.id)).size).toBe(4);
    expect((await call(officer, 'GET', '/api/replications?cursor=nonsense')).statusCode).toBe(400);
  });

  it('exports the filtered list to Excel', async () => {
    const res = await call(officer, 'GET', '/api/replications/export.xlsx?sourceKind=national_programme&year=2026');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain('Mô hình phân hữu cơ vi sinh 2026');
    expect(text).not.toContain('Mô hình phân hữu cơ vi sinh 2022');
  });

  it('is read by the DOST, not by an enterprise or a commune officer', async () => {
    for (const role of ['applicant', 'unit_officer'] as const) {
      expect((await call(await env.as(role), 'GET', '/api/replications')).statusCode).toBe(403);
    }
    expect((await call(await env.as('leader'), 'POST', '/api/replications', described())).statusCode).toBe(403);
  });
});

describe('changing a replicated model', () => {
  it('updates at the version read, refuses a stale one with 409, deletes', async () => {
    const m = (await call(officer, 'POST', '/api/replications', described())).json();
    const upd = await call(officer, 'PUT', `/api/replications/${m.id}`, described({ version: 1, scale: '5 ha' }));
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ scale: '5 ha', version: 2 });
    const stale = await call(officer, 'PUT', `/api/replications/${m.id}`, described({ version: 1, scale: '6 ha' }));
    expect(stale.statusCode).toBe(409);
    expect((await call(officer, 'DELETE', `/api/replications/${m.id}?version=1`)).statusCode).toBe(409);
    expect((await call(officer, 'DELETE', `/api/replications/${m.id}?version=2`)).statusCode).toBe(204);
    expect((await call(officer, 'GET', `/api/replications/${m.id}`)).statusCode).toBe(404);
  });
});
