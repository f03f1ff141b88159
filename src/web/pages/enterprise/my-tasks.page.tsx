/**
 * Nhiệm vụ của tôi: the tasks the enterprise's organisation hosts (its drafts too) or takes part in (GET /api/tasks
 * answers an applicant with those only), with their stage; a draft opens in the proposal form, a submitted task on
 * its page (stage, history, documents, councils' conclusions, requests for missing papers).
 */
import { useMemo, useState } from 'react';
import { Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Task } from '../../../shared/schemas/tasks.ts';
import { formatDateTime } from '../../format.ts';
import { LoadMore } from '../../components/load-more.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useUser } from '../../session.tsx';
import { useDebounced, usePagedList } from '../../use-paged-list.ts';
import { StageTag } from '../tasks/task-ui.tsx';
import { useOwnOrganizationName } from './use-own-organization.ts';

/** A task's link for its host enterprise: a draft opens in the proposal form. */
export const myTaskPath = (t: Pick<Task, 'id' | 'submittedAt'>) => (t.submittedAt ? `/tasks/${t.id}` : `/propose-task/${t.id}`);

export function MyTasksPage() {
  const { t } = useTranslation();
  const user = useUser();
  const organization = useOwnOrganizationName();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const list = usePagedList(user.organizationId ? '/api/tasks' : null, { q });

  const columns = useMemo(() => [
    {
      title: t('task.fields.title'), key: 'title', width: 380,
      render: (_: unknown, r: Task) => (
        <div>
          <Link to={myTaskPath(r)}>{r.title}</Link>
          {!r.submittedAt && <div><Typography.Text type="secondary">{t('enterprise.myTasks.continueDraft')}</Typography.Text></div>}
        </div>
      ),
    },
    { title: t('task.fields.stage'), key: 'stage', width: 220, render: (_: unknown, r: Task) => <StageTag stage={r.stage} name={r.stageName} /> },
    {
      title: t('enterprise.myTasks.role'), key: 'role', width: 120,
      render: (_: unknown, r: Task) => (r.hostOrganizationId === user.organizationId
        ? <Tag color="blue">{t('enterprise.myTasks.hosted')}</Tag> : <Tag>{t('enterprise.myTasks.participant')}</Tag>),
    },
    { title: t('task.fields.proposalYear'), dataIndex: 'proposalYear', width: 110, align: 'right' as const },
    { title: t('enterprise.myTasks.updated'), dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
  ], [t, user.organizationId]);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <PageTitle>{t('enterprise.myTasks.title')}</PageTitle>
        {user.organizationId && (
          <Link to="/propose-task"><Button type="primary" icon={<PlusOutlined />}>{t('enterprise.myTasks.propose')}</Button></Link>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">
        {user.organizationId ? t('enterprise.myTasks.intro', { organization: organization ?? '…' }) : t('enterprise.myTasks.noOrganization')}
      </Typography.Paragraph>
      <Input.Search
        allowClear
        aria-label={t('enterprise.myTasks.search')}
        placeholder={t('enterprise.myTasks.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 480, marginBottom: 16 }}
      />
      <Table<Task>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="my-tasks"
        locale={{ emptyText: <Typography.Text type="secondary">{t('enterprise.myTasks.empty')}</Typography.Text> }}
      />
      <LoadMore list={list} />
    </>
  );
}
