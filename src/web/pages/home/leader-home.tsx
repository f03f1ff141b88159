/**
 * The leader's home: the figures of the province's tasks and their funding, and the plan's indicators
 * (src/web/pages/indicators/plan-indicators-card.tsx), as a list of sections, LEADER_HOME_SECTIONS — one home, not a
 * second dashboard.
 */
import type { ComponentType } from 'react';
import { Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HomeOverview } from '../../../shared/schemas/home.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { AttentionFigures } from './attention-figures.tsx';
import { FundingFigures } from './funding-figures.tsx';
import { ResultsFigures } from './results-figures.tsx';
import { TaskBreakdowns } from './task-breakdowns.tsx';
import { useHomeOverview } from './home-ui.tsx';
import { PlanIndicatorsCard } from '../indicators/plan-indicators-card.tsx';
import { SupportFiguresCard } from '../support/figures-card.tsx';
import './home.css';

/** A section of the leader's home; `data` is GET /api/home (a section may ignore it and load its own). */
export interface LeaderHomeSection { key: string; Component: ComponentType<{ data: HomeOverview }> }

/** The sections, in order. */
export const LEADER_HOME_SECTIONS: LeaderHomeSection[] = [
  { key: 'attention', Component: AttentionFigures },
  // The plan's indicators against their targets (the indicators module's card; it loads its own data).
  { key: 'plan-indicators', Component: () => <PlanIndicatorsCard /> },
  { key: 'tasks', Component: TaskBreakdowns },
  { key: 'funding', Component: FundingFigures },
  { key: 'results', Component: ResultsFigures },
  // Enterprises supported through the programmes this year (the support module's card; it loads its own data).
  { key: 'support', Component: () => <SupportFiguresCard /> },
];

export function LeaderHome({ sections = LEADER_HOME_SECTIONS }: { sections?: LeaderHomeSection[] }) {
  const { t } = useTranslation();
  const data = useHomeOverview(true);
  if (!data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <div className="home-sections" data-testid="leader-home">
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text>{t('leaderHome.totalTasks')}: <strong data-testid="home-total">{formatNumber(data.totalTasks)}</strong></Typography.Text>
        <Typography.Text type="secondary">{t('leaderHome.asOf', { at: formatDateTime(data.asOf) })}</Typography.Text>
      </Flex>
      {sections.map(({ key, Component }) => <section key={key} data-section={key}><Component data={data} /></section>)}
    </div>
  );
}
