/**
 * Support programmes in a real browser against the real server (demo data, PGlite): the enterprise `doanhnghiep`
 * opens a call, fills the call's form (rendered from its JSON Schema, checked in the browser by ajv), uploads a file
 * and sees a refused one explained, saves a draft and submits; the officer `canbo` asks for additions; the
 * enterprise answers; the officer sends the application to review; the enterprise sees the step and the time each
 * step took. The programme and the call (with its own form) are made through the API first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { apiSession, choose, menuLink, signIn, until } from './ui.ts';

const app = appUnderTest();
const CODE = `NSCL-E2E-${Math.floor(Math.random() * 100_000)}`;
const CALL_TITLE = `Đợt hỗ trợ áp dụng hệ thống quản lý chất lượng ${CODE}`;
let applicationUrl = '';

const apiAs = (username: string) => apiSession(app.server.url, username);

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

beforeAll(async () => {
  const canbo = await apiAs('canbo');
  const basis = (await canbo('GET', `/api/legal-documents?scope=national&q=${encodeURIComponent('1322/QĐ-TTg')}&limit=5`)) as { items: { id: string }[] };
  const programme = await canbo('POST', '/api/programmes', {
    code: CODE, kind: 'productivity_quality', name: 'Chương trình nâng cao năng suất và chất lượng (thử nghiệm)', legalDocumentId: basis.items[0]?.id ?? null,
  });
  const year = new Date().getFullYear();
  const call = await canbo('POST', '/api/programme-calls', {
    programmeId: programme.id, code: CODE, title: CALL_TITLE, year, opensOn: `${year}-01-01`, closesOn: `${year + 1}-12-31`,
    supportTypes: ['management_system'], requiredDocuments: ['application_form'],
    formSchema: {
      type: 'object', required: ['consultant', 'employees', 'system'], 'x-order': ['consultant', 'employees', 'system'],
      properties: {
        consultant: { type: 'string', title: 'Đơn vị tư vấn', 'x-title-en': 'Consultant', minLength: 1, maxLength: 500 },
        employees: { type: 'number', title: 'Số lao động', 'x-title-en': 'Employees', minimum: 1 },
        system: { type: 'string', title: 'Hệ thống áp dụng', 'x-title-en': 'System to adopt', oneOf: [
          { const: 'iso_9001', title: 'ISO 9001', 'x-title-en': 'ISO 9001' }, { const: 'haccp', title: 'HACCP', 'x-title-en': 'HACCP' },
        ] },
      },
    },
  });
  await canbo('POST', `/api/programme-calls/${call.id as string}/status`, { status: 'open', version: call.version });
});
afterAll(() => undefined);

describe('support programmes (Vietnamese UI)', () => {
  it('lets the enterprise fill the call form, upload files (one refused, explained), save a draft and submit', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'doanhnghiep');
    await menuLink(page, 'Hỗ trợ doanh nghiệp').click();
    const card = page.getByTestId(`open-call-${CODE}`);
    await card.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/programme-applications\//);
    applicationUrl = page.url();
    await page.getByLabel('Đơn vị tư vấn').fill('Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng');
    // The browser's ajv refuses a submission while a required field is empty.
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await until(async () => (await page.getByText(/Biểu mẫu còn lỗi/).count()) > 0, 'the client-side check', { page });
    await page.getByLabel('Số lao động').fill('45');
    await choose(page, page.getByLabel('Hệ thống áp dụng'), 'ISO 9001');

    const files = page.getByTestId('application-files');
    await choose(page, files.getByLabel('Loại tài liệu'), 'Hình ảnh sản phẩm, cơ sở');
    await files.locator('input[type=file]').setInputFiles(pdf('anh-nha-xuong.pdf'));
    await files.getByRole('button', { name: 'Tải lên' }).click();
    const refusal = page.getByTestId('upload-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/PNG|JPEG/);

    await choose(page, files.getByLabel('Loại tài liệu'), 'Đơn đăng ký tham gia (bắt buộc)');
    await files.locator('input[type=file]').setInputFiles(pdf('don-dang-ky.pdf'));
    await files.getByRole('button', { name: 'Tải lên' }).click();
    await until(async () => (await files.innerText()).includes('don-dang-ky.pdf'), 'the uploaded file in the list', { page });

    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await until(async () => (await page.getByText('Đã lưu bản nháp.').count()) > 0, 'the draft saved', { page });
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await until(async () => (await page.getByTestId('application-stage').innerText()).includes('Tiếp nhận, kiểm tra tính đầy đủ'), 'the application received', { page });
    expect(await page.getByText(new RegExp(`${CODE}-001`)).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('lets the officer ask for additions, the enterprise answer, and the officer send it to review', async () => {
    const officer = await app.openApp();
    await signIn(officer.page, 'canbo');
    await officer.page.goto(applicationUrl);
    await officer.page.getByLabel('Nội dung cần bổ sung').fill('Bổ sung báo cáo tài chính năm gần nhất');
    await officer.page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await until(async () => (await officer.page.getByText('Đang chờ doanh nghiệp bổ sung', { exact: false }).count()) > 0, 'the request sent', { page: officer.page });

    const firm = await app.openApp();
    await signIn(firm.page, 'doanhnghiep');
    await firm.page.goto(applicationUrl);
    const files = firm.page.getByTestId('application-files');
    await choose(firm.page, files.getByLabel('Loại tài liệu'), 'Báo cáo tài chính năm gần nhất');
    await files.locator('input[type=file]').setInputFiles(pdf('bao-cao-tai-chinh.pdf'));
    await files.getByRole('button', { name: 'Tải lên' }).click();
    await until(async () => (await files.innerText()).includes('bao-cao-tai-chinh.pdf'), 'the new file', { page: firm.page });
    await firm.page.getByLabel('Ghi chú trả lời').fill('Đã bổ sung báo cáo tài chính năm 2025');
    await firm.page.getByRole('button', { name: 'Trả lời yêu cầu' }).click();
    await until(async () => (await firm.page.getByText('Đã gửi hồ sơ bổ sung.').count()) > 0, 'the answer sent', { page: firm.page });

    await officer.page.reload();
    await officer.page.getByRole('button', { name: 'Chuyển thẩm định' }).click();
    await until(async () => (await officer.page.getByTestId('application-stage').innerText()).includes('Thẩm định / hội đồng'), 'the application under review', { page: officer.page });

    await firm.page.reload();
    await until(async () => (await firm.page.getByTestId('application-stage').innerText()).includes('Thẩm định / hội đồng'), 'the enterprise seeing the step', { page: firm.page });
    const history = firm.page.getByTestId('application-history');
    const text = await history.innerText();
    expect(text).toContain('Tiếp nhận, kiểm tra tính đầy đủ');
    expect(text).toMatch(/Dừng tính thời gian/);
    expect(text).toContain('Ngày làm việc');
    expect(officer.errors).toEqual([]);
    expect(firm.errors).toEqual([]);
  });
});
