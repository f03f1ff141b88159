/**
 * National documents every installation starts with: the ones the seed articles, the domain brief and khcn's own
 * national rules cite (the task workflow's circulars, the STI law and its decrees, the Party resolutions behind the
 * provinces' programmes). Loaded by the module's reference loader, idempotently: a document whose number is already
 * in the national register is left as it is (an administrator's edits stay), and a relation is added once.
 *
 * Titles and dates are those the articles or the brief state, or that are certain; where not, the title is a
 * neutral description marked "tiêu đề minh hoạ" in the note, and the date is left empty for an administrator to
 * complete from the official text.
 */
import type { LegalDocType, LegalRelationKind } from '../../../shared/schemas/legal-documents.ts';

export interface NationalDocument {
  number: string;
  docType: LegalDocType;
  issuer: string;
  issuedOn: string | null;
  title: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  note?: string;
}

const ILLUSTRATIVE = 'Tiêu đề minh hoạ: bổ sung trích yếu theo văn bản chính thức.';
const BCH_TW = 'Ban Chấp hành Trung ương Đảng';
const BKHCN = 'Bộ Khoa học và Công nghệ';

export const NATIONAL_DOCUMENTS: NationalDocument[] = [
  // Party documents the provinces' programmes carry out (seeds 000 and 004).
  {
    number: '05-NQ/TW', docType: 'resolution', issuer: `${BCH_TW} (khóa XII)`, issuedOn: '2016-11-01',
    title: 'Về một số chủ trương, chính sách lớn nhằm tiếp tục đổi mới mô hình tăng trưởng, nâng cao chất lượng tăng trưởng, '
      + 'năng suất lao động, sức cạnh tranh của nền kinh tế',
  },
  {
    number: '20-NQ/TW', docType: 'resolution', issuer: `${BCH_TW} (khóa XI)`, issuedOn: '2012-11-01',
    title: 'Về phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế thị '
      + 'trường định hướng xã hội chủ nghĩa và hội nhập quốc tế',
  },
  {
    number: '69-KL/TW', docType: 'conclusion', issuer: 'Bộ Chính trị', issuedOn: '2024-01-11',
    title: 'Tiếp tục thực hiện Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng (khóa XI) về phát '
      + 'triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế thị trường định '
      + 'hướng xã hội chủ nghĩa và hội nhập quốc tế',
  },
  {
    number: '29-NQ/TW', docType: 'resolution', issuer: `${BCH_TW} (khóa XIII)`, issuedOn: null,
    title: 'Về tiếp tục đẩy mạnh công nghiệp hoá, hiện đại hoá đất nước đến năm 2030, tầm nhìn đến năm 2045',
  },
  {
    number: '45-NQ/TW', docType: 'resolution', issuer: `${BCH_TW} (khóa XIII)`, issuedOn: null,
    title: 'Về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền '
      + 'vững trong giai đoạn mới',
  },
  // Laws and decrees of science, technology and innovation (domain brief; the task workflow's regimes).
  {
    number: '29/2013/QH13', docType: 'law', issuer: 'Quốc hội', issuedOn: '2013-06-18', title: 'Luật Khoa học và công nghệ',
    effectiveFrom: '2014-01-01', effectiveTo: '2025-09-30',
  },
  {
    number: '93/2025/QH15', docType: 'law', issuer: 'Quốc hội', issuedOn: '2025-06-27',
    title: 'Luật Khoa học, công nghệ và đổi mới sáng tạo', effectiveFrom: '2025-10-01',
  },
  {
    number: '267/2025/NĐ-CP', docType: 'decree', issuer: 'Chính phủ', issuedOn: null,
    title: 'Quy định về chương trình, nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo; đánh giá nhiệm vụ sử dụng ngân sách '
      + 'nhà nước; chấp nhận rủi ro trong nghiên cứu', note: ILLUSTRATIVE,
  },
  {
    number: '265/2025/NĐ-CP', docType: 'decree', issuer: 'Chính phủ', issuedOn: '2025-10-14',
    title: 'Quy định về tài chính và đầu tư trong khoa học, công nghệ và đổi mới sáng tạo', note: ILLUSTRATIVE,
  },
  {
    number: '30/2020/NĐ-CP', docType: 'decree', issuer: 'Chính phủ', issuedOn: '2020-03-05', title: 'Về công tác văn thư',
  },
  // Circulars of the 2013 regime that tasks started before 01/10/2025 keep (the task workflow's legal basis).
  {
    number: '08/2017/TT-BKHCN', docType: 'circular', issuer: BKHCN, issuedOn: '2017-06-26',
    title: 'Quy định tuyển chọn, giao trực tiếp tổ chức, cá nhân thực hiện nhiệm vụ khoa học và công nghệ cấp quốc gia sử '
      + 'dụng ngân sách nhà nước',
  },
  {
    number: '20/2023/TT-BKHCN', docType: 'circular', issuer: BKHCN, issuedOn: null,
    title: 'Sửa đổi, bổ sung Thông tư số 08/2017/TT-BKHCN', note: ILLUSTRATIVE,
  },
  { number: '07/2014/TT-BKHCN', docType: 'circular', issuer: BKHCN, issuedOn: null, title: 'Thông tư của Bộ Khoa học và Công nghệ', note: ILLUSTRATIVE },
  { number: '11/2014/TT-BKHCN', docType: 'circular', issuer: BKHCN, issuedOn: null, title: 'Thông tư của Bộ Khoa học và Công nghệ', note: ILLUSTRATIVE },
  { number: '14/2014/TT-BKHCN', docType: 'circular', issuer: BKHCN, issuedOn: null, title: 'Thông tư của Bộ Khoa học và Công nghệ', note: ILLUSTRATIVE },
  { number: '11/2023/TT-BKHCN', docType: 'circular', issuer: BKHCN, issuedOn: null, title: 'Thông tư của Bộ Khoa học và Công nghệ', note: ILLUSTRATIVE },
  // The productivity and quality programme (seed 000, domain brief).
  {
    number: '712/QĐ-TTg', docType: 'decision', issuer: 'Thủ tướng Chính phủ', issuedOn: '2010-05-21',
    title: 'Phê duyệt Chương trình quốc gia "Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp Việt Nam đến năm 2020"',
  },
  {
    number: '1322/QĐ-TTg', docType: 'decision', issuer: 'Thủ tướng Chính phủ', issuedOn: '2020-08-31',
    title: 'Phê duyệt "Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 – 2030"',
  },
  {
    number: '15/2022/TT-BKHCN', docType: 'circular', issuer: BKHCN, issuedOn: '2022-10-12',
    title: 'Quy định quản lý Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030',
  },
  {
    number: '03/2021/TT-BKHCN', docType: 'circular', issuer: BKHCN, issuedOn: '2021-06-11',
    title: 'Thông tư của Bộ Khoa học và Công nghệ', note: ILLUSTRATIVE,
  },
];

/** [from, kind, to] by number: the relations the articles, the brief and the rules' citations state. */
export const NATIONAL_RELATIONS: [string, LegalRelationKind, string][] = [
  ['69-KL/TW', 'implements', '20-NQ/TW'],
  ['93/2025/QH15', 'replaces', '29/2013/QH13'],
  ['267/2025/NĐ-CP', 'implements', '93/2025/QH15'],
  ['265/2025/NĐ-CP', 'implements', '93/2025/QH15'],
  ['20/2023/TT-BKHCN', 'amends', '08/2017/TT-BKHCN'],
  ['11/2023/TT-BKHCN', 'replaces', '11/2014/TT-BKHCN'],
  ['11/2023/TT-BKHCN', 'replaces', '14/2014/TT-BKHCN'],
  ['15/2022/TT-BKHCN', 'implements', '1322/QĐ-TTg'],
];
