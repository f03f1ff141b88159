/**
 * Demo data of the support programmes part (issue #13) written from the seed articles (/work/shared/seeds/000…):
 *
 * Replicated models (seed 000): "Triển khai Nghị quyết số 164/2014/NQ-HĐND ngày 10/12/2014 … Sở KH&CN đã triển khai
 * 107 mô hình trên địa bàn tỉnh …. Một số mô hình nổi bật như: Mô hình san phẳng đồng ruộng bằng laser, Mô hình nuôi
 * cá trê vàng; Mô hình ứng dụng hệ thống tưới tiêu thông minh cho các HTX thanh long, chanh …; Mô hình ứng dụng sổ tay
 * ghi chép điện tử VietGAP cho các HTX thanh long, khoai mỡ, rau...; Mô hình sản xuất rau an toàn, vườn ươm cây con
 * giống …; Ứng dụng phân hữu cơ vi sinh từ dự án thuộc Chương trình Nông thôn miền núi". The named models are written
 * as such; the article gives only the total for the others, so the rest up to 107 are generated (years 2015–2020,
 * old communes of Long An) and say so in their note. No amounts are given, so none are invented.
 */
export const REPLICATION_POLICY = '164/2014/NQ-HĐND';
export const REPLICATION_TOTAL = 107;
export const REPLICATION_YEARS = [2015, 2020] as const;

export interface DemoModel {
  name: string;
  sourceKind: 'other' | 'national_programme';
  sourceDescription: string;
  /** Adopter, as the article names it (a kind of cooperative), or null. */
  adopter: string | null;
  /** Old district of Long An where the commune is taken, when the article names it. */
  district?: string;
}

const TECH = 'Tiến bộ kỹ thuật, kết quả nghiên cứu được chuyển giao theo Nghị quyết 164/2014/NQ-HĐND';

/** The models seed 000 names (one row each). */
export const NAMED_MODELS: DemoModel[] = [
  { name: 'Mô hình san phẳng đồng ruộng bằng laser', sourceKind: 'other', sourceDescription: `${TECH}: san phẳng mặt ruộng bằng thiết bị laser`, adopter: null },
  { name: 'Mô hình nuôi cá trê vàng', sourceKind: 'other', sourceDescription: `${TECH}: nuôi cá trê vàng`, adopter: null, district: 'Huyện Đức Huệ' },
  { name: 'Mô hình ứng dụng hệ thống tưới tiêu thông minh cho HTX thanh long', sourceKind: 'other', sourceDescription: `${TECH}: tưới tiêu thông minh`, adopter: 'HTX thanh long' },
  { name: 'Mô hình ứng dụng hệ thống tưới tiêu thông minh cho HTX chanh', sourceKind: 'other', sourceDescription: `${TECH}: tưới tiêu thông minh`, adopter: 'HTX chanh' },
  { name: 'Mô hình ứng dụng sổ tay ghi chép điện tử VietGAP cho HTX thanh long', sourceKind: 'other', sourceDescription: `${TECH}: sổ tay ghi chép điện tử VietGAP`, adopter: 'HTX thanh long' },
  { name: 'Mô hình ứng dụng sổ tay ghi chép điện tử VietGAP cho HTX khoai mỡ', sourceKind: 'other', sourceDescription: `${TECH}: sổ tay ghi chép điện tử VietGAP`, adopter: 'HTX khoai mỡ' },
  { name: 'Mô hình ứng dụng sổ tay ghi chép điện tử VietGAP cho HTX rau', sourceKind: 'other', sourceDescription: `${TECH}: sổ tay ghi chép điện tử VietGAP`, adopter: 'HTX rau' },
  {
    name: 'Mô hình sản xuất rau an toàn, vườn ươm cây con giống', sourceKind: 'other', adopter: null,
    sourceDescription: `${TECH}: kỹ thuật gieo ươm, ghép cây con, kỹ thuật sản xuất rau trong nhà màng`,
  },
  {
    name: 'Ứng dụng phân hữu cơ vi sinh', sourceKind: 'national_programme', adopter: null,
    sourceDescription: 'Dự án thuộc Chương trình Nông thôn miền núi (chương trình cấp quốc gia): phân hữu cơ vi sinh',
  },
];

export const NAMED_NOTE = 'Mô hình được nêu tên trong bài viết của Sở KH&CN Long An; năm, nơi thực hiện và quy mô là minh họa.';
export const GENERATED_NOTE = 'Dữ liệu minh họa (sinh tự động): bài viết nêu tổng số 107 mô hình theo Nghị quyết 164/2014/NQ-HĐND và một số mô hình tiêu biểu; '
  + 'các mô hình còn lại, nơi thực hiện và năm do khcn sinh cho đủ số lượng.';
export const DEMO_SCALE = 'Mô hình trình diễn (quy mô minh họa)';

/**
 * The 2023 startup call (seed 000): "Kế hoạch số 522/KH-SKHCN ngày 26/4/2023 … tuyển chọn dự án khởi nghiệp và đổi
 * mới sáng tạo doanh nghiệp để ươm tạo năm 2023 …. Dự kiến xét chọn 10 dự án để hỗ trợ và ươm tạo. Hoạt động hỗ trợ
 * và ươm tạo bao gồm: Hoạt động cộng đồng và Network Co-working, hoạt động đào tạo chuyên gia, Hoạt động bảo trợ
 * thông tin và truyền thông, hoàn thiện bao bì, nhãn hàng sản phẩm" and "Tổ chức Hội nghị triển khai hoạt động hỗ
 * trợ ươm tạo … năm 2023 (ngày 17/5/2023)"; the co-working space is "Tầng 2 Sở Khoa học và Công nghệ". The article
 * names no project: the projects, their teams, the services' dates, hours and costs are generated and say so.
 */
export const STARTUP_PROGRAMME = {
  code: 'KNDMST-LA', kind: 'startup' as const, legalNumber: '393/KH-UBND',
  name: 'Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Long An giai đoạn 2022-2025',
  nameEn: 'Support for the innovative startup ecosystem of Long An, 2022–2025',
  description: 'Triển khai Kế hoạch số 393/KH-UBND ngày 17/02/2023 thực hiện Đề án "Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo Quốc gia đến năm 2025" tỉnh Long An.',
};
export const STARTUP_CALL = {
  code: 'KN-2023', year: 2023, opensOn: '2023-05-17', closesOn: '2023-07-31', selectTop: 10,
  title: 'Tuyển chọn dự án khởi nghiệp và đổi mới sáng tạo doanh nghiệp để ươm tạo năm 2023 (Kế hoạch 522/KH-SKHCN)',
  eligibility: 'Dự án khởi nghiệp đổi mới sáng tạo của doanh nghiệp, tổ chức, cá nhân do các Sở ngành, hội nghề nghiệp, doanh nghiệp, Liên hiệp các hội KH&KT giới thiệu.',
};
export const GENERATED_PROJECT_NOTE = 'Dữ liệu minh họa (sinh tự động): bài viết không nêu tên các dự án; tên dự án, nhóm khởi nghiệp và dịch vụ do khcn sinh.';

/** Generated startup projects: [project, team]. The first ten are selected; the others not. */
export const STARTUP_PROJECTS: [string, string][] = [
  ['Trà mãng cầu sấy lạnh đóng túi lọc', 'Công ty TNHH Khởi nghiệp Nông sản Tân An (minh họa)'],
  ['Ứng dụng nhật ký canh tác thanh long trên điện thoại', 'Công ty TNHH Công nghệ Nông nghiệp Châu Thành (minh họa)'],
  ['Bánh tráng gạo lứt Long An', 'Hộ kinh doanh Bánh tráng Đức Hòa (minh họa)'],
  ['Phân bón hữu cơ vi sinh từ phụ phẩm thanh long', 'Công ty TNHH Sinh học Xanh Long An (minh họa)'],
  ['Nước chanh không hạt đóng chai', 'Công ty TNHH Thực phẩm Bến Lức (minh họa)'],
  ['Gốm mỹ nghệ từ đất phèn', 'Nhóm khởi nghiệp Gốm Đồng Tháp Mười (minh họa)'],
  ['Khoai mỡ sấy giòn', 'Hợp tác xã Khởi nghiệp Tân Trụ (minh họa)'],
  ['Hệ thống cảm biến mặn cho ruộng lúa', 'Công ty TNHH Điện tử Cần Giuộc (minh họa)'],
  ['Du lịch trải nghiệm vườn chanh Bến Lức', 'Công ty TNHH Du lịch Xanh Bến Lức (minh họa)'],
  ['Mè đen rang xay đóng hũ', 'Công ty TNHH Nông sản Đức Huệ (minh họa)'],
  ['Sàn thương mại điện tử đặc sản địa phương', 'Nhóm khởi nghiệp Chợ Quê Long An (minh họa)'],
  ['Nấm bào ngư sấy', 'Hộ kinh doanh Nấm Thủ Thừa (minh họa)'],
  ['Ống hút cỏ bàng', 'Nhóm khởi nghiệp Cỏ Bàng Tân Hưng (minh họa)'],
];
export const STARTUP_SELECTED = 10;

export const COWORKING_PROVIDER = 'Không gian Khởi nghiệp đổi mới sáng tạo tỉnh Long An (Tầng 2, Sở Khoa học và Công nghệ)';
export const CENTRE_PROVIDER = 'Trung tâm Ứng dụng, kỹ thuật, thông tin khoa học và công nghệ tỉnh Long An';
export const GENERATED_SERVICE_NOTE = 'Dữ liệu minh họa (sinh tự động).';
