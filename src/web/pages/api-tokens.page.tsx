/** Tài khoản API: my API tokens; create one (the secret is shown once), revoke one. */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiTokenInput } from '../../shared/schemas/auth.ts';
import { api, isApiError, type Schemas } from '../api.ts';
import { useFeedback } from '../feedback.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { applyServerErrors, isRequired, validateWith, zodRules } from '../form-validation.ts';
import { formatDay } from '../format.ts';

type Summary = Schemas['ApiTokenSummary'];
type Created = Schemas['ApiTokenCreated'];

function status(tk: Summary): 'revoked' | 'expired' | 'active' {
  if (tk.revokedAt) return 'revoked';
  if (tk.expiresAt && new Date(tk.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}
const STATUS_COLORS = { active: 'green', revoked: 'default', expired: 'orange' } as const;

export function ApiTokensPage() {
  const { t } = useTranslation();
  const { showError, showSuccess } = useFeedback();
  const [items, setItems] = useState<Summary[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems(await api.get('/api/auth/tokens'));
    } catch (e) {
      showError(e);
    } finally {
      setLoading(false);
    }
  }, [showError]);
  useEffect(() => { void load(); }, [load]);

  const create = async (values: Record<string, unknown>) => {
    const checked = validateWith(ApiTokenInput, values);
    if (!checked.ok) {
      form.setFields(checked.fields);
      return;
    }
    setSaving(true);
    try {
      const tk = await api.post('/api/auth/tokens', { body: checked.data });
      setCreating(false);
      form.resetFields();
      setCreated(tk);
      void load();
    } catch (e) {
      if (isApiError(e)) applyServerErrors(form, e, Object.keys(ApiTokenInput.shape));
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  const revoke = async (tk: Summary) => {
    try {
      await api.delete('/api/auth/tokens/{id}', { params: { id: tk.id } });
      showSuccess(t('tokens.revokedDone'));
      void load();
    } catch (e) {
      showError(e);
    }
  };

  const dash = t('common.none');
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <PageTitle>{t('tokens.title')}</PageTitle>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('tokens.new')}</Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      <Table<Summary>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDay(v) },
          { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => formatDay(v) ?? dash },
          { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => formatDay(v) ?? t('tokens.never') },
          {
            title: t('tokens.status'), key: 'status',
            render: (_: unknown, tk: Summary) => <Tag color={STATUS_COLORS[status(tk)]}>{t(`tokens.${status(tk)}`)}</Tag>,
          },
          {
            title: t('common.actions'), key: 'actions', width: 140,
            render: (_: unknown, tk: Summary) => status(tk) === 'revoked' ? null : (
              <Popconfirm
                title={t('tokens.revokeConfirm', { name: tk.name })}
                okText={t('tokens.revoke')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => revoke(tk)}
              >
                <Button size="small" danger icon={<StopOutlined />}>{t('tokens.revoke')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />

      <Modal
        open={creating}
        title={t('tokens.new')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={create} name="api-token">
          <Form.Item name="name" label={t('tokens.name')} rules={zodRules(ApiTokenInput, 'name')} required={isRequired(ApiTokenInput, 'name')}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} extra={t('tokens.expiresInDaysHint')}
            rules={zodRules(ApiTokenInput, 'expiresInDays')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={created !== null}
        title={t('tokens.createdTitle')}
        onCancel={() => setCreated(null)}
        footer={<Button type="primary" onClick={() => setCreated(null)}>{t('common.close')}</Button>}
      >
        <Alert type="warning" showIcon title={t('tokens.shownOnce')} style={{ marginBottom: 12 }} />
        <Typography.Text type="secondary">{t('tokens.token')}</Typography.Text>
        <Typography.Paragraph copyable={{ text: created?.token, tooltips: [t('common.copy'), t('common.copied')] }}>
          <code data-testid="new-api-token" style={{ wordBreak: 'break-all' }}>{created?.token}</code>
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
