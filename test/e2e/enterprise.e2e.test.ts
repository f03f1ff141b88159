/**
 * An enterprise proposes a task online and follows it (issue #11), in a real browser against the real server (demo
 * data, PGlite): doanhnghiep writes a proposal, saves it as a draft, attaches the proposal form (a DOCX made here with
 * the `docx` package) and submits it; the DOST officer (canbo) opens it from the inbox and sends it to the
 * identification council; the enterprise sees the new stage in "Nhiệm vụ của tôi" and the notice in its inbox. Then
 * the officer asks for missing papers, the enterprise answers with a file and a note, and the officer sees the answer.
 * The enterprise's list in English shows English dates.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document as DocxDocument, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { choose, menuLink, settled, signIn, until } from './ui.ts';

const app = appUnderTest();
const TITLE = `Ứng dụng công nghệ sấy lạnh bảo quản thanh long ruột đỏ ${Math.floor(Math.random() * 9000) + 1000}`;
const PROPOSAL_STAGE = 'Đề xuất nhiệm vụ';
const NEXT_STAGE = 'Hội đồng tư vấn xác định nhiệm vụ';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let enterprise: { page: Page; errors: string[] };
let officer: { page: Page; errors: string[] };
let taskPath = '';

const stageTag = (page: Page) => page.getByTestId('stage-tag').first();

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
/**
 * What a11y.e2e.test.ts checks on the demo's pages, for the states only this flow reaches (a draft with its files,
 * a task with an open request for missing papers, the dialogs): axe's critical and serious findings, and a page wider
 * than 390 px.
 */
const a11yProblems: string[] = [];
async function checkA11y(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } };
    return (await w.axe.run(document, { resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.impact} ${v.id} ×${v.nodes.length} (${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; ')})`);
  });
  a11yProblems.push(...found.map((f) => `${where}: ${f}`));
}
/** A signed-out page in its own context; axe is injected as an inline script, which the app's CSP refuses. */
async function openApp() {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
  context.setDefaultTimeout(45_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.server.url);
  return { page, errors };
}

async function checkPhoneWidth(page: Page, where: string) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('menu-button').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 390) a11yProblems.push(`${where}: ${width} px wide at 390 px`);
  await page.setViewportSize(size);
  await page.getByTestId('menu-button').waitFor({ state: 'detached' });
}

async function openInboxItem(page: Page, text: string) {
  await page.goto(`${app.server.url}/inbox`);
  const item = page.locator('.ant-list-item').filter({ hasText: text }).first();
  await item.waitFor();
  await item.getByRole('link', { name: 'Xem' }).click();
  await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
}

async function uploadIn(page: Page, box: ReturnType<Page['getByTestId']>, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await choose(page, box.getByRole('combobox', { name: 'Loại tài liệu' }), kind, { partial: true });
  await box.locator('input[type=file]').setInputFiles(file);
  await box.getByRole('button', { name: 'Tải lên' }).click();
  await box.getByRole('link', { name: file.name }).waitFor();
}

it('an enterprise proposes a task with a file, an officer moves it on from the inbox, and the enterprise sees its new stage', async () => {
  enterprise = await openApp();
  officer = await openApp();
  const { page } = enterprise;
  await signIn(page, 'doanhnghiep');
  await menuLink(page, 'Đề xuất nhiệm vụ').click();
  await page.getByRole('heading', { level: 1, name: 'Đề xuất nhiệm vụ KH&CN' }).waitFor();
  await page.getByLabel('Tên nhiệm vụ').fill(TITLE);
  await page.getByLabel('Tóm tắt mục tiêu, nội dung').fill('Mục tiêu: giảm tổn thất sau thu hoạch. Nội dung: thiết kế, chế tạo máy sấy lạnh 500 kg/mẻ.');
  const field = page.getByRole('combobox', { name: 'Lĩnh vực KH&CN' });
  await field.click();
  await field.fill('ky thuat va cong nghe');
  const option = page.locator('.ant-select-tree-node-content-wrapper:visible').filter({ hasText: /^2 / }).first();
  await option.waitFor();
  await settled(option);
  await option.click();
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await page.waitForURL(/\/propose-task\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: 'Đề xuất nhiệm vụ (bản nháp)' }).waitFor();
  // Saved but without its proposal form: the page says what submitting still needs.
  await until(async () => (await page.getByTestId('proposal-readiness').innerText()).includes('Phiếu đề xuất nhiệm vụ'), 'the missing proposal form named', { page });

  const docx = await Packer.toBuffer(new DocxDocument({ sections: [{ children: [new Paragraph(`Phiếu đề xuất: ${TITLE}`)] }] }));
  await uploadIn(page, page.getByTestId('proposal-files'), 'Phiếu đề xuất nhiệm vụ', { name: 'phieu-de-xuat.docx', mimeType: DOCX, buffer: Buffer.from(docx) });
  await until(async () => (await page.getByTestId('proposal-readiness').innerText()).includes('đã đủ để gửi'), 'the proposal ready to submit', { page });
  await checkA11y(page, 'a draft with its proposal form');
  await checkPhoneWidth(page, 'a draft with its proposal form');
  await page.getByRole('button', { name: 'Gửi Sở KH&CN' }).click();
  const confirm = page.locator('.ant-popover:visible');
  await settled(confirm);
  await checkA11y(page, 'the submit confirmation');
  await confirm.getByRole('button', { name: 'Gửi Sở KH&CN' }).click();
  await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
  taskPath = new URL(page.url()).pathname;
  await until(async () => (await stageTag(page).innerText()) === PROPOSAL_STAGE, 'the proposal stage', { page });

  // The officer finds the proposal in the inbox and sends it to the identification council.
  const o = officer.page;
  await signIn(o, 'canbo');
  await openInboxItem(o, `Đề xuất nhiệm vụ mới: "${TITLE}"`);
  expect(new URL(o.url()).pathname).toBe(taskPath);
  await o.getByTestId('stage-actions').getByRole('button', { name: 'Đưa ra hội đồng xác định' }).click();
  const dialog = o.getByRole('dialog');
  await settled(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await until(async () => (await stageTag(o).innerText()) === NEXT_STAGE, 'the identification stage', { page: o });

  // The enterprise sees the new stage in its list and the notice in its inbox.
  await menuLink(page, 'Nhiệm vụ của tôi').click();
  const row = page.getByTestId('my-tasks').locator('tr').filter({ hasText: TITLE });
  await until(async () => (await row.getByTestId('stage-tag').innerText()) === NEXT_STAGE, 'the new stage in "Nhiệm vụ của tôi"', { page });
  await openInboxItem(page, `Nhiệm vụ "${TITLE}" chuyển sang giai đoạn "${NEXT_STAGE}"`);
  expect(new URL(page.url()).pathname).toBe(taskPath);
  await until(async () => (await stageTag(page).innerText()) === NEXT_STAGE, 'the new stage on the task page', { page });
  expect([...enterprise.errors, ...officer.errors]).toEqual([]);
});

it('the officer asks for missing papers and the enterprise answers with a file, which the officer then sees', async () => {
  const o = officer.page;
  const papers = o.getByTestId('paper-requests');
  await papers.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
  const dialog = o.getByRole('dialog');
  await settled(dialog);
  await checkA11y(o, 'the missing papers dialog');
  await dialog.getByLabel('Hồ sơ còn thiếu').fill('Bản sao giấy chứng nhận đăng ký doanh nghiệp');
  await dialog.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await papers.getByText('Đang chờ bổ sung').waitFor();

  const { page } = enterprise;
  await openInboxItem(page, `Yêu cầu bổ sung hồ sơ nhiệm vụ "${TITLE}"`);
  const answer = page.getByTestId('paper-answer');
  await answer.waitFor();
  await checkA11y(page, "the enterprise's task with an open request");
  await checkPhoneWidth(page, "the enterprise's task with an open request");
  await page.getByRole('tab', { name: 'Kết luận của hội đồng' }).click();
  await page.getByTestId('council-conclusions').waitFor();
  await checkA11y(page, "the councils' conclusions tab");
  await uploadIn(page, answer, 'Tài liệu khác', { name: 'giay-chung-nhan-dkdn.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 giay chung nhan') });
  await answer.getByLabel('Ghi chú trả lời').fill('Gửi bản sao có chứng thực');
  await answer.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
  await page.getByTestId('paper-requests').getByText('Đã bổ sung').waitFor();

  await o.reload();
  await o.getByTestId('paper-requests').getByText('Gửi bản sao có chứng thực').waitFor();
  expect(await o.getByTestId('paper-requests').innerText()).toContain('giay-chung-nhan-dkdn.pdf');

  // In English the enterprise's list speaks English, dates included.
  await page.evaluate(() => localStorage.setItem('khcn.lang', 'en'));
  await page.goto(`${app.server.url}/my-tasks`);
  await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
  const row = page.getByTestId('my-tasks').locator('tr').filter({ hasText: TITLE });
  await until(async () => (await row.getByTestId('stage-tag').innerText()) === 'Identification council', 'the stage in English', { page });
  expect(await row.innerText()).toMatch(/\b\d{1,2} [A-Z][a-z]{2} \d{4}\b/);
  await checkA11y(page, 'My tasks in English');
  expect(a11yProblems).toEqual([]);
  expect([...enterprise.errors, ...officer.errors]).toEqual([]);
});
