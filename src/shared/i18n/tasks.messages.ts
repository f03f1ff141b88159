export const tasksMessages = {
  vi: {
    'task.duplicate_item': 'Mục này bị trùng.',
    'task.end_before_start': 'Ngày kết thúc phải sau ngày bắt đầu.',
    'task.extension_needs_date': 'Gia hạn phải có ngày kết thúc mới.',
    'task.unknown_document_kind': 'Loại tài liệu "{kind}" không có trong quy trình. Các loại hợp lệ: {allowed}.',
    'task.document_too_large': 'Tệp quá lớn ({size} byte; tối đa {limit} byte).',
    'task.not_in_stage': 'Thao tác này chỉ thực hiện được khi nhiệm vụ ở giai đoạn {stages}; hiện đang ở "{stage}".',
    'task.repropose_only_not_approved': 'Chỉ đề xuất lại được nhiệm vụ không được phê duyệt; nhiệm vụ này đang ở "{stage}".',
    'task.repropose_later_year': 'Năm đề xuất lại phải sau năm {year}.',
    'task.finished': 'Nhiệm vụ đã kết thúc quy trình ("{stage}"); không sửa được nữa.',
  },
  en: {
    'task.duplicate_item': 'This item is listed twice.',
    'task.end_before_start': 'The end date must be after the start date.',
    'task.extension_needs_date': 'An extension needs the new end date.',
    'task.unknown_document_kind': 'Document kind "{kind}" is not part of the workflow. Valid kinds: {allowed}.',
    'task.document_too_large': 'The file is too large ({size} bytes; at most {limit} bytes).',
    'task.not_in_stage': 'This can only be done while the task is at {stages}; it is now at "{stage}".',
    'task.repropose_only_not_approved': 'Only a task that was not approved can be proposed again; this one is at "{stage}".',
    'task.repropose_later_year': 'The new proposal year must be after {year}.',
    'task.finished': 'The task has finished its workflow ("{stage}"); it can no longer be edited.',
  },
} as const;
