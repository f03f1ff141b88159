/**
 * Accessibility and small screens in a real browser against the real server (demo data, PGlite): the axe pass, the
 * landmarks and the 390 px width of the pages of the anonymous visitor, the admin and the DOST officer (test/e2e/a11y.ts
 * says how; a11y-roles.e2e.test.ts takes the other roles), then the tab order, the phone menu, and what an applicant
 * may not open. Last, the admin's accounts screen and audit log (in this file to share its server and browser).
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, app, checkOverlay, describeRolePasses, open, pageOf, report, type Finding } from './a11y.ts';
import { choose, menuLink, settled, signIn, signOut, tableRows, until } from './ui.ts';

describeRolePasses(['anonymous', 'admin', 'canbo'], { minPages: 15 });

describe('structure and small screens', () => {
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
