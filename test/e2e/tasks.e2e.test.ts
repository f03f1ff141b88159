/**
 * The S&T task lifecycle in a real browser against the real server (demo data, PGlite): the DOST officer (canbo)
 * takes the demo proposal "Ứng dụng công nghệ IoT … cá trê vàng tại Đức Huệ" from proposal to replication through
 * the UI — identification, selection and acceptance councils of seven with the reviewer (hoidong) scoring or rating
 * online, documents uploaded at each step, the leader (lanhdao) approving — and the task then shows on the public
 * page. Along the way: a step whose document is missing is disabled with the document named, the server's refusal
 * (409) names the stage and is shown as is, a stale edit gets the 409 message, an out-of-range score is bounded and
 * the council minutes download as DOCX. Before that, a demo task in implementation shows its funding against the
 * plan, takes a disbursement and has it in its downloaded workbook.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatNumber } from '../../src/lib/vi/format.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './fixture.ts';
import { choose, menuLink, settled, signIn as signInAs, signOut, until } from './ui.ts';

const TITLE = 'Ứng dụng công nghệ IoT giám sát chất lượng nước nuôi cá trê vàng tại Đức Huệ';
const REVIEWER = 'Trần Văn Hội';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const STAGE = {
  proposal: 'Đề xuất nhiệm vụ',
  identification: 'Hội đồng tư vấn xác định nhiệm vụ',
  approvedList: 'Danh mục được phê duyệt',
  callOrOrder: 'Thông báo tuyển chọn / đặt hàng',
  application: 'Hồ sơ đăng ký',
  selection: 'Hội đồng tuyển chọn, giao trực tiếp',
  budget: 'Thẩm định kinh phí',
  approval: 'Quyết định phê duyệt',
  contract: 'Ký hợp đồng',
  implementation: 'Thực hiện, kiểm tra định kỳ',
  acceptance: 'Hội đồng nghiệm thu',
  registration: 'Đăng ký kết quả',
  replication: 'Ứng dụng, chuyển giao, nhân rộng',
};

let server: RunningServer;
let browser: Browser;
/** The task page's path (/tasks/<id>), found in the first step. */
let taskPath = '';
/** The code given to the task before its approval. */
const taskCode = `${Math.floor(Math.random() * 90) + 10}/2026/ĐT-KHCN`;
const errors: string[] = [];
/** The pages open in the running test, photographed when it fails. */
const pages = new Set<Page>();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    let i = 0;
    for (const page of pages) {
      const file = path.join(tmpdir(), `khcn-tasks-e2e-${ctx.task.id}-${i++}.png`);
      await page.screenshot({ path: file, fullPage: true }).then(() => console.error(`screenshot of the failed step: ${file}`), () => undefined);
    }
  }
  pages.clear();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(o: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: o.locale });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('close', () => pages.delete(page));
  pages.add(page);
  return { context, page };
}

const signIn = (page: Page, username: string) => signInAs(page, username, { url: `${server.url}/login` });

async function stageOf(page: Page) {
  return (await page.getByTestId('stage-tag').first().innerText()).trim();
}

async function expectStage(page: Page, name: string) {
  await until(async () => (await stageOf(page)) === name, `stage "${name}"`);
}

async function openTask(page: Page) {
  await page.goto(`${server.url}${taskPath}`);
  await page.getByTestId('stage-actions').waitFor();
}

async function tab(page: Page, name: string) {
  const t = page.getByRole('tab', { name: new RegExp(`^${name}`) });
  await until(async () => {
    if ((await t.getAttribute('aria-selected')) !== 'true') await t.click();
    return (await t.getAttribute('aria-selected')) === 'true';
  }, `the "${name}" tab`);
}

/** Uploads a small file of a document kind on the Documents tab and waits for it in the list. */
async function upload(page: Page, kind: string, fileName: string) {
  await tab(page, 'Tài liệu');
  const box = page.getByTestId('document-upload');
  await choose(page, box.getByRole('combobox', { name: 'Loại tài liệu' }), kind, { partial: true });
  await box.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${fileName}`) });
  await box.getByRole('button', { name: 'Tải lên' }).click();
  await page.getByRole('link', { name: fileName }).waitFor();
}

/** Takes a stage action through its button and the note dialog, and waits for the new stage. */
async function act(page: Page, action: string, to: string, note?: string) {
  const button = page.getByTestId('stage-actions').getByRole('button', { name: action, exact: true });
  await until(() => button.isEnabled(), `the "${action}" button to be enabled`);
  await button.click();
  const dialog = page.getByRole('dialog').filter({ hasText: action });
  await settled(dialog);
  if (note) await dialog.getByLabel('Ghi chú (không bắt buộc)').fill(note);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await expectStage(page, to);
}

/** The CSRF token of the page's session, for calls made beside the UI. */
async function csrf(page: Page): Promise<string> {
  const res = await page.request.get(`${server.url}/api/auth/session`);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** The experts of the province as the registry lists them. */
async function experts(page: Page): Promise<{ id: string; fullName: string }[]> {
  const res = await page.request.get(`${server.url}/api/people?isExpert=true&limit=50`);
  return ((await res.json()) as { items: { id: string; fullName: string }[] }).items;
}

/**
 * As canbo on the task page: set up a council of seven of this kind (the reviewer with the hoidong account), mark
 * six present and open it. Returns the council page's path.
 */
async function setUpCouncil(page: Page, kind: string): Promise<string> {
  await tab(page, 'Hội đồng');
  await page.getByRole('button', { name: 'Lập hội đồng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lập hội đồng' });
  await settled(dialog);
  await choose(page, dialog.locator('#council-create_kind'), kind);
  await dialog.locator('#council-create_decisionNo').fill(`${Math.floor(Math.random() * 900) + 100}/QĐ-SKHCN`);
  await dialog.getByRole('button', { name: 'Lập hội đồng' }).click();
  await page.waitForURL(/\/councils\/[0-9a-f-]{36}$/);
  const councilPath = new URL(page.url()).pathname;
  await page.getByTestId('council-status').filter({ hasText: 'Đang chuẩn bị' }).waitFor();

  const others = (await experts(page)).filter((p) => p.fullName !== REVIEWER);
  expect(others.length).toBeGreaterThanOrEqual(6);
  const plan: { name: string; role: string; account?: string }[] = [
    { name: others[0].fullName, role: 'Chủ tịch' },
    { name: others[1].fullName, role: 'Thư ký' },
    { name: REVIEWER, role: 'Ủy viên phản biện', account: '(hoidong)' },
    { name: others[2].fullName, role: 'Ủy viên phản biện' },
    { name: others[3].fullName, role: 'Ủy viên' },
    { name: others[4].fullName, role: 'Ủy viên' },
    { name: others[5].fullName, role: 'Ủy viên' },
  ];
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  for (const [i, m] of plan.entries()) {
    await choose(page, page.locator('#council-member_personId'), m.name, { search: m.name, partial: true });
    await choose(page, page.locator('#council-member_role'), m.role);
    if (m.account) await choose(page, page.locator('#council-member_userId'), m.account, { partial: true, search: 'hoidong' });
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    await until(async () => (await page.getByRole('switch').count()) === i + 1, `member ${i + 1} in the table`);
  }
  const reviewerRow = rows.filter({ hasText: REVIEWER });
  expect(await reviewerRow.innerText()).toContain('hoidong');

  // Six of seven present (the quorum is two thirds); the chair is listed first.
  const switches = page.getByRole('switch');
  for (let i = 0; i < 6; i++) {
    await switches.nth(i).click();
    await until(async () => (await switches.nth(i).getAttribute('aria-checked')) === 'true', `presence ${i + 1}`);
  }
  await page.getByRole('button', { name: 'Mở phiên họp' }).click();
  await page.getByTestId('council-status').filter({ hasText: 'Đang họp' }).waitFor();
  return councilPath;
}

/** As hoidong: open the council from "Hội đồng của tôi", declare no conflict, and score (or rate) the dossier. */
async function reviewerEvaluates(councilPath: string, o: { rating?: string; tryOutOfRange?: boolean }) {
  const { context, page } = await newPage();
  await signIn(page, 'hoidong');
  await menuLink(page, 'Hội đồng của tôi').click();
  await page.locator(`a[href="${councilPath}"]`).click();
  const conflict = page.getByTestId('my-conflict');
  await conflict.getByRole('button', { name: 'Lưu khai báo' }).click();
  await page.getByText('Đã lưu khai báo xung đột lợi ích.').waitFor();

  const sheet = page.getByTestId('my-sheet').first();
  if (o.rating) {
    await sheet.getByText(o.rating, { exact: true }).click();
  } else {
    const items = sheet.locator('.ant-form-item').filter({ has: page.locator('input.ant-input-number-input') });
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    const maxes: number[] = [];
    for (let i = 0; i < count; i++) {
      const label = await items.nth(i).locator('label').innerText();
      const max = Number(/tối đa ([\d.,]+)/.exec(label)![1].replace(/\./g, '').replace(',', '.'));
      maxes.push(max);
      await items.nth(i).locator('input').fill(String(o.tryOutOfRange && i === 0 ? max + 5 : Math.floor(max * 0.9)));
    }
    if (o.tryOutOfRange) {
      // A score above its criterion's maximum is brought back to it on leaving the field (the server refuses it too).
      const first = items.nth(0).locator('input');
      await first.press('Tab');
      await until(async () => (await first.inputValue()) === String(maxes[0]), 'the score brought back to its maximum');
      await first.fill(String(Math.floor(maxes[0] * 0.9)));
    }
  }
  await sheet.getByRole('button', { name: 'Nộp phiếu' }).click();
  await sheet.getByText(/^Đã nộp /).waitFor();
  await signOut(page);
  await context.close();
}

/** As canbo: close the sitting, check the result and the minutes, and go back to the task. */
async function closeCouncil(page: Page, councilPath: string, outcome: string) {
  await page.goto(`${server.url}${councilPath}`);
  await page.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
  await settled(page.locator('.ant-popover:visible'));
  await page.locator('.ant-popover:visible').getByRole('button', { name: 'Kết thúc phiên họp' }).click();
  await page.getByTestId('council-status').filter({ hasText: 'Đã kết thúc' }).waitFor();
  const result = page.getByTestId('dossier-result').first();
  await until(async () => (await result.innerText()).includes(outcome), `the council result "${outcome}"`);

  const minutes = page.getByRole('link', { name: 'Tải biên bản (DOCX)' });
  const href = await minutes.getAttribute('href');
  expect(href).toBe(`${councilPath.replace('/councils/', '/api/councils/')}/minutes.docx`);
  const res = await page.request.get(`${server.url}${href}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain(DOCX);
  expect((await res.body()).subarray(0, 2).toString()).toBe('PK');

  await page.getByRole('link', { name: 'Về nhiệm vụ' }).click();
  await page.getByTestId('stage-actions').waitFor();
}

describe('S&T task lifecycle (Vietnamese UI)', () => {
  it('shows a task in implementation funded against its plan, records a disbursement and finds it in the workbook', async () => {
    // A Vietnamese browser: downloads are worded in the browser's language (Accept-Language).
    const { context, page } = await newPage({ locale: 'vi-VN' });
    await signIn(page, 'canbo');
    const found = await (await page.request.get(`${server.url}/api/tasks?q=${encodeURIComponent('tuoi tieu thong minh thanh long')}`)).json();
    const task = (found.items as { id: string; title: string; stateBudgetTotal: number; stateBudgetDisbursed: number }[])
      .find((x) => x.title.startsWith('Ứng dụng hệ thống tưới tiêu thông minh'))!;
    expect(task.stateBudgetDisbursed).toBeGreaterThan(0); // the demo seed's advances
    await page.goto(`${server.url}/tasks/${task.id}`);
    await page.getByTestId('stage-actions').waitFor();
    expect(await page.getByTestId('task-participants').innerText()).toContain('Hợp tác xã Nông nghiệp Nhơn Thạnh Trung');

    // The remainder of the state budget: planned against disbursed reaches 100 %, and the workbook has it.
    const remainder = Math.round((task.stateBudgetTotal - task.stateBudgetDisbursed) * 1000) / 1000;
    await tab(page, 'Kinh phí');
    expect(await page.getByTestId('state-disbursed-total').innerText()).toBe(formatNumber(task.stateBudgetDisbursed, 3));
    const form = page.locator('form#disbursement');
    await form.locator('#disbursement_amount').fill(formatNumber(remainder, 3).replace(/\./g, ''));
    await form.locator('#disbursement_decisionNo').fill('215/QĐ-SKHCN');
    await form.getByRole('button', { name: 'Ghi nhận cấp phát' }).click();
    await page.getByTestId('disbursements').getByRole('cell', { name: '215/QĐ-SKHCN', exact: true }).waitFor();
    expect(await page.getByTestId('state-disbursed-total').innerText()).toBe(formatNumber(task.stateBudgetTotal, 3));
    expect(await page.getByTestId('funding-summary').innerText()).toContain('100%');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Excel' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const values = (name: string) => workbook.getWorksheet(name)!.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []));
    expect(values('Kinh phí theo năm')).toEqual(expect.arrayContaining(['NSNN đã giải ngân (triệu đồng)', 'Tổng cộng', task.stateBudgetTotal]));
    expect(values('Cấp phát kinh phí')).toEqual(expect.arrayContaining(['Ngân sách nhà nước', remainder, '215/QĐ-SKHCN']));
    expect(values('Tổ chức tham gia')).toEqual(expect.arrayContaining(['Hợp tác xã Nông nghiệp Nhơn Thạnh Trung']));
    await signOut(page);
    await context.close();
  }, 120_000);

  it('finds the demo proposal without diacritics and takes it through the identification council', async () => {
    const { context, page } = await newPage();
    await signIn(page, 'canbo');
    await menuLink(page, 'Nhiệm vụ KH&CN').click();
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('ca tre vang duc hue');
    await choose(page, page.getByRole('combobox', { name: 'Giai đoạn' }), STAGE.proposal);
    const link = page.locator('.ant-table-tbody tr.ant-table-row').getByRole('link', { name: TITLE, exact: true });
    await until(async () => (await link.count()) >= 1, 'the demo task in the list');
    const exportHref = await page.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
    expect(exportHref).toContain('/api/tasks/export.xlsx?');
    expect(exportHref).toContain('stage=proposal');
    const xlsx = await page.request.get(`${server.url}${exportHref}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await link.first().click();
    await page.getByTestId('stage-actions').waitFor();
    taskPath = new URL(page.url()).pathname;
    expect(await stageOf(page)).toBe(STAGE.proposal);
    expect(await page.getByTestId('days-in-stage').innerText()).toMatch(/ngày \/ mục tiêu \d+ ngày/);

    // The proposal form is attached (demo data), so the first step is ready.
    await tab(page, 'Tài liệu');
    expect(await page.locator('.ant-table-tbody').innerText()).toContain('Phiếu đề xuất nhiệm vụ');
    await act(page, 'Đưa ra hội đồng xác định', STAGE.identification, 'Đề xuất phù hợp định hướng của tỉnh');

    // The list step needs a passed, closed identification council: disabled until then, saying so.
    const missing = page.getByTestId('missing-list');
    expect(await missing.innerText()).toContain('Đưa vào danh mục');
    expect(await page.getByTestId('stage-actions').getByRole('button', { name: 'Đưa vào danh mục' }).isDisabled()).toBe(true);

    const councilPath = await setUpCouncil(page, 'Hội đồng tư vấn xác định nhiệm vụ');
    await reviewerEvaluates(councilPath, { tryOutOfRange: true });
    await closeCouncil(page, councilPath, 'Đạt');
    await act(page, 'Đưa vào danh mục', STAGE.approvedList);
    await signOut(page);
    await context.close();
  }, 300_000);

  it('refuses a step without its document (disabled, and 409 naming the stage), a stale edit gets 409, then selection', async () => {
    const { context, page } = await newPage();
    await signIn(page, 'canbo');
    await openTask(page);

    // Edit the general information; meanwhile someone else saves the task: the save gets the 409 message.
    await page.getByRole('button', { name: 'Sửa' }).click();
    const drawer = page.getByRole('dialog', { name: 'Sửa thông tin nhiệm vụ' });
    await settled(drawer);
    const id = taskPath.split('/').pop()!;
    const current = await (await page.request.get(`${server.url}/api/tasks/${id}`)).json();
    const same = {
      title: current.title, type: current.type, level: current.level, scienceField: current.scienceField,
      hostOrganizationId: current.hostOrganizationId, principalInvestigatorId: current.principalInvestigatorId,
      assignmentMode: current.assignmentMode, fundingMode: current.fundingMode, proposalYear: current.proposalYear,
      code: current.code, startDate: current.startDate, endDate: current.endDate, summary: current.summary,
      members: current.members.map((m: { personId: string; role: string }) => ({ personId: m.personId, role: m.role })),
      funding: current.funding,
      products: current.products.map(({ id: _id, position: _p, ...p }: Record<string, unknown>) => p),
      version: current.version,
    };
    const put = await page.request.put(`${server.url}/api/tasks/${id}`, { data: same, headers: { 'x-csrf-token': await csrf(page) } });
    expect(put.status()).toBe(200);
    await choose(page, drawer.locator('#task_assignmentMode'), 'Tuyển chọn');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    const conflict = page.locator('.ant-notification-notice').filter({ hasText: 'Bản ghi đã được người khác sửa' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Tải lại' }).click();

    // After the reload: the assignment mode, the funding mode and the products the later steps need, saved.
    await choose(page, drawer.locator('#task_assignmentMode'), 'Tuyển chọn');
    await choose(page, drawer.locator('#task_fundingMode'), 'Khoán chi đến sản phẩm cuối cùng');
    if ((await drawer.locator('#task_funding_0_year').count()) === 0) {
      await drawer.getByRole('button', { name: 'Thêm năm kinh phí' }).click();
      await drawer.locator('#task_funding_0_stateBudget').fill('1625,5');
      await drawer.locator('#task_funding_0_counterpart').fill('1200');
    }
    if ((await drawer.locator('#task_products_0_name').count()) === 0) {
      await drawer.getByRole('button', { name: 'Thêm sản phẩm' }).click();
      await drawer.locator('#task_products_0_name').fill('Hệ thống giám sát chất lượng nước IoT');
      await drawer.locator('#task_products_0_specification').fill('Đo pH, DO, nhiệt độ 5 phút một lần; cảnh báo qua SMS khi vượt ngưỡng');
    }
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await tab(page, 'Thông tin chung');
    await until(async () => (await page.getByTestId('task-general').innerText()).includes('Tuyển chọn'), 'the saved assignment mode');
    await tab(page, 'Kinh phí');
    expect(await page.getByTestId('state-total').innerText()).toMatch(/^\d{1,3}(\.\d{3})*(,\d+)?$/);

    await act(page, 'Thông báo tuyển chọn / đặt hàng', STAGE.callOrOrder);

    // Receiving the application needs the application dossier: the button is disabled and names it.
    const receive = page.getByTestId('stage-actions').getByRole('button', { name: 'Tiếp nhận hồ sơ' });
    expect(await receive.isDisabled()).toBe(true);
    expect(await page.getByTestId('missing-list').innerText()).toContain('Hồ sơ đăng ký tuyển chọn, giao trực tiếp');
    // The server refuses it too, naming the stage and what is missing; nothing changes.
    const version = (await (await page.request.get(`${server.url}/api/tasks/${id}`)).json()).version;
    const refused = await page.request.post(`${server.url}/api/tasks/${id}/transitions`, {
      data: { action: 'receive_application', version }, headers: { 'x-csrf-token': await csrf(page), 'accept-language': 'vi' },
    });
    expect(refused.status()).toBe(409);
    const body = await refused.json();
    expect(body.message).toContain(`"${STAGE.callOrOrder}"`);
    expect(body.message).toContain('Hồ sơ đăng ký tuyển chọn, giao trực tiếp');

    // Attach it; if it is removed behind the page's back, the click is refused and the server's message is shown as is.
    await upload(page, 'Hồ sơ đăng ký tuyển chọn', 'ho-so-dang-ky.pdf');
    const docs = (await (await page.request.get(`${server.url}/api/tasks/${id}`)).json()).documents as { id: string; kind: string }[];
    const dossier = docs.find((d) => d.kind === 'application_dossier')!;
    const del = await page.request.delete(`${server.url}/api/tasks/${id}/documents/${dossier.id}`, { headers: { 'x-csrf-token': await csrf(page) } });
    expect(del.status()).toBe(204);
    await receive.click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Tiếp nhận hồ sơ' });
    await settled(dialog);
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    const shown = dialog.getByTestId('transition-error');
    await shown.waitFor();
    expect(await shown.innerText()).toContain(`"${STAGE.callOrOrder}"`);
    expect(await shown.innerText()).toContain('Hồ sơ đăng ký tuyển chọn, giao trực tiếp');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await page.reload();
    await page.getByTestId('stage-actions').waitFor();
    expect(await stageOf(page)).toBe(STAGE.callOrOrder);

    await upload(page, 'Hồ sơ đăng ký tuyển chọn', 'ho-so-dang-ky-2.pdf');
    await act(page, 'Tiếp nhận hồ sơ', STAGE.application);
    await act(page, 'Đưa ra hội đồng tuyển chọn', STAGE.selection);
    const councilPath = await setUpCouncil(page, 'Hội đồng tư vấn tuyển chọn, giao trực tiếp');
    await reviewerEvaluates(councilPath, {});
    await closeCouncil(page, councilPath, 'Đạt');
    await act(page, 'Chấp nhận kết quả tuyển chọn', STAGE.budget);
    await signOut(page);
    await context.close();
  }, 300_000);

  it('appraises the budget, the leader approves, the contract is signed and the work checked and submitted', async () => {
    const { context, page } = await newPage();
    await signIn(page, 'canbo');
    await openTask(page);
    await upload(page, 'Biên bản thẩm định kinh phí', 'bien-ban-tham-dinh.pdf');
    await act(page, 'Hoàn thành thẩm định kinh phí', STAGE.approval);

    // The approval decision needs the code and the dates, and its document; then it is the leader's step.
    await page.getByRole('button', { name: 'Sửa' }).click();
    const drawer = page.getByRole('dialog', { name: 'Sửa thông tin nhiệm vụ' });
    await settled(drawer);
    await drawer.locator('#task_code').fill(taskCode);
    await drawer.locator('#task_startDate').fill('01/01/2027');
    await drawer.locator('#task_endDate').fill('31/12/2028');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await upload(page, 'Quyết định phê duyệt nhiệm vụ', 'quyet-dinh-phe-duyet.pdf');
    expect(await page.getByTestId('stage-actions').innerText()).toContain('Lãnh đạo');
    await signOut(page);

    await signIn(page, 'lanhdao');
    await menuLink(page, 'Nhiệm vụ KH&CN').click();
    await openTask(page);
    await act(page, 'Quyết định phê duyệt', STAGE.contract, 'Đồng ý phê duyệt');
    await menuLink(page, 'Theo dõi tiến độ').click();
    await page.getByTestId('stage-counts').waitFor();
    expect(await page.getByTestId('stage-counts').innerText()).toContain(STAGE.contract);
    await signOut(page);

    await signIn(page, 'canbo');
    await openTask(page);
    await upload(page, 'Hợp đồng thực hiện nhiệm vụ', 'hop-dong.pdf');
    await act(page, 'Ký hợp đồng', STAGE.implementation);
    await tab(page, 'Tiến độ');
    const progress = page.locator('form#progress');
    await progress.getByLabel('Khối lượng hoàn thành (%)').fill('60');
    await progress.getByLabel('Nội dung').fill('Đã lắp đặt 12 trạm cảm biến tại 3 ao nuôi; dữ liệu truyền ổn định.');
    await progress.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByRole('cell', { name: 'Đã lắp đặt 12 trạm cảm biến tại 3 ao nuôi; dữ liệu truyền ổn định.' }).waitFor();
    await upload(page, 'Báo cáo tổng hợp kết quả', 'bao-cao-tong-hop.pdf');
    await act(page, 'Đề nghị nghiệm thu', STAGE.acceptance);
    await signOut(page);
    await context.close();
  }, 300_000);

  it('accepts the results, registers them, records a replication; the task is public', async () => {
    const { context, page } = await newPage();
    await signIn(page, 'canbo');
    await openTask(page);
    const councilPath = await setUpCouncil(page, 'Hội đồng nghiệm thu');
    await reviewerEvaluates(councilPath, { rating: 'Đạt' });
    await closeCouncil(page, councilPath, 'Đạt');
    await act(page, 'Công nhận kết quả nghiệm thu', STAGE.registration);

    await tab(page, 'Nhân rộng');
    const form = page.locator('form#replication');
    await choose(page, form.locator('#replication_adminUnitId'), 'Đức Huệ', { search: 'duc hue', partial: true });
    await form.locator('#replication_place').fill('Ấp Voi, xã Đức Huệ');
    await form.locator('#replication_adopterName').fill('HTX Thủy sản Đức Huệ');
    await form.locator('#replication_scale').fill('12 ao nuôi, 3 ha');
    await form.getByRole('button', { name: 'Ghi nhận nhân rộng' }).click();
    await page.getByRole('cell', { name: '12 ao nuôi, 3 ha' }).waitFor();

    await upload(page, 'Giấy chứng nhận đăng ký kết quả', 'giay-chung-nhan.pdf');
    await act(page, 'Đăng ký kết quả', STAGE.replication);

    // The history lists every step with its date (dd/mm/yyyy).
    await tab(page, 'Lịch sử');
    const history = await page.getByTestId('task-history').innerText();
    for (const s of [STAGE.proposal, STAGE.identification, STAGE.approval, STAGE.acceptance, STAGE.replication]) expect(history).toContain(s);
    expect(history).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    await signOut(page);
    await context.close();

    // The public page, without signing in.
    const visitor = await newPage();
    await visitor.page.goto(`${server.url}/cong-khai/nhiem-vu`);
    const card = visitor.page.getByTestId('public-task').filter({ hasText: TITLE }).filter({ hasText: taskCode });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Đạt');
    expect(text).toContain('HTX Thủy sản Đức Huệ');
    expect(text).toContain('12 ao nuôi, 3 ha');
    await visitor.context.close();
    expect(errors).toEqual([]);
  }, 300_000);
});
