import { describe, expect, it } from 'vitest';
import { issuerHeading, provinceHeading } from './agencies.headings.ts';

describe('the heading of the documents an agency issues', () => {
  it.each([
    // [agency name, place, parent] → [governing body, issuing agency]
    ['Sở Khoa học và Công nghệ tỉnh Long An', 'Long An', 'UBND tỉnh Long An', 'UBND TỈNH LONG AN', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
    ['Sở Khoa học và Công nghệ thành phố Hà Nội', 'Hà Nội', 'UBND thành phố Hà Nội', 'UBND THÀNH PHỐ HÀ NỘI', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
    ['Sở Khoa học và Công nghệ', 'Lạng Sơn', 'Ủy ban nhân dân tỉnh Lạng Sơn', 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
    // A governing body that does not name the place: the agency keeps its whole name.
    ['Trung tâm Ứng dụng tiến bộ KH&CN tỉnh Long An', 'Long An', 'Bộ Khoa học và Công nghệ', 'BỘ KHOA HỌC VÀ CÔNG NGHỆ', 'TRUNG TÂM ỨNG DỤNG TIẾN BỘ KH&CN TỈNH LONG AN'],
    // No governing body: the whole name.
    ['Sở Khoa học và Công nghệ tỉnh An Giang', 'An Giang', null, null, 'SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH AN GIANG'],
  ])('%s under %s', (name, place, parentName, governingBody, issuingAgency) => {
    expect(issuerHeading({ name, placeName: place, documentSymbol: 'SKHCN', parentName })).toEqual({ governingBody, issuingAgency, place, symbol: 'SKHCN' });
  });

  it('draws a heading from the tenant and its province when the province recorded no issuing agency', () => {
    expect(provinceHeading({ tenantName: 'Sở KH&CN', provinceName: 'Tây Ninh', provinceKind: 'province' }))
      .toEqual({ governingBody: 'UBND TỈNH TÂY NINH', issuingAgency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', place: 'Tây Ninh', symbol: 'SKHCN' });
    expect(provinceHeading({ tenantName: 'Sở KH&CN', provinceName: 'Hà Nội', provinceKind: 'municipality' }).governingBody).toBe('UBND THÀNH PHỐ HÀ NỘI');
    expect(provinceHeading({ tenantName: 'Sở Khoa học và Công nghệ tỉnh Lạng Sơn', provinceName: null, provinceKind: null }))
      .toEqual({ governingBody: null, issuingAgency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LẠNG SƠN', place: 'Lạng Sơn', symbol: 'SKHCN' });
  });
});
