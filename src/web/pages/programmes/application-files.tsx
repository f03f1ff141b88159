/**
 * The files of an application (GET/POST/DELETE /api/attachments/programme_application/:id): the kind, the file, the
 * upload; the list with download links. The kinds, their limits (rule `attachments.limits.programme_application`)
 * and what the caller may do come from the attachments API; a refused file shows the server's reason beside the
 * upload (type read from the bytes, size over the kind's limit).
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Flex, Popconfirm, Select, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type ResponseOf } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { fileSize, useLang } from '../tasks/task-ui.tsx';
import { FILE_TYPES } from '../../../shared/schemas/attachments.ts';

type Listing = ResponseOf<'get', '/api/attachments/{subjectType}/{subjectId}'>;
const SUBJECT = 'programme_application';

export function ApplicationFiles({ applicationId, requiredKinds, onChanged }: { applicationId: string; requiredKinds: string[]; onChanged?(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { showSuccess, showError } = useFeedback();
  const [listing, setListing] = useState<Listing | null>(null);
  const [kind, setKind] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setListing(await api.get('/api/attachments/{subjectType}/{subjectId}', { params: { subjectType: SUBJECT, subjectId: applicationId } }));
    } catch (e) { showError(e); }
  }, [applicationId, showError]);
  useEffect(() => { void load(); }, [load]);

  const limit = listing?.kinds.find((k) => k.kind === kind);
  const upload = async () => {
    if (!kind || !file) return;
    setBusy(true);
    setRefusal(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      await api.upload('/api/attachments/{subjectType}/{subjectId}', { params: { subjectType: SUBJECT, subjectId: applicationId }, query: { kind }, form });
      showSuccess(t('programmes.application.uploaded', { name: file.name }));
      setFile(null);
      await load();
      onChanged?.();
    } catch (e) {
      setRefusal(isApiError(e) ? e.message : String(e));
    } finally { setBusy(false); }
  };
  const remove = async (id: string) => {
    try {
      await api.delete('/api/attachments/{subjectType}/{subjectId}/{id}', { params: { subjectType: SUBJECT, subjectId: applicationId, id } });
      await load();
      onChanged?.();
    } catch (e) { showError(e); }
  };
  const typesOf = (types: readonly string[]) => types.map((x) => FILE_TYPES[x as keyof typeof FILE_TYPES]?.label ?? x).join(', ');

  return (
    <div data-testid="application-files">
      {listing?.may.attach && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
          <Select style={{ minWidth: 280 }} placeholder={t('programmes.application.kind')} aria-label={t('programmes.application.kind')} value={kind} onChange={setKind}
            options={(listing.kinds ?? []).map((k) => ({ value: k.kind, label: requiredKinds.includes(k.kind) ? t('programmes.application.requiredMark', { name: k.name[lang] }) : k.name[lang] }))} />
          <Upload beforeUpload={(f) => { setFile(f); setRefusal(null); return false; }} maxCount={1} showUploadList={false}>
            <Button icon={<UploadOutlined />}>{file ? file.name : t('programmes.application.chooseFile')}</Button>
          </Upload>
          <Button type="primary" disabled={!kind || !file} loading={busy} onClick={() => void upload()}>{t('programmes.application.upload')}</Button>
          {limit && <Typography.Text type="secondary">{t('programmes.application.limits', { types: typesOf(limit.types), size: fileSize(limit.maxBytes) })}</Typography.Text>}
        </Flex>
      )}
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 8 }} data-testid="upload-refusal" />}
      <Table rowKey="id" size="small" pagination={false} dataSource={listing?.items ?? []} locale={{ emptyText: t('programmes.application.noFiles') }} columns={[
        { title: t('programmes.application.kind'), render: (_, f) => f.kindName?.[lang] ?? f.kind },
        { title: t('programmes.application.fileName'), render: (_, f) => (
          <a href={`/api/attachments/${SUBJECT}/${applicationId}/${f.id}`}><DownloadOutlined /> {f.fileName}</a>
        ) },
        { title: t('programmes.application.uploadedAt'), render: (_, f) => formatDateTime(f.createdAt) },
        ...(listing?.may.remove ? [{ title: '', render: (_: unknown, f: { id: string }) => (
          <Popconfirm title={t('programmes.builder.remove')} onConfirm={() => void remove(f.id)}>
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('programmes.builder.remove')} />
          </Popconfirm>
        ) }] : []),
      ]} />
    </div>
  );
}
