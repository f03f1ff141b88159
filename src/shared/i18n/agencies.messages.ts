/** Messages of the agencies module (src/server/modules/agencies) and of a user's unit. */
export const agenciesMessages = {
  vi: {
    'agency.valid_to_before_from': 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.',
    'agency.not_in_force': 'Cơ quan, đơn vị {name} không còn hiệu lực vào ngày {date}.',
    'agency.parent_not_department': 'Đơn vị cấp trên phải là một cơ quan của tỉnh, không phải chính nó hay một phòng thuộc Sở.',
    'user.one_unit': 'Một tài khoản chỉ thuộc một đơn vị: một cơ quan của tỉnh hoặc một xã, phường.',
    'user.unit_not_commune': 'Đơn vị hành chính của tài khoản phải là một xã, phường, đặc khu của tỉnh đang có hiệu lực.',
  },
  en: {
    'agency.valid_to_before_from': 'The end of validity cannot be before its start.',
    'agency.not_in_force': 'Agency {name} is not in force on {date}.',
    'agency.parent_not_department': 'The parent must be another agency of the province, not itself or a division.',
    'user.one_unit': 'An account belongs to one unit: an agency of the province or a commune.',
    'user.unit_not_commune': "An account's administrative unit must be a commune of the province in force.",
  },
} as const;
