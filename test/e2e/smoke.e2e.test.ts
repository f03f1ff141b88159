import { describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { signIn } from './ui.ts';

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

  it('breaks no Content-Security-Policy rule on the login page, the stage-timing chart and /api/docs', async () => {
    const { page, errors } = await app.openApp();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    // Every violation the document reports, including those the console words differently.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const login = await page.goto(`${app.server.url}/login`, { waitUntil: 'networkidle' });
    expect(login?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('Tên đăng nhập').waitFor();
    await signIn(page, 'canbo');
    await page.goto(`${app.server.url}/stage-timing`, { waitUntil: 'networkidle' });
    await page.locator('[_echarts_instance_] svg path').first().waitFor({ state: 'attached' });
    const docs = await page.goto(`${app.server.url}/api/docs`, { waitUntil: 'networkidle' });
    expect(docs?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
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
