/** Messages of backup and restore (backup.not_empty and backup.bad_file are in the core set). */
export const backupMessages = {
  vi: {
    'backup.migrations_mismatch':
      'Tệp sao lưu được tạo với phiên bản lược đồ khác. Thiếu trong cơ sở dữ liệu: {missing}; chỉ có trong cơ sở dữ liệu: {extra}.',
  },
  en: {
    'backup.migrations_mismatch':
      'The backup was made with a different schema version. Missing in this database: {missing}; only in this database: {extra}.',
  },
} as const;
