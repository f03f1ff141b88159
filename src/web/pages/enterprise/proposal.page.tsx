/**
 * Đề xuất nhiệm vụ: an enterprise writes a task proposal of its own organisation (the server makes it the host),
 * saves it as a draft (ProposalInput), attaches the proposal form and other papers once it is saved, and submits it
 * to the DOST — the form is checked with ProposalReady first, the server checks the same schema and the documents
 * the workflow's first stage requires, and its field problems land on the fields. A stale version (409) offers to
 * load the latest draft.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Divider, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Spin, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PRODUCT_KINDS, TASK_LEVELS, TASK_TYPES, type TaskDetail } from '../../../shared/schemas/tasks.ts';
import { ProposalInput, ProposalReady } from '../../../shared/schemas/tasks-proposals.ts';
import { api, fieldProblems, isApiError, type ApiError, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors, isRequired, validateWith, zodRules } from '../../form-validation.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { LoadErrorPage } from '../../components/status-page.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { ScienceFieldSelect } from '../../components/science-field-select.tsx';
import { MoneyInput, useEnumOptions, useLang } from '../tasks/task-ui.tsx';
import { TaskFiles } from './task-files.tsx';
import { useOwnOrganizationName } from './use-own-organization.ts';

const FIELDS = ['title', 'type', 'level', 'scienceField', 'proposalYear', 'summary', 'startDate', 'endDate', 'funding', 'products'] as const;

const emptyProposal = () => ({ type: 'research_topic', level: 'provincial', proposalYear: new Date().getFullYear() + 1, funding: [], products: [] });

function toFormValues(d: TaskDetail) {
  return {
    title: d.title, type: d.type, level: d.level, scienceField: d.scienceField, proposalYear: d.proposalYear, summary: d.summary,
    startDate: d.startDate, endDate: d.endDate,
    funding: d.funding.map((f) => ({ year: f.year, stateBudget: f.stateBudget, counterpart: f.counterpart })),
    products: d.products.map((p) => ({ name: p.name, kind: p.kind, specification: p.specification, quantity: p.quantity, unit: p.unit, status: p.status })),
  };
}

export function ProposalPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { showError, showSuccess } = useFeedback();
  const [form] = Form.useForm();
  const organization = useOwnOrganizationName();
  const [draft, setDraft] = useState<TaskDetail | null>(null);
  const [actions, setActions] = useState<Schemas['TaskActions'] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [conflict, setConflict] = useState(false);
  const [documentProblems, setDocumentProblems] = useState<string[]>([]);
  const [kindNames, setKindNames] = useState<Map<string, { vi: string; en: string }>>(new Map());
  const types = useEnumOptions(TASK_TYPES, 'task.types');
  const levels = useEnumOptions(TASK_LEVELS, 'task.levels');
  const productKinds = useEnumOptions(PRODUCT_KINDS, 'task.productKinds');

  const load = useCallback(async () => {
    if (!id) return;
    try {
      const [task, acts] = await Promise.all([
        api.get('/api/tasks/{id}', { params: { id } }), api.get('/api/tasks/{id}/actions', { params: { id } }),
      ]);
      setDraft(task);
      setActions(acts);
      setConflict(false);
      form.resetFields();
      form.setFieldsValue(toFormValues(task));
    } catch (e) {
      if (isApiError(e)) setLoadError(e);
      else showError(e);
    }
  }, [id, form, showError]);
  useEffect(() => {
    setDraft(null);
    setLoadError(null);
    if (id) void load();
    else { form.resetFields(); form.setFieldsValue(emptyProposal()); }
  }, [id, load, form]);

  const refreshActions = useCallback(async () => {
    if (!draft) return;
    try {
      setActions(await api.get('/api/tasks/{id}/actions', { params: { id: draft.id } }));
      setDocumentProblems([]);
    } catch (e) {
      showError(e);
    }
  }, [draft, showError]);

  /** Field errors of a schema on the form (top-level and rows); false when the values do not pass. */
  const check = (schema: typeof ProposalInput | typeof ProposalReady) => {
    const checked = validateWith(schema, form.getFieldsValue(true) as Record<string, unknown>);
    if (!checked.ok) {
      form.setFields(checked.fields);
      form.scrollToField(checked.fields[0].name);
      return null;
    }
    return checked.data;
  };

  const failed = (e: unknown) => {
    if (isApiError(e) && e.status === 409 && e.code === 'common.version_conflict') { setConflict(true); return; }
    if (isApiError(e)) {
      applyServerErrors(form, e, FIELDS);
      const docs = fieldProblems(e).filter((p) => p.path.startsWith('documents.')).map((p) => p.message ?? p.code);
      setDocumentProblems(docs);
    }
    showError(e);
  };

  /** Saves the form as the draft (creating it the first time); returns the saved draft, or null. */
  const save = async (schema: typeof ProposalInput | typeof ProposalReady): Promise<TaskDetail | null> => {
    const values = check(schema);
    if (!values) return null;
    try {
      const saved = draft
        ? await api.put('/api/tasks/proposals/{id}', { params: { id: draft.id }, body: { ...values, version: draft.version } })
        : await api.post('/api/tasks/proposals', { body: values });
      setDraft(saved);
      return saved;
    } catch (e) {
      failed(e);
      return null;
    }
  };

  const saveDraft = async () => {
    setBusy('save');
    const saved = await save(ProposalInput);
    setBusy(null);
    if (!saved) return;
    showSuccess(t('enterprise.proposal.saved'));
    if (!id) navigate(`/propose-task/${saved.id}`, { replace: true });
    else void refreshActions();
  };

  const submit = async () => {
    setBusy('submit');
    const saved = await save(ProposalReady);
    if (!saved) { setBusy(null); return; }
    try {
      const sent = await api.post('/api/tasks/proposals/{id}/submit', { params: { id: saved.id }, body: { version: saved.version } });
      showSuccess(t('enterprise.proposal.submitted'));
      navigate(`/tasks/${sent.id}`);
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    if (!draft) return;
    try {
      await api.delete('/api/tasks/proposals/{id}', { params: { id: draft.id }, query: { version: draft.version } });
      showSuccess(t('enterprise.proposal.deleted'));
      navigate('/my-tasks');
    } catch (e) {
      failed(e);
    }
  };

  if (loadError) {
    return <LoadErrorPage status={loadError.status} message={loadError.message} extra={<Link to="/my-tasks"><Button>{t('enterprise.menu.myTasks')}</Button></Link>} />;
  }
  if (id && !draft) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (draft && draft.submittedAt) {
    return (
      <Card>
        <PageTitle>{draft.title}</PageTitle>
        <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('enterprise.proposal.notDraft')}
          action={<Link to={`/tasks/${draft.id}`}><Button>{t('enterprise.proposal.openTask')}</Button></Link>} />
      </Card>
    );
  }

  const item = (name: (typeof FIELDS)[number]) => ({
    name, label: t(`task.fields.${name}`), rules: zodRules(ProposalInput, name), required: isRequired(ProposalReady, name),
  });
  const submitStep = actions?.actions.find((a) => a.action === 'submit_proposal');
  const missing = submitStep && !submitStep.ready ? [
    ...submitStep.missingFields.map((f) => t(`task.fields.${f}`)),
    ...submitStep.missingDocuments.map((d) => kindNames.get(d)?.[lang] ?? d),
  ] : [];

  return (
    <>
      <Card>
        <PageTitle>{draft ? t('enterprise.proposal.editTitle') : t('enterprise.proposal.newTitle')}</PageTitle>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('enterprise.proposal.intro', { organization: draft?.hostOrganizationName ?? organization ?? '…' })}
        </Typography.Paragraph>
      </Card>
      {conflict && (
        <Alert style={{ marginTop: 16 }} type="warning" showIcon title={t('enterprise.proposal.conflict')}
          action={<Button onClick={() => void load()}>{t('enterprise.proposal.reload')}</Button>} />
      )}
      <Card style={{ marginTop: 16 }}>
        <Form form={form} layout="vertical" name="proposal" initialValues={emptyProposal()} onFinish={() => void saveDraft()}>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>{t('enterprise.proposal.sections.general')}</Typography.Title>
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item {...item('title')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item>
            </Col>
            <Col xs={24} md={8}><Form.Item {...item('type')}><Select options={types} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item {...item('level')}><Select options={levels} /></Form.Item></Col>
            <Col xs={24} md={8}>
              <Form.Item {...item('proposalYear')}><InputNumber style={{ width: '100%' }} min={1990} max={2100} /></Form.Item>
            </Col>
            <Col xs={24} md={12}><Form.Item {...item('scienceField')}><ScienceFieldSelect /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item {...item('startDate')}><DateInput /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item {...item('endDate')}><DateInput /></Form.Item></Col>
            <Col span={24}><Form.Item {...item('summary')}><Input.TextArea rows={4} /></Form.Item></Col>
          </Row>

          <Divider />
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>{t('enterprise.proposal.sections.funding')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('task.funding.unitHint')}</Typography.Paragraph>
          <Form.List name="funding">
            {(fields, { add, remove: removeRow }) => (
              <>
                {fields.map((f, i) => (
                  <Row gutter={8} key={f.key} align="top">
                    <Col xs={24} sm={6}>
                      <Form.Item name={[f.name, 'year']} label={t('task.funding.year')}><InputNumber style={{ width: '100%' }} min={1990} max={2100} /></Form.Item>
                    </Col>
                    <Col xs={11} sm={8}>
                      <Form.Item name={[f.name, 'stateBudget']} label={t('task.funding.stateBudget')} initialValue={0}><MoneyInput /></Form.Item>
                    </Col>
                    <Col xs={11} sm={8}>
                      <Form.Item name={[f.name, 'counterpart']} label={t('task.funding.counterpart')} initialValue={0}><MoneyInput /></Form.Item>
                    </Col>
                    <Col xs={2} sm={2} style={{ paddingTop: 30 }}>
                      <Button icon={<DeleteOutlined />} aria-label={t('enterprise.proposal.removeFunding', { n: i + 1 })} onClick={() => removeRow(f.name)} />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => {
                  const years = ((form.getFieldValue('funding') ?? []) as { year?: number }[]).map((x) => x?.year ?? 0);
                  add({ year: years.length ? Math.max(...years) + 1 : Number(form.getFieldValue('proposalYear')) || new Date().getFullYear(), stateBudget: 0, counterpart: 0 });
                }}>{t('task.addFundingYear')}</Button>
              </>
            )}
          </Form.List>

          <Divider />
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>{t('enterprise.proposal.sections.products')}</Typography.Title>
          <Form.List name="products">
            {(fields, { add, remove: removeRow }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0', marginBottom: 12 }}>
                    <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                      <Typography.Text strong>{t('task.productN', { n: i + 1 })}</Typography.Text>
                      <Button size="small" icon={<DeleteOutlined />} aria-label={t('enterprise.proposal.removeProduct', { n: i + 1 })} onClick={() => removeRow(f.name)} />
                    </Flex>
                    <Row gutter={8}>
                      <Col xs={24} md={14}><Form.Item name={[f.name, 'name']} label={t('task.product.name')} required><Input /></Form.Item></Col>
                      <Col xs={24} md={10}><Form.Item name={[f.name, 'kind']} label={t('task.product.kind')} initialValue="model"><Select options={productKinds} /></Form.Item></Col>
                      <Col span={24}>
                        <Form.Item name={[f.name, 'specification']} label={t('task.product.specification')} required extra={t('task.product.specificationHint')}>
                          <Input.TextArea rows={2} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'model', status: 'planned' })}>{t('task.addProduct')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Card>

      <Card style={{ marginTop: 16 }}>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>{t('enterprise.proposal.sections.files')}</Typography.Title>
        {draft ? (
          <TaskFiles taskId={draft.id} requiredKinds={submitStep?.missingDocuments ?? []} preferredKinds={['proposal_form']} onChanged={() => void refreshActions()}
            onLoaded={(l) => setKindNames(new Map(l.kinds.map((k) => [k.kind, k.name])))} testId="proposal-files" />
        ) : (
          <Typography.Paragraph type="secondary">{t('enterprise.proposal.filesHint')}</Typography.Paragraph>
        )}
        {documentProblems.length > 0 && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} data-testid="document-problems" title={documentProblems.join(' ')} />
        )}
      </Card>

      <Card style={{ marginTop: 16 }}>
        {draft && submitStep && (
          <Typography.Paragraph type={submitStep.ready ? undefined : 'secondary'} data-testid="proposal-readiness">
            {submitStep.ready ? t('enterprise.proposal.ready') : t('enterprise.proposal.missing', { list: missing.join('; ') })}
          </Typography.Paragraph>
        )}
        <Flex wrap gap={8} justify="space-between">
          <Space wrap>
            <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy !== null} onClick={() => void saveDraft()}>{t('enterprise.proposal.saveDraft')}</Button>
            {draft && (
              <Popconfirm title={t('enterprise.proposal.confirmSubmit')} okText={t('enterprise.proposal.submit')} cancelText={t('common.cancel')} onConfirm={() => submit()}>
                <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={busy !== null}>{t('enterprise.proposal.submit')}</Button>
              </Popconfirm>
            )}
          </Space>
          {draft && (
            <Popconfirm title={t('enterprise.proposal.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove()}>
              <Button danger icon={<DeleteOutlined />}>{t('enterprise.proposal.delete')}</Button>
            </Popconfirm>
          )}
        </Flex>
      </Card>
    </>
  );
}
