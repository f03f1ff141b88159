/** Messages of the accounts module (src/server/modules/users). */
export const usersMessages = {
  vi: {
    'user.username_format': 'Tên đăng nhập gồm 3–50 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu bằng chữ hoặc số.',
    'user.password_length': 'Mật khẩu phải có từ {minimum} đến {maximum} ký tự.',
    'user.self_lockout': 'Bạn không thể tự hạ quyền quản trị hoặc tự khóa tài khoản của chính mình.',
  },
  en: {
    'user.username_format': 'A username has 3–50 characters: lower-case letters without accents, digits, dots, underscores or hyphens, starting with a letter or digit.',
    'user.password_length': 'A password has {minimum} to {maximum} characters.',
    'user.self_lockout': 'You cannot remove your own admin role or disable your own account.',
  },
} as const;
