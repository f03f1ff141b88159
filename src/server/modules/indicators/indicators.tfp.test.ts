import { describe, expect, it } from 'vitest';
import { growthAccounting } from './indicators.tfp.ts';
import { meets, statusOf, targetFor } from './indicators.status.ts';

describe('growthAccounting: a worked example computed by hand', () => {
  // α = 0,4.
  // 2024: Y 100 → 107, K 200 → 216, L 50 → 51: gY = 7/100 = 0,07; gK = 16/200 = 0,08; gL = 1/50 = 0,02.
  //       TFP = 0,07 − 0,4·0,08 − 0,6·0,02 = 0,07 − 0,032 − 0,012 = 0,026; share = 0,026 / 0,07 = 0,371428…
  // 2025: Y 107 → 115,56, K 216 → 228,96, L 51 → 51,51: gY = 8,56/107 = 0,08; gK = 12,96/216 = 0,06; gL = 0,51/51 = 0,01.
  //       TFP = 0,08 − 0,4·0,06 − 0,6·0,01 = 0,08 − 0,024 − 0,006 = 0,05; share = 0,05 / 0,08 = 0,625.
  // Average 2024–2025: gY = 0,075; gK = 0,07; gL = 0,015; TFP = (0,026 + 0,05)/2 = 0,038; share = 0,038/0,075 = 0,50666…
  const points = [
    { year: 2023, y: 100, k: 200, l: 50 },
    { year: 2024, y: 107, k: 216, l: 51 },
    { year: 2025, y: 115.56, k: 228.96, l: 51.51 },
  ];
  const r = growthAccounting(points, () => 0.4);

  it.each([
    [2024, 0.07, 0.08, 0.02, 0.026, 0.026 / 0.07],
    [2025, 0.08, 0.06, 0.01, 0.05, 0.625],
  ])('%i', (year, gY, gK, gL, tfp, share) => {
    const y = r.years.find((x) => x.year === year)!;
    expect(y.gY).toBeCloseTo(gY, 12);
    expect(y.gK).toBeCloseTo(gK, 12);
    expect(y.gL).toBeCloseTo(gL, 12);
    expect(y.tfpGrowth).toBeCloseTo(tfp, 12);
    expect(y.tfpShare).toBeCloseTo(share, 12);
  });

  it('the first year has no growth to account for', () => {
    expect(r.years[0]).toMatchObject({ year: 2023, gY: null, tfpGrowth: null, tfpShare: null });
  });

  it('the period average is the share of average growth', () => {
    expect(r.average.gY).toBeCloseTo(0.075, 12);
    expect(r.average.gK).toBeCloseTo(0.07, 12);
    expect(r.average.gL).toBeCloseTo(0.015, 12);
    expect(r.average.tfpGrowth).toBeCloseTo(0.038, 12);
    expect(r.average.tfpShare).toBeCloseTo(0.038 / 0.075, 12);
  });

  it('α is read per year (a new rule version from a date)', () => {
    const byYear = growthAccounting(points, (year) => (year >= 2025 ? 0.5 : 0.4));
    // 2025 with α = 0,5: 0,08 − 0,5·0,06 − 0,5·0,01 = 0,045.
    expect(byYear.years[2].tfpGrowth).toBeCloseTo(0.045, 12);
  });

  it('a missing year or a shrinking GRDP gives no share', () => {
    const gaps = growthAccounting([{ year: 2020, y: 100, k: 1, l: 1 }, { year: 2021, y: 90, k: 1, l: 1 }, { year: 2023, y: 95, k: 1, l: 1 }], () => 0.4);
    expect(gaps.years[1].tfpShare).toBeNull();
    expect(gaps.years[2].gY).toBeNull();
  });
});

describe('status against target', () => {
  it.each([
    ['at least 100, 120', 'increase', { kind: 'at_least', min: 100 }, 120, true],
    ['at least 100, 80', 'increase', { kind: 'at_least', min: 100 }, 80, false],
    ['range 1,2–1,5, 1,3', 'increase', { kind: 'range', min: 1.2, max: 1.5 }, 1.3, true],
    ['range 1,2–1,5, 1,7 (an increase beyond is met)', 'increase', { kind: 'range', min: 1.2, max: 1.5 }, 1.7, true],
    ['range 1,2–1,5, 1,7 (a target range)', 'target', { kind: 'range', min: 1.2, max: 1.5 }, 1.7, false],
    ['at most 5, 4', 'decrease', { kind: 'at_most', max: 5 }, 4, true],
    ['value 10 ± 1 %, 10,05', 'target', { kind: 'value', value: 10 }, 10.05, true],
  ] as const)('%s', (_n, direction, target, actual, want) => {
    expect(meets(direction, target, actual)).toBe(want);
  });

  it.each([
    ['met', 2024, 2025, 12, 8, 'met'],
    ['not met, target ahead, improving', 2024, 2025, 8, 6, 'on_track'],
    ['not met, target ahead, worsening', 2024, 2025, 6, 8, 'behind'],
    ['not met in the target year', 2025, 2025, 8, 6, 'behind'],
  ] as const)('%s', (_n, year, targetYear, actual, previous, want) => {
    expect(statusOf({ direction: 'increase', target: { kind: 'at_least', min: 10 }, targetYear, year, actual, previous })).toBe(want);
  });

  it('no figure: no data', () => {
    expect(statusOf({ direction: 'increase', target: { kind: 'at_least', min: 10 }, targetYear: 2025, year: 2024, actual: null, previous: null })).toBe('no_data');
  });

  it('the target of a year is the next one set', () => {
    expect(targetFor([{ year: 2030 }, { year: 2025 }], 2023)?.year).toBe(2025);
    expect(targetFor([{ year: 2025 }], 2026)).toBeNull();
  });
});
