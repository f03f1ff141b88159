/**
 * A council in the browser (demo data, PGlite): the DOST officer (canbo) seats an expert from the host organisation
 * of the demo proposal "Ứng dụng công nghệ IoT … cá trê vàng tại Đức Huệ" and sees the likely conflict flagged; no
 * conclusion shows while the council has no members or no quorum; then, in session, a paper sheet entered for a
 * member keeps each score within its criterion (whole numbers without ",0"), marks the empty field, and is shown as
 * a paper sheet entered by DOST staff. Last, the demo reviewer (hoidong) opens the council the demo seats him on from
 * "Hội đồng của tôi", declares, scores and submits his sheet, and the page leads him back to his councils (the task
 * list is not his).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './fixture.ts';
import { choose, menuLink, settled, signIn, signOut, until } from './ui.ts';

const TITLE = 'Ứng dụng công nghệ IoT giám sát chất lượng nước nuôi cá trê vàng tại Đức Huệ';
const HOST = 'Trung tâm Ứng dụng, kỹ thuật, thông tin khoa học và công nghệ tỉnh Long An';
const FROM_HOST = 'Trần Thị Thu Hà';

let server: RunningServer;
let browser: Browser;
let page: Page;
let councilPath = '';
const errors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'canbo', { url: `${server.url}/login` });
}, 320_000); // the demo seed behind the server's "loading" page takes minutes on a busy shared box
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    const file = path.join(tmpdir(), `khcn-councils-e2e-${ctx.task.id}.png`);
    await page.screenshot({ path: file, fullPage: true }).then(() => console.error(`screenshot of the failed step: ${file}`), () => undefined);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Calls beside the UI, with the page's session and CSRF token. */
async function api<T>(method: 'get' | 'post' | 'put', url: string, data?: object): Promise<T> {
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/auth/session`)).json()) as { csrfToken: string };
  const res = await page.request[method](`${server.url}${url}`, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

const resultCard = () => page.getByTestId('dossier-result').first();

describe('a council (Vietnamese UI)', () => {
  it('flags a member from the host organisation and shows no conclusion without members or quorum', async () => {
    const { items: [task] } = await api<{ items: { id: string; title: string }[] }>('get', `/api/tasks?q=${encodeURIComponent('ca tre vang duc hue')}&stage=proposal`);
    expect(task.title).toBe(TITLE);
    // The task's members tab counts the rows it lists (the principal investigator and the member).
    await page.goto(`${server.url}/tasks/${task.id}`);
    const membersTab = page.getByRole('tab', { name: /^Thành viên/ });
    await membersTab.click();
    const rows = page.getByRole('tabpanel').locator('.ant-table-tbody tr.ant-table-row');
    await until(async () => (await rows.count()) > 0, 'the members tab rows');
    expect(await membersTab.innerText()).toBe(`Thành viên (${await rows.count()})`);

    const council = await api<{ id: string }>('post', '/api/councils', {
      subjectType: 'task', subjectId: task.id, kind: 'identification', name: `Hội đồng tư vấn xác định nhiệm vụ: ${TITLE}`, meetingDate: '2026-12-10',
    });
    await api('post', `/api/councils/${council.id}/dossiers`, { subjectType: 'task', subjectId: task.id });
    councilPath = `/councils/${council.id}`;
    await page.goto(`${server.url}${councilPath}`);
    // The task is proposed under the 2025 STI law: its council cites it.
    expect(await page.getByTestId('council-rules').innerText()).toContain('93/2025/QH15');
    // No members: no "0/0 (cần ít nhất 0)", and no conclusion.
    await until(async () => (await page.getByTestId('quorum').innerText()) === 'Hội đồng chưa có thành viên', 'the empty council\'s quorum text');
    expect(await resultCard().getByTestId('dossier-outcome').innerText()).toBe('Chưa đủ điều kiện kết luận');

    await choose(page, page.locator('#council-member_personId'), FROM_HOST, { search: FROM_HOST, partial: true });
    await choose(page, page.locator('#council-member_role'), 'Ủy viên');
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    const warning = page.getByTestId('member-conflict-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain(`công tác tại tổ chức chủ trì (${HOST})`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: FROM_HOST });
    expect(await row.getByTestId('likely-conflict').innerText()).toContain('Có thể xung đột lợi ích');
    expect(await row.getByTestId('member-conflict').innerText()).toContain('Chưa khai báo');
    // One member, absent: below quorum, still no conclusion ("Đạt" never shows beside "Chưa đủ").
    await until(async () => (await page.getByTestId('quorum').innerText()) === '0/1 (cần ít nhất 1)', 'the quorum text of one member');
    expect(await resultCard().getByTestId('dossier-outcome').innerText()).toBe('Chưa đủ điều kiện kết luận');
    expect(await resultCard().getByTestId('dossier-reason').innerText()).toContain('Chưa đủ điều kiện kết luận');

    // The officer records the member's answer: no conflict.
    await row.getByRole('button', { name: 'Ghi nhận' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: FROM_HOST });
    await settled(dialog);
    await dialog.getByRole('button', { name: 'Xác nhận không có xung đột' }).click();
    await until(async () => (await row.getByTestId('member-conflict').innerText()).includes('Không có xung đột'), 'the answer "no conflict"');
  });

  it('bounds each score, marks the empty field and shows a paper sheet entered by DOST staff', async () => {
    const id = councilPath.split('/').pop()!;
    const { items: experts } = await api<{ items: { id: string; fullName: string; organizationName: string | null }[] }>('get', '/api/people?isExpert=true&limit=50');
    const others = experts.filter((e) => e.organizationName !== HOST && e.fullName !== 'Trần Văn Hội');
    for (const [i, role] of (['chair', 'vice_chair', 'secretary', 'reviewer', 'reviewer', 'member'] as const).entries()) {
      await api('post', `/api/councils/${id}/members`, { personId: others[i].id, role });
    }
    const detail = await api<{ version: number; members: { id: string }[] }>('get', `/api/councils/${id}`);
    for (const m of detail.members) await api('put', `/api/councils/${id}/members/${m.id}/presence`, { present: true });
    await api('post', `/api/councils/${id}/open`, { version: (await api<{ version: number }>('get', `/api/councils/${id}`)).version });
    await page.goto(`${server.url}${councilPath}`);
    await until(async () => (await page.getByTestId('quorum').innerText()) === '7/7 (cần ít nhất 5)', 'the quorum of seven');

    const box = page.getByTestId('paper-sheets');
    await choose(page, box.getByRole('combobox', { name: 'Thành viên' }), others[0].fullName, { partial: true });
    const form = page.getByTestId('paper-sheet-form');
    const items = form.locator('.ant-form-item').filter({ has: page.locator('input.ant-input-number-input') });
    expect(await items.count()).toBe(4);
    const first = items.nth(0).locator('input');
    await first.fill('25');
    await first.press('Tab');
    await until(async () => (await first.inputValue()) === '20', 'the first score brought back to its maximum');
    await first.fill('18');
    await first.press('Tab');
    expect(await first.inputValue()).toBe('18');
    for (const i of [1, 2]) await items.nth(i).locator('input').fill('25');
    await form.getByRole('button', { name: 'Lưu phiếu giấy' }).click();
    // The empty criterion is marked at its field.
    await until(async () => (await items.nth(3).locator('.ant-form-item-explain-error').count()) > 0, 'the error at the empty field');
    expect(await items.nth(3).locator('.ant-form-item-explain-error').innerText()).toContain('Thiếu điểm tiêu chí');
    expect(await items.nth(0).locator('.ant-form-item-explain-error').count()).toBe(0);
    await items.nth(3).locator('input').fill('15');
    await form.getByRole('button', { name: 'Lưu phiếu giấy' }).click();
    await until(async () => (await resultCard().getByTestId('paper-sheet').count()) === 1, 'the paper sheet in the results');
    expect(await resultCard().getByTestId('paper-sheet').innerText()).toBe('phiếu giấy do cán bộ Sở nhập thay');
    expect(errors).toEqual([]);
  });

  it('lets the demo reviewer score his council from "Hội đồng của tôi" and leads him back there', async () => {
    await signOut(page);
    await signIn(page, 'hoidong');
    await menuLink(page, 'Hội đồng của tôi').click();
    // The council the demo seats him on is in session ("Đang họp"), his sheet still to fill.
    const sitting = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'Đang họp' });
    await until(async () => (await sitting.count()) === 1, 'one council in session in "Hội đồng của tôi"');
    await sitting.getByRole('link').click();
    await page.waitForURL(/\/councils\/[0-9a-f-]{36}$/);

    await page.getByTestId('my-conflict').getByRole('button', { name: 'Lưu khai báo' }).click();
    await page.getByText('Đã lưu khai báo xung đột lợi ích.').waitFor();
    const sheet = page.getByTestId('my-sheet').first();
    const items = sheet.locator('.ant-form-item').filter({ has: page.locator('input.ant-input-number-input') });
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const max = Number(/tối đa ([\d.,]+)/.exec(await items.nth(i).locator('label').innerText())![1].replace(/\./g, '').replace(',', '.'));
      await items.nth(i).locator('input').fill(String(Math.floor(max * 0.85)));
    }
    await sheet.getByRole('button', { name: 'Nộp phiếu' }).click();
    await sheet.getByText(/^Đã nộp /).waitFor();

    // Back to his councils, not to the task list (403 for a reviewer).
    const back = page.getByTestId('council-back');
    expect(await back.innerText()).toContain('Hội đồng của tôi');
    await back.click();
    await page.waitForURL(/\/my-councils$/);
    await page.getByRole('heading', { level: 1, name: 'Hội đồng của tôi' }).waitFor();
    expect(errors).toEqual([]);
  });
});
