/**
 * A small example definition used by the tests (and as a pattern for real ones): a grant application that is
 * drafted, submitted, reviewed and decided, and may be revised after a rejection. Real definitions (e.g.
 * `workflow.st_task`) belong to their modules.
 */
import type { WorkflowDefinition } from '../../../shared/schemas/workflow.ts';

export const exampleGrantWorkflow = {
  stages: [
    { key: 'draft', name: { vi: 'Dự thảo hồ sơ', en: 'Draft' }, targetDays: 30 },
    { key: 'submitted', name: { vi: 'Đã nộp hồ sơ', en: 'Submitted' }, targetDays: 15 },
    { key: 'reviewed', name: { vi: 'Đã thẩm định', en: 'Reviewed' }, targetDays: 10 },
    { key: 'approved', name: { vi: 'Được phê duyệt', en: 'Approved' }, terminal: true },
    { key: 'rejected', name: { vi: 'Không được phê duyệt', en: 'Not approved' } },
  ],
  transitions: [
    { action: 'submit', name: { vi: 'Nộp hồ sơ', en: 'Submit' }, from: ['draft'], to: 'submitted',
      roles: ['applicant', 'dost_officer'], requiredDocuments: ['application_form'], requiredFields: ['title', 'hostOrganizationId'] },
    { action: 'review', name: { vi: 'Thẩm định', en: 'Review' }, from: ['submitted'], to: 'reviewed',
      roles: ['dost_officer'], requiredDocuments: ['appraisal_report'] },
    { action: 'return', name: { vi: 'Trả lại để bổ sung', en: 'Return for revision' }, from: ['submitted', 'reviewed'], to: 'draft',
      roles: ['dost_officer'] },
    { action: 'approve', name: { vi: 'Phê duyệt', en: 'Approve' }, from: ['reviewed'], to: 'approved',
      roles: ['leader'], requiredDocuments: ['approval_decision'] },
    { action: 'reject', name: { vi: 'Không phê duyệt', en: 'Reject' }, from: ['reviewed'], to: 'rejected', roles: ['leader'] },
    { action: 'revise', name: { vi: 'Đề xuất lại', en: 'Propose again' }, from: ['rejected'], to: 'draft',
      roles: ['applicant', 'dost_officer'], note: { vi: 'Đề xuất lại vào năm sau, giữ lịch sử.', en: 'Proposed again in a later year, history kept.' } },
  ],
  labels: {
    documents: {
      application_form: { vi: 'Đơn đăng ký', en: 'Application form' },
      appraisal_report: { vi: 'Báo cáo thẩm định', en: 'Appraisal report' },
      approval_decision: { vi: 'Quyết định phê duyệt', en: 'Approval decision' },
      budget_estimate: { vi: 'Dự toán kinh phí', en: 'Budget estimate' },
    },
    fields: {
      title: { vi: 'Tên hồ sơ', en: 'Title' },
      hostOrganizationId: { vi: 'Tổ chức chủ trì', en: 'Host organisation' },
    },
  },
} satisfies WorkflowDefinition;
