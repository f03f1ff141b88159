/**
 * Tài khoản: the accounts of the province (admins), by username; searched by username or name (diacritics optional),
 * filtered by role, state or unit; create, change role and unit, lock and unlock, and set a new password (the
 * account's open sessions end and its API tokens are revoked). An account asked for on the public form and not yet
 * confirmed links to the requests page instead of offering to unlock it.
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { KeyOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { PASSWORD_MAX, PASSWORD_MIN, PasswordReset, type User } from '../../../shared/schemas/users.ts';
import { passwordMessage, passwordProblem } from '../../../shared/passwords.ts';
import { api, isApiError } from '../../api.ts';
import { AgencySelect } from '../../components/agency-select.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { RowActions } from '../../components/row-actions.tsx';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors, zodRules } from '../../form-validation.ts';
import { serverText } from '../../i18n/index.ts';
import { useDebounced } from '../../use-paged-list.ts';
import { useRecordList } from '../../use-record-list.ts';
import { UserDrawer } from './user-drawer.tsx';
import { ACCOUNT_REQUESTS_PATH } from './account-requests.page.tsx';

function PasswordDialog({ user, onClose }: { user: User; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const { showError, showSuccess } = useFeedback();
  const [saving, setSaving] = useState(false);
  const save = async ({ password }: { password: string }) => {
    setSaving(true);
    try {
      await api.post('/api/users/{id}/password', { params: { id: user.id }, body: { password } });
      showSuccess(t('user.passwordSet', { username: user.username }));
      onClose();
    } catch (e) {
      // A password the server refuses (its dictionaries) gets the reason on the field; other errors a notification.
      if (!(isApiError(e) && applyServerErrors(form, e, ['password']))) showError(e);
    } finally {
      setSaving(false);
    }
  };
  // The shared policy with this account's username and name, as the server checks them on a reset.
  const notOwnName = {
    validator: async (_rule: unknown, value: unknown) => {
      const problem = typeof value === 'string' ? passwordProblem(value, user) : null;
      if (problem && problem !== 'length') throw new Error(serverText(passwordMessage(problem), { minimum: PASSWORD_MIN, maximum: PASSWORD_MAX }));
    },
  };
  return (
    <Modal
      open title={t('user.resetTitle', { username: user.username })} onCancel={onClose} okText={t('user.resetOk')}
      cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => form.submit()} destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('user.resetHint')} />
      <Form form={form} layout="vertical" name="password-reset" onFinish={save}>
        <Form.Item name="password" label={t('user.fields.password')} rules={[...zodRules(PasswordReset, 'password'), notOwnName]} extra={t('user.passwordHint')}>
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { showError, showSuccess } = useFeedback();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [role, setRole] = useState<Role | undefined>();
  const [active, setActive] = useState<'true' | 'false' | undefined>('true');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const page = useRecordList('/api/users', { q: q || undefined, role, active, agencyId: agencyId ?? undefined });
  const [resetting, setResetting] = useState<User | null>(null);
  const none = t('common.none');

  /** Locks (or unlocks) an account: its sessions and API tokens stop working at once (users.service). */
  const setLocked = async (u: User, locked: boolean) => {
    try {
      const body = {
        displayName: u.displayName, role: u.role, active: !locked, organizationId: u.organizationId, agencyId: u.agencyId,
        adminUnitId: u.adminUnitId, email: u.email, version: u.version,
      };
      const updated = await api.put('/api/users/{id}', { params: { id: u.id }, body });
      if (active === undefined || String(updated.active) === active) page.list.upsert(updated);
      else page.list.remove(updated.id);
      showSuccess(t(locked ? 'user.locked' : 'user.unlocked', { username: u.username }));
    } catch (e) {
      showError(e, { onReload: page.list.reload });
    }
  };

  const columns: ColumnsType<User> = [
    {
      title: t('user.fields.username'), key: 'username',
      render: (_, u) => (
        <div>
          <Typography.Text strong>{u.username}</Typography.Text>
          <div><Typography.Text type="secondary">{u.displayName}</Typography.Text></div>
        </div>
      ),
    },
    { title: t('user.fields.role'), dataIndex: 'role', render: (r: Role) => <Tag color="blue">{t(`roles.${r}`)}</Tag> },
    { title: t('user.fields.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? none },
    { title: t('user.fields.organization'), dataIndex: 'organizationName', render: (v: string | null) => v ?? none },
    { title: t('user.fields.email'), dataIndex: 'email', render: (v: string | null) => v ?? none },
    {
      title: t('user.fields.active'), key: 'active',
      render: (_, u) => (u.active ? <Tag color="green">{t('user.activeTag')}</Tag>
        : u.requestStatus === 'pending' ? <Link to={ACCOUNT_REQUESTS_PATH}><Tag color="gold">{t('accountRequest.statuses.pending')}</Tag></Link>
          : <Tag color="red">{t('user.disabledTag')}</Tag>),
    },
    {
      title: t('common.actions'), key: 'actions', width: 250,
      render: (_, u) => (
        <RowActions
          name={u.username} onEdit={() => page.edit(u)}
          extra={(
            <>
              <Button size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)}>{t('user.reset')}</Button>
              {u.requestStatus === 'pending' && !u.active ? null : u.active ? (
                <Popconfirm
                  title={t('user.lockConfirm', { username: u.username })} description={t('user.lockHint')}
                  okText={t('user.lock')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }}
                  onConfirm={() => setLocked(u, true)}
                >
                  <Button size="small" danger icon={<LockOutlined />}>{t('user.lock')}</Button>
                </Popconfirm>
              ) : (
                <Button size="small" icon={<UnlockOutlined />} onClick={() => void setLocked(u, false)}>{t('user.unlock')}</Button>
              )}
            </>
          )}
        />
      ),
    },
  ];

  return (
    <ListPage
      title={t('user.title')}
      actions={<Button type="primary" icon={<PlusOutlined />} onClick={page.create}>{t('user.new')}</Button>}
      search={{ value: search, onChange: setSearch, placeholder: t('user.searchPlaceholder') }}
      filters={(
        <>
          <Select
            aria-label={t('user.fields.role')} placeholder={t('user.fields.role')} allowClear value={role} onChange={setRole}
            style={{ width: 220 }} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <Select
            aria-label={t('user.fields.active')} placeholder={t('user.fields.active')} allowClear value={active} onChange={setActive}
            style={{ width: 200 }} options={[{ value: 'true', label: t('user.activeTag') }, { value: 'false', label: t('user.disabledTag') }]}
          />
          <div style={{ width: 320 }}>
            <AgencySelect placeholder={t('user.filterAgency')} value={agencyId} onChange={setAgencyId} />
          </div>
        </>
      )}
      list={page.list}
      columns={columns}
      emptyText={t('common.noMatch')}
      scrollX={1100}
    >
      {page.editing && <UserDrawer open record={page.editing.record} onClose={page.closeEditor} onSaved={page.saved} />}
      {resetting && <PasswordDialog user={resetting} onClose={() => setResetting(null)} />}
    </ListPage>
  );
}
