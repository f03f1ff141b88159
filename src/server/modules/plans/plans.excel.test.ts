/**
 * The Excel progress template through the API: a unit downloads its own rows (locked, with data validation), fills
 * and uploads them; a file with any bad cell writes nothing and lists every problem by cell; a row of another unit's
 * item is refused.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, login, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let officer: AuthHeaders;
let unit: AuthHeaders;
let planId: string;
let mine: string[];
let theirs: string;
const PERIOD = '2026-Q3';

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  const admin = await env.as('admin');
  const agency = async (name: string) => (await env.app.inject({ method: 'POST', url: '/api/agencies', headers: admin, payload: { kind: 'department', name, validFrom: '2020-01-01' } })).json().id as string;
  const [x, y] = [await agency('Sở Công Thương thử nghiệm'), await agency('Sở Y tế thử nghiệm')];
  const u = await buildUser(env.h, { tenantId: env.tenantId, role: 'unit_officer' });
  await env.h.query('UPDATE users SET agency_id = $1 WHERE id = $2', [x, u.id]);
  unit = await login(env.app, u.username);
  planId = (await env.app.inject({ method: 'POST', url: '/api/plans', headers: officer, payload: { title: 'Kế hoạch mẫu Excel', periodFrom: '2025-07-01', periodTo: '2026-12-31', schedule: { kind: 'quarterly' } } })).json().id;
  const groupId = (await env.app.inject({ method: 'POST', url: `/api/plans/${planId}/groups`, headers: officer, payload: { title: 'Nhóm 1' } })).json().id;
  const add = async (code: string, agencyId: string) => (await env.app.inject({
    method: 'POST', url: `/api/plans/${planId}/items`, headers: officer, payload: { groupId, code, title: `Nhiệm vụ ${code}`, responsible: { agencyId } },
  })).json().id as string;
  mine = [await add('1', x), await add('2', x)];
  theirs = await add('3', y);
});
afterAll(() => env.close());

async function template(headers: AuthHeaders) {
  const res = await env.app.inject({ method: 'GET', url: `/api/plans/${planId}/progress-template.xlsx?period=${PERIOD}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

async function upload(wb: ExcelJS.Workbook, headers: AuthHeaders = unit) {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = 'khcnplans';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tien-do.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    bytes, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return env.app.inject({
    method: 'POST', url: `/api/plans/${planId}/progress-template?period=${PERIOD}`, payload: body,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const progressCount = async () => (await env.h.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_progress WHERE tenant_id = $1', [env.tenantId]))[0].n;

describe('the Excel progress template', () => {
  it('holds the unit\'s own items only, locked, with validation on the input cells', async () => {
    const ws = (await template(unit)).worksheets[0];
    expect(ws.getCell('G6').value).toBe(mine[0]);
    expect(ws.getCell('G7').value).toBe(mine[1]);
    expect(ws.getCell('G8').value ?? null).toBeNull();
    expect(ws.getCell('B6').protection?.locked ?? true).toBe(true);
    expect(ws.getCell('D6').protection?.locked).toBe(false);
    expect(ws.getCell('D6').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('E6').dataValidation).toMatchObject({ type: 'whole', formulae: [0, 100] });
  });

  it('writes nothing when any cell is wrong, and names every bad cell', async () => {
    const wb = await template(unit);
    const ws = wb.worksheets[0];
    ws.getCell('D6').value = 'Đang thực hiện';
    ws.getCell('E6').value = 150;
    ws.getCell('D7').value = 'Xong rồi';
    ws.getCell('E7').value = 50;
    const before = await progressCount();
    const res = await upload(wb);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('plans.template_invalid');
    const details = res.json().details as { cell: string; code: string; message: string }[];
    expect(details.map((d) => `${d.cell}:${d.code}`)).toEqual(['E6:percent_range', 'D7:status']);
    expect(details[0].message).toBe('E6: phần trăm phải từ 0 đến 100.');
    expect(await progressCount()).toBe(before);
  });

  it('refuses a row of an item the unit does not carry', async () => {
    const wb = await template(unit);
    const ws = wb.worksheets[0];
    ws.getCell('D6').value = 'Hoàn thành';
    ws.getCell('E6').value = 100;
    ws.getCell('G8').value = theirs;
    ws.getCell('D8').value = 'Hoàn thành';
    ws.getCell('E8').value = 100;
    const before = await progressCount();
    const res = await upload(wb);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details.map((d: { cell: string; code: string }) => `${d.cell}:${d.code}`)).toEqual(['G8:not_your_item']);
    expect(await progressCount()).toBe(before);
  });

  it('writes every filled row of a valid file, from Excel', async () => {
    const wb = await template(unit);
    const ws = wb.worksheets[0];
    ws.getCell('D6').value = 'Hoàn thành';
    ws.getCell('E6').value = 100;
    ws.getCell('F6').value = 'Đã ban hành quy chế';
    ws.getCell('D7').value = 'Chậm tiến độ';
    ws.getCell('E7').value = 30;
    const res = await upload(wb);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ written: 2, periodKey: PERIOD });
    const item = (await env.app.inject({ method: 'GET', url: `/api/plan-items/${mine[0]}`, headers: unit })).json();
    expect(item.state).toMatchObject({ status: 'done', percent: 100, lastPeriod: PERIOD });
    expect(item.progress[0]).toMatchObject({ source: 'excel', narrative: 'Đã ban hành quy chế' });
  });

  it('refuses a file that is not a template, and a template of another period', async () => {
    const notXlsx = new ExcelJS.Workbook();
    notXlsx.addWorksheet('x').getCell('A1').value = 'hello';
    expect((await upload(notXlsx)).json().code).toBe('plans.template_unreadable');
    const wb = await template(unit);
    wb.getWorksheet('khcn')!.getCell('B2').value = '2026-Q2';
    const res = await upload(wb);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('plans.template_other_period');
  });
});
