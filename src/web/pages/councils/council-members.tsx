/**
 * Members of a council: add from the expert registry with a role and, optionally, the account they score with;
 * conflict-of-interest answers (not answered / no conflict / conflict), with members close to a subject under
 * evaluation (its host organisation, its principal investigator's organisation) flagged as likely conflicts as soon as
 * they are added; presence at the sitting. The composition rule the council follows is shown above the table (size,
 * roles, quorum, with its legal basis).
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Flex, Form, Input, Modal, Popconfirm, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, type CouncilDetail, type CouncilMember, type MemberRole } from '../../../shared/schemas/councils.ts';
import { likelyConflictText } from '../../../shared/labels/councils.ts';
import { api, isApiError, type ResponseOf } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors } from '../../form-validation.ts';
import { useUser } from '../../session.tsx';
import { canListUsers } from '../tasks/task-permissions.ts';
import { PersonSelect, useEnumOptions, useLang } from '../tasks/task-ui.tsx';
import { legalBasisText } from '../../../shared/labels/legal-basis.ts';

/** A reviewer account as GET /api/tasks/reviewer-accounts lists it (GET /api/users gives more of each). */
type Account = ResponseOf<'get', '/api/tasks/reviewer-accounts'>['items'][number];

/** Reviewer accounts a member may be linked to: GET /api/users for admins, the DOST's list for officers. */
function useReviewerAccounts(enabled: boolean) {
  const user = useUser();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load: Promise<Account[]> = canListUsers(user.role)
      ? api.get('/api/users', { query: { role: 'reviewer', active: 'true', limit: 200 } }).then((r) => r.items)
      : api.get('/api/tasks/reviewer-accounts').then((r) => r.items);
    load.then((items) => { if (live) setAccounts(items); }, () => { if (live) setAccounts([]); });
    return () => { live = false; };
  }, [enabled, user.role]);
  return accounts;
}

interface Props {
  council: CouncilDetail;
  manager: boolean;
  onChanged(): void;
  onError(e: unknown): void;
}

export function CouncilMembers({ council, manager, onChanged, onError }: Props) {
  const { t } = useTranslation();
  const { showSuccess } = useFeedback();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [conflictFor, setConflictFor] = useState<CouncilMember | null>(null);
  const [conflictNote, setConflictNote] = useState('');
  /** The member just added when the server flagged them as a likely conflict. */
  const [flagged, setFlagged] = useState<CouncilMember | null>(null);
  const lang = useLang();
  const roles = useEnumOptions(MEMBER_ROLES, 'council.roles');
  const draft = council.status === 'draft';
  const accounts = useReviewerAccounts(manager);
  const accountName = useMemo(() => new Map((accounts ?? []).map((a) => [a.id, `${a.displayName} (${a.username})`])), [accounts]);
  const comp = council.rules.composition.value;

  // personId is a required field, role starts as 'member' and cannot be cleared.
  const add = async (values: { personId: string; role: MemberRole; userId?: string | null }) => {
    setBusy(true);
    try {
      const added = await api.post('/api/councils/{id}/members', {
        params: { id: council.id }, body: { personId: values.personId, role: values.role, userId: values.userId ?? null },
      });
      setFlagged(added.likelyConflicts.length ? added : null);
      showSuccess(t('council.members.added'));
      form.resetFields(['personId', 'userId']);
      onChanged();
    } catch (e) {
      if (isApiError(e)) applyServerErrors(form, e, ['personId', 'role', 'userId']);
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const call = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      onChanged();
    } catch (e) {
      onError(e);
    }
  };

  const saveConflict = async (declared: boolean) => {
    if (!conflictFor) return;
    await call(() => api.put('/api/councils/{id}/members/{memberId}/conflict', {
      params: { id: council.id, memberId: conflictFor.id }, body: { declared, note: declared ? conflictNote.trim() || null : null },
    }));
    setConflictFor(null);
  };

  const roleText = Object.entries(comp.roles)
    .map(([r, b]) => `${t(`council.roles.${r}`)} ${b?.max !== undefined && b.max === b.min ? b.min : `${b?.min ?? 0}–${b?.max ?? '…'}`}`)
    .join('; ');

  const columns = [
    {
      title: t('council.members.name'), key: 'name',
      render: (_: unknown, m: CouncilMember) => (
        <div>
          <Typography.Text strong>{m.displayName}</Typography.Text>
          {m.organizationName && <div><Typography.Text type="secondary">{m.organizationName}</Typography.Text></div>}
        </div>
      ),
    },
    { title: t('council.members.role'), dataIndex: 'role', render: (r: string) => t(`council.roles.${r}`) },
    {
      title: t('council.members.account'), dataIndex: 'userId',
      render: (v: string | null) => (v ? accountName.get(v) ?? <Tag color="blue">{t('council.members.hasAccount')}</Tag> : t('common.none')),
    },
    {
      title: t('council.members.conflict'), key: 'conflict', width: 260,
      render: (_: unknown, m: CouncilMember) => (
        <div data-testid="member-conflict">
          <Flex gap={4} align="center" wrap>
            {m.conflictStatus === 'declared'
              ? <Tooltip title={m.conflictNote}><Tag color="red">{t('council.members.conflictDeclared')}</Tag></Tooltip>
              : m.conflictStatus === 'none'
                ? <Tag color="green">{t('council.members.noConflict')}</Tag>
                : <Tag>{t('council.members.unanswered')}</Tag>}
            {manager && council.status !== 'closed' && (
              <Button size="small" type="link" onClick={() => { setConflictFor(m); setConflictNote(m.conflictNote ?? ''); }}>
                {t('council.members.recordConflict')}
              </Button>
            )}
          </Flex>
          {m.likelyConflicts.length > 0 && (
            <Typography.Text type={m.conflictStatus === 'unanswered' ? 'warning' : 'secondary'} data-testid="likely-conflict">
              <WarningOutlined /> {t('council.members.likelyConflict')}: {m.likelyConflicts.map((c) => likelyConflictText(c, lang)).join('; ')}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('council.members.present'), key: 'present', width: 110,
      render: (_: unknown, m: CouncilMember) => (
        <Switch
          checked={m.present}
          disabled={!manager || council.status === 'closed'}
          aria-label={t('council.members.presentOf', { name: m.displayName })}
          onChange={(present) => call(() => api.put('/api/councils/{id}/members/{memberId}/presence', { params: { id: council.id, memberId: m.id }, body: { present } }))}
        />
      ),
    },
    ...(manager && draft ? [{
      title: '', key: 'remove', width: 60,
      render: (_: unknown, m: CouncilMember) => (
        <Popconfirm
          title={t('council.members.removeConfirm', { name: m.displayName })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => call(() => api.delete('/api/councils/{id}/members/{memberId}', { params: { id: council.id, memberId: m.id } }))}
        >
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      ),
    }] : []),
  ];

  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="composition-rule">
        {t('council.members.composition', {
          min: comp.minMembers, max: comp.maxMembers, roles: roleText,
          quorum: `${comp.quorum.numerator}/${comp.quorum.denominator}`,
        })}
        {' '}({legalBasisText(council.rules.composition.legalBasis, lang)})
      </Typography.Paragraph>
      {manager && draft && (
        <Form form={form} layout="inline" name="council-member" onFinish={add} initialValues={{ role: 'member' }} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="personId" label={t('council.members.person')} rules={[{ required: true, message: t('form.required') }]} style={{ minWidth: 360 }}>
            <PersonSelect expertsOnly placeholder={t('council.members.searchExpert')} />
          </Form.Item>
          <Form.Item name="role" label={t('council.members.role')}>
            <Select options={roles} style={{ width: 190 }} />
          </Form.Item>
          <Form.Item
            name="userId"
            label={t('council.members.account')}
            tooltip={accounts && accounts.length === 0 ? t('council.members.noAccounts') : t('council.members.accountHint')}
          >
            <Select
              allowClear
              disabled={!accounts || accounts.length === 0}
              placeholder={t('council.members.noAccountChosen')}
              style={{ width: 280 }}
              options={(accounts ?? []).map((a) => ({ value: a.id, label: `${a.displayName} (${a.username})` }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy}>{t('council.members.add')}</Button>
        </Form>
      )}
      {flagged && (
        <Alert
          type="warning" showIcon closable={{ onClose: () => setFlagged(null) }} style={{ marginBottom: 12 }} data-testid="member-conflict-warning"
          title={t('council.members.flaggedTitle', { name: flagged.displayName })}
          description={`${flagged.likelyConflicts.map((c) => likelyConflictText(c, lang)).join('; ')}. ${t('council.members.flaggedHint')}`}
        />
      )}
      <Table<CouncilMember> rowKey="id" size="small" pagination={false} columns={columns} dataSource={council.members} scroll={{ x: 900 }} />
      <Modal
        open={conflictFor !== null}
        title={conflictFor ? t('council.members.conflictFor', { name: conflictFor.displayName }) : ''}
        onCancel={() => setConflictFor(null)}
        footer={[
          <Button key="cancel" onClick={() => setConflictFor(null)}>{t('common.cancel')}</Button>,
          <Button key="none" onClick={() => saveConflict(false)}>
            {conflictFor?.conflictDeclared ? t('council.members.withdrawConflict') : t('council.members.confirmNoConflict')}
          </Button>,
          <Button key="declare" type="primary" danger onClick={() => saveConflict(true)}>{t('council.members.declareConflict')}</Button>,
        ]}
      >
        {conflictFor && conflictFor.likelyConflicts.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            title={`${t('council.members.likelyConflict')}: ${conflictFor.likelyConflicts.map((c) => likelyConflictText(c, lang)).join('; ')}`} />
        )}
        <Input.TextArea rows={3} value={conflictNote} onChange={(e) => setConflictNote(e.target.value)} placeholder={t('council.members.conflictNote')} aria-label={t('council.members.conflictNote')} />
      </Modal>
    </>
  );
}
