/**
 * Demo indicators of Long An's plan QĐ 9737/QĐ-UBND (19/10/2023, "Kế hoạch phát triển khoa học, công nghệ và đổi
 * mới sáng tạo tỉnh Long An giai đoạn 2023–2025, định hướng đến năm 2030"; seed article 001), now carried by Tây
 * Ninh, which Long An joined on 01/07/2025.
 *
 * The TARGETS are the plan's, as the article states them. The VALUES are illustrative ("Giá trị minh họa"): figures
 * of the order of the two provinces' statistics yearbooks, not copied from them — each value's source says so.
 * Long An and old Tây Ninh report 2020–2024 (and the first half of the reform year is theirs); the new Tây Ninh reports
 * 2025. On the boundaries after the merger the dashboard sums the two; "as reported" keeps them apart.
 */
import type { IndicatorInput, TargetKind } from '../../shared/schemas/indicators.ts';

export const DEMO_PLAN_NUMBER = '9737/QĐ-UBND';
export const DEMO_ORDERED_SINCE = '2023-10-19';
const SOURCE = 'Giá trị minh họa (illustrative) theo quy mô Niên giám thống kê tỉnh; không phải số liệu chính thức';
export const DEMO_VALUE_SOURCE = SOURCE;

type Def = Omit<IndicatorInput, 'name'> & { vi: string; en: string };
const entered = (code: string, vi: string, en: string, unit: string, o: Partial<Def> = {}): Def =>
  ({ code, vi, en, unit, direction: 'increase', periodType: 'year', aggregation: 'sum', decimals: 0, ...o });
const ratio = (code: string, vi: string, en: string, unit: string, numerator: string, denominator: string, scale: number, decimals = 2): Def =>
  ({ code, vi, en, unit, direction: 'increase', periodType: 'year', aggregation: 'none', decimals, formula: { source: 'indicators.ratio', params: { numerator, denominator, scale } } });

export const DEMO_INDICATORS: Def[] = [
  entered('GRDP', 'Tổng sản phẩm trên địa bàn (GRDP, giá so sánh 2010)', 'Gross regional domestic product (GRDP, 2010 prices)', 'tỷ đồng'),
  entered('GRDP_CURRENT', 'GRDP theo giá hiện hành', 'GRDP at current prices', 'tỷ đồng'),
  entered('CAPITAL_STOCK', 'Vốn sản xuất (giá so sánh 2010)', 'Capital stock (2010 prices)', 'tỷ đồng'),
  entered('EMPLOYMENT', 'Lao động có việc làm', 'Employed workers', 'nghìn người', { decimals: 1 }),
  entered('POPULATION', 'Dân số trung bình', 'Average population', 'người'),
  entered('RD_FTE', 'Nhân lực nghiên cứu và phát triển (quy đổi toàn thời gian)', 'R&D staff (full-time equivalent)', 'người FTE'),
  entered('ST_INVESTMENT', 'Đầu tư cho khoa học và công nghệ', 'Investment in science and technology', 'tỷ đồng', { decimals: 1 }),
  entered('RD_SPENDING', 'Tổng chi cho nghiên cứu và phát triển (ngân sách và xã hội)', 'Total R&D spending (state and society)', 'tỷ đồng', { decimals: 1 }),
  entered('RD_NONSTATE', 'Chi cho nghiên cứu và phát triển từ xã hội', 'R&D spending from society (non-state)', 'tỷ đồng', { decimals: 1 }),
  entered('SUPPORT_ORGS', 'Tổ chức hỗ trợ khởi nghiệp ĐMST, trung gian thị trường KH&CN', 'Innovation-support and S&T market intermediary organisations', 'tổ chức'),
  entered('INNOVATING_FIRMS', 'Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo', 'Share of enterprises that innovate', '%', { aggregation: 'none', decimals: 1 }),
  entered('HIGHTECH_SHARE', 'Tỷ trọng giá trị sản phẩm công nghiệp công nghệ cao', 'High-tech share of industrial output', '%', { aggregation: 'none', decimals: 1 }),
  ratio('ST_INVESTMENT_GRDP', 'Đầu tư cho KH&CN so với GRDP', 'S&T investment as a share of GRDP', '% GRDP', 'ST_INVESTMENT', 'GRDP_CURRENT', 100),
  ratio('RD_SPENDING_GRDP', 'Chi cho nghiên cứu và phát triển so với GRDP', 'R&D spending as a share of GRDP', '% GRDP', 'RD_SPENDING', 'GRDP_CURRENT', 100),
  ratio('RD_NONSTATE_SHARE', 'Đóng góp của xã hội trong chi cho nghiên cứu và phát triển', 'Non-state share of R&D spending', '%', 'RD_NONSTATE', 'RD_SPENDING', 100, 1),
  ratio('RD_PER_10K', 'Nhân lực nghiên cứu và phát triển trên một vạn dân', 'R&D staff per 10,000 people', 'người/vạn dân', 'RD_FTE', 'POPULATION', 10_000),
  {
    code: 'ORDERED_TASKS', vi: 'Số nhiệm vụ KH&CN đặt hàng từ khi ban hành kế hoạch', en: 'S&T tasks ordered since the plan was issued', unit: 'nhiệm vụ',
    direction: 'increase', periodType: 'year', aggregation: 'none', decimals: 0, formula: { source: 'tasks.ordered_since', params: { since: DEMO_ORDERED_SINCE } },
  },
  {
    code: 'COUNTERPART_SHARE', vi: 'Kinh phí đối ứng của nhiệm vụ so với ngân sách nhà nước', en: 'Counterpart funding of tasks against state funding', unit: '%',
    direction: 'increase', periodType: 'year', aggregation: 'none', decimals: 1, formula: { source: 'tasks.counterpart_share', params: { basis: 'planned' } },
  },
  {
    code: 'TFP_SHARE', vi: 'Tỷ trọng đóng góp của TFP vào tăng trưởng GRDP (bình quân từ 2021)', en: 'TFP share of GRDP growth (average since 2021)', unit: '%',
    direction: 'increase', periodType: 'year', aggregation: 'none', decimals: 1, formula: { source: 'indicators.tfp_share', params: { fromYear: 2021 } },
  },
];

export interface DemoTarget { code: string; year: number; kind: TargetKind; value?: number; min?: number; max?: number; note: string; plan: boolean }
const t = (code: string, year: number, kind: TargetKind, v: { value?: number; min?: number; max?: number }, note: string, plan = true): DemoTarget =>
  ({ code, year, kind, ...v, note, plan });

/** QĐ 9737/QĐ-UBND's targets as the article states them; the counterpart share is the tasks' rule (seeds 000, 004). */
export const DEMO_TARGETS: DemoTarget[] = [
  t('ST_INVESTMENT_GRDP', 2025, 'range', { min: 1.2, max: 1.5 }, 'QĐ 9737/QĐ-UBND: đến năm 2025 đạt tối thiểu 1,2% – 1,5% GRDP'),
  t('ST_INVESTMENT_GRDP', 2030, 'range', { min: 1.5, max: 2 }, 'QĐ 9737/QĐ-UBND: đến năm 2030 đạt 1,5% – 2% GRDP'),
  t('RD_SPENDING_GRDP', 2025, 'range', { min: 0.8, max: 1 }, 'QĐ 9737/QĐ-UBND: chi cho NC&PT đạt 0,8% – 1% GRDP'),
  t('RD_SPENDING_GRDP', 2030, 'range', { min: 1, max: 1.2 }, 'QĐ 9737/QĐ-UBND: chi cho NC&PT đạt 1% – 1,2% GRDP'),
  t('RD_NONSTATE_SHARE', 2025, 'range', { min: 60, max: 65 }, 'QĐ 9737/QĐ-UBND: đóng góp của xã hội chiếm 60% – 65%'),
  t('RD_NONSTATE_SHARE', 2030, 'range', { min: 65, max: 70 }, 'QĐ 9737/QĐ-UBND: đóng góp của xã hội chiếm 65% – 70%'),
  t('RD_PER_10K', 2025, 'at_least', { min: 10 }, 'QĐ 9737/QĐ-UBND: 10 người trên một vạn dân'),
  t('RD_PER_10K', 2030, 'at_least', { min: 12 }, 'QĐ 9737/QĐ-UBND: 12 người trên một vạn dân'),
  t('SUPPORT_ORGS', 2030, 'at_least', { min: 20 }, 'QĐ 9737/QĐ-UBND: ít nhất 20 tổ chức'),
  t('INNOVATING_FIRMS', 2030, 'at_least', { min: 40 }, 'QĐ 9737/QĐ-UBND: ít nhất 40% doanh nghiệp'),
  t('HIGHTECH_SHARE', 2030, 'at_least', { min: 45 }, 'QĐ 9737/QĐ-UBND: tối thiểu 45%'),
  t('ORDERED_TASKS', 2030, 'at_least', { min: 100 }, 'QĐ 9737/QĐ-UBND: đặt hàng ít nhất 100 nhiệm vụ KH&CN đến năm 2030'),
  t('TFP_SHARE', 2030, 'at_least', { min: 50 }, 'QĐ 9737/QĐ-UBND: giai đoạn 2025–2030 đóng góp của TFP vào tăng trưởng GRDP trên 50%'),
  t('COUNTERPART_SHARE', 2025, 'at_least', { min: 70 }, 'Kinh phí đối ứng của doanh nghiệp tối thiểu 70% kinh phí ngân sách (bài viết 000, 004)', false),
];

/** Illustrative yearly series of the two provinces that merged (2020–2024) and of the new Tây Ninh (2025). */
type Series = Record<string, number[]>;
const YEARS = [2020, 2021, 2022, 2023, 2024];
const LONG_AN: Series = {
  GRDP: [82_000, 85_800, 92_100, 98_400, 105_200],
  GRDP_CURRENT: [131_000, 139_500, 152_800, 163_900, 178_400],
  CAPITAL_STOCK: [250_000, 268_000, 287_500, 309_000, 332_000],
  EMPLOYMENT: [1_005.2, 1_012.4, 1_024.1, 1_035.6, 1_046.0],
  POPULATION: [1_703_000, 1_714_000, 1_726_000, 1_738_000, 1_751_000],
  RD_FTE: [1_180, 1_230, 1_310, 1_390, 1_480],
  ST_INVESTMENT: [1_180, 1_330, 1_560, 1_790, 2_050],
  RD_SPENDING: [780, 880, 1_030, 1_190, 1_380],
  RD_NONSTATE: [440, 505, 600, 705, 830],
  SUPPORT_ORGS: [5, 6, 7, 8, 9],
  INNOVATING_FIRMS: [21.5, 23.0, 25.2, 27.4, 29.8],
  HIGHTECH_SHARE: [28.0, 29.5, 31.2, 33.0, 34.6],
};
const OLD_TAY_NINH: Series = {
  GRDP: [60_500, 63_100, 67_400, 71_800, 76_700],
  GRDP_CURRENT: [100_800, 106_900, 116_200, 124_600, 135_100],
  CAPITAL_STOCK: [188_000, 201_000, 215_500, 231_000, 247_500],
  EMPLOYMENT: [690.4, 694.8, 702.3, 709.5, 716.2],
  POPULATION: [1_178_000, 1_185_000, 1_193_000, 1_201_000, 1_209_000],
  RD_FTE: [760, 790, 840, 890, 950],
  ST_INVESTMENT: [820, 900, 1_040, 1_180, 1_340],
  RD_SPENDING: [530, 590, 680, 780, 900],
  RD_NONSTATE: [285, 325, 385, 450, 530],
  SUPPORT_ORGS: [3, 3, 4, 5, 5],
  INNOVATING_FIRMS: [18.2, 19.6, 21.3, 23.1, 25.0],
  HIGHTECH_SHARE: [24.5, 25.8, 27.0, 28.4, 29.9],
};
/** The new Tây Ninh's first year (whole-year figures, reported after the merger). */
const NEW_TAY_NINH_2025: Record<string, number> = {
  GRDP: 195_100, GRDP_CURRENT: 342_000, CAPITAL_STOCK: 620_000, EMPLOYMENT: 1_775.5, POPULATION: 2_975_000, RD_FTE: 2_760,
  ST_INVESTMENT: 4_300, RD_SPENDING: 2_780, RD_NONSTATE: 1_710, SUPPORT_ORGS: 16, INNOVATING_FIRMS: 31.2, HIGHTECH_SHARE: 36.8,
};

export interface DemoValue { code: string; period: string; province: 'long-an' | 'old-tay-ninh' | 'tay-ninh'; value: number }

export const DEMO_VALUES: DemoValue[] = [
  ...Object.entries(LONG_AN).flatMap(([code, xs]) => xs.map((value, i) => ({ code, period: String(YEARS[i]), province: 'long-an' as const, value }))),
  ...Object.entries(OLD_TAY_NINH).flatMap(([code, xs]) => xs.map((value, i) => ({ code, period: String(YEARS[i]), province: 'old-tay-ninh' as const, value }))),
  ...Object.entries(NEW_TAY_NINH_2025).map(([code, value]) => ({ code, period: '2025', province: 'tay-ninh' as const, value })),
];
