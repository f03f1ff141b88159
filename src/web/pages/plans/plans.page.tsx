/** Kế hoạch: the province's plans with their decision, period, reporting schedule and item counts. */
import { useEffect, useState } from 'react';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { SCHEDULE_LABELS } from '../../../shared/schemas/plans.ts';
import { api, type ResponseOf } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDay } from '../../format.ts';
import { usePlanText } from './plans.text.ts';
import { emptyState } from './plan-ui.tsx';

type Row = ResponseOf<'get', '/api/plans'>['items'][number];

export function PlansPage() {
  const { s, lang } = usePlanText();
  const { showError } = useFeedback();
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    api.get('/api/plans').then((r) => setRows(r.items)).catch(showError);
  }, [showError]);
  return (
    <Flex vertical gap={16}>
      <PageTitle>{s.list.title}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{s.list.intro}</Typography.Paragraph>
      <Card>
        <Table<Row>
          rowKey="id" loading={rows === null} dataSource={rows ?? []} pagination={false} locale={{ emptyText: emptyState(s.list.empty) }} scroll={{ x: 860 }}
          columns={[
            { title: s.list.title, key: 'title', render: (_, p) => <Link to={`/plans/${p.id}`}><strong>{p.title}</strong></Link> },
            { title: s.list.decision, key: 'doc', width: 200, render: (_, p) => (p.document ? <Link to={`/legal-documents/${p.document.id}`}>{p.document.number}</Link> : s.common.none) },
            { title: s.list.period, key: 'period', width: 200, render: (_, p) => `${formatDay(p.periodFrom)} – ${formatDay(p.periodTo)}` },
            { title: s.list.schedule, key: 'schedule', width: 130, render: (_, p) => SCHEDULE_LABELS[p.schedule.kind][lang] },
            { title: s.list.items, dataIndex: 'items', width: 90, align: 'right' },
            { title: s.list.done, dataIndex: 'done', width: 100, align: 'right' },
            { title: s.list.overdue, key: 'overdue', width: 130, align: 'right', render: (_, p) => (p.overdue > 0 ? <Tag color="red">{p.overdue}</Tag> : p.overdue) },
          ]}
        />
      </Card>
    </Flex>
  );
}
