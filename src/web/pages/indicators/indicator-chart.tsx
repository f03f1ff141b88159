/**
 * An indicator's trend: actual per year (a line) against its targets (the lower and upper bounds, dashed), with
 * ECharts. Loaded lazily with the dashboard's chart only; only the parts used are imported.
 */
import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from '../../format.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface TrendPoint { year: number; actual: number | null; low: number | null; high: number | null }

interface Props {
  points: TrendPoint[];
  decimals: number;
  labels: { actual: string; target: string; targetMax: string; title: string };
}

export function IndicatorTrendChart({ points, decimals, labels }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => { observer.disconnect(); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v, decimals) : '—');
    const hasHigh = points.some((p) => p.high !== null);
    chart.current?.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      legend: { top: 0 },
      grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v, decimals) } },
      series: [
        { name: labels.actual, type: 'line', data: points.map((p) => p.actual), symbol: 'circle', symbolSize: 8, lineStyle: { color: '#0b5cad', width: 3 }, itemStyle: { color: '#0b5cad' }, connectNulls: false },
        { name: labels.target, type: 'line', data: points.map((p) => p.low), symbol: 'diamond', symbolSize: 9, lineStyle: { color: '#a8071a', type: 'dashed', width: 2 }, itemStyle: { color: '#a8071a' }, connectNulls: true },
        ...(hasHigh ? [{ name: labels.targetMax, type: 'line', data: points.map((p) => p.high), symbol: 'triangle', symbolSize: 8, lineStyle: { color: '#ad4e00', type: 'dotted', width: 2 }, itemStyle: { color: '#ad4e00' }, connectNulls: true }] : []),
      ],
    }, true);
  }, [points, decimals, labels]);

  return <div ref={ref} style={{ width: '100%', height: 320 }} role="img" aria-label={labels.title} data-testid="indicator-chart" />;
}
