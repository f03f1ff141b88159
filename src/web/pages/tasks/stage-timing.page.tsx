/**
 * Theo dõi tiến độ: where the tasks are now (per stage, with the overdue ones), the overdue list, and the median and
 * 90th-percentile days spent in each stage (stays that ended in the chosen year) against the stage's target.
 */
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Card, Col, Empty, Flex, Row, Select, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Task } from '../../../shared/schemas/tasks.ts';
import { api, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { canSeeStageTiming } from './task-permissions.ts';
import { StageTag, days, useLang } from './task-ui.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ForbiddenPage } from '../../components/status-page.tsx';

type Dashboard = Schemas['TaskDashboard'];

/** ECharts is loaded only when a chart is shown. */
const StageDurationChart = lazy(() => import('./stage-chart.tsx').then((m) => ({ default: m.StageDurationChart })));

export function StageTimingPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useUser();
  const { showError } = useFeedback();
  const allowed = canSeeStageTiming(user.role);
  const [all, setAll] = useState<Dashboard | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [forYear, setForYear] = useState<Dashboard | null>(null);

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    api.get('/api/tasks/dashboard').then((d) => {
      if (!live) return;
      setAll(d);
      const years = [...new Set(d.durations.map((x) => x.year))];
      setYear(years.length ? Math.max(...years) : new Date().getFullYear());
    }, showError);
    return () => { live = false; };
  }, [allowed, showError]);

  useEffect(() => {
    if (!allowed || year === null) return;
    let live = true;
    api.get('/api/tasks/dashboard', { query: { year } }).then((d) => { if (live) setForYear(d); }, showError);
    return () => { live = false; };
  }, [allowed, year, showError]);

  const years = useMemo(() => {
    const set = new Set((all?.durations ?? []).map((d) => d.year));
    set.add(new Date().getFullYear());
    return [...set].sort((a, b) => b - a);
  }, [all]);

  const chartRows = useMemo(() => (forYear?.durations ?? []).filter((d) => d.year === year).map((d) => ({
    stage: d.stage, name: d.stageName[lang], medianDays: d.medianDays, p90Days: d.p90Days, targetDays: d.targetDays, count: d.count,
  })), [forYear, year, lang]);
  const chartLabels = useMemo(() => ({
    median: t('timing.median'), p90: t('timing.p90'), target: t('timing.target'), days: t('timing.days'), count: t('timing.count'),
  }), [t]);

  if (!allowed) return <ForbiddenPage />;
  if (!all) return <Spin style={{ display: 'block', margin: 48 }} />;

  const total = all.stages.reduce((s, x) => s + x.count, 0);
  const overdueTotal = all.stages.reduce((s, x) => s + x.overdue, 0);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <PageTitle>{t('timing.title')}</PageTitle>
        <Typography.Text type="secondary">{t('timing.asOf', { at: formatDateTime(all.asOf) })}</Typography.Text>
      </Flex>
      <Typography.Paragraph type="secondary">{t('timing.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card><Statistic title={t('timing.totalTasks')} value={formatNumber(total)} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t('timing.overdueTasks')} value={formatNumber(overdueTotal)} styles={{ content: { color: overdueTotal ? '#cf1322' : undefined } }} /></Card></Col>
      </Row>

      <Card title={t('timing.byStage')} style={{ marginTop: 16 }}>
        <Table
          rowKey="stage"
          size="small"
          pagination={false}
          dataSource={all.stages}
          data-testid="stage-counts"
          columns={[
            { title: t('task.fields.stage'), key: 'stage', render: (_: unknown, s: Dashboard['stages'][number]) => s.stageName[lang] },
            { title: t('timing.count'), dataIndex: 'count', align: 'right' as const, render: (v: number) => formatNumber(v) },
            { title: t('timing.overdue'), dataIndex: 'overdue', align: 'right' as const, render: (v: number) => (v ? <Tag color="red">{formatNumber(v)}</Tag> : '0') },
            { title: t('timing.targetDays'), dataIndex: 'targetDays', align: 'right' as const, render: (v: number | null) => (v === null ? t('common.none') : formatNumber(v)) },
          ]}
        />
      </Card>

      <Card
        title={t('timing.durations')}
        style={{ marginTop: 16 }}
        extra={(
          <Select<number>
            aria-label={t('timing.year')}
            value={year ?? undefined}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${t('timing.year')} ${y}` }))}
            style={{ width: 140 }}
          />
        )}
      >
        {chartRows.length
          ? <Suspense fallback={<Spin />}><StageDurationChart rows={chartRows} labels={chartLabels} /></Suspense>
          : <Empty description={t('timing.noDurations')} />}
        {chartRows.length > 0 && (
          <Table
            rowKey="stage"
            size="small"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={chartRows}
            columns={[
              { title: t('task.fields.stage'), dataIndex: 'name' },
              { title: t('timing.count'), dataIndex: 'count', align: 'right' as const, render: (v: number) => formatNumber(v) },
              { title: t('timing.median'), dataIndex: 'medianDays', align: 'right' as const, render: (v: number) => formatNumber(v, 1) },
              { title: t('timing.p90'), dataIndex: 'p90Days', align: 'right' as const, render: (v: number) => formatNumber(v, 1) },
              {
                title: t('timing.target'), dataIndex: 'targetDays', align: 'right' as const,
                render: (v: number | null, r: { p90Days: number }) => (v === null ? t('common.none') : (
                  <span>{formatNumber(v)}{r.p90Days > v && <Tag color="orange" style={{ marginLeft: 6 }}>{t('timing.slow')}</Tag>}</span>
                )),
              },
            ]}
          />
        )}
      </Card>

      <Card title={t('timing.overdueList', { n: all.overdue.length })} style={{ marginTop: 16 }}>
        <Table<Task>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={all.overdue}
          scroll={{ x: 800 }}
          columns={[
            { title: t('task.fields.title'), key: 'title', render: (_: unknown, r: Task) => <Link to={`/tasks/${r.id}`}>{r.title}</Link> },
            { title: t('task.fields.stage'), key: 'stage', render: (_: unknown, r: Task) => <StageTag stage={r.stage} name={r.stageName} overdue /> },
            {
              title: t('task.fields.daysInStage'), key: 'days', align: 'right' as const,
              render: (_: unknown, r: Task) => `${days(r.daysInStage)}${r.targetDays ? ` / ${days(r.targetDays)}` : ''}`,
            },
            { title: t('task.fields.host'), dataIndex: 'hostOrganizationName', render: (v: string | null) => v ?? t('common.none') },
          ]}
        />
      </Card>
    </>
  );
}
