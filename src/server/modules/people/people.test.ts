import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization, buildPerson } from '../../testing/factories.ts';
import { splitVietnameseName } from './people.name-order.ts';

let env: TestEnv;
let officer: AuthHeaders;

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
});
afterAll(() => env.close());

interface PersonBody { id: string; fullName: string; version: number; [k: string]: unknown }

const create = (headers: AuthHeaders, payload: unknown) =>
  env.app.inject({ method: 'POST', url: '/api/people', headers, payload: payload as object });
const get = (headers: AuthHeaders | Record<string, string>, url: string) => env.app.inject({ method: 'GET', url, headers });
const names = async (qs: string, headers: AuthHeaders = officer) =>
  (await get(headers, `/api/people?${qs}`)).json().items.map((p: PersonBody) => p.fullName);
const newOrg = async (name: string, headers: AuthHeaders = officer) =>
  (await env.app.inject({ method: 'POST', url: '/api/organizations', headers, payload: buildOrganization({ name }) })).json();
/** The editable fields of a person as read back, ready to send in a PUT. */
const editable = ({ id: _id, createdAt: _c, updatedAt: _u, organizationName: _o, ...rest }: PersonBody) => rest;

describe('people and experts', () => {
  it('creates an expert with titles, field and organisation, and reads it back', async () => {
    const org = await newOrg('Trường Đại học Kinh tế Công nghiệp Long An');
    const res = await create(officer, buildPerson({
      fullName: 'Nguyễn Thị Bích Thảo', academicTitle: 'PGS', degree: 'TS', position: 'Trưởng khoa Công nghệ thực phẩm',
      scienceField: '211', expertise: 'Bảo quản và chế biến thanh long sau thu hoạch', organizationId: org.id,
      email: 'thao.ntb@daihoclongan.edu.vn', phone: '0272 3511 234',
    }));
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person).toMatchObject({
      fullName: 'Nguyễn Thị Bích Thảo', academicTitle: 'PGS', degree: 'TS', scienceField: '211', organizationId: org.id,
      organizationName: 'Trường Đại học Kinh tế Công nghiệp Long An', isExpert: true, note: null, version: 1,
    });
    expect(person).not.toHaveProperty('sortKey');
    const read = await get(officer, `/api/people/${person.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(person);
  });

  it('finds people by name or expertise typed without diacritics, in any case, with đ as d', async () => {
    await create(officer, buildPerson({ fullName: 'Đặng Văn Đức', expertise: 'Cơ khí chế tạo máy nông nghiệp' }));
    await create(officer, buildPerson({ fullName: 'Trương Thị Ngọc Hân', expertise: 'Chỉ dẫn địa lý và nhãn hiệu tập thể' }));
    expect(await names('q=dang van duc')).toEqual(['Đặng Văn Đức']);
    expect(await names('q=DANG duc')).toEqual(['Đặng Văn Đức']);
    expect(await names(`q=${encodeURIComponent('Đặng Văn Đức')}`)).toEqual(['Đặng Văn Đức']);
    expect(await names('q=co khi nong nghiep')).toEqual(['Đặng Văn Đức']);
    expect(await names('q=chi dan dia ly')).toEqual(['Trương Thị Ngọc Hân']);
    expect(await names('q=ngoc han nhan hieu')).toEqual(['Trương Thị Ngọc Hân']);
    expect(await names('q=thanh long')).toEqual(['Nguyễn Thị Bích Thảo']);
    expect(await names('q=duc chi dan')).toEqual([]);
  });

  it('lists by given name, then family and middle names, with cursor paging that neither skips nor repeats', async () => {
    const batch = ['Trần Văn An', 'Lê Thị Anh', 'Võ Văn Anh', 'Phạm Thị Ánh', 'Hoàng Văn Bình', 'Đỗ Thị Đào',
      'Phạm Minh Dũng', 'Dương Văn Dũng', 'Lê Văn An', 'Nguyễn An', 'Ông Thị Thảo', 'Huỳnh Thị Út', 'Trương Thị Yến'];
    for (const fullName of batch) await create(officer, buildPerson({ fullName, degree: 'KS', isExpert: false }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { items: PersonBody[]; nextCursor: string | null } = (await get(officer, `/api/people?isExpert=false&limit=4${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...body.items.map((p: PersonBody) => p.fullName));
      cursor = body.nextCursor;
    } while (cursor);
    const vi = new Intl.Collator('vi');
    const expected = [...batch].sort((a, b) => {
      const [pa, pb] = [splitVietnameseName(a), splitVietnameseName(b)];
      return vi.compare(pa.givenName, pb.givenName) || vi.compare(pa.familyAndMiddle, pb.familyAndMiddle);
    });
    expect(seen).toEqual(expected);
    expect(seen.slice(0, 6)).toEqual(['Lê Văn An', 'Nguyễn An', 'Trần Văn An', 'Lê Thị Anh', 'Võ Văn Anh', 'Phạm Thị Ánh']);
    const bad = await get(officer, '/api/people?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('common.bad_cursor');
  });

  it('filters by organisation, field (a broad field finds its sub-fields), degree and expert flag', async () => {
    const institute = await newOrg('Viện Nghiên cứu Nuôi trồng Thủy sản II');
    const other = await newOrg('Trung tâm Ứng dụng tiến bộ KH&CN Long An');
    await create(officer, buildPerson({ fullName: 'Phan Thanh Lâm', degree: 'TS', scienceField: '405', organizationId: institute.id }));
    await create(officer, buildPerson({ fullName: 'Bùi Thị Mai', degree: 'ThS', scienceField: '401', organizationId: institute.id }));
    await create(officer, buildPerson({ fullName: 'Lý Văn Nam', degree: 'TS', scienceField: '202', organizationId: other.id }));
    expect(await names(`organizationId=${institute.id}`)).toEqual(['Phan Thanh Lâm', 'Bùi Thị Mai']);
    expect(await names('scienceField=405')).toEqual(['Phan Thanh Lâm']);
    expect(await names('scienceField=4')).toEqual(['Phan Thanh Lâm', 'Bùi Thị Mai']);
    expect(await names(`scienceField=4&degree=TS&organizationId=${institute.id}`)).toEqual(['Phan Thanh Lâm']);
    expect(await names(`degree=TS&organizationId=${other.id}`)).toEqual(['Lý Văn Nam']);
    const badFilter = await get(officer, '/api/people?degree=GS&scienceField=4%25');
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['querystring.degree', 'querystring.scienceField']);
  });

  it('updates with the version read and refuses a stale one with 409', async () => {
    const person: PersonBody = (await create(officer, buildPerson({ fullName: 'Hồ Thị Kim Oanh', degree: 'ThS' }))).json();
    const ok = await env.app.inject({ method: 'PUT', url: `/api/people/${person.id}`, headers: officer,
      payload: { ...editable(person), degree: 'TS', academicTitle: 'PGS' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ degree: 'TS', academicTitle: 'PGS', version: 2 });
    const stale = await env.app.inject({ method: 'PUT', url: `/api/people/${person.id}`, headers: officer,
      payload: { ...editable(person), fullName: 'Tên bị ghi đè' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'common.version_conflict', details: { current: 2, sent: 1 } });
    const staleDelete = await env.app.inject({ method: 'DELETE', url: `/api/people/${person.id}?version=1`, headers: officer });
    expect(staleDelete.statusCode).toBe(409);
    expect((await get(officer, `/api/people/${person.id}`)).json()).toMatchObject({ fullName: 'Hồ Thị Kim Oanh', version: 2 });
  });

  it('accepts only an organisation of the same province and a known field, naming the field, writing nothing', async () => {
    const before = (await env.h.query<{ n: number }>('SELECT count(*)::int AS n FROM people'))[0].n;
    const { id: otherTenant } = await buildTenant(env.h, 'Sở KH&CN tỉnh Lạng Sơn');
    const foreignOfficer = await env.as('dost_officer', { tenantId: otherTenant });
    const foreignOrg = await newOrg('Công ty TNHH Hồi Lạng Sơn', foreignOfficer);
    for (const organizationId of [foreignOrg.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await create(officer, buildPerson({ organizationId }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'common.validation_failed', details: [{ path: 'body.organizationId' }] });
    }
    const field = await create(officer, buildPerson({ scienceField: '999' }));
    expect(field.statusCode).toBe(400);
    expect(field.json().details[0].path).toBe('body.scienceField');
    const wrong = await create(officer, { fullName: '', degree: 'GSTS', academicTitle: 'TS', email: 'not-an-email', isExpert: 'yes' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.map((d: { path: string }) => d.path).sort())
      .toEqual(['body.academicTitle', 'body.degree', 'body.email', 'body.fullName', 'body.isExpert']);
    expect((await env.h.query<{ n: number }>('SELECT count(*)::int AS n FROM people'))[0].n).toBe(before);
    // Moving an existing person to another province's organisation is refused the same way.
    const person: PersonBody = (await create(officer, buildPerson({ fullName: 'Tạ Quang Vinh' }))).json();
    const moved = await env.app.inject({ method: 'PUT', url: `/api/people/${person.id}`, headers: officer,
      payload: { ...editable(person), organizationId: foreignOrg.id } });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().details[0].path).toBe('body.organizationId');
  });

  it('refuses to delete an organisation while people belong to it', async () => {
    const org = await newOrg('Công ty Cổ phần Giống cây trồng Long An');
    const person: PersonBody = (await create(officer, buildPerson({ fullName: 'Mai Văn Phúc', organizationId: org.id }))).json();
    const refused = await env.app.inject({ method: 'DELETE', url: `/api/organizations/${org.id}?version=1`, headers: officer });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'common.in_use', details: { constraint: 'people_organization_id_fkey', usedBy: 'people' },
      message: 'Không thể xóa tổ chức vì đang được sử dụng ở danh sách chuyên gia.',
    });
    expect((await get(officer, `/api/organizations/${org.id}`)).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'DELETE', url: `/api/people/${person.id}?version=1`, headers: officer })).statusCode).toBe(204);
    expect((await env.app.inject({ method: 'DELETE', url: `/api/organizations/${org.id}?version=1`, headers: officer })).statusCode).toBe(204);
  });

  it('refuses to delete a person another record still refers to, naming what uses it', async () => {
    // Stands in for the tasks and councils that will refer to people by foreign key.
    await env.h.exec('CREATE TABLE test_council_members (person_id uuid NOT NULL REFERENCES people(id))');
    const person: PersonBody = (await create(officer, buildPerson({ fullName: 'Vương Thị Xuân' }))).json();
    await env.h.query('INSERT INTO test_council_members (person_id) VALUES ($1)', [person.id]);
    const refused = await env.app.inject({ method: 'DELETE', url: `/api/people/${person.id}?version=1`, headers: officer });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'common.in_use', message: 'Không thể xóa chuyên gia vì đang được sử dụng ở test_council_members.' });
    expect((await get(officer, `/api/people/${person.id}`)).statusCode).toBe(200);
  });

  it('records every write in the audit log with before and after', async () => {
    const person: PersonBody = (await create(officer, buildPerson({ fullName: 'Lâm Thị Quỳnh', phone: null }))).json();
    await env.app.inject({ method: 'PUT', url: `/api/people/${person.id}`, headers: officer,
      payload: { ...editable(person), phone: '0913 456 789' } });
    expect((await env.app.inject({ method: 'DELETE', url: `/api/people/${person.id}?version=2`, headers: officer })).statusCode).toBe(204);
    expect((await get(officer, `/api/people/${person.id}`)).statusCode).toBe(404);
    const admin = await env.as('admin');
    const log = (await get(admin, `/api/audit?entity=person&entityId=${person.id}`)).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(log.items[1].before.phone).toBeNull();
    expect(log.items[1].after.phone).toBe('0913 456 789');
    expect(log.items[0].before.fullName).toBe('Lâm Thị Quỳnh');
    expect(log.items[2].actorName).toContain('dost_officer');
  });

  it('keeps provinces apart: another province neither reads nor writes these records', async () => {
    const person: PersonBody = (await create(officer, buildPerson({ fullName: 'Kiều Văn Sáng', expertise: 'Năng suất chất lượng' }))).json();
    const { id: otherTenant } = await buildTenant(env.h, 'Sở KH&CN tỉnh An Giang');
    const other = await env.as('dost_officer', { tenantId: otherTenant });
    expect((await get(other, `/api/people/${person.id}`)).statusCode).toBe(404);
    expect(await names('q=kieu van sang', other)).toEqual([]);
    const put = await env.app.inject({ method: 'PUT', url: `/api/people/${person.id}`, headers: other,
      payload: { ...editable(person), fullName: 'Chiếm đoạt' } });
    expect(put.statusCode).toBe(404);
    expect((await env.app.inject({ method: 'DELETE', url: `/api/people/${person.id}?version=1`, headers: other })).statusCode).toBe(404);
    expect((await get(officer, `/api/people/${person.id}`)).json()).toMatchObject({ fullName: 'Kiều Văn Sáng', version: 1 });
  });

  it('lets readers read, only writers write, and nobody without signing in or without CSRF', async () => {
    const person: PersonBody = (await create(officer, buildPerson({ fullName: 'Cao Thị Tuyết' }))).json();
    for (const role of ['leader', 'unit_officer', 'reviewer', 'admin'] as const) {
      const h = await env.as(role);
      expect((await get(h, '/api/people?q=cao thi tuyet')).json().items).toHaveLength(1);
      expect((await get(h, `/api/people/${person.id}`)).statusCode).toBe(200);
    }
    const leader = await env.as('leader');
    expect((await create(leader, buildPerson())).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'PUT', url: `/api/people/${person.id}`, headers: leader, payload: editable(person) })).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'DELETE', url: `/api/people/${person.id}?version=1`, headers: leader })).statusCode).toBe(403);
    const admin = await env.as('admin');
    expect((await create(admin, buildPerson({ fullName: 'Người do quản trị tạo' }))).statusCode).toBe(201);
    const applicant = await env.as('applicant');
    expect((await get(applicant, '/api/people')).statusCode).toBe(403);
    expect((await get(applicant, `/api/people/${person.id}`)).statusCode).toBe(403);
    expect((await get({}, '/api/people')).statusCode).toBe(401);
    const noCsrf = await env.app.inject({ method: 'POST', url: '/api/people', headers: { cookie: officer.cookie }, payload: buildPerson() });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf_invalid');
  });
});
