import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, buildUser, login, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import type { Role } from '../../../shared/roles.ts';
import { sendNotice, type Notice } from './inbox.service.ts';

let env: TestEnv;
let admin: AuthHeaders;
let n = 0;

beforeAll(async () => {
  env = await testEnv();
  admin = await env.as('admin');
});
afterAll(() => env.close());

interface Account extends AuthHeaders { userId: string }

/** A signed-in account of a role, working in a unit (set directly: the units' own rules are tested in agencies). */
async function account(role: Role, o: { agencyId?: string; adminUnitId?: string; organizationId?: string; tenantId?: string } = {}): Promise<Account> {
  const u = await buildUser(env.h, { tenantId: o.tenantId ?? env.tenantId, role, organizationId: o.organizationId });
  if (o.agencyId || o.adminUnitId) {
    await env.h.query('UPDATE users SET agency_id = $1, admin_unit_id = $2 WHERE id = $3', [o.agencyId ?? null, o.adminUnitId ?? null, u.id]);
  }
  return { ...(await login(env.app, u.username)), userId: u.id };
}

async function agency(tenantAdmin = admin) {
  const res = await env.app.inject({
    method: 'POST', url: '/api/agencies', headers: tenantAdmin, payload: { kind: 'department', name: `Sở Tài chính ${n++}`, validFrom: '2025-03-01' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const taskId = () => randomUUID();

/** A notice about a (made-up) task, in the overdue-stage wording. */
const notice = (o: Partial<Notice> & Pick<Notice, 'to'>): Notice => ({
  tenantId: env.tenantId, kind: 'task.stage_overdue', subject: { type: 'task', id: taskId() },
  title: 'task.reminder.stage_overdue', body: 'task.reminder.stage_overdue.body',
  params: { title: `Nghiên cứu sấy hồi ${n++}`, stage: { vi: 'Đề xuất nhiệm vụ', en: 'Proposal' }, days: 61, due: '16/03/2026' },
  ...o,
});

const inbox = async (h: AuthHeaders, query = '', lang = 'vi') => {
  const res = await env.app.inject({ method: 'GET', url: `/api/inbox${query}`, headers: { ...h, 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; title: string; body: string | null; subjectType: string; subjectId: string; read: boolean }[]; nextCursor: string | null };
};
const ids = async (h: AuthHeaders, query = '') => (await inbox(h, query)).items.map((i) => i.id);
const unread = async (h: AuthHeaders) => (await env.app.inject({ method: 'GET', url: '/api/inbox/unread-count', headers: h })).json().unread as number;
const post = (h: AuthHeaders, url: string) => env.app.inject({ method: 'POST', url, headers: h, payload: {} });

describe('inbox items for an account', () => {
  it("reaches that account only, linking to its subject, and counts as unread", async () => {
    const [me, other] = [await account('dost_officer'), await account('dost_officer')];
    const n1 = notice({ to: [{ userId: me.userId }] });
    const sent = (await sendNotice(env.h.db, n1))!;
    const mine = await inbox(me);
    expect(mine.items).toMatchObject([{ id: sent.id, subjectType: 'task', subjectId: n1.subject!.id, read: false }]);
    expect(await unread(me)).toBe(1);
    expect(await ids(other)).toEqual([]);
    expect(await unread(other)).toBe(0);
  });

  it("is worded in the reader's language, diacritics and all", async () => {
    const me = await account('dost_officer');
    await sendNotice(env.h.db, notice({ to: [{ userId: me.userId }], params: { title: 'Máy sấy hồi', stage: { vi: 'Đề xuất nhiệm vụ', en: 'Proposal' }, days: 61, due: '16/03/2026' } }));
    const [vi] = (await inbox(me, '', 'vi')).items;
    const [en] = (await inbox(me, '', 'en')).items;
    expect(vi.title).toBe('Nhiệm vụ "Máy sấy hồi" quá hạn ở giai đoạn "Đề xuất nhiệm vụ"');
    expect(en.title).toBe('Task "Máy sấy hồi" is overdue at "Proposal"');
    expect(en.body).toContain('for 61 days');
  });

  it('refuses a reader who is not signed in', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/inbox' })).statusCode).toBe(401);
  });
});

describe('inbox items for a unit, a role, an organisation', () => {
  it('reach every officer of the unit, and an officer who joins the unit later; not another unit', async () => {
    const [x, y] = [await agency(), await agency()];
    const a = await account('unit_officer', { agencyId: x });
    const b = await account('unit_officer', { agencyId: x });
    const elsewhere = await account('unit_officer', { agencyId: y });
    const sent = (await sendNotice(env.h.db, notice({ to: [{ agencyId: x }] })))!;
    expect(await ids(a)).toContain(sent.id);
    expect(await ids(b)).toContain(sent.id);
    expect(await ids(elsewhere)).not.toContain(sent.id);
    const newcomer = await account('unit_officer', { agencyId: x });
    expect(await ids(newcomer)).toContain(sent.id);
  });

  it("reach a commune's officers", async () => {
    const [commune] = await env.h.query<{ id: string }>(
      `SELECT id FROM admin_units WHERE level = 'commune' AND valid_to IS NULL ORDER BY code LIMIT 1`);
    const officer = await account('unit_officer', { adminUnitId: commune.id });
    const other = await account('unit_officer');
    const sent = (await sendNotice(env.h.db, notice({ to: [{ adminUnitId: commune.id }] })))!;
    expect(await ids(officer)).toContain(sent.id);
    expect(await ids(other)).not.toContain(sent.id);
  });

  it('reach every account of a role in the province, never one of another province', async () => {
    const leaders = [await account('leader'), await account('leader')];
    const officer = await account('dost_officer');
    const other = await buildTenant(env.h, 'Sở KH&CN tỉnh khác');
    const foreignLeader = await account('leader', { tenantId: other.id });
    const sent = (await sendNotice(env.h.db, notice({ to: [{ role: 'leader' }] })))!;
    for (const l of leaders) expect(await ids(l)).toContain(sent.id);
    expect(await ids(officer)).not.toContain(sent.id);
    expect(await ids(foreignLeader)).not.toContain(sent.id);
    // nor can the other province's reader mark it
    expect((await post(foreignLeader, `/api/inbox/${sent.id}/read`)).statusCode).toBe(404);
  });

  it('narrow when combined: a role in a unit, the applicants of an organisation', async () => {
    const x = await agency();
    const officerOfX = await account('unit_officer', { agencyId: x });
    const leaderOfX = await account('leader', { agencyId: x });
    const org = (await env.app.inject({
      method: 'POST', url: '/api/organizations', headers: admin,
      payload: { kind: 'enterprise', name: `Công ty TNHH Cơ khí ${n++}`, isStEnterprise: false },
    })).json().id as string;
    const applicant = await account('applicant', { organizationId: org });
    const otherApplicant = await account('applicant');
    const sent = (await sendNotice(env.h.db, notice({ to: [{ agencyId: x, role: 'unit_officer' }, { organizationId: org, role: 'applicant' }] })))!;
    expect(await ids(officerOfX)).toContain(sent.id);
    expect(await ids(leaderOfX)).not.toContain(sent.id);
    expect(await ids(applicant)).toContain(sent.id);
    expect(await ids(otherApplicant)).not.toContain(sent.id);
  });

  it('show an item once to a reader matching several of its addressees', async () => {
    const me = await account('leader');
    const sent = (await sendNotice(env.h.db, notice({ to: [{ userId: me.userId }, { role: 'leader' }] })))!;
    expect((await ids(me)).filter((id) => id === sent.id)).toHaveLength(1);
  });
});

describe('read state', () => {
  it('is kept per reader: one officer marking a unit item read leaves it unread for the other', async () => {
    const x = await agency();
    const a = await account('unit_officer', { agencyId: x });
    const b = await account('unit_officer', { agencyId: x });
    const sent = (await sendNotice(env.h.db, notice({ to: [{ agencyId: x }] })))!;
    const marked = await post(a, `/api/inbox/${sent.id}/read`);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ id: sent.id, read: true });
    expect(await unread(a)).toBe(0);
    expect(await unread(b)).toBe(1);
    expect(await ids(a, '?unread=true')).toEqual([]);
    expect(await ids(b, '?unread=true')).toEqual([sent.id]);
    // marking again changes nothing
    expect((await post(a, `/api/inbox/${sent.id}/read`)).json().readAt).toBe(marked.json().readAt);
  });

  it('marks everything read at once', async () => {
    const me = await account('dost_officer');
    for (let i = 0; i < 3; i++) await sendNotice(env.h.db, notice({ to: [{ userId: me.userId }] }));
    expect(await unread(me)).toBe(3);
    const res = await post(me, '/api/inbox/read-all');
    expect(res.json()).toEqual({ marked: 3 });
    expect(await unread(me)).toBe(0);
    expect((await inbox(me)).items.every((i) => i.read)).toBe(true);
  });

  it('refuses to mark an item that is not the reader\'s with 404', async () => {
    const [me, other] = [await account('dost_officer'), await account('dost_officer')];
    const sent = (await sendNotice(env.h.db, notice({ to: [{ userId: me.userId }] })))!;
    const res = await post(other, `/api/inbox/${sent.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'common.not_found' });
    expect(await unread(me)).toBe(1);
  });
});

describe('listing', () => {
  it('pages newest first with a cursor', async () => {
    const me = await account('dost_officer');
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await sendNotice(env.h.db, notice({ to: [{ userId: me.userId }] })))!.id);
    const first = await inbox(me, '?limit=2');
    expect(first.items.map((i) => i.id)).toEqual([sent[4], sent[3]]);
    const second = await inbox(me, `?limit=2&cursor=${first.nextCursor}`);
    const third = await inbox(me, `?limit=2&cursor=${second.nextCursor}`);
    expect([...second.items, ...third.items].map((i) => i.id)).toEqual([sent[2], sent[1], sent[0]]);
    expect(third.nextCursor).toBeNull();
    const bad = await env.app.inject({ method: 'GET', url: '/api/inbox?cursor=abc', headers: me });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toMatchObject([{ path: 'querystring.cursor' }]);
  });
});

describe('reminders', () => {
  it('are sent once per subject and period, even when sent concurrently, and again for the next period', async () => {
    const me = await account('dost_officer');
    const subject = { type: 'task', id: taskId() };
    const reminder = (period: number) => notice({ subject, periodKey: `proposal@2026-01-15T01:00:00.000Z#${period}`, to: [{ userId: me.userId }] });
    const results = await Promise.all([sendNotice(env.h.db, reminder(0)), sendNotice(env.h.db, reminder(0)), sendNotice(env.h.db, reminder(0))]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await sendNotice(env.h.db, reminder(0))).toBeNull();
    expect(await unread(me)).toBe(1);
    expect(await sendNotice(env.h.db, reminder(1))).not.toBeNull();
    expect(await unread(me)).toBe(2);
  });
});
