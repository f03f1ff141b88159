/**
 * Error and notice messages, keyed by the dotted error code. Server responses and the web client both read these.
 * Every key has a Vietnamese and an English text; `messages.test.ts` fails when one side is missing.
 * `{name}` placeholders are filled from the error's details.
 */
import { backupMessages } from './backup.messages.ts';
import { rulesMessages } from './rules.messages.ts';
import { workflowMessages } from './workflow.messages.ts';
import { usersMessages } from './users.messages.ts';
import { adminUnitsMessages } from './admin-units.messages.ts';
import { councilsMessages } from './councils.messages.ts';
import { exportsMessages } from './exports.messages.ts';
import { tasksMessages } from './tasks.messages.ts';
import { agenciesMessages } from './agencies.messages.ts';
import { attachmentsMessages } from './attachments.messages.ts';
import { inboxMessages } from './inbox.messages.ts';
import { securityMessages } from './security.messages.ts';
import { legalDocumentsMessages } from './legal-documents.messages.ts';
import { plansMessages } from './plans.messages.ts';
import { homeMessages } from './home.messages.ts';
import { indicatorsMessages } from './indicators.messages.ts';
import { programmesMessages } from './programmes.messages.ts';
import { supportMessages } from './support.messages.ts';
import { incubationMessages } from './incubation.messages.ts';
import { formatNumber } from '../../lib/vi/format.ts';
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Messages of the foundation; each feature module keeps its own in `<module>.messages.ts` beside this file. */
const core = {
  vi: {
    'common.validation_failed': 'Dữ liệu không hợp lệ. Vui lòng kiểm tra các trường được nêu.',
    'common.not_found': 'Không tìm thấy {entity}.',
    'common.route_not_found': 'Không có địa chỉ {method} {url}.',
    'common.version_conflict': 'Bản ghi đã được người khác sửa (phiên bản hiện tại {current}, bạn gửi {sent}). Hãy tải lại rồi sửa tiếp.',
    'common.body_too_large': 'Dữ liệu gửi lên quá lớn (tối đa {limit}).',
    'common.bad_json': 'Nội dung gửi lên không phải JSON hợp lệ.',
    'common.unsupported_media_type': 'Kiểu nội dung không được hỗ trợ.',
    'common.internal': 'Lỗi hệ thống. Mã yêu cầu: {requestId}.',
    'common.in_use': 'Không thể xóa {entity} vì đang được sử dụng ở {usedBy}.',
    'common.duplicate': '{field} "{value}" đã tồn tại.',
    'common.bad_cursor': 'Con trỏ phân trang không hợp lệ.',
    'common.rate_limited': 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau {after}.',
    'common.demo_loading': 'Đang nạp dữ liệu mẫu… Vui lòng chờ giây lát.',
    'auth.unauthenticated': 'Vui lòng đăng nhập.',
    'auth.invalid_credentials': 'Tên đăng nhập hoặc mật khẩu không đúng.',
    'auth.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
    'auth.csrf_invalid': 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang.',
    'auth.token_invalid': 'Mã truy cập API không hợp lệ hoặc đã bị thu hồi.',
    'auth.account_disabled': 'Tài khoản đã bị khóa.',
    'tax_code.format': 'Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu "-" và 3 chữ số với đơn vị phụ thuộc.',
    'tax_code.check_digit': 'Mã số thuế sai chữ số kiểm tra (chữ số thứ 10).',
    'tax_code.branch': 'Ba chữ số của đơn vị phụ thuộc phải từ 001 đến 999.',
    'admin_unit.not_in_force': 'Đơn vị hành chính {name} không còn hiệu lực vào ngày {date}.',
    'tenant.mismatch': 'Bản ghi thuộc tỉnh khác.',
    'backup.not_empty': 'Cơ sở dữ liệu đích đã có dữ liệu; dùng --force để ghi đè.',
    'backup.bad_file': 'Tệp sao lưu không hợp lệ: {reason}.',
  },
  en: {
    'common.validation_failed': 'Invalid data. Please check the fields listed.',
    'common.not_found': 'Not found: {entity}.',
    'common.route_not_found': 'There is no route {method} {url}.',
    'common.version_conflict': 'The record was changed by someone else (current version {current}, you sent {sent}). Reload and edit again.',
    'common.body_too_large': 'The request body is too large (at most {limit}).',
    'common.bad_json': 'The request body is not valid JSON.',
    'common.unsupported_media_type': 'Unsupported content type.',
    'common.internal': 'Internal error. Request id: {requestId}.',
    'common.in_use': 'Cannot delete this {entity}: it is used by {usedBy}.',
    'common.duplicate': '{field} "{value}" already exists.',
    'common.bad_cursor': 'Invalid paging cursor.',
    'common.rate_limited': 'Too many attempts. Please try again in {after}.',
    'common.demo_loading': 'Loading demo data… Please wait a moment.',
    'auth.unauthenticated': 'Please sign in.',
    'auth.invalid_credentials': 'Wrong username or password.',
    'auth.forbidden': 'You are not allowed to do this.',
    'auth.csrf_invalid': 'Invalid session (missing CSRF token). Reload the page.',
    'auth.token_invalid': 'The API token is invalid or has been revoked.',
    'auth.account_disabled': 'This account is disabled.',
    'tax_code.format': 'A tax code has 10 digits, or 10 digits, "-" and 3 digits for a dependent unit.',
    'tax_code.check_digit': 'The tax code has a wrong check digit (the 10th digit).',
    'tax_code.branch': 'The 3 digits of a dependent unit run from 001 to 999.',
    'admin_unit.not_in_force': 'Administrative unit {name} is not in force on {date}.',
    'tenant.mismatch': 'The record belongs to another province.',
    'backup.not_empty': 'The target database already has data; use --force to overwrite.',
    'backup.bad_file': 'Invalid backup file: {reason}.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** Add a module's messages here: one import, one spread per language. */
export const messages = {
  vi: { ...core.vi, ...securityMessages.vi, ...backupMessages.vi, ...rulesMessages.vi, ...workflowMessages.vi, ...usersMessages.vi, ...adminUnitsMessages.vi, ...councilsMessages.vi, ...exportsMessages.vi, ...tasksMessages.vi, ...agenciesMessages.vi, ...attachmentsMessages.vi, ...inboxMessages.vi, ...legalDocumentsMessages.vi, ...plansMessages.vi, ...homeMessages.vi, ...indicatorsMessages.vi, ...supportMessages.vi, ...incubationMessages.vi, ...programmesMessages.vi },
  en: { ...core.en, ...securityMessages.en, ...backupMessages.en, ...rulesMessages.en, ...workflowMessages.en, ...usersMessages.en, ...adminUnitsMessages.en, ...councilsMessages.en, ...exportsMessages.en, ...tasksMessages.en, ...agenciesMessages.en, ...attachmentsMessages.en, ...inboxMessages.en, ...legalDocumentsMessages.en, ...plansMessages.en, ...homeMessages.en, ...indicatorsMessages.en, ...supportMessages.en, ...incubationMessages.en, ...programmesMessages.en },
} as const;

export type MessageKey = keyof (typeof messages)['vi'];

/** Entity names used inside messages, so `common.not_found` reads naturally in both languages. */
export const entityNames: Record<Lang, Record<string, string>> = {
  vi: {
    organization: 'tổ chức', person: 'chuyên gia', user: 'tài khoản', admin_unit: 'đơn vị hành chính',
    api_token: 'mã truy cập API', audit: 'nhật ký', tenant: 'tỉnh', task: 'nhiệm vụ',
    record: 'bản ghi', science_field: 'lĩnh vực KH&CN',
    // table names, for "in use by …"
    people: 'danh sách chuyên gia', users: 'tài khoản người dùng', organizations: 'danh sách tổ chức',
    tasks: 'nhiệm vụ KH&CN', task_members: 'thành viên nhiệm vụ', council_members: 'thành viên hội đồng',
    councils: 'hội đồng', task_replications: 'hồ sơ nhân rộng', agency: 'cơ quan, đơn vị', agencies: 'cơ quan, đơn vị',
    attachment: 'tệp đính kèm', attachments: 'tệp đính kèm',
    inbox_item: 'thông báo trong hộp thư',
    legal_document: 'văn bản', legal_document_relation: 'quan hệ giữa các văn bản', legal_document_relations: 'quan hệ giữa các văn bản',
    task_disbursement: 'khoản cấp phát kinh phí', task_disbursements: 'kinh phí đã cấp của nhiệm vụ',
    task_participants: 'tổ chức tham gia nhiệm vụ',
    plan: 'kế hoạch', plan_group: 'nhóm nhiệm vụ của kế hoạch', plan_item: 'nhiệm vụ của kế hoạch', plan_report: 'báo cáo định kỳ',
    plans: 'kế hoạch', plan_items: 'nhiệm vụ của kế hoạch', plan_reports: 'báo cáo định kỳ',
    task_replication: 'mô hình nhân rộng', incubation_service: 'dịch vụ ươm tạo', incubation_outcome: 'kết quả ươm tạo',
    programme: 'chương trình hỗ trợ', programme_call: 'đợt nhận hồ sơ', programme_application: 'hồ sơ đề nghị hỗ trợ',
    programme_application_request: 'yêu cầu bổ sung hồ sơ', programme_calls: 'đợt nhận hồ sơ', programme_applications: 'hồ sơ đề nghị hỗ trợ',
  },
  en: {
    organization: 'organisation', person: 'person', user: 'account', admin_unit: 'administrative unit',
    api_token: 'API token', audit: 'audit entry', tenant: 'province', task: 'task',
    record: 'record', science_field: 'S&T field',
    people: 'people', users: 'user accounts', organizations: 'organisations', tasks: 'S&T tasks',
    task_members: 'task members', council_members: 'council members', councils: 'councils',
    task_replications: 'replication records', agency: 'agency', agencies: 'agencies',
    attachment: 'attached file', attachments: 'attached files',
    inbox_item: 'inbox item',
    legal_document: 'legal document', legal_document_relation: 'document relation', legal_document_relations: 'document relations',
    task_disbursement: 'disbursement', task_disbursements: 'task disbursements', task_participants: 'task participants',
    plan: 'plan', plan_group: 'group of plan items', plan_item: 'plan item', plan_report: 'periodic report',
    plans: 'plans', plan_items: 'plan items', plan_reports: 'periodic reports',
    task_replication: 'replicated model', incubation_service: 'incubation service', incubation_outcome: 'incubation outcome',
    programme: 'support programme', programme_call: 'call', programme_application: 'application',
    programme_application_request: 'request for additions', programme_calls: 'calls', programme_applications: 'applications',
  },
};

/** Field names used inside messages (`common.duplicate`): the API's field key → its label. */
export const fieldNames: Record<Lang, Record<string, string>> = {
  vi: {
    taxCode: 'Mã số thuế', username: 'Tên đăng nhập', code: 'Mã số', slug: 'Mã tỉnh', email: 'Thư điện tử',
    kind: 'Loại hình', isStEnterprise: 'Doanh nghiệp KH&CN', name: 'Tên', password: 'Mật khẩu',
    number: 'Số, ký hiệu',
  },
  en: {
    taxCode: 'Tax code', username: 'Username', code: 'Code', slug: 'Province code', email: 'Email',
    kind: 'Kind', isStEnterprise: 'S&T enterprise', name: 'Name', password: 'Password',
    number: 'Number',
  },
};

/**
 * The language of an `Accept-Language` header: the supported one with the highest q-value (RFC 9110; q=0 means
 * "not this one", a malformed q counts as 0), the earlier one on a tie; Vietnamese when none is acceptable.
 */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  let best: { lang: Lang; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [rawTag, ...params] = part.split(';');
    const tag = rawTag.trim().toLowerCase();
    const lang = LANGS.find((l) => tag === l || tag.startsWith(`${l}-`));
    if (!lang) continue;
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(qParam.slice(2)) ? Number(qParam.slice(2)) : 0;
    if (q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'vi';
}

export function translate(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const table = messages[lang] as Record<string, string>;
  const text = table[key] ?? (messages.en as Record<string, string>)[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if ((name === 'entity' || name === 'usedBy') && typeof v === 'string') return entityNames[lang][v] ?? v;
    if (name === 'field' && typeof v === 'string') return fieldNames[lang][v] ?? v;
    if (v && typeof v === 'object' && lang in v) return String((v as Record<string, unknown>)[lang]); // a {vi, en} text
    return v === undefined ? `{${name}}` : String(v);
  });
}

/**
 * Field problems (`details` of an error) in the caller's language. A problem that names a message key (`i18n`), or
 * whose code has a `field.<code>` message (`field.unknown_reference`), is worded from the table with its own values
 * as placeholders (`entity`, `field`, its `params`); the keys used to word it are not sent. Others are kept as given.
 */
export function localizeDetails(lang: Lang, details: unknown): unknown {
  if (!Array.isArray(details)) return details;
  const table = messages[lang] as Record<string, string>;
  return details.map((d: unknown) => {
    if (d === null || typeof d !== 'object') return d;
    const { i18n, params, ...problem } = d as Record<string, unknown>;
    const byCode = typeof problem.code === 'string' && `field.${problem.code}` in table ? `field.${problem.code}` : null;
    const key = typeof i18n === 'string' ? i18n : byCode;
    if (!key) return problem;
    return { ...problem, message: translate(lang, key, { entity: 'record', ...(params as object | undefined), ...problem }) };
  });
}

/** A wait in seconds, in both languages (`{after}` of `common.rate_limited`). */
export const secondsText = (seconds: number) => ({ vi: `${seconds} giây`, en: seconds === 1 ? '1 second' : `${seconds} seconds` });

/** A size in bytes in a human unit, in both languages: 15 MB, 1,5 MB / 1.5 MB, 200 kB. */
export function sizeText(bytes: number) {
  const [n, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : bytes >= 1024 ? [bytes / 1024, 'kB'] : [bytes, 'byte'];
  return { vi: `${formatNumber(n, 1)} ${unit}`, en: `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit === 'byte' ? 'bytes' : unit}` };
}
