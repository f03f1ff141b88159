/**
 * Labels of the legal-document registry (types, relations both ways, scopes), and what a reference's type word and
 * symbol suggest: the registry's type code for "Quyết định" / "Decision", the issuing body and the scope of
 * "9737/QĐ-UBND" (a province's) or "93/2025/QH15" (national). Suggestions prefill a form; the officer decides.
 */
import { fold } from '../../lib/vi/fold.ts';
import type { LegalDocType, LegalRelationKind, LegalScope } from '../schemas/legal-documents.ts';
import type { Labels } from './labels.ts';

export const LEGAL_DOC_TYPE_LABELS: Labels<LegalDocType> = {
  law: { vi: 'Luật', en: 'Law' },
  ordinance: { vi: 'Pháp lệnh', en: 'Ordinance' },
  resolution: { vi: 'Nghị quyết', en: 'Resolution' },
  conclusion: { vi: 'Kết luận', en: 'Conclusion' },
  directive: { vi: 'Chỉ thị', en: 'Directive' },
  decree: { vi: 'Nghị định', en: 'Decree' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  circular: { vi: 'Thông tư', en: 'Circular' },
  joint_circular: { vi: 'Thông tư liên tịch', en: 'Joint circular' },
  programme: { vi: 'Chương trình', en: 'Programme' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  scheme: { vi: 'Đề án', en: 'Scheme' },
  regulation: { vi: 'Quy định', en: 'Regulation' },
  guidance: { vi: 'Hướng dẫn', en: 'Guidance' },
  notice: { vi: 'Thông báo', en: 'Notice' },
  official_letter: { vi: 'Công văn', en: 'Official letter' },
  report: { vi: 'Báo cáo', en: 'Report' },
  standard: { vi: 'Tiêu chuẩn', en: 'Standard' },
  technical_regulation: { vi: 'Quy chuẩn kỹ thuật', en: 'Technical regulation' },
  other: { vi: 'Khác', en: 'Other' },
};

/** "This document <kind> that one", read from the document that holds the relation. */
export const LEGAL_RELATION_LABELS: Labels<LegalRelationKind> = {
  implements: { vi: 'Triển khai thực hiện', en: 'Implements' },
  based_on: { vi: 'Căn cứ', en: 'Is based on' },
  amends: { vi: 'Sửa đổi, bổ sung', en: 'Amends' },
  replaces: { vi: 'Thay thế', en: 'Replaces' },
};

/** The same relation read from the other document: "that one is implemented by this". */
export const LEGAL_RELATION_INVERSE_LABELS: Labels<LegalRelationKind> = {
  implements: { vi: 'Được triển khai bởi', en: 'Implemented by' },
  based_on: { vi: 'Là căn cứ của', en: 'Basis of' },
  amends: { vi: 'Được sửa đổi, bổ sung bởi', en: 'Amended by' },
  replaces: { vi: 'Được thay thế bởi', en: 'Replaced by' },
};

export const LEGAL_SCOPE_LABELS: Labels<LegalScope> = {
  national: { vi: 'Trung ương', en: 'National' },
  province: { vi: 'Của tỉnh', en: "Province's own" },
};

/** The type words extractLegalRefs reports (vi and en) that are not the labels above, folded → code. */
const EXTRA_TYPE_WORDS: [string, LegalDocType][] = [
  ['Văn bản', 'official_letter'], ['Official Dispatch', 'official_letter'], ['Bộ luật', 'law'], ['Hiến pháp', 'law'],
  ['Code', 'law'], ['Constitution', 'law'], ['Program', 'programme'], ['Nghị quyết liên tịch', 'resolution'],
  ['Joint Resolution', 'resolution'], ['Quy chuẩn', 'technical_regulation'], ['Notification', 'notice'],
  ['Guideline', 'guidance'],
];

const TYPE_BY_WORD = new Map<string, LegalDocType>([
  ...(Object.entries(LEGAL_DOC_TYPE_LABELS) as [LegalDocType, { vi: string; en: string }][])
    .flatMap(([code, l]) => [[fold(l.vi), code], [fold(l.en), code]] as [string, LegalDocType][]),
  ...EXTRA_TYPE_WORDS.map(([word, code]) => [fold(word), code] as [string, LegalDocType]),
]);

/** The registry's type of a reference's type word ("Quyết định", "Decision", "Văn bản"…); `other` when unknown. */
export const docTypeOfRefType = (type: string): LegalDocType => TYPE_BY_WORD.get(fold(type)) ?? 'other';

/** Issuers named by the last part of a symbol, and whether that makes the document national. */
const ISSUERS: { test: RegExp; issuer: string; national: boolean }[] = [
  { test: /\/TW$/i, issuer: 'Ban Chấp hành Trung ương Đảng', national: true },
  { test: /\/QH\d*$/i, issuer: 'Quốc hội', national: true },
  { test: /\/UBTVQH\d*$/i, issuer: 'Ủy ban Thường vụ Quốc hội', national: true },
  { test: /-TTg$/i, issuer: 'Thủ tướng Chính phủ', national: true },
  { test: /-CP$/i, issuer: 'Chính phủ', national: true },
  { test: /-BKHCN$/i, issuer: 'Bộ Khoa học và Công nghệ', national: true },
  { test: /-B[A-ZĐ]{1,8}$/i, issuer: '', national: true },
  { test: /^(TCVN|QCVN)\b/i, issuer: '', national: true },
  { test: /\/TU$/i, issuer: 'Tỉnh ủy', national: false },
  { test: /-HĐND$|-HDND$/i, issuer: 'Hội đồng nhân dân tỉnh', national: false },
  { test: /-UBND$/i, issuer: 'Ủy ban nhân dân tỉnh', national: false },
  { test: /^\d+\/SKHCN\b|-SKHCN$/i, issuer: 'Sở Khoa học và Công nghệ', national: false },
];

/**
 * What a number's symbol suggests: the issuing body (null when the symbol does not say) and whether the document is
 * national (a Party central document, a law, a decree, a decision of the Prime Minister, a ministry's circular, a
 * national standard) or a province's (its Party committee, People's Council or Committee, departments).
 */
export function suggestFromNumber(number: string): { issuer: string | null; national: boolean } {
  const found = ISSUERS.find((i) => i.test.test(number));
  return { issuer: found?.issuer || null, national: found?.national ?? false };
}
