import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { totalText } from './load-more.tsx';

afterAll(() => i18n.changeLanguage('vi'));

describe('the total under a list', () => {
  it('says "khoảng 12.000 kết quả" when the server estimated it, with Vietnamese digit grouping', async () => {
    await i18n.changeLanguage('vi');
    expect(totalText(i18n.t, 12_000, true)).toBe('khoảng 12.000 kết quả');
    expect(totalText(i18n.t, 1_000, false)).toBe('1.000 kết quả');
    expect(totalText(i18n.t, 1, false)).toBe('1 kết quả');
  });

  it('says "about 12,000 results" in English, and "1 result" for one', async () => {
    await i18n.changeLanguage('en');
    expect(totalText(i18n.t, 12_000, true)).toBe('about 12,000 results');
    expect(totalText(i18n.t, 7, false)).toBe('7 results');
    expect(totalText(i18n.t, 1, false)).toBe('1 result');
  });
});
