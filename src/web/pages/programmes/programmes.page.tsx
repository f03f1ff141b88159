/**
 * Chương trình hỗ trợ (DOST staff): the programmes with their legal basis, and the calls of every programme with
 * their dates, status and submitted applications. A programme is added or edited in a modal (its legal basis picked
 * from the legal-documents register); a call opens its own page (/programmes/calls/:id, or /programmes/calls/new).
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Checkbox, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PROGRAMME_KINDS } from '../../../shared/schemas/programmes.ts';
import { api, isApiError, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors } from '../../form-validation.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDay } from '../../format.ts';
import { LegalDocumentSelect } from '../legal-documents/legal-document-select.tsx';
import { useUser } from '../../session.tsx';
import { PROGRAMME_EDITORS } from '../../../shared/permissions.ts';

type Programme = Schemas['Programme'];
type Call = Schemas['Call'];

export function ProgrammesPage() {
  const { t } = useTranslation();
  const { showError, showSuccess } = useFeedback();
  const user = useUser();
  const editor = PROGRAMME_EDITORS.has(user.role);
  const [programmes, setProgrammes] = useState<Programme[]>([]);
  const [calls, setCalls] = useState<Call[]>([]);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    try {
      const [p, c] = await Promise.all([
        api.get('/api/programmes', { query: { limit: 200, ...(q.trim() ? { q: q.trim() } : {}) } }),
        api.get('/api/programme-calls', { query: { limit: 200, ...(q.trim() ? { q: q.trim() } : {}) } }),
      ]);
      setProgrammes(p.items);
      setCalls(c.items);
    } catch (e) { showError(e); }
  }, [q, showError]);
  useEffect(() => { void load(); }, [load]);

  const openEditor = (p: Programme | 'new') => {
    setEditing(p);
    form.resetFields();
    form.setFieldsValue(p === 'new' ? { kind: 'productivity_quality', active: true } : p);
  };
  const save = async () => {
    const v = form.getFieldsValue(true) as Record<string, unknown>;
    const body = { code: v.code, kind: v.kind, name: v.name, nameEn: v.nameEn ?? null, legalDocumentId: v.legalDocumentId ?? null, description: v.description ?? null, active: v.active !== false };
    try {
      if (editing === 'new') await api.post('/api/programmes', { body: body as never });
      else if (editing) await api.put('/api/programmes/{id}', { params: { id: editing.id }, body: { ...body, version: editing.version } as never });
      showSuccess(t('programmes.call.saved'));
      setEditing(null);
      await load();
    } catch (e) {
      if (isApiError(e)) applyServerErrors(form, e, ['code', 'kind', 'name', 'nameEn', 'legalDocumentId', 'description']);
      showError(e);
    }
  };

  return (
    <>
      <PageTitle>{t('programmes.list.title')}</PageTitle>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('programmes.list.search')} aria-label={t('programmes.list.search')} style={{ maxWidth: 360 }}
          onSearch={setQ} />
        {editor && <Button icon={<PlusOutlined />} onClick={() => openEditor('new')}>{t('programmes.list.newProgramme')}</Button>}
        {editor && <Link to="/programmes/calls/new"><Button type="primary" icon={<PlusOutlined />}>{t('programmes.list.newCall')}</Button></Link>}
      </Flex>
      <Typography.Title level={2} style={{ fontSize: 18 }}>{t('programmes.list.programmes')}</Typography.Title>
      <Table<Programme> rowKey="id" size="small" dataSource={programmes} pagination={false} scroll={{ x: 'max-content' }} columns={[
        { title: t('programmes.list.code'), dataIndex: 'code' },
        { title: t('programmes.list.name'), render: (_, p) => (editor ? <Button type="link" style={{ padding: 0 }} onClick={() => openEditor(p)}>{p.name}</Button> : p.name) },
        { title: t('programmes.list.kind'), render: (_, p) => t(`programmes.kinds.${p.kind}`) },
        { title: t('programmes.list.basis'), render: (_, p) => (p.legalDocumentId ? <Link to={`/legal-documents/${p.legalDocumentId}`}>{p.legalDocumentNumber}</Link> : '') },
        { title: t('programmes.list.callCount'), dataIndex: 'callCount', align: 'right' },
        { title: t('programmes.list.active'), render: (_, p) => (p.active ? t('programmes.list.yes') : t('programmes.list.no')) },
      ]} />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>{t('programmes.list.calls')}</Typography.Title>
      <Table<Call> rowKey="id" size="small" dataSource={calls} pagination={false} scroll={{ x: 'max-content' }} columns={[
        { title: t('programmes.list.code'), dataIndex: 'code' },
        { title: t('programmes.call.name'), render: (_, c) => <Link to={`/programmes/calls/${c.id}`}>{c.title}</Link> },
        { title: t('programmes.call.programme'), dataIndex: 'programmeName' },
        { title: t('programmes.list.dates'), render: (_, c) => `${formatDay(c.opensOn)} – ${formatDay(c.closesOn)}` },
        { title: t('programmes.list.status'), render: (_, c) => <Tag color={c.status === 'open' ? 'green' : undefined}>{t(`programmes.callStatus.${c.status}`)}</Tag> },
        { title: t('programmes.list.applications'), dataIndex: 'applicationCount', align: 'right' },
      ]} />
      <Modal open={editing !== null} title={editing === 'new' ? t('programmes.list.newProgramme') : t('programmes.list.name')} onCancel={() => setEditing(null)}
        onOk={() => void save()} okText={t('programmes.list.save')} cancelText={t('programmes.list.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="code" label={t('programmes.list.code')} required><Input /></Form.Item>
          <Form.Item name="kind" label={t('programmes.list.kind')} required>
            <Select options={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`programmes.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('programmes.list.name')} required><Input /></Form.Item>
          <Form.Item name="nameEn" label={t('programmes.list.nameEn')}><Input /></Form.Item>
          <Form.Item name="legalDocumentId" label={t('programmes.list.basis')}><LegalDocumentSelect /></Form.Item>
          <Form.Item name="description" label={t('programmes.list.description')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="active" valuePropName="checked"><Checkbox>{t('programmes.list.active')}</Checkbox></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
