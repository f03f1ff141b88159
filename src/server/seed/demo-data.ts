/**
 * Demo data, drawn from the facts of five public news articles by the Departments of Science and Technology of
 * Long An, Lạng Sơn and An Giang (2021–2024). Organisation names, places and authors are as the articles give
 * them; places are mapped to the communes in force since the 2025 reform (the former one is kept in the address).
 *
 * What is NOT from the articles, and is fictitious:
 *  - tax codes: the articles give none, so seed.ts makes valid-format codes (correct check digit) in a 0999…
 *    series that stand for no real enterprise;
 *  - the experts marked `fictitious`: plausible specialists for the fields the articles describe, with made-up
 *    names (their note says so);
 *  - the demo accounts, whose display names describe a role rather than a person.
 */
import type { ORG_KINDS } from '../../shared/schemas/organizations.ts';
import type { PersonInput } from '../../shared/schemas/people.ts';
import type { Role } from '../../shared/roles.ts';

export const DEMO_PASSWORD = 'khcn-demo-2026';

export interface DemoTenant {
  slug: string;
  name: string;
  /** The day the province's present departments started: the merged provinces re-formed theirs on 01/07/2025. */
  agenciesFrom: string;
  /** Province code of the unit in force today (the new Tây Ninh reuses Long An's code 80, An Giang Kiên Giang's 91). */
  provinceCode: string;
  /** Short name for tables. */
  province: string;
  /** The DOST whose documents the province's records of before `agenciesFrom` are (see DemoFormerDost). */
  formerDost: DemoFormerDost;
}

/**
 * The DOST before the present one, for the documents of its time (council minutes are headed by the DOST in force on
 * the meeting date). In Tây Ninh it is the former Long An's: the demo's records before 01/07/2025 are Long An's, the
 * province the new Tây Ninh took in (Resolution 202/2025/QH15); in An Giang the former An Giang's (which took in
 * Kiên Giang the same day); in Lạng Sơn, not merged, its own DOST before it took in the Sở Thông tin và Truyền thông
 * on 01/03/2025. Its first day is illustrative, like those of the departments merged in 2025.
 */
export interface DemoFormerDost {
  /** The province it belonged to. */
  province: string;
  validFrom: string;
  validTo: string;
  /**
   * Its People's Committee ended with it (the province merged): the seed adds that committee, closed the same day.
   * Otherwise it answered to the province's present committee, then in force since `validFrom`.
   */
  committeeEnded: boolean;
  /** Why it ended, for its note. */
  until: string;
}

const FORMER_FROM = '2014-04-04';

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'tay-ninh', name: 'Sở Khoa học và Công nghệ tỉnh Tây Ninh', agenciesFrom: '2025-07-01', provinceCode: '80', province: 'Tây Ninh',
    formerDost: {
      province: 'Long An', validFrom: FORMER_FROM, validTo: '2025-06-30', committeeEnded: true,
      until: 'đến 30/06/2025; từ 01/07/2025 tỉnh Long An và tỉnh Tây Ninh hợp nhất thành tỉnh Tây Ninh (Nghị quyết 202/2025/QH15)',
    },
  },
  {
    slug: 'lang-son', name: 'Sở Khoa học và Công nghệ tỉnh Lạng Sơn', agenciesFrom: '2025-03-01', provinceCode: '20', province: 'Lạng Sơn',
    formerDost: {
      province: 'Lạng Sơn', validFrom: FORMER_FROM, validTo: '2025-02-28', committeeEnded: false,
      until: 'đến 28/02/2025; từ 01/03/2025 Sở hợp nhất với Sở Thông tin và Truyền thông (Nghị định 45/2025/NĐ-CP)',
    },
  },
  {
    slug: 'an-giang', name: 'Sở Khoa học và Công nghệ tỉnh An Giang', agenciesFrom: '2025-07-01', provinceCode: '91', province: 'An Giang',
    formerDost: {
      province: 'An Giang', validFrom: FORMER_FROM, validTo: '2025-06-30', committeeEnded: true,
      until: 'đến 30/06/2025; từ 01/07/2025 tỉnh An Giang và tỉnh Kiên Giang hợp nhất thành tỉnh An Giang (Nghị quyết 202/2025/QH15)',
    },
  },
];

/** The symbol of the DOSTs' document numbers ("12/BB-SKHCN"). */
export const DOST_SYMBOL = 'SKHCN';

export interface DemoAgency {
  key: string;
  kind: 'people_committee' | 'office' | 'department' | 'agency' | 'dost_division';
  /** The name without the province ("Sở Tài chính"); the seed adds "tỉnh <province>" to bodies of the province. */
  name: string;
  shortName?: string;
  /** A division: the key of its department. */
  parent?: string;
  /** A body that merged in the 2025 restructuring: its last day, and an illustrative first day. */
  closed?: { validFrom: string; validTo: string; mergedInto: string };
  /** The province's DOST: it issues the province's documents, under this agency (the People's Committee). */
  issuesUnder?: string;
  /** The People's Committee and its office: in a province that did not merge, in force since before the reform. */
  sinceFormer?: boolean;
}

const AGENCY_NOTE = 'Danh sách minh họa theo cơ cấu các cơ quan chuyên môn thuộc UBND tỉnh của Nghị định 45/2025/NĐ-CP '
  + '(từ 01/03/2025); ngày bắt đầu của các sở đã hợp nhất là giá trị minh họa. Quản trị viên đối chiếu với quyết định của UBND tỉnh.';

/** Every demo province gets this list (the People's Committee, its office, departments, one DOST division). */
export const DEMO_AGENCIES: DemoAgency[] = [
  { key: 'ubnd', kind: 'people_committee', name: 'UBND', shortName: 'UBND tỉnh', sinceFormer: true },
  { key: 'vp-ubnd', kind: 'office', name: 'Văn phòng UBND', sinceFormer: true },
  { key: 'khcn', kind: 'department', name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN', issuesUnder: 'ubnd' },
  { key: 'khcn-qlkh', kind: 'dost_division', name: 'Phòng Quản lý khoa học', parent: 'khcn' },
  { key: 'noi-vu', kind: 'department', name: 'Sở Nội vụ' },
  { key: 'tai-chinh', kind: 'department', name: 'Sở Tài chính' },
  { key: 'tu-phap', kind: 'department', name: 'Sở Tư pháp' },
  { key: 'cong-thuong', kind: 'department', name: 'Sở Công Thương' },
  { key: 'nn-mt', kind: 'department', name: 'Sở Nông nghiệp và Môi trường', shortName: 'Sở NN&MT' },
  { key: 'xay-dung', kind: 'department', name: 'Sở Xây dựng' },
  { key: 'gd-dt', kind: 'department', name: 'Sở Giáo dục và Đào tạo' },
  { key: 'y-te', kind: 'department', name: 'Sở Y tế' },
  { key: 'vh-tt-dl', kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  {
    key: 'tt-tt', kind: 'department', name: 'Sở Thông tin và Truyền thông',
    closed: { validFrom: '2014-04-04', validTo: '2025-02-28', mergedInto: 'Sở Khoa học và Công nghệ' },
  },
  {
    key: 'nn-ptnt', kind: 'department', name: 'Sở Nông nghiệp và Phát triển nông thôn',
    closed: { validFrom: '2014-04-04', validTo: '2025-02-28', mergedInto: 'Sở Nông nghiệp và Môi trường' },
  },
  {
    key: 'kh-dt', kind: 'department', name: 'Sở Kế hoạch và Đầu tư',
    closed: { validFrom: '2014-04-04', validTo: '2025-02-28', mergedInto: 'Sở Tài chính' },
  },
];

export const demoAgencyNote = (a: DemoAgency) => (a.closed ? `${AGENCY_NOTE} Hợp nhất vào ${a.closed.mergedInto} từ 01/03/2025.` : AGENCY_NOTE);

/** The note of a former DOST, or of the People's Committee it answered to in a province that merged. */
export const demoFormerNote = (t: DemoTenant, what: 'dost' | 'committee') => (what === 'dost'
  ? `Cơ quan ban hành văn bản của tỉnh ${t.formerDost.until}; ngày bắt đầu là giá trị minh họa. `
    + 'Biên bản, văn bản lập trong thời gian này mang tên cơ quan này.'
  : `Cơ quan chủ quản của Sở Khoa học và Công nghệ tỉnh ${t.formerDost.province} ${t.formerDost.until}; ngày bắt đầu là giá trị minh họa.`);

export interface DemoOrganization {
  /** Key used by people and accounts of the same tenant. */
  key: string;
  tenant: string;
  kind: (typeof ORG_KINDS)[number];
  name: string;
  shortName?: string;
  /** Level-2 code of the science-field catalogue (migration 0002); its level-1 parent is used if it is missing. */
  scienceField?: string;
  isStEnterprise?: boolean;
  /**
   * Where it is, as the article names it: the commune before the 2025 reform. seed.ts looks it up in the
   * reference data on 30/06/2025 and uses its one successor in force today; nothing is set when that fails.
   */
  formerCommune?: { provinceCode: string; district: string; commune: string };
  address?: string;
  /** Gets a fictitious tax code (enterprises and cooperatives). */
  taxCode?: boolean;
  note?: string;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  // Tây Ninh (the former Long An): the six enterprises and cooperatives that took part in S&T tasks with the DOST's
  // support, and the centre that runs the online technology exchange (launched 16/5/2023).
  {
    key: 'duoc-lieu-dtm', tenant: 'tay-ninh', kind: 'enterprise', taxCode: true, isStEnterprise: true, scienceField: '304',
    name: 'Công ty Cổ phần Nghiên cứu Bảo Tồn và Phát triển Dược liệu Đồng Tháp Mười',
    note: 'Tham gia triển khai đề tài, dự án nghiên cứu khoa học với sự hỗ trợ của Sở KH&CN.',
  },
  {
    key: 'co-khi-che-tao-may', tenant: 'tay-ninh', kind: 'enterprise', taxCode: true, isStEnterprise: true, scienceField: '203',
    name: 'Công ty Cổ phần Cơ Khí chế tạo máy Long An',
    note: 'Tham gia triển khai đề tài, dự án nghiên cứu khoa học với sự hỗ trợ của Sở KH&CN.',
  },
  {
    key: 'ruou-thanh-long', tenant: 'tay-ninh', kind: 'enterprise', taxCode: true, scienceField: '211',
    name: 'Công ty TNHH MTV Sản xuất Rượu Thanh long',
    note: 'Tham gia nhiệm vụ KH&CN; rượu vang thanh long và dầu hạt thanh long được hỗ trợ áp dụng hệ thống quản lý chất lượng (2022).',
  },
  {
    key: 'co-khi-xay-dung', tenant: 'tay-ninh', kind: 'enterprise', taxCode: true, scienceField: '201',
    name: 'Công ty Cổ phần Cơ khí Xây dựng Long An',
    note: 'Tham gia triển khai đề tài, dự án nghiên cứu khoa học với sự hỗ trợ của Sở KH&CN.',
  },
  {
    key: 'htx-nhon-thanh-trung', tenant: 'tay-ninh', kind: 'cooperative', taxCode: true, scienceField: '401',
    name: 'Hợp tác xã Nông nghiệp Nhơn Thạnh Trung', shortName: 'HTX Nông nghiệp Nhơn Thạnh Trung',
    formerCommune: { provinceCode: '80', district: 'Thành phố Tân An', commune: 'Xã Nhơn Thạnh Trung' },
    address: 'Phường Tân An, tỉnh Tây Ninh (trước 01/7/2025: xã Nhơn Thạnh Trung, thành phố Tân An, tỉnh Long An)',
  },
  {
    key: 'mecola', tenant: 'tay-ninh', kind: 'enterprise', taxCode: true, isStEnterprise: true, scienceField: '304',
    name: 'Công ty Cổ phần dược liệu Mecola',
    note: 'Tham gia triển khai đề tài, dự án nghiên cứu khoa học với sự hỗ trợ của Sở KH&CN.',
  },
  {
    key: 'trung-tam-ung-dung', tenant: 'tay-ninh', kind: 'state_agency', scienceField: '2',
    name: 'Trung tâm Ứng dụng, kỹ thuật, thông tin khoa học và công nghệ tỉnh Long An',
    shortName: 'Trung tâm Ứng dụng KH&CN',
    note: 'Đơn vị vận hành Sàn giao dịch công nghệ và thiết bị trực tuyến (ra mắt 16/5/2023), hợp tác với Trung tâm Thông tin và Thống kê KH&CN TP.HCM.',
  },
  {
    key: 'so-khcn-tay-ninh', tenant: 'tay-ninh', kind: 'state_agency',
    name: 'Sở Khoa học và Công nghệ tỉnh Tây Ninh', shortName: 'Sở KH&CN Tây Ninh',
    note: 'Từ 01/7/2025 gồm cả Sở KH&CN tỉnh Long An trước đây.',
  },
  // Lạng Sơn: the cooperative and the power plant whose S&T tasks the article names.
  {
    key: 'htx-hop-thinh', tenant: 'lang-son', kind: 'cooperative', taxCode: true, scienceField: '402',
    name: 'Hợp tác xã Hợp Thịnh', shortName: 'HTX Hợp Thịnh',
    note: 'Nghiên cứu ứng dụng hệ thống sưởi ấm bằng khí biogas cho chăn nuôi lợn nái sinh sản.',
  },
  {
    key: 'nhiet-dien-na-duong', tenant: 'lang-son', kind: 'enterprise', taxCode: true, scienceField: '207',
    name: 'Nhà máy nhiệt điện Na Dương',
    formerCommune: { provinceCode: '20', district: 'Huyện Lộc Bình', commune: 'Thị trấn Na Dương' },
    address: 'Xã Na Dương, tỉnh Lạng Sơn (trước 01/7/2025: thị trấn Na Dương, huyện Lộc Bình)',
    note: 'Tro, xỉ của nhà máy được dùng để sản xuất gạch không nung, làm đường giao thông nông thôn.',
  },
  {
    key: 'so-khcn-lang-son', tenant: 'lang-son', kind: 'state_agency',
    name: 'Sở Khoa học và Công nghệ tỉnh Lạng Sơn', shortName: 'Sở KH&CN Lạng Sơn',
  },
  // An Giang: the cooperative where the solar-powered orchard irrigation model was installed.
  {
    key: 'htx-ben-ba-chi', tenant: 'an-giang', kind: 'cooperative', taxCode: true, scienceField: '401',
    name: 'Hợp tác xã Bến Bà Chi', shortName: 'HTX Bến Bà Chi',
    formerCommune: { provinceCode: '89', district: 'Huyện Tri Tôn', commune: 'Xã Lê Trì' },
    address: 'Ấp Trung An, xã Ba Chúc, tỉnh An Giang (trước 01/7/2025: xã Lê Trì, huyện Tri Tôn)',
    note: 'Mô hình tưới bằng năng lượng mặt trời cho vườn cây ăn trái trên triền núi.',
  },
  {
    key: 'so-khcn-an-giang', tenant: 'an-giang', kind: 'state_agency',
    name: 'Sở Khoa học và Công nghệ tỉnh An Giang', shortName: 'Sở KH&CN An Giang',
    note: 'Từ 01/7/2025 gồm cả Sở KH&CN tỉnh Kiên Giang trước đây.',
  },
];

export const FICTITIOUS = 'Chuyên gia minh họa: dữ liệu demo, không phải người thật.';

export interface DemoPerson extends Omit<PersonInput, 'organizationId' | 'isExpert'> {
  tenant: string;
  organization?: string;
  isExpert: boolean;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  // Authors named in the articles.
  {
    tenant: 'tay-ninh', fullName: 'Nguyễn Thị Bích Thảo', position: 'Văn phòng Sở', organization: 'so-khcn-tay-ninh', isExpert: false,
    note: 'Tác giả tin bài của Văn phòng Sở KH&CN Long An (ký NTBT) về Kế hoạch 9737/QĐ-UBND và Chương trình 54-CTr/TU.',
  },
  {
    tenant: 'lang-son', fullName: 'Hoàng Minh Luỹ', isExpert: false,
    note: 'Tác giả bài viết về kết quả KH&CN thực hiện Nghị quyết 19-NQ/TU của Ban Thường vụ Tỉnh ủy Lạng Sơn (2016–2020).',
  },
  // Fictitious experts for the fields the articles describe.
  {
    tenant: 'tay-ninh', fullName: 'Trần Văn Phúc', degree: 'TS', scienceField: '401', isExpert: true, organization: 'trung-tam-ung-dung',
    expertise: 'Canh tác thanh long, chanh không hạt; tưới tiêu thông minh; sổ tay điện tử VietGAP', note: FICTITIOUS,
  },
  {
    tenant: 'tay-ninh', fullName: 'Lê Thị Hồng Nhung', academicTitle: 'PGS', degree: 'TS', scienceField: '304', isExpert: true,
    expertise: 'Bảo tồn và phát triển dược liệu vùng Đồng Tháp Mười', note: FICTITIOUS,
  },
  {
    tenant: 'tay-ninh', fullName: 'Phạm Minh Tâm', degree: 'ThS', scienceField: '203', isExpert: true,
    expertise: 'Chế tạo máy nông nghiệp; san phẳng đồng ruộng bằng laser', note: FICTITIOUS,
  },
  {
    tenant: 'tay-ninh', fullName: 'Võ Thanh Hải', degree: 'TS', scienceField: '405', isExpert: true,
    expertise: 'Ương giống và nuôi thương phẩm cá trê vàng', note: FICTITIOUS,
  },
  {
    tenant: 'tay-ninh', fullName: 'Đặng Ngọc Yến', degree: 'ThS', scienceField: '502', isExpert: true,
    expertise: 'Năng suất chất lượng: ISO 9001, ISO 22000, HACCP, 5S, Kaizen; chỉ số năng suất các yếu tố tổng hợp (TFP)', note: FICTITIOUS,
  },
  {
    tenant: 'tay-ninh', fullName: 'Huỳnh Quốc Bảo', degree: 'KS', scienceField: '211', isExpert: true,
    expertise: 'Chế biến rượu vang thanh long, xoài sấy dẻo; xây dựng tiêu chuẩn cơ sở', note: FICTITIOUS,
  },
  {
    tenant: 'lang-son', fullName: 'Nông Văn Thắng', degree: 'TS', scienceField: '203', isExpert: true,
    expertise: 'Máy sấy bơm nhiệt cho hoa hồi; máy gieo hạt', note: FICTITIOUS,
  },
  {
    tenant: 'lang-son', fullName: 'Lương Thị Mai', degree: 'ThS', scienceField: '210', isExpert: true,
    expertise: 'Màng chitosan-nano bạc bảo quản quả quýt; biến tính gỗ thông bằng nano SiO2', note: FICTITIOUS,
  },
  {
    tenant: 'lang-son', fullName: 'Hà Văn Tuấn', degree: 'KS', scienceField: '402', isExpert: true, organization: 'htx-hop-thinh',
    expertise: 'Chăn nuôi lợn nái sinh sản; sưởi ấm bằng khí biogas', note: FICTITIOUS,
  },
  {
    tenant: 'an-giang', fullName: 'Trương Công Danh', degree: 'TS', scienceField: '601', isExpert: true,
    expertise: 'Khảo cổ học văn hóa Óc Eo; số hóa 3D hiện vật', note: FICTITIOUS,
  },
  {
    tenant: 'an-giang', fullName: 'Nguyễn Thị Kim Loan', degree: 'ThS', scienceField: '202', isExpert: true,
    expertise: 'Hệ thống tưới dùng năng lượng mặt trời cho vườn cây ăn trái', note: FICTITIOUS,
  },
  {
    tenant: 'an-giang', fullName: 'Lâm Văn Sang', degree: 'KS', scienceField: '401', isExpert: true,
    expertise: 'Bắp bao tử; sản xuất giống rau màu, hoa kiểng', note: FICTITIOUS,
  },
];

export interface DemoAccount {
  tenant: string;
  username: string;
  role: Role;
  displayName: string;
  organization?: string;
  /** The key of the agency (DEMO_AGENCIES) the account works in. */
  agency?: string;
}

/**
 * Accounts in creation order. Each tenant's first account (an admin or a DOST officer) is the one that enters that
 * tenant's organisations and people, so every record has an author in the audit log; accounts that point at an
 * organisation come after the organisations.
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { tenant: 'tay-ninh', username: 'admin', role: 'admin', displayName: 'Quản trị hệ thống', agency: 'khcn' },
  { tenant: 'lang-son', username: 'canbo.langson', role: 'dost_officer', displayName: 'Cán bộ Sở KH&CN Lạng Sơn', agency: 'khcn' },
  { tenant: 'an-giang', username: 'canbo.angiang', role: 'dost_officer', displayName: 'Cán bộ Sở KH&CN An Giang', agency: 'khcn' },
  { tenant: 'tay-ninh', username: 'canbo', role: 'dost_officer', displayName: 'Cán bộ Phòng Quản lý khoa học', agency: 'khcn-qlkh' },
  { tenant: 'tay-ninh', username: 'donvi', role: 'unit_officer', displayName: 'Cán bộ Sở Nông nghiệp và Môi trường', agency: 'nn-mt' },
  { tenant: 'tay-ninh', username: 'hoidong', role: 'reviewer', displayName: 'Thành viên hội đồng tư vấn KH&CN' },
  { tenant: 'tay-ninh', username: 'lanhdao', role: 'leader', displayName: 'Lãnh đạo UBND tỉnh', agency: 'ubnd' },
  { tenant: 'tay-ninh', username: 'doanhnghiep', role: 'applicant', displayName: 'Công ty CP Cơ khí chế tạo máy Long An', organization: 'co-khi-che-tao-may' },
];
