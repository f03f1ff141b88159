/**
 * What needs attention: tasks overdue in their stage, tasks past their end date, and what awaits the leader's
 * decision — each a count, the first few tasks (links to them) and the link to the whole list.
 */
import { Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HomeFigure, HomeFilter, HomeOverview, HomeTask } from '../../../shared/schemas/home.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { useLang } from '../tasks/task-ui.tsx';
import { FigureCard } from './home-ui.tsx';

interface Props { figure: HomeFigure; hint: string; count: number; items: HomeTask[]; filter: HomeFilter; detail: (t: HomeTask) => string }

function TaskFigure({ figure, hint, count, items, filter, detail }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const title = t(`leaderHome.figures.${figure}`);
  return (
    <FigureCard figure={figure} title={title} filter={filter}>
      <Statistic title={t('leaderHome.tasks')} value={formatNumber(count)} styles={{ content: { color: count && figure !== 'awaiting' ? '#cf1322' : undefined } }} />
      <Typography.Text type="secondary">{hint}</Typography.Text>
      {items.length > 0 && (
        <ul className="home-task-list">
          {items.map((task) => (
            <li key={task.id}>
              <Link to={`/tasks/${task.id}`}>{task.title}</Link>
              <div><Typography.Text type="secondary">{task.stageName[lang]} · {detail(task)}</Typography.Text></div>
            </li>
          ))}
        </ul>
      )}
      {count > items.length && <Typography.Text type="secondary">{t('leaderHome.attention.more', { n: formatNumber(count - items.length) })}</Typography.Text>}
    </FigureCard>
  );
}

export function AttentionFigures({ data }: { data: HomeOverview }) {
  const { t } = useTranslation();
  const inStage = (task: HomeTask) => (task.targetDays === null
    ? t('leaderHome.attention.daysNoTarget', { days: formatNumber(Math.floor(task.daysInStage)) })
    : t('leaderHome.attention.days', { days: formatNumber(Math.floor(task.daysInStage)), target: formatNumber(task.targetDays) }));
  const ends = (task: HomeTask) => (task.endDate ? t('leaderHome.attention.endDate', { date: formatDate(task.endDate) }) : '');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <TaskFigure figure="awaiting" hint={t('leaderHome.attention.awaitingHint')} detail={inStage} {...data.awaiting} />
      </Col>
      <Col xs={24} lg={8}>
        <TaskFigure figure="overdue" hint={t('leaderHome.attention.overdueHint')} detail={inStage} {...data.overdue} />
      </Col>
      <Col xs={24} lg={8}>
        <TaskFigure figure="past_end" hint={t('leaderHome.attention.pastEndHint')} detail={ends} {...data.pastEnd} />
      </Col>
    </Row>
  );
}
