/**
 * Legal-basis citations in the reader's language. A rule's `legal_basis` is one Vietnamese text (rule_versions has
 * no English column), e.g. "Thông tư 08/2017/TT-BKHCN (sửa đổi bởi Thông tư 20/2023/TT-BKHCN)". In English the
 * kinds of document and the phrases the national rules use are translated — "Circular 08/2017/TT-BKHCN (amended by
 * Circular 20/2023/TT-BKHCN)" — and document numbers stay as they are. Wording this table does not know (a
 * province's own note) stays Vietnamese: the rule data has no English for it.
 */
import type { Lang } from '../i18n/messages.ts';

/** Longest first, so "phiếu đánh giá nhiệm vụ" wins over "phiếu đánh giá". Matched case-sensitively. */
const PHRASES: [string, string][] = [
  ['Luật Khoa học, công nghệ và đổi mới sáng tạo', 'Law on Science, Technology and Innovation'],
  ['xếp loại nghiệm thu Xuất sắc / Đạt / Không đạt', 'acceptance rating Excellent / Passed / Failed'],
  ['xếp loại Xuất sắc / Đạt / Không đạt', 'rating Excellent / Passed / Failed'],
  ['tuyển chọn, giao trực tiếp tổ chức, cá nhân chủ trì nhiệm vụ', 'selection or direct assignment of the host and the principal investigator'],
  ['chấm điểm hồ sơ tuyển chọn, giao trực tiếp', 'scoring of selection and direct-assignment dossiers'],
  ['thành phần và phiên họp hội đồng tư vấn', 'composition and meetings of advisory councils'],
  ['hội đồng tư vấn xác định nhiệm vụ', 'task identification councils'],
  ['hội đồng tư vấn: thành phần, phiên họp', 'advisory councils: composition, meetings'],
  ['đánh giá, nghiệm thu kết quả nhiệm vụ', 'evaluation and acceptance of task results'],
  ['điều kiện đề nghị thực hiện nhiệm vụ', 'conditions for recommending a task'],
  ['điều kiện được đề nghị', 'conditions for a recommendation'],
  ['phiếu đánh giá nhiệm vụ', 'task evaluation sheet'],
  ['mẫu phiếu đánh giá', 'evaluation sheet template'],
  ['phiếu đánh giá', 'evaluation sheet'],
  ['thẩm định kinh phí', 'budget appraisal'],
  ['nghỉ hằng tuần, nghỉ bù', 'weekly rest, compensatory days off'],
  ['thông báo lịch nghỉ lễ, Tết hằng năm của cơ quan có thẩm quyền', 'the yearly holiday notice of the competent authority'],
  ['nghỉ lễ, Tết', 'public holidays and Tết'],
  ['giá trị minh họa, không phải quy định pháp luật', 'illustrative value, not a legal rule'],
  ['định dạng văn bản điện tử', 'electronic document formats'],
  ['Minh họa (illustrative)', 'Illustrative'],
  ['minh họa', 'illustrative'],
  ['thử nghiệm', 'trial'],
  ['Bộ luật Lao động', 'Labour Code'],
  ['Luật KH&CN', 'Law on Science and Technology'],
  ['Nghị quyết', 'Resolution'],
  ['Nghị định', 'Decree'],
  ['Thông tư', 'Circular'],
  ['Quyết định', 'Decision'],
  ['Phụ lục', 'Appendix'],
  ['Điều', 'Article'],
  ['Khoản', 'Clause'],
  ['sửa đổi bởi', 'amended by'],
  ['thay bởi', 'replaced by'],
  ['của UBND tỉnh', 'of the Provincial People\'s Committee'],
  ['của tỉnh', 'of the province'],
  ['theo', 'under'],
  [' và ', ' and '],
];

/** The citation in `lang`: as stored in Vietnamese; in English with the known words translated. */
export function legalBasisText(text: string, lang: Lang): string {
  if (lang === 'vi' || !text) return text;
  let out = text;
  for (const [vi, en] of PHRASES) out = out.split(vi).join(en);
  return out;
}
