/**
 * Ươm tạo khởi nghiệp: the calls of the province's startup programmes and, for the chosen call, its applications —
 * the selected projects first — with the incubation services each has received. A project opens its own page.
 */
import { useEffect, useState } from 'react';
import { Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Schemas } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatNumber } from '../../format.ts';

type Call = Schemas['IncubationCallList']['items'][number];
type Startup = Schemas['StartupList']['items'][number];

export function IncubationPage() {
  const { t } = useTranslation();
  const { showError } = useFeedback();
  const [calls, setCalls] = useState<Call[] | null>(null);
  const [callId, setCallId] = useState<string | null>(null);
  const [list, setList] = useState<Schemas['StartupList'] | null>(null);

  useEffect(() => {
    let live = true;
    api.get('/api/incubation/calls').then((r) => {
      if (!live) return;
      setCalls(r.items);
      setCallId((c) => c ?? r.items[0]?.id ?? null);
    }).catch((e: unknown) => showError(e));
    return () => { live = false; };
  }, [showError]);

  useEffect(() => {
    if (!callId) return undefined;
    let live = true;
    api.get('/api/incubation/calls/{id}/startups', { params: { id: callId } }).then((r) => { if (live) setList(r); }).catch((e: unknown) => showError(e));
    return () => { live = false; };
  }, [callId, showError]);

  const columns: ColumnsType<Startup> = [
    { title: t('incubation.columns.code'), dataIndex: 'code', width: 140, render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('incubation.columns.project'), key: 'title',
      render: (_, s) => <Link to={`/incubation/${s.applicationId}`}>{s.title}</Link>,
    },
    { title: t('incubation.columns.organization'), dataIndex: 'organizationName', width: 260 },
    {
      title: t('incubation.columns.stage'), key: 'stage', width: 150,
      render: (_, s) => (s.selected ? <Tag color="green">{t('incubation.selectedTag')}</Tag> : <Tag>{t('incubation.notSelectedTag')}</Tag>),
    },
    { title: t('incubation.columns.services'), dataIndex: 'services', width: 90, align: 'right' },
    { title: t('incubation.columns.hours'), dataIndex: 'hours', width: 90, align: 'right', render: (v: number) => formatNumber(v, 1) },
    { title: t('incubation.columns.amount'), dataIndex: 'amount', width: 150, align: 'right', render: (v: number) => formatNumber(v, 0) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageTitle>{t('incubation.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('incubation.intro')}</Typography.Paragraph>
      {calls !== null && calls.length === 0 && <Empty description={t('incubation.noCalls')} />}
      {calls !== null && calls.length > 0 && (
        <Flex gap={12} wrap align="center">
          <Select
            aria-label={t('incubation.call')} value={callId} onChange={setCallId} style={{ width: '100%', maxWidth: 560 }}
            options={calls.map((c) => ({ value: c.id, label: `${c.year} — ${c.title}` }))}
          />
          {list && <Tag color="green">{t('incubation.selected', { count: list.call.selected })}</Tag>}
          {list?.call.selectTop && <Tag>{t('incubation.selectTop', { count: list.call.selectTop })}</Tag>}
        </Flex>
      )}
      {list && <Table<Startup> rowKey="applicationId" columns={columns} dataSource={list.items} pagination={false} scroll={{ x: 1000 }} />}
    </Space>
  );
}
