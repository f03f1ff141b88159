/**
 * Tasks by stage, by field and by level: a bar chart (ECharts, loaded lazily) and the same numbers as a table whose
 * every row opens that bar's list.
 */
import { Suspense, lazy, useMemo } from 'react';
import { Col, Row, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { HomeCount, HomeFigure, HomeOverview } from '../../../shared/schemas/home.ts';
import { formatNumber } from '../../format.ts';
import { useLang } from '../tasks/task-ui.tsx';
import { FigureCard, listHref } from './home-ui.tsx';

const HomeBarChart = lazy(() => import('./home-chart.tsx').then((m) => ({ default: m.HomeBarChart })));

function Breakdown({ figure, items, horizontal, onlyNonZero }: { figure: HomeFigure; items: HomeCount[]; horizontal: boolean; onlyNonZero?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const title = t(`leaderHome.figures.${figure}`);
  const shown = useMemo(() => (onlyNonZero ? items.filter((i) => i.count > 0) : items), [items, onlyNonZero]);
  const categories = useMemo(() => shown.map((i) => i.name[lang]), [shown, lang]);
  const series = useMemo(() => [{ name: t('leaderHome.tasks'), data: shown.map((i) => i.count), color: '#0b5cad' }], [shown, t]);
  return (
    <FigureCard figure={figure} title={title} filter={{}}>
      {shown.length > 0 && (
        <Suspense fallback={<Spin />}>
          <HomeBarChart
            categories={categories}
            series={series}
            horizontal={horizontal}
            label={`${title}. ${t('leaderHome.chartHint')}`}
            onSelect={(i) => navigate(listHref(figure, shown[i].filter))}
            testId={`chart-${figure}`}
          />
        </Suspense>
      )}
      <Table<HomeCount>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={shown}
        locale={{ emptyText: t('leaderHome.none') }}
        data-testid={`table-${figure}`}
        columns={[
          {
            title: t('leaderHome.group'), key: 'name',
            render: (_: unknown, r: HomeCount) => <Link to={listHref(figure, r.filter)}>{r.name[lang]}</Link>,
          },
          { title: t('leaderHome.tasks'), dataIndex: 'count', align: 'right' as const, width: 110, render: (v: number) => formatNumber(v) },
        ]}
      />
    </FigureCard>
  );
}

export function TaskBreakdowns({ data }: { data: HomeOverview }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}><Breakdown figure="stages" items={data.stages.items} horizontal onlyNonZero /></Col>
      <Col xs={24} xl={12}>
        <Row gutter={[16, 16]}>
          <Col span={24}><Breakdown figure="fields" items={data.fields.items} horizontal /></Col>
          <Col span={24}><Breakdown figure="levels" items={data.levels.items} horizontal={false} /></Col>
        </Row>
      </Col>
    </Row>
  );
}
