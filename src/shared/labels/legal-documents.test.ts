/** What a reference's type word and symbol suggest, and the number key the register compares. */
import { describe, expect, it } from 'vitest';
import { legalNumberKey, normalizeLegalNumber } from '../../lib/vi/legal-refs.ts';
import { docTypeOfRefType, suggestFromNumber } from './legal-documents.ts';

describe('a number/symbol', () => {
  it.each([
    ['98 / KH - UBND', '98/KH-UBND'],
    ['16 – CTr / TU', '16-CTr/TU'],
    ['  93/2025/QH15 ', '93/2025/QH15'],
    ['TCVN  5603 : 2008', 'TCVN 5603:2008'],
  ])('%s is written %s', (typed, written) => {
    expect(normalizeLegalNumber(typed)).toBe(written);
  });

  it('is compared without case, spaces around separators, or the stroke of Đ', () => {
    expect(legalNumberKey('16-Ctr/TU')).toBe(legalNumberKey('16 - CTr / tu'));
    expect(legalNumberKey('9737/QĐ-UBND')).toBe(legalNumberKey('9737/qd-ubnd'));
    expect(legalNumberKey('98/KH-UBND')).not.toBe(legalNumberKey('98/KH-SKHCN'));
  });
});

describe('the type of a reference', () => {
  it.each([
    ['Quyết định', 'decision'], ['Decision', 'decision'], ['Nghị quyết', 'resolution'], ['Chương trình', 'programme'],
    ['Program', 'programme'], ['Kết luận', 'conclusion'], ['Văn bản', 'official_letter'], ['Luật', 'law'], ['Bộ luật', 'law'],
    ['Thông tư', 'circular'], ['Quy chuẩn', 'technical_regulation'], ['Tờ trình', 'other'],
  ])('%s is %s', (word, code) => {
    expect(docTypeOfRefType(word)).toBe(code);
  });
});

describe('what a symbol suggests', () => {
  it.each([
    ['05-NQ/TW', 'Ban Chấp hành Trung ương Đảng', true],
    ['93/2025/QH15', 'Quốc hội', true],
    ['1322/QĐ-TTg', 'Thủ tướng Chính phủ', true],
    ['267/2025/NĐ-CP', 'Chính phủ', true],
    ['15/2022/TT-BKHCN', 'Bộ Khoa học và Công nghệ', true],
    ['55/2015/TTLT-BTC-BKHCN', 'Bộ Khoa học và Công nghệ', true],
    ['TCVN ISO 9001', null, true],
    ['16-CTr/TU', 'Tỉnh ủy', false],
    ['9737/QĐ-UBND', 'Ủy ban nhân dân tỉnh', false],
    ['12/2022/NQ-HĐND', 'Hội đồng nhân dân tỉnh', false],
    ['561/SKHCN-QLCN', 'Sở Khoa học và Công nghệ', false],
    ['522/KH-SKHCN', 'Sở Khoa học và Công nghệ', false],
    ['12/BC', null, false],
  ])('%s: issued by %s, national %s', (number, issuer, national) => {
    expect(suggestFromNumber(number)).toEqual({ issuer, national });
  });
});
