import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { engine, secondConnection, untilBlockedOrAnswered } from '../../testing/concurrency.ts';
import { documentHeadingOn } from './agencies.service.ts';

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

describe("the agency issuing the province's documents", () => {
  /** A province of its own (issuers are one per day per province), with its admin. */
  async function province() {
    const t = await buildTenant(env.h, 'Sở Khoa học và Công nghệ tỉnh Tây Ninh');
    const [unit] = await env.h.query<{ id: string }>(`SELECT id FROM admin_units WHERE level = 'province' AND code = '80' AND valid_to IS NULL`);
    await env.h.query('UPDATE tenants SET province_unit_id = $1 WHERE id = $2', [unit.id, t.id]);
    const headers = await env.as('admin', { tenantId: t.id });
    const add = async (o: Record<string, unknown>) => {
      const res = await send('POST', '/api/agencies', o, headers);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; name: string; version: number; validFrom: string };
    };
    return { tenantId: t.id, headers, add };
  }

  /** Long An's People's Committee and DOST until the merger, the new Tây Ninh's from 01/07/2025. */
  async function merged() {
    const p = await province();
    const ubndLongAn = await p.add({ kind: 'people_committee', name: 'UBND tỉnh Long An', validFrom: '2008-01-01', validTo: '2025-06-30' });
    const longAn = await p.add({
      kind: 'department', name: 'Sở Khoa học và Công nghệ tỉnh Long An', parentId: ubndLongAn.id, validFrom: '2008-01-01', validTo: '2025-06-30',
      issuesDocuments: true, documentSymbol: 'SKHCN', placeName: 'Long An',
    });
    const ubndTayNinh = await p.add({ kind: 'people_committee', name: 'UBND tỉnh Tây Ninh', validFrom: '2025-07-01' });
    const tayNinh = await p.add({
      kind: 'department', name: 'Sở Khoa học và Công nghệ tỉnh Tây Ninh', parentId: ubndTayNinh.id, validFrom: '2025-07-01',
      issuesDocuments: true, documentSymbol: 'SKHCN', placeName: 'Tây Ninh',
    });
    return { ...p, longAn, tayNinh };
  }

  it('heads documents with the agency in force on their date: Long An until 30/06/2025, Tây Ninh from 01/07/2025', async () => {
    const p = await merged();
    const on = (date: string) => documentHeadingOn(env.h.db, p.tenantId, date);
    const longAn = { governingBody: 'UBND TỈNH LONG AN', issuingAgency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', place: 'Long An', symbol: 'SKHCN' };
    const tayNinh = { governingBody: 'UBND TỈNH TÂY NINH', issuingAgency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', place: 'Tây Ninh', symbol: 'SKHCN' };
    expect(await on('2023-05-04')).toEqual(longAn);
    expect(await on('2025-06-30')).toEqual(longAn);
    expect(await on('2025-07-01')).toEqual(tayNinh);
    expect(await on('2026-02-07')).toEqual(tayNinh);
  });

  it('refuses a document dated before any issuing agency the province recorded, rather than head it with the wrong one', async () => {
    const p = await merged();
    await expect(documentHeadingOn(env.h.db, p.tenantId, '2007-12-31')).rejects.toMatchObject({
      code: 'agency.no_issuer_on_date', status: 409, params: { date: '31/12/2007' },
    });
  });

  it('keeps the heading of the tenant and its province for a province that recorded no issuing agency', async () => {
    const p = await province();
    await p.add({ kind: 'department', name: 'Sở Tài chính tỉnh Tây Ninh', validFrom: '2025-07-01' });
    expect(await documentHeadingOn(env.h.db, p.tenantId, '2023-05-04')).toEqual({
      governingBody: 'UBND TỈNH TÂY NINH', issuingAgency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', place: 'Tây Ninh', symbol: 'SKHCN',
    });
  });

  it('shows whether an agency issues documents, with its symbol and place, and needs both when it does', async () => {
    const p = await merged();
    const read = (await send('GET', `/api/agencies/${p.longAn.id}`, undefined, p.headers)).json();
    expect(read).toMatchObject({ issuesDocuments: true, documentSymbol: 'SKHCN', placeName: 'Long An', parentName: 'UBND tỉnh Long An' });
    const bare = await send('POST', '/api/agencies', { kind: 'department', name: 'Sở KH&CN', validFrom: '2030-01-01', issuesDocuments: true }, p.headers);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['body.documentSymbol', 'body.placeName']);
    const bad = await send('POST', '/api/agencies', {
      kind: 'department', name: 'Sở KH&CN', validFrom: '2030-01-01', issuesDocuments: true, documentSymbol: 'skhcn', placeName: 'Tây Ninh',
    }, p.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toMatchObject([{ path: 'body.documentSymbol' }]);
  });

  it('lets one agency issue the documents on any day: an overlapping period is refused with 409 naming the other', async () => {
    const p = await merged();
    const overlap = await send('POST', '/api/agencies', {
      kind: 'department', name: 'Sở Khoa học và Công nghệ tỉnh Tây Ninh (cũ)', validFrom: '2020-01-01', validTo: '2025-06-30',
      issuesDocuments: true, documentSymbol: 'SKHCN', placeName: 'Tây Ninh',
    }, p.headers);
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'agency.issuer_overlap', details: [{ path: 'body.validFrom', agencyId: p.longAn.id }] });
    expect(overlap.json().message).toContain('Sở Khoa học và Công nghệ tỉnh Long An');
    // Moving Long An's last day past the merger meets Tây Ninh's first: refused too.
    const longer = await send('PUT', `/api/agencies/${p.longAn.id}`, {
      kind: 'department', name: p.longAn.name, validFrom: p.longAn.validFrom, validTo: '2025-07-01',
      issuesDocuments: true, documentSymbol: 'SKHCN', placeName: 'Long An', version: p.longAn.version,
    }, p.headers);
    expect(longer.statusCode).toBe(409);
    expect(longer.json().details).toMatchObject([{ agencyId: p.tayNinh.id }]);
    // The database holds the rule too, whatever writes the row.
    await expect(env.h.query('UPDATE agencies SET valid_to = NULL WHERE id = $1', [p.longAn.id])).rejects.toMatchObject({ code: '23P01' });
  });

  it.skipIf(engine() !== 'postgres')('waits for an issuer another connection is adding, then names it (PostgreSQL; PGlite has one connection)', async () => {
    const p = await province();
    const holder = await secondConnection(env.h);
    try {
      await holder.query('BEGIN');
      await holder.query(
        `INSERT INTO agencies (tenant_id, kind, name, valid_from, issues_documents, document_symbol, place_name, search_text, sort_key)
         VALUES ($1, 'department', 'Sở Khoa học và Công nghệ tỉnh Long An', '2014-04-04', true, 'SKHCN', 'Long An', 'so', 'so')`, [p.tenantId]);
      const call = send('POST', '/api/agencies', {
        kind: 'department', name: 'Sở Khoa học và Công nghệ tỉnh Tây Ninh', validFrom: '2025-07-01',
        issuesDocuments: true, documentSymbol: 'SKHCN', placeName: 'Tây Ninh',
      }, p.headers);
      expect(await untilBlockedOrAnswered(holder, 1, [call])).toBe('blocked');
      await holder.query('COMMIT');
      const res = await call;
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'agency.issuer_overlap' });
    } finally {
      await holder.end();
    }
  });
});
