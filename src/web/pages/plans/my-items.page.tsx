/**
 * Việc của đơn vị: the items the officer's unit carries across the province's plans (with "was: …" for items of a
 * unit that ended), each opening in a drawer to report on, and per plan the Excel template of a period.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, type ResponseOf } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDay } from '../../format.ts';
import { ItemDrawer, ItemView } from './item-view.tsx';
import { FlagTags, PercentBar, StatusTag, UnitCell, type PlanDetail } from './plan-ui.tsx';
import { usePlanText } from './plans.text.ts';
import { TemplatePanel } from './template-panel.tsx';

type Row = ResponseOf<'get', '/api/plan-items/mine'>['items'][number];

export function MyItemsPage() {
  const { s } = usePlanText();
  const { showError } = useFeedback();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [periods, setPeriods] = useState<Map<string, PlanDetail['periods']>>(new Map());
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const r = await api.get('/api/plan-items/mine');
      setRows(r.items);
      const plans = [...new Set(r.items.map((i) => i.planId))];
      const details = await Promise.all(plans.map((id) => api.get('/api/plans/{id}', { params: { id }, query: {} })));
      setPeriods(new Map(details.map((d) => [d.id, d.periods])));
    } catch (e) {
      showError(e);
    }
  }, [showError]);
  useEffect(() => { void load(); }, [load]);
  const plans = [...new Map((rows ?? []).map((r) => [r.planId, r])).values()];
  return (
    <Flex vertical gap={16}>
      <PageTitle>{s.mine.title}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{s.mine.intro}</Typography.Paragraph>
      {plans.map((p) => (
        <Flex key={p.planId} vertical gap={8}>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{p.planTitle}</Typography.Title>
          {periods.get(p.planId) && <TemplatePanel planId={p.planId} periods={periods.get(p.planId)!} current={p.currentPeriod} onWritten={() => void load()} />}
          <Card>
            <Table<Row>
              rowKey="id" dataSource={(rows ?? []).filter((r) => r.planId === p.planId)} pagination={false} scroll={{ x: 860 }}
              columns={[
                { title: s.plan.code, dataIndex: 'code', width: 70 },
                {
                  title: s.plan.item, key: 'title',
                  render: (_, i) => <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpen(i.id)}>{i.title}</Button>,
                },
                { title: s.plan.unit, key: 'unit', width: 200, render: (_, i) => <UnitCell item={i} /> },
                { title: s.plan.deadline, dataIndex: 'deadline', width: 110, render: (d: string | null) => formatDay(d) ?? s.common.none },
                { title: s.plan.status, key: 'status', width: 190, render: (_, i) => <Flex vertical gap={4}><StatusTag status={i.state.status} /><FlagTags flags={i.state.overdue} /></Flex> },
                { title: s.plan.progress, key: 'progress', width: 130, render: (_, i) => <PercentBar percent={i.state.percent} status={i.state.status} /> },
              ]}
            />
          </Card>
        </Flex>
      ))}
      {rows !== null && rows.length === 0 && <Card><Typography.Text>{s.mine.empty}</Typography.Text></Card>}
      {rows === null && <Card loading />}
      <ItemDrawer id={open} onClose={() => setOpen(null)} onChanged={() => void load()} />
    </Flex>
  );
}

/** The page an inbox notice about an item opens. */
export function ItemPage({ id }: { id: string }) {
  const { s } = usePlanText();
  const navigate = useNavigate();
  return (
    <Flex vertical gap={16}>
      <PageTitle>{s.item.page}</PageTitle>
      <Card><ItemView id={id} onDeleted={() => { void navigate('/plans'); }} /></Card>
    </Flex>
  );
}

