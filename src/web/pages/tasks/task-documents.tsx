/**
 * Documents of a task: upload a file of one of the workflow's document kinds (multipart, to the attachments API,
 * which checks the kind's type and size limits and what the bytes really are) and the list with download links.
 * The kinds the next step still needs come first; the file picker offers the kind's file types.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, Flex, Input, Popconfirm, Select, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { api, type Schemas } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useFeedback } from '../../feedback.tsx';
import { fileSize, useLang, type ResolvedWorkflow } from './task-ui.tsx';

type Doc = TaskDetail['documents'][number];
type Kind = Schemas['AttachmentKind'];
const SUBJECT = 'task';

interface Props {
  task: TaskDetail;
  actions: Schemas['TaskActions'] | null;
  workflow: ResolvedWorkflow | null;
  writable: boolean;
  onChanged(task?: TaskDetail): void;
}

export function TaskDocuments({ task, actions, workflow, writable, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { showError, showSuccess } = useFeedback();
  const [kind, setKind] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // The kinds' limits in force today (type and size), so a file that would be refused is caught before it is sent.
  const [limits, setLimits] = useState<Map<string, Kind>>(new Map());
  useEffect(() => {
    let live = true;
    api.get('/api/attachments/{subjectType}/{subjectId}', { params: { subjectType: SUBJECT, subjectId: task.id } })
      .then((r) => { if (live) setLimits(new Map(r.kinds.map((k) => [k.kind, k]))); })
      .catch(() => { /* the server checks again on upload */ });
    return () => { live = false; };
  }, [task.id]);
  const limit = kind ? limits.get(kind) : undefined;

  const needed = useMemo(() => new Set((actions?.actions ?? []).flatMap((a) => a.missingDocuments)), [actions]);
  const kinds = useMemo(() => {
    const all = Object.entries(workflow?.definition.labels?.documents ?? {});
    all.sort(([a], [b]) => Number(needed.has(b)) - Number(needed.has(a)));
    return all.map(([k, name]) => ({ value: k, label: needed.has(k) ? `${name[lang]} (${t('task.documents.needed')})` : name[lang] }));
  }, [workflow, needed, lang, t]);

  const upload = async () => {
    if (!kind || !file) return;
    if (limit && file.size > limit.maxBytes) {
      showError(new Error(t('task.documents.tooLarge', { size: fileSize(file.size), max: fileSize(limit.maxBytes) })));
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      if (note.trim()) form.append('note', note.trim());
      form.append('file', file, file.name);
      await api.upload('/api/attachments/{subjectType}/{subjectId}', { params: { subjectType: SUBJECT, subjectId: task.id }, query: { kind }, form });
      showSuccess(t('task.documents.uploaded', { name: file.name }));
      setFile(null);
      setNote('');
      setKind(undefined);
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (d: Doc) => {
    try {
      await api.delete('/api/attachments/{subjectType}/{subjectId}/{id}', { params: { subjectType: SUBJECT, subjectId: task.id, id: d.id } });
      showSuccess(t('common.deleted'));
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  const columns = [
    { title: t('task.documents.kind'), key: 'kind', render: (_: unknown, d: Doc) => d.kindName[lang] },
    {
      title: t('task.documents.file'), key: 'file',
      render: (_: unknown, d: Doc) => (
        <a href={`/api/attachments/${SUBJECT}/${task.id}/${d.id}`} download={d.fileName}><DownloadOutlined /> {d.fileName}</a>
      ),
    },
    { title: t('task.documents.size'), dataIndex: 'size', align: 'right' as const, render: (v: number) => fileSize(v) },
    { title: t('task.documents.note'), dataIndex: 'note', render: (v: string | null) => v ?? t('common.none') },
    { title: t('task.documents.uploadedAt'), dataIndex: 'uploadedAt', render: (v: string) => formatDateTime(v) },
    { title: t('task.documents.uploadedBy'), dataIndex: 'uploadedBy', render: (v: string | null) => v ?? t('common.none') },
    ...(writable ? [{
      title: t('common.actions'), key: 'actions', width: 90,
      render: (_: unknown, d: Doc) => (
        <Popconfirm
          title={t('common.confirmDelete', { name: d.fileName })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(d)}
        >
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      ),
    }] : []),
  ];

  return (
    <>
      {writable && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }} data-testid="document-upload">
          <Select
            aria-label={t('task.documents.kind')}
            placeholder={t('task.documents.kind')}
            value={kind}
            onChange={setKind}
            options={kinds}
            style={{ width: 380 }}
          />
          <Upload
            maxCount={1}
            accept={limit ? limit.extensions.map((e) => `.${e}`).join(',') : undefined}
            beforeUpload={(f) => { setFile(f); return false; }}
            onRemove={() => { setFile(null); }}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{t('task.documents.chooseFile')}</Button>
          </Upload>
          <Input
            aria-label={t('task.documents.note')}
            placeholder={t('task.documents.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ width: 240 }}
          />
          <Button type="primary" disabled={!kind || !file} loading={busy} onClick={upload}>{t('task.documents.upload')}</Button>
        </Flex>
      )}
      <Table<Doc> rowKey="id" columns={columns} dataSource={task.documents} pagination={false} size="small" scroll={{ x: 800 }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('task.documents.empty')}</Typography.Text> }} />
    </>
  );
}
