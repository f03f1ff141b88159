/**
 * A startup's incubation page: its application (call, organisation), the services logged — kind from the list in
 * force, date, provider, hours and/or cost — with totals by kind, a form to log one, and the outcome record.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { IncubationOutcomeInput, IncubationServiceInput } from '../../../shared/schemas/incubation.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { api, isApiError, type Schemas } from '../../api.ts';
import { DateInput } from '../../components/date-input.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors, validateWith } from '../../form-validation.ts';
import { formatDay, formatNumber } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { canWriteIncubation } from './incubation-permissions.ts';

type Startup = Schemas['StartupDetail'];
type Service = Startup['services'][number];

export function StartupPage() {
  const { applicationId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const user = useUser();
  const writer = canWriteIncubation(user.role);
  const { showError, showSuccess } = useFeedback();
  const [startup, setStartup] = useState<Startup | null>(null);
  const [kinds, setKinds] = useState<Schemas['IncubationKindList']['items']>([]);
  const [busy, setBusy] = useState(false);
  const [serviceForm] = Form.useForm();
  const [outcomeForm] = Form.useForm();

  const load = useCallback(() => {
    api.get('/api/incubation/startups/{applicationId}', { params: { applicationId } }).then(setStartup).catch((e: unknown) => showError(e));
  }, [applicationId, showError]);
  useEffect(load, [load]);
  useEffect(() => {
    api.get('/api/incubation/kinds').then((r) => setKinds(r.items)).catch((e: unknown) => showError(e));
  }, [showError]);
  useEffect(() => {
    if (startup) outcomeForm.setFieldsValue(startup.outcome ?? {});
  }, [startup, outcomeForm]);

  const run = async (form: ReturnType<typeof Form.useForm>[0], fields: readonly string[], send: () => Promise<Startup>, reset: boolean) => {
    setBusy(true);
    try {
      const s = await send();
      setStartup(s);
      showSuccess(t('common.saved'));
      if (reset) form.resetFields();
    } catch (e) {
      if (isApiError(e)) applyServerErrors(form, e, fields);
      showError(e, { onReload: load });
    } finally {
      setBusy(false);
    }
  };

  const addService = (values: Record<string, unknown>) => {
    const checked = validateWith(IncubationServiceInput, values);
    if (!checked.ok) return serviceForm.setFields(checked.fields);
    return run(serviceForm, Object.keys(IncubationServiceInput.shape),
      () => api.post('/api/incubation/startups/{applicationId}/services', { params: { applicationId }, body: checked.data }), true);
  };
  const saveOutcome = (values: Record<string, unknown>) => {
    const checked = validateWith(IncubationOutcomeInput, { ...values, version: startup?.outcome?.version });
    if (!checked.ok) return outcomeForm.setFields(checked.fields);
    return run(outcomeForm, Object.keys(IncubationOutcomeInput.shape),
      () => api.put('/api/incubation/startups/{applicationId}/outcome', { params: { applicationId }, body: checked.data }), false);
  };
  const remove = (s: Service) => run(serviceForm, [], () => api.delete('/api/incubation/services/{id}', { params: { id: s.id }, query: { version: s.version } }), false);

  if (!startup) return null;
  const mayWrite = writer && startup.selected;
  const columns: ColumnsType<Service> = [
    { title: t('incubation.fields.providedOn'), dataIndex: 'providedOn', width: 120, render: (v: string) => formatDay(v) },
    { title: t('incubation.fields.kind'), key: 'kind', width: 260, render: (_, s) => s.kindLabel[lang] },
    { title: t('incubation.fields.provider'), dataIndex: 'provider' },
    { title: t('incubation.fields.hours'), dataIndex: 'hours', width: 100, align: 'right', render: (v: number | null) => (v === null ? t('common.none') : formatNumber(v, 1)) },
    { title: t('incubation.fields.amount'), dataIndex: 'amount', width: 150, align: 'right', render: (v: number | null) => (v === null ? t('common.none') : formatNumber(v, 0)) },
    { title: t('incubation.fields.note'), dataIndex: 'note', render: (v: string | null) => v ?? t('common.none') },
    ...(mayWrite ? [{
      title: t('common.actions'), key: 'actions', width: 100,
      render: (_: unknown, s: Service) => (
        <Popconfirm title={t('common.confirmDelete', { name: s.kindLabel[lang] })} onConfirm={() => remove(s)}>
          <Button size="small" danger aria-label={`${t('incubation.startup.remove')} ${s.kindLabel[lang]} ${formatDay(s.providedOn) ?? ''}`}>{t('incubation.startup.remove')}</Button>
        </Popconfirm>
      ),
    }] : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/incubation">← {t('incubation.startup.back')}</Link>
      <PageTitle>{t('incubation.startup.title', { title: startup.title })}</PageTitle>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'code', label: t('incubation.columns.code'), children: startup.code ?? t('common.none') },
        { key: 'org', label: t('incubation.columns.organization'), children: startup.organizationName },
        { key: 'call', label: t('incubation.call'), children: `${startup.callYear} — ${startup.callTitle}` },
        { key: 'stage', label: t('incubation.columns.stage'), children: startup.selected ? t('incubation.selectedTag') : t('incubation.notSelectedTag') },
      ]} />
      {!startup.selected && <Alert type="info" showIcon title={t('incubation.startup.notSelected')} />}
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('incubation.startup.services')}</Typography.Title>}>
        {mayWrite && (
          <Form form={serviceForm} layout="vertical" name="incubation_service" onFinish={addService} initialValues={{ providedOn: todayInVietnam() }}>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="kind" label={t('incubation.fields.kind')} required>
                  <Select options={kinds.map((k) => ({ value: k.key, label: k.label[lang] }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}><Form.Item name="providedOn" label={t('incubation.fields.providedOn')} required><DateInput /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="provider" label={t('incubation.fields.provider')} required><Input /></Form.Item></Col>
              <Col xs={12} md={4}><Form.Item name="hours" label={t('incubation.fields.hours')}><InputNumber<number> min={0} step={0.5} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={12} md={6}><Form.Item name="amount" label={t('incubation.fields.amount')}><InputNumber<number> min={0} step={1_000_000} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={24} md={14}><Form.Item name="note" label={t('incubation.fields.note')}><Input /></Form.Item></Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={busy} style={{ marginBottom: 16 }}>{t('incubation.startup.addService')}</Button>
          </Form>
        )}
        <Table<Service> rowKey="id" size="small" columns={columns} dataSource={startup.services} pagination={false}
          locale={{ emptyText: t('incubation.startup.noServices') }} scroll={{ x: 900 }} />
        <Typography.Paragraph strong style={{ marginTop: 12 }} data-testid="incubation-totals">
          {t('incubation.startup.totals', { hours: formatNumber(startup.totals.hours, 1), amount: formatNumber(startup.totals.amount, 0) })}
        </Typography.Paragraph>
      </Card>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('incubation.startup.outcomes')}</Typography.Title>}>
        <Form form={outcomeForm} layout="vertical" name="incubation_outcome" onFinish={saveOutcome} disabled={!mayWrite}>
          <Row gutter={12}>
            <Col xs={24} md={12}><Form.Item name="products" label={t('incubation.fields.products')}><Input.TextArea rows={2} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="ipFiled" label={t('incubation.fields.ipFiled')}><Input.TextArea rows={2} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="revenue" label={t('incubation.fields.revenue')}><InputNumber<number> min={0} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="jobs" label={t('incubation.fields.jobs')}><InputNumber<number> min={0} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="fundingRaised" label={t('incubation.fields.fundingRaised')}><InputNumber<number> min={0} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={24}><Form.Item name="note" label={t('incubation.fields.note')}><Input /></Form.Item></Col>
          </Row>
          {mayWrite && <Button type="primary" htmlType="submit" loading={busy}>{t('incubation.startup.saveOutcomes')}</Button>}
        </Form>
      </Card>
    </Space>
  );
}
