/**
 * The edge of the API: text no database takes (NUL, lone surrogates) is refused with 400 naming the field on
 * every route, anonymous ones included; odd paths and oversized bodies get our error shape in the caller's language.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../testing/harness.ts';
import { buildOrganization } from '../testing/factories.ts';
import { buildApp } from './app.ts';

let env: TestEnv;
let officer: AuthHeaders;
let admin: AuthHeaders;
beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  admin = await env.as('admin');
});
afterAll(() => env.close());

const invalidText = (res: { statusCode: number; json(): unknown }, path: string) => {
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({ code: 'common.validation_failed', details: [{ path, code: 'invalid_text', message: expect.any(String) }] });
};

describe('text the database cannot take', () => {
  it('refuses NUL in an anonymous sign-in with 400 naming body.username', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '\u0000', password: 'x' } });
    invalidText(res, 'body.username');
    expect(res.json().details[0].message).toMatch(/ký tự/);
  });

  it('refuses NUL in a query parameter of a public route', async () => {
    invalidText(await env.app.inject({ method: 'GET', url: '/api/admin-units?code=%00' }), 'querystring.code');
  });

  it('refuses NUL where the route schema is a bare z.string()', async () => {
    invalidText(await env.app.inject({ method: 'GET', url: '/api/organizations?scienceField=%00', headers: officer }), 'querystring.scienceField');
  });

  it('refuses a lone surrogate before it reaches the audit log, in nested fields too', async () => {
    const lone = await env.app.inject({
      method: 'POST', url: '/api/organizations', headers: { ...officer, 'content-type': 'application/json' },
      payload: JSON.stringify(buildOrganization({ name: 'Công ty ' })).replace('Công ty ', 'Công ty \\ud800'),
    });
    invalidText(lone, 'body.name');
    const nested = await env.app.inject({
      method: 'POST', url: '/api/rules', headers: { ...admin, 'content-type': 'application/json' },
      payload: '{"key":"council.pass_rule","validFrom":"2026-01-01","value":{"a":[{"b":"ok"},{"b":"x\\udfff"}]}}',
    });
    invalidText(nested, 'body.value.a.1.b');
  });

  it('answers GET /%00 with our error shape, not a static-file error', async () => {
    const webDir = await mkdtemp(path.join(tmpdir(), 'khcn-web-'));
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>khcn</title>');
    const app = await buildApp({ dbHandle: env.h, webDir });
    try {
      const res = await app.inject({ method: 'GET', url: '/%00' });
      expect([400, 404]).toContain(res.statusCode);
      expect(res.json()).toMatchObject({ code: expect.stringMatching(/^common\./), message: expect.any(String) });
      expect(res.body).not.toContain('FST_');
    } finally {
      await app.close();
      await rm(webDir, { recursive: true, force: true });
    }
  });
});

describe('messages in the caller\'s language', () => {
  it('words an unknown organisation in Vietnamese', async () => {
    const res = await env.app.inject({
      method: 'POST', url: '/api/users', headers: admin,
      payload: { username: 'ung.vien.x', displayName: 'Ứng viên', password: 'mot-mat-khau-dai-2026', role: 'applicant', organizationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'body.organizationId', code: 'unknown_reference', message: 'Không tìm thấy tổ chức được chọn.' });
    const en = await env.app.inject({
      method: 'POST', url: '/api/users', headers: { ...admin, 'accept-language': 'en' },
      payload: { username: 'ung.vien.x', displayName: 'Ứng viên', password: 'mot-mat-khau-dai-2026', role: 'applicant', organizationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(en.json().details[0].message).toBe('The selected organisation does not exist.');
  });

  it('words an unknown reference found by a foreign key in Vietnamese', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/organizations', headers: officer, payload: buildOrganization({ scienceField: 'ZZ.99' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'body.scienceField', code: 'unknown_reference', message: 'Không tìm thấy lĩnh vực KH&CN được chọn.' });
  });

  it('honours Accept-Language q-values', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/organizations', headers: { 'accept-language': 'en;q=0.1, vi;q=0.9' } });
    expect(res.json().message).toBe('Vui lòng đăng nhập.');
  });

  it('names the body limit of the route in question, in a human unit', async () => {
    const app = await buildApp({ dbHandle: env.h, webDir: null });
    app.post('/test/upload', { bodyLimit: 15 * 1024 * 1024 }, async () => ({ ok: true }));
    try {
      const big = await app.inject({ method: 'POST', url: '/test/upload', payload: { data: 'x'.repeat(16 * 1024 * 1024) } });
      expect(big.statusCode).toBe(413);
      expect(big.json().message).toBe('Dữ liệu gửi lên quá lớn (tối đa 15 MB).');
      const small = await app.inject({
        method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en' }, payload: { username: 'x', password: 'y'.repeat(1_100_000) },
      });
      expect(small.statusCode).toBe(413);
      expect(small.json().message).toBe('The request body is too large (at most 1 MB).');
    } finally {
      await app.close();
    }
  });
});
