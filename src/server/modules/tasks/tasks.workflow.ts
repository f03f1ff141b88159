/**
 * The S&T task workflow (`workflow.st_task`) shipped as national default DATA: loaded into rule_versions by
 * loadTaskRules (a reference loader) and from then on edited like any rule — a province adds its own dated version
 * (POST /api/rules) with its own decision as the legal basis; nothing here is read at run time except through
 * resolveRule. Two regimes:
 *  - tasks proposed before 01/10/2025 follow the 2013 S&T Law's circulars;
 *  - from 01/10/2025 the STI Law 93/2025/QH15 and Decree 267/2025/NĐ-CP: here modelled as requiring the final
 *    products to be specified before the approval decision (khoán chi đến sản phẩm cuối cùng).
 * Target days per stage are the department's own service targets (what the dashboard flags as overdue), not legal
 * deadlines; a province changes them with a new rule version.
 */
import type { StageCapabilities, WorkflowDefinition } from '../../../shared/schemas/workflow.ts';
import type { NationalRuleInput } from '../rules/rules.service.ts';

export const TASK_WORKFLOW = 'st_task';

const t = (vi: string, en: string) => ({ vi, en });
const OFFICE = ['dost_officer', 'admin'] as const;

/**
 * What a task may receive in a stage (read through capabilitiesOf, never by stage key in the service): progress
 * checks and extensions during implementation, replication records once the result is registered, a re-proposal
 * after a refusal; accepted tasks are public; a refused or failed task is closed (the replication stage is terminal
 * but still takes records). Shipped in the definitions below and registered as the defaults for stored
 * definitions without them; migration 0042 wrote the same into the definitions stored before it (a test keeps
 * the three in step).
 */
export const TASK_STAGE_CAPABILITIES = {
  implementation: { allows: ['progress', 'extension'] },
  result_registration: { allows: ['replication'], public: true },
  replication: { allows: ['replication'], public: true, closes: false },
  not_approved: { allows: ['repropose'], closes: true },
  not_accepted: { closes: true },
} satisfies Record<string, StageCapabilities>;

/**
 * Which task field a closed council's result fills, by the council kind: the verdict (passed or not) or the
 * acceptance rating (from a council that scored instead — a province may make it so — Đạt / Không đạt by its
 * verdict). The workflow's requiredFields then read these fields. A kind not listed records nothing on the task.
 */
export const TASK_COUNCIL_OUTCOMES: Readonly<Record<string, { field: 'identificationPassed' | 'selectionPassed' | 'acceptanceRating'; value: 'verdict' | 'rating' }>> = {
  identification: { field: 'identificationPassed', value: 'verdict' },
  selection: { field: 'selectionPassed', value: 'verdict' },
  acceptance: { field: 'acceptanceRating', value: 'rating' },
};

const withCapabilities = (s: WorkflowDefinition['stages'][number]) =>
  (s.key in TASK_STAGE_CAPABILITIES ? { ...s, capabilities: TASK_STAGE_CAPABILITIES[s.key as keyof typeof TASK_STAGE_CAPABILITIES] } : s);

const stages: WorkflowDefinition['stages'] = ([
  { key: 'proposal', name: t('Đề xuất nhiệm vụ', 'Proposal'), targetDays: 60 },
  { key: 'identification', name: t('Hội đồng tư vấn xác định nhiệm vụ', 'Identification council'), targetDays: 45 },
  { key: 'approved_list', name: t('Danh mục được phê duyệt', 'Approved list'), targetDays: 30 },
  { key: 'call_or_order', name: t('Thông báo tuyển chọn / đặt hàng', 'Call or order'), targetDays: 30 },
  { key: 'application', name: t('Hồ sơ đăng ký', 'Application dossier'), targetDays: 45 },
  { key: 'selection', name: t('Hội đồng tuyển chọn, giao trực tiếp', 'Selection or direct-assignment council'), targetDays: 30 },
  { key: 'budget_appraisal', name: t('Thẩm định kinh phí', 'Budget appraisal'), targetDays: 30 },
  { key: 'approval', name: t('Quyết định phê duyệt', 'Approval decision'), targetDays: 20 },
  { key: 'contract', name: t('Ký hợp đồng', 'Contract'), targetDays: 15 },
  { key: 'implementation', name: t('Thực hiện, kiểm tra định kỳ', 'Implementation and progress checks'), targetDays: 730 },
  { key: 'acceptance', name: t('Hội đồng nghiệm thu', 'Acceptance council'), targetDays: 60 },
  { key: 'result_registration', name: t('Đăng ký kết quả', 'Result registration'), targetDays: 30 },
  { key: 'replication', name: t('Ứng dụng, chuyển giao, nhân rộng', 'Application, transfer and replication'), terminal: true },
  { key: 'not_approved', name: t('Không được phê duyệt', 'Not approved'), terminal: true },
  { key: 'not_accepted', name: t('Nghiệm thu không đạt', 'Not accepted'), terminal: true },
] satisfies WorkflowDefinition['stages']).map(withCapabilities);

const labels: NonNullable<WorkflowDefinition['labels']> = {
  documents: {
    proposal_form: t('Phiếu đề xuất nhiệm vụ', 'Proposal form'),
    application_dossier: t('Hồ sơ đăng ký tuyển chọn, giao trực tiếp', 'Application dossier'),
    budget_appraisal_minutes: t('Biên bản thẩm định kinh phí', 'Budget appraisal minutes'),
    approval_decision: t('Quyết định phê duyệt nhiệm vụ', 'Approval decision'),
    contract: t('Hợp đồng thực hiện nhiệm vụ', 'Task contract'),
    final_report: t('Báo cáo tổng hợp kết quả', 'Final report'),
    result_registration_certificate: t('Giấy chứng nhận đăng ký kết quả', 'Result registration certificate'),
    progress_report: t('Báo cáo tiến độ', 'Progress report'),
    other: t('Tài liệu khác', 'Other document'),
  },
  fields: {
    title: t('Tên nhiệm vụ', 'Title'),
    scienceField: t('Lĩnh vực KH&CN', 'Field of science'),
    assignmentMode: t('Phương thức giao (đặt hàng, tuyển chọn, giao trực tiếp)', 'Assignment mode'),
    hostOrganizationId: t('Tổ chức chủ trì', 'Host organisation'),
    principalInvestigatorId: t('Chủ nhiệm nhiệm vụ', 'Principal investigator'),
    identificationPassed: t('Kết quả đạt của hội đồng tư vấn xác định (hội đồng đã kết thúc)', 'A passed, closed identification council'),
    selectionPassed: t('Kết quả đạt của hội đồng tuyển chọn, giao trực tiếp (hội đồng đã kết thúc)', 'A passed, closed selection council'),
    stateBudget: t('Kinh phí ngân sách nhà nước theo năm', 'State budget by year'),
    fundingMode: t('Phương thức khoán chi', 'Funding mode'),
    code: t('Mã số nhiệm vụ', 'Task code'),
    startDate: t('Ngày bắt đầu', 'Start date'),
    endDate: t('Ngày kết thúc', 'End date'),
    products: t('Sản phẩm dự kiến và yêu cầu kỹ thuật', 'Planned products with specifications'),
    acceptancePassed: t('Kết quả nghiệm thu Đạt hoặc Xuất sắc (hội đồng đã kết thúc)', 'Acceptance rated pass or excellent (closed council)'),
    acceptanceFailed: t('Kết quả nghiệm thu Không đạt (hội đồng đã kết thúc)', 'Acceptance rated fail (closed council)'),
  },
};

function definition(o: { productsBeforeApproval: boolean }): WorkflowDefinition {
  return {
    stages,
    labels,
    transitions: [
      { action: 'submit_for_identification', name: t('Đưa ra hội đồng xác định', 'Send to identification council'),
        from: ['proposal'], to: 'identification', roles: [...OFFICE],
        requiredDocuments: ['proposal_form'], requiredFields: ['title', 'scienceField'] },
      { action: 'approve_for_list', name: t('Đưa vào danh mục', 'Put on the approved list'),
        from: ['identification'], to: 'approved_list', roles: [...OFFICE], requiredFields: ['identificationPassed'] },
      { action: 'reject', name: t('Không phê duyệt', 'Do not approve'),
        from: ['proposal', 'identification', 'approved_list', 'call_or_order', 'application', 'selection', 'budget_appraisal', 'approval'],
        to: 'not_approved', roles: ['dost_officer', 'admin', 'leader'],
        note: t('Đề xuất không được duyệt có thể sửa và đề xuất lại vào năm sau, giữ nguyên lịch sử.', 'A proposal not approved can be revised and proposed again in a later year, keeping its history.') },
      { action: 'announce', name: t('Thông báo tuyển chọn / đặt hàng', 'Announce the call or order'),
        from: ['approved_list'], to: 'call_or_order', roles: [...OFFICE], requiredFields: ['assignmentMode'] },
      { action: 'receive_application', name: t('Tiếp nhận hồ sơ', 'Receive the application'),
        from: ['call_or_order'], to: 'application', roles: [...OFFICE],
        requiredDocuments: ['application_dossier'], requiredFields: ['hostOrganizationId', 'principalInvestigatorId'] },
      { action: 'convene_selection', name: t('Đưa ra hội đồng tuyển chọn', 'Convene the selection council'),
        from: ['application'], to: 'selection', roles: [...OFFICE] },
      { action: 'select', name: t('Chấp nhận kết quả tuyển chọn', 'Accept the selection result'),
        from: ['selection'], to: 'budget_appraisal', roles: [...OFFICE], requiredFields: ['selectionPassed'] },
      { action: 'appraise_budget', name: t('Hoàn thành thẩm định kinh phí', 'Complete the budget appraisal'),
        from: ['budget_appraisal'], to: 'approval', roles: [...OFFICE],
        requiredDocuments: ['budget_appraisal_minutes'],
        requiredFields: o.productsBeforeApproval ? ['stateBudget', 'fundingMode', 'products'] : ['stateBudget'] },
      { action: 'approve', name: t('Quyết định phê duyệt', 'Approve'),
        from: ['approval'], to: 'contract', roles: ['leader', 'admin'],
        requiredDocuments: ['approval_decision'], requiredFields: ['code', 'startDate', 'endDate'] },
      { action: 'sign_contract', name: t('Ký hợp đồng', 'Sign the contract'),
        from: ['contract'], to: 'implementation', roles: [...OFFICE], requiredDocuments: ['contract'] },
      { action: 'submit_for_acceptance', name: t('Đề nghị nghiệm thu', 'Submit for acceptance'),
        from: ['implementation'], to: 'acceptance', roles: [...OFFICE],
        requiredDocuments: ['final_report'], requiredFields: ['products'] },
      { action: 'accept', name: t('Công nhận kết quả nghiệm thu', 'Accept the results'),
        from: ['acceptance'], to: 'result_registration', roles: [...OFFICE], requiredFields: ['acceptancePassed'] },
      { action: 'fail_acceptance', name: t('Kết luận không đạt', 'Record failed acceptance'),
        from: ['acceptance'], to: 'not_accepted', roles: [...OFFICE], requiredFields: ['acceptanceFailed'] },
      { action: 'register_result', name: t('Đăng ký kết quả', 'Register the result'),
        from: ['result_registration'], to: 'replication', roles: [...OFFICE],
        requiredDocuments: ['result_registration_certificate'] },
    ],
  };
}

export const TASK_WORKFLOW_VERSIONS: NationalRuleInput[] = [
  {
    key: `workflow.${TASK_WORKFLOW}`,
    effectiveFrom: '2014-01-01',
    legalBasis: 'Luật KH&CN 29/2013/QH13; Thông tư 07/2014/TT-BKHCN; Thông tư 08/2017/TT-BKHCN (sửa đổi bởi Thông tư 20/2023/TT-BKHCN); Thông tư 11/2014/TT-BKHCN; Thông tư 14/2014/TT-BKHCN (thay bởi Thông tư 11/2023/TT-BKHCN)',
    value: definition({ productsBeforeApproval: false }),
    note: 'Quy trình mặc định toàn quốc theo chế độ Luật KH&CN 2013.',
  },
  {
    key: `workflow.${TASK_WORKFLOW}`,
    effectiveFrom: '2025-10-01',
    legalBasis: 'Luật Khoa học, công nghệ và đổi mới sáng tạo 93/2025/QH15; Nghị định 267/2025/NĐ-CP; Nghị định 265/2025/NĐ-CP',
    value: definition({ productsBeforeApproval: true }),
    note: 'Chế độ Luật KH,CN&ĐMST 2025: sản phẩm cuối cùng phải được xác định trước khi phê duyệt (khoán chi đến sản phẩm cuối cùng).',
  },
];
