import { describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';

const app = appUnderTest();

describe('smoke: the real server with the built web app', () => {
  it('serves the web app: the page loads with its title and no script errors', async () => {
    const page = await app.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.goto(app.server.url, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    expect(await page.title()).toMatch(/KH&CN|khcn/i);
    await page.waitForFunction(() => (document.body.innerText ?? '').trim().length > 0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers the API documentation with 200', async () => {
    const res = await fetch(`${app.server.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('refuses the registry without a session: 401 JSON with code auth.unauthenticated', async () => {
    const res = await fetch(`${app.server.url}/api/organizations`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ code: 'auth.unauthenticated', message: expect.any(String) });
  });
});
