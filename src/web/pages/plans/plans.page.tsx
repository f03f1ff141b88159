/** Kế hoạch: the province's plans with their decision, period, reporting schedule and item counts. */
import { useEffect, useState } from 'react';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { PLAN_EDITORS } from '../../../shared/permissions.ts';
import { SCHEDULE_LABELS } from '../../../shared/schemas/plans.ts';
import { api, type ResponseOf } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDay } from '../../format.ts';
import { usePlanText } from './plans.text.ts';
import { emptyState } from './plan-ui.tsx';
import { PlanDrawer } from './plan-drawer.tsx';
import { useUser } from '../../session.tsx';

type Row = ResponseOf<'get', '/api/plans'>['items'][number];

export function PlansPage() {
  const { s, lang } = usePlanText();
  const { showError } = useFeedback();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [creating, setCreating] = useState(false);
  const user = useUser();
  const navigate = useNavigate();
  useEffect(() => {
    api.get('/api/plans').then((r) => setRows(r.items)).catch(showError);
  }, [showError]);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <PageTitle>{s.list.title}</PageTitle>
        {PLAN_EDITORS.has(user.role) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{s.edit.newPlan}</Button>}
      </Flex>
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
      {creating && <PlanDrawer open record={null} onClose={() => setCreating(false)} onSaved={(p) => { setCreating(false); void navigate(`/plans/${p.id}`); }} />}
    </Flex>
  );
}
