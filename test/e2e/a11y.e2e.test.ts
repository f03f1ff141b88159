/**
 * Accessibility and small screens, in a real browser against the real server (demo data, PGlite). Every listed page
 * is visited as the role that uses it (one sign-in per role), axe-core is injected into it (node_modules/axe-core,
 * not @axe-core/playwright, which needs Node 22), and the drawers and dialogs reachable from it are opened and
 * checked too. A page passes with no critical and no serious violation; any found are printed with their elements.
 * Each page is also loaded at 390 px wide (a phone), where nothing may overflow sideways, and has one <h1> and the
 * header / navigation / main landmarks. An applicant typing the address of a page it may not use gets the 403 page.
 * Last, the admin's accounts screen and audit log (in this file to share its server and browser).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { choose, menuLink, settled, signIn, signOut, tableRows, until } from './ui.ts';

const app = appUnderTest();
const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

interface Violation { id: string; impact: string; help: string; nodes: string[] }
interface Finding { place: string; violations: Violation[] }

/** The signed-in page of each role, reused by every check of that role. */
const sessions = new Map<string, Promise<Page>>();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

function pageOf(role: string): Promise<Page> {
  let p = sessions.get(role);
  if (!p) {
    p = (async () => {
      // axe-core is injected as an inline script, which the app's CSP refuses (smoke.e2e checks the CSP itself).
      const context = await app.browser.newContext({ viewport: DESKTOP, bypassCSP: true });
      context.setDefaultTimeout(45_000);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => console.log(`page error (${role}): ${e.message}`));
      await page.goto(app.server.url);
      if (role !== 'anonymous') await signIn(page, role, { url: `${app.server.url}/login` });
      return page;
    })();
    sessions.set(role, p);
  }
  return p;
}

/**
 * Waits until the page has drawn what it loads and stopped moving: no request in flight for a moment, no spinner,
 * no finite CSS animation or transition running (colours measured mid-fade are not the page's colours).
 */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await until(async () => (await page.locator('.ant-spin-spinning:visible, .ant-skeleton:visible').count()) === 0, 'the page to finish loading', { page });
  await until(() => page.evaluate(() => document.getAnimations().every((a) => {
    const timing = a.effect?.getComputedTiming();
    return a.playState !== 'running' || timing?.iterations === Infinity;
  })), 'animations to end', { page });
}

async function open(page: Page, route: string) {
  await page.goto(`${app.server.url}${route}`);
  await settle(page);
}

/** axe-core's critical and serious violations on the page as it is now (drawers and dialogs included). */
async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id, impact: v.impact!, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1).join(' ').trim()}`),
      }));
  });
}

/** Runs axe and keeps what it finds under `place`; the test prints every finding before it fails. */
async function check(page: Page, place: string, findings: Finding[]) {
  const violations = await axe(page);
  if (violations.length) {
    findings.push({ place, violations });
    console.log(`axe: ${place}\n${violations.map((v) => `  ${v.impact} ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`).join('\n')}`);
  }
}

/** Opens a drawer or dialog with `opener`, checks the page with it open, and closes it with Escape. */
async function checkOverlay(page: Page, place: string, opener: Locator, findings: Finding[], overlay = page.locator('.ant-drawer-open, .ant-modal-wrap:visible, .ant-popover:visible')) {
  await opener.first().click();
  await overlay.first().waitFor();
  await settled(overlay);
  await settle(page);
  await check(page, place, findings);
  await page.keyboard.press('Escape');
  // A popover stays open on Escape: a click beside it closes it. An expanded table row may stay open.
  if (await overlay.first().isVisible()) await page.mouse.click(2, 2);
  await overlay.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

const report = (findings: Finding[]) => findings.map((f) => `${f.place}: ${f.violations.map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`).join(', ')}`);

/** Each role's pages; `overlays` open the drawers and dialogs of a page. */
interface PageCheck {
  route: string | ((page: Page) => Promise<string>);
  /** Checked only when this holds (data the demo may not have). */
  when?: (page: Page) => Promise<boolean>;
  overlays?: { name: string; opener: (page: Page) => Locator; overlay?: (page: Page) => Locator }[] }

const apiJson = async <T>(page: Page, url: string): Promise<T> => (await page.request.get(`${app.server.url}${url}`)).json() as Promise<T>;
const firstId = async (page: Page, url: string) => (await apiJson<{ items: { id: string }[] }>(page, url)).items[0].id;

const PAGES: Record<string, PageCheck[]> = {
  anonymous: [
    { route: '/login' },
    { route: '/cong-khai/nhiem-vu' },
    { route: '/cong-khai/nhiem-vu?province=tay-ninh&q=khong+co+nhiem+vu+nay' },
    { route: async (page) => `/cong-khai/nhiem-vu/tay-ninh/${await firstId(page, '/api/public/tasks?province=tay-ninh&limit=1')}` },
    { route: '/dang-ky' },
  ],
  admin: [
    { route: '/' },
    {
      route: '/users',
      overlays: [
        { name: 'new account drawer', opener: (p) => p.getByRole('button', { name: 'Thêm tài khoản' }) },
        { name: 'password dialog', opener: (p) => p.getByRole('button', { name: 'Đặt mật khẩu' }) },
        { name: 'lock confirmation', opener: (p) => p.getByRole('button', { name: 'Khóa' }) },
      ],
    },
    { route: '/agencies', overlays: [{ name: 'new agency drawer', opener: (p) => p.getByRole('button', { name: 'Thêm cơ quan, đơn vị' }) }] },
    {
      route: '/audit',
      overlays: [{ name: 'an entry opened', opener: (p) => p.locator('.ant-table-tbody tr.ant-table-row'), overlay: (p) => p.locator('.ant-table-expanded-row') }],
    },
    { route: '/api-tokens', overlays: [{ name: 'new token dialog', opener: (p) => p.getByRole('button', { name: 'Tạo mã truy cập' }) }] },
    {
      route: '/organizations',
      overlays: [
        { name: 'new organisation drawer', opener: (p) => p.getByRole('button', { name: 'Thêm tổ chức' }) },
        { name: 'delete confirmation', opener: (p) => p.locator('.ant-table-tbody').getByRole('button', { name: 'Xóa' }) },
      ],
    },
    { route: '/people', overlays: [{ name: 'new person drawer', opener: (p) => p.getByRole('button', { name: 'Thêm chuyên gia' }) }] },
    { route: '/inbox' },
    { route: '/no-such-page' },
  ],
  canbo: [
    { route: '/' },
    { route: '/tasks', overlays: [{ name: 'new task drawer', opener: (p) => p.getByRole('button', { name: 'Đề xuất nhiệm vụ' }) }] },
    {
      // A proposal, which its officer may still edit.
      route: async (page) => `/tasks/${await firstId(page, '/api/tasks?stage=proposal&limit=1')}`,
      overlays: [
        { name: 'task edit drawer', opener: (p) => p.getByRole('button', { name: /^(edit )?Sửa$/ }) },
        { name: 'missing papers dialog', opener: (p) => p.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }) },
      ],
    },
    { route: async (page) => `/councils/${await firstId(page, '/api/councils?limit=1')}` },
    { route: '/stage-timing' },
    { route: '/inbox' },
    { route: '/account-requests' },
    {
      // The refuse dialog and the confirmation, when the demo holds a pending enterprise account request.
      route: '/account-requests',
      when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/account-requests?limit=1')).items.length > 0,
      overlays: [
        { name: 'refuse dialog', opener: (p) => p.getByRole('button', { name: 'Từ chối' }) },
        { name: 'confirm popover', opener: (p) => p.getByRole('button', { name: 'Xác nhận' }), overlay: (p) => p.locator('.ant-popconfirm') },
      ],
    },
    { route: '/plans' },
    {
      route: async (page) => `/plans/${await firstId(page, '/api/plans')}`,
      when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/plans')).items.length > 0,
      overlays: [{ name: 'plan item drawer', opener: (p) => p.locator('.ant-table-tbody .ant-btn-link') }],
    },
    { route: async (page) => `/plans/${await firstId(page, '/api/plans')}/reports`, when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/plans')).items.length > 0 },
    { route: '/legal-documents', when: async (page) => (await page.request.get(`${app.server.url}/api/legal-documents?limit=1`)).ok() },
    {
      route: async (page) => `/legal-documents/${await firstId(page, '/api/legal-documents?limit=1')}`,
      when: async (page) => ((await page.request.get(`${app.server.url}/api/legal-documents?limit=1`)).ok()
        && (await apiJson<{ items: unknown[] }>(page, '/api/legal-documents?limit=1')).items.length > 0),
    },
    { route: '/indicators' }, { route: '/indicators/tfp' }, { route: '/indicators/entry' },
  ],
  hoidong: [
    { route: '/' },
    { route: '/my-councils' },
    // The council the reviewer sits on, when the demo gives it one.
    { route: async (page) => `/councils/${await firstId(page, '/api/councils?limit=1')}`, when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/councils?limit=1')).items.length > 0 },
  ],
  lanhdao: [{ route: '/' }, { route: '/tasks' }, { route: '/home/tasks?figure=overdue&overdue=true' }, { route: '/indicators' }],
  donvi: [
    { route: '/' }, { route: '/organizations' },
    {
      route: '/my-items',
      overlays: [{ name: 'plan item drawer', opener: (p) => p.locator('.ant-table-tbody .ant-btn-link') }],
      when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/plan-items/mine')).items.length > 0,
    },
  ],
  doanhnghiep: [
    { route: '/' }, { route: '/api-tokens' }, { route: '/organizations' }, { route: '/my-tasks' }, { route: '/propose-task' },
    // A task of the enterprise's own (its page, with the councils' conclusions), when the demo gives it one.
    { route: async (page) => `/tasks/${await firstId(page, '/api/tasks?limit=1')}`, when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/tasks?limit=1')).items.length > 0 },
  ],
};

/** What the per-role pass saw on each page, asserted by the structure and small-screen tests below. */
const structureProblems: string[] = [];
const overflowing: string[] = [];
const widthsMeasured: string[] = [];

/** One h1, one main, and (signed in) the header and the navigation. */
async function recordStructure(page: Page, where: string, signedIn: boolean) {
  const s = await page.evaluate(() => ({
    h1: document.querySelectorAll('h1').length,
    main: document.querySelectorAll('main, [role="main"]').length,
    header: document.querySelectorAll('header, [role="banner"]').length,
    nav: document.querySelectorAll('nav, [role="navigation"]').length,
  }));
  if (s.h1 !== 1) structureProblems.push(`${where}: ${s.h1} h1`);
  if (s.main !== 1) structureProblems.push(`${where}: ${s.main} main`);
  if (signedIn && (s.header < 1 || s.nav < 1)) structureProblems.push(`${where}: header ${s.header}, navigation ${s.nav}`);
}

/** The page's width at 390 px (the layout follows the window; no reload needed), then back to the desktop size. */
async function recordPhoneWidth(page: Page, where: string, signedIn: boolean) {
  await page.setViewportSize(PHONE);
  if (signedIn) await page.getByTestId('menu-button').waitFor();
  await settle(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  widthsMeasured.push(where);
  if (width > PHONE.width) overflowing.push(`${where}: ${width} px`);
  await page.setViewportSize(DESKTOP);
  if (signedIn) await page.getByTestId('menu-button').waitFor({ state: 'detached' });
}

describe('every listed page, as the role that uses it', () => {
  for (const [role, checks] of Object.entries(PAGES)) {
    it(`has no critical or serious axe violation on the pages, drawers and dialogs of ${role}`, async () => {
      const page = await pageOf(role);
      const signedIn = role !== 'anonymous';
      const findings: Finding[] = [];
      for (const c of checks) {
        if (c.when && !(await c.when(page))) continue;
        const route = typeof c.route === 'string' ? c.route : await c.route(page);
        const where = `${role} ${route}`;
        await open(page, route);
        await check(page, where, findings);
        await recordStructure(page, where, signedIn);
        for (const o of c.overlays ?? []) {
          await checkOverlay(page, `${where} · ${o.name}`, o.opener(page), findings, o.overlay?.(page));
        }
        await recordPhoneWidth(page, where, signedIn);
      }
      expect(report(findings)).toEqual([]);
    });
  }
});

describe('structure and small screens', () => {
  it('gives every listed page one h1, one main, and the header and navigation landmarks', () => {
    expect(widthsMeasured.length).toBeGreaterThan(20);
    expect(structureProblems).toEqual([]);
  });

  it('overflows no listed page sideways at 390 px', () => {
    expect(overflowing).toEqual([]);
  });

  it('starts the tab order with a skip link to the page\'s main content', async () => {
    const page = await pageOf('canbo');
    await open(page, '/tasks');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
  });

  it('puts the language switch before the sign-in form in the tab order', async () => {
    const page = await pageOf('anonymous');
    await open(page, '/login');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="group"]')?.getAttribute('aria-label'))).toBe('Ngôn ngữ');
  });

  it('opens the menu as a drawer at 390 px and says which tables scroll sideways', async () => {
    const page = await pageOf('admin');
    const findings: Finding[] = [];
    await page.setViewportSize(PHONE);
    try {
      await open(page, '/people');
      await until(async () => (await page.locator('[data-scroll-hint]').count()) > 0, 'the hint above the wide table', { page });
      expect(await page.locator('[data-wide-table]').first().getAttribute('aria-label')).toContain('cuộn ngang');
      await checkOverlay(page, 'admin /people · the menu drawer at 390 px', page.getByTestId('menu-button'), findings);
      await page.getByTestId('menu-button').click();
      await page.getByRole('dialog').getByRole('link', { name: 'Tài khoản', exact: true }).click();
      await page.waitForURL(/\/users$/);
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
    } finally {
      await page.setViewportSize(DESKTOP);
    }
    expect(report(findings)).toEqual([]);
  });
});

describe('menus and refusals', () => {
  it('leaves out of the applicant\'s menu what it may not use, and answers its address with the 403 page', async () => {
    const page = await pageOf('doanhnghiep');
    await open(page, '/');
    const menu = await page.getByRole('navigation').innerText();
    for (const item of ['Tổ chức', 'Chuyên gia', 'Tài khoản', 'Nhật ký']) expect(menu.split('\n')).not.toContain(item);
    for (const route of ['/organizations', '/people', '/users', '/audit', '/agencies']) {
      await open(page, route);
      await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
      expect(await page.locator('.ant-table').count()).toBe(0);
    }
  });
});

// The admin's screens, in this file to share its server and browser: an admin creates an account, finds it by its
// name typed without diacritics, locks it, and reads what happened in the audit log — in words, in Vietnam time, and
// in English with English dates and numbers.
const suffix = Math.random().toString(36).slice(2, 7);

describe('accounts and the audit log', () => {
  it('creates and locks an account, and reads both in the audit log in words', async () => {
    const { page, errors } = await app.openApp();
    const username = `kiemtra.${suffix}`;
    await signIn(page, 'admin');
    await menuLink(page, 'Tài khoản').click();
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const drawer = page.getByRole('dialog', { name: 'Thêm tài khoản' });
    await settled(drawer);
    await drawer.getByLabel('Tên đăng nhập').fill(username);
    await drawer.getByLabel('Mật khẩu').fill('mot cau mat khau rat dai 2026');
    await drawer.getByLabel('Họ tên hiển thị').fill(`Lê Thị Ngọc Ánh ${suffix}`);
    await choose(page, drawer.getByLabel('Vai trò'), 'Cán bộ đơn vị');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // Found by the name typed without diacritics.
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`le thi ngoc anh ${suffix}`);
    const row = tableRows(page).filter({ hasText: username });
    await until(async () => (await tableRows(page).count()) === 1 && (await row.count()) === 1, 'the account found by its name', { page });

    await row.getByRole('button', { name: 'Khóa' }).click();
    const confirm = page.locator('.ant-popover:visible');
    await settled(confirm);
    await confirm.getByRole('button', { name: 'Khóa' }).click();
    await page.getByText(`Đã khóa tài khoản ${username}.`).waitFor();
    // The list shows active accounts by default: the locked one has left it.
    await row.waitFor({ state: 'detached' });

    await menuLink(page, 'Nhật ký').click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký thao tác' }).waitFor();
    await choose(page, page.getByLabel('Loại đối tượng'), 'Tài khoản', { search: 'tài khoản' });
    const entry = (action: string) => tableRows(page).filter({ hasText: `Lê Thị Ngọc Ánh ${suffix}` }).filter({ hasText: action }).first();
    await entry('Sửa').waitFor();
    expect(await entry('Sửa').innerText()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await entry('Sửa').innerText()).toContain('Quản trị hệ thống');
    await entry('Sửa').click();
    const changed = page.locator('.ant-table-expanded-row tr').filter({ hasText: 'Đang hoạt động' }).first();
    await changed.waitFor();
    expect(await changed.locator('td').allInnerTexts()).toEqual(['Đang hoạt động', 'Có', 'Không']);

    await entry('Thêm mới').click();
    const role = page.locator('.ant-table-expanded-row tr').filter({ hasText: 'Vai trò' }).first();
    await role.waitFor();
    expect(await role.locator('td').allInnerTexts()).toEqual(['Vai trò', '—', 'Cán bộ đơn vị']);
    // Nothing raw: no action words, no entity keys, no UUIDs, no JSON.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b(update|create|unit_officer)\b|[0-9a-f]{8}-[0-9a-f]{4}-|[{}"]/);

    await signOut(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the log in English with English dates and numbers, and exports it to Excel', async () => {
    const { page, errors } = await app.openApp();
    await page.getByRole('group', { name: 'Ngôn ngữ' }).getByText('English').click();
    await signIn(page, 'admin', { labels: { username: 'Username', password: 'Password', submit: 'Sign in' } });
    await menuLink(page, 'Audit log').click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await choose(page, page.getByLabel('Record type'), 'S&T task', { search: 'task' });
    await choose(page, page.getByLabel('Action', { exact: true }), 'Created', { search: 'created' });
    const createdRows = tableRows(page).filter({ hasText: 'Created' });
    await createdRows.first().waitFor();
    expect(await createdRows.first().innerText()).toMatch(/\b\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}\b/);
    // The counterpart share of a task's funding, as an English number (72.5, not 72,5): the newest task entries may
    // be proposals without funding yet (the demo company's draft), so open entries until one has it.
    const share = page.locator('.ant-table-expanded-row tr').filter({ hasText: 'Counterpart share (%)' }).filter({ hasText: /\d/ }).first();
    for (let i = 0; i < Math.min(10, await createdRows.count()) && !(await share.isVisible()); i++) {
      await createdRows.nth(i).click();
      await page.locator('.ant-table-expanded-row').nth(i).waitFor();
    }
    await share.waitFor();
    expect((await share.locator('td').allInnerTexts())[2]).toMatch(/^\d+(\.\d+)?$/);
    const stage = page.locator('.ant-table-expanded-row tr').filter({ hasText: 'Stage' }).first();
    expect((await stage.locator('td').allInnerTexts())[2]).not.toMatch(/_/);

    const href = await page.getByRole('link', { name: /Export to Excel/ }).getAttribute('href');
    expect(href).toContain('/api/audit/export.xlsx');
    expect(href).toContain('entity=task');
    const res = await page.request.get(`${app.server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');

    await signOut(page, 'Sign out');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
