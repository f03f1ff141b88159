/**
 * A council's writes that overlap in time (PostgreSQL): a transaction held on a second connection at a known point,
 * the API call started, its blocking (or its answer) awaited, then the commit (testing/concurrency.ts). PGlite
 * serves one connection, so no request runs inside another's transaction there: skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildPerson } from '../../testing/factories.ts';
import { engine, secondConnection, untilBlockedOrAnswered } from '../../testing/concurrency.ts';
import type { MemberRole } from '../../../shared/schemas/councils.ts';

type User = AuthHeaders & { userId: string };
let env: TestEnv;
let officer: User;
let holder: pg.Client;
const ROLES7: MemberRole[] = ['chair', 'vice_chair', 'secretary', 'reviewer', 'reviewer', 'member', 'member'];

const call = (headers: AuthHeaders, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  Promise.resolve(env.app.inject({ method, url, headers, payload }));

/** An identification council about a new task, seated with seven experts, five present, in session. */
async function sitting() {
  const task = await call(officer, 'POST', '/api/tasks', {
    title: 'Nghiên cứu chọn tạo giống hồi năng suất cao', type: 'research_topic', level: 'provincial', scienceField: '4',
    proposalYear: 2026, proposedOn: '2026-01-15', members: [], funding: [], products: [],
  });
  expect(task.statusCode, task.body).toBe(201);
  const council = (await call(officer, 'POST', '/api/councils', {
    subjectType: 'task', subjectId: task.json().id, kind: 'identification', name: 'Hội đồng tư vấn xác định nhiệm vụ', meetingDate: '2026-03-05',
  })).json();
  const members: { id: string; user: User }[] = [];
  for (const [i, role] of ROLES7.entries()) {
    const person = (await call(officer, 'POST', '/api/people', buildPerson({ fullName: `Chuyên gia ${i + 1}`, isExpert: true }))).json();
    const user = await env.as('reviewer');
    const m = await call(officer, 'POST', `/api/councils/${council.id}/members`, { personId: person.id, role, userId: user.userId });
    expect(m.statusCode, m.body).toBe(201);
    members.push({ id: m.json().id, user });
  }
  const dossier = (await call(officer, 'POST', `/api/councils/${council.id}/dossiers`, { subjectType: 'task', subjectId: task.json().id })).json();
  for (const m of members.slice(0, 5)) await call(officer, 'PUT', `/api/councils/${council.id}/members/${m.id}/presence`, { present: true });
  const { version } = (await call(officer, 'GET', `/api/councils/${council.id}`)).json();
  const opened = await call(officer, 'POST', `/api/councils/${council.id}/open`, { version });
  expect(opened.statusCode, opened.body).toBe(200);
  return { councilId: council.id as string, dossierId: dossier.id as string, members };
}

const SCORES = { necessity: 16, feasibility: 24, effectiveness: 24, replicability: 16 };

describe.skipIf(engine() !== 'postgres')("a council's writes at the same time (PostgreSQL; PGlite has one connection)", () => {
  beforeAll(async () => {
    env = await testEnv();
    officer = await env.as('dost_officer');
    holder = await secondConnection(env.h);
  });
  afterAll(async () => {
    await holder?.end();
    await env?.close();
  });

  it('a sheet sent while its member declares a conflict of interest is refused once the conflict is recorded', async () => {
    const { councilId, dossierId, members: [m] } = await sitting();
    await holder.query('BEGIN');
    await holder.query(`UPDATE council_members SET conflict_status = 'declared', conflict_declared = true, conflict_note = 'Cùng đơn vị', declared_at = now() WHERE id = $1`, [m.id]);
    const sheet = call(m.user, 'PUT', `/api/councils/${councilId}/dossiers/${dossierId}/sheets/${m.id}`, { scores: SCORES });
    await untilBlockedOrAnswered(holder, 1, [sheet]);
    await holder.query('COMMIT');

    const s = await sheet;
    expect(s.statusCode, s.body).toBe(409);
    expect(s.json().code).toBe('council.member_conflicted');
    const [{ n }] = await env.h.query<{ n: number }>('SELECT count(*)::int AS n FROM council_sheets WHERE member_id = $1', [m.id]);
    expect(n).toBe(0);
  });

  it('a sheet sent while the council is being closed is refused once it is closed', async () => {
    const { councilId, dossierId, members: [m] } = await sitting();
    await holder.query('BEGIN');
    await holder.query(`UPDATE councils SET status = 'closed', closed_at = now(), version = version + 1 WHERE id = $1`, [councilId]);
    const sheet = call(m.user, 'PUT', `/api/councils/${councilId}/dossiers/${dossierId}/sheets/${m.id}`, { scores: SCORES });
    await untilBlockedOrAnswered(holder, 1, [sheet]);
    await holder.query('COMMIT');

    const s = await sheet;
    expect(s.statusCode, s.body).toBe(409);
    expect(s.json().code).toBe('council.wrong_status');
  });
});
