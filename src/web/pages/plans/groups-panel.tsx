/**
 * The plan's groups for the department: add, rename (number and title), move up or down, delete an empty one.
 * Each write sends the version read; a 409 keeps the dialog's text and offers to reload the plan.
 */
import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, List, Modal, Popconfirm, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { GroupInput, GroupUpdate } from '../../../shared/schemas/plans.ts';
import { api, isApiError } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors, validateWith } from '../../form-validation.ts';
import type { PlanDetail } from './plan-ui.tsx';
import { fill, usePlanText } from './plans.text.ts';

type Group = PlanDetail['groups'][number];

function GroupDialog({ planId, group, onClose, onSaved, onReload }: {
  planId: string; group: Group | null; onClose(): void; onSaved(): void; onReload(): void;
}) {
  const { s } = usePlanText();
  const { showError, showSuccess } = useFeedback();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const values = form.getFieldsValue() as Record<string, unknown>;
    const checked = group ? validateWith(GroupUpdate, { ...values, version: group.version }) : validateWith(GroupInput, values);
    if (!checked.ok) {
      form.setFields(checked.fields);
      return;
    }
    setSaving(true);
    try {
      if (group) await api.put('/api/plan-groups/{id}', { params: { id: group.id }, body: checked.data as GroupUpdate });
      else await api.post('/api/plans/{id}/groups', { params: { id: planId }, body: checked.data });
      showSuccess(s.groups.saved);
      onSaved();
    } catch (e) {
      if (isApiError(e)) applyServerErrors(form, e, ['code', 'title']);
      showError(e, { onReload });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open title={group ? s.groups.renameTitle : s.groups.addTitle} onCancel={onClose} onOk={() => void save()} okText={s.groups.save}
      cancelText={s.common.cancel} confirmLoading={saving} destroyOnHidden
    >
      <Form form={form} layout="vertical" name="plan_group" initialValues={{ code: group?.code ?? '', title: group?.title ?? '' }} onFinish={() => void save()}>
        <Form.Item name="code" label={s.groups.code}><Input maxLength={40} /></Form.Item>
        <Form.Item name="title" label={s.groups.name} required><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function GroupsPanel({ plan, onChanged }: { plan: PlanDetail; onChanged(): void }) {
  const { s } = usePlanText();
  const { message } = App.useApp();
  const { showError } = useFeedback();
  /** The group being edited, by id: after a reload (409) the dialog keeps its text and takes the group's new version. */
  const [editing, setEditing] = useState<string | null>(null);
  const editedGroup = editing && editing !== 'new' ? plan.groups.find((g) => g.id === editing) ?? null : null;
  const [busy, setBusy] = useState<string | null>(null);
  const counts = new Map<string, number>();
  for (const i of plan.items) counts.set(i.groupId, (counts.get(i.groupId) ?? 0) + 1);
  const label = (g: Group) => [g.code, g.title].filter(Boolean).join('. ');

  const act = async (g: Group, what: () => Promise<unknown>, done?: string) => {
    setBusy(g.id);
    try {
      await what();
      if (done) void message.success(done);
      onChanged();
    } catch (e) {
      showError(e, { onReload: onChanged });
    } finally {
      setBusy(null);
    }
  };
  const move = (g: Group, direction: 'up' | 'down') => act(g, () => api.post('/api/plan-groups/{id}/move', { params: { id: g.id }, body: { direction, version: g.version } }));
  const remove = (g: Group) => act(g, () => api.delete('/api/plan-groups/{id}', { params: { id: g.id }, query: { version: g.version } }), s.groups.removed);

  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{s.groups.title}</Typography.Title>}
      extra={<Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>{s.groups.add}</Button>}>
      <List
        size="small" dataSource={plan.groups} locale={{ emptyText: s.groups.empty }}
        renderItem={(g, i) => (
          <List.Item
            actions={[
              <Button key="up" size="small" icon={<ArrowUpOutlined />} aria-label={`${s.groups.up}: ${label(g)}`} title={s.groups.up} disabled={i === 0 || busy !== null} onClick={() => void move(g, 'up')} />,
              <Button key="down" size="small" icon={<ArrowDownOutlined />} aria-label={`${s.groups.down}: ${label(g)}`} title={s.groups.down} disabled={i === plan.groups.length - 1 || busy !== null} onClick={() => void move(g, 'down')} />,
              <Button key="edit" size="small" icon={<EditOutlined />} aria-label={`${s.groups.rename}: ${label(g)}`} onClick={() => setEditing(g.id)}>{s.groups.rename}</Button>,
              <Popconfirm key="delete" title={fill(s.groups.removeConfirm, { name: label(g) })} description={s.groups.removeHint} okText={s.groups.remove} cancelText={s.common.cancel}
                okButtonProps={{ danger: true }} onConfirm={() => remove(g)}>
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${s.groups.remove}: ${label(g)}`} disabled={busy !== null}>{s.groups.remove}</Button>
              </Popconfirm>,
            ]}
          >
            <Flex vertical>
              <span>{label(g)}</span>
              <Typography.Text type="secondary">{fill(s.groups.items, { count: counts.get(g.id) ?? 0 })}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {editing && (editing === 'new' || editedGroup) && (
        <GroupDialog
          planId={plan.id} group={editedGroup} onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); onChanged(); }} onReload={onChanged}
        />
      )}
    </Card>
  );
}
