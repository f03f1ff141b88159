/**
 * Selection and support in a real browser against the real server (demo data, PGlite): the DOST officer `canbo`
 * opens a call's ranking (its council scored through the councils API first), records a support decision for the
 * top application (the counterpart check answers live, then the server takes it), downloads the decision's DOCX and
 * opens it in LibreOffice (`soffice --headless --convert-to pdf`, `pdftotext`), records a certificate; the enterprise
 * `doanhnghiep` sees its decision; the ranking page in English. The call, its application and the council are made
 * through the API, since the demo holds no scored call.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { apiSession, menuLink, signIn, tableRows } from './ui.ts';

const app = appUnderTest();
const run = promisify(execFile);
let dir: string;
let callId: string;
let appId: string;
const n = Math.floor(Math.random() * 100_000);
const CALL = `Đợt hỗ trợ áp dụng ISO thử nghiệm ${n}`;
const TITLE = `Áp dụng ISO 22000 cho dây chuyền chế biến ${n}`;

const apiAs = (username: string) => apiSession(app.server.url, username);

const iso = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'khcn-support-'));
  const canbo = await apiAs('canbo');
  const firm = await apiAs('doanhnghiep');
  const now = new Date();
  const year = now.getFullYear();
  const programme = await canbo<{ id: string }>('POST', '/api/programmes', { code: `NSCL-E2E-${n}`, kind: 'productivity_quality', name: 'Chương trình năng suất chất lượng (thử nghiệm)' });
  const call = await canbo<{ id: string; version: number }>('POST', '/api/programme-calls', {
    programmeId: programme.id, code: `E2E-${n}`, title: CALL, year,
    opensOn: iso(new Date(now.getTime() - 10 * 86_400_000)), closesOn: iso(new Date(now.getTime() + 10 * 86_400_000)),
    supportTypes: ['management_system', 'productivity_tool'], formSchema: { type: 'object', properties: { system: { type: 'string', title: 'Hệ thống quản lý' } } }, selectTop: 1,
    scoringSheet: { criteria: [{ key: 'need', name: { vi: 'Sự cần thiết', en: 'Need' }, maxPoints: 40 }, { key: 'capacity', name: { vi: 'Năng lực', en: 'Capacity' }, maxPoints: 60 }] },
  });
  callId = call.id;
  await canbo('POST', `/api/programme-calls/${callId}/status`, { status: 'open', version: call.version });
  const draft = await firm<{ id: string; version: number }>('POST', '/api/programme-applications', { callId, title: TITLE, answers: { system: 'ISO 22000:2018' } });
  appId = draft.id;
  const submitted = await firm<{ version: number }>('POST', `/api/programme-applications/${appId}/submit`, { version: draft.version });
  const inReview = await canbo<{ version: number }>('POST', `/api/programme-applications/${appId}/transitions`, { action: 'send_to_review', version: submitted.version });
  const { councilId } = await canbo<{ councilId: string }>('POST', `/api/support/calls/${callId}/review-council`, { name: `Hội đồng xét chọn ${CALL}` });
  const experts = (await canbo<{ items: { id: string }[] }>('GET', '/api/people?isExpert=true&limit=3')).items;
  const members: { id: string }[] = [];
  for (const [i, role] of (['chair', 'secretary', 'member'] as const).entries()) {
    members.push(await canbo('POST', `/api/councils/${councilId}/members`, { personId: experts[i].id, role }) as { id: string });
  }
  await canbo('POST', `/api/councils/${councilId}/open`, { version: (await canbo<{ version: number }>('GET', `/api/councils/${councilId}`)).version });
  const { dossiers } = await canbo<{ dossiers: { id: string }[] }>('GET', `/api/councils/${councilId}`);
  for (const m of members) {
    await canbo('PUT', `/api/councils/${councilId}/members/${m.id}/presence`, { present: true });
    await canbo('PUT', `/api/councils/${councilId}/dossiers/${dossiers[0].id}/sheets/${m.id}`, { scores: { need: 32, capacity: 50 } });
  }
  await canbo('POST', `/api/councils/${councilId}/close`, { version: (await canbo<{ version: number }>('GET', `/api/councils/${councilId}`)).version });
  await canbo('POST', `/api/programme-applications/${appId}/transitions`, { action: 'conclude_review', version: inReview.version });
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('selection and support (Vietnamese UI)', () => {
  it('canbo reads the ranking, decides with the counterpart checked live, downloads the DOCX and records a certificate', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await menuLink(page, 'Xét chọn, hỗ trợ').click();
    await page.getByRole('link', { name: new RegExp(CALL) }).click();
    await page.getByRole('heading', { level: 1, name: `Xếp hạng hồ sơ: ${CALL}` }).waitFor();
    const row = tableRows(page).filter({ hasText: TITLE });
    await expect.poll(() => row.textContent()).toContain('82');
    expect(await row.textContent()).toContain('Được chọn');

    await row.getByRole('link', { name: 'Hỗ trợ' }).click();
    const panel = page.getByTestId('support-panel');
    const form = panel.getByRole('form', { name: 'Quyết định hỗ trợ' });
    await form.getByLabel('Tổng kinh phí (đồng)').fill('100000000');
    await form.getByLabel('Ngân sách nhà nước hỗ trợ (đồng)').fill('60000000');
    await form.getByLabel('Kinh phí đối ứng của tổ chức (đồng)').fill('40000000');
    await expect.poll(() => panel.getByTestId('counterpart-check').textContent()).toContain('ít nhất 50%');
    await form.getByLabel('Ngân sách nhà nước hỗ trợ (đồng)').fill('50000000');
    await form.getByLabel('Kinh phí đối ứng của tổ chức (đồng)').fill('50000000');
    await expect.poll(() => panel.getByTestId('counterpart-check').textContent()).toContain('Kinh phí đúng quy định');
    await form.getByLabel('Số quyết định').fill(`${n}/QĐ-SKHCN`);
    const today = new Date();
    await form.getByLabel('Ngày quyết định').fill(`${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`);
    await form.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Quyết');
    await form.getByRole('button', { name: 'Lưu quyết định' }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Tải quyết định (DOCX)' }).click()]);
    const docx = path.join(dir, 'quyet-dinh.docx');
    await download.saveAs(docx);
    await run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 90_000 });
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(dir, 'quyet-dinh.pdf'), '-']);
    const text = stdout.replace(/\s+/g, ' ');
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'QUYẾT ĐỊNH', `Số: ${n}/QĐ-SKHCN`, 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', '100.000.000', 'Nguyễn Văn Quyết', 'Nơi nhận:']) {
      expect(text).toContain(s);
    }

    // The officer moves it to "supported" (the application's own page does it; here through the API), then records the certificate.
    const canbo = await apiAs('canbo');
    const detail = await canbo<{ version: number }>('GET', `/api/programme-applications/${appId}`);
    await canbo('POST', `/api/programme-applications/${appId}/transitions`, { action: 'support', version: detail.version });
    await page.reload();
    const cert = page.getByTestId('support-panel').getByRole('form', { name: 'Ghi nhận giấy chứng nhận' });
    await cert.getByLabel('Tiêu chuẩn').fill('ISO 22000:2018');
    await cert.getByLabel('Tổ chức chứng nhận').fill('Trung tâm Chứng nhận Phù hợp QUACERT');
    await cert.getByLabel('Số giấy chứng nhận').fill(`HT ${n}`);
    await cert.getByLabel('Ngày cấp').fill('15/03/2026');
    await cert.getByLabel('Ngày hết hạn').fill('14/03/2029');
    await cert.getByRole('button', { name: 'Ghi nhận giấy chứng nhận' }).click();
    await expect.poll(() => page.getByTestId('support-panel').textContent()).toContain(`HT ${n}`);
    expect(errors).toEqual([]);
  });

  it('the enterprise sees its decision and certificate', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'doanhnghiep');
    await page.goto(`${app.server.url}/support/applications/${appId}`);
    const panel = page.getByTestId('support-panel');
    await expect.poll(() => panel.textContent()).toContain(`${n}/QĐ-SKHCN`);
    expect(await panel.textContent()).toContain('ISO 22000:2018');
    expect(await panel.getByRole('button', { name: 'Lưu quyết định' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('selection and support (English UI)', () => {
  it('shows the ranking in English with English numbers', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await page.getByRole('group', { name: 'Ngôn ngữ' }).getByText('English').click();
    await page.goto(`${app.server.url}/support/calls/${callId}`);
    await page.getByRole('heading', { level: 1, name: `Ranking of applications: ${CALL}` }).waitFor();
    const row = tableRows(page).filter({ hasText: TITLE });
    expect(await row.textContent()).toContain('Selected');
    expect(await page.getByText('Ties broken by').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
