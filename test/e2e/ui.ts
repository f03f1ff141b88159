/** What the browser flows do again and again: sign in and out, find a menu link, wait for a state, pick an option. */
import type { Locator, Page } from 'playwright-core';

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = 'khcn-demo-2026';

export const VI_LOGIN = { username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập' };

/** Signs in on the page shown (the login page, or `o.url` opened first) and waits for the header's user. */
export async function signIn(page: Page, username: string, o: { url?: string; password?: string; labels?: typeof VI_LOGIN } = {}) {
  const labels = o.labels ?? VI_LOGIN;
  if (o.url) await page.goto(o.url);
  await page.getByLabel(labels.username).fill(username);
  await page.getByLabel(labels.password).fill(o.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.getByTestId('current-user').waitFor();
}

export async function signOut(page: Page, label = 'Đăng xuất') {
  await page.getByRole('button', { name: label }).click();
  await page.getByLabel(VI_LOGIN.username).or(page.getByLabel('Username')).waitFor();
}

export const menuLink = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

/**
 * Waits until the condition holds (polling the page state, not a timing assertion); on time-out names what it waited
 * for and, given the page, what the page shows.
 */
export async function until(condition: () => Promise<boolean>, what: string, o: { page?: Page; timeoutMs?: number } = {}) {
  const end = Date.now() + (o.timeoutMs ?? 45_000);
  while (!(await condition().catch(() => false))) {
    if (Date.now() > end) {
      const text = o.page ? await o.page.locator('body').innerText().catch(() => '') : '';
      throw new Error(`timed out waiting for ${what}${text ? `; the page shows:\n${text.slice(0, 2000)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until an overlay (dialog, drawer, popover) has finished opening: a click during its zoom-in can be lost. */
export async function settled(overlay: Locator) {
  await until(() => overlay.first().evaluate((el) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (/-(appear|enter|leave)(-start|-active|-prepare)?(\s|$)/.test(String(e.getAttribute('class') ?? ''))) return false;
    }
    return true;
  }), 'the overlay to finish opening');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Opens an Ant Design select and picks the option whose text is exactly `text`, or with `o.partial` the first one
 * containing it (`o.search` is typed first).
 */
export async function choose(page: Page, select: Locator, text: string, o: { search?: string; partial?: boolean } = {}) {
  await select.click();
  if (o.search !== undefined) await select.fill(o.search);
  const hasText = o.partial ? text : new RegExp(`^${escapeRe(text)}$`);
  const option = page.locator('.ant-select-item-option:visible').filter({ hasText }).first();
  await option.waitFor();
  // A click while the dropdown still slides in can land on nothing, leaving the select's old value (seen in CI).
  await settled(option);
  await option.click();
}

/** The data rows of the table on the page. */
export const tableRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

/**
 * Signs in over HTTP, without the browser, and returns a caller of the API with that session (cookie and CSRF token):
 * JSON in, JSON out, and an error naming the call and its answer on any status that is not a success. The flows use
 * it to set up what they then do in the browser.
 */
export async function apiSession(baseUrl: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T = Record<string, unknown>>(method: string, url: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${url}`, {
      method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await r.json()) as T;
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
}
