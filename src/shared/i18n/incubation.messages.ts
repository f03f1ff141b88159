/** Messages of the replicated models (tasks module, tasks.replications*.ts) and of the incubation module. */
export const incubationMessages = {
  vi: {
    'replication.task_required': 'Chọn nhiệm vụ KH&CN có kết quả được nhân rộng.',
    'replication.source_required': 'Mô tả kết quả được nhân rộng (nhiệm vụ của tỉnh khác, chương trình quốc gia…).',
    'incubation.not_startup': 'Hồ sơ "{title}" không thuộc chương trình hỗ trợ khởi nghiệp đổi mới sáng tạo.',
    'incubation.not_selected': 'Dự án "{title}" chưa được xét chọn ươm tạo: chỉ ghi dịch vụ, kết quả cho dự án đã có quyết định hỗ trợ.',
    'incubation.unknown_kind': 'Loại dịch vụ ươm tạo "{kind}" không có trong danh mục đang áp dụng.',
    'incubation.measure_required': 'Ghi số giờ hoặc kinh phí của dịch vụ.',
  },
  en: {
    'replication.task_required': 'Choose the S&T task whose result is replicated.',
    'replication.source_required': 'Describe the result replicated (another province\'s task, a national programme…).',
    'incubation.not_startup': 'Application "{title}" is not under an innovative startup support programme.',
    'incubation.not_selected': 'Project "{title}" has not been selected for incubation: services and outcomes are recorded for supported projects only.',
    'incubation.unknown_kind': 'Incubation service kind "{kind}" is not in the list in force.',
    'incubation.measure_required': 'Give the service\'s hours or its cost.',
  },
};
