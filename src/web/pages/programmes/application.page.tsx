/**
 * Một hồ sơ đề nghị hỗ trợ, for its enterprise and for the DOST. The enterprise edits its draft (the call's form,
 * rendered from its JSON Schema and checked in the browser by ajv, then by the server), attaches files, submits
 * (the server's 400 lists every missing field and file), answers requests for additions, and follows each step
 * with the time it took (working days, stopped spans left out). Staff ask for additions, refuse with a reason, send
 * to review and take the later steps; other parts' panels (APPLICATION_PANELS) follow below.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Input, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, fieldProblems, isApiError, type ApiError, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { LoadErrorPage } from '../../components/status-page.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { MoneyInput, money, useLang } from '../tasks/task-ui.tsx';
import { CallForm, type CallFormHandle } from './call-form.tsx';
import { ApplicationFiles } from './application-files.tsx';
import { APPLICATION_PANELS } from './application-panels.tsx';

type Detail = Schemas['ApplicationDetail'];

export function ApplicationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { showError, showSuccess } = useFeedback();
  const [app, setApp] = useState<Detail | null>(null);
  const [call, setCall] = useState<Schemas['Call'] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const formRef = useRef<CallFormHandle>(null);

  const load = useCallback(async () => {
    try {
      const a = await api.get('/api/programme-applications/{id}', { params: { id: id! } });
      setApp(a);
      setTitle(a.title);
      setAmount(a.requestedAmount);
      setConflict(false);
      setCall(await api.get('/api/programme-calls/{id}', { params: { id: a.callId } }));
    } catch (e) {
      if (isApiError(e)) setLoadError(e); else showError(e);
    }
  }, [id, showError]);
  useEffect(() => { void load(); }, [load]);

  const failed = (e: unknown) => {
    if (isApiError(e) && e.status === 409 && e.code === 'common.version_conflict') setConflict(true);
    if (isApiError(e)) setProblems(fieldProblems(e).map((p) => p.message ?? p.path));
    showError(e);
  };

  const saveDraft = async (): Promise<Detail | null> => {
    if (!app) return null;
    try {
      const saved = await api.put('/api/programme-applications/{id}', { params: { id: app.id }, body: {
        title, requestedAmount: amount, answers: formRef.current?.values() ?? app.answers, version: app.version,
      } });
      setApp(saved);
      setProblems([]);
      return saved;
    } catch (e) { failed(e); return null; }
  };

  const submit = async () => {
    if (!formRef.current?.validate()) { showError(new Error(t('programmes.application.clientInvalid'))); return; }
    const saved = await saveDraft();
    if (!saved) return;
    try {
      setApp(await api.post('/api/programme-applications/{id}/submit', { params: { id: saved.id }, body: { version: saved.version } }));
      setProblems([]);
      showSuccess(t('programmes.application.submitted'));
    } catch (e) { failed(e); await load(); }
  };

  const act = async (action: string) => {
    if (!app) return;
    try {
      const moved = await api.post('/api/programme-applications/{id}/transitions', { params: { id: app.id }, body: {
        action: action as never, version: app.version, ...(reason.trim() ? { reason: reason.trim() } : {}),
      } });
      setApp(moved);
      setReason('');
      showSuccess(t('programmes.application.moved', { stage: moved.stageName[lang] }));
    } catch (e) { failed(e); }
  };

  const requestAdditions = async () => {
    if (!app) return;
    try {
      setApp(await api.post('/api/programme-applications/{id}/requests', { params: { id: app.id }, body: { note, version: app.version } }));
      setNote('');
      showSuccess(t('programmes.application.requested'));
    } catch (e) { failed(e); }
  };

  const answer = async (requestId: string) => {
    if (!app) return;
    try {
      setApp(await api.post('/api/programme-applications/{id}/requests/{requestId}/answer', { params: { id: app.id, requestId }, body: { note } }));
      setNote('');
      showSuccess(t('programmes.application.answered'));
    } catch (e) { failed(e); }
  };

  const remove = async () => {
    if (!app) return;
    try {
      await api.delete('/api/programme-applications/{id}', { params: { id: app.id }, query: { version: app.version } });
      showSuccess(t('programmes.application.deleted'));
      navigate('/support-portal');
    } catch (e) { failed(e); }
  };

  if (loadError) return <LoadErrorPage status={loadError.status} message={loadError.message} />;
  if (!app || !call) return <Spin />;
  const open = app.requests.find((r) => r.answeredAt === null);
  return (
    <>
      <PageTitle>{t('programmes.application.title', { title: app.title })}</PageTitle>
      {conflict && <Alert type="warning" showIcon message={t('programmes.application.conflict')} action={<Button onClick={() => void load()}>{t('programmes.application.reload')}</Button>} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }} items={[
        { key: 'call', label: t('programmes.application.call'), children: call.title },
        { key: 'org', label: t('programmes.application.organization'), children: app.organizationName },
        { key: 'code', label: t('programmes.application.code'), children: app.code ?? '—' },
        { key: 'stage', label: t('programmes.application.stage'), children: <Tag data-testid="application-stage" color={app.awaitingAdditions ? 'orange' : 'blue'}>{app.stageName[lang]}</Tag> },
        { key: 'submitted', label: t('programmes.application.submittedAt'), children: app.submittedAt ? formatDateTime(app.submittedAt) : '—' },
        { key: 'amount', label: t('programmes.application.requestedAmount'), children: money(app.requestedAmount) },
      ]} />
      {app.awaitingAdditions && <Alert type="warning" showIcon message={t('programmes.application.awaiting')} style={{ marginBottom: 12 }} />}

      <Card size="small" title={t('programmes.application.answers')} style={{ marginBottom: 16 }}>
        {app.may.edit && (
          <Flex gap={12} wrap style={{ marginBottom: 12 }}>
            <label style={{ flex: 2, minWidth: 260 }}>{t('programmes.application.name')}
              <Input value={title} onChange={(e) => setTitle(e.target.value)} aria-label={t('programmes.application.name')} />
            </label>
            <label style={{ flex: 1, minWidth: 200 }}>{t('programmes.application.requestedAmount')}
              <MoneyInput value={amount ?? undefined} onChange={(v) => setAmount(v ?? null)} style={{ width: '100%' }} aria-label={t('programmes.application.requestedAmount')} />
            </label>
          </Flex>
        )}
        <CallForm ref={formRef} callId={call.id} schema={call.formSchema} value={app.answers} disabled={!app.may.edit} />
      </Card>

      <Card size="small" title={t('programmes.application.files')} style={{ marginBottom: 16 }}>
        <ApplicationFiles applicationId={app.id} requiredKinds={call.requiredDocuments} onChanged={() => void load()} />
      </Card>

      {app.may.edit && (
        <Card size="small" style={{ marginBottom: 16 }}>
          {(problems.length > 0 || app.missing.length > 0) && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('programmes.application.missing')} data-testid="submit-problems"
              description={<ul style={{ margin: 0 }}>{(problems.length ? problems : app.missing.map((m) => m.message[lang])).map((p, i) => <li key={i}>{p}</li>)}</ul>} />
          )}
          <Space wrap>
            <Button onClick={() => void saveDraft().then((s) => s && showSuccess(t('programmes.application.saved')))}>{t('programmes.application.saveDraft')}</Button>
            <Button type="primary" onClick={() => void submit()}>{t('programmes.application.submit')}</Button>
            <Popconfirm title={t('programmes.application.delete')} onConfirm={() => void remove()}>
              <Button danger>{t('programmes.application.delete')}</Button>
            </Popconfirm>
          </Space>
        </Card>
      )}

      {(app.requests.length > 0 || app.may.requestAdditions) && (
        <Card size="small" title={t('programmes.application.requests')} style={{ marginBottom: 16 }}>
          {app.requests.map((r) => (
            <div key={r.id} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{formatDateTime(r.requestedAt)}:</Typography.Text> {r.note}
              {r.answeredAt && (
                <div><Typography.Text type="secondary">{t('programmes.application.answeredOn', { date: formatDateTime(r.answeredAt) })}: {r.answerNote} ({r.files.map((f) => f.fileName).join(', ')})</Typography.Text></div>
              )}
            </div>
          ))}
          {(app.may.requestAdditions || (app.may.answerAdditions && open)) && (
            <Flex gap={8} align="start" wrap>
              <Input.TextArea rows={2} style={{ flex: 1, minWidth: 260 }} value={note} onChange={(e) => setNote(e.target.value)}
                aria-label={app.may.requestAdditions ? t('programmes.application.requestNote') : t('programmes.application.answerNote')}
                placeholder={app.may.requestAdditions ? t('programmes.application.requestNote') : t('programmes.application.answerNote')} />
              {app.may.requestAdditions
                ? <Button disabled={!note.trim()} onClick={() => void requestAdditions()}>{t('programmes.application.request')}</Button>
                : <Button type="primary" disabled={!note.trim()} onClick={() => void answer(open!.id)}>{t('programmes.application.answer')}</Button>}
            </Flex>
          )}
        </Card>
      )}

      {app.actions.length > 0 && (
        <Card size="small" title={t('programmes.application.actions')} style={{ marginBottom: 16 }}>
          {app.actions.some((a) => a.needsReason) && (
            <Input style={{ marginBottom: 8 }} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('programmes.application.reason')} aria-label={t('programmes.application.reason')} />
          )}
          <Space wrap>
            {app.actions.map((a) => (
              <Button key={a.action} danger={a.needsReason || a.action === 'withdraw'} disabled={a.needsReason && !reason.trim()} onClick={() => void act(a.action)}>{a.name[lang]}</Button>
            ))}
          </Space>
        </Card>
      )}

      {app.history.length > 0 && (
        <Card size="small" title={t('programmes.application.history')} style={{ marginBottom: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={app.history} data-testid="application-history" scroll={{ x: 'max-content' }} columns={[
            { title: t('programmes.application.stageCol'), render: (_, e) => e.toName?.[lang] ?? e.toStage },
            { title: t('programmes.application.enteredAt'), render: (_, e) => formatDateTime(e.at) },
            { title: t('programmes.application.workingDays'), align: 'right', render: (_, e) => formatNumber(e.workingDays, 1) },
            { title: t('programmes.application.days'), align: 'right', render: (_, e) => formatNumber(e.clockDays, 2) },
            { title: t('programmes.application.note'), render: (_, e) => [e.note, ...e.clockStops.map((s) => t('programmes.application.stopped', {
              from: formatDateTime(s.stoppedAt), to: s.resumedAt ? formatDateTime(s.resumedAt) : t('programmes.application.running'),
            }))].filter(Boolean).join(' · ') },
          ]} />
        </Card>
      )}

      {APPLICATION_PANELS.map(({ key, Component }) => <Component key={key} application={app} reload={() => void load()} />)}
    </>
  );
}
