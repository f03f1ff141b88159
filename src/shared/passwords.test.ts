import { describe, expect, it } from 'vitest';
import { COMMON_VI_PASSWORDS, passwordProblem } from './passwords.ts';
import { PasswordReset, UserInput } from './schemas/users.ts';

describe('the shared password policy', () => {
  it.each([
    ['1234567890', 'sequence'],
    ['0987654321', 'sequence'],
    ['abcdefghijk', 'sequence'],
    ['qwertyuiop', 'sequence'],
    ['          ', 'repetitive'],
    ['aaaaaaaaaaaa', 'repetitive'],
    ['ababababab', 'repetitive'],
    ['matkhau123', 'common'],
    ['MatKhau@2024', 'common'],
    ['Mật khẩu 123', 'common'],
    ['anhyeuem123', 'common'],
    ['iloveyou2025', 'common'],
    ['123456789vietnam', 'common'],
    ['short', 'length'],
  ])('refuses %j (%s)', (password, reason) => {
    expect(passwordProblem(password)).toBe(reason);
  });

  it.each(['khcn-demo-2026', 'Mat-khau-thu-nghiem-1', 'mat-khau-thu-nghiem', 'mot cau mat khau dai 2026', 'mat khau moi cua ban quan ly',
    'bench-password-2026', 'chiem-quyen-quan-tri'])('accepts %j', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('refuses a password containing the username or the person\'s name, however written', () => {
    expect(passwordProblem('canbo.langson-2026', { username: 'canbo.langson' })).toBe('contains_username');
    expect(passwordProblem('CANBOLANGSON!!', { username: 'canbo.langson' })).toBe('contains_username');
    expect(passwordProblem('Trần Thị Thu Hà 1990', { displayName: 'Trần Thị Thu Hà' })).toBe('contains_name');
    expect(passwordProblem('tranthithuha@so', { displayName: 'Trần Thị Thu Hà' })).toBe('contains_name');
    expect(passwordProblem('ha-tran-sinh-1990', { displayName: 'Trần Thị Thu Hà' })).toBe('contains_name');
    expect(passwordProblem('khcn-demo-2026', { username: 'canbo', displayName: 'Cán bộ Phòng Quản lý khoa học' })).toBeNull();
    expect(passwordProblem('mat khau moi cua ban quan ly', { username: 'qlkkt.x1', displayName: 'Cán bộ Ban Quản lý Khu kinh tế' })).toBeNull();
  });

  it('lists at least 50 common Vietnamese passwords, folded and lower-case', () => {
    expect(COMMON_VI_PASSWORDS.length).toBeGreaterThanOrEqual(50);
    for (const p of ['matkhau', '123456789', 'anhyeuem', 'iloveyou', 'matkhau123', 'vietnam', 'hanoi', 'saigon']) expect(COMMON_VI_PASSWORDS).toContain(p);
    for (const p of COMMON_VI_PASSWORDS) expect(p).toMatch(/^[a-z0-9]+$/);
  });

  it('is what the shared schemas check, so the web form and the server agree', () => {
    const base = { username: 'thu.ha', displayName: 'Trần Thị Thu Hà', role: 'leader' };
    const refused = UserInput.safeParse({ ...base, password: 'thu.ha.2026!' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['password'], params: { i18n: 'password.contains_username', detail: 'password_contains_username' } });
    expect(UserInput.safeParse({ ...base, password: 'khcn-demo-2026' }).success).toBe(true);
    expect(PasswordReset.safeParse({ password: 'matkhau123' }).error?.issues[0]).toMatchObject({ params: { i18n: 'password.common' } });
  });
});
