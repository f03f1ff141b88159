/** The loading gate of `khcn serve --demo`: answers at once without the app, then hands every request to it. */
import { afterEach, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { listenLoading, type LoadingServer } from './loading-gate.ts';

let gate: LoadingServer | null = null;
afterEach(async () => {
  await gate?.close();
  gate = null;
});

const base = () => `http://127.0.0.1:${gate!.port}`;

describe('loading gate', () => {
  it('shows a self-reloading "loading" page to a browser, in Vietnamese and English', async () => {
    gate = await listenLoading({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${base()}/login`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Đang nạp dữ liệu mẫu…');
    expect(html).toContain('Loading demo data…');
    expect(html).toMatch(/<meta http-equiv="refresh" content="2">/);
  });

  it('answers the API with 503 and the error shape in the caller\'s language, and /healthz with 200', async () => {
    gate = await listenLoading({ port: 0, host: '127.0.0.1' });
    const vi = await fetch(`${base()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(vi.status).toBe(503);
    expect(await vi.json()).toEqual({ code: 'common.demo_loading', message: 'Đang nạp dữ liệu mẫu… Vui lòng chờ giây lát.', details: [] });
    const en = await fetch(`${base()}/api/tasks`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect((await en.json()).message).toBe('Loading demo data… Please wait a moment.');
    expect((await fetch(`${base()}/readyz`)).status).toBe(503);
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
  });

  it('hands every later request to the app, on the same port', async () => {
    gate = await listenLoading({ port: 0, host: '127.0.0.1' });
    const app = Fastify();
    app.get('/api/ping', async (_req, reply) => reply.header('x-from', 'app').send({ pong: true }));
    await gate.handOver(app);
    const res = await fetch(`${base()}/api/ping`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-from')).toBe('app');
    expect(await res.json()).toEqual({ pong: true });
    expect((await fetch(`${base()}/nowhere`)).status).toBe(404);
    await app.close();
  });
});
