/**
 * Sign-in throttling through the real login route: the client address is the socket's unless the peer is a
 * configured trusted proxy; limits per (account, address) and per address answer 429; an account is only slowed
 * down, so failures from many addresses cannot lock its owner out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, testEnv, TEST_PASSWORD, type TestEnv } from '../../testing/harness.ts';
import { buildApp, type AppOptions } from '../../http/app.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.close());

// Delays of a few milliseconds: the tests check who is refused, not how long anyone waits.
const fast = { baseDelayMs: 1, maxDelayMs: 4 };

async function withApp(o: Partial<AppOptions>, run: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<void>) {
  const app = await buildApp({ dbHandle: env.h, webDir: null, loginThrottle: fast, ...o });
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

type App = Awaited<ReturnType<typeof buildApp>>;
const attempt = (app: App, o: { username: string; password?: string; from: string; forwardedFor?: string; lang?: string }) =>
  app.inject({
    method: 'POST', url: '/api/auth/login', remoteAddress: o.from,
    headers: { ...(o.forwardedFor ? { 'x-forwarded-for': o.forwardedFor } : {}), ...(o.lang ? { 'accept-language': o.lang } : {}) },
    payload: { username: o.username, password: o.password ?? 'khong-dung-dau' },
  });

describe('sign-in throttling', () => {
  it('counts by the socket address: 30 wrong passwords with 30 different X-Forwarded-For get 429', async () => {
    const user = await buildUser(env.h, { tenantId: env.tenantId, role: 'dost_officer' });
    await withApp({}, async (app) => {
      const codes: number[] = [];
      for (let i = 0; i < 30; i++) codes.push((await attempt(app, { username: user.username, from: '203.0.113.7', forwardedFor: `198.51.100.${i}` })).statusCode);
      expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(codes.slice(10)).toEqual(Array(20).fill(429));
    });
  });

  it('answers 429 in the caller\'s language with Retry-After', async () => {
    const user = await buildUser(env.h, { tenantId: env.tenantId, role: 'dost_officer' });
    await withApp({ loginAttemptsPerMinute: 1 }, async (app) => {
      await attempt(app, { username: user.username, from: '203.0.113.20' });
      const vi = await attempt(app, { username: user.username, from: '203.0.113.20' });
      expect(vi.statusCode).toBe(429);
      expect(Number(vi.headers['retry-after'])).toBeGreaterThan(0);
      expect(vi.json().code).toBe('common.rate_limited');
      expect(vi.json().message).toMatch(/sau \d+ giây\.$/);
      const en = await attempt(app, { username: user.username, from: '203.0.113.20', lang: 'en' });
      expect(en.json().message).toMatch(/in \d+ seconds?\.$/);
    });
  });

  it('does not let a spoofed X-Forwarded-For lock the victim\'s address out', async () => {
    const victim = await buildUser(env.h, { tenantId: env.tenantId, role: 'leader' });
    await withApp({}, async (app) => {
      for (let i = 0; i < 15; i++) await attempt(app, { username: victim.username, from: '203.0.113.66', forwardedFor: '192.0.2.10' });
      const own = await attempt(app, { username: victim.username, password: TEST_PASSWORD, from: '192.0.2.10' });
      expect(own.statusCode).toBe(200);
    });
  });

  it('limits one address over every account it tries', async () => {
    await withApp({}, async (app) => {
      const codes: number[] = [];
      for (let i = 0; i < 31; i++) codes.push((await attempt(app, { username: `khong-ai-${i}`, from: '203.0.113.99' })).statusCode);
      expect(codes.slice(0, 30)).toEqual(Array(30).fill(401));
      expect(codes[30]).toBe(429);
      expect((await attempt(app, { username: 'khong-ai-0', from: '203.0.113.100' })).statusCode).toBe(401);
    });
  });

  it('only slows an account down: after failures from 40 addresses its owner still signs in', async () => {
    const user = await buildUser(env.h, { tenantId: env.tenantId, role: 'reviewer' });
    await withApp({}, async (app) => {
      for (let i = 0; i < 40; i++) expect((await attempt(app, { username: user.username, from: `198.18.0.${i}` })).statusCode).toBe(401);
      expect((await attempt(app, { username: user.username, password: TEST_PASSWORD, from: '198.18.1.1' })).statusCode).toBe(200);
    });
  });

  it('takes the client from X-Forwarded-For only when the peer is a trusted proxy', async () => {
    const user = await buildUser(env.h, { tenantId: env.tenantId, role: 'dost_officer' });
    await withApp({ trustedProxies: ['10.0.0.1'], loginAttemptsPerMinute: 2 }, async (app) => {
      // Through the proxy, each client is counted apart…
      for (let i = 0; i < 5; i++) expect((await attempt(app, { username: user.username, from: '10.0.0.1', forwardedFor: `198.51.100.${i}` })).statusCode).toBe(401);
      // …and one client is still limited.
      await attempt(app, { username: user.username, from: '10.0.0.1', forwardedFor: '198.51.100.50' });
      await attempt(app, { username: user.username, from: '10.0.0.1', forwardedFor: '198.51.100.50' });
      expect((await attempt(app, { username: user.username, from: '10.0.0.1', forwardedFor: '198.51.100.50' })).statusCode).toBe(429);
      // A peer that is not the proxy is counted by its own address, whatever it forwards.
      await attempt(app, { username: user.username, from: '10.0.0.2', forwardedFor: '198.51.100.60' });
      await attempt(app, { username: user.username, from: '10.0.0.2', forwardedFor: '198.51.100.61' });
      expect((await attempt(app, { username: user.username, from: '10.0.0.2', forwardedFor: '198.51.100.62' })).statusCode).toBe(429);
    });
  });
});
