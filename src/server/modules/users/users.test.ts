import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, login, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization } from '../../testing/factories.ts';
import { buildApp } from '../../http/app.ts';
import { AppError } from '../../errors.ts';
import { createUser } from './users.service.ts';

let env: TestEnv;
let admin: AuthHeaders & { userId: string };

beforeAll(async () => {
  env = await testEnv();
  admin = await env.as('admin');
});
afterAll(() => env.close());

interface UserBody { id: string; username: string; role: string; active: boolean; version: number; [k: string]: unknown }

const NEW_PASSWORD = 'mot-mat-khau-dai-2026';

/** An agency of the test province, entered by its admin. */
async function addAgency(name: string, o: { validFrom?: string; validTo?: string | null } = {}) {
  const res = await post(admin, '/api/agencies', { kind: 'department', name, validFrom: o.validFrom ?? '2025-03-01', validTo: o.validTo ?? null });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; name: string; version: number };
}
let n = 0;
const newUsername = (prefix = 'canbo') => `${prefix}.${Date.now().toString(36)}${n++}`;

const post = (headers: Record<string, string>, url: string, payload: object) => env.app.inject({ method: 'POST', url, headers, payload });
const put = (headers: Record<string, string>, url: string, payload: object) => env.app.inject({ method: 'PUT', url, headers, payload });
const get = (headers: Record<string, string>, url: string) => env.app.inject({ method: 'GET', url, headers });

async function addUser(o: Partial<{ username: string; role: string; password: string; organizationId: string | null; agencyId: string | null }> = {}) {
  const res = await post(admin, '/api/users', {
    username: newUsername(), displayName: 'Trần Thị Thu Hà', password: NEW_PASSWORD, role: 'dost_officer', ...o,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as UserBody;
}

/** The editable fields of an account as read back, ready to send in a PUT. */
const editable = (u: UserBody) => ({
  displayName: u.displayName, role: u.role, active: u.active, organizationId: u.organizationId, agencyId: u.agencyId, adminUnitId: u.adminUnitId,
  email: u.email, version: u.version,
});

describe('accounts', () => {
  it('lets an admin create an account that can sign in; never shows or audits the password hash', async () => {
    const org = (await post(admin, '/api/organizations', buildOrganization({ name: 'Công ty TNHH Thanh Long Hoàng Hậu' }))).json();
    const user = await addUser({ role: 'applicant', organizationId: org.id });
    expect(user).toMatchObject({ role: 'applicant', organizationId: org.id, organizationName: 'Công ty TNHH Thanh Long Hoàng Hậu', active: true, version: 1 });
    expect(Object.keys(user)).not.toContain('passwordHash');
    expect(JSON.stringify(user)).not.toMatch(/argon2/);
    const session = await login(env.app, user.username, NEW_PASSWORD);
    expect((await get(session, `/api/organizations/${org.id}`)).statusCode).toBe(200);
    const list = (await get(admin, '/api/users?limit=200')).json();
    expect(list.items.map((u: UserBody) => u.username)).toContain(user.username);
    expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);
    const log = (await get(admin, `/api/audit?entity=user&entityId=${user.id}`)).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['login', 'create']);
    expect(JSON.stringify(log)).not.toMatch(/argon2|passwordHash|mot-mat-khau/);
  });

  it('refuses short passwords, malformed or taken usernames and foreign organisations, naming the field', async () => {
    const short = await post(admin, '/api/users', { username: newUsername(), displayName: 'A', password: 'ngan-qua', role: 'leader' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ details: [{ path: 'body.password', message: 'Mật khẩu phải có từ 10 đến 200 ký tự.' }] });
    const en = await env.app.inject({ method: 'POST', url: '/api/users', headers: { ...admin, 'accept-language': 'en' },
      payload: { username: 'Trần Hà', displayName: 'A', password: NEW_PASSWORD, role: 'boss' } });
    expect(en.statusCode).toBe(400);
    expect(en.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['body.role', 'body.username']);
    expect(en.json().details.find((d: { path: string }) => d.path === 'body.username').message).toMatch(/^A username has 3–50 characters/);
    const first = await addUser();
    const dup = await post(admin, '/api/users', { username: first.username, displayName: 'B', password: NEW_PASSWORD, role: 'leader' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'common.duplicate', details: [{ path: 'body.username' }] });
    const { id: otherTenant } = await buildTenant(env.h, 'Sở KH&CN tỉnh Lạng Sơn');
    const foreignOfficer = await env.as('dost_officer', { tenantId: otherTenant });
    const foreignOrg = (await post(foreignOfficer, '/api/organizations', buildOrganization({ name: 'HTX Hồi Văn Quan' }))).json();
    const foreign = await post(admin, '/api/users', {
      username: newUsername(), displayName: 'C', password: NEW_PASSWORD, role: 'applicant', organizationId: foreignOrg.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details[0].path).toBe('body.organizationId');
  });

  it('keeps provinces apart: an admin of province B neither sees nor edits the accounts of province A', async () => {
    const user = await addUser();
    const { id: tenantB } = await buildTenant(env.h, 'Sở KH&CN tỉnh An Giang');
    const adminB = await env.as('admin', { tenantId: tenantB });
    const listB = (await get(adminB, '/api/users?limit=200')).json();
    expect(listB.items.map((u: UserBody) => u.id)).toEqual([adminB.userId]);
    expect((await get(adminB, `/api/users/${user.id}`)).statusCode).toBe(404);
    const edit = await put(adminB, `/api/users/${user.id}`, { ...editable(user), role: 'admin' });
    expect(edit.statusCode).toBe(404);
    const reset = await post(adminB, `/api/users/${user.id}/password`, { password: 'chiem-doat-tai-khoan' });
    expect(reset.statusCode).toBe(404);
    expect((await get(admin, `/api/users/${user.id}`)).json()).toMatchObject({ role: 'dost_officer', version: 1 });
    await login(env.app, user.username, NEW_PASSWORD);
  });

  it('applies a role change to a session already open, and refuses a stale version', async () => {
    const user = await addUser({ role: 'dost_officer' });
    const session = await login(env.app, user.username, NEW_PASSWORD);
    // The first request caches the signed-in actor.
    expect((await post(session, '/api/organizations', buildOrganization({ name: 'Công ty CP Nông sản Đức Hòa' }))).statusCode).toBe(201);
    const office = await addAgency(`Văn phòng UBND tỉnh ${n++}`);
    const changed = await put(admin, `/api/users/${user.id}`, { ...editable(user), role: 'leader', agencyId: office.id });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'leader', agencyId: office.id, unitName: office.name, version: 2 });
    expect((await post(session, '/api/organizations', buildOrganization())).statusCode).toBe(403);
    expect((await get(session, '/api/auth/session')).json().user).toMatchObject({ role: 'leader', agencyId: office.id, unitName: office.name });
    const stale = await put(admin, `/api/users/${user.id}`, { ...editable(user), displayName: 'Ghi đè' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'common.version_conflict', details: { current: 2, sent: 1 } });
    const log = (await get(admin, `/api/audit?entity=user&entityId=${user.id}`)).json();
    const update = log.items.find((e: { action: string }) => e.action === 'update');
    expect(update.before.role).toBe('dost_officer');
    expect(update.after.role).toBe('leader');
  });

  it('disables an account: it cannot sign in (403) and its open session stops working at once', async () => {
    const user = await addUser({ role: 'reviewer' });
    const session = await login(env.app, user.username, NEW_PASSWORD);
    expect((await get(session, '/api/organizations')).statusCode).toBe(200);
    const off = await put(admin, `/api/users/${user.id}`, { ...editable(user), active: false });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    const after = await get(session, '/api/organizations');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.unauthenticated');
    const refused = await post({}, '/api/auth/login', { username: user.username, password: NEW_PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.account_disabled');
    const wrong = await post({}, '/api/auth/login', { username: user.username, password: 'sai-mat-khau-roi' });
    expect(wrong.statusCode).toBe(401);
    const disabled = (await get(admin, '/api/users?active=false&limit=200')).json();
    expect(disabled.items.map((u: UserBody) => u.id)).toContain(user.id);
    await put(admin, `/api/users/${user.id}`, { ...editable(off.json()), active: true });
    expect((await get(await login(env.app, user.username, NEW_PASSWORD), '/api/organizations')).statusCode).toBe(200);
  });

  it('resets a password: the old one and the open sessions stop working, the new one signs in', async () => {
    const user = await addUser();
    const session = await login(env.app, user.username, NEW_PASSWORD);
    expect((await get(session, '/api/organizations')).statusCode).toBe(200);
    const short = await post(admin, `/api/users/${user.id}/password`, { password: '123456789' });
    expect(short.statusCode).toBe(400);
    expect(short.json().details[0].path).toBe('body.password');
    const res = await post(admin, `/api/users/${user.id}/password`, { password: 'mat-khau-moi-cap-lai' });
    expect(res.statusCode).toBe(204);
    expect((await get(session, '/api/organizations')).statusCode).toBe(401);
    expect((await post({}, '/api/auth/login', { username: user.username, password: NEW_PASSWORD })).statusCode).toBe(401);
    await login(env.app, user.username, 'mat-khau-moi-cap-lai');
    expect((await get(admin, `/api/users/${user.id}`)).json().version).toBe(1);
    const log = (await get(admin, `/api/audit?entity=user&entityId=${user.id}`)).json();
    expect(log.items.map((e: { action: string }) => e.action)).toContain('reset_password');
    expect(JSON.stringify(log)).not.toMatch(/argon2|mat-khau-moi/);
  });

  it('refuses common passwords and ones made of the username or the name, naming the reason in vi and en', async () => {
    const username = newUsername('thu.ha');
    const create = (password: string, lang = 'vi') => env.app.inject({
      method: 'POST', url: '/api/users', headers: { ...admin, 'accept-language': lang },
      payload: { username, displayName: 'Trần Thị Thu Hà', password, role: 'leader' },
    });
    const cases: [string, string, RegExp, RegExp][] = [
      ['1234567890', 'password_sequence', /dãy/, /sequence/],
      ['          ', 'password_repetitive', /lặp/, /repeat/],
      ['matkhau123', 'password_common', /phổ biến/, /common/],
      ['Password1234!', 'password_common', /phổ biến/, /common/],
      [`${username}-2026`, 'password_contains_username', /tên đăng nhập/, /username/],
      ['tran-thi-thu-ha-1990', 'password_contains_name', /họ tên/, /name/],
    ];
    for (const [password, code, vi, en] of cases) {
      const res = await create(password);
      expect([password, res.statusCode]).toEqual([password, 400]);
      expect(res.json().details).toEqual([expect.objectContaining({ path: 'body.password', code })]);
      expect(res.json().details[0].message).toMatch(vi);
      expect((await create(password, 'en')).json().details[0].message).toMatch(en);
    }
    expect((await create('khcn-demo-2026')).statusCode).toBe(201);
  });

  it('checks a new password set by an admin against the account\'s own username and name', async () => {
    const user = await addUser();
    for (const password of ['matkhau2024', `${user.username}!!!`, 'Trần Thị Thu Hà 2026']) {
      const res = await post(admin, `/api/users/${user.id}/password`, { password });
      expect([password, res.statusCode]).toEqual([password, 400]);
      expect(res.json().details[0]).toMatchObject({ path: 'body.password', code: expect.stringMatching(/^password_/) });
    }
    expect((await post(admin, `/api/users/${user.id}/password`, { password: 'khcn-demo-2026' })).statusCode).toBe(204);
  });

  it('lets only admins manage accounts, and stops an admin from locking themself out', async () => {
    const user = await addUser();
    for (const role of ['dost_officer', 'unit_officer', 'reviewer', 'leader', 'applicant'] as const) {
      const h = await env.as(role);
      expect((await get(h, '/api/users')).statusCode).toBe(403);
      expect((await get(h, `/api/users/${user.id}`)).statusCode).toBe(403);
      expect((await post(h, '/api/users', { username: newUsername(), displayName: 'X', password: NEW_PASSWORD, role: 'admin' })).statusCode).toBe(403);
      expect((await put(h, `/api/users/${user.id}`, { ...editable(user), role: 'admin' })).statusCode).toBe(403);
      expect((await post(h, `/api/users/${user.id}/password`, { password: 'chiem-quyen-quan-tri' })).statusCode).toBe(403);
    }
    expect((await get({}, '/api/users')).statusCode).toBe(401);
    const me: UserBody = (await get(admin, `/api/users/${admin.userId}`)).json();
    const demote = await put(admin, `/api/users/${me.id}`, { ...editable(me), role: 'dost_officer' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json()).toMatchObject({ code: 'user.self_lockout', details: [{ path: 'body.role' }] });
    const disable = await put(admin, `/api/users/${me.id}`, { ...editable(me), active: false });
    expect(disable.json().details[0].path).toBe('body.active');
    expect((await put(admin, `/api/users/${me.id}`, { ...editable(me), displayName: 'Quản trị Sở KH&CN' })).statusCode).toBe(200);
  });

  it('createUser (command line, demo seed) validates, hashes and audits as the system', async () => {
    const agriculture = await addAgency(`Sở Nông nghiệp và Môi trường ${n++}`);
    const username = newUsername('donvi');
    const user = await createUser(env.app.db, {
      tenantId: env.tenantId, username, displayName: 'Phòng Kinh tế xã Đức Hòa', password: NEW_PASSWORD, role: 'unit_officer',
      agencyId: agriculture.id,
    });
    expect(user).toMatchObject({ username, role: 'unit_officer', agencyId: agriculture.id, unitName: agriculture.name, organizationId: null, active: true });
    await login(env.app, username, NEW_PASSWORD);
    const [row] = await env.h.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const [audit] = await env.h.query<{ actor_id: string | null; actor_name: string; after: unknown }>(
      `SELECT actor_id, actor_name, after FROM audit_log WHERE entity = 'user' AND entity_id = $1 AND action = 'create'`, [user.id]);
    expect(audit).toMatchObject({ actor_id: null, actor_name: 'Hệ thống (dòng lệnh)' });
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2/);
    const dup = await createUser(env.app.db, { tenantId: env.tenantId, username, displayName: 'X', password: NEW_PASSWORD, role: 'leader' })
      .catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(AppError);
    expect(dup).toMatchObject({ code: 'common.duplicate', status: 409 });
    const short = await createUser(env.app.db, { tenantId: env.tenantId, username: newUsername(), displayName: 'X', password: 'short', role: 'leader' })
      .catch((e: unknown) => e);
    expect(short).toMatchObject({ code: 'common.validation_failed', status: 400, details: [{ path: 'body.password' }] });
    const common = await createUser(env.app.db, { tenantId: env.tenantId, username: newUsername(), displayName: 'X', password: 'anhyeuem2024', role: 'leader' })
      .catch((e: unknown) => e);
    expect(common).toMatchObject({ code: 'common.validation_failed', status: 400, details: [{ path: 'body.password', code: 'password_common' }] });
  });
});

describe('sign-in protection and API tokens', () => {
  it('answers the 4th bad sign-in for the same username within a minute with 429', async () => {
    const app = await buildApp({ dbHandle: env.h, webDir: null, loginAttemptsPerMinute: 3 });
    try {
      const user = await addUser();
      const attempt = (username: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'khong-dung-dau' } });
      for (let i = 0; i < 3; i++) expect((await attempt(user.username)).statusCode).toBe(401);
      const blocked = await attempt(user.username);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('common.rate_limited');
      // Even the right password waits now; another username is counted apart.
      const right = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: NEW_PASSWORD } });
      expect(right.statusCode).toBe(429);
      expect((await attempt('nguoi-khac')).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('authenticates a machine client by API token without cookie or CSRF, until the token is revoked', async () => {
    const officer = await env.as('dost_officer');
    const created = await post(officer, '/api/auth/tokens', { name: 'Cổng dữ liệu mở tỉnh', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    const read = await get(bearer, '/api/organizations');
    expect(read.statusCode).toBe(200);
    const write = await post(bearer, '/api/organizations', buildOrganization({ name: 'Công ty CP Dữ liệu mở Long An' }));
    expect(write.statusCode).toBe(201);
    const mine = (await get(officer, '/api/auth/tokens')).json();
    expect(mine).toEqual([expect.objectContaining({ id, name: 'Cổng dữ liệu mở tỉnh', revokedAt: null })]);
    expect(JSON.stringify(mine)).not.toContain(token);
    const revoke = await env.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: officer });
    expect(revoke.statusCode).toBe(204);
    const after = await get(bearer, '/api/organizations');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.token_invalid');
    expect((await get({ authorization: 'Bearer khcn_not-a-token' }, '/api/organizations')).json().code).toBe('auth.token_invalid');
  });

  it('revokes the API tokens of an account whose password an admin resets', async () => {
    const user = await addUser({ role: 'leader' });
    const session = await login(env.app, user.username, NEW_PASSWORD);
    const { token } = (await post(session, '/api/auth/tokens', { name: 'Bảng điều hành' })).json();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await get(bearer, '/api/organizations')).statusCode).toBe(200);
    expect((await post(admin, `/api/users/${user.id}/password`, { password: 'mat-khau-moi-cap-lai' })).statusCode).toBe(204);
    const after = await get(bearer, '/api/organizations');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.token_invalid');
    const fresh = await login(env.app, user.username, 'mat-khau-moi-cap-lai');
    expect((await get(fresh, '/api/auth/tokens')).json()).toEqual([expect.objectContaining({ revokedAt: expect.any(String) })]);
    const log = (await get(admin, `/api/audit?entity=user&entityId=${user.id}`)).json();
    expect(log.items.find((e: { action: string }) => e.action === 'reset_password').after).toMatchObject({ sessionsEnded: 1, tokensRevoked: 1 });
  });

  it('stops the API tokens of a disabled account', async () => {
    const user = await addUser({ role: 'leader' });
    const session = await login(env.app, user.username, NEW_PASSWORD);
    const { token } = (await post(session, '/api/auth/tokens', { name: 'Bảng điều hành' })).json();
    expect((await get({ authorization: `Bearer ${token}` }, '/api/organizations')).statusCode).toBe(200);
    await put(admin, `/api/users/${user.id}`, { ...editable(user), active: false });
    expect((await get({ authorization: `Bearer ${token}` }, '/api/organizations')).json().code).toBe('auth.token_invalid');
  });
});

describe('finding accounts', () => {
  it('finds an account by words of its username or its name, with or without diacritics', async () => {
    const user = await addUser({ username: newUsername('thanhlong') });
    await put(admin, `/api/users/${user.id}`, { ...editable(user), displayName: 'Đặng Thị Ánh Nguyệt' });
    const found = async (q: string) => ((await get(admin, `/api/users?q=${encodeURIComponent(q)}&limit=200`)).json() as { items: UserBody[] }).items.map((u) => u.id);
    expect(await found('dang thi anh')).toContain(user.id);
    expect(await found('ĐẶNG Ánh')).toContain(user.id);
    expect(await found('thanhlong')).toContain(user.id);
    expect(await found('nguyet thanhlong')).toContain(user.id);
    expect(await found('dang hoang')).not.toContain(user.id);
  });
});
