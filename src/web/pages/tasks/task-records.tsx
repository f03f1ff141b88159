/**
 * Records kept along a task's life: progress checks, extensions and adjustments (while it is implemented),
 * application and replication (after acceptance), the stage history, and the lineage of a re-proposed idea.
 */
import { useState } from 'react';
import { Button, Col, Empty, Flex, Form, Input, InputNumber, List, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { PROGRESS_KINDS, ProgressInput, ReplicationInput, ReproposeInput, type TaskDetail } from '../../../shared/schemas/tasks.ts';
import type { StageEvent } from '../../../shared/schemas/workflow.ts';
import { api, isApiError } from '../../api.ts';
import { AdminUnitSelect } from '../../components/admin-unit-select.tsx';
import { OrganizationSelect } from '../../components/organization-select.tsx';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors, validateWith } from '../../form-validation.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { LegalDocumentSelect } from '../legal-documents/legal-document-select.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { StageTag, days, isoDay, useEnumOptions, useLang } from './task-ui.tsx';

type Progress = TaskDetail['progress'][number];
type Replication = TaskDetail['replications'][number];

/** Submits a small form with a shared schema: field errors on the fields, the server's message otherwise. */
function useSubmit<S extends z.ZodObject, T>(form: ReturnType<typeof Form.useForm>[0], schema: S, send: (data: z.output<S>) => Promise<T>, done: (r: T) => void) {
  const { t } = useTranslation();
  const { showError, showSuccess } = useFeedback();
  const [busy, setBusy] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    const checked = validateWith(schema, values);
    if (!checked.ok) {
      form.setFields(checked.fields);
      return;
    }
    setBusy(true);
    try {
      const r = await send(checked.data);
      showSuccess(t('common.saved'));
      form.resetFields();
      done(r);
    } catch (e) {
      if (isApiError(e)) applyServerErrors(form, e, Object.keys(schema.shape));
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}

export function TaskProgress({ task, writable, onChanged }: { task: TaskDetail; writable: boolean; onChanged(t: TaskDetail): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const kinds = useEnumOptions(PROGRESS_KINDS, 'task.progressKinds');
  const kind = Form.useWatch('kind', form);
  const { busy, submit } = useSubmit(form, ProgressInput,
    (data) => api.post('/api/tasks/{id}/progress', { params: { id: task.id }, body: data }), onChanged);
  const canAdd = writable && task.stageCapabilities.allows.includes('progress');

  const columns = [
    { title: t('task.progress.kind'), dataIndex: 'kind', render: (k: string) => t(`task.progressKinds.${k}`) },
    { title: t('task.progress.reportDate'), dataIndex: 'reportDate', render: (v: string) => isoDay(v) },
    { title: t('task.progress.percent'), dataIndex: 'percentComplete', align: 'right' as const, render: (v: number | null) => (v === null ? t('common.none') : `${v}%`) },
    { title: t('task.progress.summary'), dataIndex: 'summary' },
    { title: t('task.progress.newEndDate'), dataIndex: 'newEndDate', render: (v: string | null) => isoDay(v) ?? t('common.none') },
  ];

  return (
    <>
      {canAdd && (
        <Form form={form} layout="vertical" name="progress" onFinish={submit} initialValues={{ kind: 'check', reportDate: todayInVietnam() }}>
          <Row gutter={12}>
            <Col xs={24} md={6}><Form.Item name="kind" label={t('task.progress.kind')} required><Select options={kinds} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="reportDate" label={t('task.progress.reportDate')} required><DateInput /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="percentComplete" label={t('task.progress.percent')}><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item></Col>
            {kind === 'extension' && (
              <Col xs={24} md={6}><Form.Item name="newEndDate" label={t('task.progress.newEndDate')} required><DateInput /></Form.Item></Col>
            )}
            <Col span={24}><Form.Item name="summary" label={t('task.progress.summary')} required><Input.TextArea rows={2} /></Form.Item></Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginBottom: 16 }}>{t('task.progress.add')}</Button>
        </Form>
      )}
      {!canAdd && <Typography.Paragraph type="secondary">{t('task.progress.onlyInImplementation')}</Typography.Paragraph>}
      <Table<Progress> rowKey="id" columns={columns} dataSource={task.progress} pagination={false} size="small" />
    </>
  );
}

export function TaskReplications({ task, writable, onChanged }: { task: TaskDetail; writable: boolean; onChanged(t: TaskDetail): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form, ReplicationInput,
    (data) => api.post('/api/tasks/{id}/replications', { params: { id: task.id }, body: data }), onChanged);
  const canAdd = writable && task.stageCapabilities.allows.includes('replication');

  const columns = [
    { title: t('task.replication.place'), key: 'place', render: (_: unknown, r: Replication) => (
      <div>{r.place}{r.adminUnitName && <div><Typography.Text type="secondary">{r.adminUnitName}</Typography.Text></div>}</div>
    ) },
    { title: t('task.replication.adopter'), dataIndex: 'adopterName', render: (v: string | null) => v ?? t('common.none') },
    { title: t('task.replication.scale'), dataIndex: 'scale', render: (v: string, r: Replication) => (
      <div>{r.name && <div><strong>{r.name}</strong></div>}{v}{r.results && <div><Typography.Text type="secondary">{r.results}</Typography.Text></div>}</div>
    ) },
    { title: t('replication.columns.support'), key: 'support', render: (_: unknown, r: Replication) => (
      <div>{r.supportAmount !== null ? formatNumber(r.supportAmount, 0) : t('common.none')}{r.legalDocumentNumber && <div><Typography.Text type="secondary">{r.legalDocumentNumber}</Typography.Text></div>}</div>
    ) },
    { title: t('task.replication.year'), dataIndex: 'year', align: 'right' as const },
    { title: t('task.replication.note'), dataIndex: 'note', render: (v: string | null) => v ?? t('common.none') },
  ];

  return (
    <>
      {canAdd && (
        <Form form={form} layout="vertical" name="replication" onFinish={submit} initialValues={{ year: new Date().getFullYear() }}>
          <Row gutter={12}>
            <Col xs={24} md={12}><Form.Item name="adminUnitId" label={t('task.replication.adminUnit')}><AdminUnitSelect placeholder={t('task.replication.adminUnitPlaceholder')} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="place" label={t('task.replication.place')} required><Input /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="adopterOrganizationId" label={t('task.replication.adopterOrganization')}><OrganizationSelect placeholder={t('task.searchOrganization')} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="adopterName" label={t('task.replication.adopterName')}><Input /></Form.Item></Col>
            <Col xs={24} md={16}><Form.Item name="scale" label={t('task.replication.scale')} required><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="year" label={t('task.replication.year')} required><InputNumber min={1990} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="name" label={t('replication.fields.name')}><Input /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="results" label={t('replication.fields.results')}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="supportAmount" label={t('replication.fields.supportAmount')}><InputNumber<number> min={0} step={1_000_000} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={16}><Form.Item name="legalDocumentId" label={t('replication.fields.legalDocumentId')}><LegalDocumentSelect /></Form.Item></Col>
            <Col span={24}><Form.Item name="note" label={t('task.replication.note')}><Input.TextArea rows={2} /></Form.Item></Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginBottom: 16 }}>{t('task.replication.add')}</Button>
        </Form>
      )}
      {!canAdd && <Typography.Paragraph type="secondary">{t('task.replication.onlyAfterAcceptance')}</Typography.Paragraph>}
      <Table<Replication> rowKey="id" columns={columns} dataSource={task.replications} pagination={false} size="small" />
      {task.replications.length > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}><Link to={`/replications`}>{t('replication.panelHint')}</Link></Typography.Paragraph>}
    </>
  );
}

export function TaskHistory({ events }: { events: StageEvent[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!events.length) return <Empty description={t('task.history.empty')} />;
  return (
    <Timeline
      data-testid="task-history"
      items={events.map((e, i) => ({
        key: e.id,
        color: i === events.length - 1 ? 'blue' : 'gray',
        title: isoDay(e.at),
        content: (
          <div>
            <Typography.Text strong>{e.toName?.[lang] ?? e.toStage}</Typography.Text>
            {e.actionName && <Typography.Text type="secondary"> · {e.actionName[lang]}</Typography.Text>}
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(e.at).slice(11)} · {e.actorName ?? t('task.history.system')} · {t('task.history.days', { n: days(e.daysInStage) })}
              </Typography.Text>
            </div>
            {e.note && <div><Typography.Text italic>“{e.note}”</Typography.Text></div>}
          </div>
        ),
      }))}
    />
  );
}

export function TaskLineage({ task, writable }: { task: TaskDetail; writable: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form, ReproposeInput,
    (data) => api.post('/api/tasks/{id}/repropose', { params: { id: task.id }, body: data }), (created) => navigate(`/tasks/${created.id}`));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {task.lineage.length > 0 ? (
        <List
          size="small"
          dataSource={task.lineage}
          renderItem={(l) => (
            <List.Item>
              <Flex gap={8} align="center" wrap>
                <Tag>{l.proposalYear}</Tag>
                <Link to={`/tasks/${l.id}`}>{l.title}</Link>
                <StageTag stage={l.stage} name={l.stageName} />
              </Flex>
            </List.Item>
          )}
        />
      ) : <Typography.Text type="secondary">{t('task.lineage.none')}</Typography.Text>}
      {writable && task.stageCapabilities.allows.includes('repropose') && (
        <Form form={form} layout="inline" name="repropose" onFinish={submit} initialValues={{ proposalYear: task.proposalYear + 1 }}>
          <Form.Item name="proposalYear" label={t('task.lineage.year')} required><InputNumber min={task.proposalYear + 1} max={2100} /></Form.Item>
          <Form.Item name="title" label={t('task.lineage.newTitle')}><Input style={{ width: 360 }} placeholder={task.title} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>{t('task.lineage.repropose')}</Button>
        </Form>
      )}
    </Space>
  );
}
