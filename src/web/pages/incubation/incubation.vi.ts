/**
 * Vietnamese UI strings of the replicated models (the register page and the task page's replication panel) and of
 * the startup incubation pages. incubation.en.ts has the same keys.
 */
export const incubationVi = {
  replication: {
    menu: 'Mô hình nhân rộng',
    title: 'Mô hình nhân rộng kết quả nghiên cứu',
    intro: 'Các mô hình được hỗ trợ nhân rộng: từ nhiệm vụ KH&CN của tỉnh hoặc từ kết quả khác (nhiệm vụ của tỉnh khác, chương trình quốc gia).',
    count: 'Tổng số: {{count}} mô hình',
    countYear: '{{year}}: {{count}}',
    add: 'Thêm mô hình',
    edit: 'Sửa mô hình',
    new: 'Thêm mô hình nhân rộng',
    empty: 'Chưa có mô hình nào với điều kiện lọc này.',
    filters: {
      year: 'Năm', fromYear: 'Từ năm', toYear: 'Đến năm', source: 'Nguồn kết quả', asOf: 'Địa giới ngày',
      unit: 'Tỉnh, huyện (cũ) hoặc xã', level: 'Cấp', levels: { province: 'Tỉnh', district: 'Huyện (trước 1/7/2025)', commune: 'Xã, phường' },
    },
    sources: {
      task: 'Nhiệm vụ KH&CN của tỉnh',
      other_province: 'Nhiệm vụ của tỉnh, thành phố khác',
      national_programme: 'Chương trình, nhiệm vụ cấp quốc gia',
      other: 'Nguồn khác (tiến bộ kỹ thuật, công nghệ)',
    },
    fields: {
      name: 'Tên mô hình', sourceKind: 'Nguồn kết quả', taskId: 'Nhiệm vụ KH&CN', sourceDescription: 'Kết quả được nhân rộng',
      adminUnitId: 'Xã, phường', place: 'Địa điểm', adopterOrganizationId: 'Tổ chức thực hiện (trong danh mục)', adopterName: 'Đơn vị, người thực hiện',
      scale: 'Quy mô', year: 'Năm', results: 'Kết quả đạt được', supportAmount: 'Kinh phí hỗ trợ (đồng)', legalDocumentId: 'Chính sách hỗ trợ (văn bản)',
      applicationId: 'Hồ sơ chương trình hỗ trợ', note: 'Ghi chú',
    },
    columns: { model: 'Mô hình', source: 'Kết quả được nhân rộng', place: 'Địa điểm', adopter: 'Thực hiện', support: 'Hỗ trợ' },
    hints: { sourceDescription: 'Ví dụ: Đề tài "…" của tỉnh Đồng Tháp; Chương trình Nông thôn miền núi.', supportAmount: 'Số đồng, ví dụ 150.000.000.' },
    searchTask: 'Tìm nhiệm vụ theo tên',
    panelHint: 'Mô hình nhân rộng từ nhiệm vụ này cũng có trong danh sách "Mô hình nhân rộng".',
  },
  incubation: {
    menu: 'Ươm tạo khởi nghiệp',
    title: 'Ươm tạo dự án khởi nghiệp đổi mới sáng tạo',
    intro: 'Các dự án được xét chọn của đợt khởi nghiệp hằng năm, dịch vụ ươm tạo đã cung cấp và kết quả.',
    call: 'Đợt xét chọn',
    noCalls: 'Chưa có đợt xét chọn nào của chương trình khởi nghiệp.',
    selected: 'Dự án được chọn: {{count}}',
    selectTop: 'Chỉ tiêu chọn: {{count}} dự án',
    selectedTag: 'Được chọn ươm tạo',
    notSelectedTag: 'Chưa được chọn',
    columns: { code: 'Số hồ sơ', project: 'Dự án', organization: 'Doanh nghiệp, nhóm khởi nghiệp', stage: 'Tình trạng', services: 'Dịch vụ', hours: 'Số giờ', amount: 'Kinh phí (đồng)' },
    startup: {
      title: 'Ươm tạo: {{title}}',
      back: 'Danh sách dự án ươm tạo',
      notSelected: 'Dự án này chưa được xét chọn ươm tạo; chỉ ghi dịch vụ cho dự án đã được chọn.',
      services: 'Dịch vụ ươm tạo',
      addService: 'Ghi dịch vụ',
      noServices: 'Chưa ghi dịch vụ nào.',
      totals: 'Tổng cộng: {{hours}} giờ, {{amount}} đồng',
      outcomes: 'Kết quả ươm tạo',
      saveOutcomes: 'Lưu kết quả',
      remove: 'Xóa',
    },
    fields: {
      kind: 'Loại dịch vụ', providedOn: 'Ngày', provider: 'Đơn vị cung cấp', hours: 'Số giờ', amount: 'Kinh phí (đồng)', note: 'Ghi chú',
      products: 'Sản phẩm', revenue: 'Doanh thu (đồng)', jobs: 'Việc làm tạo ra', ipFiled: 'Tài sản trí tuệ đã nộp đơn', fundingRaised: 'Vốn đã huy động (đồng)',
    },
  },
};
