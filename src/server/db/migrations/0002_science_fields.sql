-- Science and technology fields (lĩnh vực nghiên cứu KH&CN), levels 1 and 2.
-- Source: Bảng phân loại lĩnh vực nghiên cứu KH&CN of Quyết định 12/2008/QĐ-BKHCN (04/9/2008), built on the OECD
-- Frascati "Revised Field of Science and Technology (FOS) classification" (2007); Thông tư 24/2025/TT-BKHCN
-- (in force 15/12/2025) keeps the same 6 fields and 46 level-2 codes (101…699) and adds levels 3 and 4.
-- Vietnam splits some Frascati groups (4.1 Agriculture, forestry, fisheries → 401 crops, 404 forestry, 405 fisheries;
-- pharmacy 304 beside Frascati's medical groups; 211 food and beverage engineering out of Frascati 2.11) and codes
-- each field's "other" group as x99. Level-1 code: one digit; level 2: three digits starting with the level-1 code.
INSERT INTO science_fields (code, parent_code, name_vi, name_en) VALUES
  ('1', NULL, 'Khoa học tự nhiên', 'Natural sciences'),
  ('2', NULL, 'Khoa học kỹ thuật và công nghệ', 'Engineering and technology'),
  ('3', NULL, 'Khoa học y, dược', 'Medical and health sciences'),
  ('4', NULL, 'Khoa học nông nghiệp', 'Agricultural sciences'),
  ('5', NULL, 'Khoa học xã hội', 'Social sciences'),
  ('6', NULL, 'Khoa học nhân văn', 'Humanities')
ON CONFLICT (code) DO NOTHING;

INSERT INTO science_fields (code, parent_code, name_vi, name_en) VALUES
  -- 1. Khoa học tự nhiên / Natural sciences (Frascati 1.1–1.7)
  ('101', '1', 'Toán học và thống kê', 'Mathematics and statistics'),
  ('102', '1', 'Khoa học máy tính và thông tin', 'Computer and information sciences'),
  ('103', '1', 'Vật lý', 'Physical sciences'),
  ('104', '1', 'Hóa học', 'Chemical sciences'),
  ('105', '1', 'Các khoa học trái đất và môi trường liên quan', 'Earth and related environmental sciences'),
  ('106', '1', 'Sinh học', 'Biological sciences'),
  ('199', '1', 'Khoa học tự nhiên khác', 'Other natural sciences'),
  -- 2. Khoa học kỹ thuật và công nghệ / Engineering and technology (Frascati 2.1–2.11)
  ('201', '2', 'Kỹ thuật dân dụng', 'Civil engineering'),
  ('202', '2', 'Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin', 'Electrical engineering, electronic engineering, information engineering'),
  ('203', '2', 'Kỹ thuật cơ khí', 'Mechanical engineering'),
  ('204', '2', 'Kỹ thuật hóa học', 'Chemical engineering'),
  ('205', '2', 'Kỹ thuật vật liệu và luyện kim', 'Materials engineering and metallurgy'),
  ('206', '2', 'Kỹ thuật y học', 'Medical engineering'),
  ('207', '2', 'Kỹ thuật môi trường', 'Environmental engineering'),
  ('208', '2', 'Công nghệ sinh học môi trường', 'Environmental biotechnology'),
  ('209', '2', 'Công nghệ sinh học công nghiệp', 'Industrial biotechnology'),
  ('210', '2', 'Công nghệ nano', 'Nanotechnology'),
  ('211', '2', 'Kỹ thuật thực phẩm và đồ uống', 'Food and beverage engineering'),
  ('299', '2', 'Khoa học kỹ thuật và công nghệ khác', 'Other engineering and technologies'),
  -- 3. Khoa học y, dược / Medical and health sciences (Frascati 3.1–3.5)
  ('301', '3', 'Y học cơ sở', 'Basic medicine'),
  ('302', '3', 'Y học lâm sàng', 'Clinical medicine'),
  ('303', '3', 'Y tế', 'Health sciences'),
  ('304', '3', 'Dược học', 'Pharmacy and pharmaceutical sciences'),
  ('305', '3', 'Công nghệ sinh học trong y học', 'Medical biotechnology'),
  ('399', '3', 'Khoa học y, dược khác', 'Other medical and health sciences'),
  -- 4. Khoa học nông nghiệp / Agricultural sciences (Frascati 4.1–4.5)
  ('401', '4', 'Trồng trọt', 'Crop science'),
  ('402', '4', 'Chăn nuôi', 'Animal and dairy science'),
  ('403', '4', 'Thú y', 'Veterinary science'),
  ('404', '4', 'Lâm nghiệp', 'Forestry'),
  ('405', '4', 'Thủy sản', 'Fisheries'),
  ('406', '4', 'Công nghệ sinh học trong nông nghiệp', 'Agricultural biotechnology'),
  ('499', '4', 'Khoa học nông nghiệp khác', 'Other agricultural sciences'),
  -- 5. Khoa học xã hội / Social sciences (Frascati 5.1–5.9)
  ('501', '5', 'Tâm lý học', 'Psychology'),
  ('502', '5', 'Kinh tế và kinh doanh', 'Economics and business'),
  ('503', '5', 'Khoa học giáo dục', 'Educational sciences'),
  ('504', '5', 'Xã hội học', 'Sociology'),
  ('505', '5', 'Pháp luật', 'Law'),
  ('506', '5', 'Khoa học chính trị', 'Political science'),
  ('507', '5', 'Địa lý kinh tế và xã hội', 'Social and economic geography'),
  ('508', '5', 'Thông tin đại chúng và truyền thông', 'Media and communications'),
  ('599', '5', 'Khoa học xã hội khác', 'Other social sciences'),
  -- 6. Khoa học nhân văn / Humanities (Frascati 6.1–6.5)
  ('601', '6', 'Lịch sử và khảo cổ học', 'History and archaeology'),
  ('602', '6', 'Ngôn ngữ học và văn học', 'Languages and literature'),
  ('603', '6', 'Triết học, đạo đức học và tôn giáo', 'Philosophy, ethics and religion'),
  ('604', '6', 'Nghệ thuật', 'Arts'),
  ('699', '6', 'Khoa học nhân văn khác', 'Other humanities')
ON CONFLICT (code) DO NOTHING;
