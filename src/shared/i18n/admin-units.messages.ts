/** Messages of the administrative-units module (src/server/modules/admin-units). */
export const adminUnitsMessages = {
  vi: {
    'admin_unit.ambiguous': 'Tên "{name}" khớp với {count} đơn vị hành chính; hãy chọn đơn vị cấp trên để phân biệt.',
  },
  en: {
    'admin_unit.ambiguous': 'The name "{name}" matches {count} administrative units; give the parent unit to tell them apart.',
  },
} as const;
