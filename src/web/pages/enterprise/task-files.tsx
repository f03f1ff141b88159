/**
 * The files of a task as its host enterprise handles them (GET/POST/DELETE /api/attachments/task/:id): a kind, a
 * file and a note to upload, and the list with download links. Which kinds exist, their limits and what the caller
 * may do come from the attachments API (the task's own policy: a draft's files, or new files while the DOST has
 * asked for missing papers); the kinds a submission still needs are marked.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Flex, Input, Popconfirm, Select, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, type ResponseOf } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { fileSize, useLang } from '../tasks/task-ui.tsx';

type Listing = ResponseOf<'get', '/api/attachments/{subjectType}/{subjectId}'>;
type File_ = Listing['items'][number];
const SUBJECT = 'task';

interface Props {
  taskId: string;
  /** Kinds the next step requires (marked, listed first). */
  requiredKinds?: string[];
  /** Kinds offered first (the rest follow). */
  preferredKinds?: string[];
  /** Called after an upload or a removal. */
  onChanged?(): void;
  /** Files uploaded since this instant only (the answer to a request for missing papers). */
  since?: string;
  /** The listing as loaded (kinds with their names, what the caller may do). */
  onLoaded?(listing: Listing): void;
  testId?: string;
}

export function TaskFiles({ taskId, requiredKinds = [], preferredKinds = [], onChanged, since, onLoaded, testId }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { showError, showSuccess } = useFeedback();
  const [listing, setListing] = useState<Listing | null>(null);
  const [kind, setKind] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const l = await api.get('/api/attachments/{subjectType}/{subjectId}', { params: { subjectType: SUBJECT, subjectId: taskId } });
      setListing(l);
      onLoaded?.(l);
    } catch (e) {
      showError(e);
    }
  }, [taskId, showError]); // onLoaded deliberately not a dependency: a new callback each render must not reload
  useEffect(() => { void load(); }, [load]);

  const required = useMemo(() => new Set(requiredKinds), [requiredKinds]);
  const options = useMemo(() => {
    const rank = (k: string) => (required.has(k) ? 0 : preferredKinds.includes(k) ? 1 : 2);
    return [...(listing?.kinds ?? [])].sort((a, b) => rank(a.kind) - rank(b.kind))
      .map((k) => ({ value: k.kind, label: required.has(k.kind) ? t('enterprise.files.required', { name: k.name[lang] }) : k.name[lang] }));
  }, [listing, required, preferredKinds, lang, t]);
  const limit = listing?.kinds.find((k) => k.kind === kind);

  const upload = async () => {
    if (!kind || !file) return;
    if (limit && file.size > limit.maxBytes) {
      showError(new Error(t('enterprise.files.tooLarge', { size: fileSize(file.size), max: fileSize(limit.maxBytes) })));
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      if (note.trim()) form.append('note', note.trim());
      form.append('file', file, file.name);
      await api.upload('/api/attachments/{subjectType}/{subjectId}', { params: { subjectType: SUBJECT, subjectId: taskId }, query: { kind }, form });
      showSuccess(t('enterprise.files.uploaded', { name: file.name }));
      setFile(null);
      setNote('');
      setKind(undefined);
      await load();
      onChanged?.();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (f: File_) => {
    try {
      await api.delete('/api/attachments/{subjectType}/{subjectId}/{id}', { params: { subjectType: SUBJECT, subjectId: taskId, id: f.id } });
      showSuccess(t('common.deleted'));
      await load();
      onChanged?.();
    } catch (e) {
      showError(e);
    }
  };

  const items = (listing?.items ?? []).filter((f) => !since || f.createdAt >= since);
  const may = listing?.may ?? { attach: false, remove: false };
  return (
    <div data-testid={testId}>
      {may.attach && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('enterprise.files.kind')}
            placeholder={t('enterprise.files.kind')}
            value={kind}
            onChange={setKind}
            options={options}
            style={{ flex: '1 1 260px', maxWidth: 380, minWidth: 0 }}
          />
          <Upload
            maxCount={1}
            accept={limit ? limit.extensions.map((e) => `.${e}`).join(',') : undefined}
            beforeUpload={(f) => { setFile(f); return false; }}
            onRemove={() => { setFile(null); }}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{t('enterprise.files.choose')}</Button>
          </Upload>
          <Input
            aria-label={t('enterprise.files.note')}
            placeholder={t('enterprise.files.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ flex: '1 1 180px', maxWidth: 260, minWidth: 0 }}
          />
          <Button type="primary" disabled={!kind || !file} loading={busy} onClick={() => void upload()}>{t('enterprise.files.upload')}</Button>
        </Flex>
      )}
      <Table<File_>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('enterprise.files.none')}</Typography.Text> }}
        columns={[
          { title: t('enterprise.files.kind'), key: 'kind', render: (_: unknown, f: File_) => f.kindName[lang] },
          {
            title: t('enterprise.files.file'), key: 'file',
            render: (_: unknown, f: File_) => <a href={`/api/attachments/${SUBJECT}/${taskId}/${f.id}`} download={f.fileName}><DownloadOutlined /> {f.fileName}</a>,
          },
          { title: t('enterprise.files.size'), dataIndex: 'size', align: 'right' as const, render: (v: number) => fileSize(v) },
          { title: t('enterprise.files.uploadedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          ...(may.remove ? [{
            title: t('common.actions'), key: 'actions', width: 80,
            render: (_: unknown, f: File_) => (
              <Popconfirm
                title={t('common.confirmDelete', { name: f.fileName })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(f)}
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('enterprise.files.remove', { name: f.fileName })} />
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
    </div>
  );
}
