/** Messages of backup and restore (backup.not_empty and backup.bad_file are in the core set). */
export const backupMessages = {
  vi: {
    'backup.migrations_mismatch':
      'Tệp sao lưu được tạo với một bộ migration khác với phiên bản khcn này. Không có trong phiên bản này: {unknown}; tệp sao lưu thiếu: {missing}.',
    'backup.newer_version':
      'Tệp sao lưu được tạo bởi phiên bản khcn mới hơn (lược đồ {level}; phiên bản này đến {codeLevel}). Hãy khôi phục bằng phiên bản khcn mới hơn đó.',
    'backup.migration_failed':
      'Không áp dụng được migration {migration} cho dữ liệu đã khôi phục: {reason}. Cơ sở dữ liệu được giữ nguyên như trước.',
  },
  en: {
    'backup.migrations_mismatch':
      'The backup was made with a set of migrations other than this version of khcn has. Unknown here: {unknown}; missing from the backup: {missing}.',
    'backup.newer_version':
      'The backup was made by a newer version of khcn (schema {level}; this version goes up to {codeLevel}). Restore it with that newer version.',
    'backup.migration_failed':
      'Migration {migration} could not be applied to the restored data: {reason}. The database was left as it was.',
  },
} as const;
