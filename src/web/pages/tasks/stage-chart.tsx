/**
 * Median and 90th-percentile days per stage (bars) against the stage's target (a line), with ECharts. Only the
 * parts used are imported (bar and line charts, grid, tooltip, legend, the SVG renderer).
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from '../../format.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface StageBar { stage: string; name: string; medianDays: number; p90Days: number; targetDays: number | null; count: number }

interface Props {
  rows: StageBar[];
  labels: { median: string; p90: string; target: string; days: string; count: string };
}

export function StageDurationChart({ rows, labels }: Props) {
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
    const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v, 1) : String(v ?? '—'));
    chart.current?.setOption({
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number; seriesName: string; value: unknown; marker: string }[]) => {
          const row = rows[params[0]?.dataIndex ?? 0];
          const lines = params.map((p) => `${p.marker} ${p.seriesName}: <b>${fmt(p.value)}</b> ${labels.days}`);
          return [`<b>${row?.name ?? ''}</b>`, ...lines, `${labels.count}: ${formatNumber(row?.count ?? 0)}`].join('<br/>');
        },
      },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, width: 140, overflow: 'truncate' },
      },
      yAxis: { type: 'value', name: labels.days, axisLabel: { formatter: (v: number) => formatNumber(v, 0) } },
      series: [
        { name: labels.median, type: 'bar', barMaxWidth: 48, data: rows.map((r) => r.medianDays), itemStyle: { color: '#0b5cad' } },
        { name: labels.p90, type: 'bar', barMaxWidth: 48, data: rows.map((r) => r.p90Days), itemStyle: { color: '#91caff' } },
        {
          name: labels.target, type: 'line', data: rows.map((r) => r.targetDays), step: 'middle', symbol: 'circle', symbolSize: 6,
          lineStyle: { color: '#cf1322', type: 'dashed', width: 2 }, itemStyle: { color: '#cf1322' }, connectNulls: false,
        },
      ],
    }, true);
  }, [rows, labels]);

  return <div ref={ref} style={{ width: '100%', height: 380 }} role="img" aria-label={`${labels.median}, ${labels.p90}, ${labels.target}`} data-testid="stage-chart" />;
}
