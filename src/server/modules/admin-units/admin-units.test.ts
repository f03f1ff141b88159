import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization } from '../../testing/factories.ts';
import { loadAdminUnits } from './admin-units.loader.ts';
import { findUnitByCode, findUnitByName } from './admin-units.service.ts';

let env: TestEnv;

beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.close());

interface Unit { id: string; level: string; code: string | null; name: string; parentName: string | null; validFrom: string | null; validTo: string | null }

/** Public routes: no login. */
const get = async (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });
const list = async (qs: string): Promise<Unit[]> => {
  const res = await get(`/api/admin-units?${qs}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
};
const count = async (where: string) =>
  (await env.h.query<{ n: number }>(`SELECT count(*)::int AS n FROM admin_units WHERE ${where}`))[0].n;
const province = async (code: string, asOf: string) => {
  const [unit] = await list(`level=province&code=${code}&asOf=${asOf}`);
  return unit;
};

describe('administrative units (reference data loaded with the test template)', () => {
  it('holds the 34 provinces and 3,321 communes of today and the 63 provinces, 696 districts and ≥10,000 communes before', async () => {
    expect(await count(`level = 'province' AND valid_to IS NULL AND valid_from = '2025-07-01'`)).toBe(34);
    expect(await count(`level = 'commune' AND valid_to IS NULL AND valid_from = '2025-07-01'`)).toBe(3321);
    expect(await count(`level = 'province' AND valid_to = '2025-06-30' AND valid_from = '-infinity'`)).toBe(63);
    expect(await count(`level = 'district' AND valid_to = '2025-06-30' AND code IS NULL`)).toBe(696);
    expect(await count(`level = 'commune' AND valid_to = '2025-06-30'`)).toBeGreaterThanOrEqual(10_000);
    expect(await count(`level = 'district' AND valid_to IS NULL`)).toBe(0);
    expect(await count(`parent_id IS NULL AND level <> 'province'`)).toBe(0);
    expect((await list('level=province&limit=200')).length).toBe(34);
  });

  it('resolves a reused code by date: 80 is Long An before the reform and Tây Ninh after; 91 Kiên Giang, then An Giang', async () => {
    expect(await province('80', '2024-01-01')).toMatchObject({ name: 'Long An', validFrom: null, validTo: '2025-06-30' });
    expect(await province('80', '2025-06-30')).toMatchObject({ name: 'Long An' });
    expect(await province('80', '2025-07-01')).toMatchObject({ name: 'Tây Ninh', validFrom: '2025-07-01', validTo: null });
    expect(await province('80', '2025-08-01')).toMatchObject({ name: 'Tây Ninh' });
    expect(await province('91', '2024-01-01')).toMatchObject({ name: 'Kiên Giang' });
    expect(await province('91', '2025-08-01')).toMatchObject({ name: 'An Giang' });
    // The service contract used by other modules (demo seed, imports).
    expect(await findUnitByCode(env.h.db, { level: 'province', code: '80', onDate: '2024-01-01' })).toMatchObject({ name: 'Long An' });
    expect(await findUnitByCode(env.h.db, { level: 'province', code: '80', onDate: '2025-08-01' })).toMatchObject({ name: 'Tây Ninh' });
    expect(await findUnitByCode(env.h.db, { level: 'province', code: '80' })).toMatchObject({ name: 'Tây Ninh' });
    expect(await findUnitByCode(env.h.db, { level: 'province', code: '02' })).toBeNull(); // Hà Giang: now part of Tuyên Quang
    const oldKhanhHau = await findUnitByCode(env.h.db, { level: 'commune', code: '27715', onDate: '2024-01-01' });
    const newKhanhHau = await findUnitByCode(env.h.db, { level: 'commune', code: '27715', onDate: '2025-08-01' });
    expect(oldKhanhHau).toMatchObject({ name: 'Phường Khánh Hậu', parentName: 'Thành phố Tân An', validTo: '2025-06-30' });
    expect(newKhanhHau).toMatchObject({ name: 'Phường Khánh Hậu', parentName: 'Tây Ninh', validTo: null });
    expect(newKhanhHau!.id).not.toBe(oldKhanhHau!.id);
  });

  it('links provinces to their successors: Long An → Tây Ninh, An Giang + Kiên Giang → An Giang, Lạng Sơn → Lạng Sơn', async () => {
    const detail = async (id: string) => {
      const res = await get(`/api/admin-units/${id}`);
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const longAn = await detail((await province('80', '2024-01-01')).id);
    expect(longAn).toMatchObject({ name: 'Long An', code: '80', level: 'province', kind: 'province', parent: null, validFrom: null, validTo: '2025-06-30', predecessors: [] });
    expect(longAn.successors).toEqual([expect.objectContaining({
      name: 'Tây Ninh', code: '80', validFrom: '2025-07-01', validTo: null, effectiveOn: '2025-07-01', legalBasis: 'Nghị quyết 202/2025/QH15',
    })]);
    const anGiang = await detail((await province('91', '2025-08-01')).id);
    expect(anGiang.predecessors.map((u: Unit) => [u.name, u.code, u.validTo])).toEqual([['An Giang', '89', '2025-06-30'], ['Kiên Giang', '91', '2025-06-30']]);
    expect(anGiang.successors).toEqual([]);
    const langSonOld = await detail((await province('20', '2024-01-01')).id);
    const langSonNew = (await province('20', '2025-08-01'));
    expect(langSonOld.successors.map((u: Unit) => [u.id, u.name])).toEqual([[langSonNew.id, 'Lạng Sơn']]);
    expect(langSonNew.id).not.toBe(langSonOld.id);
    const hcm = await detail((await province('79', '2025-08-01')).id);
    expect(hcm.predecessors.map((u: Unit) => u.name)).toEqual(['Bà Rịa - Vũng Tàu', 'Bình Dương', 'Thành phố Hồ Chí Minh']);
  });

  it('links old communes to new ones and shows a commune with its parent', async () => {
    const [khanhHau] = await list(`level=commune&q=khanh hau&asOf=2024-01-01`);
    const old = (await get(`/api/admin-units/${khanhHau.id}`)).json();
    expect(old).toMatchObject({ name: 'Phường Khánh Hậu', code: '27715', kind: 'ward', parent: { level: 'district', code: null, name: 'Thành phố Tân An' } });
    expect(old.successors).toEqual([expect.objectContaining({ name: 'Phường Khánh Hậu', code: '27715', parentName: 'Tây Ninh', effectiveOn: '2025-07-01' })]);
    const newer = (await get(`/api/admin-units/${old.successors[0].id}`)).json();
    expect(newer.predecessors.map((u: Unit) => u.name)).toContain('Phường Khánh Hậu');
    const district = (await get(`/api/admin-units/${old.parent.id}`)).json();
    expect(district).toMatchObject({ level: 'district', kind: 'city', parent: { name: 'Long An', code: '80' }, validTo: '2025-06-30' });
    // An island district without communes became a special zone.
    const [conDao] = await list('level=district&q=con dao&asOf=2025-01-01');
    expect(conDao).toMatchObject({ name: 'Huyện Côn Đảo', parentName: 'Bà Rịa - Vũng Tàu' });
    const conDaoDetail = (await get(`/api/admin-units/${conDao.id}`)).json();
    expect(conDaoDetail.successors.map((u: Unit) => [u.name, u.parentName])).toEqual([['Đặc khu Côn Đảo', 'Thành phố Hồ Chí Minh']]);
  });

  it('searches without diacritics and filters by the day in force', async () => {
    expect((await list('q=khanh hau')).map((u) => [u.name, u.parentName])).toEqual([['Phường Khánh Hậu', 'Tây Ninh']]);
    // Every word is matched anywhere in the name (the project-wide rule), so "hau" also finds Xã Châu Khánh.
    const before = (await list('q=KHÁNH hậu&asOf=2020-05-01')).map((u) => [u.name, u.parentName]);
    expect(before).toContainEqual(['Phường Khánh Hậu', 'Thành phố Tân An']);
    expect(before).not.toContainEqual(['Phường Khánh Hậu', 'Tây Ninh']);
    expect((await list('level=province&q=long an')).map((u) => u.name)).toEqual([]);
    expect((await list('level=province&q=long an&asOf=2025-06-30')).map((u) => u.name)).toEqual(['Long An']);
    expect((await list('level=province&q=dak&asOf=2024-01-01')).map((u) => u.name)).toEqual(['Đắk Lắk', 'Đắk Nông']);
    expect((await list('level=province&asOf=2024-01-01&limit=200')).length).toBe(63);
    expect((await list('level=province&asOf=2025-06-30&limit=200')).length).toBe(63);
    expect((await list('level=province&asOf=2025-07-01&limit=200')).length).toBe(34);
    expect(await list('level=district')).toEqual([]);
    expect((await list('level=district&asOf=2025-06-30&limit=1')).length).toBe(1);
  });

  it('lists the children of a unit in Vietnamese order, paging with a cursor that neither skips nor repeats', async () => {
    const longAn = await province('80', '2024-01-01');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `parentId=${longAn.id}&asOf=2024-01-01&limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await get(`/api/admin-units?${qs}`)).json();
      seen.push(...body.items.map((u: Unit) => u.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(15); // Long An: Thành phố Tân An, Thị xã Kiến Tường and 13 huyện
    expect(seen).toEqual([...seen].sort(new Intl.Collator('vi').compare));
    expect(seen).toContain('Huyện Bến Lức');
    // Nothing of old Long An is in force today.
    expect((await list(`parentId=${longAn.id}`))).toEqual([]);
  });

  it('finds a unit by name (folded, with or without its type word) on a day, refusing to guess between namesakes', async () => {
    const db = env.h.db;
    expect(await findUnitByName(db, { level: 'province', name: 'Tây Ninh' })).toMatchObject({ code: '80', validTo: null });
    expect(await findUnitByName(db, { level: 'province', name: 'tinh tay ninh' })).toMatchObject({ name: 'Tây Ninh' });
    expect(await findUnitByName(db, { level: 'province', name: 'Hà Nội' })).toMatchObject({ name: 'Thành phố Hà Nội', code: '01' });
    expect(await findUnitByName(db, { level: 'province', name: 'Tỉnh Long An', onDate: '2024-01-01' })).toMatchObject({ name: 'Long An', code: '80' });
    expect(await findUnitByName(db, { level: 'province', name: 'Long An' })).toBeNull();
    expect(await findUnitByName(db, { level: 'province', name: '  ' })).toBeNull();
    const tayNinh = (await findUnitByName(db, { level: 'province', name: 'Tây Ninh' }))!;
    expect(await findUnitByName(db, { level: 'commune', name: 'Phường Khánh Hậu', parentId: tayNinh.id })).toMatchObject({ code: '27715' });
    // Two communes of one district whose names differ only by a tone: the exact spelling decides.
    const opts = { level: 'commune' as const, onDate: '2024-01-01' };
    expect(await findUnitByName(db, { ...opts, name: 'Xã Hoằng Đồng' })).toMatchObject({ code: '15952' });
    expect(await findUnitByName(db, { ...opts, name: 'Xã Hoằng Đông' })).toMatchObject({ code: '15997' });
    // Many provinces have a Xã Tân Hòa: without a parent the name is ambiguous.
    await expect(findUnitByName(db, { level: 'commune', name: 'Xã Tân Hòa', onDate: '2024-01-01' }))
      .rejects.toMatchObject({ code: 'admin_unit.ambiguous', status: 400 });
  });

  it('refuses an organisation placed in a unit no longer in force, and accepts one in force', async () => {
    const officer = await env.as('dost_officer');
    const longAn = await province('80', '2024-01-01');
    const res = await env.app.inject({ method: 'POST', url: '/api/organizations', headers: officer,
      payload: buildOrganization({ name: 'Công ty TNHH Thanh long Châu Thành', adminUnitId: longAn.id }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'admin_unit.not_in_force', details: [{ path: 'body.adminUnitId', validTo: '2025-06-30' }] });
    expect(res.json().message).toMatch(/^Đơn vị hành chính Long An không còn hiệu lực vào ngày \d\d\/\d\d\/\d{4}\.$/);
    const [khanhHau] = await list('q=khanh hau');
    const ok = await env.app.inject({ method: 'POST', url: '/api/organizations', headers: officer,
      payload: buildOrganization({ name: 'Hợp tác xã Khánh Hậu', kind: 'cooperative', adminUnitId: khanhHau.id }) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ adminUnitId: khanhHau.id, adminUnitName: 'Phường Khánh Hậu' });
  });

  it('answers bad input and unknown units clearly', async () => {
    const bad = await get('/api/admin-units?asOf=01/07/2025&level=village');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['querystring.asOf', 'querystring.level']);
    const missing = await get('/api/admin-units/00000000-0000-4000-8000-000000000000', { 'accept-language': 'en' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'common.not_found', message: 'Not found: administrative unit.' });
    expect((await get('/api/admin-units?cursor=garbage')).json().code).toBe('common.bad_cursor');
  });

  it('loads nothing more when run again', async () => {
    const before = await env.h.query<{ units: number; links: number }>(
      'SELECT (SELECT count(*)::int FROM admin_units) AS units, (SELECT count(*)::int FROM admin_unit_successions) AS links');
    await loadAdminUnits(env.h);
    const after = await env.h.query(
      'SELECT (SELECT count(*)::int FROM admin_units) AS units, (SELECT count(*)::int FROM admin_unit_successions) AS links');
    expect(after).toEqual(before);
    expect(before[0].links).toBeGreaterThanOrEqual(10_000);
  });
});
