/**
 * The tasks module's reminders through the real job workers: pg-boss on PostgreSQL (two workers on the same
 * database), the in-process scheduler on PGlite. Time is the job's `now`, never a sleep.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { buildTenant, buildUser, login, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization, buildPerson } from '../../testing/factories.ts';
import type { TaskCreate } from '../../../shared/schemas/tasks.ts';
import { moduleJobs } from '../index.ts';
import { createWorker, type JobWorker } from '../jobs/jobs.service.ts';
import type { PgBossWorker } from '../jobs/jobs.pg-boss.ts';
import { noticesAbout } from '../inbox/inbox.service.ts';
import { remindCouncilSheets, remindOverdueStages, remindProgressChecks } from './tasks.reminders.ts';

let env: TestEnv;
let admin: AuthHeaders;
let hostId: string;
const DAY = 86_400_000;
/** A task proposed on 15/01/2026 entered its proposal stage at 08:00 that day (Vietnam); the target is 60 days. */
const PROPOSED = new Date('2026-01-15T08:00:00+07:00');
const daysAfterProposal = (days: number) => new Date(PROPOSED.getTime() + days * DAY);

const call = (headers: AuthHeaders, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  env.app.inject({ method, url, headers: { ...headers, 'accept-language': 'vi' }, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  env = await testEnv();
  admin = await env.as('admin');
  hostId = (await call(admin, 'POST', '/api/organizations', buildOrganization({ name: 'Công ty TNHH Cơ khí Nông nghiệp Hồi Lạng Sơn' }))).json().id;
});
afterAll(() => env.close());

interface Officer extends AuthHeaders { userId: string }
const officer = (): Promise<Officer> => env.as('dost_officer');

function proposal(o: Partial<TaskCreate> = {}): TaskCreate {
  return {
    title: 'Nghiên cứu ứng dụng công nghệ bơm nhiệt thiết kế, chế tạo máy sấy hồi', type: 'research_topic', level: 'provincial',
    scienceField: '2', proposalYear: 2026, proposedOn: '2026-01-15', members: [], funding: [], products: [], ...o,
  };
}

async function newTask(by: Officer, o: Partial<TaskCreate> = {}): Promise<string> {
  const res = await call(by, 'POST', '/api/tasks', proposal(o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const sentAbout = (taskId: string, kind = 'task.stage_overdue', tenantId = env.tenantId) =>
  noticesAbout(env.h.db, { tenantId, subjectType: 'task', subjectId: taskId }).then((xs) => xs.filter((x) => x.kind === kind));

const inboxOf = async (h: AuthHeaders) => (await call(h, 'GET', '/api/inbox')).json().items as { subjectId: string; title: string }[];

/**
 * The overdue reminder of `task` is sent once at day 61 (in the officer's inbox), not again at day 65, and again at
 * day 68 once the rule's 7-day interval has passed; `runAt` runs the job (however many workers) for that moment.
 */
async function expectOncePerInterval(task: string, me: Officer, runAt: (at: Date) => Promise<void>) {
  await runAt(daysAfterProposal(61));
  expect(await sentAbout(task)).toHaveLength(1);
  expect((await inboxOf(me)).filter((i) => i.subjectId === task)).toHaveLength(1);
  await runAt(daysAfterProposal(65));
  expect(await sentAbout(task)).toHaveLength(1);
  await runAt(daysAfterProposal(68));
  expect(await sentAbout(task)).toHaveLength(2);
}

const stageJobs = () => moduleJobs().filter((j) => j.name === 'tasks.stage_reminders');

const engine = inject('dbTemplate').kind;

/** The connection string of this file's database (PostgreSQL): pg-boss opens its own pool with it. */
async function databaseUrl(): Promise<string> {
  const t = inject('dbTemplate');
  if (t.kind !== 'postgres') throw new Error('PostgreSQL only');
  const [row] = await env.h.query<{ db: string }>('SELECT current_database() AS db');
  const u = new URL(t.url);
  u.pathname = `/${row.db}`;
  return u.toString();
}

async function until(done: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 600; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('a task past its stage target', () => {
  it.runIf(engine === 'postgres')('reminds the officer exactly once with two pg-boss workers on the same database, again only after the interval', async () => {
    const me = await officer();
    const task = await newTask(me);
    const url = await databaseUrl();
    const second = await openDb({ databaseUrl: url, poolSize: 4 });
    const workers = [
      createWorker(env.h, stageJobs(), { databaseUrl: url, schedule: false, pollingIntervalSeconds: 0.5 }) as PgBossWorker,
      createWorker(second, stageJobs(), { databaseUrl: url, schedule: false, pollingIntervalSeconds: 0.5 }) as PgBossWorker,
    ];
    try {
      for (const w of workers) await w.start();
      // Each worker takes jobs off the shared queue; four runs for the same moment, two at a time.
      const runAt = async (at: Date) => {
        const jobs = await Promise.all([0, 1, 2, 3].map((i) => workers[i % 2].send('tasks.stage_reminders', { now: at.toISOString() })));
        await until(async () => {
          const states = await Promise.all(jobs.map((id) => workers[0].stateOf('tasks.stage_reminders', id)));
          return states.every((s) => s === 'completed' || s === 'failed');
        }, 'the reminder jobs');
        return Promise.all(jobs.map((id) => workers[0].stateOf('tasks.stage_reminders', id)));
      };
      await expectOncePerInterval(task, me, async (at) => {
        expect(await runAt(at)).toEqual(['completed', 'completed', 'completed', 'completed']);
      });
    } finally {
      for (const w of workers) await w.stop();
      await second.close();
    }
  }, 120_000);

  it.runIf(engine === 'postgres')('is sent once when two handlers race on separate connections', async () => {
    const me = await officer();
    const task = await newTask(me);
    const second = await openDb({ databaseUrl: await databaseUrl(), poolSize: 4 });
    try {
      const now = daysAfterProposal(62);
      await Promise.all([
        remindOverdueStages({ db: env.h.db, now }), remindOverdueStages({ db: second.db, now }),
        remindOverdueStages({ db: env.h.db, now }), remindOverdueStages({ db: second.db, now }),
      ]);
      expect(await sentAbout(task)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it.runIf(engine === 'pglite')('reminds the officer exactly once through the in-process scheduler, again only after the interval', async () => {
    const me = await officer();
    const task = await newTask(me);
    // Two schedulers on the one database, both running the job for the same moment.
    const workers: JobWorker[] = [createWorker(env.h, stageJobs(), { schedule: false }), createWorker(env.h, stageJobs(), { schedule: false })];
    for (const w of workers) await w.start();
    try {
      const runAt = (at: Date) => Promise.all(workers.flatMap((w) => [w.runNow('tasks.stage_reminders', { now: at }), w.runNow('tasks.stage_reminders', { now: at })]));
      await expectOncePerInterval(task, me, async (at) => { await runAt(at); });
    } finally {
      for (const w of workers) await w.stop();
    }
  });

  it('is not reminded before the target has passed', async () => {
    const task = await newTask(await officer());
    await remindOverdueStages({ db: env.h.db, now: daysAfterProposal(59) });
    expect(await sentAbout(task)).toHaveLength(0);
  });

  it("names the task and the stage in the officer's inbox, and reaches nobody else by name", async () => {
    const [me, colleague] = [await officer(), await officer()];
    const task = await newTask(me, { title: 'Ứng dụng công nghệ sinh học sản xuất phân hữu cơ' });
    await remindOverdueStages({ db: env.h.db, now: daysAfterProposal(61) });
    const [item] = (await inboxOf(me)).filter((i) => i.subjectId === task);
    expect(item.title).toBe('Nhiệm vụ "Ứng dụng công nghệ sinh học sản xuất phân hữu cơ" quá hạn ở giai đoạn "Đề xuất nhiệm vụ"');
    expect((await inboxOf(colleague)).filter((i) => i.subjectId === task)).toHaveLength(0);
  });

  it("goes to the province's DOST officers when the officer in charge has left", async () => {
    const leaving = await officer();
    const task = await newTask(leaving);
    await env.h.query('UPDATE users SET active = false WHERE id = $1', [leaving.userId]);
    const colleague = await officer();
    await remindOverdueStages({ db: env.h.db, now: daysAfterProposal(61) });
    expect((await inboxOf(colleague)).filter((i) => i.subjectId === task)).toHaveLength(1);
  });

  it("follows the province's own schedule (rule data) from the day it takes effect", async () => {
    // Another province, so its rule leaves the other tests alone.
    const province = await buildTenant(env.h, 'Sở KH&CN tỉnh có quy chế riêng');
    const rule = await call(await env.as('admin', { tenantId: province.id }), 'POST', '/api/rules', {
      key: 'reminders.stage_overdue', effectiveFrom: '2026-03-20', legalBasis: 'Quyết định 12/2026/QĐ-SKHCN (thử nghiệm)', value: { everyDays: 2 },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const task = await newTask(await env.as('dost_officer', { tenantId: province.id }));
    // due 16/03; until 19/03 the national 7 days apply, from 20/03 every 2 days: 16/03 (0), 20/03 (2), 22/03 (3)
    for (const day of [61, 64, 65, 66, 67]) await remindOverdueStages({ db: env.h.db, now: daysAfterProposal(day) });
    expect((await sentAbout(task, 'task.stage_overdue', province.id)).map((x) => x.periodKey!.split('#')[1])).toEqual(['0', '2', '3']);
  });
});

describe('a progress check falling due', () => {
  /** Puts the task in implementation from a contract date (the workflow's path there is tested in tasks.test.ts). */
  async function underContract(taskId: string, contractDate: string) {
    const at = `${contractDate}T09:00:00+07:00`;
    await env.h.query(
      `INSERT INTO stage_events (tenant_id, workflow, subject_type, subject_id, from_stage, to_stage, action, actor_id, at, rule_version_id)
       SELECT tenant_id, workflow, subject_type, subject_id, 'contract', 'implementation', 'sign_contract', actor_id, $2::timestamptz, rule_version_id
       FROM stage_events WHERE subject_id = $1 ORDER BY id LIMIT 1`, [taskId, at]);
    await env.h.query(`UPDATE tasks SET stage = 'implementation', stage_entered_at = $2::timestamptz WHERE id = $1`, [taskId, at]);
  }

  it("reminds the host organisation's applicants and the officer before the due date, counted from the last check", async () => {
    const me = await officer();
    const applicant = await buildUser(env.h, { tenantId: env.tenantId, role: 'applicant', organizationId: hostId });
    const applicantHeaders = await login(env.app, applicant.username);
    const otherApplicant = await env.as('applicant');
    const task = await newTask(me, { hostOrganizationId: hostId, startDate: '2026-02-01', endDate: '2028-01-31' });
    await underContract(task, '2026-02-01');
    const at = (iso: string) => remindProgressChecks({ db: env.h.db, now: new Date(`${iso}T09:00:00+07:00`) });

    await at('2026-07-17'); // due 01/08/2026, reminded from 18/07
    expect(await sentAbout(task, 'task.progress_due')).toHaveLength(0);
    await at('2026-07-18');
    await at('2026-07-25');
    expect((await sentAbout(task, 'task.progress_due')).map((x) => x.periodKey)).toEqual(['due:2026-08-01']);
    expect((await inboxOf(applicantHeaders)).filter((i) => i.subjectId === task)).toHaveLength(1);
    expect((await inboxOf(me)).filter((i) => i.subjectId === task)).toHaveLength(1);
    expect((await inboxOf(otherApplicant)).filter((i) => i.subjectId === task)).toHaveLength(0);

    const check = await call(me, 'POST', `/api/tasks/${task}/progress`, { kind: 'check', reportDate: '2026-08-10', percentComplete: 30, summary: 'Đã chế tạo xong khung máy' });
    expect(check.statusCode, check.body).toBe(201);
    await at('2027-01-26'); // next due 10/02/2027, reminded from 27/01
    expect(await sentAbout(task, 'task.progress_due')).toHaveLength(1);
    await at('2027-01-27');
    expect((await sentAbout(task, 'task.progress_due')).map((x) => x.periodKey)).toEqual(['due:2026-08-01', 'due:2027-02-10']);
  });

  it('is not reminded when the next check would fall after the end date', async () => {
    const me = await officer();
    const task = await newTask(me, { hostOrganizationId: hostId, startDate: '2026-02-01', endDate: '2026-07-31' });
    await underContract(task, '2026-02-01');
    await remindProgressChecks({ db: env.h.db, now: new Date('2026-07-25T09:00:00+07:00') });
    expect(await sentAbout(task, 'task.progress_due')).toHaveLength(0);
  });
});

describe('a council member without a sheet', () => {
  const ROLES = ['chair', 'vice_chair', 'secretary', 'reviewer', 'reviewer', 'member', 'member'];

  it('is reminded from the meeting date, once per period, until the sheet is in', async () => {
    const me = await officer();
    const task = await newTask(me);
    const experts: { personId: string; userId: string; headers: AuthHeaders }[] = [];
    for (let i = 0; i < ROLES.length; i++) {
      const personId = (await call(me, 'POST', '/api/people', buildPerson({ fullName: `Chuyên gia Nhắc việc ${i + 1}` }))).json().id;
      const u = await buildUser(env.h, { tenantId: env.tenantId, role: 'reviewer' });
      experts.push({ personId, userId: u.id, headers: await login(env.app, u.username) });
    }
    const created = await call(me, 'POST', '/api/councils', { subjectType: 'task', subjectId: task, kind: 'identification', name: 'Hội đồng tư vấn xác định nhiệm vụ 2026', meetingDate: '2026-03-10' });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    const members: string[] = [];
    for (const [i, e] of experts.entries()) {
      const m = await call(me, 'POST', `/api/councils/${c.id}/members`, { personId: e.personId, role: ROLES[i], userId: e.userId });
      expect(m.statusCode, m.body).toBe(201);
      members.push(m.json().id);
    }
    const dossier = (await call(me, 'POST', `/api/councils/${c.id}/dossiers`, { subjectType: 'task', subjectId: task })).json();
    for (const id of members) await call(me, 'PUT', `/api/councils/${c.id}/members/${id}/presence`, { present: true });
    const current = (await call(me, 'GET', `/api/councils/${c.id}`)).json();
    const opened = await call(me, 'POST', `/api/councils/${c.id}/open`, { version: current.version });
    expect(opened.statusCode, opened.body).toBe(200);
    const sheet = { scores: { necessity: 16, feasibility: 24, effectiveness: 24, replicability: 16 } };
    for (const [i, memberId] of members.slice(0, 5).entries()) {
      const r = await call(experts[i].headers, 'PUT', `/api/councils/${c.id}/dossiers/${dossier.id}/sheets/${memberId}`, sheet);
      expect(r.statusCode, r.body).toBeLessThan(300);
    }
    const at = (iso: string) => remindCouncilSheets({ db: env.h.db, now: new Date(`${iso}T09:00:00+07:00`) });
    const sent = async () => (await noticesAbout(env.h.db, { tenantId: env.tenantId, subjectType: 'council', subjectId: c.id })).length;

    await at('2026-03-09');
    expect(await sent()).toBe(0);
    await at('2026-03-10');
    await at('2026-03-11');
    expect(await sent()).toBe(2);
    const late = (await inboxOf(experts[5].headers)).filter((i) => i.subjectId === c.id);
    expect(late).toHaveLength(1);
    expect(late[0].title).toBe('Chưa nộp phiếu đánh giá: Hội đồng tư vấn xác định nhiệm vụ 2026');
    expect((await inboxOf(experts[0].headers)).filter((i) => i.subjectId === c.id)).toHaveLength(0);

    const r = await call(experts[5].headers, 'PUT', `/api/councils/${c.id}/dossiers/${dossier.id}/sheets/${members[5]}`, sheet);
    expect(r.statusCode, r.body).toBeLessThan(300);
    await at('2026-03-12'); // the next period: only the member still missing
    expect(await sent()).toBe(3);
    expect((await inboxOf(experts[6].headers)).filter((i) => i.subjectId === c.id)).toHaveLength(2);
    expect((await inboxOf(experts[5].headers)).filter((i) => i.subjectId === c.id)).toHaveLength(1);
  });
});
