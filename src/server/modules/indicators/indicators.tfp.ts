/**
 * Growth accounting (hạch toán tăng trưởng), pure code. From GRDP (Y), capital stock (K) and employment (L) of
 * consecutive years, with the capital share α of each year (dated rule data `indicators.tfp_alpha`):
 *
 *   gX(t) = (X(t) − X(t−1)) / X(t−1)                      growth rate of each series, year on year
 *   TFP growth(t) = gY(t) − α·gK(t) − (1 − α)·gL(t)        the Solow residual (Cobb–Douglas, constant returns)
 *   share(t) = TFP growth(t) / gY(t)                       TFP's contribution to GRDP growth (none when gY ≤ 0)
 *
 * The period average takes the mean of each yearly rate over the years that have all three, and the share of the
 * average (mean TFP growth ÷ mean gY), which is what "TFP contributes more than 50 % of growth over 2025–2030" means.
 */
import type { TfpYear } from '../../../shared/schemas/indicators.ts';

export interface TfpPoint { year: number; y: number | null; k: number | null; l: number | null }

export interface TfpAverage { gY: number | null; gK: number | null; gL: number | null; tfpGrowth: number | null; tfpShare: number | null }

const growth = (now: number | null, before: number | null) =>
  (now === null || before === null || before === 0 ? null : (now - before) / before);

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function growthAccounting(points: TfpPoint[], alphaOf: (year: number) => number | null): { years: TfpYear[]; average: TfpAverage } {
  const byYear = new Map(points.map((p) => [p.year, p]));
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const years: TfpYear[] = sorted.map((p) => {
    const prev = byYear.get(p.year - 1);
    const gY = growth(p.y, prev?.y ?? null);
    const gK = growth(p.k, prev?.k ?? null);
    const gL = growth(p.l, prev?.l ?? null);
    const alpha = alphaOf(p.year);
    const tfpGrowth = gY !== null && gK !== null && gL !== null && alpha !== null ? gY - alpha * gK - (1 - alpha) * gL : null;
    const tfpShare = tfpGrowth !== null && gY !== null && gY > 0 ? tfpGrowth / gY : null;
    return { year: p.year, y: p.y, k: p.k, l: p.l, gY, gK, gL, alpha, tfpGrowth, tfpShare };
  });
  const complete = years.filter((y) => y.tfpGrowth !== null);
  const avg = (f: (y: TfpYear) => number | null) => mean(complete.map(f).filter((x): x is number => x !== null));
  const gY = avg((y) => y.gY);
  const tfpGrowth = avg((y) => y.tfpGrowth);
  return {
    years,
    average: {
      gY, gK: avg((y) => y.gK), gL: avg((y) => y.gL), tfpGrowth,
      tfpShare: gY !== null && tfpGrowth !== null && gY > 0 ? tfpGrowth / gY : null,
    },
  };
}

export const TFP_METHOD = {
  vi: 'Hạch toán tăng trưởng (hàm Cobb–Douglas, lợi suất không đổi theo quy mô): gX = (X(t) − X(t−1)) / X(t−1); '
    + 'tăng trưởng TFP = gY − α·gK − (1 − α)·gL; tỷ lệ đóng góp của TFP = tăng trưởng TFP / gY; bình quân giai đoạn: '
    + 'trung bình cộng các tốc độ hằng năm, tỷ lệ đóng góp = TFP bình quân / gY bình quân. Y: GRDP giá so sánh, K: vốn '
    + 'sản xuất, L: lao động có việc làm; α: tỷ phần vốn (quy tắc indicators.tfp_alpha).',
  en: 'Growth accounting (Cobb–Douglas, constant returns to scale): gX = (X(t) − X(t−1)) / X(t−1); TFP growth = gY − '
    + 'α·gK − (1 − α)·gL; TFP share of growth = TFP growth / gY; period average: mean of the yearly rates, share = mean '
    + 'TFP growth / mean gY. Y: GRDP at constant prices, K: capital stock, L: employment; α: capital share (rule '
    + 'indicators.tfp_alpha).',
} as const;
