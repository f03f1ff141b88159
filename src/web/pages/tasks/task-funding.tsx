/**
 * The task's funding tab: planned state budget and counterpart funding against what was disbursed, by year and
 * source with the totals and the share disbursed (from the task's `fundingSummary`), the counterpart share, and the
 * disbursements (cấp phát kinh phí) themselves — recorded, edited (with the version read; a stale one gets the 409
 * reload offer) and deleted by the task's editors, validated with the shared DisbursementInput schema.
 */
import { useState } from 'react';
import { Button, Col, Form, Input, Popconfirm, Row, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../format.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { DISBURSEMENT_SOURCES, DisbursementInput, type TaskDetail } from '../../../shared/schemas/tasks.ts';
import { api, isApiError } from '../../api.ts';
import { DateInput } from '../../components/date-input.tsx';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors, validateWith } from '../../form-validation.ts';
import { MoneyInput, isoDay, money, useEnumOptions } from './task-ui.tsx';

type Disbursement = TaskDetail['disbursements'][number];
type Summary = TaskDetail['fundingSummary'];
type YearRow = Summary['years'][number];
type Figures = YearRow['stateBudget'];

const share = (v: number | null) => (v === null ? '' : formatPercent(v));
/** More disbursed than planned is shown in red: it needs an adjustment decision. */
const shareCell = (f: Figures) => <span style={f.share !== null && f.share > 100 ? { color: '#cf1322' } : undefined}>{share(f.share)}</span>;

function PlannedVsDisbursed({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const group = (key: 'stateBudget' | 'counterpart', title: string) => ({
    title,
    children: [
      { title: t('task.funding.planned'), key: `${key}-p`, align: 'right' as const, render: (_: unknown, r: YearRow) => money(r[key].planned) },
      { title: t('task.funding.disbursed'), key: `${key}-d`, align: 'right' as const, render: (_: unknown, r: YearRow) => money(r[key].disbursed) },
      { title: t('task.funding.disbursedShare'), key: `${key}-s`, align: 'right' as const, render: (_: unknown, r: YearRow) => shareCell(r[key]) },
    ],
  });
  const totals = summary.totals;
  const cells = [
    totals.stateBudget.planned, totals.stateBudget.disbursed, totals.stateBudget, totals.counterpart.planned, totals.counterpart.disbursed,
    totals.counterpart, totals.other.disbursed,
  ];
  return (
    <Table<YearRow>
      data-testid="funding-summary"
      rowKey="year"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={summary.years}
      locale={{ emptyText: t('task.funding.none') }}
      columns={[
        { title: t('task.funding.year'), dataIndex: 'year' },
        group('stateBudget', t('task.disbursementSources.state_budget')),
        group('counterpart', t('task.disbursementSources.counterpart')),
        { title: t('task.funding.other'), key: 'other', align: 'right' as const, render: (_: unknown, r: YearRow) => money(r.other.disbursed) },
      ]}
      summary={() => (summary.years.length ? (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}><b>{t('task.funding.total')}</b></Table.Summary.Cell>
          {cells.map((c, i) => (
            <Table.Summary.Cell key={i} index={i + 1} align="right">
              <b data-testid={i === 0 ? 'state-total' : i === 1 ? 'state-disbursed-total' : undefined}>{typeof c === 'number' ? money(c) : shareCell(c)}</b>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      ) : null)}
    />
  );
}

export function TaskFunding({ task, writable, onChanged }: { task: TaskDetail; writable: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const { showError, showSuccess } = useFeedback();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<Disbursement | null>(null);
  const [busy, setBusy] = useState(false);
  const sources = useEnumOptions(DISBURSEMENT_SOURCES, 'task.disbursementSources');
  const none = t('common.none');
  const { totals } = task.fundingSummary;

  const reset = () => {
    setEditing(null);
    form.resetFields();
  };
  const edit = (d: Disbursement) => {
    setEditing(d);
    form.setFieldsValue({ disbursedOn: d.disbursedOn, amount: d.amount, source: d.source, decisionNo: d.decisionNo, decisionDate: d.decisionDate, note: d.note });
  };
  const submit = async (values: Record<string, unknown>) => {
    const checked = validateWith(DisbursementInput, values);
    if (!checked.ok) {
      form.setFields(checked.fields);
      return;
    }
    setBusy(true);
    try {
      if (editing) {
        await api.put('/api/tasks/{id}/disbursements/{disbursementId}', {
          params: { id: task.id, disbursementId: editing.id }, body: { ...checked.data, version: editing.version },
        });
      } else {
        await api.post('/api/tasks/{id}/disbursements', { params: { id: task.id }, body: checked.data });
      }
      showSuccess(t('common.saved'));
      reset();
      onChanged();
    } catch (e) {
      if (isApiError(e)) applyServerErrors(form, e, Object.keys(DisbursementInput.shape));
      showError(e, { onReload: () => { reset(); onChanged(); } });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (d: Disbursement) => {
    try {
      await api.delete('/api/tasks/{id}/disbursements/{disbursementId}', { params: { id: task.id, disbursementId: d.id }, query: { version: d.version } });
      if (editing?.id === d.id) reset();
      onChanged();
    } catch (e) {
      showError(e, { onReload: onChanged });
    }
  };

  const columns = [
    { title: t('task.disbursement.disbursedOn'), dataIndex: 'disbursedOn', render: (v: string) => isoDay(v) },
    { title: t('task.disbursement.source'), dataIndex: 'source', render: (v: string) => t(`task.disbursementSources.${v}`) },
    { title: t('task.disbursement.amount'), dataIndex: 'amount', align: 'right' as const, render: (v: number) => money(v) },
    { title: t('task.disbursement.decision'), key: 'decision', render: (_: unknown, d: Disbursement) => (
      d.decisionNo ? `${d.decisionNo}${d.decisionDate ? ` (${isoDay(d.decisionDate)})` : ''}` : none
    ) },
    { title: t('task.disbursement.note'), dataIndex: 'note', render: (v: string | null) => v ?? none },
    ...(writable ? [{
      title: '', key: 'actions', width: 96, render: (_: unknown, d: Disbursement) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => edit(d)} />
          <Popconfirm title={t('task.disbursement.deleteConfirm', { amount: money(d.amount), date: isoDay(d.disbursedOn) })}
            onConfirm={() => remove(d)} okText={t('common.delete')} cancelText={t('common.cancel')}>
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('task.funding.plannedVsDisbursed')}</Typography.Title>
      <PlannedVsDisbursed summary={task.fundingSummary} />
      <Typography.Paragraph style={{ marginTop: 12 }} data-testid="funding-totals-text">
        {t('task.funding.totalDisbursed', { amount: money(totals.total.disbursed), planned: money(totals.total.planned), share: share(totals.total.share) || none })}
        <br />
        {t('task.funding.share')}: <b data-testid="counterpart-share">{task.counterpartShare === null ? none : formatPercent(task.counterpartShare)}</b>
        <Typography.Text type="secondary"> · {t('task.funding.shareHint')}</Typography.Text>
      </Typography.Paragraph>

      <Typography.Title level={5}>{t('task.disbursement.title')}</Typography.Title>
      {writable && (
        <Form form={form} layout="vertical" name="disbursement" onFinish={submit}
          initialValues={{ disbursedOn: todayInVietnam(), source: 'state_budget', amount: null }}>
          {editing && <Typography.Paragraph type="secondary">{t('task.disbursement.editing', { date: isoDay(editing.disbursedOn) })}</Typography.Paragraph>}
          <Row gutter={12}>
            <Col xs={24} md={4}><Form.Item name="disbursedOn" label={t('task.disbursement.disbursedOn')} required><DateInput /></Form.Item></Col>
            <Col xs={24} md={5}><Form.Item name="source" label={t('task.disbursement.source')} required><Select options={sources} /></Form.Item></Col>
            <Col xs={24} md={5}><Form.Item name="amount" label={t('task.disbursement.amount')} required><MoneyInput /></Form.Item></Col>
            <Col xs={24} md={5}>
              <Form.Item name="decisionNo" label={t('task.disbursement.decisionNo')} tooltip={t('task.disbursement.decisionHint')}><Input /></Form.Item>
            </Col>
            <Col xs={24} md={5}><Form.Item name="decisionDate" label={t('task.disbursement.decisionDate')}><DateInput /></Form.Item></Col>
            <Col span={24}><Form.Item name="note" label={t('task.disbursement.note')}><Input /></Form.Item></Col>
          </Row>
          <Space style={{ marginBottom: 16 }}>
            <Button type="primary" htmlType="submit" loading={busy}>{editing ? t('task.disbursement.save') : t('task.disbursement.add')}</Button>
            {editing && <Button onClick={reset}>{t('task.disbursement.cancel')}</Button>}
          </Space>
        </Form>
      )}
      <Table<Disbursement> data-testid="disbursements" rowKey="id" size="small" pagination={false} columns={columns}
        dataSource={task.disbursements} locale={{ emptyText: t('task.disbursement.empty') }} scroll={{ x: 'max-content' }} />
    </>
  );
}
