/**
 * The council minutes open in LibreOffice: the DOCX made by the documents module is converted to PDF with
 * `soffice --headless --convert-to pdf` and its text read back with `pdftotext`. Needs the Debian packages
 * libreoffice-writer-nogui, poppler-utils and fonts-liberation (Liberation Serif stands in for Times New Roman).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './fixture.ts';
import { renderAdministrativeDocument } from '../../src/server/modules/documents/documents.service.ts';
import { buildCouncilMinutes } from '../../src/server/modules/councils/councils.minutes.ts';
import { aggregateScores } from '../../src/server/modules/councils/councils.scoring.ts';
import { reasonText } from '../../src/server/modules/councils/councils.service.ts';
import { NATIONAL_DEFAULTS } from '../../src/server/modules/councils/councils.rules.ts';
import {
  CompositionRule, PassRule, ScoringSheetRule, type Council, type CouncilMember, type CouncilResults, type MemberRole,
} from '../../src/shared/schemas/councils.ts';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'khcn-docs-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A closed selection council of seven, as the councils module would hand it to the minutes. */
function closedCouncil() {
  const sheet = ScoringSheetRule.parse(NATIONAL_DEFAULTS.scoringSheet);
  const pass = PassRule.parse(NATIONAL_DEFAULTS.passRule);
  const ref = <T>(value: T) => ({ ruleVersionId: id(99), legalBasis: 'Thông tư 08/2017/TT-BKHCN (mẫu phiếu đánh giá)', effectiveFrom: '2017-08-10', value });
  const council: Council = {
    id: id(1), subjectType: 'task', subjectId: id(2), kind: 'selection',
    kindName: { vi: 'Hội đồng tư vấn tuyển chọn, giao trực tiếp', en: 'Selection council' }, evaluation: 'scoring',
    name: 'Hội đồng tư vấn tuyển chọn nhiệm vụ KH&CN cấp tỉnh năm 2026', decisionNo: '45/QĐ-SKHCN', decisionDate: '2026-02-20',
    meetingDate: '2026-03-05', location: 'Phòng họp Sở Khoa học và Công nghệ tỉnh Tây Ninh', minutesNo: '12/BB-SKHCN', note: null,
    status: 'closed',
    rules: { onDate: '2026-03-05', scoringSheet: ref(sheet), composition: ref(CompositionRule.parse(NATIONAL_DEFAULTS.composition)), passRule: ref(pass) },
    memberCount: 7, dossierCount: 1, openedAt: '2026-03-05T01:00:00.000Z', closedAt: '2026-03-05T04:00:00.000Z', version: 3,
    createdAt: '2026-02-20T01:00:00.000Z', updatedAt: '2026-03-05T04:00:00.000Z',
  };
  const people: [string, MemberRole][] = [
    ['PGS.TS Nguyễn Văn An', 'chair'], ['TS Trần Thị Bình', 'vice_chair'], ['ThS Lê Hoàng Cường', 'secretary'],
    ['TS Phạm Thị Dung', 'reviewer'], ['TS Hoàng Văn Em', 'reviewer'], ['KS Võ Thị Phương', 'member'], ['TS Đặng Quốc Giang', 'member'],
  ];
  const members: CouncilMember[] = people.map(([displayName, role], i) => ({
    id: id(10 + i), personId: id(20 + i), fullName: displayName.replace(/^\S+ /, ''), displayName,
    organizationId: id(40), organizationName: 'Trường Đại học Cần Thơ', role, userId: null, present: true,
    conflictStatus: i === 6 ? 'declared' : 'none', likelyConflicts: [], conflictDeclared: i === 6, conflictNote: i === 6 ? 'Là thành viên tổ chức chủ trì' : null, declaredAt: i === 6 ? '2026-03-05T01:00:00.000Z' : null,
  }));
  const scores = [[18, 25, 25, 15], [16, 24, 22, 12], [15, 20, 20, 10], [20, 28, 27, 0], [17, 22, 23, 0], [19, 26, 24, 16]]
    .map(([necessity, feasibility, effectiveness, replicability]) => ({ necessity, feasibility, effectiveness, replicability }));
  const agg = aggregateScores(sheet, pass, scores);
  const results: CouncilResults = {
    councilId: council.id, kind: 'selection', kindName: council.kindName, evaluation: 'scoring', status: 'closed',
    quorum: { members: 7, eligiblePresent: 6, required: 5, met: true, presidingPresent: true, presidingRequired: true, canConclude: true },
    passRule: { legalBasis: 'Thông tư 08/2017/TT-BKHCN', value: pass },
    dossiers: [{
      dossierId: id(30), title: 'Ứng dụng máy sấy bơm nhiệt trong sấy hoa hồi tại Lạng Sơn', subjectType: 'task', subjectId: id(2),
      sheets: scores.map((sc, i) => ({ memberId: members[i].id, memberName: members[i].displayName, role: members[i].role, scores: sc, total: agg.totals[i], rating: null, comment: null, enteredAs: 'self' as const })),
      missing: [], excluded: [], count: agg.count, average: agg.average, criteria: agg.criteria, ratings: null, rating: null,
      passed: agg.passed, reasons: agg.reasons, reason: reasonText('vi', agg.reasons),
    }],
  };
  return { council, members, results };
}

describe('council minutes in LibreOffice', () => {
  it('converts to a PDF whose text carries the motto, the title, the results and the signers', async () => {
    const { council, members, results } = closedCouncil();
    const docx = await renderAdministrativeDocument(buildCouncilMinutes({
      council, members, results, date: '2026-03-05',
      heading: { governingBody: 'UBND TỈNH TÂY NINH', issuingAgency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', place: 'Tây Ninh', symbol: 'SKHCN' },
    }));
    const file = path.join(dir, 'bien-ban.docx');
    await writeFile(file, docx);
    // A private LibreOffice profile, so a user's running office or a parallel run cannot interfere.
    await run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 90_000 });
    const pdf = path.join(dir, 'bien-ban.pdf');
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    const { stdout: text } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'UBND TỈNH TÂY NINH', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'Số: 12/BB-SKHCN', 'Tây Ninh, ngày 05 tháng 3 năm 2026', 'BIÊN BẢN', 'Họp Hội đồng tư vấn tuyển chọn nhiệm vụ KH&CN cấp tỉnh',
      'Ứng dụng máy sấy bơm nhiệt trong sấy hoa hồi tại Lạng Sơn', 'Điểm trung bình', 'Đạt: điểm trung bình 74 ≥ 70',
      'THƯ KÝ HỘI ĐỒNG', 'TM. HỘI ĐỒNG', 'CHỦ TỊCH', 'PGS.TS Nguyễn Văn An', 'ThS Lê Hoàng Cường', 'Nơi nhận:',
    ]) expect(flat).toContain(expected);
    // A4 pages, in a Times New Roman–compatible serif face.
    const { stdout: info } = await run('pdfinfo', [pdf]);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    const { stdout: fonts } = await run('pdffonts', [pdf]);
    expect(fonts).toMatch(/Times|Serif/);
  });

  it('opens the minutes the running server serves for a demo council', async () => {
    const server = await startServer();
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo', password: 'khcn-demo-2026' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const councils = await (await fetch(`${server.url}/api/councils?status=closed&limit=5`, { headers: { cookie } })).json();
      const council = councils.items[0];
      expect(council).toBeDefined();
      const res = await fetch(`${server.url}/api/councils/${council.id}/minutes.docx`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('wordprocessingml');
      const file = path.join(dir, 'server-minutes.docx');
      await writeFile(file, Buffer.from(await res.arrayBuffer()));
      await run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 90_000 });
      const { stdout: text } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(dir, 'server-minutes.pdf'), '-']);
      const flat = text.replace(/\s+/g, ' ');
      for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'BIÊN BẢN', 'Nơi nhận:']) {
        expect(flat).toContain(expected);
      }
      // The council's own name, as the minutes title or body carries it (line breaks folded away).
      expect(flat.replace(/ /g, '')).toContain(council.name.replace(/\s+/g, ''));
    } finally {
      await server.stop();
    }
  });
});
