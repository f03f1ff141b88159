/** Hội đồng của tôi: the councils the signed-in member sits on (GET /api/councils lists only those for a reviewer). */
import { useState } from 'react';
import { Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { COUNCIL_STATUSES, type Council, type CouncilStatus } from '../../../shared/schemas/councils.ts';
import { LoadMore } from '../../components/load-more.tsx';
import { usePagedList } from '../../use-paged-list.ts';
import { COUNCIL_STATUS_COLORS } from '../tasks/task-councils.tsx';
import { isoDay, useEnumOptions, useLang } from '../tasks/task-ui.tsx';
import { PageTitle } from '../../components/page-title.tsx';

export function MyCouncilsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CouncilStatus | undefined>();
  const list = usePagedList('/api/councils', { status });
  const statuses = useEnumOptions(COUNCIL_STATUSES, 'council.statuses');
  const lang = useLang();

  const columns = [
    { title: t('council.fields.name'), key: 'name', render: (_: unknown, c: Council) => <Link to={`/councils/${c.id}`}>{c.name}</Link> },
    { title: t('council.fields.kind'), key: 'kind', render: (_: unknown, c: Council) => c.kindName[lang] },
    { title: t('council.fields.status'), dataIndex: 'status', render: (s: Council['status']) => <Tag color={COUNCIL_STATUS_COLORS[s]}>{t(`council.statuses.${s}`)}</Tag> },
    { title: t('council.fields.meetingDate'), dataIndex: 'meetingDate', render: (v: string | null) => isoDay(v) ?? t('common.none') },
    { title: t('council.fields.location'), dataIndex: 'location', render: (v: string | null) => v ?? t('common.none') },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <PageTitle>{t('council.myTitle')}</PageTitle>
        <Select allowClear placeholder={t('council.fields.status')} aria-label={t('council.fields.status')} value={status} onChange={setStatus} options={statuses} style={{ width: 220 }} />
      </Flex>
      <Typography.Paragraph type="secondary">{t('council.myIntro')}</Typography.Paragraph>
      <Table<Council> rowKey="id" columns={columns} dataSource={list.items} loading={list.loading} pagination={false} scroll={{ x: 800 }} />
      <LoadMore list={list} />
    </>
  );
}
