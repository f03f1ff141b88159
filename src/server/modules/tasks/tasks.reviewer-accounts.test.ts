/**
 * GET /api/tasks/reviewer-accounts: the reviewer accounts a DOST officer may link a task council's member to
 * (GET /api/users is for admins only). Active reviewers of the caller's province only; officers and admins only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, buildUser, testEnv, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;

beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.close());

describe('reviewer accounts for task councils', () => {
  it('lists the active reviewers of the province, by username, to officers and admins', async () => {
    const b = await buildUser(env.h, { tenantId: env.tenantId, role: 'reviewer', username: 'hd-b-reviewer' });
    const a = await buildUser(env.h, { tenantId: env.tenantId, role: 'reviewer', username: 'hd-a-reviewer' });
    await buildUser(env.h, { tenantId: env.tenantId, role: 'reviewer', username: 'hd-c-inactive', active: false });
    await buildUser(env.h, { tenantId: env.tenantId, role: 'leader', username: 'hd-d-leader' });
    const other = await buildTenant(env.h, 'Sở KH&CN tỉnh khác');
    await buildUser(env.h, { tenantId: other.id, role: 'reviewer', username: 'hd-e-elsewhere' });

    for (const role of ['dost_officer', 'admin'] as const) {
      const res = await env.app.inject({ method: 'GET', url: '/api/tasks/reviewer-accounts', headers: await env.as(role) });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([
        { id: a.id, username: 'hd-a-reviewer', displayName: 'Người dùng hd-a-reviewer' },
        { id: b.id, username: 'hd-b-reviewer', displayName: 'Người dùng hd-b-reviewer' },
      ]);
    }
  });

  it('is refused to other roles and without a session', async () => {
    for (const role of ['leader', 'reviewer', 'unit_officer', 'applicant'] as const) {
      const res = await env.app.inject({ method: 'GET', url: '/api/tasks/reviewer-accounts', headers: await env.as(role) });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await env.app.inject({ method: 'GET', url: '/api/tasks/reviewer-accounts' })).statusCode).toBe(401);
  });
});
