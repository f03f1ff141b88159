/**
 * Requests for missing papers (yêu cầu bổ sung hồ sơ) of a task: the DOST's officers ask the host organisation for
 * what is missing (a note listing it) and see its answers; the host enterprise, while a request is open, uploads the
 * new files and answers with a note (GET/POST /api/tasks/:id/paper-requests, POST …/:requestId/answer). Both sides
 * are told in their inbox by the server.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { api, isApiError, type ResponseOf } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { TaskFiles } from '../enterprise/task-files.tsx';
import { useLang } from './task-ui.tsx';

type PaperRequest = ResponseOf<'get', '/api/tasks/{id}/paper-requests'>['items'][number];

interface Props {
  task: TaskDetail;
  /** A DOST officer: may ask for missing papers. */
  officer: boolean;
  /** The host organisation's applicant: answers an open request. */
  host: boolean;
  onChanged(): void;
}

export function TaskPapers({ task, officer, host, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { showError, showSuccess } = useFeedback();
  const [items, setItems] = useState<PaperRequest[] | null>(null);
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setItems((await api.get('/api/tasks/{id}/paper-requests', { params: { id: task.id } })).items);
    } catch (e) {
      showError(e);
    }
  }, [task.id, showError]);
  useEffect(() => { void load(); }, [load, task.version]);

  if (!items) return null;
  const open = items.find((r) => !r.answeredAt);
  if (!officer && items.length === 0) return null;

  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/tasks/{id}/paper-requests', { params: { id: task.id }, body: { note } });
      showSuccess(t('enterprise.papers.requested'));
      setAsking(false);
      setNote('');
      await load();
      onChanged();
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    if (!open) return;
    setBusy(true);
    try {
      await api.post('/api/tasks/{id}/paper-requests/{requestId}/answer', { params: { id: task.id, requestId: open.id }, body: { note: answer } });
      showSuccess(t('enterprise.papers.sent'));
      setAnswer('');
      await load();
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="paper-requests"
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('enterprise.papers.title')}</Typography.Title>}
      extra={officer && !task.stageCapabilities.closes ? (
        <Button icon={<FileSearchOutlined />} disabled={!!open} onClick={() => { setAsking(true); setError(null); }}>{t('enterprise.papers.request')}</Button>
      ) : null}
    >
      <List
        dataSource={items}
        locale={{ emptyText: <Typography.Text type="secondary">{t('enterprise.papers.none')}</Typography.Text> }}
        renderItem={(r) => (
          <List.Item>
            <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
              <Space wrap size={[8, 4]}>
                {r.answeredAt ? <Tag color="green">{t('enterprise.papers.answered')}</Tag> : <Tag color="orange">{t('enterprise.papers.waiting')}</Tag>}
                <Typography.Text type="secondary">
                  {t('enterprise.papers.askedOn', { name: r.requestedBy ?? t('enterprise.papers.someone'), at: formatDateTime(r.requestedAt), stage: r.stageName[lang] })}
                </Typography.Text>
              </Space>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.note}</Typography.Paragraph>
              {r.answeredAt && (
                <>
                  <Typography.Text type="secondary">{t('enterprise.papers.answeredOn', { name: r.answeredBy ?? '', at: formatDateTime(r.answeredAt) })}</Typography.Text>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.answerNote}</Typography.Paragraph>
                </>
              )}
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {r.files.length ? t('enterprise.papers.files', { list: r.files.map((f) => f.fileName).join(', ') }) : t('enterprise.papers.noFiles')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {host && open && (
        <div style={{ marginTop: 8 }} data-testid="paper-answer">
          <Alert type="warning" showIcon title={t('enterprise.papers.answerHint')} style={{ marginBottom: 12 }} />
          <TaskFiles taskId={task.id} since={open.requestedAt} onChanged={() => void load()} testId="paper-files" />
          <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
            <label htmlFor="paper-answer-note">{t('enterprise.papers.answerLabel')}</label>
            <Input.TextArea id="paper-answer-note" rows={2} maxLength={4000} value={answer} onChange={(e) => setAnswer(e.target.value)} />
            <Button type="primary" loading={busy} disabled={!answer.trim() || open.files.length === 0} onClick={() => void send()}>{t('enterprise.papers.answer')}</Button>
          </Space>
        </div>
      )}
      <Modal
        open={asking}
        title={t('enterprise.papers.request')}
        okText={t('enterprise.papers.send')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !note.trim() }}
        confirmLoading={busy}
        onOk={() => void ask()}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('enterprise.papers.requestHint')}</Typography.Text>
          <label htmlFor="paper-request-note">{t('enterprise.papers.noteLabel')}</label>
          <Input.TextArea id="paper-request-note" rows={4} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      </Modal>
    </Card>
  );
}
