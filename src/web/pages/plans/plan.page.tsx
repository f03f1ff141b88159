/**
 * A plan: its groups and items (status in colour and words, progress, overdue flags, the unit with "was: …"),
 * filtered by status, unit and flag; an item opens in a drawer. The department opens the periodic reports from here.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, Checkbox, Descriptions, Flex, Select, Table, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, SCHEDULE_LABELS, type ProgressStatus } from '../../../shared/schemas/plans.ts';
import { PLAN_REPORT_WRITERS } from '../../../shared/permissions.ts';
import { api, isApiError, type ApiError } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { LoadErrorPage } from '../../components/status-page.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDay } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { GroupsPanel } from './groups-panel.tsx';
import { ItemEditDrawer } from './item-edit-drawer.tsx';
import { ItemDrawer } from './item-view.tsx';
import { PlanDrawer } from './plan-drawer.tsx';
import { FlagTags, PercentBar, StatusTag, UnitCell, emptyState, type PlanDetail, type PlanItem } from './plan-ui.tsx';
import { usePlanText } from './plans.text.ts';
import { TemplatePanel } from './template-panel.tsx';

export function PlanPage() {
  const { id = '' } = useParams();
  const { s, lang } = usePlanText();
  const user = useUser();
  const { showError } = useFeedback();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<ProgressStatus | undefined>();
  const [unit, setUnit] = useState<string | undefined>();
  const [flagged, setFlagged] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [editingPlan, setEditingPlan] = useState(false);
  const [addingItem, setAddingItem] = useState(false);

  const load = useCallback(async () => {
    try {
      setPlan(await api.get('/api/plans/{id}', { params: { id }, query: {} }));
      setError(null);
    } catch (e) {
      if (isApiError(e)) setError(e);
      else showError(e);
    }
  }, [id, showError]);
  useEffect(() => { void load(); }, [load]);

  const units = useMemo(() => {
    const names = new Map<string, string>();
    for (const i of plan?.items ?? []) for (const o of i.owners) names.set(o.agencyId ?? o.adminUnitId ?? o.name, o.name);
    return [...names].sort((a, b) => a[1].localeCompare(b[1], 'vi')).map(([value, label]) => ({ value, label }));
  }, [plan]);

  if (error) return <LoadErrorPage status={error.status} message={error.message} />;
  if (!plan) return <Card loading />;
  const items = plan.items
    .filter((i) => !status || i.state.status === status)
    .filter((i) => !unit || i.owners.some((o) => (o.agencyId ?? o.adminUnitId) === unit))
    .filter((i) => !flagged || i.state.overdue.length > 0);
  const groupTitle = new Map(plan.groups.map((g) => [g.id, [g.code, g.title].filter(Boolean).join('. ')]));
  const current = plan.periods.find((p) => p.key === plan.currentPeriod);

  return (
    <Flex vertical gap={16}>
      <Link to="/plans"><ArrowLeftOutlined /> {s.plan.back}</Link>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <PageTitle>{plan.title}</PageTitle>
        {plan.mayEdit && <Button icon={<EditOutlined />} onClick={() => setEditingPlan(true)}>{s.edit.editPlan}</Button>}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={s.list.decision}>{plan.document ? <Link to={`/legal-documents/${plan.document.id}`}>{plan.document.number}</Link> : s.common.none}</Descriptions.Item>
        <Descriptions.Item label={s.list.period}>{formatDay(plan.periodFrom)} – {formatDay(plan.periodTo)}</Descriptions.Item>
        <Descriptions.Item label={s.list.schedule}>{SCHEDULE_LABELS[plan.schedule.kind][lang]}{current ? ` · ${s.plan.currentPeriod}: ${current.label[lang]}` : ''}</Descriptions.Item>
        {plan.note && <Descriptions.Item label={s.edit.note} span={3}>{plan.note}</Descriptions.Item>}
      </Descriptions>
      {plan.mayEdit && <GroupsPanel plan={plan} onChanged={() => void load()} />}
      <Flex gap={8} wrap align="center">
        <Select aria-label={s.plan.filterStatus} placeholder={s.plan.filterStatus} allowClear value={status} onChange={setStatus} style={{ width: 200 }}
          options={PROGRESS_STATUSES.map((k) => ({ value: k, label: PROGRESS_STATUS_LABELS[k][lang] }))} />
        <Select aria-label={s.plan.filterUnit} placeholder={s.plan.filterUnit} allowClear showSearch optionFilterProp="label" value={unit} onChange={setUnit}
          style={{ width: 280, maxWidth: '100%' }} options={units} />
        <Checkbox checked={flagged} onChange={(e) => setFlagged(e.target.checked)}>{s.plan.onlyFlagged}</Checkbox>
        {PLAN_REPORT_WRITERS.has(user.role) && <Link to={`/plans/${plan.id}/reports`}><Button icon={<FileWordOutlined />}>{s.plan.report}</Button></Link>}
        {plan.mayEdit && plan.groups.length > 0 && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingItem(true)}>{s.itemForm.add}</Button>}
      </Flex>
      {plan.items.some((i) => i.mayReport) && <TemplatePanel planId={plan.id} periods={plan.periods} current={plan.currentPeriod} onWritten={() => void load()} />}
      <Card>
        <Table<PlanItem>
          rowKey="id" dataSource={items} pagination={false} locale={{ emptyText: emptyState(s.plan.empty) }} scroll={{ x: 980 }}
          columns={[
            { title: s.plan.code, dataIndex: 'code', width: 70 },
            {
              title: s.plan.item, key: 'title',
              render: (_, i) => (
                <div>
                  <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpen(i.id)}>{i.title}</Button>
                  <div><Typography.Text type="secondary">{groupTitle.get(i.groupId)}</Typography.Text></div>
                </div>
              ),
            },
            { title: s.plan.unit, key: 'unit', width: 220, render: (_, i) => <UnitCell item={i} /> },
            { title: s.plan.deadline, dataIndex: 'deadline', width: 110, render: (d: string | null) => formatDay(d) ?? s.common.none },
            { title: s.plan.status, key: 'status', width: 200, render: (_, i) => <Flex vertical gap={4}><StatusTag status={i.state.status} /><FlagTags flags={i.state.overdue} /></Flex> },
            { title: s.plan.progress, key: 'progress', width: 140, render: (_, i) => <PercentBar percent={i.state.percent} status={i.state.status} /> },
          ]}
        />
      </Card>
      <ItemDrawer id={open} onClose={() => setOpen(null)} onChanged={() => void load()} />
      {editingPlan && <PlanDrawer open record={plan} onClose={() => setEditingPlan(false)} onSaved={() => { setEditingPlan(false); void load(); }} />}
      {addingItem && (
        <ItemEditDrawer
          plan={plan} item={null} onClose={() => setAddingItem(false)}
          onSaved={(itemId) => { setAddingItem(false); void load(); setOpen(itemId); }}
        />
      )}
    </Flex>
  );
}
