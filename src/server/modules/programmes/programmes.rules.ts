/**
 * Rule data of the programmes module, shipped as national defaults (a province replaces them with dated versions of
 * its own through POST /api/rules):
 *  - `workflow.programme_application`: the stages of an application and who moves it. The target days are the
 *    department's own service targets, illustrative: no legal document fixes them for support programmes.
 *  - `attachments.limits.programme_application`: PDF, images, DOCX and XLSX, with a size per kind (illustrative).
 */
import type { WorkflowDefinition } from '../../../shared/schemas/workflow.ts';
import type { AttachmentLimits } from '../../../shared/schemas/attachments.ts';
import type { NationalRuleInput } from '../rules/rules.service.ts';

export const APPLICATION_WORKFLOW = 'programme_application';
export const APPLICATION_SUBJECT = 'programme_application';

const t = (vi: string, en: string) => ({ vi, en });
const OFFICE = ['dost_officer', 'admin'] as const;

export const APPLICATION_DOCUMENT_LABELS = {
  application_form: t('Đơn đăng ký tham gia', 'Application form'),
  business_registration: t('Giấy chứng nhận đăng ký doanh nghiệp / hợp tác xã', 'Business or cooperative registration certificate'),
  financial_statement: t('Báo cáo tài chính năm gần nhất', 'Latest annual financial statement'),
  consulting_quote: t('Báo giá, hợp đồng tư vấn', 'Consulting quotation or contract'),
  product_photo: t('Hình ảnh sản phẩm, cơ sở', 'Photographs of products or premises'),
  addition: t('Hồ sơ bổ sung', 'Additional documents'),
  other: t('Tài liệu khác', 'Other document'),
};

export const APPLICATION_WORKFLOW_DEFINITION: WorkflowDefinition = {
  stages: [
    { key: 'received', name: t('Tiếp nhận, kiểm tra tính đầy đủ', 'Received, completeness check'), targetWorkingDays: 5, capabilities: { pausable: true } },
    { key: 'review', name: t('Thẩm định / hội đồng', 'Review / council'), targetWorkingDays: 20, capabilities: { pausable: true } },
    { key: 'decision', name: t('Chờ quyết định hỗ trợ', 'Awaiting the support decision'), targetWorkingDays: 10 },
    { key: 'supported', name: t('Được hỗ trợ, đang thực hiện', 'Supported, in progress'), targetDays: 365 },
    { key: 'completed', name: t('Hoàn thành', 'Completed'), terminal: true },
    { key: 'not_supported', name: t('Không được hỗ trợ', 'Not supported'), terminal: true },
    { key: 'withdrawn', name: t('Doanh nghiệp rút hồ sơ', 'Withdrawn by the applicant'), terminal: true },
  ],
  labels: {
    documents: APPLICATION_DOCUMENT_LABELS,
    fields: { reason: t('Lý do', 'Reason') },
  },
  transitions: [
    { action: 'refuse', name: t('Từ chối hồ sơ', 'Refuse the application'), from: ['received'], to: 'not_supported', roles: [...OFFICE], requiredFields: ['reason'] },
    { action: 'send_to_review', name: t('Chuyển thẩm định', 'Send to review'), from: ['received'], to: 'review', roles: [...OFFICE] },
    { action: 'conclude_review', name: t('Kết thúc thẩm định', 'Conclude the review'), from: ['review'], to: 'decision', roles: [...OFFICE] },
    { action: 'support', name: t('Quyết định hỗ trợ', 'Decide to support'), from: ['decision'], to: 'supported', roles: [...OFFICE, 'leader'] },
    { action: 'reject', name: t('Không hỗ trợ', 'Decide not to support'), from: ['decision'], to: 'not_supported', roles: [...OFFICE, 'leader'], requiredFields: ['reason'] },
    { action: 'complete', name: t('Ghi nhận hoàn thành', 'Record completion'), from: ['supported'], to: 'completed', roles: [...OFFICE] },
    { action: 'withdraw', name: t('Rút hồ sơ', 'Withdraw the application'), from: ['received', 'review'], to: 'withdrawn', roles: ['applicant'] },
  ],
};

/** Entering these stages is the decision on an application (its decided_at). */
export const DECISION_STAGES = new Set(['supported', 'not_supported']);

const MB = 1024 * 1024;
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMAGES = ['image/png', 'image/jpeg'] as const;

const limits: AttachmentLimits = {
  default: { maxBytes: 10 * MB, types: [PDF, DOCX, XLSX, ...IMAGES] },
  kinds: {
    application_form: { maxBytes: 10 * MB, types: [PDF, DOCX] },
    business_registration: { maxBytes: 5 * MB, types: [PDF, ...IMAGES] },
    financial_statement: { maxBytes: 10 * MB, types: [PDF, XLSX] },
    product_photo: { maxBytes: 5 * MB, types: [...IMAGES] },
  },
};

export const APPLICATION_ATTACHMENT_LIMITS = {
  effectiveFrom: '2020-03-05',
  legalBasis: 'Minh họa (illustrative): định dạng văn bản điện tử .pdf theo Nghị định 30/2020/NĐ-CP, Phụ lục I; '
    + 'các loại tệp khác và dung lượng tối đa do khcn đặt, không có văn bản quy định — tỉnh thay bằng quyết định của mình',
  value: limits,
};

export const PROGRAMME_NATIONAL_RULES: NationalRuleInput[] = [{
  key: `workflow.${APPLICATION_WORKFLOW}`,
  effectiveFrom: '2021-01-01',
  legalBasis: 'Minh họa (illustrative): trình tự tiếp nhận, thẩm định, quyết định hỗ trợ theo Thông tư 15/2022/TT-BKHCN '
    + '(Chương trình theo Quyết định 1322/QĐ-TTg); số ngày mục tiêu của từng bước là chỉ tiêu phục vụ của Sở, không phải thời hạn luật định',
  value: APPLICATION_WORKFLOW_DEFINITION,
  note: 'Số ngày mục tiêu minh họa; tỉnh ban hành quy trình của mình bằng phiên bản quy tắc mới.',
}];
