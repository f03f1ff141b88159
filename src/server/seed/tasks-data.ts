/**
 * Demo S&T tasks, drawn from the facts of the DOSTs' articles (seeds 000–004): what each task is about, who hosts
 * it, where its results were replicated. Everything else is illustrative and fictitious: the budgets (plausible
 * for provincial tasks, in million VND, with enterprise counterpart funding ≥ 70 % of state funds for pilot
 * production and replication projects as seed 000 reports), the planned products and their specifications, the
 * task codes, the council scores and the day counts of each stage. The organisations taking part are those the
 * articles name as taking part in S&T tasks (seed 000: six enterprises and cooperatives in 2023; the cooperative of
 * the smart-irrigation model); which task each took part in, and its role, is illustrative. The disbursements are
 * derived from the planned funding and each task's history (tasks-funding.ts). Experts and organisations added here are
 * marked fictitious in their note unless an article names them.
 *
 * A task's history is written as the days it spent in each stage: `steps[i].days` is the stay in the current
 * stage before `steps[i].action` moves it on. tasks.ts turns that into back-dated transitions from the proposal
 * date, so the stage-time dashboard shows real medians per stage and year.
 */
import type { ORG_KINDS } from '../../shared/schemas/organizations.ts';
import type { PersonInput } from '../../shared/schemas/people.ts';
import type { Rating } from '../../shared/schemas/councils.ts';
import type { z } from 'zod';
import { FICTITIOUS } from './demo-data.ts';
import type {
  ASSIGNMENT_MODES, FUNDING_MODES, PARTICIPANT_ROLES, PROGRESS_KINDS, TASK_TYPES, TASK_LEVELS, TaskProductInput as ProductSchema,
} from '../../shared/schemas/tasks.ts';

type TaskProductInput = z.infer<typeof ProductSchema>;

const FICTITIOUS_PERSON = 'Nhân sự minh họa: dữ liệu demo, không phải người thật.';
const FICTITIOUS_ORG = 'Tổ chức minh họa: dữ liệu demo.';
const EXPERTS_ORG = 'Nơi công tác của chuyên gia hội đồng trong dữ liệu demo; các chuyên gia gắn với tổ chức là nhân vật minh họa.';

export interface DemoTaskOrganization {
  key: string;
  tenant: string;
  kind: (typeof ORG_KINDS)[number];
  name: string;
  shortName?: string;
  scienceField?: string;
  address?: string;
  note: string;
}

/** Organisations the tasks need beyond those of demo-data.ts. */
export const TASK_ORGANIZATIONS: DemoTaskOrganization[] = [
  {
    key: 'trung-tam-ung-dung-ls', tenant: 'lang-son', kind: 'state_agency', scienceField: '2',
    name: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ tỉnh Lạng Sơn', shortName: 'Trung tâm Ứng dụng KH&CN Lạng Sơn',
    note: `${FICTITIOUS_ORG} Đơn vị sự nghiệp của Sở KH&CN chủ trì các đề tài ứng dụng.`,
  },
  {
    key: 'htx-ruou-mau-son', tenant: 'lang-son', kind: 'cooperative', scienceField: '211',
    name: 'Hợp tác xã Chế biến rượu Mẫu Sơn', shortName: 'HTX Rượu Mẫu Sơn',
    address: 'Xã Mẫu Sơn, tỉnh Lạng Sơn', note: `${FICTITIOUS_ORG} Sản xuất rượu Mẫu Sơn mang nhãn hiệu tập thể "Rượu Mẫu Sơn".`,
  },
  {
    key: 'ban-ql-oc-eo', tenant: 'an-giang', kind: 'state_agency', scienceField: '601',
    name: 'Ban Quản lý Di tích văn hóa Óc Eo', shortName: 'BQL Di tích Óc Eo',
    address: 'Xã Óc Eo, tỉnh An Giang (trước 01/7/2025: thị trấn Óc Eo, huyện Thoại Sơn)',
    note: 'Quản lý khu di tích văn hóa Óc Eo; đơn vị đề xuất chủ trì trong dữ liệu demo.',
  },
  // Where council experts work (their "Đơn vị công tác" in the minutes): none hosts a demo task, so the council
  // flags none of them as a likely conflict of interest.
  ...([
    ['dh-nong-lam-hcm', 'tay-ninh', 'university', 'Trường Đại học Nông Lâm Thành phố Hồ Chí Minh', 'Trường ĐH Nông Lâm TP.HCM'],
    ['vien-thuy-san-2', 'tay-ninh', 'research_institute', 'Viện Nghiên cứu Nuôi trồng thủy sản II', 'Viện NCNTTS II'],
    ['dh-nong-lam-tn', 'lang-son', 'university', 'Trường Đại học Nông Lâm – Đại học Thái Nguyên', 'Trường ĐH Nông Lâm Thái Nguyên'],
    ['dh-ktcn-tn', 'lang-son', 'university', 'Trường Đại học Kỹ thuật Công nghiệp – Đại học Thái Nguyên', 'Trường ĐH KTCN Thái Nguyên'],
    ['vien-nln-mien-nui', 'lang-son', 'research_institute', 'Viện Khoa học Kỹ thuật Nông Lâm nghiệp miền núi phía Bắc', 'Viện KHKT NLN miền núi phía Bắc'],
    ['dh-an-giang', 'an-giang', 'university', 'Trường Đại học An Giang – Đại học Quốc gia Thành phố Hồ Chí Minh', 'Trường ĐH An Giang'],
    ['dh-can-tho', 'an-giang', 'university', 'Trường Đại học Cần Thơ', 'Trường ĐH Cần Thơ'],
  ] as const).map(([key, tenant, kind, name, shortName]): DemoTaskOrganization => ({
    key, tenant, kind, name, shortName, note: EXPERTS_ORG,
  })),
];

export interface DemoTaskPerson extends Omit<PersonInput, 'organizationId' | 'isExpert'> {
  tenant: string;
  organization?: string;
  isExpert: boolean;
}

/**
 * People the tasks and councils need beyond those of demo-data.ts. Every expert of a province except Trần Văn Hội
 * gets a reviewer account `hd.<name>`, so each council member scores with their own account; Trần Văn Hội is the
 * person behind the demo account `hoidong`.
 */
export const TASK_PEOPLE: DemoTaskPerson[] = [
  // Tây Ninh
  {
    tenant: 'tay-ninh', fullName: 'Trần Văn Hội', academicTitle: 'PGS', degree: 'TS', scienceField: '405', isExpert: true, organization: 'dh-nong-lam-hcm',
    expertise: 'Nuôi trồng thủy sản nước ngọt; quan trắc chất lượng nước ao nuôi',
    note: `${FICTITIOUS} Tài khoản chấm điểm trực tuyến: hoidong.`,
  },
  {
    tenant: 'tay-ninh', fullName: 'Trần Thị Thu Hà', degree: 'TS', scienceField: '401', isExpert: true, organization: 'trung-tam-ung-dung',
    expertise: 'Chọn tạo và sản xuất giống cây trồng cạn: mè, đậu phộng', note: FICTITIOUS,
  },
  {
    tenant: 'tay-ninh', fullName: 'Lê Quang Vinh', degree: 'TS', scienceField: '202', isExpert: true, organization: 'dh-nong-lam-hcm',
    expertise: 'Tự động hóa, Internet vạn vật (IoT) trong nông nghiệp', note: FICTITIOUS,
  },
  {
    tenant: 'tay-ninh', fullName: 'Nguyễn Văn Lợi', degree: 'ThS', scienceField: '405', isExpert: true, organization: 'vien-thuy-san-2',
    expertise: 'Sản xuất giống và nuôi thương phẩm cá nước ngọt', note: FICTITIOUS,
  },
  {
    tenant: 'tay-ninh', fullName: 'Vũ Thị Ngọc Trâm', degree: 'TS', scienceField: '405', isExpert: true, organization: 'vien-thuy-san-2',
    expertise: 'Dinh dưỡng và thức ăn thủy sản; bệnh cá nước ngọt', note: FICTITIOUS,
  },
  {
    tenant: 'tay-ninh', fullName: 'Nguyễn Hoàng Nam', degree: 'KS', scienceField: '203', isExpert: false, organization: 'co-khi-che-tao-may',
    position: 'Trưởng phòng Kỹ thuật', note: FICTITIOUS_PERSON,
  },
  {
    tenant: 'tay-ninh', fullName: 'Đỗ Thị Kim Thoa', degree: 'KS', scienceField: '405', isExpert: false, organization: 'trung-tam-ung-dung',
    position: 'Kỹ sư nuôi trồng thủy sản', note: FICTITIOUS_PERSON,
  },
  {
    tenant: 'tay-ninh', fullName: 'Phan Văn Út', degree: 'KS', scienceField: '401', isExpert: false, organization: 'trung-tam-ung-dung',
    position: 'Kỹ sư nông học', note: FICTITIOUS_PERSON,
  },
  {
    tenant: 'tay-ninh', fullName: 'Nguyễn Minh Khoa', degree: 'ThS', scienceField: '202', isExpert: false, organization: 'trung-tam-ung-dung',
    position: 'Phó Trưởng phòng Ứng dụng công nghệ', expertise: 'Cảm biến, IoT, điều khiển tưới', note: FICTITIOUS_PERSON,
  },
  // Lạng Sơn
  {
    tenant: 'lang-son', fullName: 'Hoàng Văn Khánh', degree: 'ThS', scienceField: '203', isExpert: true, organization: 'trung-tam-ung-dung-ls',
    expertise: 'Thiết kế, chế tạo máy nông nghiệp cho vùng đồi núi', note: FICTITIOUS,
  },
  {
    tenant: 'lang-son', fullName: 'Lăng Thị Hoa', degree: 'TS', scienceField: '211', isExpert: true, organization: 'dh-nong-lam-tn',
    expertise: 'Vi sinh vật thực phẩm; men truyền thống và công nghệ chưng cất rượu', note: FICTITIOUS,
  },
  {
    tenant: 'lang-son', fullName: 'Vi Văn Đức', degree: 'TS', scienceField: '205', isExpert: true, organization: 'dh-ktcn-tn',
    expertise: 'Vật liệu xây dựng từ phế thải công nghiệp (tro bay, xỉ than)', note: FICTITIOUS,
  },
  {
    tenant: 'lang-son', fullName: 'Đinh Thị Thanh', academicTitle: 'PGS', degree: 'TS', scienceField: '401', isExpert: true, organization: 'vien-nln-mien-nui',
    expertise: 'Cây ăn quả có múi; bảo quản sau thu hoạch', note: FICTITIOUS,
  },
  {
    tenant: 'lang-son', fullName: 'Hoàng Đức Long', degree: 'TS', scienceField: '202', isExpert: true, organization: 'dh-ktcn-tn',
    expertise: 'Kỹ thuật nhiệt, bơm nhiệt và tiết kiệm năng lượng', note: FICTITIOUS,
  },
  {
    tenant: 'lang-son', fullName: 'Triệu Văn Sơn', degree: 'ThS', scienceField: '402', isExpert: true, organization: 'dh-nong-lam-tn',
    expertise: 'Chăn nuôi lợn; xử lý chất thải chăn nuôi', note: FICTITIOUS,
  },
  {
    tenant: 'lang-son', fullName: 'Mã Thị Hằng', degree: 'TS', scienceField: '204', isExpert: true, organization: 'dh-ktcn-tn',
    expertise: 'Hóa học vật liệu; vật liệu polymer sinh học', note: FICTITIOUS,
  },
  {
    tenant: 'lang-son', fullName: 'Lộc Văn Hưng', degree: 'KS', scienceField: '203', isExpert: false, organization: 'trung-tam-ung-dung-ls',
    position: 'Kỹ sư cơ khí', note: FICTITIOUS_PERSON,
  },
  {
    tenant: 'lang-son', fullName: 'Triệu Thị Lan', degree: 'KS', scienceField: '211', isExpert: false, organization: 'htx-ruou-mau-son',
    position: 'Phụ trách kỹ thuật', note: FICTITIOUS_PERSON,
  },
  {
    tenant: 'lang-son', fullName: 'Hoàng Thị Yến', degree: 'KS', scienceField: '402', isExpert: false, organization: 'htx-hop-thinh',
    position: 'Kỹ sư chăn nuôi', note: FICTITIOUS_PERSON,
  },
  {
    tenant: 'lang-son', fullName: 'Nông Thị Thu', degree: 'KS', scienceField: '205', isExpert: false, organization: 'nhiet-dien-na-duong',
    position: 'Phòng Kỹ thuật – An toàn', note: FICTITIOUS_PERSON,
  },
  // An Giang
  {
    tenant: 'an-giang', fullName: 'Phan Văn Tài', degree: 'TS', scienceField: '202', isExpert: true, organization: 'dh-can-tho',
    expertise: 'Năng lượng tái tạo; điện mặt trời áp mái và bơm nước', note: FICTITIOUS,
  },
  {
    tenant: 'an-giang', fullName: 'Huỳnh Thị Mỹ Linh', degree: 'ThS', scienceField: '401', isExpert: true, organization: 'dh-an-giang',
    expertise: 'Cây ăn trái vùng Bảy Núi', note: FICTITIOUS,
  },
  {
    tenant: 'an-giang', fullName: 'Châu Văn Nghĩa', degree: 'TS', scienceField: '203', isExpert: true, organization: 'dh-can-tho',
    expertise: 'Cơ khí thủy lợi nội đồng', note: FICTITIOUS,
  },
  {
    tenant: 'an-giang', fullName: 'Đoàn Thị Ngọc Hân', degree: 'TS', scienceField: '102', isExpert: true, organization: 'dh-an-giang',
    expertise: 'Đồ họa máy tính, số hóa 3D và thực tế ảo', note: FICTITIOUS,
  },
  {
    tenant: 'an-giang', fullName: 'Lý Văn Minh', degree: 'KS', scienceField: '202', isExpert: true,
    expertise: 'Lắp đặt hệ thống điện mặt trời', note: FICTITIOUS,
  },
  {
    tenant: 'an-giang', fullName: 'Tô Thị Bích Ngọc', degree: 'TS', scienceField: '601', isExpert: true, organization: 'dh-an-giang',
    expertise: 'Bảo tàng học; di sản văn hóa Nam Bộ', note: FICTITIOUS,
  },
  {
    tenant: 'an-giang', fullName: 'Trần Quốc Huy', degree: 'KS', scienceField: '202', isExpert: false, organization: 'htx-ben-ba-chi',
    position: 'Kỹ thuật viên HTX', note: FICTITIOUS_PERSON,
  },
];

/** The expert behind the demo account `hoidong` (the e2e test seats him on councils with that account). */
export const HOIDONG_EXPERT = { tenant: 'tay-ninh', fullName: 'Trần Văn Hội', username: 'hoidong' };

/** A council sitting during a stage: `day` days after the stage began. */
export interface DemoCouncil {
  day: number;
  /** Scored councils: the members' average total to aim at (out of 100). */
  score?: number;
  /** Acceptance councils: the ratings of the members present, in seat order. */
  ratings?: Rating[];
  /** Seats (from the last) of members absent from the sitting. */
  absent?: number;
  /** A member who declares a conflict of interest at the sitting (does not score). */
  conflict?: string;
  /** Not yet held: members and dossier set up, left in draft. */
  draft?: boolean;
  /**
   * In session (opened, not closed): every member present, the demo reviewer `hoidong` seated as the second
   * reviewer; everyone but him has scored, so signing in as hoidong shows a sheet to fill.
   */
  inSession?: boolean;
}

export interface DemoProgress {
  /** Days after the start of implementation. */
  day: number;
  kind: (typeof PROGRESS_KINDS)[number];
  percent?: number;
  summary: string;
  /** An extension's new end date. */
  extendTo?: string;
}

export interface DemoStep {
  action: string;
  /** Days spent in the current stage before this action. */
  days: number;
  note?: string;
  council?: DemoCouncil;
  progress?: DemoProgress[];
}

export interface DemoReplication {
  year: number;
  place: string;
  /**
   * The commune as the reference data names it: `before` = a unit in force before the 2025 reform (province code,
   * district, commune); `current` = a commune in force today, found by name in the tenant's province.
   */
  unit?: { before: { provinceCode: string; district: string; commune: string } } | { current: string };
  adopter?: string;
  adopterName?: string;
  scale: string;
  note?: string;
}

export interface DemoTask {
  key: string;
  tenant: string;
  title: string;
  type: (typeof TASK_TYPES)[number];
  level: (typeof TASK_LEVELS)[number];
  scienceField: string;
  host: string;
  pi: string;
  members: [string, 'secretary' | 'key_member' | 'member'][];
  assignmentMode: (typeof ASSIGNMENT_MODES)[number] | null;
  fundingMode?: (typeof FUNDING_MODES)[number];
  proposedOn: string;
  summary: string;
  /** [year, state budget, counterpart], million VND. */
  funding: [number, number, number][];
  /** Organisations taking part besides the host: [organisation key, role, note]. */
  participants?: [string, (typeof PARTICIPANT_ROLES)[number], string?][];
  products: TaskProductInput[];
  /** Assigned with the approval decision. */
  code?: string;
  /** Planned duration from the contract. */
  months?: number;
  steps: DemoStep[];
  /** What happens in the stage the task is in now. */
  current?: { council?: DemoCouncil & { kind: 'identification' | 'selection' | 'acceptance' }; progress?: DemoProgress[] };
  replications?: DemoReplication[];
  /** Documents attached although no transition needs them yet (the e2e task's proposal form). */
  documents?: string[];
  /** Re-proposed in a later year after not being approved. */
  reproposal?: {
    proposalYear: number; proposedOn: string; title: string; summary: string; fundingMode: (typeof FUNDING_MODES)[number];
    funding: [number, number, number][]; steps: DemoStep[];
  };
}

const p = (name: string, kind: TaskProductInput['kind'], specification: string, quantity?: number, unit?: string): TaskProductInput => ({
  name, kind, specification, quantity: quantity ?? null, unit: unit ?? null, status: 'planned',
});

/** The usual path up to the contract, one entry per stage (identification, selection councils included). */
function toContract(d: {
  proposal: number; identification: number; idCouncil: DemoCouncil; approvedList: number; call: number; application: number;
  selection: number; selCouncil: DemoCouncil; budget: number; approval: number;
}): DemoStep[] {
  return [
    { action: 'submit_for_identification', days: d.proposal },
    { action: 'approve_for_list', days: d.identification, council: d.idCouncil },
    { action: 'announce', days: d.approvedList },
    { action: 'receive_application', days: d.call },
    { action: 'convene_selection', days: d.application },
    { action: 'select', days: d.selection, council: d.selCouncil },
    { action: 'appraise_budget', days: d.budget },
    { action: 'approve', days: d.approval },
  ];
}

/** From the contract to the replication stage. */
function toReplication(d: {
  contract: number; implementation: number; progress: DemoProgress[]; acceptance: number; accCouncil: DemoCouncil; registration: number;
}): DemoStep[] {
  return [
    { action: 'sign_contract', days: d.contract },
    { action: 'submit_for_acceptance', days: d.implementation, progress: d.progress },
    { action: 'accept', days: d.acceptance, council: d.accCouncil },
    { action: 'register_result', days: d.registration },
  ];
}

const LA = { provinceCode: '80' };
const LS = { provinceCode: '20' };
const AG_OLD = { provinceCode: '89' };

export const DEMO_TASKS: DemoTask[] = [
  // ---------------- Lạng Sơn (seed 002) ----------------
  {
    key: 'ls-may-say-hoi', tenant: 'lang-son',
    title: 'Nghiên cứu ứng dụng công nghệ bơm nhiệt để thiết kế, chế tạo máy sấy hồi tại Lạng Sơn nhằm tiết kiệm nhiên liệu sấy, nâng cao chất lượng sản phẩm',
    type: 'research_topic', level: 'provincial', scienceField: '203', host: 'trung-tam-ung-dung-ls', pi: 'Nông Văn Thắng',
    members: [['Lộc Văn Hưng', 'secretary'], ['Hoàng Văn Khánh', 'key_member']], assignmentMode: 'selection', proposedOn: '2021-01-18',
    summary: 'Thiết kế, chế tạo máy sấy hoa hồi dùng bơm nhiệt thay lò sấy củi: nhiệt độ sấy thấp giữ được tinh dầu, màu sắc quả hồi; giảm chi phí nhiên liệu và khói bụi cho hộ, HTX chế biến hồi. Chuyển giao cho các vùng hồi Văn Quan, Bình Gia.',
    funding: [[2021, 350, 180], [2022, 420, 220], [2023, 150, 60]],
    products: [
      p('Máy sấy hồi bơm nhiệt năng suất 500 kg hồi tươi/mẻ', 'sample', 'Nhiệt độ sấy điều chỉnh 40–60 °C; độ ẩm sản phẩm sau sấy ≤ 13 %; chi phí năng lượng thấp hơn ≥ 30 % so với lò sấy củi; hàm lượng tinh dầu giữ ≥ 85 % so với hồi phơi nắng; điện lưới 1 pha 220 V.', 1, 'máy'),
      p('Quy trình công nghệ sấy hồi bằng bơm nhiệt', 'process', 'Chế độ sấy cho hồi vụ chính và hồi tứ quý; được Hội đồng KH&CN cơ sở thông qua; áp dụng được cho hộ và HTX.', 1, 'quy trình'),
      p('Báo cáo tổng hợp kết quả nghiên cứu', 'report', 'Theo mẫu báo cáo tổng hợp của nhiệm vụ KH&CN cấp tỉnh, kèm số liệu đo kiểm chất lượng hồi sau sấy.'),
      p('Tập huấn vận hành máy sấy', 'training', 'Tập huấn kỹ thuật vận hành, bảo dưỡng cho cán bộ kỹ thuật và hộ chế biến hồi.', 20, 'người'),
    ],
    code: 'ĐT.2021.04', months: 24,
    steps: [
      ...toContract({
        proposal: 35, identification: 44, idCouncil: { day: 31, score: 83 }, approvedList: 26, call: 25, application: 25,
        selection: 27, selCouncil: { day: 18, score: 81 }, budget: 41, approval: 16,
      }),
      ...toReplication({
        contract: 11, implementation: 745, acceptance: 47, accCouncil: { day: 29, ratings: ['passed', 'excellent', 'passed', 'passed', 'excellent', 'passed', 'passed'] }, registration: 34,
        progress: [
          { day: 180, kind: 'check', percent: 25, summary: 'Hoàn thành khảo sát các lò sấy hồi tại Văn Quan, Bình Gia; thiết kế sơ bộ máy sấy bơm nhiệt.' },
          { day: 400, kind: 'check', percent: 60, summary: 'Chế tạo xong máy mẫu; sấy thử 3 mẻ hồi vụ chính, độ ẩm sau sấy 12,5 %.' },
          { day: 640, kind: 'check', percent: 90, summary: 'Hoàn thiện quy trình sấy cho hồi tứ quý; đo kiểm hàm lượng tinh dầu đạt yêu cầu.' },
        ],
      }),
    ],
    replications: [
      { year: 2024, place: 'Xã Tân Đoàn, huyện Văn Quan, tỉnh Lạng Sơn', unit: { before: { ...LS, district: 'Huyện Văn Quan', commune: 'Xã Tân Đoàn' } }, adopterName: 'Tổ hợp tác chế biến hồi Tân Đoàn', scale: '02 máy sấy bơm nhiệt 500 kg/mẻ; khoảng 60 tấn hồi tươi/năm' },
      { year: 2025, place: 'Xã Hưng Đạo, huyện Bình Gia, tỉnh Lạng Sơn', unit: { before: { ...LS, district: 'Huyện Bình Gia', commune: 'Xã Hưng Đạo' } }, adopterName: 'Hộ kinh doanh chế biến hồi', scale: '01 máy; khoảng 25 tấn hồi tươi/vụ' },
      { year: 2026, place: 'Xã Văn Quan, tỉnh Lạng Sơn', unit: { current: 'Xã Văn Quan' }, adopterName: 'Các hộ, HTX chế biến hồi', scale: '03 máy do cơ sở cơ khí địa phương chế tạo theo thiết kế được chuyển giao' },
    ],
  },
  {
    key: 'ls-ruou-mau-son', tenant: 'lang-son',
    title: 'Nghiên cứu áp dụng kỹ thuật sản xuất men lá chân truyền Mẫu Sơn và cải tiến thiết bị chưng cất nhằm gìn giữ, nâng cao chất lượng rượu Mẫu Sơn',
    type: 'research_topic', level: 'provincial', scienceField: '211', host: 'htx-ruou-mau-son', pi: 'Lăng Thị Hoa',
    members: [['Triệu Thị Lan', 'secretary']], assignmentMode: 'selection', proposedOn: '2023-07-10',
    summary: 'Phân lập, lưu giữ các chủng vi sinh vật của men lá truyền thống người Dao ở Mẫu Sơn; chuẩn hóa quy trình làm men và cải tiến nồi chưng cất để rượu Mẫu Sơn ổn định chất lượng, giảm methanol và aldehyde, giữ hương vị đặc trưng của nhãn hiệu tập thể "Rượu Mẫu Sơn".',
    funding: [[2024, 380, 150], [2025, 450, 190], [2026, 210, 80]],
    participants: [['trung-tam-ung-dung-ls', 'co_implementer', 'Phân lập, lưu giữ các chủng men lá (minh họa)']],
    products: [
      p('Bộ chủng vi sinh vật men lá Mẫu Sơn', 'sample', 'Tối thiểu 3 chủng nấm men, nấm mốc đặc trưng được phân lập, định danh và lưu giữ; hoạt lực lên men ổn định sau 6 tháng bảo quản.', 3, 'chủng'),
      p('Quy trình sản xuất men lá chân truyền', 'process', 'Thành phần lá, tỷ lệ phối trộn, điều kiện ủ; men thành phẩm cho hiệu suất thu hồi rượu ≥ 30 lít/100 kg gạo.'),
      p('Thiết bị chưng cất cải tiến 200 lít/mẻ', 'sample', 'Có tách phần rượu đầu, rượu cuối; rượu thành phẩm đạt QCVN 6-3:2010/BYT về methanol và aldehyde.', 1, 'bộ'),
      p('Bài báo khoa học', 'publication', 'Đăng trên tạp chí chuyên ngành trong nước có mã số ISSN.', 1, 'bài'),
    ],
    code: 'ĐT.2024.02', months: 26,
    steps: [
      ...toContract({
        proposal: 29, identification: 35, idCouncil: { day: 22, score: 87 }, approvedList: 30, call: 27, application: 25,
        selection: 25, selCouncil: { day: 15, score: 85 }, budget: 52, approval: 19,
      }),
      { action: 'sign_contract', days: 14 },
      {
        action: 'submit_for_acceptance', days: 884, progress: [
          { day: 210, kind: 'check', percent: 30, summary: 'Thu thập 12 mẫu men lá tại các hộ nấu rượu xã Mẫu Sơn; phân lập được 7 chủng.' },
          { day: 450, kind: 'check', percent: 60, summary: 'Chọn được 3 chủng men có hoạt lực cao; chế tạo xong thiết bị chưng cất cải tiến.' },
          { day: 760, kind: 'extension', summary: 'Gia hạn để theo dõi thêm một vụ nấu rượu cuối năm, đánh giá độ ổn định chất lượng.', extendTo: '2026-08-31' },
        ],
      },
      { action: 'accept', days: 56, council: { day: 41, ratings: ['excellent', 'excellent', 'passed', 'excellent', 'excellent', 'excellent', 'passed'] } },
    ],
  },
  {
    key: 'ls-quyt-chitosan', tenant: 'lang-son',
    title: 'Ứng dụng màng sinh học chitosan – nano bạc nhằm kéo dài thời gian bảo quản quả quýt của tỉnh Lạng Sơn',
    type: 'research_topic', level: 'provincial', scienceField: '210', host: 'trung-tam-ung-dung-ls', pi: 'Lương Thị Mai',
    members: [['Lộc Văn Hưng', 'secretary']], assignmentMode: 'selection', proposedOn: '2024-03-11',
    summary: 'Tạo chế phẩm màng bao chitosan kết hợp nano bạc, bao quả quýt vàng Bắc Sơn sau thu hoạch để giảm hao hụt, kéo dài thời gian bán hàng; xây dựng mô hình bảo quản tại HTX.',
    funding: [[2025, 410, 120], [2026, 380, 110]],
    products: [
      p('Chế phẩm màng chitosan – nano bạc', 'sample', 'Chitosan 1–1,5 %, nano bạc 10–20 ppm; lượng bạc tồn dư trong thịt quả dưới giới hạn cho phép.', 200, 'lít'),
      p('Quy trình bảo quản quả quýt bằng màng chitosan – nano bạc', 'process', 'Kéo dài thời gian bảo quản ≥ 60 ngày ở 8–10 °C; tỷ lệ hao hụt khối lượng ≤ 10 %; giữ màu vỏ và độ Brix.'),
      p('Mô hình bảo quản quýt tại HTX', 'model', 'Bảo quản 10 tấn quả/vụ theo quy trình; hiệu quả kinh tế so với bảo quản thông thường.', 10, 'tấn'),
      p('Báo cáo tổng hợp kết quả', 'report', 'Theo mẫu báo cáo tổng hợp nhiệm vụ KH&CN cấp tỉnh.'),
    ],
    code: 'ĐT.2024.07', months: 18,
    steps: [
      ...toContract({
        proposal: 33, identification: 49, idCouncil: { day: 35, score: 82 }, approvedList: 28, call: 21, application: 28,
        selection: 22, selCouncil: { day: 16, score: 79 }, budget: 61, approval: 20,
      }),
      { action: 'sign_contract', days: 16 },
    ],
    current: {
      progress: [
        { day: 190, kind: 'check', percent: 25, summary: 'Tổng hợp chế phẩm chitosan – nano bạc quy mô phòng thí nghiệm; thử nghiệm trên quýt vụ sớm.' },
        { day: 360, kind: 'check', percent: 55, summary: 'Hoàn thành thí nghiệm nồng độ; tỷ lệ hao hụt sau 60 ngày 8,7 %.' },
        { day: 526, kind: 'extension', summary: 'Quýt vụ 2026 chín muộn; cần thêm một vụ thu hoạch để xây dựng mô hình 10 tấn.', extendTo: '2027-03-31' },
        { day: 683, kind: 'check', percent: 75, summary: 'Đang xây dựng mô hình bảo quản tại HTX; đã bao màng 4 tấn quả đầu vụ.' },
      ],
    },
  },
  {
    key: 'ls-may-gieo-hat', tenant: 'lang-son',
    title: 'Nghiên cứu chế tạo máy gieo hạt phù hợp với điều kiện canh tác trên địa bàn tỉnh Lạng Sơn nhằm cơ giới hóa khâu gieo trồng',
    type: 'research_topic', level: 'provincial', scienceField: '203', host: 'trung-tam-ung-dung-ls', pi: 'Hoàng Văn Khánh',
    members: [['Nông Văn Thắng', 'key_member']], assignmentMode: 'selection', proposedOn: '2023-09-11',
    summary: 'Chế tạo máy gieo hạt ngô, lạc gọn nhẹ, dùng được trên ruộng bậc thang và đất dốc, thay gieo tay để nâng cao năng suất lao động.',
    funding: [[2024, 390, 200], [2025, 460, 240], [2026, 180, 90]],
    products: [
      p('Máy gieo hạt ngô, lạc', 'sample', 'Năng suất gieo ≥ 0,15 ha/giờ; khoảng cách hàng điều chỉnh 40–70 cm; tỷ lệ hạt gieo đúng vị trí ≥ 90 %; khối lượng ≤ 60 kg.', 5, 'máy'),
      p('Bộ bản vẽ thiết kế máy gieo hạt', 'other', 'Bản vẽ lắp và chi tiết đủ để cơ sở cơ khí trong tỉnh chế tạo.', 1, 'bộ'),
      p('Quy trình vận hành, bảo dưỡng máy', 'process', 'Hướng dẫn điều chỉnh mật độ, độ sâu gieo cho ngô và lạc.'),
      p('Tập huấn sử dụng máy', 'training', 'Tập huấn cho nông dân tại 3 huyện.', 60, 'người'),
    ],
    code: 'ĐT.2024.05', months: 24,
    steps: [
      ...toContract({
        proposal: 26, identification: 43, idCouncil: { day: 30, score: 80 }, approvedList: 27, call: 22, application: 26,
        selection: 20, selCouncil: { day: 13, score: 83 }, budget: 45, approval: 17,
      }),
      { action: 'sign_contract', days: 13 },
      {
        action: 'submit_for_acceptance', days: 880, progress: [
          { day: 190, kind: 'check', percent: 30, summary: 'Hoàn thành thiết kế; chế tạo máy mẫu thứ nhất.' },
          { day: 470, kind: 'check', percent: 70, summary: 'Gieo thử ngô vụ xuân tại Chi Lăng, lạc tại Lộc Bình; điều chỉnh bộ phận chia hạt.' },
          { day: 700, kind: 'extension', summary: 'Gia hạn để khảo nghiệm thêm vụ thu 2026 trên đất dốc.', extendTo: '2026-09-30' },
        ],
      },
    ],
    current: { council: { kind: 'acceptance', day: 44, draft: true } },
  },
  {
    key: 'ls-biogas-hop-thinh', tenant: 'lang-son',
    title: 'Nghiên cứu ứng dụng hệ thống sưởi ấm bằng khí biogas cho chăn nuôi lợn nái sinh sản tại Hợp tác xã Hợp Thịnh',
    type: 'st_project', level: 'provincial', scienceField: '402', host: 'htx-hop-thinh', pi: 'Hà Văn Tuấn',
    members: [['Hoàng Thị Yến', 'secretary']], assignmentMode: 'direct', proposedOn: '2021-03-15',
    summary: 'Tận dụng khí biogas từ hầm xử lý chất thải để sưởi ô úm lợn con và chuồng lợn nái mùa đông thay cho bóng điện, giảm chi phí và tỷ lệ lợn con chết do lạnh.',
    funding: [[2021, 310, 240], [2022, 270, 200]],
    products: [
      p('Hệ thống sưởi ấm bằng khí biogas cho chuồng lợn nái', 'model', 'Phục vụ 50 lợn nái và lợn con theo mẹ; nhiệt độ ô úm 30–32 °C mùa đông; thay thế ≥ 80 % điện sưởi; tỷ lệ lợn con chết do lạnh ≤ 5 %.', 1, 'hệ thống'),
      p('Quy trình vận hành, bảo dưỡng hệ thống sưởi biogas', 'process', 'An toàn khí, bảo dưỡng đầu đốt và đường ống; áp dụng được cho trang trại 20–100 nái.'),
      p('Tập huấn cho hộ chăn nuôi', 'training', 'Tập huấn kỹ thuật cho thành viên HTX và hộ chăn nuôi lân cận.', 40, 'người'),
    ],
    code: 'DA.2021.02', months: 18,
    steps: [
      ...toContract({
        proposal: 30, identification: 36, idCouncil: { day: 23, score: 80 }, approvedList: 19, call: 20, application: 19,
        selection: 18, selCouncil: { day: 12, score: 78, conflict: 'Có quan hệ hợp tác chuyên môn với HTX Hợp Thịnh.' }, budget: 26, approval: 13,
      }),
      ...toReplication({
        contract: 10, implementation: 560, acceptance: 44, accCouncil: { day: 30, ratings: ['passed', 'passed', 'excellent', 'passed', 'passed', 'passed'], absent: 1 }, registration: 37,
        progress: [
          { day: 150, kind: 'check', percent: 45, summary: 'Cải tạo hầm biogas, lắp đặt đường ống và 24 đầu sưởi ô úm.' },
          { day: 390, kind: 'check', percent: 85, summary: 'Vận hành qua một mùa đông: nhiệt độ ô úm ổn định 31 °C; giảm 82 % điện sưởi.' },
        ],
      }),
    ],
    replications: [
      { year: 2024, place: 'Xã Minh Sơn, huyện Hữu Lũng, tỉnh Lạng Sơn', unit: { before: { ...LS, district: 'Huyện Hữu Lũng', commune: 'Xã Minh Sơn' } }, adopterName: 'Trang trại chăn nuôi lợn nái quy mô hộ', scale: '01 hệ thống cho 30 nái' },
      { year: 2025, place: 'Xã Tân Thành, huyện Bắc Sơn, tỉnh Lạng Sơn', unit: { before: { ...LS, district: 'Huyện Bắc Sơn', commune: 'Xã Tân Thành' } }, adopterName: 'Tổ hợp tác chăn nuôi lợn', scale: '02 hệ thống cho tổng 45 nái' },
      { year: 2026, place: 'Xã Hữu Lũng, tỉnh Lạng Sơn', unit: { current: 'Xã Hữu Lũng' }, adopter: 'htx-hop-thinh', scale: 'Mở rộng cho khu chuồng nái mới 60 con của HTX' },
    ],
  },
  {
    key: 'ls-gach-tro-xi', tenant: 'lang-son',
    title: 'Ứng dụng công nghệ sản xuất gạch không nung và làm đường giao thông nông thôn từ tro, xỉ của Nhà máy nhiệt điện Na Dương',
    type: 'pilot_production_project', level: 'provincial', scienceField: '205', host: 'nhiet-dien-na-duong', pi: 'Vi Văn Đức',
    members: [['Nông Thị Thu', 'secretary']], assignmentMode: 'ordering', fundingMode: 'final_product_lump_sum', proposedOn: '2025-12-29',
    summary: 'Sử dụng tro bay, xỉ đáy lò của Nhà máy nhiệt điện Na Dương làm cốt liệu sản xuất gạch không nung và gia cố nền, mặt đường giao thông nông thôn, giảm diện tích bãi thải và chi phí vật liệu. Nhiệm vụ khoán chi đến sản phẩm cuối cùng theo Luật 93/2025/QH15.',
    funding: [[2026, 850, 680], [2027, 950, 760]],
    participants: [['trung-tam-ung-dung-ls', 'co_implementer', 'Thí nghiệm cấp phối, theo dõi đoạn đường thử nghiệm (minh họa)']],
    products: [
      p('Gạch không nung từ tro xỉ', 'sample', 'Gạch bê tông đặc và gạch block đạt TCVN 6477:2016, mác M7,5–M10; tỷ lệ tro xỉ ≥ 60 % khối lượng; dây chuyền thử nghiệm 2 triệu viên/năm.', 500_000, 'viên'),
      p('Đoạn đường giao thông nông thôn thử nghiệm', 'model', 'Dài 1 km, rộng 3,5 m; móng tro xỉ gia cố xi măng; đạt yêu cầu thiết kế đường giao thông nông thôn TCVN 10380:2014; theo dõi lún, nứt 12 tháng.', 1, 'km'),
      p('Quy trình công nghệ sản xuất và thi công', 'process', 'Cấp phối, điều kiện dưỡng hộ gạch; quy trình thi công, nghiệm thu lớp móng tro xỉ.'),
      p('Báo cáo đánh giá an toàn môi trường', 'report', 'Kết quả thử nghiệm rò rỉ kim loại nặng từ sản phẩm, so với quy chuẩn chất thải rắn.'),
    ],
    code: 'DA.2026.01', months: 24,
    steps: toContract({
      proposal: 35, identification: 70, idCouncil: { day: 48, score: 84 }, approvedList: 41, call: 21, application: 24,
      selection: 27, selCouncil: { day: 18, score: 81 }, budget: 79, approval: 21,
    }),
  },

  // ---------------- Tây Ninh: the former Long An's replication models (seed 000) and the e2e task ----------------
  {
    key: 'la-san-phang-laser', tenant: 'tay-ninh',
    title: 'Xây dựng mô hình san phẳng đồng ruộng bằng công nghệ laser phục vụ canh tác lúa trên địa bàn tỉnh Long An',
    type: 'pilot_production_project', level: 'provincial', scienceField: '203', host: 'co-khi-che-tao-may', pi: 'Phạm Minh Tâm',
    members: [['Nguyễn Hoàng Nam', 'key_member']], assignmentMode: 'ordering', proposedOn: '2021-02-22',
    summary: 'Chế tạo trong nước bộ thiết bị san phẳng mặt ruộng điều khiển bằng tia laser gắn máy kéo; xây dựng mô hình trình diễn cho ruộng lúa, giảm nước tưới và lượng giống, tăng năng suất. Doanh nghiệp cơ khí đối ứng kinh phí và sản xuất thiết bị để nhân rộng.',
    funding: [[2021, 600, 450], [2022, 500, 380]],
    participants: [['trung-tam-ung-dung', 'co_implementer', 'Khảo sát cao độ, theo dõi ruộng trình diễn (minh họa)']],
    products: [
      p('Bộ thiết bị san phẳng mặt ruộng điều khiển bằng laser', 'sample', 'Độ chênh cao mặt ruộng sau san ≤ ±3 cm; năng suất san 1–1,5 ha/ngày; lắp trên máy kéo 50–80 HP.', 2, 'bộ'),
      p('Mô hình trình diễn san phẳng bằng laser trên ruộng lúa', 'model', '30 ha; giảm 20–30 % lượng nước tưới và 30 % lượng giống; năng suất lúa tăng ≥ 8 % so với ruộng đối chứng.', 30, 'ha'),
      p('Quy trình kỹ thuật san phẳng đồng ruộng bằng laser', 'process', 'Khảo sát cao độ, san thô, san tinh; áp dụng cho ruộng lúa vùng Đồng Tháp Mười.'),
      p('Tập huấn kỹ thuật viên và nông dân', 'training', '10 kỹ thuật viên vận hành thiết bị và 60 lượt nông dân.', 70, 'người'),
    ],
    code: 'LA.DA.2021.03', months: 18,
    steps: [
      ...toContract({
        proposal: 27, identification: 38, idCouncil: { day: 24, score: 86 }, approvedList: 21, call: 20, application: 23,
        selection: 19, selCouncil: { day: 12, score: 84 }, budget: 29, approval: 14,
      }),
      ...toReplication({
        contract: 9, implementation: 575, acceptance: 41, accCouncil: { day: 26, ratings: ['passed', 'excellent', 'passed', 'excellent', 'passed', 'excellent', 'passed'] }, registration: 26,
        progress: [
          { day: 150, kind: 'check', percent: 35, summary: 'Chế tạo xong bộ thiết bị thứ nhất; chạy thử trên 5 ha tại Thủ Thừa.' },
          { day: 330, kind: 'check', percent: 70, summary: 'Hoàn thành san phẳng 30 ha mô hình; theo dõi vụ Đông Xuân.' },
        ],
      }),
    ],
    replications: [
      { year: 2023, place: 'Xã Mỹ Lạc, huyện Thủ Thừa, tỉnh Long An', unit: { before: { ...LA, district: 'Huyện Thủ Thừa', commune: 'Xã Mỹ Lạc' } }, adopterName: 'Tổ hợp tác sản xuất lúa', scale: '45 ha lúa' },
      { year: 2024, place: 'Xã Nhơn Thạnh Trung, thành phố Tân An, tỉnh Long An', unit: { before: { ...LA, district: 'Thành phố Tân An', commune: 'Xã Nhơn Thạnh Trung' } }, adopter: 'htx-nhon-thanh-trung', scale: '25 ha' },
      { year: 2024, place: 'Xã Mỹ Thạnh Đông, huyện Đức Huệ, tỉnh Long An', unit: { before: { ...LA, district: 'Huyện Đức Huệ', commune: 'Xã Mỹ Thạnh Đông' } }, adopterName: 'Các hộ trồng lúa', scale: '60 ha' },
      { year: 2025, place: 'Xã Khánh Hưng, huyện Vĩnh Hưng, tỉnh Long An', unit: { before: { ...LA, district: 'Huyện Vĩnh Hưng', commune: 'Xã Khánh Hưng' } }, adopterName: 'HTX nông nghiệp và hộ trồng lúa', scale: '80 ha; 03 bộ thiết bị do doanh nghiệp chủ trì sản xuất' },
      { year: 2026, place: 'Xã Tuyên Thạnh, tỉnh Tây Ninh', unit: { current: 'Xã Tuyên Thạnh' }, adopterName: 'Các hộ trồng lúa', scale: '120 ha' },
    ],
  },
  {
    key: 'la-ca-tre-vang', tenant: 'tay-ninh',
    title: 'Ương giống và nuôi thương phẩm cá trê vàng tại huyện Đức Huệ',
    type: 'st_project', level: 'provincial', scienceField: '405', host: 'trung-tam-ung-dung', pi: 'Võ Thanh Hải',
    members: [['Đỗ Thị Kim Thoa', 'secretary']], assignmentMode: 'direct', proposedOn: '2021-09-06',
    summary: 'Nhân rộng mô hình ương giống và nuôi thương phẩm cá trê vàng theo Nghị quyết 03/2021/NQ-HĐND: chủ động con giống tại chỗ, nuôi trong ao đất vùng phèn Đức Huệ; các hộ nuôi đối ứng kinh phí.',
    funding: [[2021, 380, 290], [2022, 320, 240]],
    products: [
      p('Cá trê vàng giống', 'sample', 'Cỡ giống 3–4 cm; tỷ lệ sống giai đoạn ương ≥ 60 %; sạch bệnh.', 200_000, 'con'),
      p('Mô hình nuôi thương phẩm cá trê vàng', 'model', '2 ha ao đất; năng suất ≥ 15 tấn/ha/vụ; hệ số thức ăn ≤ 1,4.', 2, 'ha'),
      p('Quy trình ương giống và nuôi thương phẩm cá trê vàng', 'process', 'Áp dụng cho ao đất vùng phèn; được Hội đồng KH&CN cơ sở thông qua.'),
      p('Tập huấn kỹ thuật nuôi', 'training', 'Tập huấn cho hộ nuôi tại các xã của huyện Đức Huệ.', 50, 'người'),
    ],
    code: 'LA.NR.2022.01', months: 15,
    steps: [
      ...toContract({
        proposal: 24, identification: 52, idCouncil: { day: 38, score: 80 }, approvedList: 16, call: 20, application: 17,
        selection: 21, selCouncil: { day: 14, score: 82 }, budget: 57, approval: 22,
      }),
      ...toReplication({
        contract: 13, implementation: 470, acceptance: 36, accCouncil: { day: 22, ratings: ['passed', 'passed', 'passed', 'excellent', 'passed', 'passed', 'excellent'] }, registration: 44,
        progress: [
          { day: 120, kind: 'check', percent: 40, summary: 'Cho sinh sản nhân tạo 3 đợt; ương được 85.000 con giống, tỷ lệ sống 63 %.' },
          { day: 300, kind: 'check', percent: 80, summary: 'Thu hoạch vụ nuôi thương phẩm thứ nhất: 16,2 tấn/ha.' },
        ],
      }),
    ],
    replications: [
      { year: 2024, place: 'Xã Mỹ Quý Tây, huyện Đức Huệ, tỉnh Long An', unit: { before: { ...LA, district: 'Huyện Đức Huệ', commune: 'Xã Mỹ Quý Tây' } }, adopterName: 'Các hộ nuôi thủy sản', scale: '10 hộ; 2,5 ha ao; 30.000 con giống/đợt' },
      { year: 2024, place: 'Xã Bình Hòa Nam, huyện Đức Huệ, tỉnh Long An', unit: { before: { ...LA, district: 'Huyện Đức Huệ', commune: 'Xã Bình Hòa Nam' } }, adopterName: 'Tổ hợp tác nuôi cá', scale: '6 hộ; 1,8 ha ao' },
      { year: 2025, place: 'Xã Mỹ Thạnh Bắc, huyện Đức Huệ, tỉnh Long An', unit: { before: { ...LA, district: 'Huyện Đức Huệ', commune: 'Xã Mỹ Thạnh Bắc' } }, adopterName: 'Các hộ nuôi thủy sản', scale: '8 hộ; 2 ha ao' },
      { year: 2026, place: 'Xã Đức Huệ, tỉnh Tây Ninh', unit: { current: 'Xã Đức Huệ' }, adopterName: 'Cơ sở ương giống cá trê vàng', scale: '01 cơ sở ương, 300.000 con giống/năm cung cấp cho các hộ trong xã' },
    ],
  },
  {
    key: 'la-me-den-bsla', tenant: 'tay-ninh',
    title: 'Canh tác sản xuất giống mè đen BS-LA (Black Sesame Long An) tại các huyện Đức Huệ, Vĩnh Hưng',
    type: 'st_project', level: 'provincial', scienceField: '401', host: 'trung-tam-ung-dung', pi: 'Trần Thị Thu Hà',
    members: [['Phan Văn Út', 'key_member']], assignmentMode: 'direct', proposedOn: '2022-01-17',
    summary: 'Nhân rộng sản xuất hạt giống mè đen BS-LA cấp xác nhận cho vùng đất phèn Đức Huệ, Vĩnh Hưng theo Nghị quyết 03/2021/NQ-HĐND, chủ động giống cho nông dân luân canh lúa – mè.',
    funding: [[2022, 420, 310], [2023, 260, 190]],
    products: [
      p('Hạt giống mè đen BS-LA cấp xác nhận', 'sample', 'Độ sạch ≥ 99 %; tỷ lệ nảy mầm ≥ 85 %; ẩm độ ≤ 8 %.', 6, 'tấn'),
      p('Mô hình canh tác mè đen BS-LA', 'model', '20 ha; năng suất ≥ 1,2 tấn/ha; lợi nhuận cao hơn ≥ 20 % so với giống địa phương.', 20, 'ha'),
      p('Quy trình canh tác sản xuất giống mè đen BS-LA', 'process', 'Áp dụng cho đất phèn nhẹ, luân canh sau lúa Đông Xuân.'),
      p('Tập huấn nông dân', 'training', 'Tập huấn tại Đức Huệ và Vĩnh Hưng.', 80, 'người'),
    ],
    code: 'LA.NR.2022.04', months: 14,
    steps: [
      ...toContract({
        proposal: 31, identification: 27, idCouncil: { day: 19, score: 78 }, approvedList: 24, call: 22, application: 25,
        selection: 17, selCouncil: { day: 11, score: 80 }, budget: 36, approval: 15,
      }),
      ...toReplication({
        contract: 10, implementation: 440, acceptance: 58, accCouncil: { day: 40, ratings: ['passed', 'passed', 'passed', 'passed', 'excellent', 'passed', 'passed'] }, registration: 29,
        progress: [
          { day: 100, kind: 'check', percent: 30, summary: 'Gieo 20 ha mô hình vụ Xuân Hè tại Đức Huệ và Vĩnh Hưng.' },
          { day: 260, kind: 'check', percent: 65, summary: 'Thu hoạch: năng suất bình quân 1,28 tấn/ha; kiểm định hạt giống đạt cấp xác nhận.' },
        ],
      }),
    ],
    replications: [
      { year: 2024, place: 'Xã Bình Thành, huyện Đức Huệ, tỉnh Long An', unit: { before: { ...LA, district: 'Huyện Đức Huệ', commune: 'Xã Bình Thành' } }, adopterName: 'Các hộ trồng mè', scale: '25 ha' },
      { year: 2024, place: 'Xã Tuyên Bình Tây, huyện Vĩnh Hưng, tỉnh Long An', unit: { before: { ...LA, district: 'Huyện Vĩnh Hưng', commune: 'Xã Tuyên Bình Tây' } }, adopterName: 'Tổ hợp tác trồng mè', scale: '30 ha' },
      { year: 2025, place: 'Xã Thái Trị, huyện Vĩnh Hưng, tỉnh Long An', unit: { before: { ...LA, district: 'Huyện Vĩnh Hưng', commune: 'Xã Thái Trị' } }, adopterName: 'Các hộ trồng mè', scale: '40 ha' },
      { year: 2026, place: 'Xã Vĩnh Hưng, tỉnh Tây Ninh', unit: { current: 'Xã Vĩnh Hưng' }, adopterName: 'HTX và các hộ trồng mè', scale: '55 ha; 3 tấn hạt giống tự sản xuất' },
    ],
  },
  {
    key: 'la-tuoi-thong-minh', tenant: 'tay-ninh',
    title: 'Ứng dụng hệ thống tưới tiêu thông minh cho các hợp tác xã trồng thanh long, chanh trên địa bàn tỉnh Long An',
    type: 'st_project', level: 'provincial', scienceField: '202', host: 'trung-tam-ung-dung', pi: 'Trần Văn Phúc',
    members: [['Nguyễn Minh Khoa', 'key_member']], assignmentMode: 'ordering', proposedOn: '2022-05-09',
    summary: 'Lắp đặt hệ thống tưới điều khiển theo độ ẩm đất, giám sát qua điện thoại cho các HTX thanh long, chanh không hạt (có HTX Nông nghiệp Nhơn Thạnh Trung tham gia); các HTX đối ứng kinh phí thiết bị.',
    funding: [[2023, 720, 540], [2024, 650, 480], [2025, 230, 170]],
    participants: [
      ['htx-nhon-thanh-trung', 'beneficiary', 'HTX thanh long tham gia mô hình, đối ứng kinh phí thiết bị'],
      ['co-khi-che-tao-may', 'cooperating_enterprise', 'Chế tạo tủ điều khiển, giá đỡ thiết bị tưới (minh họa)'],
    ],
    products: [
      p('Hệ thống tưới thông minh cho 10 ha thanh long và 5 ha chanh', 'model', 'Cảm biến độ ẩm đất, van điện từ, điều khiển qua điện thoại; tiết kiệm ≥ 30 % nước tưới và ≥ 20 % công lao động.', 15, 'ha'),
      p('Phần mềm giám sát, điều khiển tưới', 'software', 'Chạy trên điện thoại Android và iOS; lưu nhật ký tưới; cảnh báo mất kết nối cảm biến.', 1, 'phần mềm'),
      p('Quy trình vận hành hệ thống tưới thông minh', 'process', 'Ngưỡng độ ẩm theo giai đoạn sinh trưởng của thanh long, chanh.'),
    ],
    code: 'LA.NR.2023.02', months: 24,
    steps: [
      ...toContract({
        proposal: 40, identification: 66, idCouncil: { day: 50, score: 81 }, approvedList: 35, call: 28, application: 33,
        selection: 30, selCouncil: { day: 20, score: 77 }, budget: 83, approval: 27,
      }),
      { action: 'sign_contract', days: 18 },
    ],
    current: {
      progress: [
        { day: 190, kind: 'check', percent: 25, summary: 'Khảo sát 4 HTX; thiết kế hệ thống cho 15 ha.' },
        { day: 460, kind: 'check', percent: 50, summary: 'Lắp đặt xong 8 ha thanh long; phần mềm bản thử nghiệm.' },
        { day: 700, kind: 'extension', summary: 'Một HTX chanh rút khỏi mô hình; thay địa điểm lắp đặt 5 ha chanh.', extendTo: '2025-12-31' },
        { day: 900, kind: 'check', percent: 80, summary: 'Chậm tiến độ: còn 3 ha chanh chưa vận hành; đơn vị chủ trì đề nghị gia hạn lần hai.' },
      ],
    },
  },
  {
    key: 'tn-iot-ca-tre-vang', tenant: 'tay-ninh',
    title: 'Ứng dụng công nghệ IoT giám sát chất lượng nước nuôi cá trê vàng tại Đức Huệ',
    type: 'research_topic', level: 'provincial', scienceField: '202', host: 'trung-tam-ung-dung', pi: 'Nguyễn Minh Khoa',
    members: [['Đỗ Thị Kim Thoa', 'secretary']], assignmentMode: 'ordering', fundingMode: 'final_product_lump_sum', proposedOn: '2026-11-01',
    summary: 'Tiếp nối mô hình nuôi cá trê vàng đã nhân rộng ở Đức Huệ: lắp cảm biến oxy hòa tan, pH, nhiệt độ, độ mặn cho ao nuôi, cảnh báo qua điện thoại để hộ nuôi xử lý kịp thời, giảm hao hụt.',
    funding: [[2027, 650, 480], [2028, 400, 300]],
    products: [
      p('Bộ thiết bị quan trắc chất lượng nước ao nuôi', 'sample', 'Đo oxy hòa tan, pH, nhiệt độ, độ mặn mỗi 5 phút; sai số DO ≤ ±0,3 mg/l; pin mặt trời, hoạt động liên tục ≥ 72 giờ khi mất điện.', 20, 'bộ'),
      p('Phần mềm cảnh báo chất lượng nước', 'software', 'Cảnh báo qua ứng dụng và tin nhắn khi vượt ngưỡng; lưu dữ liệu ≥ 3 năm.', 1, 'phần mềm'),
      p('Mô hình ứng dụng tại hộ nuôi', 'model', '10 ao nuôi tại Đức Huệ; tỷ lệ hao hụt giảm ≥ 15 % so với ao đối chứng.', 10, 'ao'),
    ],
    steps: [],
    documents: ['proposal_form'],
  },

  {
    // Illustrative (not from the articles): the proposal whose identification council the demo reviewer sits on.
    key: 'tn-tom-cang-xanh', tenant: 'tay-ninh',
    title: 'Nghiên cứu quy trình nuôi tôm càng xanh luân canh trên ruộng lúa tại vùng Đồng Tháp Mười',
    type: 'research_topic', level: 'provincial', scienceField: '405', host: 'trung-tam-ung-dung', pi: 'Đỗ Thị Kim Thoa',
    members: [['Phan Văn Út', 'member']], assignmentMode: 'ordering', fundingMode: 'final_product_lump_sum', proposedOn: '2026-08-17',
    summary: 'Đề xuất minh họa của dữ liệu demo: xây dựng quy trình nuôi tôm càng xanh một vụ luân canh với một vụ lúa trên ruộng trũng, giảm dùng phân bón và thuốc bảo vệ thực vật, tăng thu nhập trên cùng diện tích cho hộ trồng lúa.',
    funding: [[2027, 560, 210], [2028, 390, 150]],
    products: [
      p('Quy trình nuôi tôm càng xanh luân canh lúa', 'process', 'Mật độ thả, thức ăn, quản lý nước theo mùa; năng suất tôm ≥ 600 kg/ha/vụ; vụ lúa sau không dùng thuốc bảo vệ thực vật hóa học.'),
      p('Mô hình trình diễn tại hộ trồng lúa', 'model', '10 ha ruộng của 8 hộ; lợi nhuận trên cùng diện tích tăng ≥ 25 % so với hai vụ lúa.', 10, 'ha'),
    ],
    steps: [{ action: 'submit_for_identification', days: 36, note: 'Đưa ra Hội đồng tư vấn xác định nhiệm vụ năm 2027.' }],
    current: { council: { kind: 'identification', day: 50, score: 82, inSession: true } },
  },
  {
    key: 'la-nscl-2023', tenant: 'tay-ninh',
    title: 'Hỗ trợ doanh nghiệp nâng cao năng suất chất lượng sản phẩm, hàng hóa trên địa bàn tỉnh Long An',
    type: 'st_project', level: 'provincial', scienceField: '502', host: 'trung-tam-ung-dung', pi: 'Đặng Ngọc Yến',
    members: [], assignmentMode: 'direct', proposedOn: '2022-09-19',
    summary: 'Theo Thông tư 15/2022/TT-BKHCN, Chương trình hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa được triển khai dưới hình thức nhiệm vụ KH&CN: dự án 18 tháng hỗ trợ 25–30 doanh nghiệp, HTX xây dựng, áp dụng hệ thống quản lý và công cụ cải tiến (ISO 9001, ISO 22000, HACCP, VietGAP, 5S, Kaizen, 7 công cụ), xây dựng tiêu chuẩn cơ sở, chứng nhận hợp chuẩn, hợp quy. Doanh nghiệp đối ứng 50 % kinh phí tư vấn (Nghị quyết 12/2022/NQ-HĐND).',
    funding: [[2023, 1150, 420], [2024, 950, 360]],
    participants: [
      ['ruou-thanh-long', 'beneficiary', 'Được hỗ trợ áp dụng hệ thống quản lý chất lượng; đối ứng 50 % kinh phí tư vấn'],
      ['co-khi-xay-dung', 'beneficiary', 'Được hỗ trợ áp dụng 5S, Kaizen; đối ứng 50 % kinh phí tư vấn'],
      ['mecola', 'beneficiary', 'Được hỗ trợ xây dựng tiêu chuẩn cơ sở; đối ứng 50 % kinh phí tư vấn'],
      ['duoc-lieu-dtm', 'beneficiary', 'Được hỗ trợ chứng nhận sản phẩm; đối ứng 50 % kinh phí tư vấn'],
    ],
    products: [
      p('Doanh nghiệp, HTX được hỗ trợ áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng', 'other', 'Tối thiểu 25 doanh nghiệp, HTX; mỗi đơn vị áp dụng ít nhất một hệ thống quản lý (ISO 9001, ISO 22000, HACCP, VietGAP) hoặc một công cụ (5S, Kaizen, 7 công cụ thống kê) và được đánh giá hiệu quả trước, sau hỗ trợ.', 25, 'doanh nghiệp'),
      p('Tiêu chuẩn cơ sở cho sản phẩm', 'other', 'Tiêu chuẩn cơ sở được doanh nghiệp công bố áp dụng theo quy định.', 5, 'tiêu chuẩn'),
      p('Chứng nhận hệ thống quản lý, chứng nhận sản phẩm', 'other', 'Giấy chứng nhận do tổ chức chứng nhận được chỉ định cấp cho các đơn vị tham gia.', 15, 'giấy chứng nhận'),
      p('Báo cáo tổng hợp kết quả dự án', 'report', 'Chỉ số năng suất, tỷ lệ sản phẩm lỗi, chi phí của từng đơn vị trước và sau hỗ trợ.'),
    ],
    code: 'LA.NSCL.2023.01', months: 18,
    steps: [
      ...toContract({
        proposal: 22, identification: 34, idCouncil: { day: 21, score: 85 }, approvedList: 19, call: 30, application: 28,
        selection: 15, selCouncil: { day: 9, score: 83 }, budget: 48, approval: 16,
      }),
      ...toReplication({
        contract: 12, implementation: 600, acceptance: 48, accCouncil: { day: 33, ratings: ['passed', 'passed', 'excellent', 'passed', 'passed', 'passed', 'passed'] }, registration: 31,
        progress: [
          { day: 150, kind: 'check', percent: 30, summary: 'Khảo sát, lựa chọn 28 doanh nghiệp, HTX; ký hợp đồng với các tổ chức tư vấn.' },
          { day: 380, kind: 'check', percent: 60, summary: '17 đơn vị đang áp dụng hệ thống quản lý; 9 đơn vị hoàn thành 5S.' },
          { day: 540, kind: 'check', percent: 90, summary: '27 đơn vị hoàn thành; 16 giấy chứng nhận được cấp; 5 tiêu chuẩn cơ sở được công bố.' },
        ],
      }),
    ],
    replications: [
      { year: 2026, place: 'Tỉnh Tây Ninh (địa bàn tỉnh Long An trước đây)', adopterName: 'Các doanh nghiệp, HTX ngoài dự án', scale: 'Áp dụng 5S, Kaizen theo tài liệu hướng dẫn của dự án tại 12 doanh nghiệp, HTX', note: 'Doanh nghiệp tự bố trí kinh phí; Sở hướng dẫn kỹ thuật.' },
    ],
  },
  {
    key: 'la-so-tay-vietgap', tenant: 'tay-ninh',
    title: 'Ứng dụng sổ tay ghi chép điện tử VietGAP cho các hợp tác xã trồng thanh long, khoai mỡ, rau trên địa bàn tỉnh Long An',
    type: 'st_project', level: 'provincial', scienceField: '102', host: 'trung-tam-ung-dung', pi: 'Lê Quang Vinh',
    members: [['Nguyễn Minh Khoa', 'key_member']], assignmentMode: 'ordering', proposedOn: '2024-01-15',
    summary: 'Nhật ký sản xuất VietGAP trên điện thoại thay sổ giấy cho thành viên các HTX thanh long, khoai mỡ, rau: ghi chép phân bón, thuốc bảo vệ thực vật, thu hoạch; lập hồ sơ tái chứng nhận VietGAP và dữ liệu truy xuất nguồn gốc. Các HTX đối ứng kinh phí thiết bị và tập huấn.',
    funding: [[2024, 380, 280], [2025, 420, 300]],
    participants: [['htx-nhon-thanh-trung', 'beneficiary', 'Thành viên HTX ghi chép VietGAP bằng ứng dụng']],
    products: [
      p('Ứng dụng sổ tay ghi chép điện tử VietGAP', 'software', 'Chạy trên Android và iOS, ghi được khi không có mạng và đồng bộ khi có mạng; biểu mẫu ghi chép theo TCVN 11892-1:2017 (VietGAP trồng trọt); xuất hồ sơ phục vụ đánh giá chứng nhận và mã truy xuất nguồn gốc.', 1, 'phần mềm'),
      p('Mô hình ứng dụng tại các HTX', 'model', '6 HTX thanh long, khoai mỡ, rau; ≥ 150 thành viên ghi chép thường xuyên; hồ sơ tái chứng nhận VietGAP lập từ dữ liệu của ứng dụng.', 6, 'HTX'),
      p('Tập huấn sử dụng ứng dụng', 'training', 'Tập huấn cho thành viên và cán bộ kỹ thuật HTX.', 180, 'người'),
    ],
    code: 'LA.NR.2024.03', months: 15,
    steps: [
      ...toContract({
        proposal: 28, identification: 41, idCouncil: { day: 29, score: 82 }, approvedList: 23, call: 26, application: 31,
        selection: 18, selCouncil: { day: 12, score: 84 }, budget: 39, approval: 18,
      }),
      ...toReplication({
        contract: 15, implementation: 470, acceptance: 62, accCouncil: { day: 45, ratings: ['passed', 'excellent', 'passed', 'passed', 'excellent', 'passed', 'passed'] }, registration: 41,
        progress: [
          { day: 120, kind: 'check', percent: 30, summary: 'Hoàn thành phiên bản thử nghiệm; 2 HTX thanh long bắt đầu ghi chép.' },
          { day: 330, kind: 'check', percent: 70, summary: '6 HTX, 163 thành viên sử dụng; HTX khoai mỡ đầu tiên tái chứng nhận VietGAP bằng hồ sơ từ ứng dụng.' },
        ],
      }),
    ],
    replications: [
      { year: 2026, place: 'Xã Thủ Thừa, tỉnh Tây Ninh', unit: { current: 'Xã Thủ Thừa' }, adopterName: 'HTX trồng rau an toàn', scale: '45 thành viên; 32 ha rau' },
      { year: 2026, place: 'Phường Tân An, tỉnh Tây Ninh', unit: { current: 'Phường Tân An' }, adopter: 'htx-nhon-thanh-trung', scale: '38 thành viên; 25 ha thanh long' },
    ],
  },

  // ---------------- An Giang (seed 003) ----------------
  {
    key: 'ag-oc-eo-3d', tenant: 'an-giang',
    title: 'Xây dựng bảo tàng ảo/số hóa 3D các hiện vật khai quật được tại khu di tích văn hóa Óc Eo',
    type: 'research_topic', level: 'national', scienceField: '601', host: 'ban-ql-oc-eo', pi: 'Trương Công Danh',
    members: [['Đoàn Thị Ngọc Hân', 'key_member'], ['Tô Thị Bích Ngọc', 'member']], assignmentMode: 'selection', proposedOn: '2019-04-15',
    summary: 'Đề xuất đề tài thuộc Chương trình KH&CN trọng điểm cấp quốc gia "Hỗ trợ nghiên cứu, phát triển và ứng dụng công nghệ của công nghiệp 4.0": quét 3D, số hóa các hiện vật khai quật tại khu di tích Óc Eo và xây dựng bảo tàng ảo phục vụ nghiên cứu, giáo dục và du lịch.',
    funding: [[2020, 3200, 0], [2021, 2800, 0]],
    products: [
      p('Bộ mô hình 3D hiện vật Óc Eo', 'other', 'Tối thiểu 500 hiện vật được quét 3D độ phân giải ≤ 0,1 mm, có siêu dữ liệu theo chuẩn quản lý hiện vật bảo tàng.', 500, 'hiện vật'),
      p('Bảo tàng ảo Óc Eo', 'software', 'Tham quan trực tuyến trên web và thiết bị thực tế ảo; thuyết minh tiếng Việt, tiếng Anh.', 1, 'hệ thống'),
      p('Cơ sở dữ liệu hiện vật số', 'software', 'Tra cứu theo niên đại, chất liệu, vị trí khai quật.', 1, 'cơ sở dữ liệu'),
    ],
    steps: [
      { action: 'submit_for_identification', days: 28, note: 'Gửi Bộ KH&CN đề xuất đặt hàng thuộc Chương trình KH&CN trọng điểm cấp quốc gia hỗ trợ công nghiệp 4.0.' },
      { action: 'reject', days: 196, note: 'Đề xuất chưa được Bộ KH&CN phê duyệt vào danh mục đặt hàng; Sở tiếp tục hoàn thiện hồ sơ để đề xuất lại.' },
    ],
    reproposal: {
      proposalYear: 2026, proposedOn: '2026-08-24',
      title: 'Xây dựng bảo tàng ảo và số hóa 3D các hiện vật khai quật được tại khu di tích văn hóa Óc Eo',
      summary: 'Đề xuất lại (lần đầu đề xuất năm 2019, chưa được phê duyệt): bổ sung kết quả khai quật mới, thu hẹp phạm vi số hóa còn 300 hiện vật tiêu biểu trong giai đoạn 1, xác định rõ sản phẩm cuối cùng để thực hiện khoán chi đến sản phẩm cuối cùng theo Luật 93/2025/QH15.',
      fundingMode: 'final_product_lump_sum', funding: [[2027, 2600, 300], [2028, 1900, 200]],
      steps: [{ action: 'submit_for_identification', days: 49, note: 'Gửi Bộ KH&CN đề xuất đặt hàng nhiệm vụ cấp quốc gia năm 2027.' }],
    },
  },
  {
    key: 'ag-tuoi-nang-luong-mat-troi', tenant: 'an-giang',
    title: 'Xây dựng mô hình tưới bằng năng lượng mặt trời cho vườn cây ăn trái trên triền núi tại huyện Tri Tôn',
    type: 'st_project', level: 'grassroots', scienceField: '202', host: 'htx-ben-ba-chi', pi: 'Nguyễn Thị Kim Loan',
    members: [['Trần Quốc Huy', 'secretary']], assignmentMode: 'direct', proposedOn: '2021-02-01',
    summary: 'Mô hình thuộc Kế hoạch phối hợp giữa Sở KH&CN và các huyện giai đoạn 2021–2025: dùng pin mặt trời bơm nước lên bể chứa trên triền núi và tưới nhỏ giọt cho vườn cây ăn trái, thay bơm dầu. Lắp đặt tại HTX Bến Bà Chi, hộ ông Bùi Văn Quí, ấp Trung An, xã Lê Trì, huyện Tri Tôn.',
    funding: [[2021, 280, 210], [2022, 160, 120]],
    products: [
      p('Mô hình hệ thống tưới bằng năng lượng mặt trời', 'model', 'Pin mặt trời 2,4 kWp, bơm 1,5 kW, bể chứa 20 m³ trên triền núi, tưới nhỏ giọt cho 1 ha; tự động theo độ ẩm đất; chi phí vận hành giảm ≥ 60 % so với bơm dầu.', 1, 'ha'),
      p('Quy trình lắp đặt, vận hành hệ thống', 'process', 'Áp dụng được cho vườn đồi của các hộ vùng Bảy Núi.'),
      p('Báo cáo kết quả thực hiện mô hình', 'report', 'Số liệu lượng nước, điện năng, năng suất cây trồng qua 2 mùa khô.'),
    ],
    code: 'CS.2021.06', months: 18,
    steps: [
      ...toContract({
        proposal: 21, identification: 30, idCouncil: { day: 20, score: 79 }, approvedList: 18, call: 15, application: 18,
        selection: 16, selCouncil: { day: 10, score: 80 }, budget: 17, approval: 12,
      }),
      ...toReplication({
        contract: 8, implementation: 560, acceptance: 52, accCouncil: { day: 35, ratings: ['passed', 'passed', 'passed', 'passed', 'passed', 'excellent', 'passed'] }, registration: 38,
        progress: [
          { day: 130, kind: 'check', percent: 55, summary: 'Đã lắp đặt xong hệ thống tại HTX Bến Bà Chi – hộ ông Bùi Văn Quí, ấp Trung An, xã Lê Trì; đang thu thập số liệu.' },
          { day: 400, kind: 'check', percent: 80, summary: 'Theo dõi qua mùa khô thứ nhất: không phải dùng bơm dầu; năng suất xoài tăng.' },
        ],
      }),
    ],
    replications: [
      {
        year: 2024, place: 'Hộ ông Bùi Văn Quí, ấp Trung An, xã Lê Trì, huyện Tri Tôn, tỉnh An Giang',
        unit: { before: { ...AG_OLD, district: 'Huyện Tri Tôn', commune: 'Xã Lê Trì' } }, adopter: 'htx-ben-ba-chi',
        scale: 'Chuyển giao hệ thống 1 ha cho HTX Bến Bà Chi quản lý, vận hành', note: 'Nơi lắp đặt mô hình gốc.',
      },
      {
        year: 2026, place: 'Ấp Trung An, xã Lê Trì, huyện Tri Tôn, tỉnh An Giang (nay là xã Ba Chúc)',
        unit: { current: 'Xã Ba Chúc' }, adopter: 'htx-ben-ba-chi',
        scale: 'Nhân rộng cho 3 hộ thành viên HTX, tổng 3,5 ha cây ăn trái trên triền núi',
      },
    ],
  },
];
