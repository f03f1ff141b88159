/**
 * The files of a document (its official text, annexes), through the attachments API, which checks each kind's type
 * and size from the bytes. Files are per province: each keeps its own copy, national documents included.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Flex, Popconfirm, Select, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { fileSize } from '../tasks/task-ui.tsx';

const SUBJECT = 'legal_document';
type List = Schemas['AttachmentList'];
type File_ = List['items'][number];

export function LegalDocumentFiles({ documentId }: { documentId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { showError, showSuccess } = useFeedback();
  const [list, setList] = useState<List | null>(null);
  const [kind, setKind] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const params = { subjectType: SUBJECT, subjectId: documentId };

  const load = useCallback(async () => {
    try {
      setList(await api.get('/api/attachments/{subjectType}/{subjectId}', { params: { subjectType: SUBJECT, subjectId: documentId } }));
    } catch (e) {
      showError(e);
    }
  }, [documentId, showError]);
  useEffect(() => { void load(); }, [load]);

  const limit = list?.kinds.find((k) => k.kind === kind);
  const upload = async () => {
    if (!kind || !file) return;
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      await api.upload('/api/attachments/{subjectType}/{subjectId}', { params, query: { kind }, form });
      showSuccess(t('legalDoc.files.uploaded', { name: file.name }));
      setFile(null);
      await load();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (f: File_) => {
    try {
      await api.delete('/api/attachments/{subjectType}/{subjectId}/{id}', { params: { ...params, id: f.id } });
      showSuccess(t('common.deleted'));
      await load();
    } catch (e) {
      showError(e);
    }
  };

  const columns = [
    { title: t('legalDoc.files.kind'), key: 'kind', render: (_: unknown, f: File_) => f.kindName[lang] },
    {
      title: t('legalDoc.files.file'), key: 'file',
      render: (_: unknown, f: File_) => <a href={`/api/attachments/${SUBJECT}/${documentId}/${f.id}`} download={f.fileName}><DownloadOutlined /> {f.fileName}</a>,
    },
    { title: t('legalDoc.files.size'), dataIndex: 'size', align: 'right' as const, render: (v: number) => fileSize(v) },
    { title: t('legalDoc.files.uploadedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    ...(list?.may.remove ? [{
      title: t('common.actions'), key: 'actions', width: 90,
      render: (_: unknown, f: File_) => (
        <Popconfirm title={t('common.confirmDelete', { name: f.fileName })} okText={t('common.delete')} cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }} onConfirm={() => remove(f)}>
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      ),
    }] : []),
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('legalDoc.files.hint')}</Typography.Paragraph>
      {list?.may.attach && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Select aria-label={t('legalDoc.files.kind')} placeholder={t('legalDoc.files.kind')} value={kind} onChange={setKind} style={{ width: 240 }}
            options={list.kinds.map((k) => ({ value: k.kind, label: k.name[lang] }))} />
          <Upload maxCount={1} accept={limit ? limit.extensions.map((e) => `.${e}`).join(',') : undefined}
            beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => { setFile(null); }}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
            <Button icon={<UploadOutlined />}>{t('legalDoc.files.chooseFile')}</Button>
          </Upload>
          <Button type="primary" disabled={!kind || !file} loading={busy} onClick={() => void upload()}>{t('legalDoc.files.upload')}</Button>
        </Flex>
      )}
      <Table<File_> rowKey="id" size="small" pagination={false} columns={columns} dataSource={list?.items ?? []} loading={!list}
        locale={{ emptyText: <Typography.Text type="secondary">{t('legalDoc.files.empty')}</Typography.Text> }} />
    </>
  );
}
