/**
 * Propose a task (Đề xuất nhiệm vụ) or edit one, in a drawer: general information, the organisations taking part,
 * members, funding by year and planned products with their specification. The form is validated with the shared TaskCreate / TaskUpdate schemas;
 * an edit sends the version it read (a stale one gets 409 with a reload offer).
 */
import { useEffect, useState } from 'react';
import { Button, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../format.ts';
import {
  ASSIGNMENT_MODES, FUNDING_MODES, MEMBER_ROLES, PARTICIPANT_ROLES, PRODUCT_KINDS, PRODUCT_STATUSES, TASK_LEVELS, TASK_TYPES, TaskCreate,
  TaskUpdate, type TaskDetail,
} from '../../../shared/schemas/tasks.ts';
import { api } from '../../api.ts';
import { OrganizationSelect } from '../../components/organization-select.tsx';
import { ScienceFieldSelect } from '../../components/science-field-select.tsx';
import { useFeedback } from '../../feedback.tsx';
import { isRequired, validateWith, zodRules } from '../../form-validation.ts';
import { useRecordSave } from '../../record-form.ts';
import { DateInput } from '../../components/date-input.tsx';
import { MoneyInput, PersonSelect, money, useEnumOptions, useLang } from './task-ui.tsx';
import { SimilarToProposal } from './similar-tasks.tsx';

interface Props {
  open: boolean;
  /** The task to edit; null to propose a new one. */
  record: TaskDetail | null;
  onClose(): void;
  onSaved(task: TaskDetail, created: boolean): void;
}

const emptyTask = () => ({
  type: 'research_topic', level: 'provincial', proposalYear: new Date().getFullYear(), members: [], funding: [], products: [], participants: [],
});

function toFormValues(r: TaskDetail) {
  return {
    title: r.title, type: r.type, level: r.level, scienceField: r.scienceField, hostOrganizationId: r.hostOrganizationId,
    principalInvestigatorId: r.principalInvestigatorId, assignmentMode: r.assignmentMode, fundingMode: r.fundingMode,
    proposalYear: r.proposalYear, code: r.code, startDate: r.startDate, endDate: r.endDate, summary: r.summary,
    members: r.members.map((m) => ({ personId: m.personId, role: m.role })),
    participants: r.participants.map((p) => ({ organizationId: p.organizationId, role: p.role, note: p.note })),
    funding: r.funding.map((f) => ({ year: f.year, stateBudget: f.stateBudget, counterpart: f.counterpart })),
    products: r.products.map((p) => ({
      name: p.name, kind: p.kind, specification: p.specification, quantity: p.quantity, unit: p.unit, status: p.status,
    })),
  };
}

/** Existing tasks like the proposal, as its title and summary are typed (debounced in SimilarToProposal). */
function SimilarWhileTyping({ excludeId }: { excludeId?: string }) {
  const title = Form.useWatch('title') as string | undefined;
  const summary = Form.useWatch('summary') as string | null | undefined;
  return <SimilarToProposal title={title} summary={summary} excludeId={excludeId} />;
}

function FundingTotals() {
  const { t } = useTranslation();
  const funding = (Form.useWatch('funding') ?? []) as { stateBudget?: number; counterpart?: number }[];
  const state = funding.reduce((s, f) => s + (Number(f?.stateBudget) || 0), 0);
  const counterpart = funding.reduce((s, f) => s + (Number(f?.counterpart) || 0), 0);
  return (
    <Typography.Text type="secondary" data-testid="funding-totals">
      {t('task.funding.totalState')}: <b>{money(state)}</b> · {t('task.funding.totalCounterpart')}: <b>{money(counterpart)}</b>
      {state > 0 && <> · {t('task.funding.share')}: <b>{formatPercent((counterpart / state) * 100)}</b></>}
    </Typography.Text>
  );
}

export function TaskFormDrawer({ open, record: initial, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm();
  const [record, setRecord] = useState<TaskDetail | null>(initial);
  const { showError } = useFeedback();
  const types = useEnumOptions(TASK_TYPES, 'task.types');
  const levels = useEnumOptions(TASK_LEVELS, 'task.levels');
  const assignment = useEnumOptions(ASSIGNMENT_MODES, 'task.assignmentModes');
  const fundingModes = useEnumOptions(FUNDING_MODES, 'task.fundingModes');
  const memberRoles = useEnumOptions(MEMBER_ROLES, 'task.memberRoles');
  const participantRoles = useEnumOptions(PARTICIPANT_ROLES, 'task.participantRoles');
  const kinds = useEnumOptions(PRODUCT_KINDS, 'task.productKinds');
  const statuses = useEnumOptions(PRODUCT_STATUSES, 'task.productStatuses');

  const fill = (r: TaskDetail | null) => {
    setRecord(r);
    form.resetFields();
    form.setFieldsValue(r ? toFormValues(r) : emptyTask());
  };
  useEffect(() => { if (open) fill(initial); }, [open, initial]); // deliberately only when opened (react-hooks lint is not installed)

  const reload = async () => {
    if (!record) return;
    try {
      fill(await api.get('/api/tasks/{id}', { params: { id: record.id } }));
    } catch (e) {
      showError(e);
    }
  };

  const { saving, submit } = useRecordSave({
    form, inputSchema: TaskCreate, updateSchema: TaskUpdate, basePath: '/api/tasks', record, onSaved, onReload: () => void reload(),
  });

  /** The field rules check top-level fields only; when they fail, flag the members, funding and products rows too. */
  const showNestedErrors = (values: Record<string, unknown>) => {
    const checked = validateWith(TaskCreate, values);
    if (!checked.ok) form.setFields(checked.fields.filter((f) => f.name.length > 1));
  };

  const label = (name: string) => t(`task.fields.${name}`);
  const item = (name: keyof typeof TaskCreate.shape) => ({
    name, label: label(name), rules: zodRules(TaskCreate, name), required: isRequired(TaskCreate, name),
  });
  const personName = (id: string | null | undefined) => {
    if (!record || !id) return null;
    if (id === record.principalInvestigatorId && record.principalInvestigatorName) return { value: id, label: record.principalInvestigatorName };
    const m = record.members.find((x) => x.personId === id);
    return m ? { value: id, label: m.fullName } : null;
  };
  const organizationName = (id: string | null | undefined) => {
    const p = record?.participants.find((x) => x.organizationId === id);
    return p ? { value: p.organizationId, label: p.organizationName } : null;
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={record ? t('task.edit') : t('task.new')}
      size={920}
      destroyOnHidden
      footer={(
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{record ? t('common.save') : t('task.submitProposal')}</Button>
        </Flex>
      )}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={({ values }) => showNestedErrors(values as Record<string, unknown>)}
        initialValues={emptyTask()}
        name="task"
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item {...item('title')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item {...item('type')}><Select options={types} /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item {...item('level')}><Select options={levels} /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item {...item('proposalYear')}><InputNumber style={{ width: '100%' }} min={1990} max={2100} /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('scienceField')}><ScienceFieldSelect /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('code')} extra={t('task.codeHint')}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('hostOrganizationId')}>
              <OrganizationSelect
                placeholder={t('task.searchOrganization')}
                initialOption={record?.hostOrganizationId && record.hostOrganizationName ? { value: record.hostOrganizationId, label: record.hostOrganizationName } : null}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('principalInvestigatorId')}>
              <PersonSelect placeholder={t('task.searchPerson')} initialOption={personName(record?.principalInvestigatorId)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('assignmentMode')}><Select allowClear options={assignment} /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('fundingMode')}><Select allowClear options={fundingModes} /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('startDate')}><DateInput /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('endDate')}><DateInput /></Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...item('summary')}><Input.TextArea rows={3} /></Form.Item>
          </Col>
          <Col span={24}>
            <SimilarWhileTyping excludeId={record?.id} />
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('task.sections.participants')}</Divider>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top" wrap={false}>
                  <Col flex="1 1 0" style={{ minWidth: 0 }}>
                    <Form.Item name={[f.name, 'organizationId']}>
                      <OrganizationSelect
                        placeholder={t('task.searchOrganization')}
                        aria-label={t('task.participant.organization')}
                        initialOption={organizationName(form.getFieldValue(['participants', f.name, 'organizationId']))}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="230px">
                    <Form.Item name={[f.name, 'role']} initialValue="cooperating_enterprise">
                      <Select options={participantRoles} aria-label={t('task.participant.role')} />
                    </Form.Item>
                  </Col>
                  <Col flex="180px">
                    <Form.Item name={[f.name, 'note']}><Input placeholder={t('task.participant.note')} aria-label={t('task.participant.note')} /></Form.Item>
                  </Col>
                  <Col flex="40px">
                    <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'cooperating_enterprise' })}>{t('task.addParticipant')}</Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('task.sections.members')}</Divider>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'personId']}>
                      <PersonSelect placeholder={t('task.searchPerson')} initialOption={personName(form.getFieldValue(['members', f.name, 'personId']))} />
                    </Form.Item>
                  </Col>
                  <Col flex="220px">
                    <Form.Item name={[f.name, 'role']} initialValue="member"><Select options={memberRoles} aria-label={label('memberRole')} /></Form.Item>
                  </Col>
                  <Col flex="40px">
                    <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>{t('task.addMember')}</Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('task.sections.funding')}</Divider>
        <Typography.Paragraph type="secondary">{t('task.funding.unitHint')}</Typography.Paragraph>
        <Form.List name="funding">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col flex="120px">
                    <Form.Item name={[f.name, 'year']} label={t('task.funding.year')}>
                      <InputNumber style={{ width: '100%' }} min={1990} max={2100} />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'stateBudget']} label={t('task.funding.stateBudget')} initialValue={0}><MoneyInput /></Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'counterpart']} label={t('task.funding.counterpart')} initialValue={0}><MoneyInput /></Form.Item>
                  </Col>
                  <Col flex="40px" style={{ paddingTop: 30 }}>
                    <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => {
                    const years = ((form.getFieldValue('funding') ?? []) as { year?: number }[]).map((x) => x?.year ?? 0);
                    add({ year: years.length ? Math.max(...years) + 1 : form.getFieldValue('proposalYear') + 1, stateBudget: 0, counterpart: 0 });
                  }}
                >
                  {t('task.addFundingYear')}
                </Button>
                <FundingTotals />
              </Flex>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('task.sections.products')}</Divider>
        <Form.List name="products">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0', marginBottom: 12 }}>
                  <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                    <Typography.Text strong>{t('task.productN', { n: i + 1 })}</Typography.Text>
                    <Button size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                  </Flex>
                  <Row gutter={8}>
                    <Col xs={24} md={14}>
                      <Form.Item name={[f.name, 'name']} label={t('task.product.name')} required><Input /></Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item name={[f.name, 'kind']} label={t('task.product.kind')} initialValue="model"><Select options={kinds} /></Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item name={[f.name, 'specification']} label={t('task.product.specification')} required extra={t('task.product.specificationHint')}>
                        <Input.TextArea rows={2} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[f.name, 'quantity']} label={t('task.product.quantity')}><InputNumber style={{ width: '100%' }} min={0} decimalSeparator={lang === 'vi' ? ',' : '.'} /></Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[f.name, 'unit']} label={t('task.product.unit')}><Input /></Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[f.name, 'status']} label={t('task.product.status')} initialValue="planned"><Select options={statuses} /></Form.Item>
                    </Col>
                  </Row>
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'model', status: 'planned' })}>{t('task.addProduct')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
