/**
 * Yêu cầu tài khoản doanh nghiệp (DOST officers, admins): the enterprise account requests of the province, oldest
 * first, each with its organisation and the accounts that organisation already holds; confirm (the account signs in
 * at once) or refuse with a reason. Confirmed and refused ones are kept for reference under their own tab.
 */
import { useState } from 'react';
import { Button, Card, Empty, Flex, Form, Input, List, Modal, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_REQUEST_STATUSES, AccountRequestRefuse, type AccountRequestStatus } from '../../../shared/schemas/account-requests.ts';
import { api, isApiError, type Schemas } from '../../api.ts';
import { LoadMore } from '../../components/load-more.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors, zodRules } from '../../form-validation.ts';
import { formatDateTime } from '../../format.ts';
import { usePagedList } from '../../use-paged-list.ts';

type Request = Schemas['AccountRequest'];

export const ACCOUNT_REQUESTS_PATH = '/account-requests';

function RefuseDialog({ request, onClose, onDone }: { request: Request; onClose(): void; onDone(r: Request): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { showError } = useFeedback();
  const [saving, setSaving] = useState(false);
  const save = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      onDone(await api.post('/api/account-requests/{id}/refuse', { params: { id: request.id }, body: { reason, version: request.version } }));
    } catch (e) {
      if (!(isApiError(e) && applyServerErrors(form, e, ['reason']))) showError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open title={t('accountRequest.refuseTitle', { username: request.user.username })} onCancel={onClose}
      okText={t('accountRequest.refuse')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')}
      confirmLoading={saving} onOk={() => form.submit()} destroyOnHidden
    >
      <Typography.Paragraph>{t('accountRequest.refuseHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="account-request-refuse" onFinish={save}>
        <Form.Item name="reason" label={t('accountRequest.reason')} rules={zodRules(AccountRequestRefuse, 'reason')}>
          <Input.TextArea rows={3} autoFocus maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RequestCard({ request, onConfirm, onRefuse }: { request: Request; onConfirm(): void; onRefuse(): void }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Card
      size="small" data-testid="account-request" style={{ width: '100%' }}
      title={(
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
          {request.user.displayName} · {request.user.username}
        </Typography.Title>
      )}
      extra={<Tag color={request.status === 'pending' ? 'gold' : request.status === 'confirmed' ? 'green' : 'red'}>{t(`accountRequest.statuses.${request.status}`)}</Tag>}
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Typography.Text>
          <b>{t('accountRequest.organization')}:</b> {request.organization.name}
          {request.organization.taxCode && <Typography.Text type="secondary"> ({t('accountRequest.taxCode', { code: request.organization.taxCode })})</Typography.Text>}
        </Typography.Text>
        <Typography.Text><b>{t('accountRequest.person')}:</b> {request.user.displayName}, {request.position}</Typography.Text>
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>
          <b>{t('accountRequest.contact')}:</b> {request.user.email ?? none} · {request.phone}
        </Typography.Text>
        <Typography.Text type="secondary">{t('accountRequest.requestedAt', { at: formatDateTime(request.createdAt) })}</Typography.Text>
        <div>
          <b>{t('accountRequest.otherAccounts')}:</b>{' '}
          {request.otherAccounts.length === 0 ? <Typography.Text type="secondary">{t('accountRequest.noOtherAccounts')}</Typography.Text> : (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {request.otherAccounts.map((a) => (
                <li key={a.id}>
                  {a.displayName} ({a.username})
                  {a.pending ? ` — ${t('accountRequest.accountPending')}` : !a.active ? ` — ${t('accountRequest.accountDisabled')}` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
        {request.status !== 'pending' && request.decidedAt && (
          <Typography.Text type="secondary">
            {t(`accountRequest.statuses.${request.status}`)}: {t('accountRequest.decidedAt', { by: request.decidedByName ?? none, at: formatDateTime(request.decidedAt) })}
          </Typography.Text>
        )}
        {request.reason && <Typography.Text><b>{t('accountRequest.reason')}:</b> {request.reason}</Typography.Text>}
        {request.status === 'pending' && (
          <Flex gap={8} wrap>
            <Popconfirm
              title={t('accountRequest.confirmTitle', { username: request.user.username })}
              description={t('accountRequest.confirmHint', { organization: request.organization.name })}
              okText={t('accountRequest.confirm')} cancelText={t('common.cancel')} onConfirm={onConfirm}
            >
              <Button type="primary" icon={<CheckOutlined />}>{t('accountRequest.confirm')}</Button>
            </Popconfirm>
            <Button danger icon={<CloseOutlined />} onClick={onRefuse}>{t('accountRequest.refuse')}</Button>
          </Flex>
        )}
      </Space>
    </Card>
  );
}

export function AccountRequestsPage() {
  const { t } = useTranslation();
  const { showError, showSuccess } = useFeedback();
  const [status, setStatus] = useState<AccountRequestStatus>('pending');
  const list = usePagedList('/api/account-requests', { status });
  const [refusing, setRefusing] = useState<Request | null>(null);

  const decided = (r: Request, text: string) => {
    list.remove(r.id);
    showSuccess(text);
  };
  const confirm = async (r: Request) => {
    try {
      decided(await api.post('/api/account-requests/{id}/confirm', { params: { id: r.id }, body: { version: r.version } }),
        t('accountRequest.confirmed', { username: r.user.username }));
    } catch (e) {
      showError(e, { onReload: list.reload });
    }
  };

  return (
    <>
      <PageTitle>{t('accountRequest.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('accountRequest.intro')}</Typography.Paragraph>
      <div style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}>
        <Segmented<AccountRequestStatus>
          aria-label={t('accountRequest.status')} value={status} onChange={setStatus}
          options={ACCOUNT_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`accountRequest.statuses.${s}`) }))}
        />
      </div>
      <List<Request>
        loading={list.loading}
        dataSource={list.items}
        locale={{ emptyText: <Empty description={t('accountRequest.empty')} /> }}
        renderItem={(r) => (
          <List.Item>
            <RequestCard request={r} onConfirm={() => void confirm(r)} onRefuse={() => setRefusing(r)} />
          </List.Item>
        )}
      />
      <LoadMore list={list} />
      {refusing && (
        <RefuseDialog
          request={refusing} onClose={() => setRefusing(null)}
          onDone={(r) => { setRefusing(null); decided(r, t('accountRequest.refused', { username: r.user.username })); }}
        />
      )}
    </>
  );
}
