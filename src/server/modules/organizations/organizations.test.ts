import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv, type AuthHeaders } from '../../testing/harness.ts';
import { buildOrganization } from '../../testing/factories.ts';

let env: TestEnv;
let officer: AuthHeaders;

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
});
afterAll(() => env.close());

const create = (headers: AuthHeaders, payload: unknown) =>
  env.app.inject({ method: 'POST', url: '/api/organizations', headers, payload: payload as object });

describe('organisations', () => {
  it('creates one with a Vietnamese name and reads it back', async () => {
    const res = await create(officer, buildOrganization({ name: 'Hợp tác xã Nông nghiệp Nhơn Thạnh Trung', kind: 'cooperative' }));
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ name: 'Hợp tác xã Nông nghiệp Nhơn Thạnh Trung', kind: 'cooperative', version: 1 });
    const read = await env.app.inject({ method: 'GET', url: `/api/organizations/${org.id}`, headers: officer });
    expect(read.json()).toEqual(org);
  });

  it('finds a name typed without diacritics, in any case, and đ as d', async () => {
    await create(officer, buildOrganization({ name: 'Công ty Cổ phần Cơ khí chế tạo máy Long An' }));
    await create(officer, buildOrganization({ name: 'Công ty Cổ phần Dược liệu Đồng Tháp Mười' }));
    const search = async (q: string) => (await env.app.inject({
      method: 'GET', url: `/api/organizations?q=${encodeURIComponent(q)}`, headers: officer,
    })).json().items.map((o: { name: string }) => o.name);
    expect(await search('co khi long an')).toContain('Công ty Cổ phần Cơ khí chế tạo máy Long An');
    expect(await search('CO KHI long AN')).toContain('Công ty Cổ phần Cơ khí chế tạo máy Long An');
    expect(await search('duoc lieu dong thap')).toEqual(['Công ty Cổ phần Dược liệu Đồng Tháp Mười']);
    expect(await search('Dược Liệu')).toEqual(['Công ty Cổ phần Dược liệu Đồng Tháp Mười']);
    expect(await search('co khi dong thap')).toEqual([]);
  });

  it('lists in Vietnamese order with cursor paging that neither skips nor repeats', async () => {
    const names = ['Ánh Dương', 'Anh Minh', 'Âu Lạc', 'Ăn Ngon', 'Bảo Long', 'Đại Phát', 'Dũng Tiến', 'Ơn Trời', 'Ông Già', 'Ô Long', 'Yến Sào']
      .map((n) => `Doanh nghiệp thử ${n}`);
    for (const name of names) await create(officer, buildOrganization({ name, kind: 'household_business' }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `kind=household_business&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await env.app.inject({ method: 'GET', url: `/api/organizations?${qs}`, headers: officer })).json();
      seen.push(...body.items.map((o: { name: string }) => o.name));
      cursor = body.nextCursor;
    } while (cursor);
    const expected = [...names].sort(new Intl.Collator('vi').compare);
    expect(seen).toEqual(expected);
    // Letters decide first (anh d… < anh m…); the tone only breaks ties; ă and â are letters after a.
    expect(expected.slice(0, 4)).toEqual(['Doanh nghiệp thử Ánh Dương', 'Doanh nghiệp thử Anh Minh', 'Doanh nghiệp thử Ăn Ngon', 'Doanh nghiệp thử Âu Lạc']);
  });

  it('updates with the current version and refuses a stale one with 409, changing nothing', async () => {
    const org = (await create(officer, buildOrganization({ name: 'Công ty TNHH MTV Sản xuất Rượu Thanh long' }))).json();
    const { id, version, createdAt, updatedAt, adminUnitName, ...rest } = org;
    const ok = await env.app.inject({ method: 'PUT', url: `/api/organizations/${id}`, headers: officer,
      payload: { ...rest, isStEnterprise: true, version } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ isStEnterprise: true, version: 2 });
    const stale = await env.app.inject({ method: 'PUT', url: `/api/organizations/${id}`, headers: officer,
      payload: { ...rest, name: 'Tên bị ghi đè', version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'common.version_conflict', details: { current: 2, sent: 1 } });
    const now = (await env.app.inject({ method: 'GET', url: `/api/organizations/${id}`, headers: officer })).json();
    expect(now.name).toBe('Công ty TNHH MTV Sản xuất Rượu Thanh long');
  });

  it('refuses an invalid tax code naming the field, in Vietnamese or English', async () => {
    const vi = await create(officer, buildOrganization({ taxCode: '0300588560' }));
    expect(vi.statusCode).toBe(400);
    expect(vi.json()).toMatchObject({ code: 'common.validation_failed', details: [{ path: 'body.taxCode', message: 'Mã số thuế sai chữ số kiểm tra (chữ số thứ 10).' }] });
    const en = await env.app.inject({ method: 'POST', url: '/api/organizations', headers: { ...officer, 'accept-language': 'en-US,en;q=0.9' },
      payload: { ...buildOrganization(), taxCode: '12345' } });
    expect(en.json()).toMatchObject({ message: 'Invalid data. Please check the fields listed.', details: [{ path: 'body.taxCode', message: expect.stringContaining('10 digits') }] });
  });

  it('answers wrong types, oversized strings and bodies, unknown ids and duplicates clearly, writing nothing', async () => {
    const before = (await env.h.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations'))[0].n;
    const wrong = await create(officer, { kind: 'bank', name: 42, isStEnterprise: 'yes' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['body.isStEnterprise', 'body.kind', 'body.name']);
    const long = await create(officer, buildOrganization({ name: 'x'.repeat(301) }));
    expect(long.statusCode).toBe(400);
    const huge = await create(officer, buildOrganization({ note: 'y'.repeat(1_100_000) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('common.body_too_large');
    const unit = await create(officer, buildOrganization({ adminUnitId: '00000000-0000-4000-8000-000000000000' }));
    expect(unit.statusCode).toBe(400);
    expect(unit.json().details[0].path).toBe('body.adminUnitId');
    const missing = await env.app.inject({ method: 'GET', url: '/api/organizations/00000000-0000-4000-8000-000000000000', headers: officer });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'common.not_found', message: 'Không tìm thấy tổ chức.' });
    const badId = await env.app.inject({ method: 'GET', url: '/api/organizations/not-a-uuid', headers: officer });
    expect(badId.statusCode).toBe(400);
    expect((await env.h.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations'))[0].n).toBe(before);
    const first = buildOrganization();
    expect((await create(officer, first)).statusCode).toBe(201);
    const dup = await create(officer, { ...first, name: 'Bản sao' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'common.duplicate', message: `Mã số thuế "${first.taxCode}" đã tồn tại.`, details: [{ path: 'body.taxCode' }] });
  });

  it('records every write in the audit log with before and after', async () => {
    const org = (await create(officer, buildOrganization({ name: 'Công ty Cổ phần dược liệu Mecola' }))).json();
    const { id, version, createdAt, updatedAt, adminUnitName, ...rest } = org;
    await env.app.inject({ method: 'PUT', url: `/api/organizations/${id}`, headers: officer, payload: { ...rest, phone: '0272 3826 123', version } });
    const del = await env.app.inject({ method: 'DELETE', url: `/api/organizations/${id}?version=2`, headers: officer });
    expect(del.statusCode).toBe(204);
    const admin = await env.as('admin');
    const log = (await env.app.inject({ method: 'GET', url: `/api/audit?entity=organization&entityId=${id}`, headers: admin })).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    const upd = log.items[1];
    expect(upd.before.phone).toBeNull();
    expect(upd.after.phone).toBe('0272 3826 123');
    expect(upd.actorName).toContain('dost_officer');
    const asOfficer = await env.app.inject({ method: 'GET', url: '/api/audit', headers: officer });
    expect(asOfficer.statusCode).toBe(403);
    await expect(env.h.exec(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(env.h.exec(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('keeps provinces apart: another province neither reads nor writes these records', async () => {
    const org = (await create(officer, buildOrganization({ name: 'Công ty Cổ phần Cơ khí Xây dựng Long An' }))).json();
    const { id: otherTenant } = await (await import('../../testing/harness.ts')).buildTenant(env.h, 'Sở KH&CN tỉnh khác');
    const other = await env.as('dost_officer', { tenantId: otherTenant });
    expect((await env.app.inject({ method: 'GET', url: `/api/organizations/${org.id}`, headers: other })).statusCode).toBe(404);
    const list = (await env.app.inject({ method: 'GET', url: '/api/organizations?q=co khi xay dung', headers: other })).json();
    expect(list.items).toEqual([]);
    const { id, version, createdAt, updatedAt, adminUnitName, ...rest } = org;
    const put = await env.app.inject({ method: 'PUT', url: `/api/organizations/${id}`, headers: other, payload: { ...rest, name: 'Chiếm đoạt', version } });
    expect(put.statusCode).toBe(404);
    const del = await env.app.inject({ method: 'DELETE', url: `/api/organizations/${id}?version=1`, headers: other });
    expect(del.statusCode).toBe(404);
  });

  it('counts the registry for the overview page', async () => {
    const before = (await env.app.inject({ method: 'GET', url: '/api/registry/stats', headers: officer })).json();
    await create(officer, buildOrganization({ name: 'Doanh nghiệp KH&CN đếm thử', isStEnterprise: true }));
    const after = (await env.app.inject({ method: 'GET', url: '/api/registry/stats', headers: officer })).json();
    expect(after.organizations).toBe(before.organizations + 1);
    expect(after.stEnterprises).toBe(before.stEnterprises + 1);
    expect(after.byKind.enterprise).toBe((before.byKind.enterprise ?? 0) + 1);
    const { n } = (await env.h.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations WHERE tenant_id = $1', [env.tenantId]))[0];
    expect(after.organizations).toBe(n);
  });

  it('enforces roles, authentication and CSRF', async () => {
    const leader = await env.as('leader');
    expect((await env.app.inject({ method: 'GET', url: '/api/organizations', headers: leader })).statusCode).toBe(200);
    expect((await create(leader, buildOrganization())).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(401);
    const noCsrf = await env.app.inject({ method: 'POST', url: '/api/organizations', headers: { cookie: officer.cookie }, payload: buildOrganization() });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf_invalid');
    const own = (await create(officer, buildOrganization({ name: 'Công ty khởi nghiệp của tôi', kind: 'startup' }))).json();
    const applicant = await env.as('applicant', { organizationId: own.id });
    expect((await env.app.inject({ method: 'GET', url: `/api/organizations/${own.id}`, headers: applicant })).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: '/api/organizations', headers: applicant })).statusCode).toBe(403);
  });

  it('lets an applicant edit its own organisation, but not the fields the department certifies', async () => {
    const own = (await create(officer, buildOrganization({ name: 'Công ty TNHH Giải pháp Nông nghiệp số', kind: 'startup' }))).json();
    const applicant = await env.as('applicant', { organizationId: own.id });
    const { id, createdAt, updatedAt, adminUnitName, ...rest } = own;
    const put = (headers: AuthHeaders, payload: object) => env.app.inject({ method: 'PUT', url: `/api/organizations/${id}`, headers, payload });
    // The whole record sent back as read, with a new phone number: the certification it did not change is fine.
    const phone = await put(applicant, { ...rest, phone: '0276 3822 456' });
    expect(phone.statusCode).toBe(200);
    const refused = await put(applicant, { ...rest, version: 2, isStEnterprise: true, taxCode: null });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'auth.field_not_allowed' });
    expect(refused.json().details).toEqual([
      { path: 'body.taxCode', code: 'field_not_allowed', message: expect.stringContaining('Mã số thuế') },
      { path: 'body.isStEnterprise', code: 'field_not_allowed', message: expect.stringContaining('Doanh nghiệp KH&CN') },
    ]);
    expect(refused.json().message).toContain('Doanh nghiệp KH&CN');
    const en = await put({ ...applicant, 'accept-language': 'en' }, { ...rest, version: 2, isStEnterprise: true });
    expect(en.json().message).toContain('S&T enterprise');
    const now = (await env.app.inject({ method: 'GET', url: `/api/organizations/${id}`, headers: officer })).json();
    expect(now).toMatchObject({ isStEnterprise: false, taxCode: own.taxCode, phone: '0276 3822 456', version: 2 });
    // The department grants it.
    expect((await put(officer, { ...rest, version: 2, isStEnterprise: true })).json()).toMatchObject({ isStEnterprise: true, version: 3 });
  });
});
