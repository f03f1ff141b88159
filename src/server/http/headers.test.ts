/** Security headers on every answer: the API, the web app and the API documentation. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../testing/harness.ts';
import { buildApp, type App } from './app.ts';

let env: TestEnv;
let officer: AuthHeaders;
let web: App;
let webDir: string;

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  webDir = await mkdtemp(path.join(tmpdir(), 'khcn-web-'));
  await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>khcn</title><script type="module" src="/assets/app.js"></script>');
  web = await buildApp({ dbHandle: env.h, webDir, trustedProxies: ['10.0.0.1'] });
});
afterAll(async () => {
  await web.close();
  await env.close();
  await rm(webDir, { recursive: true, force: true });
});

type Headers = Record<string, string | string[] | number | undefined>;

function directives(headers: Headers): Map<string, string[]> {
  const csp = String(headers['content-security-policy'] ?? '');
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values] as const;
  }));
}

function expectCommonHeaders(headers: Headers) {
  const csp = directives(headers);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('script-src')).toBeDefined();
  expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeDefined();
  expect(String(headers['permissions-policy'])).toMatch(/camera=\(\)/);
  expect(headers['strict-transport-security']).toBeUndefined();
}

describe('security headers', () => {
  it('on an authenticated API answer, which is never cached', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/organizations', headers: officer });
    expect(res.statusCode).toBe(200);
    expectCommonHeaders(res.headers);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('on the sign-in answer and on errors of the API', async () => {
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong-co', password: 'sai-mat-khau-roi' } });
    expectCommonHeaders(login.headers);
    expect(login.headers['cache-control']).toBe('no-store');
    expectCommonHeaders((await env.app.inject({ method: 'GET', url: '/api/khong-co' })).headers);
  });

  it('on the web app, whose scripts come from the app itself only', async () => {
    const page = await web.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expectCommonHeaders(page.headers);
    expect(directives(page.headers).get('script-src')).toEqual(["'self'"]);
    const route = await web.inject({ method: 'GET', url: '/stage-timing' });
    expect(route.statusCode).toBe(200);
    expectCommonHeaders(route.headers);
  });

  it('on the API documentation, which still loads', async () => {
    const docs = await web.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    expectCommonHeaders(docs.headers);
    const init = await web.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    expect((await web.inject({ method: 'GET', url: '/api/docs/json' })).json().openapi).toBe('3.1.0');
  });

  it('sends HSTS only over https, as a trusted proxy reports it', async () => {
    const viaProxy = await web.inject({ method: 'GET', url: '/', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const spoofed = await web.inject({ method: 'GET', url: '/', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });
});
