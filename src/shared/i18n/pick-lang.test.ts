import { describe, expect, it } from 'vitest';
import { pickLang } from './messages.ts';

describe('pickLang', () => {
  it.each([
    ['en;q=0.1, vi;q=0.9', 'vi'],
    ['vi;q=0.2, en;q=0.8', 'en'],
    ['fr, en;q=0.5, vi;q=0.4', 'en'],
    ['vi;q=0, en', 'en'],
    ['en;q=0, de', 'vi'],
    ['en-GB;q=0.7, vi-VN;q=0.7', 'en'],
    ['*', 'vi'],
    ['EN-us', 'en'],
    ['en;q=abc, vi;q=0.5', 'vi'],
  ])('%s → %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });
});
