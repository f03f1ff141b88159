/**
 * The stage actions of a task (GET /api/tasks/:id/actions): one button per action the caller may take, disabled
 * with what is still missing (documents and fields, by their names in the workflow) until it is ready. Clicking asks
 * for an optional note and POSTs the transition with the task's version; a refusal shows the server's message as is.
 */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Modal, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { api, isApiError, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { useLang, type ResolvedWorkflow } from './task-ui.tsx';

type Actions = Schemas['TaskActions'];
type Action = Actions['actions'][number];

interface Props {
  task: TaskDetail;
  actions: Actions | null;
  workflow: ResolvedWorkflow | null;
  onChanged(task: TaskDetail): void;
  /** Shown under the actions (e.g. the way to propose a rejected task again). */
  extra?: React.ReactNode;
}

export function TaskStageActions({ task, actions, workflow, onChanged, extra }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { showSuccess } = useFeedback();
  const [pending, setPending] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!actions) return null;
  const labels = workflow?.definition.labels;
  const docName = (k: string) => labels?.documents?.[k]?.[lang] ?? k;
  const fieldName = (k: string) => labels?.fields?.[k]?.[lang] ?? k;
  const actionName = (k: string) => workflow?.definition.transitions.find((x) => x.action === k)?.name?.[lang] ?? k;
  const missingText = (a: Action) => [
    a.missingDocuments.length ? t('task.actions.missingDocuments', { list: a.missingDocuments.map(docName).join('; ') }) : null,
    a.missingFields.length ? t('task.actions.missingFields', { list: a.missingFields.map(fieldName).join('; ') }) : null,
  ].filter(Boolean).join(' · ');

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await api.post('/api/tasks/{id}/transitions', {
        params: { id: task.id }, body: { action: pending.action, note: note.trim() || null, version: task.version },
      });
      showSuccess(t('task.actions.done', { stage: updated.stageName[lang] }));
      setPending(null);
      onChanged(updated);
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const others = actions.othersMayAct;
  /** Actions that end the workflow unfavourably are shown as danger buttons, never as the primary one. */
  const ending = (a: Action) => a.to === 'not_approved' || a.to === 'not_accepted';
  return (
    <Card size="small" title={t('task.actions.title')} data-testid="stage-actions">
      {actions.stage.terminal && <Typography.Text type="secondary">{t('task.actions.terminal')}</Typography.Text>}
      {!actions.stage.terminal && actions.actions.length === 0 && others.length === 0 && (
        <Typography.Text type="secondary">{t('task.actions.none')}</Typography.Text>
      )}
      <Flex wrap gap={8}>
        {actions.actions.map((a) => {
          const missing = a.ready ? null : missingText(a);
          const button = (
            <Button
              key={a.action}
              type={a.ready && !ending(a) ? 'primary' : 'default'}
              danger={ending(a)}
              disabled={!a.ready}
              onClick={() => { setPending(a); setNote(''); setError(null); }}
            >
              {a.name[lang]}
            </Button>
          );
          return missing ? <Tooltip key={a.action} title={missing}>{button}</Tooltip> : button;
        })}
      </Flex>
      {actions.actions.some((a) => !a.ready) && (
        <ul style={{ margin: '8px 0 0', paddingLeft: 20 }} data-testid="missing-list">
          {actions.actions.filter((a) => !a.ready).map((a) => (
            <li key={a.action}>
              <Typography.Text type="secondary">{a.name[lang]}: {missingText(a)}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {others.map((o) => t('task.actions.others', {
            action: actionName(o.action), roles: o.roles.map((r) => t(`roles.${r}`)).join(', '),
          })).join(' ')}
        </Typography.Paragraph>
      )}
      {extra}
      <Modal
        open={pending !== null}
        title={pending ? `${pending.name[lang]} → ${pending.toName[lang]}` : ''}
        okText={t('task.actions.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={confirm}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {pending?.note && <Alert type="info" showIcon title={pending.note[lang]} />}
          <Typography.Text>{t('task.actions.noteLabel')}</Typography.Text>
          <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('task.actions.noteLabel')} maxLength={2000} />
          {error && <Alert type="error" showIcon title={error} data-testid="transition-error" />}
        </Space>
      </Modal>
    </Card>
  );
}
