/**
 * The words of the audit log in both languages: what was done (`open` → "Mở hội đồng"), to what (`council_sheet` →
 * "Phiếu đánh giá") and which field changed (`stateBudget` → "Ngân sách nhà nước"). The server's read model
 * (src/server/modules/audit/audit.present.ts) words every entry with them, for the page and the XLSX export alike.
 * An action, entity or field not listed here (a newer module's) is shown humanised from its key.
 */
import type { Lang } from '../i18n/messages.ts';
import type { LocalizedText } from '../schemas/common.ts';
import type { Labels } from './labels.ts';

export const AUDIT_ACTION_LABELS: Labels<string> = {
  create: { vi: 'Thêm mới', en: 'Created' },
  update: { vi: 'Sửa', en: 'Edited' },
  delete: { vi: 'Xóa', en: 'Deleted' },
  login: { vi: 'Đăng nhập', en: 'Signed in' },
  logout: { vi: 'Đăng xuất', en: 'Signed out' },
  revoke: { vi: 'Thu hồi', en: 'Revoked' },
  reset_password: { vi: 'Đặt mật khẩu mới', en: 'Password reset' },
  open: { vi: 'Mở hội đồng', en: 'Council opened' },
  close: { vi: 'Kết thúc', en: 'Closed' },
  start: { vi: 'Bắt đầu quy trình', en: 'Workflow started' },
  transition: { vi: 'Chuyển bước', en: 'Moved to a new stage' },
  clock_stop: { vi: 'Tạm dừng tính thời hạn', en: 'Stage clock stopped' },
  clock_resume: { vi: 'Tính tiếp thời hạn', en: 'Stage clock resumed' },
  attach: { vi: 'Đính kèm tệp', en: 'File attached' },
  detach: { vi: 'Gỡ tệp đính kèm', en: 'File removed' },
  assign: { vi: 'Phân công thành viên', en: 'Members assigned' },
  presence: { vi: 'Điểm danh', en: 'Attendance' },
  declare_conflict: { vi: 'Khai báo xung đột lợi ích', en: 'Conflict of interest declared' },
  withdraw_conflict: { vi: 'Rút khai báo xung đột', en: 'Conflict declaration withdrawn' },
  declare_no_conflict: { vi: 'Xác nhận không có xung đột lợi ích', en: 'No conflict of interest confirmed' },
  submit: { vi: 'Nộp', en: 'Submitted' },
  relate: { vi: 'Liên kết văn bản', en: 'Documents related' },
  unrelate: { vi: 'Gỡ liên kết văn bản', en: 'Document relation removed' },
  council_outcome: { vi: 'Ghi kết quả hội đồng', en: 'Council outcome recorded' },
  replicate: { vi: 'Ghi nhận nhân rộng', en: 'Replication recorded' },
  progress_check: { vi: 'Kiểm tra tiến độ', en: 'Progress check' },
  progress_extension: { vi: 'Gia hạn', en: 'Extension' },
  progress_adjustment: { vi: 'Điều chỉnh', en: 'Adjustment' },
};

export const AUDIT_ENTITY_LABELS: Labels<string> = {
  organization: { vi: 'Tổ chức', en: 'Organisation' },
  person: { vi: 'Chuyên gia', en: 'Person' },
  user: { vi: 'Tài khoản', en: 'Account' },
  api_token: { vi: 'Mã truy cập API', en: 'API token' },
  tenant: { vi: 'Tỉnh', en: 'Province' },
  agency: { vi: 'Cơ quan, đơn vị', en: 'Agency' },
  admin_unit: { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  rule_version: { vi: 'Quy định áp dụng', en: 'Rule' },
  task: { vi: 'Nhiệm vụ KH&CN', en: 'S&T task' },
  council: { vi: 'Hội đồng', en: 'Council' },
  council_member: { vi: 'Thành viên hội đồng', en: 'Council member' },
  council_dossier: { vi: 'Hồ sơ trình hội đồng', en: 'Council dossier' },
  council_sheet: { vi: 'Phiếu đánh giá', en: 'Evaluation sheet' },
  attachment: { vi: 'Tệp đính kèm', en: 'Attached file' },
  inbox_item: { vi: 'Thông báo', en: 'Notice' },
  task_disbursement: { vi: 'Cấp phát kinh phí', en: 'Disbursement' },
  legal_document: { vi: 'Văn bản', en: 'Legal document' },
  legal_document_relation: { vi: 'Liên kết văn bản', en: 'Document relation' },
};

/** Field labels every entity shares; `AUDIT_ENTITY_FIELD_LABELS` overrides them per entity. */
export const AUDIT_FIELD_LABELS: Labels<string> = {
  name: { vi: 'Tên', en: 'Name' },
  shortName: { vi: 'Tên viết tắt', en: 'Short name' },
  title: { vi: 'Tên', en: 'Title' },
  code: { vi: 'Mã số', en: 'Code' },
  kind: { vi: 'Loại', en: 'Kind' },
  type: { vi: 'Loại hình', en: 'Type' },
  level: { vi: 'Cấp quản lý', en: 'Level' },
  note: { vi: 'Ghi chú', en: 'Note' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  website: { vi: 'Trang thông tin điện tử', en: 'Website' },
  taxCode: { vi: 'Mã số thuế', en: 'Tax code' },
  adminUnitId: { vi: 'Xã, phường, đặc khu', en: 'Commune or ward' },
  scienceField: { vi: 'Lĩnh vực KH&CN', en: 'S&T field' },
  isStEnterprise: { vi: 'Doanh nghiệp KH&CN', en: 'S&T enterprise' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  displayName: { vi: 'Họ tên hiển thị', en: 'Display name' },
  academicTitle: { vi: 'Chức danh', en: 'Academic title' },
  degree: { vi: 'Học vị', en: 'Degree' },
  position: { vi: 'Chức vụ', en: 'Position' },
  expertise: { vi: 'Chuyên môn', en: 'Expertise' },
  isExpert: { vi: 'Chuyên gia tư vấn, phản biện', en: 'Advisory expert' },
  organizationId: { vi: 'Tổ chức', en: 'Organisation' },
  personId: { vi: 'Chuyên gia', en: 'Person' },
  userId: { vi: 'Tài khoản', en: 'Account' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  role: { vi: 'Vai trò', en: 'Role' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  agencyId: { vi: 'Cơ quan, đơn vị', en: 'Agency' },
  parentId: { vi: 'Thuộc cơ quan', en: 'Part of' },
  validFrom: { vi: 'Hiệu lực từ ngày', en: 'In force from' },
  validTo: { vi: 'Hết hiệu lực sau ngày', en: 'In force until' },
  expiresAt: { vi: 'Hết hạn', en: 'Expires' },
  sessionsEnded: { vi: 'Số phiên đăng nhập đã kết thúc', en: 'Sessions ended' },
  tokensRevoked: { vi: 'Số mã API đã thu hồi', en: 'API tokens revoked' },
  // tasks
  stage: { vi: 'Bước', en: 'Stage' },
  action: { vi: 'Thao tác', en: 'Action' },
  legalBasis: { vi: 'Căn cứ', en: 'Legal basis' },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  objectives: { vi: 'Mục tiêu', en: 'Objectives' },
  hostOrganizationId: { vi: 'Tổ chức chủ trì', en: 'Host organisation' },
  principalInvestigatorId: { vi: 'Chủ nhiệm nhiệm vụ', en: 'Principal investigator' },
  assignmentMode: { vi: 'Phương thức giao', en: 'Assignment mode' },
  fundingMode: { vi: 'Phương thức khoán chi', en: 'Funding mode' },
  proposalYear: { vi: 'Năm đề xuất', en: 'Proposal year' },
  regimeDate: { vi: 'Ngày áp dụng quy trình', en: 'Regime date' },
  startDate: { vi: 'Ngày bắt đầu', en: 'Start date' },
  endDate: { vi: 'Ngày kết thúc', en: 'End date' },
  newEndDate: { vi: 'Ngày kết thúc mới', en: 'New end date' },
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  percentComplete: { vi: 'Tiến độ (%)', en: 'Progress (%)' },
  identificationPassed: { vi: 'Qua xác định nhiệm vụ', en: 'Identification passed' },
  selectionPassed: { vi: 'Qua tuyển chọn', en: 'Selection passed' },
  acceptanceRating: { vi: 'Xếp loại nghiệm thu', en: 'Acceptance rating' },
  previousTaskId: { vi: 'Nhiệm vụ trước', en: 'Previous task' },
  stageEnteredAt: { vi: 'Thời điểm vào bước', en: 'Entered the stage at' },
  targetDays: { vi: 'Số ngày theo kế hoạch', en: 'Target days' },
  stateBudgetTotal: { vi: 'Tổng ngân sách nhà nước', en: 'State budget, total' },
  counterpartTotal: { vi: 'Tổng kinh phí đối ứng', en: 'Counterpart funding, total' },
  counterpartShare: { vi: 'Tỷ lệ kinh phí đối ứng (%)', en: 'Counterpart share (%)' },
  unit: { vi: 'Đơn vị tính', en: 'Unit' },
  quantity: { vi: 'Số lượng', en: 'Quantity' },
  documents: { vi: 'Tài liệu', en: 'Documents' },
  funding: { vi: 'Kinh phí', en: 'Funding' },
  year: { vi: 'Năm', en: 'Year' },
  stateBudget: { vi: 'Ngân sách nhà nước', en: 'State budget' },
  counterpart: { vi: 'Kinh phí đối ứng', en: 'Counterpart funding' },
  members: { vi: 'Thành viên', en: 'Members' },
  products: { vi: 'Sản phẩm', en: 'Products' },
  specification: { vi: 'Yêu cầu kỹ thuật', en: 'Specification' },
  participants: { vi: 'Tổ chức tham gia', en: 'Participating organisations' },
  place: { vi: 'Nơi nhân rộng', en: 'Place' },
  scale: { vi: 'Quy mô', en: 'Scale' },
  adopterName: { vi: 'Đơn vị ứng dụng', en: 'Adopter' },
  adopterOrganizationId: { vi: 'Tổ chức ứng dụng', en: 'Adopting organisation' },
  passed: { vi: 'Đạt', en: 'Passed' },
  rating: { vi: 'Xếp loại', en: 'Rating' },
  reason: { vi: 'Lý do', en: 'Reason' },
  fileName: { vi: 'Tên tệp', en: 'File name' },
  contentType: { vi: 'Định dạng', en: 'File type' },
  size: { vi: 'Dung lượng', en: 'Size' },
  // councils
  councilId: { vi: 'Hội đồng', en: 'Council' },
  memberId: { vi: 'Thành viên', en: 'Member' },
  memberIds: { vi: 'Thành viên được phân công', en: 'Assigned members' },
  dossierId: { vi: 'Hồ sơ', en: 'Dossier' },
  subjectId: { vi: 'Đối tượng', en: 'Subject' },
  subjectType: { vi: 'Loại đối tượng', en: 'Subject type' },
  decisionNo: { vi: 'Số quyết định', en: 'Decision number' },
  decisionDate: { vi: 'Ngày quyết định', en: 'Decision date' },
  meetingDate: { vi: 'Ngày họp', en: 'Meeting date' },
  location: { vi: 'Địa điểm', en: 'Location' },
  status: { vi: 'Trạng thái', en: 'Status' },
  rules: { vi: 'Quy định áp dụng', en: 'Rules applied' },
  results: { vi: 'Kết quả', en: 'Results' },
  present: { vi: 'Có mặt', en: 'Present' },
  conflictDeclared: { vi: 'Có xung đột lợi ích', en: 'Conflict of interest' },
  conflictStatus: { vi: 'Xung đột lợi ích', en: 'Conflict of interest' },
  conflictNote: { vi: 'Giải trình xung đột', en: 'Conflict note' },
  declaredAt: { vi: 'Thời điểm khai báo', en: 'Declared at' },
  sheetCount: { vi: 'Số phiếu', en: 'Sheets' },
  scores: { vi: 'Điểm', en: 'Scores' },
  total: { vi: 'Tổng điểm', en: 'Total' },
  comment: { vi: 'Nhận xét', en: 'Comment' },
  enteredBy: { vi: 'Người nhập phiếu', en: 'Entered by' },
  submittedAt: { vi: 'Thời điểm nộp', en: 'Submitted at' },
  onDate: { vi: 'Áp dụng theo ngày', en: 'Rules as of' },
  openedAt: { vi: 'Thời điểm mở', en: 'Opened at' },
  closedAt: { vi: 'Thời điểm kết thúc', en: 'Closed at' },
  minutesNo: { vi: 'Số biên bản', en: 'Minutes number' },
  evaluation: { vi: 'Cách đánh giá', en: 'Evaluation' },
  memberCount: { vi: 'Số thành viên', en: 'Members' },
  dossierCount: { vi: 'Số hồ sơ', en: 'Dossiers' },
  quorum: { vi: 'Số lượng tối thiểu', en: 'Quorum' },
  met: { vi: 'Đủ', en: 'Met' },
  required: { vi: 'Số cần có', en: 'Required' },
  eligiblePresent: { vi: 'Thành viên hợp lệ có mặt', en: 'Eligible members present' },
  presidingPresent: { vi: 'Chủ tịch hoặc phó chủ tịch có mặt', en: 'Chair or vice-chair present' },
  presidingRequired: { vi: 'Cần chủ tịch hoặc phó chủ tịch', en: 'Chair or vice-chair required' },
  canConclude: { vi: 'Có thể kết luận', en: 'Can conclude' },
  passRule: { vi: 'Điều kiện đạt', en: 'Pass rule' },
  scoringSheet: { vi: 'Phiếu đánh giá', en: 'Scoring sheet' },
  composition: { vi: 'Thành phần hội đồng', en: 'Composition' },
  dossiers: { vi: 'Hồ sơ', en: 'Dossiers' },
  count: { vi: 'Số lượng', en: 'Count' },
  subjectTitle: { vi: 'Đối tượng', en: 'Subject' },
  // rules
  key: { vi: 'Khóa quy định', en: 'Rule key' },
  effectiveFrom: { vi: 'Hiệu lực từ ngày', en: 'In force from' },
  effectiveTo: { vi: 'Hiệu lực đến ngày', en: 'In force until' },
  value: { vi: 'Giá trị', en: 'Value' },
};

/** Where one entity's field means something else than the shared label says. */
export const AUDIT_ENTITY_FIELD_LABELS: Record<string, Labels<string>> = {
  organization: { name: { vi: 'Tên tổ chức', en: 'Name' }, kind: { vi: 'Loại hình', en: 'Kind' } },
  person: { organizationId: { vi: 'Cơ quan công tác', en: 'Organisation' } },
  user: { organizationId: { vi: 'Tổ chức (tài khoản doanh nghiệp)', en: 'Organisation (enterprise account)' } },
  agency: { name: { vi: 'Tên đầy đủ', en: 'Full name' } },
  task: { title: { vi: 'Tên nhiệm vụ', en: 'Title' }, kind: { vi: 'Loại', en: 'Kind' } },
  council: { name: { vi: 'Tên hội đồng', en: 'Name' }, kind: { vi: 'Loại hội đồng', en: 'Kind' } },
  council_dossier: { title: { vi: 'Tên hồ sơ', en: 'Title' }, position: { vi: 'Thứ tự', en: 'Order' } },
  council_member: { role: { vi: 'Vai trò trong hội đồng', en: 'Role on the council' } },
};

/** `clock_resume` → "Clock resume" for a key no table names. */
export function humanise(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const named = (labels: Labels<string>, key: string): LocalizedText | undefined => (labels as Record<string, LocalizedText | undefined>)[key];
const fallback = (key: string): LocalizedText => ({ vi: humanise(key), en: humanise(key) });

export const auditActionLabel = (action: string): LocalizedText => named(AUDIT_ACTION_LABELS, action) ?? fallback(action);
export const auditEntityLabel = (entity: string): LocalizedText => named(AUDIT_ENTITY_LABELS, entity) ?? fallback(entity);
/** A field's label: the entity's own, the shared one, else `otherwise` (a workflow definition's), else its key. */
export function auditFieldLabel(entity: string, field: string, otherwise?: LocalizedText): LocalizedText {
  const own = AUDIT_ENTITY_FIELD_LABELS[entity];
  return (own && named(own, field)) ?? named(AUDIT_FIELD_LABELS, field) ?? otherwise ?? fallback(field);
}

/** The options of the audit page's "what" filters, in label order of the language. */
export const auditOptions = (labels: Labels<string>, lang: Lang) =>
  Object.entries(labels).map(([value, l]) => ({ value, label: l[lang] })).sort((a, b) => a.label.localeCompare(b.label, lang));
