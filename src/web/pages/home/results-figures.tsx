/** What the year brought: tasks accepted and tasks replicated in it (with the number of replication records). */
import { Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HomeOverview } from '../../../shared/schemas/home.ts';
import { formatNumber } from '../../format.ts';
import { FigureCard } from './home-ui.tsx';

export function ResultsFigures({ data }: { data: HomeOverview }) {
  const { t } = useTranslation();
  const { accepted, replicated } = data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12}>
        <FigureCard figure="accepted" title={t('leaderHome.figures.accepted', { year: accepted.year })} filter={accepted.filter} year={accepted.year}>
          <Statistic title={t('leaderHome.tasks')} value={formatNumber(accepted.count)} />
          <Typography.Text type="secondary">{t('leaderHome.results.acceptedHint')}</Typography.Text>
        </FigureCard>
      </Col>
      <Col xs={24} md={12}>
        <FigureCard figure="replicated" title={t('leaderHome.figures.replicated', { year: replicated.year })} filter={replicated.filter} year={replicated.year}>
          <Statistic title={t('leaderHome.tasks')} value={formatNumber(replicated.count)} />
          <Typography.Text type="secondary">
            {t('leaderHome.results.replicatedHint', { n: formatNumber(replicated.count), records: formatNumber(replicated.records) })}
          </Typography.Text>
        </FigureCard>
      </Col>
    </Row>
  );
}
