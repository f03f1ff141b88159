/**
 * Messages of the security pass: text the database cannot take, fields a role may not change, password policy
 * reasons, and field problems worded by their code (`field.<code>`, filled from the problem itself).
 */
export const securityMessages = {
  vi: {
    'common.invalid_text': 'Văn bản chứa ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode không đầy đủ).',
    'common.bad_request': 'Yêu cầu không hợp lệ.',
    'auth.field_not_allowed': 'Bạn không có quyền thay đổi: {fields}.',
    'field.not_allowed': 'Bạn không có quyền thay đổi trường {field}.',
    'field.unknown_reference': 'Không tìm thấy {entity} được chọn.',
    'password.common': 'Mật khẩu này quá phổ biến hoặc dễ đoán; hãy chọn một câu dài dễ nhớ.',
    'password.repetitive': 'Mật khẩu chỉ lặp lại vài ký tự; hãy chọn một câu dài dễ nhớ.',
    'password.sequence': 'Mật khẩu là một dãy ký tự liên tiếp (như 1234567890 hay qwerty); hãy chọn một câu dài dễ nhớ.',
    'password.contains_username': 'Mật khẩu không được chứa tên đăng nhập.',
    'password.contains_name': 'Mật khẩu không được chứa họ tên của người dùng.',
  },
  en: {
    'common.invalid_text': 'The text contains characters that are not allowed (a NUL character or incomplete Unicode).',
    'common.bad_request': 'Bad request.',
    'auth.field_not_allowed': 'You are not allowed to change: {fields}.',
    'field.not_allowed': 'You are not allowed to change the field {field}.',
    'field.unknown_reference': 'The selected {entity} does not exist.',
    'password.common': 'This password is too common or too easy to guess; choose a long sentence you remember.',
    'password.repetitive': 'This password only repeats a few characters; choose a long sentence you remember.',
    'password.sequence': 'This password is a sequence of consecutive characters (like 1234567890 or qwerty); choose a long sentence you remember.',
    'password.contains_username': 'The password must not contain the username.',
    'password.contains_name': "The password must not contain the user's name.",
  },
} as const;
