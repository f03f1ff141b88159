/**
 * The periodic report through the API: a draft whose written sections the officer edits, its DOCX (Decree 30
 * layout, content from the data) and XLSX annex (the indicator table from `indicatorReport`, the items), issuing
 * with the year's next number, and an issued report kept as issued. Opening the DOCX in LibreOffice is the browser
 * suite's part (test/e2e/plans.e2e.test.ts).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { systemActor } from '../../context.ts';
import { indicatorReport } from '../indicators/indicators.service.ts';
import { buildPlanReport, targetText, type ReportData } from './plans.report.ts';

let env: TestEnv;
let officer: AuthHeaders;
let planId: string;

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  const admin = await env.as('admin');
  const agencyId = (await env.app.inject({ method: 'POST', url: '/api/agencies', headers: admin, payload: { kind: 'department', name: 'Sở Nông nghiệp và Môi trường thử nghiệm', validFrom: '2020-01-01' } })).json().id;
  planId = (await env.app.inject({ method: 'POST', url: '/api/plans', headers: officer, payload: { title: 'Kế hoạch phát triển khoa học, công nghệ và đổi mới sáng tạo', periodFrom: '2025-07-01', periodTo: '2026-12-31', schedule: { kind: 'half_yearly' } } })).json().id;
  const groupId = (await env.app.inject({ method: 'POST', url: `/api/plans/${planId}/groups`, headers: officer, payload: { title: 'Phát triển tiềm lực KH&CN', code: 'I' } })).json().id;
  const itemId = (await env.app.inject({ method: 'POST', url: `/api/plans/${planId}/items`, headers: officer, payload: { groupId, code: '1', title: 'Xây dựng mô hình tưới tiết kiệm nước cho cây ăn trái', responsible: { agencyId } } })).json().id;
  await env.app.inject({ method: 'POST', url: `/api/plan-items/${itemId}/progress`, headers: officer, payload: { periodKey: '2026-H1', status: 'in_progress', percent: 60 } });
});
afterAll(() => env.close());

const docxText = async (bytes: Buffer) => {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
};

describe('the periodic report', () => {
  it('drafts, edits, builds, issues with a number and keeps the issued files', async () => {
    const created = await env.app.inject({ method: 'POST', url: `/api/plans/${planId}/reports`, headers: officer, payload: { periodKey: '2026-H1' } });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    expect(r.status).toBe('draft');
    const put = await env.app.inject({
      method: 'PUT', url: `/api/plan-reports/${r.id}`, headers: officer,
      payload: { title: r.title, sections: { results: 'Đã đặt hàng 12 nhiệm vụ KH&CN.', difficulties: 'Kinh phí đối ứng còn thấp.', nextSteps: '- Đẩy mạnh đặt hàng' }, recipients: ['UBND tỉnh (để báo cáo)', 'Lưu: VT'], signerTitle: 'PHÓ GIÁM ĐỐC', signerName: 'Nguyễn Văn A', version: r.version },
    });
    expect(put.statusCode, put.body).toBe(200);

    const draft = await env.app.inject({ method: 'GET', url: `/api/plan-reports/${r.id}/report.docx`, headers: officer });
    expect(draft.statusCode).toBe(200);
    const text = await docxText(draft.rawPayload);
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', '/BC-', 'Đã đặt hàng 12 nhiệm vụ KH&CN.', 'Kinh phí đối ứng còn thấp.', 'Đẩy mạnh đặt hàng',
      'Xây dựng mô hình tưới tiết kiệm nước cho cây ăn trái', 'Đang thực hiện', 'Nhiệm vụ khoa học và công nghệ', 'Nơi nhận', 'Nguyễn Văn A',
      '6 tháng đầu năm 2026', 'II. KHÓ KHĂN, VƯỚNG MẮC']) expect(text).toContain(expected);

    const annex = await env.app.inject({ method: 'GET', url: `/api/plan-reports/${r.id}/annex.xlsx`, headers: officer });
    expect(annex.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annex.rawPayload as unknown as ArrayBuffer);
    const rows = await indicatorReport({ db: env.h.db, actor: systemActor(env.tenantId) }, { planId, year: 2026, asOf: new Date().toISOString().slice(0, 10), view: 'current' });
    const indicatorSheet = wb.getWorksheet('Chỉ tiêu')!;
    const headerRow = [...Array(indicatorSheet.rowCount).keys()].map((i) => i + 1).find((i) => indicatorSheet.getCell(i, 1).value === 'Mã')!;
    expect(indicatorSheet.rowCount - headerRow).toBe(rows.length);
    const itemSheet = wb.getWorksheet('Nhiệm vụ')!;
    const itemCells = itemSheet.getSheetValues().flat().map(String);
    expect(itemCells).toContain('Xây dựng mô hình tưới tiết kiệm nước cho cây ăn trái');

    const issued = await env.app.inject({ method: 'POST', url: `/api/plan-reports/${r.id}/issue`, headers: officer, payload: { version: put.json().version, issuedOn: '2026-07-05' } });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', issuedOn: '2026-07-05', number: expect.stringMatching(/^1\/BC-/) });
    const [a, b] = [
      await env.app.inject({ method: 'GET', url: `/api/plan-reports/${r.id}/report.docx`, headers: officer }),
      await env.app.inject({ method: 'GET', url: `/api/plan-reports/${r.id}/report.docx`, headers: officer }),
    ];
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
    expect(await docxText(a.rawPayload)).toContain(`Số: ${issued.json().number}`);

    const again = await env.app.inject({ method: 'POST', url: `/api/plan-reports/${r.id}/issue`, headers: officer, payload: { version: issued.json().version } });
    expect(again.statusCode).toBe(409);
    const edit = await env.app.inject({ method: 'PUT', url: `/api/plan-reports/${r.id}`, headers: officer, payload: { ...(put.json() as Record<string, unknown>), version: issued.json().version } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('plans.report_issued');
    const del = await env.app.inject({ method: 'DELETE', url: `/api/plan-reports/${r.id}?version=${issued.json().version}`, headers: officer });
    expect(del.statusCode).toBe(409);

    const second = (await env.app.inject({ method: 'POST', url: `/api/plans/${planId}/reports`, headers: officer, payload: { periodKey: '2026-H2' } })).json();
    const issued2 = await env.app.inject({ method: 'POST', url: `/api/plan-reports/${second.id}/issue`, headers: officer, payload: { version: second.version, issuedOn: '2026-12-20' } });
    expect(issued2.json().number).toMatch(/^2\/BC-/);
  });

  it('is refused to a unit officer', async () => {
    const unit = await env.as('unit_officer');
    expect((await env.app.inject({ method: 'GET', url: `/api/plans/${planId}/reports`, headers: unit })).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'POST', url: `/api/plans/${planId}/reports`, headers: unit, payload: { periodKey: '2026-H1' } })).statusCode).toBe(403);
  });
});

describe('the report builder', () => {
  it('writes each indicator against its target, in Vietnamese numbers', () => {
    expect(targetText({ kind: 'range', min: 1.2, max: 1.5 })).toBe('1,2 – 1,5');
    expect(targetText({ kind: 'at_least', value: 100 })).toBe('≥ 100');
    expect(targetText(null)).toBe('—');
    const data: ReportData = {
      heading: { governingBody: 'UBND TỈNH TÂY NINH', issuingAgency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', place: 'Tây Ninh', symbol: 'SKHCN' },
      number: '3/BC-SKHCN', date: '2026-07-05', title: 'Kết quả thực hiện kế hoạch',
      plan: { title: 'Kế hoạch', periodFrom: '2023-10-19', periodTo: '2030-12-31', document: { id: '00000000-0000-4000-8000-000000000001', number: '9737/QĐ-UBND', title: 'Ban hành Kế hoạch', issuedOn: '2023-10-19' } },
      period: { key: '2026-H1', start: '2026-01-01', end: '2026-06-30', dueOn: '2026-07-10', label: { vi: '6 tháng đầu năm 2026', en: 'H1 2026' } },
      indicators: [{ indicatorId: 'a', code: 'CT01', name: { vi: 'Tỷ lệ đầu tư cho KH&CN so với GRDP', en: 'S&T investment' }, unit: '%', direction: 'increase', year: 2026, target: { kind: 'range', min: 1.2, max: 1.5 }, actual: 1.25, status: 'met', source: 'entered' }],
      groups: [], sections: { results: '', difficulties: '', nextSteps: '' }, extra: [], recipients: ['UBND tỉnh'], signer: { title: 'GIÁM ĐỐC', name: null },
    };
    const doc = buildPlanReport(data);
    const table = doc.body.find((b) => b.type === 'table');
    expect(table && table.type === 'table' ? table.rows[0] : null).toEqual(['1', 'CT01. Tỷ lệ đầu tư cho KH&CN so với GRDP', '%', '1,2 – 1,5', '1,25', 'Đạt']);
    expect(doc.body[0]).toMatchObject({ type: 'paragraph', text: expect.stringContaining('Quyết định số 9737/QĐ-UBND ngày 19/10/2023') });
  });
});
