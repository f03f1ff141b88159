/**
 * The password policy both sides can check (NIST SP 800-63B §3.1.1.2): length only, no composition rules, and a
 * refusal of passwords that are common, repetitive or sequential, or made of the account's own username or name.
 * The web form and the shared schemas check this; the server adds the zxcvbn-ts dictionaries (common passwords,
 * English words and names: ~800 kB gzip, too big for the web bundle) in auth/auth.passwords.ts, and has the last word.
 * Comparisons are on the folded text (no tones or marks, đ → d, lower case) with spaces and punctuation removed.
 */
import { fold } from '../lib/vi/fold.ts';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Why a password is refused; `password.<reason>` is its message (`user.password_length` for the length). */
export type PasswordProblem = 'length' | 'common' | 'repetitive' | 'sequence' | 'contains_username' | 'contains_name';

/** Who the password is for: it may contain neither. */
export interface PasswordContext {
  username?: string | null;
  displayName?: string | null;
}

/**
 * Passwords common in Vietnam (folded, lower case, no spaces): from published leaks and lists of the most used
 * Vietnamese passwords, with the international ones Vietnamese users pick most. A password is refused when it is
 * one of these, or one of these with digits before or after (`matkhau2024`, `123anhyeuem`).
 */
export const COMMON_VI_PASSWORDS: readonly string[] = [
  // words and phrases
  'matkhau', 'matkhaucuatoi', 'doimatkhau', 'khongbiet', 'khongcomatkhau', 'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh',
  'anhyeuemnhieu', 'toiyeuban', 'iloveyou', 'iloveu', 'yeuemmaimai', 'maimaibennhau', 'tinhyeu', 'hanhphuc', 'conyeu',
  'giadinh', 'bame', 'mebe', 'vietnam', 'vietnamvodich', 'hanoi', 'saigon', 'hochiminh', 'danang', 'haiphong', 'cantho',
  'hue', 'dalat', 'nhatrang', 'vungtau', 'tayninh', 'longan', 'langson', 'angiang', 'dongthap', 'xinchao', 'chaoban',
  'thanhcong', 'binhan', 'maiyeu', 'banhmi', 'phobo', 'conmeo', 'concho', 'trangchu', 'quantri', 'quantrivien',
  'admin', 'administrator', 'root', 'user', 'test', 'guest', 'password', 'passw0rd', 'pass', 'welcome', 'letmein',
  'monkey', 'dragon', 'princess', 'sunshine', 'football', 'baseball', 'superman', 'batman', 'qwerty', 'abc', 'khcn',
  'sokhcn', 'sokhoahoc', 'khoahoccongnghe', 'congnghe',
  // common Vietnamese given names and family names picked as passwords
  'nguyen', 'tran', 'hoang', 'phuong', 'trang', 'linh', 'huong', 'thao', 'thuy', 'hung', 'dung', 'tuan', 'minh',
  'anh', 'nam', 'long', 'duc', 'thanh', 'quang', 'hieu', 'ngoc', 'mai', 'lan', 'hoa',
  // digits and keyboard walks
  '123456', '1234567', '12345678', '123456789', '1234567890', '0123456789', '987654321', '111111', '000000',
  '123123', '112233', '123321', '147258369', '147852369', '159357', '0987654321', '123456a', '123456aa', 'a123456',
  'qwerty123', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx', 'abc123', 'aa123456', '666888', '888888', '999999',
  'matkhau123', 'iloveyou123', 'anhyeuem123',
];
const COMMON = new Set(COMMON_VI_PASSWORDS);

const SEQUENCES = ['01234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb',
  'qazwsxedcrfvtgbyhnujmikolp', '1234567890qwertyuiopasdfghjklzxcvbnm'];

/** The folded text with spaces and punctuation removed: `Mật-khẩu 123` → `matkhau123`. */
export const compact = (s: string) => fold(s).replace(/ /g, '');

function isSequence(s: string): boolean {
  if (s.length < 4) return false;
  const reversed = [...s].reverse().join('');
  return SEQUENCES.some((seq) => seq.includes(s) || seq.includes(reversed));
}

function isCommon(c: string): boolean {
  if (COMMON.has(c)) return true;
  const core = c.replace(/^\d+|\d+$/g, '');
  return core.length >= 3 && core !== c && COMMON.has(core);
}

/** The name words that identify a person: the whole name, and the family name with the given name either way round. */
function nameForms(displayName: string): string[] {
  const words = fold(displayName).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const forms = [words.join('')];
  if (words.length > 1) forms.push(words[0] + words[words.length - 1], words[words.length - 1] + words[0]);
  return forms.filter((f) => f.length >= 5);
}

/** The first reason to refuse a password, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return 'length';
  if (new Set(password).size < 3) return 'repetitive';
  const c = compact(password);
  if (new Set(c).size < 3) return 'repetitive';
  if (isSequence(c)) return 'sequence';
  if (isCommon(c)) return 'common';
  const username = context.username ? compact(context.username) : '';
  if (username.length >= 3 && c.includes(username)) return 'contains_username';
  if (context.displayName && nameForms(context.displayName).some((f) => c.includes(f))) return 'contains_name';
  return null;
}

/** The message key of a reason. */
export const passwordMessage = (problem: PasswordProblem) => (problem === 'length' ? 'user.password_length' : `password.${problem}`);
