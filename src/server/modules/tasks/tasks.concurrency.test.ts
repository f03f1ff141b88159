/**
 * Writes to one task that overlap in time (PostgreSQL). Each test holds a transaction on a second connection at a
 * known point (testing/concurrency.ts), starts the API call, waits until the call is blocked by it (or already
 * answered), then commits: the interleaving is forced by the locks, so each outcome is the same on every run.
 * PGlite serves one connection, so a request never runs inside another's transaction there: skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { engine, secondConnection, untilBlockedOrAnswered } from '../../testing/concurrency.ts';
import type { TaskCreate } from '../../../shared/schemas/tasks.ts';

let env: TestEnv;
let officer: AuthHeaders;
let holder: pg.Client;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  Promise.resolve(env.app.inject({ method, url, headers: officer, ...(payload === undefined ? {} : { payload: payload as object }) }));

const proposal: TaskCreate = {
  title: 'Nghiên cứu ứng dụng công nghệ bơm nhiệt thiết kế, chế tạo máy sấy hồi', type: 'research_topic', level: 'provincial',
  scienceField: '2', proposalYear: 2026, proposedOn: '2026-01-15', startDate: '2026-02-01', endDate: '2027-12-31',
  members: [], funding: [], products: [],
};

/** A task put straight into a stage (the workflow's path there is tested in tasks.test.ts). */
async function taskIn(stage: string): Promise<string> {
  const res = await call('POST', '/api/tasks', proposal);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await env.h.query(`UPDATE tasks SET stage = $2 WHERE id = $1`, [id, stage]);
  return id;
}

const extension = (id: string) => call('POST', `/api/tasks/${id}/progress`, {
  kind: 'extension', reportDate: '2027-06-30', percentComplete: 60, summary: 'Chậm do thời tiết; gia hạn 3 tháng', newEndDate: '2028-03-31',
});

describe.skipIf(engine() !== 'postgres')('writes to one task at the same time (PostgreSQL; PGlite has one connection)', () => {
  beforeAll(async () => {
    env = await testEnv();
    officer = await env.as('dost_officer');
    holder = await secondConnection(env.h);
  });
  afterAll(async () => {
    await holder?.end();
    await env?.close();
  });

  it('an extension sent while an edit of the task is in flight moves the end date, and the edit is kept', async () => {
    const id = await taskIn('implementation');
    const task = (await call('GET', `/api/tasks/${id}`)).json();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM tasks WHERE id = $1 FOR UPDATE', [id]);
    // The edit waits for the held lock first, then the extension queues behind it.
    const edit = call('PUT', `/api/tasks/${id}`, { ...proposal, title: 'Máy sấy hồi dùng bơm nhiệt (tên sửa)', version: task.version });
    expect(await untilBlockedOrAnswered(holder, 1, [edit])).toBe('blocked');
    const extended = extension(id);
    await untilBlockedOrAnswered(holder, 2, [edit, extended]);
    await holder.query('COMMIT');

    const [e, x] = await Promise.all([edit, extended]);
    expect(e.statusCode, e.body).toBe(200);
    expect(x.statusCode, x.body).toBe(201);
    const after = (await call('GET', `/api/tasks/${id}`)).json();
    expect(after.endDate).toBe('2028-03-31');
    expect(after.title).toBe('Máy sấy hồi dùng bơm nhiệt (tên sửa)');
    expect(after.version).toBe(task.version + 2);
  });

  it('an edit sent with the version an extension in flight replaces is refused with 409, not applied over it', async () => {
    const id = await taskIn('implementation');
    const task = (await call('GET', `/api/tasks/${id}`)).json();
    await holder.query('BEGIN');
    await holder.query(`UPDATE tasks SET end_date = '2028-03-31', version = version + 1 WHERE id = $1`, [id]);
    const edit = call('PUT', `/api/tasks/${id}`, { ...proposal, version: task.version });
    await untilBlockedOrAnswered(holder, 1, [edit]);
    await holder.query('COMMIT');

    const e = await edit;
    expect(e.statusCode, e.body).toBe(409);
    expect(e.json().code).toBe('common.version_conflict');
    expect((await call('GET', `/api/tasks/${id}`)).json().endDate).toBe('2028-03-31');
  });

  it('an extension sent while the task leaves implementation is refused by the stage it finds', async () => {
    const id = await taskIn('implementation');
    await holder.query('BEGIN');
    await holder.query(`UPDATE tasks SET stage = 'acceptance', version = version + 1 WHERE id = $1`, [id]);
    const extended = extension(id);
    await untilBlockedOrAnswered(holder, 1, [extended]);
    await holder.query('COMMIT');

    const x = await extended;
    expect(x.statusCode, x.body).toBe(409);
    expect(x.json().code).toBe('task.not_in_stage');
    const after = (await call('GET', `/api/tasks/${id}`)).json();
    expect(after.endDate).toBe('2027-12-31');
    expect(after.progress).toHaveLength(0);
  });

  it('a replication sent while the task leaves the stages that allow it is refused', async () => {
    const id = await taskIn('result_registration');
    await holder.query('BEGIN');
    await holder.query(`UPDATE tasks SET stage = 'not_accepted', version = version + 1 WHERE id = $1`, [id]);
    const replicated = call('POST', `/api/tasks/${id}/replications`, { place: 'Huyện Tràng Định', scale: '20 hộ', year: 2027 });
    await untilBlockedOrAnswered(holder, 1, [replicated]);
    await holder.query('COMMIT');

    const r = await replicated;
    expect(r.statusCode, r.body).toBe(409);
    expect((await call('GET', `/api/tasks/${id}`)).json().replications).toHaveLength(0);
  });

  it('a document sent while the task is being closed is refused once it is closed', async () => {
    const id = await taskIn('implementation');
    await holder.query('BEGIN');
    await holder.query(`UPDATE tasks SET stage = 'not_accepted', version = version + 1 WHERE id = $1`, [id]);
    const uploaded = call('POST', `/api/tasks/${id}/documents`, {
      kind: 'progress_report', fileName: 'bao-cao.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 bao cao').toString('base64'),
    });
    await untilBlockedOrAnswered(holder, 1, [uploaded]);
    await holder.query('COMMIT');

    const u = await uploaded;
    expect(u.statusCode, u.body).toBe(409);
    expect(u.json().code).toBe('task.finished');
    expect((await call('GET', `/api/tasks/${id}`)).json().documents).toHaveLength(0);
  });

  it('a disbursement sent while the task is being closed is refused once it is closed', async () => {
    const id = await taskIn('implementation');
    await holder.query('BEGIN');
    await holder.query(`UPDATE tasks SET stage = 'not_accepted', version = version + 1 WHERE id = $1`, [id]);
    const paid = call('POST', `/api/tasks/${id}/disbursements`, { disbursedOn: '2027-03-10', amount: 250, source: 'state_budget', decisionNo: '41/QĐ-SKHCN' });
    await untilBlockedOrAnswered(holder, 1, [paid]);
    await holder.query('COMMIT');

    const d = await paid;
    expect(d.statusCode, d.body).toBe(409);
    expect(d.json().code).toBe('task.finished');
    expect((await call('GET', `/api/tasks/${id}`)).json().disbursements).toHaveLength(0);
  });
});
