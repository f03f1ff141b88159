import { describe, expect, it } from 'vitest';
import { fold, foldWords, likeContains } from './fold.ts';
import { compareVi, sortKey } from './collate.ts';
import { formatDate, formatDateLong, formatNumber, formatPercent, parseDate } from './format.ts';
import { isValidTaxCode, taxCodeCheckDigit, taxCodeProblem, withCheckDigit } from './tax-code.ts';

describe('fold', () => {
  it.each([
    ['Công ty Cổ phần Cơ khí chế tạo máy Long An', 'cong ty co phan co khi che tao may long an'],
    ['ĐỒNG THÁP MƯỜI', 'dong thap muoi'],
    ['Đức Huệ', 'duc hue'],
    ['  Rượu   vang–thanh long ', 'ruou vang thanh long'],
    ['HTX Bến Bà Chi (Tri Tôn)', 'htx ben ba chi tri ton'],
    ['Số 9737/QĐ-UBND', 'so 9737 qd ubnd'],
    ['', ''],
  ])('%s → %s', (input, out) => expect(fold(input)).toBe(out));

  it('gives the query words once each and escapes LIKE metacharacters', () => {
    expect(foldWords('Cơ khí cơ KHÍ long an')).toEqual(['co', 'khi', 'long', 'an']);
    expect(foldWords(' – ')).toEqual([]);
    expect(likeContains('50%_x')).toBe('%50\\%\\_x%');
  });
});

describe('Vietnamese collation', () => {
  it('orders the alphabet a ă â b c d đ e ê … o ô ơ … u ư', () => {
    const letters = ['u', 'ư', 'o', 'ô', 'ơ', 'đ', 'd', 'e', 'ê', 'a', 'â', 'ă', 'b', 'y', 'x', 'v'];
    expect([...letters].sort(compareVi)).toEqual(['a', 'ă', 'â', 'b', 'd', 'đ', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư', 'v', 'x', 'y']);
  });

  it('orders tones none < huyền < hỏi < ngã < sắc < nặng, after the letters', () => {
    expect(['má', 'mạ', 'mà', 'ma', 'mã', 'mả'].sort(compareVi)).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
    expect(['mạ b', 'ma c'].sort(compareVi)).toEqual(['mạ b', 'ma c']);
  });

  it('agrees with Intl.Collator("vi") on real names', () => {
    const names = ['Đồng Tháp Mười', 'Dược liệu Mecola', 'Ánh Dương', 'Anh Minh', 'Ăn Ngon', 'Âu Lạc', 'Yến Sào',
      'Ơn Trời', 'Ông Già', 'Ô Long', 'Bến Bà Chi', 'Bến Lức', 'Hợp Thịnh', 'Hồng Bảo Lâm', 'Long An', 'long an',
      'Lạng Sơn', 'Na Dương', 'Nhơn Thạnh Trung', 'Thanh long', 'Thạnh Hóa', 'Thủ Thừa', 'Thuận Thành', 'Tri Tôn',
      'Tịnh Biên', 'Ưu Đàm', 'Uyên Minh', 'Cần Giuộc', 'Cà Mau', 'Chợ Đào', 'Chi Lăng', 'HTX 2', 'HTX 10'];
    const byIntl = [...names].sort(new Intl.Collator('vi').compare);
    expect([...names].sort(compareVi)).toEqual(byIntl);
  });

  it('makes keys that compare bytewise (for ORDER BY … COLLATE "C")', () => {
    const a = Buffer.from(sortKey('Âu Lạc'));
    const b = Buffer.from(sortKey('Ăn Ngon'));
    expect(Buffer.compare(b, a)).toBe(-1);
    expect(sortKey('Long')).not.toContain('\u0000');
  });
});

describe('formats', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(formatNumber(1625.5)).toBe('1.625,5');
    expect(formatNumber(1_625_000)).toBe('1.625.000');
    expect(formatPercent(81.5)).toBe('81,5%');
  });

  it('writes and reads dates dd/mm/yyyy', () => {
    expect(formatDate('2023-10-19')).toBe('19/10/2023');
    expect(formatDateLong('2023-10-19')).toBe('ngày 19 tháng 10 năm 2023');
    // Decree 30: a leading zero for days below 10 and for January and February only.
    expect(formatDateLong('2026-03-05')).toBe('ngày 05 tháng 3 năm 2026');
    expect(formatDateLong('2026-02-07')).toBe('ngày 07 tháng 02 năm 2026');
    expect(formatDateLong('2023-05-04')).toBe('ngày 04 tháng 5 năm 2023');
    expect(parseDate('19/10/2023')).toBe('2023-10-19');
    expect(parseDate('5/3/2026')).toBe('2026-03-05');
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseDate('2024-02-01')).toBeNull();
  });
});

describe('tax code', () => {
  it('computes the check digit with weights 31 29 23 19 17 13 7 5 3', () => {
    // 0·31 + 3·29 + 0·23 + 0·19 + 5·17 + 8·13 + 8·7 + 5·5 + 6·3 = 375; 375 mod 11 = 1; 10 − 1 = 9
    expect(taxCodeCheckDigit('030058856')).toBe(9);
    expect(isValidTaxCode('0300588569')).toBe(true);
    expect(taxCodeProblem('0300588560')).toBe('check_digit');
  });

  it('accepts a dependent unit as 10 digits, a dash and 001–999', () => {
    expect(taxCodeProblem('0300588569-001')).toBeNull();
    expect(taxCodeProblem('0300588569-000')).toBe('branch');
    expect(taxCodeProblem('0300588569001')).toBe('format');
    expect(taxCodeProblem('030058856')).toBe('format');
    expect(taxCodeProblem('03005885x9')).toBe('format');
  });

  it('has no valid code when the computed digit would be 10', () => {
    // Find nine digits whose sum mod 11 is 0: then no check digit exists.
    let nine = '';
    for (let i = 0; i < 1000 && !nine; i++) {
      const cand = String(100_000_000 + i);
      if (taxCodeCheckDigit(cand) === null) nine = cand;
    }
    expect(nine).not.toBe('');
    expect(withCheckDigit(nine)).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidTaxCode(nine + d)).toBe(false);
  });
});
