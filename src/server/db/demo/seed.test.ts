/** The demo seed on a real migrated database, checked through the API the way a user sees it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { buildApp, type App } from '../../http/app.ts';
import { login, openTestDb, type AuthHeaders } from '../../testing/harness.ts';
import { isValidTaxCode } from '../../../lib/vi/tax-code.ts';
import { DEMO_PASSWORD, seedDemo, type DemoSeedResult } from './seed.ts';

let h: DbHandle;
let app: App;
let seeded: DemoSeedResult;
let canbo: AuthHeaders;

beforeAll(async () => {
  h = await openTestDb();
  app = await buildApp({ dbHandle: h, webDir: null, loginAttemptsPerMinute: 1000 });
  seeded = await seedDemo(h);
  canbo = await login(app, 'canbo', DEMO_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const get = async (headers: AuthHeaders, url: string) => {
  const res = await app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

describe('demo seed', () => {
  it('creates one login per role in Tây Ninh and a DOST officer in Lạng Sơn and An Giang, all signing in', async () => {
    expect(seeded.created).toBe(true);
    expect(seeded.logins.map((l) => `${l.tenant}/${l.username}/${l.role}`)).toEqual([
      'tay-ninh/admin/admin', 'tay-ninh/canbo/dost_officer', 'tay-ninh/donvi/unit_officer', 'tay-ninh/hoidong/reviewer',
      'tay-ninh/lanhdao/leader', 'tay-ninh/doanhnghiep/applicant', 'lang-son/canbo.langson/dost_officer',
      'an-giang/canbo.angiang/dost_officer',
    ]);
    for (const l of seeded.logins) {
      expect(l.password).toBe('khcn-demo-2026');
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: l.username, password: l.password } });
      expect(res.statusCode, l.username).toBe(200);
      expect(res.json().user).toMatchObject({ role: l.role, tenant: { slug: l.tenant } });
    }
  });

  it('links each tenant to the province in force today (codes 80, 20, 91 after the 2025 reform)', async () => {
    const rows = await h.query<{ slug: string; code: string; name: string; valid_to: string | null }>(
      `SELECT t.slug, u.code, u.name, u.valid_to::text FROM tenants t JOIN admin_units u ON u.id = t.province_unit_id ORDER BY t.slug`);
    expect(rows).toEqual([
      { slug: 'an-giang', code: '91', name: 'An Giang', valid_to: null },
      { slug: 'lang-son', code: '20', name: 'Lạng Sơn', valid_to: null },
      { slug: 'tay-ninh', code: '80', name: 'Tây Ninh', valid_to: null },
    ]);
  });

  it('registers the organisations the articles name, searchable without diacritics, with valid (fictitious) tax codes', async () => {
    const all = (await get(canbo, '/api/organizations?limit=100')).items as { name: string; taxCode: string | null; kind: string }[];
    expect(all.map((o) => o.name)).toEqual(expect.arrayContaining([
      'Công ty Cổ phần Nghiên cứu Bảo Tồn và Phát triển Dược liệu Đồng Tháp Mười', 'Công ty Cổ phần Cơ Khí chế tạo máy Long An',
      'Công ty TNHH MTV Sản xuất Rượu Thanh long', 'Công ty Cổ phần Cơ khí Xây dựng Long An',
      'Hợp tác xã Nông nghiệp Nhơn Thạnh Trung', 'Công ty Cổ phần dược liệu Mecola',
    ]));
    for (const o of all) if (o.taxCode) expect(isValidTaxCode(o.taxCode), o.taxCode).toBe(true);
    const found = (await get(canbo, '/api/organizations?q=co%20khi%20long%20an')).items.map((o: { name: string }) => o.name);
    expect(new Set(found)).toEqual(new Set(['Công ty Cổ phần Cơ khí Xây dựng Long An', 'Công ty Cổ phần Cơ Khí chế tạo máy Long An']));
    // Another province's records stay in that province.
    expect(all.map((o) => o.name)).not.toContain('Hợp tác xã Bến Bà Chi');
  });

  it('places organisations in the commune that succeeded the one the article names', async () => {
    const ag = await login(app, 'canbo.angiang', DEMO_PASSWORD);
    const [benBaChi] = (await get(ag, '/api/organizations?q=ben%20ba%20chi')).items;
    expect(benBaChi).toMatchObject({ kind: 'cooperative', adminUnitName: 'Xã Ba Chúc' }); // formerly xã Lê Trì, huyện Tri Tôn
    const [nhonThanhTrung] = (await get(canbo, '/api/organizations?q=nhon%20thanh%20trung')).items;
    expect(nhonThanhTrung.adminUnitName).toBe('Phường Tân An');
  });

  it('registers people and experts, and the applicant account acts for its own enterprise', async () => {
    const people = (await get(canbo, '/api/people?limit=100')).items as { fullName: string; organizationName: string | null }[];
    expect(people.find((p) => p.fullName === 'Nguyễn Thị Bích Thảo')?.organizationName).toBe('Sở Khoa học và Công nghệ tỉnh Tây Ninh');
    const ls = await login(app, 'canbo.langson', DEMO_PASSWORD);
    expect((await get(ls, '/api/people?q=hoang%20minh%20luy')).items.map((p: { fullName: string }) => p.fullName)).toEqual(['Hoàng Minh Luỹ']);
    const dn = await login(app, 'doanhnghiep', DEMO_PASSWORD);
    const me = await get(dn, '/api/auth/session');
    const own = await get(dn, `/api/organizations/${me.user.organizationId}`);
    expect(own.name).toBe('Công ty Cổ phần Cơ Khí chế tạo máy Long An');
  });

  it('audits every organisation and person it created', async () => {
    const admin = await login(app, 'admin', DEMO_PASSWORD);
    const audit = (await get(admin, '/api/audit?limit=200')).items as { action: string; entity: string; actorName: string }[];
    const orgs = (await get(admin, '/api/organizations?limit=100')).items.length;
    const people = (await get(admin, '/api/people?limit=100')).items.length;
    expect(audit.filter((a) => a.action === 'create' && a.entity === 'organization')).toHaveLength(orgs);
    expect(audit.filter((a) => a.action === 'create' && a.entity === 'person')).toHaveLength(people);
    expect(audit.some((a) => a.action === 'create' && a.entity === 'tenant')).toBe(true);
  });

  it('does nothing the second time, and still reports the demo logins', async () => {
    const count = async () => (await h.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM tenants) + (SELECT count(*) FROM organizations) + (SELECT count(*) FROM people) + (SELECT count(*) FROM users) AS n'))[0].n;
    const before = await count();
    const again = await seedDemo(h);
    expect(again.created).toBe(false);
    expect(again.logins).toEqual(seeded.logins);
    expect(await count()).toEqual(before);
  });
});
