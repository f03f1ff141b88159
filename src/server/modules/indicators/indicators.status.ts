/**
 * Target against actual (pure code). The target of a year is the one set for that year, else the next one set
 * ("by 2025" covers 2023 and 2024). A figure is `met` when it satisfies the target as its kind and direction read it
 * (a range is met inside it, and above it for an indicator that should increase, below it for one that should
 * decrease); otherwise `behind` when the target's year has come, `on_track` when it is still ahead and the figure
 * moved the right way since the year before (or there is no year before to compare), else `behind`; `no_data`
 * without a figure.
 */
import type { IndicatorDirection, IndicatorStatus, TargetSpec } from '../../../shared/schemas/indicators.ts';

/** For a `target` direction, how close counts as hitting a single value (relative). */
const TOLERANCE = 0.01;

export function meets(direction: IndicatorDirection, t: TargetSpec, actual: number): boolean {
  switch (t.kind) {
    case 'at_least': return actual >= (t.min ?? t.value ?? Infinity);
    case 'at_most': return actual <= (t.max ?? t.value ?? -Infinity);
    case 'range': {
      const min = t.min ?? -Infinity;
      const max = t.max ?? Infinity;
      if (direction === 'increase') return actual >= min;
      if (direction === 'decrease') return actual <= max;
      return actual >= min && actual <= max;
    }
    case 'value': {
      const v = t.value ?? NaN;
      if (direction === 'increase') return actual >= v;
      if (direction === 'decrease') return actual <= v;
      return Math.abs(actual - v) <= Math.abs(v) * TOLERANCE;
    }
  }
}

/** Which way the target lies from a figure: +1 up, −1 down, 0 inside. */
function towards(t: TargetSpec, direction: IndicatorDirection, actual: number): number {
  if (meets(direction, t, actual)) return 0;
  const low = t.kind === 'value' ? t.value : t.min;
  return low !== undefined && actual < low ? 1 : -1;
}

export function statusOf(o: {
  direction: IndicatorDirection; target: TargetSpec | null; targetYear: number | null; year: number;
  actual: number | null; previous: number | null;
}): IndicatorStatus {
  if (o.actual === null) return 'no_data';
  if (!o.target) return 'no_data';
  if (meets(o.direction, o.target, o.actual)) return 'met';
  if (o.targetYear === null || o.targetYear <= o.year) return 'behind';
  if (o.previous === null) return 'on_track';
  const way = towards(o.target, o.direction, o.actual);
  return Math.sign(o.actual - o.previous) === way ? 'on_track' : 'behind';
}

/** The target governing `year`: the one set for it, else the nearest later one. */
export function targetFor<T extends { year: number }>(targets: T[], year: number): T | null {
  return targets.filter((t) => t.year >= year).sort((a, b) => a.year - b.year)[0] ?? null;
}
