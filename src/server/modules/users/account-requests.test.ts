import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { login, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization, nextTaxCode } from '../../testing/factories.ts';
import { ACCOUNT_REQUEST_LIMITS } from './account-requests.routes.ts';

let env: TestEnv;
let officer: AuthHeaders & { userId: string };
let province: string;
let org: { id: string; name: string; taxCode: string };

beforeAll(async () => {
  // Queued only (no job runs here): the receipt lands in mail_outbox.
  process.env.KHCN_SMTP_URL = 'smtp://127.0.0.1:1';
  env = await testEnv();
  officer = await env.as('dost_officer');
  [{ slug: province }] = await env.h.query<{ slug: string }>('SELECT slug FROM tenants WHERE id = $1', [env.tenantId]);
  const res = await env.app.inject({ method: 'POST', url: '/api/organizations', headers: officer,
    payload: buildOrganization({ name: 'Công ty TNHH Dược liệu Đồng Tháp Mười' }) });
  expect(res.statusCode).toBe(201);
  org = res.json();
});
afterAll(async () => {
  delete process.env.KHCN_SMTP_URL;
  await env.close();
});

let n = 0;
/** Each test its own client address, so the per-address limits of one do not reach another. */
const address = () => `10.0.0.${++n}`;

/** What a browser holds after opening the public form: the CSRF cookie and token. */
async function visitor(app = env.app, remoteAddress = address()) {
  const res = await app.inject({ method: 'GET', url: '/api/public/account-requests/form', remoteAddress });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { remoteAddress, headers: { cookie, 'x-csrf-token': res.json().csrfToken as string }, form: res.json() };
}

let u = 0;
const form = (o: Record<string, unknown> = {}) => ({
  province, taxCode: org.taxCode, displayName: 'Lê Thị Mỹ Duyên', position: 'Trưởng phòng Kỹ thuật',
  email: `duyen.${u}@duoclieu.example.vn`, phone: '0272 3 826 123', username: `duyen.dl${Date.now().toString(36)}${u++}`,
  password: 'mot cau mat khau dai cua duyen', ...o,
});

async function submit(body: Record<string, unknown>, v?: Awaited<ReturnType<typeof visitor>>) {
  const who = v ?? (await visitor());
  return env.app.inject({ method: 'POST', url: '/api/public/account-requests', headers: who.headers, remoteAddress: who.remoteAddress, payload: body });
}

const signIn = (username: string, password: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address() });

async function pendingOf(username: string) {
  const res = await env.app.inject({ method: 'GET', url: '/api/account-requests', headers: officer });
  expect(res.statusCode).toBe(200);
  const item = (res.json().items as { user: { username: string }; id: string; version: number }[]).find((i) => i.user.username === username);
  expect(item, `${username} pending`).toBeDefined();
  return item!;
}

describe('enterprise account requests', () => {
  it('offers the provinces, and names only the organisation with exactly the tax code typed', async () => {
    const v = await visitor();
    expect(v.form.provinces).toContainEqual(expect.objectContaining({ slug: province }));
    const found = await env.app.inject({ method: 'GET', url: `/api/public/account-requests/organization?province=${province}&taxCode=${org.taxCode}`, remoteAddress: v.remoteAddress });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual({ name: org.name });
    const other = await env.app.inject({ method: 'GET', url: `/api/public/account-requests/organization?province=${province}&taxCode=${nextTaxCode()}`, remoteAddress: v.remoteAddress });
    expect(other.statusCode).toBe(400);
    expect(other.json().details).toEqual([expect.objectContaining({ path: 'query.taxCode', code: 'unknown_tax_code' })]);
  });

  it('creates a pending account that cannot sign in; once an officer confirms, it signs in and reads its organisation\'s task', async () => {
    const body = form();
    const res = await submit(body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', username: body.username, organizationName: org.name, mailed: true });
    const [receipt] = await env.h.query<{ to_address: string; subject: string }>(
      'SELECT to_address, subject FROM mail_outbox WHERE to_address = $1', [body.email]);
    expect(receipt.subject).toContain(body.username);

    // A wrong password is refused as for any account; the right one says the account awaits confirmation.
    const wrong = await signIn(body.username, 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    const early = await signIn(body.username, body.password);
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('account_request.awaiting_confirmation');

    // The officer was told, and sees the request with the organisation's other accounts.
    const inbox = await env.app.inject({ method: 'GET', url: '/api/inbox', headers: officer });
    expect(inbox.json().items.map((i: { title: string }) => i.title)).toContainEqual(expect.stringContaining(body.displayName));
    const existing = await env.as('applicant', { organizationId: org.id });
    const request = await pendingOf(body.username);
    const read = await env.app.inject({ method: 'GET', url: `/api/account-requests/${request.id}`, headers: officer });
    expect(read.json()).toMatchObject({ organization: { id: org.id, name: org.name, taxCode: org.taxCode }, phone: body.phone, position: body.position });
    expect(read.json().otherAccounts.map((a: { id: string }) => a.id)).toContain(existing.userId);

    const task = await env.app.inject({ method: 'POST', url: '/api/tasks', headers: officer, payload: {
      title: 'Nghiên cứu quy trình trồng và chế biến dược liệu Đồng Tháp Mười', type: 'research_topic', level: 'provincial',
      scienceField: '3', proposalYear: 2026, proposedOn: '2026-01-15', hostOrganizationId: org.id, members: [], funding: [], products: [],
    } });
    expect(task.statusCode).toBe(201);

    const confirmed = await env.app.inject({ method: 'POST', url: `/api/account-requests/${request.id}/confirm`, headers: officer, payload: { version: request.version } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', decidedByName: expect.any(String) });
    const again = await env.app.inject({ method: 'POST', url: `/api/account-requests/${request.id}/confirm`, headers: officer, payload: { version: confirmed.json().version } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('account_request.already_decided');

    const headers = await login(env.app, body.username, body.password);
    const me = await env.app.inject({ method: 'GET', url: '/api/auth/session', headers });
    expect(me.json().user).toMatchObject({ role: 'applicant', organizationId: org.id });
    const theirs = await env.app.inject({ method: 'GET', url: `/api/tasks/${task.json().id}`, headers });
    expect(theirs.statusCode).toBe(200);
    const notices = await env.app.inject({ method: 'GET', url: '/api/inbox', headers });
    expect(notices.json().items.map((i: { kind: string }) => i.kind)).toContain('account_request.confirmed');

    const audit = await env.h.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = $1 ORDER BY id", [confirmed.json().user.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['request_account', 'confirm_account']));
  });

  it('refuses a request with a reason: the account still cannot sign in, and says so only to the right password', async () => {
    const body = form();
    expect((await submit(body)).statusCode).toBe(201);
    const request = await pendingOf(body.username);
    const noReason = await env.app.inject({ method: 'POST', url: `/api/account-requests/${request.id}/refuse`, headers: officer, payload: { version: request.version, reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const stale = await env.app.inject({ method: 'POST', url: `/api/account-requests/${request.id}/refuse`, headers: officer, payload: { version: request.version + 1, reason: 'Không thuộc doanh nghiệp' } });
    expect(stale.statusCode).toBe(409);
    const refused = await env.app.inject({ method: 'POST', url: `/api/account-requests/${request.id}/refuse`, headers: officer,
      payload: { version: request.version, reason: 'Người đăng ký không làm việc tại doanh nghiệp' } });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', reason: 'Người đăng ký không làm việc tại doanh nghiệp' });
    const res = await signIn(body.username, body.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('account_request.refused_sign_in');
    const list = await env.app.inject({ method: 'GET', url: '/api/account-requests?status=refused', headers: officer });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(request.id);
    const mail = await env.h.query<{ body_text: string }>('SELECT body_text FROM mail_outbox WHERE to_address = $1 ORDER BY created_at', [body.email]);
    expect(mail.at(-1)!.body_text).toContain('Người đăng ký không làm việc tại doanh nghiệp');
  });

  it('names the field of an unknown tax code, province or a taken username; creates nothing', async () => {
    const unknown = await submit(form({ taxCode: nextTaxCode() }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toEqual([expect.objectContaining({ path: 'body.taxCode', code: 'unknown_tax_code' })]);
    const noProvince = await submit(form({ province: 'khong-co-tinh-nay' }));
    expect(noProvince.statusCode).toBe(400);
    expect(noProvince.json().details).toEqual([expect.objectContaining({ path: 'body.province' })]);
    const badPhone = await submit(form({ phone: 'goi cho toi' }));
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().details).toEqual([expect.objectContaining({ path: 'body.phone' })]);

    const first = form();
    expect((await submit(first)).statusCode).toBe(201);
    const taken = await submit(form({ username: first.username, email: 'nguoi.khac@example.vn' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().details).toEqual([expect.objectContaining({ path: 'body.username', code: 'duplicate' })]);
    const [{ count }] = await env.h.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM users WHERE email = 'nguoi.khac@example.vn'");
    expect(count).toBe(0);
  });

  it('refuses a password made of the username or the name', async () => {
    const body = form();
    const res = await submit({ ...body, password: `${body.username}${body.username}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ path: 'body.password' })]);
  });

  it('lets only DOST officers and admins see and decide requests; an admin cannot just unlock a pending account', async () => {
    const body = form();
    expect((await submit(body)).statusCode).toBe(201);
    const request = await pendingOf(body.username);
    for (const role of ['reviewer', 'applicant', 'leader', 'unit_officer'] as const) {
      const h = await env.as(role, { organizationId: role === 'applicant' ? org.id : null });
      expect((await env.app.inject({ method: 'GET', url: '/api/account-requests', headers: h })).statusCode, role).toBe(403);
      const res = await env.app.inject({ method: 'POST', url: `/api/account-requests/${request.id}/confirm`, headers: h, payload: { version: request.version } });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await env.app.inject({ method: 'GET', url: '/api/account-requests' })).statusCode).toBe(401);

    const admin = await env.as('admin');
    const user = (await env.app.inject({ method: 'GET', url: `/api/users?q=${body.username}`, headers: admin })).json().items[0];
    expect(user).toMatchObject({ username: body.username, active: false, requestStatus: 'pending', organizationId: org.id });
    const unlock = await env.app.inject({ method: 'PUT', url: `/api/users/${user.id}`, headers: admin, payload: {
      displayName: user.displayName, role: user.role, active: true, organizationId: user.organizationId, email: user.email, version: user.version,
    } });
    expect(unlock.statusCode).toBe(409);
    expect(unlock.json().code).toBe('user.request_pending');
    // Another province's officer does not find it.
    const elsewhere = await env.as('dost_officer', { tenantId: (await env.h.query<{ id: string }>(
      "INSERT INTO tenants (slug, name) VALUES ($1, 'Sở KH&CN khác') RETURNING id", [`khac-${Date.now().toString(36)}`]))[0].id });
    expect((await env.app.inject({ method: 'GET', url: `/api/account-requests/${request.id}`, headers: elsewhere })).statusCode).toBe(404);
  });

  it('pages the pending requests oldest first', async () => {
    for (let i = 0; i < 2; i++) expect((await submit(form())).statusCode).toBe(201);
    const all = (await env.app.inject({ method: 'GET', url: '/api/account-requests?limit=200', headers: officer })).json().items as { id: string; createdAt: string }[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.map((r) => r.createdAt)).toEqual([...all.map((r) => r.createdAt)].sort());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/account-requests?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await env.app.inject({ method: 'GET', url, headers: officer });
      expect(res.statusCode).toBe(200);
      seen.push(...(res.json().items as { id: string }[]).map((r) => r.id));
      cursor = res.json().nextCursor as string | null;
    } while (cursor && seen.length <= all.length);
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it('rate limits the tax-code lookup and the form per address, like sign-in', async () => {
    // An app of its own, so its counts start at zero whatever ran before.
    const app = await buildApp({ dbHandle: env.h, webDir: null });
    try {
      const v = await visitor(app, '10.9.9.9');
      const lookup = () => app.inject({ method: 'GET', url: `/api/public/account-requests/organization?province=${province}&taxCode=${nextTaxCode()}`, remoteAddress: v.remoteAddress });
      for (let i = 0; i < ACCOUNT_REQUEST_LIMITS.lookup; i++) expect((await lookup()).statusCode).toBe(400);
      const limited = await lookup();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('common.rate_limited');
      // Another address is not slowed down.
      const elsewhere = await app.inject({ method: 'GET', url: `/api/public/account-requests/organization?province=${province}&taxCode=${org.taxCode}`, remoteAddress: '10.9.9.10' });
      expect(elsewhere.statusCode).toBe(200);

      const send = () => app.inject({ method: 'POST', url: '/api/public/account-requests', headers: v.headers, remoteAddress: v.remoteAddress,
        payload: form({ taxCode: nextTaxCode() }) });
      for (let i = 0; i < ACCOUNT_REQUEST_LIMITS.submit; i++) expect((await send()).statusCode).toBe(400);
      expect((await send()).statusCode).toBe(429);
    } finally {
      await app.close();
    }
  });
});
