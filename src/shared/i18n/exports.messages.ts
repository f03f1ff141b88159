/** Messages of the exports module (XLSX downloads of lists). */
export const exportsMessages = {
  vi: {
    'exports.too_many_rows': 'Danh sách quá dài để xuất (tối đa {max} dòng). Hãy lọc bớt rồi xuất lại.',
  },
  en: {
    'exports.too_many_rows': 'The list is too long to export (at most {max} rows). Filter it and export again.',
  },
} as const;
