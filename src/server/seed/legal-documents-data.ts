/**
 * The provinces' own documents the seed articles cite (numbers, types and dates as `extractLegalRefs` reads them
 * from /work/shared/seeds; titles as the articles describe them), and the relations the articles state between
 * them and the national documents (legal-documents.national.ts). Long An's documents belong to Tây Ninh's tenant
 * since the 2025 merger and keep Long An's bodies as their issuers.
 */
import type { LegalDocType, LegalRelationKind } from '../../shared/schemas/legal-documents.ts';

export interface DemoLegalDocument {
  tenant: string;
  number: string;
  docType: LegalDocType;
  issuer: string;
  issuedOn: string | null;
  title: string;
  note?: string;
}

const SOURCE_LONG_AN = 'Dữ liệu mẫu: số, ngày và trích yếu theo bài viết của Sở KH&CN tỉnh Long An.';
const SOURCE_LANG_SON = 'Dữ liệu mẫu: số, ngày và trích yếu theo bài viết của Sở KH&CN tỉnh Lạng Sơn.';
const SOURCE_AN_GIANG = 'Dữ liệu mẫu: số, ngày và trích yếu theo bài viết của Sở KH&CN tỉnh An Giang.';
const UBND_LA = 'UBND tỉnh Long An';
const HDND_LA = 'HĐND tỉnh Long An';

export const DEMO_LEGAL_DOCUMENTS: DemoLegalDocument[] = [
  // Long An (seed 000, 001, 004).
  {
    tenant: 'tay-ninh', number: '16-CTr/TU', docType: 'programme', issuer: 'Ban Chấp hành Đảng bộ tỉnh Long An', issuedOn: '2017-05-17',
    title: 'Thực hiện Nghị quyết số 05-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XII) về một số chủ trương, chính sách lớn '
      + 'nhằm tiếp tục đổi mới mô hình tăng trưởng, nâng cao chất lượng tăng trưởng, năng suất lao động, sức cạnh tranh của nền kinh tế',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '98/KH-UBND', docType: 'plan', issuer: UBND_LA, issuedOn: '2017-07-12',
    title: 'Triển khai thực hiện Chương trình số 16-CTr/TU ngày 17/5/2017 của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 05-NQ/TW',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '54-CTr/TU', docType: 'programme', issuer: 'Ban Thường vụ Tỉnh ủy Long An', issuedOn: '2024-04-08',
    title: 'Về tiếp tục phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế '
      + 'thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '9737/QĐ-UBND', docType: 'decision', issuer: UBND_LA, issuedOn: '2023-10-19',
    title: 'Ban hành Kế hoạch phát triển khoa học, công nghệ và đổi mới sáng tạo tỉnh Long An giai đoạn 2023 - 2025, định hướng đến năm 2030',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '692/QĐ-UBND', docType: 'decision', issuer: UBND_LA, issuedOn: '2021-01-25',
    title: 'Ban hành Kế hoạch thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng '
      + 'hóa trên địa bàn tỉnh Long An giai đoạn 2021 – 2025 và định hướng đến năm 2030',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '12/2022/NQ-HĐND', docType: 'resolution', issuer: HDND_LA, issuedOn: '2022-07-13',
    title: 'Quy định nội dung chi và mức chi thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng '
      + 'sản phẩm, hàng hóa trên địa bàn tỉnh Long An giai đoạn 2022-2030',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '164/2014/NQ-HĐND', docType: 'resolution', issuer: HDND_LA, issuedOn: '2014-12-10',
    title: 'Về chính sách hỗ trợ chuyển giao kết quả nghiên cứu khoa học và ứng dụng tiến bộ công nghệ trên địa bàn tỉnh Long An',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '03/2021/NQ-HĐND', docType: 'resolution', issuer: HDND_LA, issuedOn: '2021-03-30',
    title: 'Về chính sách hỗ trợ nhân rộng kết quả nghiên cứu khoa học và ứng dụng tiến bộ công nghệ, đổi mới sáng tạo trên địa bàn '
      + 'tỉnh Long An giai đoạn 2021-2025',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '393/KH-UBND', docType: 'plan', issuer: UBND_LA, issuedOn: '2023-02-17',
    title: 'Thực hiện Đề án "Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia đến năm 2025" tỉnh Long An, giai đoạn 2022-2025',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '522/KH-SKHCN', docType: 'plan', issuer: 'Sở Khoa học và Công nghệ tỉnh Long An', issuedOn: '2023-04-26',
    title: 'Triển khai các hoạt động hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo năm 2023',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '10883/QĐ-UBND', docType: 'decision', issuer: UBND_LA, issuedOn: '2023-11-20',
    title: 'Phê duyệt Đề cương và dự toán chi tiết "Xây dựng cơ sở dữ liệu ngành khoa học và công nghệ"',
    note: SOURCE_LONG_AN,
  },
  {
    tenant: 'tay-ninh', number: '561/SKHCN-QLCN', docType: 'official_letter', issuer: 'Sở Khoa học và Công nghệ tỉnh Long An', issuedOn: '2023-05-04',
    title: 'Về việc khảo sát nhu cầu tìm kiếm, chuyển giao công nghệ của các doanh nghiệp, tổ chức trên địa bàn tỉnh',
    note: `${SOURCE_LONG_AN} Tiêu đề minh hoạ.`,
  },
  // Lạng Sơn (seed 002).
  {
    tenant: 'lang-son', number: '19-NQ/TU', docType: 'resolution', issuer: 'Ban Thường vụ Tỉnh ủy Lạng Sơn', issuedOn: '2016-07-11',
    title: 'Về việc tiếp tục tăng cường công tác xúc tiến đầu tư giai đoạn 2016-2020', note: SOURCE_LANG_SON,
  },
  {
    tenant: 'lang-son', number: '112/KH-UBND', docType: 'plan', issuer: 'UBND tỉnh Lạng Sơn', issuedOn: '2016-10-05',
    title: 'Cụ thể hoá Nghị quyết số 19-NQ/TU ngày 11/7/2016 của Ban Thường vụ Tỉnh ủy về tiếp tục tăng cường công tác xúc tiến đầu tư',
    note: `${SOURCE_LANG_SON} Tiêu đề minh hoạ.`,
  },
  {
    tenant: 'lang-son', number: '09/2016/NQ-HĐND', docType: 'resolution', issuer: 'HĐND tỉnh Lạng Sơn', issuedOn: '2016-07-29',
    title: 'Quy định chính sách khuyến khích, hỗ trợ áp dụng các thành tựu KH&CN vào sản xuất trên địa bàn tỉnh Lạng Sơn', note: SOURCE_LANG_SON,
  },
  {
    tenant: 'lang-son', number: '13/2019/NQ-HĐND', docType: 'resolution', issuer: 'HĐND tỉnh Lạng Sơn', issuedOn: '2019-12-10',
    title: 'Quy định nội dung và mức chi hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo trên địa bàn tỉnh Lạng Sơn', note: SOURCE_LANG_SON,
  },
  {
    tenant: 'lang-son', number: '41/2016/QĐ-UBND', docType: 'decision', issuer: 'UBND tỉnh Lạng Sơn', issuedOn: null,
    title: 'Quy định chính sách khuyến khích, hỗ trợ áp dụng các thành tựu khoa học và công nghệ vào sản xuất trên địa bàn tỉnh Lạng Sơn',
    note: SOURCE_LANG_SON,
  },
  {
    tenant: 'lang-son', number: '47/2018/QĐ-UBND', docType: 'decision', issuer: 'UBND tỉnh Lạng Sơn', issuedOn: '2018-08-22',
    title: 'Ban hành quy định quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh sử dụng ngân sách nhà nước trên địa bàn tỉnh Lạng Sơn',
    note: SOURCE_LANG_SON,
  },
  // An Giang (seed 003).
  {
    tenant: 'an-giang', number: '2338/QĐ-UBND', docType: 'decision', issuer: 'UBND tỉnh An Giang', issuedOn: null,
    title: 'Phê duyệt Kế hoạch triển khai Đề án "Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp Việt Nam nâng cao năng '
      + 'lực cạnh tranh và hội nhập quốc tế giai đoạn đến năm 2025, định hướng đến năm 2030" trên địa bàn tỉnh An Giang',
    note: SOURCE_AN_GIANG,
  },
  {
    tenant: 'an-giang', number: '573/KH-UBND', docType: 'plan', issuer: 'UBND tỉnh An Giang', issuedOn: '2021-09-28',
    title: 'Triển khai Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất chất lượng sản phẩm, hàng hoá giai đoạn 2021-2025, '
      + 'định hướng đến năm 2030 trên địa bàn tỉnh An Giang',
    note: SOURCE_AN_GIANG,
  },
];

/** [tenant, from, kind, to] by number; `to` may be a national document. As the articles state them. */
export const DEMO_LEGAL_RELATIONS: [string, string, LegalRelationKind, string][] = [
  // "Kế hoạch số 98/KH-UBND triển khai thực hiện Chương trình số 16-Ctr/TU … thực hiện Nghị quyết số 05-NQ/TW"
  ['tay-ninh', '16-CTr/TU', 'implements', '05-NQ/TW'],
  ['tay-ninh', '98/KH-UBND', 'implements', '16-CTr/TU'],
  // Chương trình 54-CTr/TU carries out Kết luận 69-KL/TW (issue 12's chain; seed 004).
  ['tay-ninh', '54-CTr/TU', 'implements', '69-KL/TW'],
  // "Thực hiện Quyết định số 1322/QĐ-TTg … ban hành Quyết định số 692/QĐ-UBND … Kế hoạch thực hiện Chương trình quốc gia"
  ['tay-ninh', '692/QĐ-UBND', 'implements', '1322/QĐ-TTg'],
  // "Triển khai Kế hoạch số 393/KH-UBND … Sở … ban hành Kế hoạch số 522 … triển khai các hoạt động … năm 2023"
  ['tay-ninh', '522/KH-SKHCN', 'implements', '393/KH-UBND'],
  // "Để cụ thể hoá Nghị quyết này … UBND tỉnh đã ban hành Kế hoạch số 112/KH-UBND"
  ['lang-son', '112/KH-UBND', 'implements', '19-NQ/TU'],
  // "Kế hoạch số 573/KH-UBND … về việc triển khai Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất chất lượng"
  ['an-giang', '573/KH-UBND', 'implements', '1322/QĐ-TTg'],
];
