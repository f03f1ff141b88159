import { describe, expect, it } from 'vitest';
import { legalBasisText } from './legal-basis.ts';

describe('legal-basis citations in English', () => {
  it.each([
    ['Thông tư 08/2017/TT-BKHCN (sửa đổi bởi Thông tư 20/2023/TT-BKHCN)', 'Circular 08/2017/TT-BKHCN (amended by Circular 20/2023/TT-BKHCN)'],
    ['Thông tư 08/2017/TT-BKHCN (mẫu phiếu đánh giá)', 'Circular 08/2017/TT-BKHCN (evaluation sheet template)'],
    ['Thông tư 11/2014/TT-BKHCN (thay bởi Thông tư 11/2023/TT-BKHCN): xếp loại nghiệm thu Xuất sắc / Đạt / Không đạt',
      'Circular 11/2014/TT-BKHCN (replaced by Circular 11/2023/TT-BKHCN): acceptance rating Excellent / Passed / Failed'],
    ['Luật Khoa học, công nghệ và đổi mới sáng tạo 93/2025/QH15; Nghị định 267/2025/NĐ-CP (phiếu đánh giá nhiệm vụ)',
      'Law on Science, Technology and Innovation 93/2025/QH15; Decree 267/2025/NĐ-CP (task evaluation sheet)'],
    ['Bộ luật Lao động 45/2019/QH14, Điều 111 (nghỉ hằng tuần, nghỉ bù) và Điều 112 (nghỉ lễ, Tết)',
      'Labour Code 45/2019/QH14, Article 111 (weekly rest, compensatory days off) and Article 112 (public holidays and Tết)'],
  ])('translates the kinds of document and the national phrases: %s', (vi, en) => {
    expect(legalBasisText(vi, 'en')).toBe(en);
  });

  it('keeps the Vietnamese text in Vietnamese', () => {
    const vi = 'Thông tư 08/2017/TT-BKHCN (sửa đổi bởi Thông tư 20/2023/TT-BKHCN)';
    expect(legalBasisText(vi, 'vi')).toBe(vi);
  });
});
