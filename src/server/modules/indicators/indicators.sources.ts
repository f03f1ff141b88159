/**
 * Formula sources: named computations over khcn's own data that an indicator's formula points at. Modules register
 * theirs from their manifest's `register()` (the programmes and traceability modules will add theirs):
 *
 *   registerIndicatorSource('tasks.ordered_since', {
 *     label: { vi: 'Số nhiệm vụ đặt hàng từ ngày', en: 'Tasks ordered since a date' }, params: ['since'],
 *     compute: async (ctx, q) => …,          // a number for the period and the units, or null (no data)
 *   });
 *
 * `q.indicator(code)` gives another indicator's figure for the same period, units, date and view, rolled up by that
 * indicator's own method: a ratio is computed from its rolled-up components, never summed.
 */
import type { Ctx } from '../../context.ts';
import type { RollupView } from '../../../shared/schemas/indicators.ts';

export interface SourceQuery {
  /** The year (a source of yearly figures) the figure is for. */
  period: string;
  year: number;
  /** The units the figure covers, on the view's boundaries. */
  adminUnitIds: string[];
  asOf: string;
  view: RollupView;
  params: Record<string, string | number | boolean>;
  /** The figure covers the whole province (sources of province-wide data give none for a smaller unit). */
  wholeProvince: boolean;
  /** Another indicator's figure (by code) for the same query. */
  indicator(code: string): Promise<number | null>;
  /** Another indicator's figure for another year (a growth rate over years). */
  indicatorAt(code: string, year: number): Promise<number | null>;
}

export interface IndicatorSource {
  label: { vi: string; en: string };
  /** The parameter names the formula gives (shown in the form). */
  params: string[];
  /** Words for the method line, from the parameters. */
  describe?: (params: SourceQuery['params']) => { vi: string; en: string };
  /** Codes of the indicators the figure is made of (for "open the figure's data"). */
  components?: (params: SourceQuery['params']) => string[];
  compute(ctx: Ctx, q: SourceQuery): Promise<number | null>;
}

const registry = new Map<string, IndicatorSource>();

export function registerIndicatorSource(key: string, source: IndicatorSource): void {
  registry.set(key, source);
}

export const indicatorSource = (key: string): IndicatorSource | undefined => registry.get(key);
export const indicatorSources = (): [string, IndicatorSource][] => [...registry.entries()].sort(([a], [b]) => a.localeCompare(b));
