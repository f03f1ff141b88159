/**
 * Funding of the approved tasks by year (planned against disbursed, state budget and counterpart) as a chart and a
 * table, and the counterpart share against the province's target (a dated rule, its basis shown; an illustrative
 * value is marked so).
 */
import { Suspense, lazy, useMemo } from 'react';
import { Col, Flex, Row, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HomeOverview } from '../../../shared/schemas/home.ts';
import { formatDate, formatNumber, formatPercent } from '../../format.ts';
import { FigureCard } from './home-ui.tsx';

const HomeBarChart = lazy(() => import('./home-chart.tsx').then((m) => ({ default: m.HomeBarChart })));

type Year = HomeOverview['funding']['years'][number];
type YearRow = Omit<Year, 'year'> & { year: number | null };
const money = (n: number) => formatNumber(n, 3);

function FundingByYear({ funding }: { funding: HomeOverview['funding'] }) {
  const { t } = useTranslation();
  const title = t('leaderHome.figures.funding');
  const categories = useMemo(() => funding.years.map((y) => String(y.year)), [funding]);
  const series = useMemo(() => [
    { name: t('leaderHome.funding.stateBudgetPlanned'), data: funding.years.map((y) => y.stateBudget.planned), color: '#0b5cad' },
    { name: t('leaderHome.funding.stateBudgetDisbursed'), data: funding.years.map((y) => y.stateBudget.disbursed), color: '#69b1ff' },
    { name: t('leaderHome.funding.counterpartPlanned'), data: funding.years.map((y) => y.counterpart.planned), color: '#237804' },
    { name: t('leaderHome.funding.counterpartDisbursed'), data: funding.years.map((y) => y.counterpart.disbursed), color: '#95de64' },
  ], [funding, t]);
  const rows: YearRow[] = [...funding.years, { ...funding.totals, year: null }];
  const col = (key: 'stateBudget' | 'counterpart', part: 'planned' | 'disbursed', label: string) => ({
    title: label, key: `${key}.${part}`, align: 'right' as const, render: (_: unknown, r: YearRow) => money(r[key][part]),
  });
  return (
    <FigureCard figure="funding" title={title} filter={funding.filter}>
      <Typography.Text type="secondary">{t('leaderHome.funding.scope', { n: formatNumber(funding.tasks) })}</Typography.Text>
      {funding.years.length > 0 && (
        <Suspense fallback={<Spin />}>
          <HomeBarChart categories={categories} series={series} decimals={1} label={`${title}. ${t('leaderHome.chartHint')}`} testId="chart-funding" />
        </Suspense>
      )}
      <Table<YearRow>
        rowKey={(r) => String(r.year ?? 'total')}
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 640 }}
        data-testid="table-funding"
        columns={[
          { title: t('leaderHome.funding.year'), key: 'year', render: (_: unknown, r: YearRow) => (r.year === null ? <strong>{t('leaderHome.funding.total')}</strong> : r.year) },
          col('stateBudget', 'planned', t('leaderHome.funding.stateBudgetPlanned')),
          col('stateBudget', 'disbursed', t('leaderHome.funding.stateBudgetDisbursed')),
          col('counterpart', 'planned', t('leaderHome.funding.counterpartPlanned')),
          col('counterpart', 'disbursed', t('leaderHome.funding.counterpartDisbursed')),
        ]}
      />
    </FigureCard>
  );
}

function CounterpartShare({ counterpart: c }: { counterpart: HomeOverview['counterpart'] }) {
  const { t } = useTranslation();
  const share = (v: number | null) => (v === null ? t('common.none') : formatPercent(v, 1));
  const verdict = c.meetsTarget === null
    ? <Tag>{t('leaderHome.counterpart.nothing')}</Tag>
    : c.meetsTarget ? <Tag color="green">{t('leaderHome.counterpart.meets')}</Tag> : <Tag color="orange">{t('leaderHome.counterpart.below')}</Tag>;
  return (
    <FigureCard figure="counterpart" title={t('leaderHome.figures.counterpart')} filter={c.filter}>
      <Typography.Text type="secondary">{t('leaderHome.counterpart.scope', { n: formatNumber(c.tasks) })}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12}><Statistic title={t('leaderHome.counterpart.planned')} value={share(c.share.planned)} /></Col>
        <Col xs={24} sm={12}><Statistic title={t('leaderHome.counterpart.disbursed')} value={share(c.share.disbursed)} /></Col>
      </Row>
      <Flex wrap gap={8} align="center">
        <span>{t('leaderHome.counterpart.target', { percent: formatPercent(c.target.minPercent, 1) })}</span>
        {verdict}
        {c.target.illustrative && <Tag color="gold">{t('leaderHome.counterpart.illustrative')}</Tag>}
      </Flex>
      <dl className="home-figures-dl">
        <dt>{t('leaderHome.counterpart.stateBudget')}</dt><dd>{money(c.stateBudget.planned)} {t('leaderHome.funding.million')}</dd>
        <dt>{t('leaderHome.counterpart.counterpart')}</dt><dd>{money(c.counterpart.planned)} {t('leaderHome.funding.million')}</dd>
      </dl>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('leaderHome.counterpart.basis', { basis: c.target.legalBasis, from: formatDate(c.target.effectiveFrom) })}
      </Typography.Text>
    </FigureCard>
  );
}

export function FundingFigures({ data }: { data: HomeOverview }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}><FundingByYear funding={data.funding} /></Col>
      <Col xs={24} xl={8}><CounterpartShare counterpart={data.counterpart} /></Col>
    </Row>
  );
}
