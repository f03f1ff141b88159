/** Messages of the rules module (dated, per-province configuration with a legal citation). */
export const rulesMessages = {
  vi: {
    'rules.not_configured': 'Chưa cấu hình quy định "{key}" áp dụng cho ngày {date} (không có bản của tỉnh, cũng không có bản mặc định quốc gia). Quản trị viên cần khai báo quy định này kèm căn cứ pháp lý.',
    'rules.unknown_key': 'Không có loại quy định "{key}".',
    'rules.not_after_current': 'Phiên bản mới phải có hiệu lực sau ngày {current} (ngày bắt đầu của phiên bản đang áp dụng); bạn nhập ngày {sent}.',
    'rules.overlap': 'Thời gian hiệu lực trùng với một phiên bản khác của quy định "{key}".',
    'rules.stored_value_invalid': 'Giá trị đã lưu của quy định "{key}" (phiên bản {id}) không còn hợp lệ. Quản trị viên cần khai báo phiên bản mới.',
  },
  en: {
    'rules.not_configured': 'Rule "{key}" is not configured for {date} (neither a provincial version nor a national default). An administrator must enter it with its legal basis.',
    'rules.unknown_key': 'There is no rule "{key}".',
    'rules.not_after_current': 'A new version must take effect after {current} (the start of the version in force); you sent {sent}.',
    'rules.overlap': 'The period overlaps another version of rule "{key}".',
    'rules.stored_value_invalid': 'The stored value of rule "{key}" (version {id}) is no longer valid. An administrator must enter a new version.',
  },
} as const;
