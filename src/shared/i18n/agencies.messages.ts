/** Messages of the agencies module (src/server/modules/agencies) and of a user's unit. */
export const agenciesMessages = {
  vi: {
    'agency.valid_to_before_from': 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.',
    'agency.not_in_force': 'Cơ quan, đơn vị {name} không còn hiệu lực vào ngày {date}.',
    'agency.parent_not_department': 'Đơn vị cấp trên phải là một cơ quan của tỉnh, không phải chính nó hay một phòng thuộc Sở.',
    'agency.bad_document_symbol': 'Ký hiệu trên văn bản gồm chữ in hoa và chữ số, các phần nối bằng dấu "-", ví dụ SKHCN.',
    'agency.issuer_field_required': 'Cơ quan ban hành văn bản cần có ký hiệu trên văn bản và địa danh.',
    'agency.issuer_overlap': 'Trong thời gian này {name} ({from} – {to}) đã là cơ quan ban hành văn bản của tỉnh; mỗi ngày chỉ một cơ quan.',
    'agency.no_issuer_on_date': 'Chưa có cơ quan ban hành văn bản (Sở KH&CN) có hiệu lực ngày {date}: quản trị viên bổ sung trong danh mục cơ quan, đơn vị.',
    'user.one_unit': 'Một tài khoản chỉ thuộc một đơn vị: một cơ quan của tỉnh hoặc một xã, phường.',
    'user.unit_not_commune': 'Đơn vị hành chính của tài khoản phải là một xã, phường, đặc khu của tỉnh đang có hiệu lực.',
  },
  en: {
    'agency.valid_to_before_from': 'The end of validity cannot be before its start.',
    'agency.not_in_force': 'Agency {name} is not in force on {date}.',
    'agency.parent_not_department': 'The parent must be another agency of the province, not itself or a division.',
    'agency.bad_document_symbol': 'The document symbol is upper-case letters and digits, parts joined by "-", e.g. SKHCN.',
    'agency.issuer_field_required': 'An agency that issues documents needs a document symbol and a place name.',
    'agency.issuer_overlap': '{name} ({from} – {to}) already issues the province\'s documents in this period; one agency per day.',
    'agency.no_issuer_on_date': 'No agency issuing documents (the DOST) is in force on {date}: an administrator adds it to the list of agencies.',
    'user.one_unit': 'An account belongs to one unit: an agency of the province or a commune.',
    'user.unit_not_commune': "An account's administrative unit must be a commune of the province in force.",
  },
} as const;
