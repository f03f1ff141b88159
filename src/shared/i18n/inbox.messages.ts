/** Messages of the inbox and mail modules (src/server/modules/inbox, src/server/modules/mail). */
export const inboxMessages = {
  vi: {
    'inbox.mail_footer': 'Thư này được gửi tự động từ Hệ thống thông tin KH&CN. Xem chi tiết và đánh dấu đã đọc trong mục Hộp thư.',
    'inbox.no_addressee': 'Thông báo phải có ít nhất một người nhận.',
  },
  en: {
    'inbox.mail_footer': 'This message was sent automatically by the S&T information system. See the details and mark it read in the Inbox.',
    'inbox.no_addressee': 'A notice needs at least one addressee.',
  },
} as const;
