/**
 * The home's bar charts with ECharts (its own chunk: import this file lazily, as stage-chart.tsx is). Bars are
 * horizontal when the categories are long names (stages, fields). Clicking a bar opens its list; the page shows the
 * same numbers in a table next to the chart, which is the accessible alternative (the chart is one named image).
 */
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from '../../format.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface BarSeries { name: string; data: number[]; color: string }

interface Props {
  categories: string[];
  series: BarSeries[];
  /** The chart's name for assistive technology (the table beside it has the numbers). */
  label: string;
  horizontal?: boolean;
  /** Decimals in labels and tooltips. */
  decimals?: number;
  onSelect?: (index: number) => void;
  testId?: string;
}

export function HomeBarChart({ categories, series, label, horizontal = false, decimals = 0, onSelect, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => { if (typeof p.dataIndex === 'number') select.current?.(p.dataIndex); });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => { observer.disconnect(); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v, decimals) : String(v ?? '—'));
    const categoryAxis = {
      type: 'category' as const, data: categories, inverse: horizontal,
      axisLabel: horizontal ? { width: 150, overflow: 'truncate' as const, color: '#3f3f46' } : { interval: 0, color: '#3f3f46' },
    };
    const valueAxis = { type: 'value' as const, minInterval: decimals ? undefined : 1, axisLabel: { formatter: (v: number) => formatNumber(v, decimals), color: '#3f3f46' } };
    chart.current?.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt },
      legend: series.length > 1 ? { top: 0, textStyle: { color: '#3f3f46' } } : undefined,
      grid: { left: 8, right: 24, top: series.length > 1 ? 48 : 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series.map((s) => ({ name: s.name, type: 'bar', barMaxWidth: 28, data: s.data, itemStyle: { color: s.color }, cursor: onSelect ? 'pointer' : 'default' })),
    }, true);
  }, [categories, series, horizontal, decimals, onSelect]);

  const height = horizontal ? Math.max(160, categories.length * 30 * Math.max(1, series.length * 0.7) + 48) : 300;
  return <div ref={ref} style={{ width: '100%', height }} role="img" aria-label={label} data-testid={testId} />;
}
