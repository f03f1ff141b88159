/**
 * What reaches the log: a failed query names its SQL but no parameter values of the auth tables (a new user's
 * password hash, a session's token hash), and no session or token secret is ever written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, login, testEnv, type TestEnv } from '../testing/harness.ts';
import { buildApp, type App } from './app.ts';

let env: TestEnv;
let app: App;
const lines: string[] = [];
const logged = () => lines.join('');

beforeAll(async () => {
  env = await testEnv();
  app = await buildApp({ dbHandle: env.h, webDir: null, logger: { level: 'info', stream: { write: (line: string) => { lines.push(line); } } } });
  // A rule no request is meant to break, so that an insert into users fails with an error nothing maps.
  await env.h.exec(`ALTER TABLE users ADD CONSTRAINT test_no_boom CHECK (display_name <> 'Không được lưu')`);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe('the log', () => {
  it('keeps the failed query of an insert into users but none of its values', async () => {
    const { username } = await buildUser(env.h, { tenantId: env.tenantId, role: 'admin' });
    const session = await login(app, username);
    const sid = session.cookie.match(/khcn_sid=([^;]+)/)![1];
    const res = await app.inject({
      method: 'POST', url: '/api/users', headers: session,
      payload: { username: 'nhat.ky', displayName: 'Không được lưu', password: 'mot-mat-khau-dai-2026', role: 'leader' },
    });
    expect(res.statusCode).toBe(500);
    const text = logged();
    expect(text).toContain('unhandled error');
    expect(text).toContain(res.json().message.match(/[0-9a-f-]{36}/)[0]);
    expect(text).toMatch(/insert into \\?"users\\?"/i);
    expect(text).not.toMatch(/argon2/i);
    expect(text).not.toContain('nhat.ky');
    expect(text).not.toContain('Failing row');
    expect(text).not.toContain(sid);
    expect(text).not.toContain(session['x-csrf-token']);
  });

  it('never writes an API token or a session cookie, whatever fails', async () => {
    const { username } = await buildUser(env.h, { tenantId: env.tenantId, role: 'admin' });
    const session = await login(app, username);
    const { token } = (await app.inject({ method: 'POST', url: '/api/auth/tokens', headers: session, payload: { name: 'Nhật ký' } })).json();
    const bearer = { authorization: `Bearer ${token}`, cookie: `${session.cookie}; other=1` };
    expect((await app.inject({ method: 'GET', url: '/api/organizations', headers: bearer })).statusCode).toBe(200);
    const failed = await app.inject({
      method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${token}` },
      payload: { username: 'nhat.ky.2', displayName: 'Không được lưu', password: 'mot-mat-khau-dai-2026', role: 'leader' },
    });
    expect(failed.statusCode).toBe(500);
    const text = logged();
    expect(text).not.toContain(token);
    expect(text).not.toContain(session.cookie.match(/khcn_sid=([^;]+)/)![1]);
  });
});
