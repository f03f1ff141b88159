/**
 * A plan item: its units (with "was: …" for a unit that ended), deadline and output, its progress history, the form
 * to log progress for a period (its own unit's officers, the department), evidence files (attachments API), the
 * indicators it serves (the indicators module's API, when it answers), and, for the department, urging the unit.
 * Shown in the plan page's drawer and as the page an inbox notice opens.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Descriptions, Drawer, Flex, Form, Input, InputNumber, List, Popconfirm, Select, Spin, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, NotificationOutlined, UploadOutlined } from '@ant-design/icons';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../../shared/schemas/plans.ts';
import { api, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDateTime, formatDay } from '../../format.ts';
import { HandoverPanel, needsHandover } from './handover-panel.tsx';
import { ItemEditDrawer } from './item-edit-drawer.tsx';
import { FlagTags, PercentBar, StatusTag, UnitCell, emptyState, type ItemDetail, type PlanDetail } from './plan-ui.tsx';
import { fill, usePlanText } from './plans.text.ts';

const SUBJECT = 'plan_item';

function Evidence({ itemId, mayAttach }: { itemId: string; mayAttach: boolean }) {
  const { s } = usePlanText();
  const { showError, showSuccess } = useFeedback();
  const [list, setList] = useState<Schemas['AttachmentList'] | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const params = { subjectType: SUBJECT, subjectId: itemId };
  const load = useCallback(async () => {
    try {
      setList(await api.get('/api/attachments/{subjectType}/{subjectId}', { params: { subjectType: SUBJECT, subjectId: itemId } }));
    } catch (e) {
      showError(e);
    }
  }, [itemId, showError]);
  useEffect(() => { void load(); }, [load]);
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      await api.upload('/api/attachments/{subjectType}/{subjectId}', { params, query: { kind: 'evidence' }, form });
      showSuccess(s.item.uploaded);
      setFile(null);
      await load();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={s.item.evidence}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>{s.item.evidence}</Typography.Title>
      <List
        size="small" dataSource={list?.items ?? []} locale={{ emptyText: emptyState(s.common.none) }}
        renderItem={(f) => (
          <List.Item>
            <a href={`/api/attachments/${SUBJECT}/${itemId}/${f.id}`} download={f.fileName}><DownloadOutlined /> {f.fileName}</a>
          </List.Item>
        )}
      />
      {mayAttach && (
        <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
          <Upload maxCount={1} beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name }] : []}>
            <Button icon={<UploadOutlined />}>{s.item.chooseFile}</Button>
          </Upload>
          <Button onClick={() => void upload()} disabled={!file} loading={busy}>{s.item.upload}</Button>
        </Flex>
      )}
    </section>
  );
}

function ServedIndicators({ itemId, version }: { itemId: string; version: number }) {
  const { s, lang } = usePlanText();
  const [rows, setRows] = useState<{ code: string; name: { vi: string; en: string } }[] | null>(null);
  useEffect(() => {
    let live = true;
    // The indicators module's API (GET /api/plan-items/:id/indicators); absent or refused: nothing shown.
    fetch(`/api/plan-items/${itemId}/indicators`, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(async (r) => (r.ok ? ((await r.json()) as { items?: { code: string; name: { vi: string; en: string } }[] }).items ?? [] : []))
      .then((items) => { if (live) setRows(items); })
      .catch(() => { if (live) setRows([]); });
    return () => { live = false; };
  }, [itemId, version]);
  if (!rows || rows.length === 0) return null;
  return (
    <Descriptions.Item label={s.item.indicators}>{rows.map((r) => `${r.code}. ${r.name[lang]}`).join('; ')}</Descriptions.Item>
  );
}

/** The item's own actions for the department: edit it (in the item form) and delete it. */
function ItemActions({ item, onSaved, onDeleted }: { item: ItemDetail; onSaved(): void; onDeleted?: () => void }) {
  const { s } = usePlanText();
  const { showError, showSuccess } = useFeedback();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const edit = async () => {
    try {
      setPlan(await api.get('/api/plans/{id}', { params: { id: item.planId }, query: {} }));
    } catch (e) {
      showError(e);
    }
  };
  const remove = async () => {
    try {
      await api.delete('/api/plan-items/{id}', { params: { id: item.id }, query: { version: item.version } });
      showSuccess(s.itemForm.removed);
      onDeleted?.();
    } catch (e) {
      showError(e, { onReload: onSaved });
    }
  };
  const name = [item.code, item.title].filter(Boolean).join('. ');
  return (
    <Flex gap={8} wrap>
      <Button icon={<EditOutlined />} onClick={() => void edit()}>{s.itemForm.edit}</Button>
      <Popconfirm title={fill(s.itemForm.removeConfirm, { name })} okText={s.itemForm.remove} cancelText={s.common.cancel} okButtonProps={{ danger: true }} onConfirm={() => remove()}>
        <Button danger icon={<DeleteOutlined />}>{s.itemForm.remove}</Button>
      </Popconfirm>
      {plan && <ItemEditDrawer plan={plan} item={item} onClose={() => setPlan(null)} onSaved={() => { setPlan(null); onSaved(); }} />}
    </Flex>
  );
}

export function ItemView({ id, onChanged, onDeleted }: { id: string; onChanged?: () => void; onDeleted?: () => void }) {
  const { s, lang } = usePlanText();
  const { showError, showSuccess } = useFeedback();
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [saving, setSaving] = useState(false);
  const [urgeText, setUrgeText] = useState('');
  const [form] = Form.useForm<{ periodKey: string; status: ProgressStatus; percent: number; narrative?: string }>();

  const load = useCallback(async () => {
    try {
      const d = await api.get('/api/plan-items/{id}', { params: { id } });
      setItem(d);
      form.setFieldsValue({ periodKey: d.currentPeriod ?? undefined, status: d.state.status, percent: d.state.percent });
    } catch (e) {
      showError(e);
    }
  }, [id, form, showError]);
  useEffect(() => { void load(); }, [load]);

  if (!item) return <Spin />;

  const log = async (v: { periodKey: string; status: ProgressStatus; percent: number; narrative?: string }) => {
    setSaving(true);
    try {
      setItem(await api.post('/api/plan-items/{id}/progress', { params: { id }, body: { ...v, narrative: v.narrative ?? null } }));
      form.setFieldValue('narrative', '');
      showSuccess(s.item.saved);
      onChanged?.();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };
  const urge = async () => {
    try {
      setItem(await api.post('/api/plan-items/{id}/urge', { params: { id }, body: { message: urgeText || null } }));
      setUrgeText('');
      showSuccess(s.item.urged);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}><strong>{[item.code, item.title].filter(Boolean).join('. ')}</strong></Typography.Paragraph>
      {item.mayEdit && <ItemActions item={item} onSaved={() => { void load(); onChanged?.(); }} onDeleted={onDeleted} />}
      <Flex gap={8} wrap align="center"><StatusTag status={item.state.status} /><FlagTags flags={item.state.overdue} /></Flex>
      <PercentBar percent={item.state.percent} status={item.state.status} />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={s.mine.plan}>{item.plan.title}</Descriptions.Item>
        <Descriptions.Item label={s.item.group}>{item.groupTitle}</Descriptions.Item>
        <Descriptions.Item label={s.plan.unit}><UnitCell item={item} /></Descriptions.Item>
        {item.partners.length > 0 && <Descriptions.Item label={s.item.partners}>{item.partners.map((p) => p.name).join('; ')}</Descriptions.Item>}
        <Descriptions.Item label={s.plan.deadline}>{formatDay(item.deadline) ?? s.common.none}</Descriptions.Item>
        {item.startsOn && <Descriptions.Item label={s.itemForm.startsOn}>{formatDay(item.startsOn)}</Descriptions.Item>}
        {item.expectedOutput && <Descriptions.Item label={s.item.output}>{item.expectedOutput}</Descriptions.Item>}
        {item.note && <Descriptions.Item label={s.itemForm.note}>{item.note}</Descriptions.Item>}
        <ServedIndicators itemId={item.id} version={item.version} />
      </Descriptions>

      {needsHandover(item) && <HandoverPanel item={item} onChanged={(d) => { setItem(d); onChanged?.(); }} onReload={() => void load()} />}

      {item.mayReport && (
        <section aria-label={s.item.logTitle}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>{s.item.logTitle}</Typography.Title>
          <Form form={form} layout="vertical" name="plan_progress" onFinish={(v) => void log(v)}>
            <Form.Item name="periodKey" label={s.item.period} rules={[{ required: true }]}>
              <Select options={item.periods.map((p) => ({ value: p.key, label: p.label[lang] }))} />
            </Form.Item>
            <Form.Item name="status" label={s.plan.status} rules={[{ required: true }]}>
              <Select options={PROGRESS_STATUSES.map((k) => ({ value: k, label: PROGRESS_STATUS_LABELS[k][lang] }))} />
            </Form.Item>
            <Form.Item name="percent" label={s.item.percent} rules={[{ required: true, type: 'integer', min: 0, max: 100 }]}>
              <InputNumber<number> min={0} max={100} precision={0} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="narrative" label={s.item.narrative}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>{s.item.save}</Button>
          </Form>
        </section>
      )}

      <Evidence itemId={item.id} mayAttach={item.mayReport} />

      <section aria-label={s.item.history}>
        <Typography.Title level={3} style={{ fontSize: 16 }}>{s.item.history}</Typography.Title>
        <Table
          size="small" rowKey="id" pagination={false} dataSource={item.progress} locale={{ emptyText: emptyState(s.item.noHistory) }} scroll={{ x: 520 }}
          columns={[
            { title: s.item.period, dataIndex: 'periodKey', width: 90, render: (k: string) => item.periods.find((p) => p.key === k)?.label[lang] ?? k },
            { title: s.plan.status, dataIndex: 'status', width: 130, render: (v: ProgressStatus) => <StatusTag status={v} /> },
            { title: s.item.percent, dataIndex: 'percent', width: 70, render: (v: number) => `${v}%` },
            { title: s.item.narrative, dataIndex: 'narrative', render: (v: string | null) => v ?? s.common.none },
            {
              title: s.item.by, key: 'by', width: 170,
              render: (_, e) => <span>{e.reportedByName}<br /><Typography.Text type="secondary">{formatDateTime(e.createdAt)}, {s.item.source[e.source]}</Typography.Text></span>,
            },
          ]}
        />
      </section>

      {(item.mayUrge || item.urges.length > 0) && (
        <section aria-label={s.item.urges}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>{s.item.urges}</Typography.Title>
          <List size="small" dataSource={item.urges} locale={{ emptyText: emptyState(s.common.none) }}
            renderItem={(u) => <List.Item>{formatDateTime(u.createdAt)} — {u.urgedByName} → {u.unitName}{u.message ? `: ${u.message}` : ''}</List.Item>}
          />
          {item.mayUrge && (
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              <Input aria-label={s.item.urgeMessage} placeholder={s.item.urgeMessage} value={urgeText} onChange={(e) => setUrgeText(e.target.value)} style={{ flex: '1 1 220px' }} maxLength={2000} />
              <Button icon={<NotificationOutlined />} onClick={() => void urge()}>{s.item.urge}</Button>
            </Flex>
          )}
        </section>
      )}
    </Flex>
  );
}

export function ItemDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged?: () => void }) {
  const { s } = usePlanText();
  return (
    <Drawer open={id !== null} onClose={onClose} title={s.item.drawerTitle} size={Math.min(720, typeof window === 'undefined' ? 720 : window.innerWidth)} destroyOnHidden>
      {id && <ItemView id={id} onChanged={onChanged} onDeleted={() => { onClose(); onChanged?.(); }} />}
    </Drawer>
  );
}
