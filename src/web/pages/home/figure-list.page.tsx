/**
 * The tasks behind a figure of the home (`/home/tasks?figure=stages&stage=approval`): the figure and the bar it
 * came from, every task it counts (GET /api/home/tasks with the same filter), and the workbook of the same rows.
 */
import { useMemo, useState, useEffect } from 'react';
import { Button, Flex, Space, Spin, Table, Typography } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { HOME_FIGURES, HomeFilterQuery, type HomeCount, type HomeFigure, type HomeFilter, type HomeTaskList } from '../../../shared/schemas/home.ts';
import type { Task } from '../../../shared/schemas/tasks.ts';
import { labelOf } from '../../../shared/labels/labels.ts';
import { TASK_LEVEL_LABELS } from '../../../shared/labels/tasks.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ForbiddenPage } from '../../components/status-page.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { StageTag, days, money, useLang } from '../tasks/task-ui.tsx';
import { canReadLeaderHome, exportHref, useHomeOverview } from './home-ui.tsx';

const sameFilter = (a: HomeFilter, b: HomeFilter) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

export function FigureListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useUser();
  const allowed = canReadLeaderHome(user.role);
  const { showError } = useFeedback();
  const [params] = useSearchParams();
  const figureParam = params.get('figure');
  const figure: HomeFigure = (HOME_FIGURES as readonly string[]).includes(figureParam ?? '') ? figureParam as HomeFigure : 'stages';
  const search = params.toString();
  const filter: HomeFilter = useMemo(() => {
    const parsed = HomeFilterQuery.safeParse(Object.fromEntries([...new URLSearchParams(search)].filter(([k]) => k !== 'figure' && k !== 'year')));
    return parsed.success ? Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) : {};
  }, [search]);
  const yearParam = Number(params.get('year')) || undefined;
  const year = filter.acceptedYear ?? filter.replicatedYear ?? yearParam;
  const overview = useHomeOverview(allowed, year);
  const [list, setList] = useState<HomeTaskList | null>(null);

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    setList(null);
    const query = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)]));
    api.get('/api/home/tasks', { query }).then((r) => { if (live) setList(r); }, (e) => { if (live) showError(e); });
    return () => { live = false; };
  }, [allowed, filter, showError]);

  // The bar the list came from, named as the home names it.
  const item = useMemo(() => {
    if (!overview) return null;
    const all: HomeCount[] = [...overview.stages.items, ...overview.fields.items, ...overview.levels.items, ...overview.awaiting.stages];
    return all.find((c) => sameFilter(c.filter, filter)) ?? null;
  }, [overview, filter]);

  const columns = useMemo(() => [
    {
      title: t('task.fields.title'), key: 'title', width: 360,
      render: (_: unknown, r: Task) => (
        <div>
          <Link to={`/tasks/${r.id}`}>{r.title}</Link>
          {r.code && <div><Typography.Text type="secondary">{r.code}</Typography.Text></div>}
        </div>
      ),
    },
    { title: t('leaderHome.list.stage'), key: 'stage', width: 220, render: (_: unknown, r: Task) => <StageTag stage={r.stage} name={r.stageName} overdue={r.overdue} /> },
    {
      title: t('task.fields.daysInStage'), key: 'days', width: 130, align: 'right' as const,
      render: (_: unknown, r: Task) => `${days(r.daysInStage)}${r.targetDays ? ` / ${days(r.targetDays)}` : ''}`,
    },
    { title: t('leaderHome.list.field'), key: 'field', width: 200, render: (_: unknown, r: Task) => r.scienceFieldName?.[lang] ?? t('common.none') },
    { title: t('leaderHome.list.level'), key: 'level', width: 120, render: (_: unknown, r: Task) => labelOf(TASK_LEVEL_LABELS, r.level, lang) },
    { title: t('leaderHome.list.host'), dataIndex: 'hostOrganizationName', width: 220, render: (v: string | null) => v ?? t('common.none') },
    { title: t('leaderHome.list.endDate'), dataIndex: 'endDate', width: 120, render: (v: string | null) => (v ? formatDate(v) : t('common.none')) },
    { title: t('leaderHome.list.stateBudget'), dataIndex: 'stateBudgetTotal', width: 150, align: 'right' as const, render: (v: number) => (v ? money(v) : t('common.none')) },
  ], [t, lang]);

  if (!allowed) return <ForbiddenPage />;
  const figureTitle = t(`leaderHome.figures.${figure}`, { year: year ?? overview?.year ?? '' });

  return (
    <>
      <Link to="/"><ArrowLeftOutlined aria-hidden /> {t('leaderHome.list.back')}</Link>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ margin: '8px 0 16px' }}>
        <div>
          <PageTitle>{item ? `${figureTitle}: ${item.name[lang]}` : figureTitle}</PageTitle>
          {list && <Typography.Text type="secondary" data-testid="list-count">{t('leaderHome.list.count', { n: formatNumber(list.total) })}</Typography.Text>}
        </div>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={exportHref(figure, filter, year)} download>{t('leaderHome.export')}</Button>
        </Space>
      </Flex>
      {list ? (
        <Table<Task>
          rowKey="id"
          columns={columns}
          dataSource={list.items}
          pagination={list.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 1500 }}
          locale={{ emptyText: t('leaderHome.none') }}
        />
      ) : <Spin style={{ display: 'block', margin: 48 }} />}
    </>
  );
}
