import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization, buildPerson } from '../../testing/factories.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';

let env: TestEnv;
let admin: AuthHeaders & { userId: string };
let officer: AuthHeaders & { userId: string };

beforeAll(async () => {
  env = await testEnv();
  admin = await env.as('admin');
  officer = await env.as('dost_officer');
});
afterAll(() => env.close());

interface Text { vi: string; en: string }
interface Change { field: string; label: Text; before: Text | null; after: Text | null }
interface Entry { id: number; action: string; actionLabel: Text; entity: string; entityLabel: Text; subjectName: string | null; atText: Text; actorName: string | null; changes: Change[] }

const call = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  env.app.inject({ method, url, headers, payload });
const log = async (query: string): Promise<Entry[]> => {
  const res = await call(admin, 'GET', `/api/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: Entry[] }).items;
};
const change = (e: Entry, field: string) => e.changes.find((c) => c.field === field);

describe('the audit log in words', () => {
  it('names the action, the record and the changed fields, with values formatted in both languages', async () => {
    const org = (await call(officer, 'POST', '/api/organizations', buildOrganization({ name: 'Hợp tác xã Thanh Long Châu Thành', kind: 'cooperative', phone: '0272 111 222' }))).json();
    const edited = await call(officer, 'PUT', `/api/organizations/${org.id}`, { ...buildOrganization({ name: org.name, kind: 'cooperative', taxCode: org.taxCode }), phone: '0272 999 888', isStEnterprise: true, version: org.version });
    expect(edited.statusCode).toBe(200);
    const [update] = await log(`entity=organization&entityId=${org.id}&action=update`);
    expect(update).toMatchObject({
      actionLabel: { vi: 'Sửa', en: 'Edited' }, entityLabel: { vi: 'Tổ chức', en: 'Organisation' }, subjectName: 'Hợp tác xã Thanh Long Châu Thành',
    });
    expect(change(update, 'phone')).toEqual({ field: 'phone', label: { vi: 'Điện thoại', en: 'Phone' }, before: { vi: '0272 111 222', en: '0272 111 222' }, after: { vi: '0272 999 888', en: '0272 999 888' } });
    expect(change(update, 'isStEnterprise')?.after).toEqual({ vi: 'Có', en: 'Yes' });
    expect(update.changes.map((c) => c.field)).not.toContain('version');
    const [create] = await log(`entity=organization&entityId=${org.id}&action=create`);
    expect(change(create, 'kind')?.after).toEqual({ vi: 'Hợp tác xã', en: 'Cooperative' });
  });

  it('shows a record it points at by name, not by its UUID', async () => {
    const org = (await call(officer, 'POST', '/api/organizations', buildOrganization({ name: 'Viện Cây ăn quả miền Nam' }))).json();
    const person = (await call(officer, 'POST', '/api/people', buildPerson({ fullName: 'Nguyễn Văn Bình', organizationId: org.id, degree: 'TS' }))).json();
    const [create] = await log(`entity=person&entityId=${person.id}`);
    expect(create.subjectName).toBe('TS Nguyễn Văn Bình');
    expect(change(create, 'organizationId')).toMatchObject({ label: { vi: 'Cơ quan công tác', en: 'Organisation' }, after: { vi: 'Viện Cây ăn quả miền Nam' } });
    expect(JSON.stringify(create.changes)).not.toContain(org.id);
    expect(change(create, 'degree')?.after).toMatchObject({ en: expect.stringMatching(/doctor/i) });
  });

  it('writes the time in Vietnam and filters by who, what and when', async () => {
    const [mine] = await log(`actorId=${officer.userId}&limit=1`);
    expect(mine.actorName).toBeTruthy();
    expect(mine.atText.vi).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(mine.atText.en).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$/);
    const today = todayInVietnam();
    expect(mine.atText.vi.slice(0, 10)).toBe(today.split('-').reverse().join('/'));
    expect((await log(`actorId=${officer.userId}&from=${today}&to=${today}`)).length).toBeGreaterThan(0);
    expect(await log(`actorId=${officer.userId}&to=2020-01-01`)).toEqual([]);
    expect((await log(`actorId=${admin.userId}&entity=organization`))).toEqual([]);
    const people = await log('entity=person');
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((e) => e.entity === 'person')).toBe(true);
  });

  it('is refused to anyone but an admin', async () => {
    expect((await call(officer, 'GET', '/api/audit')).statusCode).toBe(403);
    expect((await call(officer, 'GET', '/api/audit/export.xlsx')).statusCode).toBe(403);
  });

  it('exports the filtered log as XLSX, one row per changed field, in the language asked for', async () => {
    const org = (await call(officer, 'POST', '/api/organizations', buildOrganization({ name: 'Công ty Cổ phần Nông sản Tây Ninh', phone: '0276 100 100' }))).json();
    const res = await call(admin, 'GET', `/api/audit/export.xlsx?entity=organization&entityId=${org.id}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = rows.find((r) => r.includes('Field'))!;
    expect(header).toEqual(['Time (Vietnam)', 'By', 'Action', 'Record', 'Name', 'Field', 'Before', 'After']);
    const phone = rows.find((r) => r[5] === 'Phone');
    expect(phone).toEqual([expect.stringMatching(/\d{4} \d{2}:\d{2}$/), expect.any(String), 'Created', 'Organisation', 'Công ty Cổ phần Nông sản Tây Ninh', 'Phone', '', '0276 100 100']);
  });
});
