import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization } from '../../testing/factories.ts';
import { NUM_FMT, contentDisposition, safeSheetName, toXlsx } from './exports.service.ts';

async function open(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

interface Row { name: string; count: number | null; budget: number; share: number; amount: number; on: string | Date | null }

describe('toXlsx', () => {
  const rows: Row[] = [
    { name: 'Máy sấy bơm nhiệt hoa hồi', count: 1625, budget: 1625.5, share: 81.5, amount: 2_450_000_000, on: '2026-03-05' },
    { name: 'Men rượu Mẫu Sơn', count: null, budget: 12, share: 70, amount: 980_500_000.5, on: '2025-10-19T20:30:00.000Z' },
    { name: 'Lúa nếp', count: 3, budget: 0.25, share: 100, amount: 0, on: null },
  ];
  const columns = [
    { key: 'name' as const, header: { vi: 'Tên nhiệm vụ', en: 'Task' }, type: 'text' as const },
    { key: 'count' as const, header: { vi: 'Số lượng', en: 'Count' }, type: 'integer' as const },
    { key: 'budget' as const, header: { vi: 'Kinh phí (triệu đồng)', en: 'Budget (million VND)' }, type: 'number' as const },
    { key: 'share' as const, header: { vi: 'Tỷ lệ', en: 'Share' }, type: 'percent' as const },
    { key: 'amount' as const, header: { vi: 'Số tiền (đồng)', en: 'Amount (VND)' }, type: 'money' as const },
    { key: 'on' as const, header: { vi: 'Ngày', en: 'Date' }, type: 'date' as const },
    { key: (r: Row) => r.name.length, header: { vi: 'Độ dài tên', en: 'Name length' }, type: 'integer' as const, width: 8 },
  ];

  it('writes real numbers and dates with Vietnamese-displayable formats, a bold frozen header and an autofilter', async () => {
    const ws = await open(await toXlsx({ title: 'Danh sách nhiệm vụ KH&CN năm 2026', sheetName: 'Nhiệm vụ', columns, rows, lang: 'vi' }));
    expect(ws.name).toBe('Nhiệm vụ');
    // Title row, merged over the columns; header on row 3.
    expect(ws.getCell('A1').value).toBe('Danh sách nhiệm vụ KH&CN năm 2026');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('G1').isMerged).toBe(true);
    expect(ws.getRow(3).values).toEqual([undefined, 'Tên nhiệm vụ', 'Số lượng', 'Kinh phí (triệu đồng)', 'Tỷ lệ', 'Số tiền (đồng)', 'Ngày', 'Độ dài tên']);
    expect(ws.getCell('B3').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBe('A3:G6');

    // Values are numbers and dates, not text.
    const r4 = ws.getRow(4);
    expect(r4.getCell(1).value).toBe('Máy sấy bơm nhiệt hoa hồi');
    expect(r4.getCell(2).value).toBe(1625);
    expect(r4.getCell(3).value).toBe(1625.5);
    expect(r4.getCell(4).value).toBeCloseTo(0.815, 10);
    expect(r4.getCell(5).value).toBe(2_450_000_000);
    expect(r4.getCell(6).value).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(r4.getCell(7).value).toBe(25);
    // A timestamp takes its calendar day in Vietnam (20:30 UTC on 19/10 is 03:30 on 20/10 in UTC+7).
    expect(ws.getRow(5).getCell(6).value).toEqual(new Date(Date.UTC(2025, 9, 20)));
    expect(ws.getRow(5).getCell(2).value).toBeNull();
    expect(ws.getRow(6).getCell(6).value).toBeNull();

    // Formats: grouped thousands; decimals as many as the column needs; percent; dd/mm/yyyy.
    expect(r4.getCell(2).numFmt).toBe('#,##0');
    expect(r4.getCell(3).numFmt).toBe('#,##0.00'); // 0.25 needs two decimals
    expect(r4.getCell(4).numFmt).toBe('0.0%'); // 81.5% needs one
    expect(r4.getCell(5).numFmt).toBe('#,##0.0'); // 980,500,000.5
    expect(r4.getCell(6).numFmt).toBe('dd/mm/yyyy');
    expect(r4.getCell(6).type).toBe(ExcelJS.ValueType.Date);
    expect(r4.getCell(3).type).toBe(ExcelJS.ValueType.Number);
  });

  it('uses the English headers and no title row when asked', async () => {
    const ws = await open(await toXlsx({ sheetName: 'Tasks', columns, rows: rows.slice(0, 1), lang: 'en' }));
    expect(ws.getRow(1).values).toEqual([undefined, 'Task', 'Count', 'Budget (million VND)', 'Share', 'Amount (VND)', 'Date', 'Name length']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(2).getCell(3).numFmt).toBe('#,##0.0');
  });

  it('formats a column of whole numbers without decimals and honours fixed decimals', async () => {
    const ws = await open(await toXlsx({
      sheetName: 'x', lang: 'vi', rows: [{ v: 1625 }, { v: 7 }],
      columns: [{ key: 'v', header: { vi: 'a', en: 'a' }, type: 'number' }, { key: 'v', header: { vi: 'b', en: 'b' }, type: 'money', decimals: 2 }],
    }));
    expect(ws.getCell('A2').numFmt).toBe('#,##0');
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(NUM_FMT.number(1)).toBe('#,##0.0');
  });

  it('writes a year column as a whole number with no thousands separator (not 2,022)', async () => {
    const ws = await open(await toXlsx({
      sheetName: 'x', lang: 'vi', rows: [{ year: 2022, n: 2022 }, { year: '2026', n: 7 }],
      columns: [{ key: 'year', header: { vi: 'Năm', en: 'Year' }, type: 'year' }, { key: 'n', header: { vi: 'Số', en: 'Count' }, type: 'integer' }],
    }));
    expect(ws.getCell('A2').value).toBe(2022);
    expect(ws.getCell('A2').numFmt).toBe('0');
    expect(ws.getCell('A3').value).toBe(2026);
    expect(ws.getColumn(1).numFmt).toBe('0');
    expect(ws.getCell('B2').numFmt).toBe('#,##0'); // a count keeps its grouping
  });

  it('prints every sheet landscape on A4, one page wide, with the header row repeated on each page', async () => {
    const titled = await open(await toXlsx({ title: 'Danh sách', sheetName: 'Nhiệm vụ', columns, rows, lang: 'vi' }));
    expect(titled.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    const plain = await open(await toXlsx({ sheetName: 'Tasks', columns, rows, lang: 'en' }));
    expect(plain.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });

  it('cleans sheet names and names downloads in UTF-8 (RFC 5987) with an ASCII fallback', () => {
    expect(safeSheetName('Báo cáo: quý I/2026 [bản chính] có tên rất dài hơn 31 ký tự')).toBe('Báo cáo quý I 2026 bản chính có');
    expect(contentDisposition('Danh sách tổ chức 2026-03-05.xlsx')).toBe(
      `attachment; filename="Danh sach to chuc 2026-03-05.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch%20t%E1%BB%95%20ch%E1%BB%A9c%202026-03-05.xlsx`);
    expect(contentDisposition(`Đề tài "A" (bản 1)'s.xlsx`)).toBe(
      `attachment; filename="De tai _A_ (ban 1)'s.xlsx"; filename*=UTF-8''%C4%90%E1%BB%81%20t%C3%A0i%20%22A%22%20%28b%E1%BA%A3n%201%29%27s.xlsx`);
  });
});

describe('GET /api/organizations/export.xlsx', () => {
  let env: TestEnv;
  let officer: AuthHeaders;
  beforeAll(async () => {
    env = await testEnv();
    officer = await env.as('dost_officer');
  });
  afterAll(() => env.close());

  const create = (payload: object) => env.app.inject({ method: 'POST', url: '/api/organizations', headers: officer, payload });

  it('exports every page of the filtered list with the list\'s filters, as a real workbook', async () => {
    // More than one page of the service (200) of cooperatives, and some enterprises that the filter leaves out.
    for (let i = 0; i < 205; i++) {
      const res = await create(buildOrganization({ kind: 'cooperative', name: `Hợp tác xã Nông nghiệp số ${String(i).padStart(3, '0')}` }));
      expect(res.statusCode).toBe(201);
    }
    await create(buildOrganization({ kind: 'enterprise', name: 'Công ty Cổ phần Cơ khí Long An', isStEnterprise: true }));
    const res = await env.app.inject({ method: 'GET', url: '/api/organizations/export.xlsx?kind=cooperative', headers: officer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Danh sach to chuc \d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''Danh%20s%C3%A1ch%20t%E1%BB%95%20ch%E1%BB%A9c%20/);
    const ws = await open(res.rawPayload);
    expect(ws.getCell('A1').value).toMatch(/^Danh sách tổ chức \(205 tổ chức, ngày \d{2}\/\d{2}\/\d{4}\)$/);
    expect(ws.getRow(3).getCell(1).value).toBe('Tên tổ chức');
    const names = [];
    for (let r = 4; r <= ws.rowCount; r++) names.push(ws.getRow(r).getCell(1).value);
    expect(names).toHaveLength(205);
    expect(names[0]).toBe('Hợp tác xã Nông nghiệp số 000');
    expect(names[204]).toBe('Hợp tác xã Nông nghiệp số 204');
    expect(ws.getRow(4).getCell(3).value).toBe('Hợp tác xã');
    const created = ws.getRow(4).getCell(12);
    expect(created.value).toBeInstanceOf(Date);
    expect(created.numFmt).toBe('dd/mm/yyyy');
  });

  it('speaks English when asked, and applies the search filter', async () => {
    const res = await env.app.inject({
      method: 'GET', url: `/api/organizations/export.xlsx?q=${encodeURIComponent('co khi long an')}`,
      headers: { ...officer, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''Organisations%20`);
    const ws = await open(res.rawPayload);
    expect(ws.getRow(3).getCell(1).value).toBe('Name');
    expect(ws.getRow(4).getCell(1).value).toBe('Công ty Cổ phần Cơ khí Long An');
    expect(ws.getRow(4).getCell(3).value).toBe('Enterprise');
    expect(ws.getRow(4).getCell(8).value).toBe('Yes');
    expect(ws.rowCount).toBe(4);
    const vi = await env.app.inject({ method: 'GET', url: '/api/organizations/export.xlsx?lang=vi&kind=enterprise', headers: { ...officer, 'accept-language': 'en' } });
    expect((await open(vi.rawPayload)).getRow(4).getCell(8).value).toBe('Có');
  });

  it('keeps the list\'s permissions and tenant: 401 signed out, 403 for an applicant, nothing from another province', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/organizations/export.xlsx' })).statusCode).toBe(401);
    const applicant = await env.as('applicant');
    const denied = await env.app.inject({ method: 'GET', url: '/api/organizations/export.xlsx', headers: applicant });
    expect(denied.statusCode).toBe(403);
    const { buildTenant } = await import('../../testing/harness.ts');
    const other = await env.as('dost_officer', { tenantId: (await buildTenant(env.h, 'Sở KH&CN tỉnh khác')).id });
    const ws = await open((await env.app.inject({ method: 'GET', url: '/api/organizations/export.xlsx', headers: other })).rawPayload);
    expect(ws.rowCount).toBe(3); // title, blank, header
    const bad = await env.app.inject({ method: 'GET', url: '/api/organizations/export.xlsx?kind=bank', headers: officer });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('querystring.kind');
  });
});
