/**
 * The councils about a task (GET /api/councils?subjectType=task&subjectId=…) and "Lập hội đồng": create a council of
 * a kind, put the task on it as the dossier to evaluate, and go to the council page to add members. A task's councils
 * follow the rules of its regime date (its proposal date), as its workflow does.
 */
import { useEffect, useState } from 'react';
import { Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { CouncilInput, type Council, type CouncilKind, type CouncilKindInfo } from '../../../shared/schemas/councils.ts';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { api } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { validateWith } from '../../form-validation.ts';
import { DateInput } from '../../components/date-input.tsx';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { isoDay, useLang } from './task-ui.tsx';

export const COUNCIL_STATUS_COLORS = { draft: 'default', open: 'processing', closed: 'success' } as const;

/** The council a stage calls for (a suggestion; any kind registered for tasks may be chosen). */
const KIND_FOR_STAGE: Record<string, CouncilKind> = {
  proposal: 'identification', identification: 'identification', application: 'selection', selection: 'selection',
  budget_appraisal: 'budget_appraisal', implementation: 'acceptance', acceptance: 'acceptance',
};

interface Props {
  task: TaskDetail;
  councils: Council[];
  manager: boolean;
}

export function TaskCouncils({ task, councils, manager }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { showError } = useFeedback();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const lang = useLang();
  // The kinds registered for councils about tasks, with their names and evaluation on the task's regime date.
  const [kindList, setKindList] = useState<CouncilKindInfo[]>([]);
  useEffect(() => {
    if (!manager) return;
    let live = true;
    api.get('/api/council-kinds', { query: { subjectType: 'task', onDate: task.regimeDate } }).then((r) => { if (live) setKindList(r.items); }, showError);
    return () => { live = false; };
  }, [manager, task.regimeDate]);
  const kinds = kindList.map((k) => ({ value: k.key, label: k.name[lang] }));
  const kind = Form.useWatch('kind', form) as CouncilKind | undefined;

  const kindLabel = (k: CouncilKind) => kindList.find((x) => x.key === k)?.name[lang] ?? k;
  const defaultName = (k: CouncilKind) => `${kindLabel(k)}: ${task.title}`.slice(0, 500);
  useEffect(() => {
    if (open && kind) form.setFieldValue('name', defaultName(kind));
  }, [kind, open]); // deliberately not on every render of defaultName (react-hooks lint is not installed)

  const start = () => {
    const k = KIND_FOR_STAGE[task.stage] ?? 'identification';
    form.resetFields();
    form.setFieldsValue({ kind: k, name: defaultName(k), meetingDate: todayInVietnam() });
    setOpen(true);
  };

  const create = async () => {
    const values = form.getFieldsValue() as Record<string, unknown>;
    const checked = validateWith(CouncilInput, { ...values, subjectType: 'task', subjectId: task.id });
    if (!checked.ok) {
      form.setFields(checked.fields.filter((f) => ['kind', 'name', 'meetingDate', 'decisionNo', 'location'].includes(String(f.name[0]))));
      return;
    }
    setBusy(true);
    try {
      const council = await api.post('/api/councils', { body: checked.data });
      await api.post('/api/councils/{id}/dossiers', { params: { id: council.id }, body: { subjectType: 'task', subjectId: task.id } });
      setOpen(false);
      navigate(`/councils/${council.id}`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const columns = [
    { title: t('council.fields.name'), key: 'name', render: (_: unknown, c: Council) => <Link to={`/councils/${c.id}`}>{c.name}</Link> },
    { title: t('council.fields.kind'), key: 'kind', render: (_: unknown, c: Council) => c.kindName[lang] },
    { title: t('council.fields.status'), dataIndex: 'status', render: (s: Council['status']) => <Tag color={COUNCIL_STATUS_COLORS[s]}>{t(`council.statuses.${s}`)}</Tag> },
    { title: t('council.fields.meetingDate'), dataIndex: 'meetingDate', render: (v: string | null) => isoDay(v) ?? t('common.none') },
    { title: t('council.fields.memberCount'), dataIndex: 'memberCount', align: 'right' as const },
  ];

  return (
    <>
      {manager && (
        <Button type="primary" icon={<PlusOutlined />} onClick={start} style={{ marginBottom: 12 }}>{t('council.create')}</Button>
      )}
      <Table<Council> rowKey="id" columns={columns} dataSource={councils} pagination={false} size="small" />
      <Modal
        open={open}
        title={t('council.create')}
        okText={t('council.createOk')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={create}
        onCancel={() => setOpen(false)}
        width={640}
        forceRender
      >
        <Form form={form} layout="vertical" name="council-create">
          <Form.Item name="kind" label={t('council.fields.kind')} required><Select options={kinds} /></Form.Item>
          <Form.Item name="name" label={t('council.fields.name')} required><Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} /></Form.Item>
          <Form.Item name="meetingDate" label={t('council.fields.meetingDate')} extra={t('council.regimeDateHint', { date: isoDay(task.regimeDate) })}><DateInput /></Form.Item>
          <Form.Item name="decisionNo" label={t('council.fields.decisionNo')}><Input placeholder="45/QĐ-SKHCN" /></Form.Item>
          <Form.Item name="location" label={t('council.fields.location')}><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
