/**
 * Evaluation set of the duplicate-proposal detector (tasks.similarity.ts): proposals as a department would receive
 * them, each with the demo tasks (src/server/seed/tasks-data.ts keys) a council should be shown for it.
 * - `paraphrase`: a demo task told again in other words;
 * - `variant`: the same idea for another place or another product (the earlier task is still the one to see);
 * - `unrelated`: a different idea sharing the common words of proposals (tỉnh, mô hình, ứng dụng, nông dân…):
 *   nothing should be shown.
 * The re-proposal of the Óc Eo task is its own document, key `ag-oc-eo-3d:reproposal`.
 */
export interface EvalCase { kind: 'paraphrase' | 'variant' | 'unrelated'; title: string; summary?: string; expected: string[] }

const OC_EO = ['ag-oc-eo-3d', 'ag-oc-eo-3d:reproposal'];

export const DUPLICATE_EVAL: EvalCase[] = [
  // paraphrases
  { kind: 'paraphrase', title: 'Thiết kế máy sấy hoa hồi sử dụng bơm nhiệt thay cho lò củi', summary: 'Sấy hồi ở nhiệt độ thấp để giữ tinh dầu, tiết kiệm nhiên liệu.', expected: ['ls-may-say-hoi'] },
  { kind: 'paraphrase', title: 'Cải tiến men lá và nồi chưng cất rượu truyền thống Mẫu Sơn', summary: 'Giữ gìn chủng vi sinh vật men lá của người Dao, ổn định chất lượng rượu.', expected: ['ls-ruou-mau-son'] },
  { kind: 'paraphrase', title: 'Bảo quản quýt Bắc Sơn sau thu hoạch bằng màng bao chitosan kết hợp nano bạc', expected: ['ls-quyt-chitosan'] },
  { kind: 'paraphrase', title: 'Chế tạo máy gieo ngô, lạc cho ruộng bậc thang, đất dốc', summary: 'Cơ giới hóa khâu gieo thay gieo tay.', expected: ['ls-may-gieo-hat'] },
  { kind: 'paraphrase', title: 'Dùng khí biogas sưởi ấm chuồng lợn nái và ô úm lợn con mùa đông', expected: ['ls-biogas-hop-thinh'] },
  { kind: 'paraphrase', title: 'Sản xuất gạch không nung từ tro bay, xỉ đáy lò nhiệt điện Na Dương', summary: 'Làm cốt liệu gạch và gia cố đường giao thông nông thôn.', expected: ['ls-gach-tro-xi'] },
  { kind: 'paraphrase', title: 'San phẳng mặt ruộng lúa bằng thiết bị điều khiển tia laser gắn máy kéo', expected: ['la-san-phang-laser'] },
  { kind: 'paraphrase', title: 'Nhân rộng mô hình ương và nuôi cá trê vàng thương phẩm ở Đức Huệ', expected: ['la-ca-tre-vang', 'tn-iot-ca-tre-vang'] },
  { kind: 'paraphrase', title: 'Sản xuất hạt giống mè đen cấp xác nhận cho vùng đất phèn', summary: 'Luân canh lúa – mè tại Đức Huệ, Vĩnh Hưng.', expected: ['la-me-den-bsla'] },
  { kind: 'paraphrase', title: 'Tưới thông minh theo độ ẩm đất cho vườn thanh long và chanh không hạt', summary: 'Giám sát, điều khiển tưới qua điện thoại.', expected: ['la-tuoi-thong-minh'] },
  { kind: 'paraphrase', title: 'Cảm biến oxy hòa tan, pH cho ao nuôi cá trê, cảnh báo qua điện thoại', summary: 'Quan trắc chất lượng nước ao nuôi theo thời gian thực.', expected: ['tn-iot-ca-tre-vang'] },
  { kind: 'paraphrase', title: 'Chương trình nâng cao năng suất và chất lượng sản phẩm hàng hóa cho doanh nghiệp', expected: ['la-nscl-2023'] },
  { kind: 'paraphrase', title: 'Nhật ký sản xuất VietGAP điện tử trên điện thoại cho hợp tác xã', summary: 'Thay sổ giấy ghi chép phân bón, thuốc bảo vệ thực vật.', expected: ['la-so-tay-vietgap'] },
  { kind: 'paraphrase', title: 'Số hóa 3D hiện vật khảo cổ và bảo tàng ảo Óc Eo', expected: OC_EO },
  { kind: 'paraphrase', title: 'Bơm nước bằng pin mặt trời và tưới nhỏ giọt cho vườn cây ăn trái trên núi', expected: ['ag-tuoi-nang-luong-mat-troi'] },
  // the same idea for another place or product
  { kind: 'variant', title: 'Nghiên cứu chế tạo máy sấy quế bằng bơm nhiệt tại Yên Bái', summary: 'Sấy vỏ quế nhiệt độ thấp giữ tinh dầu, tiết kiệm nhiên liệu.', expected: ['ls-may-say-hoi'] },
  { kind: 'variant', title: 'Ứng dụng màng chitosan – nano bạc bảo quản quả bưởi Phúc Trạch', expected: ['ls-quyt-chitosan'] },
  { kind: 'variant', title: 'Ương giống và nuôi thương phẩm cá lóc tại huyện Tân Thạnh', summary: 'Nhân rộng mô hình nuôi trong ao đất vùng phèn.', expected: ['la-ca-tre-vang'] },
  { kind: 'variant', title: 'Hệ thống sưởi ấm bằng khí biogas cho chuồng gà tại Cao Lộc', expected: ['ls-biogas-hop-thinh'] },
  { kind: 'variant', title: 'Ứng dụng hệ thống tưới tiêu thông minh cho hợp tác xã trồng sầu riêng ở Tiền Giang', expected: ['la-tuoi-thong-minh'] },
  { kind: 'variant', title: 'Xây dựng bảo tàng ảo, số hóa 3D hiện vật di tích Cát Tiên', expected: OC_EO },
  { kind: 'variant', title: 'Sổ tay ghi chép điện tử VietGAP cho hợp tác xã trồng bưởi, cam', expected: ['la-so-tay-vietgap'] },
  { kind: 'variant', title: 'Chế tạo máy gieo hạt đậu tương cho vùng đồi Hòa Bình', expected: ['ls-may-gieo-hat'] },
  { kind: 'variant', title: 'Sản xuất gạch không nung từ tro xỉ nhà máy nhiệt điện Cao Ngạn', expected: ['ls-gach-tro-xi'] },
  { kind: 'variant', title: 'Mô hình tưới bằng năng lượng mặt trời cho vườn điều ở Bình Phước', expected: ['ag-tuoi-nang-luong-mat-troi'] },
  { kind: 'variant', title: 'Giám sát chất lượng nước ao nuôi tôm bằng công nghệ IoT', expected: ['tn-iot-ca-tre-vang'] },
  // unrelated, sharing the common words of proposals
  { kind: 'unrelated', title: 'Nghiên cứu ứng dụng trí tuệ nhân tạo trong chẩn đoán hình ảnh y tế tại bệnh viện tỉnh', expected: [] },
  { kind: 'unrelated', title: 'Xây dựng mô hình du lịch cộng đồng gắn với văn hóa dân tộc Tày', expected: [] },
  { kind: 'unrelated', title: 'Đánh giá thực trạng và giải pháp phát triển nguồn nhân lực khoa học trên địa bàn tỉnh', expected: [] },
  { kind: 'unrelated', title: 'Ứng dụng công nghệ thông tin trong cải cách hành chính cấp xã', expected: [] },
  { kind: 'unrelated', title: 'Nghiên cứu bảo tồn và phát triển nguồn gen lan rừng', summary: 'Thu thập, lưu giữ các loài lan bản địa.', expected: [] },
  { kind: 'unrelated', title: 'Hỗ trợ nông dân xây dựng thương hiệu và nhãn hiệu tập thể cho sản phẩm địa phương', expected: [] },
  { kind: 'unrelated', title: 'Nghiên cứu giải pháp phòng chống sạt lở bờ sông trên địa bàn huyện', expected: [] },
  { kind: 'unrelated', title: 'Ứng dụng chế phẩm vi sinh xử lý rác thải sinh hoạt nông thôn', expected: [] },
];
