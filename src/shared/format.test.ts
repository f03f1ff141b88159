import { describe, expect, it } from 'vitest';
import { formatDateIn, formatDateTimeIn, formatNumberIn, formatPercentIn } from './format.ts';

describe('numbers and dates in the reader\'s language', () => {
  it.each([
    ['vi', 1625.5, '1.625,5'],
    ['en', 1625.5, '1,625.5'],
    ['en', 1234567, '1,234,567'],
    ['vi', 0.125, '0,13'],
  ] as const)('writes %s numbers: %d → %s', (lang, n, text) => {
    expect(formatNumberIn(lang, n)).toBe(text);
  });

  it('writes percentages with the language\'s decimal mark', () => {
    expect(formatPercentIn('vi', 81.54)).toBe('81,5%');
    expect(formatPercentIn('en', 81.54)).toBe('81.5%');
  });

  it('writes a calendar date as dd/mm/yyyy in Vietnamese and "1 Dec 2026" in English', () => {
    expect(formatDateIn('vi', '2026-12-01')).toBe('01/12/2026');
    expect(formatDateIn('en', '2026-12-01')).toBe('1 Dec 2026');
  });

  it('shows an instant in Vietnam time, whatever the machine\'s time zone', () => {
    // 18:30 UTC on 30 November is 01:30 on 1 December in Vietnam.
    expect(formatDateTimeIn('vi', '2026-11-30T18:30:00Z')).toBe('01/12/2026 01:30');
    expect(formatDateTimeIn('en', new Date('2026-11-30T18:30:00Z'))).toBe('1 Dec 2026 01:30');
    expect(formatDateIn('en', '2026-11-30T18:30:00Z')).toBe('1 Dec 2026');
  });

  it('returns text that is not an instant as given', () => {
    expect(formatDateTimeIn('vi', 'not a time')).toBe('not a time');
  });
});
