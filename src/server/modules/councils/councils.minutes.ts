/**
 * The minutes (biên bản) of a council's sitting, as an administrative document for the documents module: who sat
 * and who was absent or declared a conflict of interest (each with the organisation they work at, and the answers of
 * those flagged as likely in conflict), the rules applied with their legal basis, each dossier's sheets (paper sheets
 * entered for a member say so) and verdict, and the conclusion — none while the sitting could not conclude; signed by
 * the secretary and, for the council, by the presiding member.
 * A pure function of the council's data, so it is tested without a database.
 */
import { formatDate, formatDateLong, formatNumber } from '../../../lib/vi/format.ts';
import type { AdministrativeDocument, DocBlock, DocumentHeading } from '../../../shared/schemas/documents.ts';
import type { Council, CouncilMember, CouncilResults, DossierResult } from '../../../shared/schemas/councils.ts';
import { RATING_LABELS, COUNCIL_ROLE_LABELS, likelyConflictText, paperSheetText } from '../../../shared/labels/councils.ts';
import { documentFilename } from '../documents/documents.service.ts';

export interface MinutesInput {
  council: Council;
  members: CouncilMember[];
  results: CouncilResults;
  heading: DocumentHeading;
  /** The date of the minutes (yyyy-mm-dd). */
  date: string;
}

const n = (v: number | null) => (v === null ? '' : formatNumber(v));
const role = (m: CouncilMember) => COUNCIL_ROLE_LABELS[m.role].vi;

function membersTable(members: CouncilMember[]): DocBlock {
  return {
    type: 'table',
    columns: [
      { header: 'TT', width: 0.6, align: 'center' }, { header: 'Họ và tên', width: 3.4 }, { header: 'Đơn vị công tác', width: 3 },
      { header: 'Chức danh trong hội đồng', width: 2.2 }, { header: 'Tham dự', width: 1.8, align: 'center' },
    ],
    rows: members.map((m, i) => [
      i + 1, m.displayName, m.organizationName ?? '', role(m),
      m.conflictDeclared ? 'Xung đột lợi ích' : m.present ? 'Có mặt' : 'Vắng mặt',
    ]),
  };
}

function dossierBlocks(d: DossierResult, i: number, council: Council): DocBlock[] {
  const out: DocBlock[] = [{ type: 'heading', text: `${i + 1}. Hồ sơ: ${d.title}` }];
  if (council.evaluation === 'rating') {
    if (d.sheets.length) {
      out.push({
        type: 'table',
        columns: [{ header: 'TT', width: 0.6, align: 'center' }, { header: 'Thành viên', width: 5 }, { header: 'Xếp loại', width: 2, align: 'center' }],
        rows: d.sheets.map((s, k) => [k + 1, s.memberName, s.rating ? RATING_LABELS[s.rating].vi : '']),
      });
      const r = d.ratings!;
      out.push({ type: 'paragraph', text: `Số phiếu: Xuất sắc ${r.excellent}, Đạt ${r.passed}, Không đạt ${r.failed} (tổng ${d.count} phiếu hợp lệ).` });
    }
  } else if (d.sheets.length) {
    const criteria = council.rules.scoringSheet.value.criteria;
    out.push({
      type: 'table',
      fontSize: 11,
      columns: [
        { header: 'TT', width: 0.6, align: 'center' }, { header: 'Thành viên', width: 3.6 },
        ...criteria.map((c) => ({ header: `${c.name.vi} (${n(c.maxPoints)})`, width: 1.5, align: 'right' as const })),
        { header: 'Tổng điểm', width: 1.3, align: 'right' },
      ],
      rows: [
        ...d.sheets.map((s, k) => [k + 1, s.memberName, ...criteria.map((c) => n(s.scores?.[c.key] ?? null)), n(s.total)]),
        ['', 'Điểm trung bình', ...d.criteria.map((c) => n(c.average)), n(d.average)],
      ],
      totalRow: true,
    });
    const zeros = d.criteria.filter((c) => c.zeroCount > 0);
    if (zeros.length) {
      out.push({ type: 'paragraph', text: `Tiêu chí có thành viên cho 0 điểm: ${zeros.map((c) => `${c.name.vi} (${c.zeroCount}/${d.count} thành viên)`).join('; ')}.` });
    }
  }
  // Paper sheets, grouped by who entered them: "Phiếu giấy do thư ký nhập thay: TS A, TS B."
  for (const by of ['secretary', 'chair', 'staff'] as const) {
    const names = d.sheets.filter((x) => x.enteredAs === by).map((x) => x.memberName);
    if (names.length) out.push({ type: 'paragraph', text: `${capitalise(paperSheetText(by, 'vi'))}: ${names.join(', ')}.` });
  }
  if (d.excluded.length) {
    out.push({ type: 'paragraph', text: `Phiếu không tính do thành viên khai báo xung đột lợi ích: ${d.excluded.map((e) => e.memberName).join(', ')}.` });
  }
  if (d.missing.length) {
    out.push({ type: 'paragraph', text: `Thành viên được phân công chưa nộp phiếu: ${d.missing.map((e) => e.memberName).join(', ')}.` });
  }
  out.push({ type: 'paragraph', text: [{ text: 'Kết quả: ', bold: true }, { text: d.reason }] });
  return out;
}

const capitalise = (t: string) => t.charAt(0).toLocaleUpperCase('vi-VN') + t.slice(1);

/** No verdict while the sitting could not conclude (no members, below quorum, nobody presiding). */
const BLOCKERS = new Set(['no_members', 'no_quorum', 'no_presiding']);

function verdict(d: DossierResult): string {
  if (d.reasons.some((r) => BLOCKERS.has(r.code))) return 'Chưa đủ điều kiện kết luận';
  if (d.passed === null) return 'Chưa có kết quả';
  if (d.rating) return RATING_LABELS[d.rating].vi;
  return d.passed ? 'Đạt' : 'Không đạt';
}

/** The presiding member: the chair, else a vice-chair, present and without a conflict (else the chair as named). */
function presiding(members: CouncilMember[]) {
  const able = (m: CouncilMember) => m.present && !m.conflictDeclared;
  return members.find((m) => m.role === 'chair' && able(m)) ?? members.find((m) => m.role === 'vice_chair' && able(m))
    ?? members.find((m) => m.role === 'chair') ?? null;
}

export function buildCouncilMinutes({ council, members, results, heading, date }: MinutesInput): AdministrativeDocument {
  const present = members.filter((m) => m.present && !m.conflictDeclared);
  const absent = members.filter((m) => !m.present && !m.conflictDeclared);
  const conflicted = members.filter((m) => m.conflictDeclared);
  const rules = council.rules;
  const pass = rules.passRule.value;
  const sheet = rules.scoringSheet.value;
  const rated = council.evaluation === 'rating';
  const body: DocBlock[] = [];
  if (council.status !== 'closed') {
    body.push({ type: 'paragraph', align: 'center', italic: true, text: '(Dự thảo: hội đồng chưa kết thúc phiên họp)' });
  }
  if (council.decisionNo) {
    body.push({
      type: 'paragraph',
      text: `Căn cứ Quyết định số ${council.decisionNo}${council.decisionDate ? ` ngày ${formatDate(council.decisionDate)}` : ''} về việc thành lập ${council.name};`,
    });
  }
  body.push(
    { type: 'paragraph', text: [{ text: 'Thời gian: ', bold: true }, { text: council.meetingDate ? formatDateLong(council.meetingDate) : '…' }] },
    { type: 'paragraph', text: [{ text: 'Địa điểm: ', bold: true }, { text: council.location ?? '…' }] },
    { type: 'heading', text: 'I. THÀNH PHẦN THAM DỰ' },
    {
      type: 'paragraph',
      text: `${council.kindName.vi} gồm ${members.length} thành viên; có mặt ${present.length} thành viên không có xung đột lợi ích`
        + ` (yêu cầu tối thiểu ${results.quorum.required}, tức ${rules.composition.value.quorum.numerator}/${rules.composition.value.quorum.denominator} số thành viên);`
        + ` vắng mặt ${absent.length}; khai báo xung đột lợi ích ${conflicted.length}.`,
    },
    membersTable(members),
  );
  // Members flagged as likely in conflict (their organisation is the host's…) and how they answered; then the declared.
  const flagged = members.filter((m) => m.likelyConflicts.length && !m.conflictDeclared);
  if (conflicted.length || flagged.length) {
    body.push({
      type: 'list', style: 'dash',
      items: [
        ...flagged.map((m) => `${m.displayName} ${m.likelyConflicts.map((c) => likelyConflictText(c, 'vi')).join('; ')}: `
          + `${m.conflictStatus === 'none' ? 'đã xác nhận không có xung đột lợi ích' : 'chưa khai báo về xung đột lợi ích'}.`),
        ...conflicted.map((m) => `${m.displayName} khai báo xung đột lợi ích${m.conflictNote ? ` (${m.conflictNote})` : ''} và không tham gia đánh giá.`),
      ],
    });
  }
  body.push(
    { type: 'heading', text: 'II. NỘI DUNG VÀ CĂN CỨ ĐÁNH GIÁ' },
    {
      type: 'paragraph',
      text: rated
        ? `Hội đồng đánh giá ${results.dossiers.length} hồ sơ; mỗi thành viên xếp loại Xuất sắc, Đạt hoặc Không đạt. Kết quả là xếp loại được nhiều thành viên chọn nhất`
          + `${pass.acceptance.tieBreak === 'lower' ? ' (nếu số phiếu bằng nhau, lấy mức thấp hơn)' : ' (nếu số phiếu bằng nhau, lấy mức cao hơn)'}; căn cứ: ${results.passRule.legalBasis}.`
        : `Hội đồng đánh giá ${results.dossiers.length} hồ sơ theo phiếu đánh giá gồm các tiêu chí: `
          + `${sheet.criteria.map((c) => `${c.name.vi} (tối đa ${n(c.maxPoints)} điểm)`).join(', ')}; căn cứ: ${rules.scoringSheet.legalBasis}.`
          + ` Hồ sơ đạt khi điểm trung bình từ ${n(pass.minAverage)} điểm trở lên và không tiêu chí nào bị quá`
          + ` ${pass.maxZeroShare.numerator}/${pass.maxZeroShare.denominator} số thành viên cho 0 điểm; căn cứ: ${rules.passRule.legalBasis}.`,
    },
    { type: 'heading', text: 'III. KẾT QUẢ ĐÁNH GIÁ' },
    ...results.dossiers.flatMap((d, i) => dossierBlocks(d, i, council)),
    { type: 'heading', text: 'IV. KẾT LUẬN CỦA HỘI ĐỒNG' },
    {
      type: 'table',
      columns: [
        { header: 'TT', width: 0.6, align: 'center' }, { header: 'Hồ sơ', width: 5.4 },
        { header: rated ? 'Số phiếu hợp lệ' : 'Điểm trung bình', width: 1.6, align: 'right' },
        { header: 'Kết quả', width: 1.6, align: 'center' },
      ],
      rows: results.dossiers.map((d, i) => [i + 1, d.title, rated ? d.count : n(d.average), verdict(d)]),
    },
    { type: 'paragraph', text: 'Biên bản được lập tại phiên họp, đã được đọc lại và các thành viên hội đồng có mặt thống nhất thông qua.' },
  );

  const secretary = members.find((m) => m.role === 'secretary');
  const chair = presiding(members);
  return {
    governingBody: heading.governingBody,
    issuingAgency: heading.issuingAgency,
    number: council.minutesNo ?? `      /BB-${heading.symbol}`,
    place: heading.place,
    date,
    documentType: 'Biên bản',
    title: `Họp ${council.name}`,
    body,
    recipients: ['Lãnh đạo Sở (để báo cáo)', 'Thành viên hội đồng', 'Lưu: VT, hồ sơ hội đồng'],
    signers: [
      { title: 'Thư ký hội đồng', name: secretary?.displayName ?? null },
      { authority: 'TM. Hội đồng', title: chair?.role === 'vice_chair' ? 'Phó Chủ tịch' : 'Chủ tịch', name: chair?.displayName ?? null },
    ],
    fontSize: 14,
  };
}

/**
 * A file name for the minutes: "Biên bản <council name>.docx", without characters file systems refuse, a long name
 * cut at a word (`documentFilename`).
 */
export function minutesFilename(councilName: string): string {
  return documentFilename(`Biên bản ${councilName}`, 'docx');
}
