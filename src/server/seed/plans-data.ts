/**
 * Demo plans, drawn from the facts of the seed articles (the decisions, the programme's six groups, the coordination
 * programme's five groups and the results it reports); the wording of the items is ours, written from what the
 * articles say, and the schedules, deadlines and progress figures are illustrative.
 *
 *  - Long An's plan of QĐ 9737/QĐ-UBND (19/10/2023), now carried by Tây Ninh (Long An joined it on 01/07/2025): its
 *    items are assigned to Tây Ninh's departments, which started on 01/07/2025, so they start on that day;
 *  - the plan carrying out Chương trình 54-CTr/TU (08/04/2024) in its six groups;
 *  - An Giang's coordination programme between the DOST's Party committee and the 11 district-level Party committees
 *    (2021–2025: 65 items in 5 groups; a few are entered here), signed with districts that ended on 01/07/2025, so
 *    their items pass to the communes that succeeded them.
 */
import type { ProgressStatus, ReportingSchedule } from '../../shared/schemas/plans.ts';

export interface DemoPlanItem {
  code: string;
  title: string;
  /** An agency key of DEMO_AGENCIES, or a pre-2025 district of the province (`district:Chợ Mới`). */
  unit: string;
  partners?: string[];
  startsOn?: string;
  deadline?: string;
  expectedOutput?: string;
  progress?: { periodKey: string; status: ProgressStatus; percent: number; narrative: string }[];
}

export interface DemoPlan {
  tenant: string;
  /** The decision or programme it carries out (legal-documents-data.ts), by number. */
  document: string | null;
  title: string;
  periodFrom: string;
  periodTo: string;
  schedule: ReportingSchedule;
  note: string;
  /** For `district:` units: the pre-2025 province code they belonged to. */
  formerProvinceCode?: string;
  groups: { code: string; title: string; items: DemoPlanItem[] }[];
}

const ILLUSTRATIVE = 'Dữ liệu mẫu: nội dung nhiệm vụ viết theo bài viết của Sở KH&CN; thời hạn, kỳ báo cáo và số liệu tiến độ là giá trị minh họa.';
const TN_FROM = '2025-07-01';

export const DEMO_PLANS: DemoPlan[] = [
  {
    tenant: 'tay-ninh', document: '9737/QĐ-UBND',
    title: 'Kế hoạch phát triển khoa học, công nghệ và đổi mới sáng tạo tỉnh Long An giai đoạn 2023 - 2025, định hướng đến năm 2030',
    periodFrom: '2023-10-19', periodTo: '2030-12-31', schedule: { kind: 'half_yearly' },
    note: `${ILLUSTRATIVE} Từ 01/07/2025 kế hoạch do tỉnh Tây Ninh (sau hợp nhất) tiếp tục thực hiện; nhiệm vụ giao các sở của tỉnh Tây Ninh từ ngày đó.`,
    groups: [
      {
        code: 'I', title: 'Nâng cao đóng góp của KH&CN và ĐMST vào tăng trưởng kinh tế',
        items: [
          {
            code: '1', unit: 'nn-mt', partners: ['khcn'], startsOn: TN_FROM, deadline: '2026-06-30',
            title: 'Xây dựng và nhân rộng mô hình sản xuất nông nghiệp ứng dụng công nghệ cao trong trồng trọt và thủy sản',
            expectedOutput: 'Ít nhất 05 mô hình được nhân rộng; báo cáo đánh giá hiệu quả',
            progress: [
              { periodKey: '2025-H2', status: 'in_progress', percent: 45, narrative: 'Đã khảo sát 12 hợp tác xã; triển khai 02 mô hình tưới tiết kiệm nước cho cây ăn trái.' },
            ],
          },
          {
            code: '2', unit: 'nn-mt', startsOn: TN_FROM, deadline: '2025-12-31',
            title: 'Ứng dụng nhật ký điện tử VietGAP và truy xuất nguồn gốc cho vùng nguyên liệu lúa, thanh long',
            expectedOutput: 'Vùng nguyên liệu có mã số, nhật ký điện tử',
          },
          {
            code: '3', unit: 'cong-thuong', partners: ['khcn'], startsOn: TN_FROM, deadline: '2030-12-31',
            title: 'Hỗ trợ doanh nghiệp công nghiệp chế biến, chế tạo đổi mới công nghệ, nâng tỷ trọng sản phẩm công nghệ cao tối thiểu 45% vào năm 2030',
            expectedOutput: 'Danh mục doanh nghiệp được hỗ trợ; tỷ trọng giá trị sản phẩm công nghệ cao',
          },
        ],
      },
      {
        code: 'II', title: 'Phát triển tiềm lực khoa học, công nghệ và đổi mới sáng tạo',
        items: [
          {
            code: '4', unit: 'tai-chinh', partners: ['khcn'], startsOn: TN_FROM, deadline: '2025-12-31',
            title: 'Bố trí đầu tư cho khoa học và công nghệ đạt 1,2% - 1,5% GRDP vào năm 2025, trong đó chi cho nghiên cứu và phát triển đạt 0,8% - 1% GRDP',
            expectedOutput: 'Dự toán chi KH&CN hằng năm', progress: [{ periodKey: '2025-H2', status: 'behind', percent: 60, narrative: 'Tỷ lệ chi ngân sách cho KH&CN năm 2025 chưa đạt mức kế hoạch.' }],
          },
          {
            code: '5', unit: 'noi-vu', partners: ['gd-dt'], startsOn: TN_FROM, deadline: '2030-12-31',
            title: 'Phát triển nhân lực nghiên cứu và phát triển đạt 10 người trên một vạn dân vào năm 2025 và 12 người vào năm 2030',
            expectedOutput: 'Đề án đào tạo, thu hút nhân lực KH&CN',
          },
        ],
      },
      {
        code: 'III', title: 'Phát triển thị trường KH&CN và hệ sinh thái khởi nghiệp đổi mới sáng tạo',
        items: [
          {
            code: '6', unit: 'khcn', startsOn: TN_FROM, deadline: '2030-12-31',
            title: 'Phát triển ít nhất 20 tổ chức hỗ trợ đổi mới sáng tạo và trung gian của thị trường KH&CN đến năm 2030',
            expectedOutput: 'Danh sách tổ chức trung gian; sàn giao dịch công nghệ hoạt động',
            progress: [{ periodKey: '2025-H2', status: 'in_progress', percent: 30, narrative: 'Sàn giao dịch công nghệ và thiết bị trực tuyến tiếp tục vận hành; đã kết nối 6 tổ chức trung gian.' }],
          },
          {
            code: '7', unit: 'nn-mt', partners: ['khcn', 'cong-thuong'], startsOn: TN_FROM, deadline: '2027-12-31',
            title: 'Hỗ trợ hợp tác xã nông nghiệp xây dựng và phát triển nhãn hiệu tập thể, chỉ dẫn địa lý cho sản phẩm chủ lực',
            expectedOutput: 'Hồ sơ đăng ký nhãn hiệu tập thể',
          },
        ],
      },
    ],
  },
  {
    tenant: 'tay-ninh', document: '54-CTr/TU',
    title: 'Kế hoạch thực hiện Chương trình số 54-CTr/TU về tiếp tục phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa',
    periodFrom: '2024-04-08', periodTo: '2030-12-31', schedule: { kind: 'yearly' },
    note: `${ILLUSTRATIVE} Sáu nhóm nhiệm vụ và giải pháp theo Chương trình số 54-CTr/TU ngày 08/4/2024 của Ban Thường vụ Tỉnh ủy Long An.`,
    groups: [
      { code: '1', title: 'Tăng cường vai trò lãnh đạo của các cấp ủy đảng đối với phát triển khoa học, công nghệ và đổi mới sáng tạo', items: [
        { code: '1.1', unit: 'khcn', startsOn: TN_FROM, deadline: '2026-12-31', title: 'Tuyên truyền, quán triệt Kết luận số 69-KL/TW và Chương trình số 54-CTr/TU đến cán bộ, đảng viên', expectedOutput: 'Hội nghị quán triệt; tin bài tuyên truyền' },
      ] },
      { code: '2', title: 'Đổi mới tư duy, ban hành cơ chế chính sách, nâng cao vai trò quản lý nhà nước về khoa học, công nghệ và đổi mới sáng tạo', items: [
        { code: '2.1', unit: 'tu-phap', partners: ['khcn'], startsOn: TN_FROM, deadline: '2026-06-30', title: 'Rà soát, đề xuất sửa đổi các chính sách hỗ trợ KH&CN của tỉnh phù hợp Luật Khoa học, công nghệ và đổi mới sáng tạo 2025', expectedOutput: 'Báo cáo rà soát; dự thảo nghị quyết' },
      ] },
      { code: '3', title: 'Triển khai các nhiệm vụ khoa học và công nghệ chủ yếu phục vụ phát triển kinh tế - xã hội', items: [
        { code: '3.1', unit: 'nn-mt', startsOn: TN_FROM, deadline: '2026-12-31', title: 'Đề xuất đặt hàng nhiệm vụ KH&CN về giống cây trồng, vật nuôi chủ lực và nông nghiệp tuần hoàn', expectedOutput: 'Danh mục đề xuất đặt hàng hằng năm',
          progress: [{ periodKey: '2025', status: 'done', percent: 100, narrative: 'Đã gửi Sở KH&CN danh mục 4 đề xuất đặt hàng năm 2026.' }] },
        { code: '3.2', unit: 'y-te', startsOn: TN_FROM, deadline: '2027-12-31', title: 'Nghiên cứu, ứng dụng khoa học y học và chuyển đổi số trong khám, chữa bệnh', expectedOutput: 'Nhiệm vụ KH&CN ngành y tế' },
      ] },
      { code: '4', title: 'Nâng cao tiềm lực khoa học, công nghệ và đổi mới sáng tạo', items: [
        { code: '4.1', unit: 'gd-dt', startsOn: TN_FROM, deadline: '2030-12-31', title: 'Xây dựng kế hoạch đào tạo, đào tạo lại nguồn nhân lực KH&CN bảo đảm số lượng và cơ cấu', expectedOutput: 'Kế hoạch đào tạo giai đoạn 2026-2030' },
      ] },
      { code: '5', title: 'Phát triển mạnh thị trường khoa học, công nghệ và hệ sinh thái khởi nghiệp đổi mới sáng tạo', items: [
        { code: '5.1', unit: 'khcn', partners: ['cong-thuong'], startsOn: TN_FROM, deadline: '2026-12-31', title: 'Tổ chức đợt xét chọn, ươm tạo dự án khởi nghiệp đổi mới sáng tạo hằng năm', expectedOutput: 'Khoảng 10 dự án được ươm tạo mỗi năm' },
      ] },
      { code: '6', title: 'Đẩy mạnh hợp tác và hội nhập quốc tế về khoa học, công nghệ và đổi mới sáng tạo', items: [
        { code: '6.1', unit: 'khcn', startsOn: TN_FROM, deadline: '2028-12-31', title: 'Kết nối hợp tác với viện, trường và tổ chức KH&CN trong nước và quốc tế để chuyển giao công nghệ', expectedOutput: 'Thỏa thuận hợp tác; công nghệ được chuyển giao' },
      ] },
    ],
  },
  {
    tenant: 'an-giang', document: null, formerProvinceCode: '89',
    title: 'Kế hoạch triển khai Chương trình phối hợp giữa Đảng ủy Sở Khoa học và Công nghệ và 11 Huyện, Thị, Thành ủy giai đoạn 2021 - 2025',
    periodFrom: '2021-01-01', periodTo: '2025-12-31', schedule: { kind: 'yearly' },
    note: `${ILLUSTRATIVE} Kế hoạch có 65 nhiệm vụ/hoạt động trong 5 nhóm (53 thực hiện từ năm 2021, 05 trong năm 2021); dữ liệu mẫu ghi một số nhiệm vụ bài viết nêu kết quả. Các huyện, thị xã, thành phố kết thúc ngày 01/07/2025; nhiệm vụ chuyển sang các xã, phường kế thừa.`,
    groups: [
      { code: '1', title: 'Nghiên cứu khoa học và phát triển công nghệ trong sản xuất, chế biến 08 nhóm sản phẩm nông nghiệp ứng dụng công nghệ cao, sản phẩm chủ lực và đặc sản gắn với du lịch', items: [
        { code: '1.1', unit: 'district:Tri Tôn', startsOn: '2021-03-01', deadline: '2022-12-31', title: 'Xây dựng mô hình tưới bằng năng lượng mặt trời cho vườn cây ăn trái trên triền núi', expectedOutput: 'Mô hình tại HTX Bến Bà Chi; báo cáo kết quả',
          progress: [{ periodKey: '2021', status: 'in_progress', percent: 70, narrative: 'Đã lắp đặt tại HTX Bến Bà Chi, ấp Trung An, Lê Trì, Tri Tôn; đang thu thập số liệu để viết báo cáo kết quả.' }] },
      ] },
      { code: '2', title: 'Xây dựng và phát triển tài sản trí tuệ trong sản xuất, kinh doanh sản phẩm hàng hóa', items: [
        { code: '2.1', unit: 'district:Tịnh Biên', startsOn: '2021-03-01', deadline: '2023-12-31', title: 'Phát triển quyền sở hữu trí tuệ đối với sản phẩm đường thốt nốt Tịnh Biên và cây chúc Thất Sơn', expectedOutput: 'Nhãn hiệu tập thể đường thốt nốt Tịnh Biên',
          progress: [{ periodKey: '2021', status: 'in_progress', percent: 30, narrative: 'Đang hỗ trợ thị xã xây dựng kế hoạch dự án xây dựng, quản lý và phát triển nhãn hiệu tập thể.' }] },
        { code: '2.2', unit: 'district:Chợ Mới', startsOn: '2021-03-01', deadline: '2023-12-31', title: 'Xây dựng nhãn hiệu tập thể cho sản phẩm bắp bao tử Chợ Mới', expectedOutput: 'Giấy chứng nhận đăng ký nhãn hiệu tập thể',
          progress: [{ periodKey: '2021', status: 'in_progress', percent: 30, narrative: 'Đã hướng dẫn huyện xây dựng kế hoạch triển khai dự án nhãn hiệu tập thể.' }] },
      ] },
      { code: '3', title: 'Hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa', items: [
        { code: '3.1', unit: 'khcn', startsOn: '2025-07-01', deadline: '2025-12-31', title: 'Khảo sát nhu cầu nâng cao năng suất chất lượng của doanh nghiệp và hỗ trợ theo Kế hoạch số 573/KH-UBND', expectedOutput: 'Danh sách doanh nghiệp đăng ký hỗ trợ' },
      ] },
      { code: '4', title: 'Nâng cao nhận thức, năng lực về đổi mới sáng tạo, khởi nghiệp đổi mới sáng tạo cho CBCC-VC ngành KH&CN và thanh niên ở địa phương', items: [
        { code: '4.1', unit: 'district:Long Xuyên', startsOn: '2021-03-01', deadline: '2025-06-30', title: 'Tập huấn khởi nghiệp đổi mới sáng tạo cho đoàn viên, thanh niên', expectedOutput: 'Lớp tập huấn hằng năm' },
      ] },
      { code: '5', title: 'Khảo sát, đánh giá các mô hình sản xuất, kinh doanh hiệu quả ở địa phương để nhân rộng trên địa bàn tỉnh', items: [
        { code: '5.1', unit: 'district:Chợ Mới', startsOn: '2021-03-01', deadline: '2025-06-30', title: 'Hỗ trợ xây dựng làng sản xuất giống cây rau màu, hoa, kiểng', expectedOutput: 'Dự án thuộc chương trình nông thôn miền núi',
          progress: [{ periodKey: '2021', status: 'not_started', percent: 0, narrative: 'Đang xây dựng dự án từ chương trình nông thôn miền núi của Bộ KH&CN để xin kinh phí cho 5 huyện.' }] },
      ] },
    ],
  },
];
