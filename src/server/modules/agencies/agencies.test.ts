import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let admin: AuthHeaders & { userId: string };
let n = 0;

beforeAll(async () => {
  env = await testEnv();
  admin = await env.as('admin');
  // The test province is Tây Ninh (code 80) as it stands since 01/07/2025, so its communes can be named.
  const [province] = await env.h.query<{ id: string }>(
    `SELECT id FROM admin_units WHERE level = 'province' AND code = '80' AND valid_to IS NULL`);
  await env.h.query('UPDATE tenants SET province_unit_id = $1 WHERE id = $2', [province.id, env.tenantId]);
});
afterAll(() => env.close());

const send = (method: 'POST' | 'PUT' | 'GET' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = admin) =>
  env.app.inject({ method, url, headers, payload });

async function addAgency(o: Record<string, unknown> = {}) {
  const res = await send('POST', '/api/agencies', { kind: 'department', name: `Sở Tài chính ${n++}`, validFrom: '2025-03-01', ...o });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; version: number; validFrom: string; validTo: string | null };
}

async function addUser(o: Record<string, unknown>) {
  return send('POST', '/api/users', {
    username: `donvi.${Date.now().toString(36)}${n++}`, displayName: 'Cán bộ đơn vị', password: 'mot-mat-khau-dai-2026', role: 'unit_officer', ...o,
  });
}

async function communeOf(provinceCode: string) {
  const [row] = await env.h.query<{ id: string; name: string }>(
    `SELECT c.id, c.name FROM admin_units c JOIN admin_units p ON p.id = c.parent_id
     WHERE c.level = 'commune' AND c.valid_to IS NULL AND p.code = $1 AND p.valid_to IS NULL ORDER BY c.code LIMIT 1`, [provinceCode]);
  return row;
}

describe('agencies of a province', () => {
  it('lists the agencies in force on a date, so a merged department drops out after its last day', async () => {
    const old = await addAgency({ name: `Sở Kế hoạch và Đầu tư ${n++}`, validFrom: '2014-04-04', validTo: '2025-02-28' });
    const current = await addAgency();
    const on = async (asOf: string) => (await send('GET', `/api/agencies?asOf=${asOf}&limit=200`)).json().items.map((a: { id: string }) => a.id);
    expect(await on('2025-02-28')).toContain(old.id);
    expect(await on('2025-02-28')).not.toContain(current.id);
    expect(await on('2025-03-01')).toContain(current.id);
    expect(await on('2025-03-01')).not.toContain(old.id);
  });

  it('finds an agency typed without diacritics, and refuses an end before the start naming the field', async () => {
    const a = await addAgency({ name: `Sở Nông nghiệp và Môi trường ${n++}` });
    const found = (await send('GET', `/api/agencies?q=${encodeURIComponent('nong nghiep moi truong')}`)).json();
    expect(found.items.map((x: { id: string }) => x.id)).toContain(a.id);
    const bad = await send('POST', '/api/agencies', { kind: 'department', name: 'Sở X', validFrom: '2025-03-01', validTo: '2025-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toMatchObject([{ path: 'body.validTo' }]);
  });

  it('lets only admins change the list; any signed-in account reads it', async () => {
    const officer = await env.as('dost_officer');
    expect((await send('POST', '/api/agencies', { kind: 'department', name: 'Sở Y tế', validFrom: '2025-03-01' }, officer)).statusCode).toBe(403);
    expect((await send('GET', '/api/agencies', undefined, officer)).statusCode).toBe(200);
  });

  it('closes an agency with a versioned update, and refuses a stale version with 409', async () => {
    const a = await addAgency();
    const closed = await send('PUT', `/api/agencies/${a.id}`, { kind: 'department', name: a.name, validFrom: a.validFrom, validTo: '2025-06-30', version: a.version });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ validTo: '2025-06-30', version: 2 });
    const stale = await send('PUT', `/api/agencies/${a.id}`, { kind: 'department', name: a.name, validFrom: a.validFrom, version: a.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'common.version_conflict', details: { current: 2, sent: 1 } });
  });
});

describe("an account's unit", () => {
  it('points at an agency of the province in force, and shows its name', async () => {
    const a = await addAgency();
    const res = await addUser({ agencyId: a.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ agencyId: a.id, adminUnitId: null, unitName: a.name });
    const listed = (await send('GET', `/api/users?agencyId=${a.id}`)).json();
    expect(listed.items.map((u: { id: string }) => u.id)).toEqual([res.json().id]);
  });

  it('refuses an agency that is no longer in force, or belongs to another province, naming the field', async () => {
    const closed = await addAgency({ validFrom: '2014-04-04', validTo: '2025-02-28' });
    const late = await addUser({ agencyId: closed.id });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ code: 'agency.not_in_force', details: [{ path: 'body.agencyId', code: 'not_in_force' }] });

    const other = await buildTenant(env.h, 'Sở KH&CN tỉnh khác');
    const otherAdmin = await env.as('admin', { tenantId: other.id });
    const foreign = (await send('POST', '/api/agencies', { kind: 'department', name: 'Sở Tài chính tỉnh khác', validFrom: '2025-03-01' }, otherAdmin)).json();
    const res = await addUser({ agencyId: foreign.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toMatchObject([{ path: 'body.agencyId', code: 'unknown_reference' }]);
    // and the other province's list never shows through
    expect((await send('GET', `/api/agencies/${foreign.id}`)).statusCode).toBe(404);
  });

  it("points a commune's officer at a commune of the province in force, never one of another province", async () => {
    const mine = await communeOf('80');
    const ok = await addUser({ adminUnitId: mine.id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ adminUnitId: mine.id, agencyId: null, unitName: mine.name });
    const elsewhere = await communeOf('20');
    const refused = await addUser({ adminUnitId: elsewhere.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'user.unit_not_commune', details: [{ path: 'body.adminUnitId' }] });
  });

  it('belongs to one unit only', async () => {
    const a = await addAgency();
    const both = await addUser({ agencyId: a.id, adminUnitId: (await communeOf('80')).id });
    expect(both.statusCode).toBe(400);
    expect(both.json().details).toMatchObject([{ path: 'body.adminUnitId' }]);
  });

  it('keeps an agency while an account works in it: deleting it is refused with 409 naming the accounts', async () => {
    const a = await addAgency();
    expect((await addUser({ agencyId: a.id })).statusCode).toBe(201);
    const res = await send('DELETE', `/api/agencies/${a.id}?version=${a.version}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'common.in_use' });
    const unused = await addAgency();
    expect((await send('DELETE', `/api/agencies/${unused.id}?version=${unused.version}`)).statusCode).toBe(204);
  });
});
