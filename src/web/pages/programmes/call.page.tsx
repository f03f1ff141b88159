/**
 * Một đợt nhận hồ sơ (DOST staff): the call's data (dates, budget, eligibility, support types, files required, the
 * scoring sheet) and its application form built with the field builder, with a preview rendered as applicants see
 * it; open / close; the applications of the call with filters (step, enterprise, text search folded as everywhere),
 * and the time from submission to decision (median and longest working days, clock stops left out).
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Divider, Flex, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { APPLICATION_DOCUMENT_KINDS, APPLICATION_STAGES, SUPPORT_TYPE_KEYS, fieldsToFormSchema } from '../../../shared/schemas/programmes.ts';
import { api, isApiError, type ApiError, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors } from '../../form-validation.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { LoadErrorPage } from '../../components/status-page.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { MoneyInput, useLang } from '../tasks/task-ui.tsx';
import { FormBuilder } from './form-builder.tsx';
import { CallForm } from './call-form.tsx';

type Call = Schemas['Call'];
type Summary = Schemas['ApplicationSummary'];

const starterForm = () => fieldsToFormSchema([
  { key: 'companyProfile', kind: 'long_text', title: { vi: 'Giới thiệu doanh nghiệp', en: 'Company profile' }, required: true },
]);

export function CallPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { showError, showSuccess } = useFeedback();
  const [form] = Form.useForm();
  const [call, setCall] = useState<Call | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [schema, setSchema] = useState<Record<string, unknown>>(starterForm());
  const [programmes, setProgrammes] = useState<Schemas['Programme'][]>([]);
  const [apps, setApps] = useState<Summary[]>([]);
  const [timing, setTiming] = useState<Schemas['CallTiming'] | null>(null);
  const [filters, setFilters] = useState<{ stage?: string; q?: string }>({});
  const [criteria, setCriteria] = useState<{ key: string; name: { vi: string; en: string }; maxPoints: number }[]>([]);

  const load = useCallback(async () => {
    try {
      setProgrammes((await api.get('/api/programmes', { query: { limit: 200 } })).items);
      if (isNew) {
        form.setFieldsValue({ year: new Date().getFullYear(), supportTypes: [], requiredDocuments: ['application_form'] });
        return;
      }
      const c = await api.get('/api/programme-calls/{id}', { params: { id: id! } });
      setCall(c);
      setSchema(c.formSchema);
      setCriteria(c.scoringSheet?.criteria ?? []);
      form.setFieldsValue(c);
      setTiming(await api.get('/api/programme-calls/{id}/timing', { params: { id: id! } }));
    } catch (e) {
      if (isApiError(e)) setLoadError(e); else showError(e);
    }
  }, [id, isNew, form, showError]);
  useEffect(() => { void load(); }, [load]);

  const loadApps = useCallback(async () => {
    if (isNew) return;
    try {
      setApps((await api.get('/api/programme-applications', { query: { callId: id!, limit: 200, ...(filters.stage ? { stage: filters.stage as never } : {}), ...(filters.q ? { q: filters.q } : {}) } })).items);
    } catch (e) { showError(e); }
  }, [id, isNew, filters, showError]);
  useEffect(() => { void loadApps(); }, [loadApps]);

  const save = async () => {
    const v = form.getFieldsValue(true) as Record<string, unknown>;
    const body = {
      programmeId: v.programmeId, code: v.code, title: v.title, year: v.year, opensOn: v.opensOn, closesOn: v.closesOn, budget: v.budget ?? null,
      eligibility: v.eligibility ?? null, supportTypes: v.supportTypes ?? [], formSchema: schema, selectTop: v.selectTop ?? null,
      requiredDocuments: v.requiredDocuments ?? [], scoringSheet: criteria.length ? { criteria } : null,
    };
    try {
      const saved = call
        ? await api.put('/api/programme-calls/{id}', { params: { id: call.id }, body: { ...body, version: call.version } as never })
        : await api.post('/api/programme-calls', { body: body as never });
      showSuccess(t('programmes.call.saved'));
      setCall(saved);
      if (isNew) navigate(`/programmes/calls/${saved.id}`, { replace: true });
    } catch (e) {
      if (isApiError(e)) applyServerErrors(form, e, ['programmeId', 'code', 'title', 'year', 'opensOn', 'closesOn', 'budget', 'eligibility', 'supportTypes', 'selectTop', 'requiredDocuments']);
      showError(e);
    }
  };

  const setStatus = async (status: 'open' | 'closed') => {
    if (!call) return;
    try {
      setCall(await api.post('/api/programme-calls/{id}/status', { params: { id: call.id }, body: { status, version: call.version } }));
      showSuccess(t('programmes.call.statusChanged'));
    } catch (e) { showError(e); }
  };

  if (loadError) return <LoadErrorPage status={loadError.status} message={loadError.message} />;
  const locked = (call?.applicationCount ?? 0) > 0;
  return (
    <>
      <PageTitle>{call ? t('programmes.call.title', { title: call.title }) : t('programmes.call.newTitle')}</PageTitle>
      {call && (
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Tag color={call.status === 'open' ? 'green' : undefined}>{t(`programmes.callStatus.${call.status}`)}</Tag>
          {call.status === 'draft' && <Button onClick={() => void setStatus('open')}>{t('programmes.call.open')}</Button>}
          {call.status === 'open' && <Button onClick={() => void setStatus('closed')}>{t('programmes.call.close')}</Button>}
        </Flex>
      )}
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={12}><Form.Item name="programmeId" label={t('programmes.call.programme')} required>
            <Select options={programmes.map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))} />
          </Form.Item></Col>
          <Col xs={24} md={6}><Form.Item name="code" label={t('programmes.call.code')} required><Input /></Form.Item></Col>
          <Col xs={24} md={6}><Form.Item name="year" label={t('programmes.call.year')} required><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24}><Form.Item name="title" label={t('programmes.call.name')} required><Input /></Form.Item></Col>
          <Col xs={24} md={6}><Form.Item name="opensOn" label={t('programmes.call.opensOn')} required><DateInput /></Form.Item></Col>
          <Col xs={24} md={6}><Form.Item name="closesOn" label={t('programmes.call.closesOn')} required><DateInput /></Form.Item></Col>
          <Col xs={24} md={6}><Form.Item name="budget" label={t('programmes.call.budget')}><MoneyInput style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24} md={6}><Form.Item name="selectTop" label={t('programmes.call.selectTop')}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24}><Form.Item name="eligibility" label={t('programmes.call.eligibility')}><Input.TextArea rows={2} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="supportTypes" label={t('programmes.call.supportTypes')}>
            <Select mode="tags" options={SUPPORT_TYPE_KEYS.map((k) => ({ value: k, label: k }))} />
          </Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="requiredDocuments" label={t('programmes.call.requiredDocuments')}>
            <Select mode="multiple" disabled={locked} options={APPLICATION_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`programmes.docKinds.${k}`) }))} />
          </Form.Item></Col>
        </Row>
      </Form>
      <Card size="small" title={t('programmes.call.scoring')} style={{ marginBottom: 16 }}>
        {criteria.map((c, i) => (
          <Flex key={i} gap={8} style={{ marginBottom: 4 }}>
            <Input aria-label={t('programmes.call.criterion')} placeholder={t('programmes.call.criterion')} value={c.name.vi}
              onChange={(e) => setCriteria(criteria.map((x, j) => (j === i ? { ...x, name: { ...x.name, vi: e.target.value } } : x)))} />
            <Input aria-label={t('programmes.call.criterionEn')} placeholder={t('programmes.call.criterionEn')} value={c.name.en}
              onChange={(e) => setCriteria(criteria.map((x, j) => (j === i ? { ...x, name: { ...x.name, en: e.target.value } } : x)))} />
            <InputNumber aria-label={t('programmes.call.maxPoints')} min={1} value={c.maxPoints}
              onChange={(v) => setCriteria(criteria.map((x, j) => (j === i ? { ...x, maxPoints: v ?? 1 } : x)))} />
            <Button danger icon={<DeleteOutlined />} aria-label={t('programmes.builder.remove')} onClick={() => setCriteria(criteria.filter((_, j) => j !== i))} />
          </Flex>
        ))}
        <Button size="small" icon={<PlusOutlined />} onClick={() => setCriteria([...criteria, { key: `c${criteria.length + 1}`, name: { vi: '', en: '' }, maxPoints: 10 }])}>
          {t('programmes.call.addCriterion')}
        </Button>
      </Card>
      <Card size="small" title={t('programmes.call.form')} style={{ marginBottom: 16 }}>
        {locked && <Alert type="info" showIcon message={t('programmes.call.locked')} style={{ marginBottom: 8 }} />}
        <FormBuilder value={schema} onChange={setSchema} disabled={locked} />
        {call && JSON.stringify(call.formSchema) === JSON.stringify(schema) && (
          <>
            <Divider>{t('programmes.builder.preview')}</Divider>
            <CallForm callId={call.id} schema={schema} value={{}} />
          </>
        )}
      </Card>
      <Button type="primary" onClick={() => void save()}>{t('programmes.call.save')}</Button>
      {call && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>{t('programmes.call.timing')}</Typography.Title>
          {timing && (
            <div data-testid="call-timing">
              <Typography.Paragraph>
                {timing.decided > 0
                  ? t('programmes.call.timingText', { decided: timing.decided, median: formatNumber(timing.medianWorkingDays ?? 0, 1), max: formatNumber(timing.maxWorkingDays ?? 0, 1), pending: timing.pending })
                  : t('programmes.call.timingNone', { pending: timing.pending })}
              </Typography.Paragraph>
              {timing.byStage.length > 0 && (
                <Typography.Paragraph type="secondary">
                  {t('programmes.call.stageTimes')}: {timing.byStage.map((s) => `${s.name?.[lang] ?? s.stage} ${formatNumber(s.medianWorkingDays, 1)} / ${formatNumber(s.maxWorkingDays, 1)}`).join(' · ')}
                </Typography.Paragraph>
              )}
            </div>
          )}
          <Typography.Title level={2} style={{ fontSize: 18 }}>{t('programmes.call.applications')}</Typography.Title>
          <Space wrap style={{ marginBottom: 8 }}>
            <Select allowClear placeholder={t('programmes.filters.stage')} aria-label={t('programmes.filters.stage')} style={{ minWidth: 220 }}
              options={APPLICATION_STAGES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: s }))} onChange={(stage?: string) => setFilters({ ...filters, stage })} />
            <Input.Search allowClear placeholder={t('programmes.filters.search')} aria-label={t('programmes.filters.search')} style={{ minWidth: 300 }}
              onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined })} />
          </Space>
          <Table<Summary> rowKey="id" size="small" dataSource={apps} pagination={false} scroll={{ x: 'max-content' }} columns={[
            { title: t('programmes.application.code'), render: (_, a) => <Link to={`/programme-applications/${a.id}`}>{a.code ?? a.title}</Link> },
            { title: t('programmes.application.name'), dataIndex: 'title' },
            { title: t('programmes.application.organization'), dataIndex: 'organizationName' },
            { title: t('programmes.application.stage'), render: (_, a) => <Tag color={a.awaitingAdditions ? 'orange' : undefined}>{a.stageName[lang]}</Tag> },
            { title: t('programmes.application.submittedAt'), render: (_, a) => (a.submittedAt ? formatDateTime(a.submittedAt) : '') },
          ]} />
        </>
      )}
    </>
  );
}
