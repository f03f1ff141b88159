/**
 * Chỉ số và chỉ tiêu: target against actual per indicator (of a plan, or every indicator of the province) for a
 * year, a unit, the boundaries of a date and a roll-up view; status in words and icons; a trend chart (ECharts,
 * loaded with the chart only); each figure opens its data (the values, the units that reported them, sources).
 */
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Drawer, Empty, Flex, Form, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type ResponseOf } from '../../api.ts';
import { AdminUnitPicker } from './admin-unit-picker.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDay } from '../../format.ts';
import { useLang } from '../tasks/task-ui.tsx';
import { StatusTag, figureText, targetBounds, targetText, type Status } from './indicator-ui.tsx';

type Dashboard = ResponseOf<'get', '/api/indicators/dashboard'>;
type Row = Dashboard['rows'][number];
type Figure = ResponseOf<'get', '/api/indicators/{id}/figure'>;
type View = 'current' | 'as_reported';

const IndicatorTrendChart = lazy(() => import('./indicator-chart.tsx').then((m) => ({ default: m.IndicatorTrendChart })));

const todayIso = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const STATUSES: Status[] = ['met', 'on_track', 'behind', 'no_data'];

export function IndicatorsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { showError } = useFeedback();
  const thisYear = Number(todayIso().slice(0, 4));
  const [planId, setPlanId] = useState<string | null>(null);
  const [plans, setPlans] = useState<{ value: string; label: string }[]>([]);
  const [year, setYear] = useState(thisYear - 1);
  const [asOf, setAsOf] = useState<string>(todayIso());
  const [view, setView] = useState<View>('current');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [data, setData] = useState<Dashboard | null>(null);
  const [loading, setLoading] = useState(false);
  const [chartCode, setChartCode] = useState<string | null>(null);
  const [figureOf, setFigureOf] = useState<Row | null>(null);

  useEffect(() => {
    let live = true;
    api.get('/api/plans').then((r) => {
      if (live) setPlans(r.items.map((p) => ({ value: p.id, label: p.title })));
    }, () => { /* plans may be unavailable to the role: the filter then lists none */ });
    return () => { live = false; };
  }, []);

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  useEffect(() => {
    if (!validDate) return;
    let live = true;
    setLoading(true);
    api.get('/api/indicators/dashboard', {
      query: { year, asOf, view, ...(planId ? { planId } : {}), ...(unitId ? { adminUnitId: unitId } : {}) },
    }).then((d) => { if (live) setData(d); }, showError).finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [year, asOf, view, planId, unitId, validDate, showError]);

  const years = useMemo(() => Array.from({ length: 12 }, (_, i) => thisYear + 1 - i), [thisYear]);
  const chartRow = data?.rows.find((r) => r.code === chartCode) ?? data?.rows[0] ?? null;
  const points = useMemo(() => (chartRow?.series ?? []).map((s) => ({ year: s.year, actual: s.actual, ...targetBounds(s.target) })), [chartRow]);
  const chartLabels = useMemo(() => ({
    actual: t('ind.chart.actual'), target: t('ind.chart.target'), targetMax: t('ind.chart.targetMax'),
    title: chartRow ? t('ind.trend', { name: chartRow.name[lang] }) : '',
  }), [t, chartRow, lang]);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <PageTitle>{t('ind.title')}</PageTitle>
        <Space wrap>
          <Link to="/indicators/entry">{t('ind.entryLink')}</Link>
          <Link to="/indicators/tfp">{t('ind.tfpLink')}</Link>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">{t('ind.intro')}</Typography.Paragraph>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Flex wrap gap={16}>
            <Form.Item label={t('ind.filters.plan')} htmlFor="ind-plan" style={{ minWidth: 220, flex: '1 1 220px', marginBottom: 8 }}>
              <Select id="ind-plan" allowClear placeholder={t('ind.filters.allIndicators')} value={planId ?? undefined}
                onChange={(v?: string) => setPlanId(v ?? null)} options={plans} />
            </Form.Item>
            <Form.Item label={t('ind.filters.year')} htmlFor="ind-year" style={{ width: 120, marginBottom: 8 }}>
              <Select id="ind-year" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} />
            </Form.Item>
            <Form.Item label={t('ind.filters.asOf')} htmlFor="ind-asof" style={{ width: 160, marginBottom: 8 }}>
              <DateInput id="ind-asof" value={asOf} onChange={(v) => setAsOf(v ?? todayIso())} />
            </Form.Item>
            <Form.Item label={t('ind.filters.unit')} htmlFor="ind-unit" style={{ minWidth: 220, flex: '1 1 220px', marginBottom: 8 }}>
              <AdminUnitPicker id="ind-unit" asOf={validDate ? asOf : undefined} value={unitId} onChange={setUnitId} placeholder={t('ind.filters.unitPlaceholder')} />
            </Form.Item>
          </Flex>
          <Form.Item label={t('ind.filters.view')} style={{ marginBottom: 0 }}>
            <Radio.Group value={view} onChange={(e) => setView(e.target.value as View)} aria-label={t('ind.filters.view')}
              options={(['current', 'as_reported'] as const).map((v) => ({ value: v, label: t(`ind.view.${v}`) }))} />
          </Form.Item>
        </Form>
      </Card>

      {data && data.scope.length > 0 && (
        <Typography.Paragraph data-testid="ind-scope">{t('ind.scope', { units: data.scope.map((s) => s.name).join(', ') })}</Typography.Paragraph>
      )}
      {data && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="ind-counts">
          {STATUSES.map((s) => <span key={s}><StatusTag status={s} /> {data.counts[s] ?? 0}</span>)}
        </Space>
      )}

      <Card styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey="code"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={data?.rows ?? []}
          locale={{ emptyText: <Empty description={t('ind.empty')} /> }}
          scroll={{ x: 900 }}
          data-testid="ind-table"
          columns={[
            { title: t('ind.cols.code'), dataIndex: 'code', width: 150 },
            { title: t('ind.cols.name'), key: 'name', render: (_: unknown, r) => r.name[lang] },
            { title: t('ind.cols.unit'), dataIndex: 'unit', width: 110 },
            { title: t('ind.cols.target'), key: 'target', width: 120, render: (_: unknown, r) => targetText(t, r.target, r.decimals) },
            {
              title: t('ind.cols.actual'), key: 'actual', width: 140, align: 'right' as const,
              render: (_: unknown, r) => (
                <Button type="link" size="small" onClick={() => setFigureOf(r)} aria-label={`${figureText(r.actual, r.decimals)} — ${t('ind.openFigureOf', { name: r.name[lang] })}`} data-testid="ind-actual">
                  {figureText(r.actual, r.decimals)}
                </Button>
              ),
            },
            { title: t('ind.cols.status'), key: 'status', width: 150, render: (_: unknown, r) => <StatusTag status={r.status} /> },
            { title: t('ind.cols.source'), key: 'source', width: 130, render: (_: unknown, r) => <Tag>{t(`ind.source.${r.source}`)}</Tag> },
            {
              title: t('ind.showTrend'), key: 'trend', width: 110,
              render: (_: unknown, r) => <Button size="small" onClick={() => setChartCode(r.code)} aria-pressed={chartRow?.code === r.code}>{t('ind.showTrend')}</Button>,
            },
          ]}
        />
      </Card>

      <Card title={chartRow ? t('ind.trend', { name: chartRow.name[lang] }) : t('ind.trendHint')} style={{ marginTop: 16 }}>
        {chartRow
          ? <Suspense fallback={<Spin />}><IndicatorTrendChart points={points} decimals={chartRow.decimals} labels={chartLabels} /></Suspense>
          : <Empty description={t('ind.trendHint')} />}
      </Card>

      <FigureDrawer row={figureOf} query={{ year, asOf, view, adminUnitId: unitId }} onClose={() => setFigureOf(null)} />
    </>
  );
}

function FigureDrawer({ row, query, onClose }: { row: Row | null; query: { year: number; asOf: string; view: View; adminUnitId: string | null }; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { showError } = useFeedback();
  const [figure, setFigure] = useState<Figure | null>(null);
  useEffect(() => {
    setFigure(null);
    if (!row) return;
    let live = true;
    api.get('/api/indicators/{id}/figure', {
      params: { id: row.indicatorId },
      query: { year: query.year, asOf: query.asOf, view: query.view, ...(query.adminUnitId ? { adminUnitId: query.adminUnitId } : {}) },
    }).then((f) => { if (live) setFigure(f); }, showError);
    return () => { live = false; };
  }, [row, query.year, query.asOf, query.view, query.adminUnitId, showError]);

  return (
    <Drawer open={!!row} onClose={onClose} width={Math.min(760, window.innerWidth)} title={row ? t('ind.figure.title', { name: row.name[lang], year: query.year }) : ''}>
      {!figure ? <Spin /> : (
        <>
          <Typography.Paragraph><strong>{t('ind.figure.actual')}:</strong> {figureText(figure.actual, row?.decimals ?? 2)} {row?.unit}</Typography.Paragraph>
          <Alert type="info" showIcon message={t('ind.figure.method')} description={lang === 'en' ? figure.methodEn : figure.method} style={{ marginBottom: 16 }} />
          {figure.contributions.length === 0 ? <Empty description={t('ind.figure.none')} /> : (
            <Table
              rowKey={(c) => `${c.valueId ?? ''}${c.indicatorCode}${c.period}${c.reportedBy.id}`}
              size="small"
              pagination={false}
              scroll={{ x: 640 }}
              dataSource={figure.contributions}
              data-testid="ind-figure"
              columns={[
                { title: t('ind.figure.indicator'), dataIndex: 'indicatorCode' },
                { title: t('ind.figure.period'), dataIndex: 'period' },
                { title: t('ind.figure.reportedBy'), key: 'by', render: (_: unknown, c) => c.reportedBy.name },
                { title: t('ind.figure.countedIn'), key: 'in', render: (_: unknown, c) => c.countedIn?.name ?? '—' },
                { title: t('ind.figure.value'), key: 'value', align: 'right' as const, render: (_: unknown, c) => figureText(c.value, 6) },
                { title: t('ind.figure.source'), dataIndex: 'source' },
                { title: '', key: 'superseded', render: (_: unknown, c) => (c.superseded ? <Tag>{t('ind.figure.superseded')}</Tag> : <Tag color="processing">{t('ind.figure.counted')}</Tag>) },
              ]}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{formatDay(query.asOf)}</Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
