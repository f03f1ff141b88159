/**
 * Plans in a real browser against the real server (demo data, PGlite): the unit officer `donvi` logs progress on an
 * item of its unit and uploads the period's Excel template filled in; the DOST officer `canbo` drafts the periodic
 * report and downloads it, and the DOCX opens in LibreOffice (`soffice --headless --convert-to pdf`, `pdftotext`).
 * The plan and its items are made through the API first when the demo has none for donvi's unit.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { apiSession, menuLink, signIn, tableRows, until } from './ui.ts';

const app = appUnderTest();
const run = promisify(execFile);
let dir: string;
let planId: string;
const TITLE = `Ứng dụng cơ giới hóa trong thu hoạch lúa ${Math.floor(Math.random() * 100_000)}`;

const apiAs = (username: string) => apiSession(app.server.url, username);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'khcn-plans-'));
  // donvi's unit, and a plan of the current year with an item of it (besides whatever the demo has).
  const donvi = await apiAs('donvi');
  const { user: { agencyId } } = (await donvi('GET', '/api/auth/session')) as { user: { agencyId: string } };
  const canbo = await apiAs('canbo');
  const year = new Date().getFullYear();
  const plan = await canbo('POST', '/api/plans', { title: `Kế hoạch thử nghiệm trên trình duyệt năm ${year}`, periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, schedule: { kind: 'quarterly' } });
  planId = plan.id as string;
  const group = await canbo('POST', `/api/plans/${planId}/groups`, { title: 'Ứng dụng tiến bộ kỹ thuật' });
  await canbo('POST', `/api/plans/${planId}/items`, { groupId: group.id, code: '1', title: TITLE, responsible: { agencyId }, deadline: `${year}-12-31` });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('plans (Vietnamese UI)', () => {
  it('lets donvi log progress on its item and upload the filled Excel template', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'donvi');
    await menuLink(page, 'Việc của đơn vị').click();
    const item = page.getByRole('button', { name: TITLE });
    await item.waitFor();
    await item.click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByLabel('Tình trạng').click();
    await page.locator('.ant-select-dropdown:visible').getByText('Đang thực hiện', { exact: true }).click();
    await drawer.getByLabel('% hoàn thành').fill('40');
    await drawer.getByLabel('Kết quả thực hiện').fill('Đã chuyển giao máy gặt đập liên hợp cho 3 hợp tác xã');
    await drawer.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await until(async () => (await drawer.innerText()).includes('Đã chuyển giao máy gặt đập liên hợp cho 3 hợp tác xã'), 'the report in the history', { page });
    await page.keyboard.press('Escape');

    // The template of this plan's current period: download, fill the item's row, upload.
    const section = page.locator('div', { has: page.getByRole('heading', { name: /Kế hoạch thử nghiệm trên trình duyệt/ }) }).last();
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: /Tải mẫu Excel/ }).click()]);
    const file = path.join(dir, 'mau.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    let row = 6;
    while (ws.getCell(`B${row}`).value !== TITLE) row++;
    ws.getCell(`D${row}`).value = 'Hoàn thành';
    ws.getCell(`E${row}`).value = 100;
    ws.getCell(`F${row}`).value = 'Hoàn thành chuyển giao';
    const filled = path.join(dir, 'da-dien.xlsx');
    await wb.xlsx.writeFile(filled);
    await section.locator('input[type=file]').setInputFiles(filled);
    await section.getByRole('button', { name: 'Tải lên tệp đã điền' }).click();
    await until(async () => (await page.getByText(/Đã ghi \d+ dòng báo cáo tiến độ/).count()) > 0, 'the upload to be recorded', { page });
    const rowOf = tableRows(page).filter({ hasText: TITLE });
    await until(async () => (await rowOf.innerText()).includes('Hoàn thành'), 'the item done', { page });
    expect(errors).toEqual([]);
  });

  it('lets canbo draft the periodic report and download a DOCX that opens in LibreOffice', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await page.goto(`${app.server.url}/plans/${planId}/reports`);
    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await page.getByLabel('Kết quả chung').fill('Các sở, ngành đã triển khai đầy đủ nhiệm vụ được giao.');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await until(async () => (await page.getByText('Đã lưu dự thảo.').count()) > 0, 'the draft saved', { page });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Tải báo cáo \(DOCX\)/ }).click()]);
    const docx = path.join(dir, 'bao-cao.docx');
    await download.saveAs(docx);
    await run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 90_000 });
    const pdf = path.join(dir, 'bao-cao.pdf');
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
    const flat = stdout.replace(/\s+/g, ' ');
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'BÁO CÁO', 'I. KẾT QUẢ THỰC HIỆN',
      'Các sở, ngành đã triển khai đầy đủ nhiệm vụ được giao.', 'II. KHÓ KHĂN, VƯỚNG MẮC', 'Nơi nhận:']) expect(flat).toContain(expected);
    // The item's title, in its table cell (wrapped over lines beside the other columns).
    expect(flat.replace(/ /g, '')).toContain('Ứngdụngcơgiớihóa');
    expect(errors).toEqual([]);
  });
});
