/**
 * The council page. The DOST sets the council up (members, dossiers), opens the sitting, marks presence, closes it
 * and downloads the minutes; leaders read it; a member with an account (reviewer) declares conflicts and submits
 * their own sheets for the dossiers assigned to them. While the council is prepared the DOST sets which members
 * evaluate each dossier; during the sitting the chair, the secretary or DOST staff enter paper sheets for members.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Modal, Popconfirm, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined, LockOutlined, PlayCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CouncilDetail, CouncilDossier, CouncilResults } from '../../../shared/schemas/councils.ts';
import { api, isApiError, type ApiError } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { useUser } from '../../session.tsx';
import { COUNCIL_STATUS_COLORS } from '../tasks/task-councils.tsx';
import { canListTasks, canManageCouncils, canReadCouncilResults, hasMyCouncils } from '../tasks/task-permissions.ts';
import { isoDay, useLang } from '../tasks/task-ui.tsx';
import { SimilarToTask } from '../tasks/similar-tasks.tsx';
import { CouncilMembers } from './council-members.tsx';
import { CouncilResultsView } from './council-results.tsx';
import { MySheets, PaperSheets } from './council-sheets.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { LoadErrorPage } from '../../components/status-page.tsx';
import { legalBasisText } from '../../../shared/labels/legal-basis.ts';

/** The DOST changes which members evaluate a dossier (every member by default) while the council is prepared. */
function AssignmentsButton({ council, dossier, onChanged, onError }: { council: CouncilDetail; dossier: CouncilDossier; onChanged(): void; onError(e: unknown): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [memberIds, setMemberIds] = useState<string[]>(dossier.memberIds);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await api.put('/api/councils/{id}/dossiers/{dossierId}/assignments', { params: { id: council.id, dossierId: dossier.id }, body: { memberIds } });
      setOpen(false);
      onChanged();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" icon={<TeamOutlined />} onClick={() => { setMemberIds(dossier.memberIds); setOpen(true); }}>
        {t('council.dossiers.assign')}
      </Button>
      <Modal open={open} title={t('council.dossiers.assignTitle', { title: dossier.title })} okText={t('common.save')} cancelText={t('common.cancel')}
        confirmLoading={busy} onOk={save} onCancel={() => setOpen(false)} width={640}>
        <Typography.Paragraph type="secondary">{t('council.dossiers.assignHint')}</Typography.Paragraph>
        <Select mode="multiple" style={{ width: '100%' }} value={memberIds} onChange={setMemberIds} aria-label={t('council.dossiers.assigned')}
          options={council.members.map((m) => ({ value: m.id, label: `${m.displayName} (${t(`council.roles.${m.role}`)})` }))}
          showSearch={{ optionFilterProp: 'label' }} />
      </Modal>
    </>
  );
}

export function CouncilPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const user = useUser();
  const navigate = useNavigate();
  const { showError, showSuccess } = useFeedback();
  const [council, setCouncil] = useState<CouncilDetail | null>(null);
  const [results, setResults] = useState<CouncilResults | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const manager = canManageCouncils(user.role);
  const reader = canReadCouncilResults(user.role);

  const load = useCallback(async () => {
    try {
      const [c, r] = await Promise.all([
        api.get('/api/councils/{id}', { params: { id } }),
        reader ? api.get('/api/councils/{id}/results', { params: { id } }) : Promise.resolve(null),
      ]);
      setCouncil(c);
      setResults(r);
      setLoadError(null);
    } catch (e) {
      if (isApiError(e)) setLoadError(e);
      else showError(e);
    }
  }, [id, reader, showError]);
  useEffect(() => { void load(); }, [load]);

  const onError = useCallback((e: unknown) => {
    setActionError(isApiError(e) ? e.message : String(e));
    showError(e, { onReload: () => void load() });
  }, [showError, load]);
  const changed = useCallback(() => { setActionError(null); void load(); }, [load]);

  if (loadError) {
    return <LoadErrorPage status={loadError.status} message={loadError.message} />;
  }
  if (!council) return <Spin style={{ display: 'block', margin: 48 }} />;

  const act = async (path: 'open' | 'close', done: string) => {
    setBusy(true);
    try {
      await api.post(path === 'open' ? '/api/councils/{id}/open' : '/api/councils/{id}/close', { params: { id: council.id }, body: { version: council.version } });
      showSuccess(done);
      changed();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    try {
      await api.delete('/api/councils/{id}', { params: { id: council.id }, query: { version: council.version } });
      showSuccess(t('common.deleted'));
      navigate(council.subjectType === 'task' ? `/tasks/${council.subjectId}` : '/');
    } catch (e) {
      onError(e);
    }
  };

  // A member with an account (reviewer) has no task list (its page is 403 for them): they go back to the councils
  // they sit on, and reach a task only from its dossier when it is this council's own subject (which the tasks
  // policy lets a member of its council read).
  const readsTasks = canListTasks(user.role);
  const mayReadTask = (taskId: string) => readsTasks || (!!council.myMemberId && council.subjectType === 'task' && council.subjectId === taskId);
  const back = hasMyCouncils(user.role) && !readsTasks
    ? <Link to="/my-councils" data-testid="council-back"><ArrowLeftOutlined /> {t('taskMenu.myCouncils')}</Link>
    : council.subjectType === 'task'
      ? <Link to={`/tasks/${council.subjectId}`} data-testid="council-back"><ArrowLeftOutlined /> {t('council.backToTask')}</Link>
      : null;

  const rules = council.rules;
  const dossierColumns = [
    {
      title: t('council.dossiers.title'), key: 'title',
      render: (_: unknown, d: CouncilDossier) => (d.subjectType === 'task' && mayReadTask(d.subjectId) ? <Link to={`/tasks/${d.subjectId}`}>{d.title}</Link> : d.title),
    },
    {
      title: t('council.dossiers.assigned'), key: 'assigned', align: 'right' as const,
      render: (_: unknown, d: CouncilDossier) => (
        <Space>
          <span data-testid="dossier-assigned">{d.memberIds.length}</span>
          {manager && council.status === 'draft' && <AssignmentsButton council={council} dossier={d} onChanged={changed} onError={onError} />}
        </Space>
      ),
    },
    ...(reader ? [{ title: t('council.dossiers.sheets'), dataIndex: 'sheetCount', align: 'right' as const }] : []),
  ];
  const me = council.members.find((m) => m.id === council.myMemberId);
  const entersPaperSheets = manager || me?.role === 'chair' || me?.role === 'secretary';

  return (
    <>
      {back}
      <Card style={{ marginTop: 12 }}>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div style={{ flex: '1 1 500px', minWidth: 0 }}>
            <PageTitle style={{ marginBottom: 8 }}>{council.name}</PageTitle>
            <Space wrap>
              <Tag>{council.kindName[lang]}</Tag>
              <Tag color={COUNCIL_STATUS_COLORS[council.status]} data-testid="council-status">{t(`council.statuses.${council.status}`)}</Tag>
            </Space>
          </div>
          <Space wrap>
            {manager && council.status === 'draft' && (
              <Button type="primary" icon={<PlayCircleOutlined />} loading={busy} onClick={() => act('open', t('council.opened'))}>{t('council.open')}</Button>
            )}
            {manager && council.status === 'open' && (
              <Popconfirm title={t('council.closeConfirm')} okText={t('council.close')} cancelText={t('common.cancel')} onConfirm={() => act('close', t('council.closed'))}>
                <Button type="primary" icon={<LockOutlined />} loading={busy}>{t('council.close')}</Button>
              </Popconfirm>
            )}
            {reader && (
              <Button icon={<FileWordOutlined />} href={`/api/councils/${council.id}/minutes.docx`} download>{t('council.minutes')}</Button>
            )}
            {manager && council.status === 'draft' && (
              <Popconfirm title={t('common.confirmDelete', { name: council.name })} okText={t('common.delete')} cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }} onConfirm={remove}>
                <Button danger>{t('common.delete')}</Button>
              </Popconfirm>
            )}
          </Space>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('council.fields.meetingDate')}>{isoDay(council.meetingDate) ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('council.fields.decisionNo')}>
            {council.decisionNo ?? t('common.none')}{council.decisionDate ? ` (${isoDay(council.decisionDate)})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('council.fields.location')}>{council.location ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('council.fields.rulesOn')} span={3}>
            <Typography.Text type="secondary">
              <span data-testid="council-rules">
                {isoDay(rules.onDate)} ({t(`council.fields.rulesDateOf.${rules.dateOf ?? 'meeting_date'}`)})
                {' '}· {t('council.fields.sheetRule')}: {legalBasisText(rules.scoringSheet.legalBasis, lang)} · {t('council.fields.passRule')}: {legalBasisText(council.evaluation === 'rating' && rules.kind ? rules.kind.legalBasis : rules.passRule.legalBasis, lang)}
              </span>
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        {actionError && (
          <Alert type="error" showIcon closable={{ onClose: () => setActionError(null) }} title={actionError} data-testid="council-error" style={{ marginTop: 12 }} />
        )}
      </Card>

      {council.myMemberId && (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={4}>{t('council.sheet.mine')}</Typography.Title>
          <MySheets council={council} onChanged={changed} />
        </div>
      )}

      {entersPaperSheets && council.status === 'open' && (
        <Card title={t('council.paper.title')} style={{ marginTop: 16 }}>
          <PaperSheets council={council} onChanged={changed} />
        </Card>
      )}

      {(manager || reader || !council.myMemberId) && (
        <Card title={t('council.members.title', { n: council.members.length })} style={{ marginTop: 16 }}>
          <CouncilMembers council={council} manager={manager} onChanged={changed} onError={onError} />
        </Card>
      )}

      <Card title={t('council.dossiers.heading')} style={{ marginTop: 16 }}>
        <Table<CouncilDossier> rowKey="id" size="small" pagination={false} columns={dossierColumns} dataSource={council.dossiers}
          expandable={{
            // Each task dossier shows the existing tasks it resembles (duplicate proposals), open from the start.
            rowExpandable: (d) => d.subjectType === 'task',
            defaultExpandAllRows: true,
            expandedRowRender: (d) => (
              <div data-testid="dossier-similar"><Typography.Text strong>{t('similar.show')}</Typography.Text><SimilarToTask taskId={d.subjectId} /></div>
            ),
          }} />
      </Card>

      {results && (
        <Card title={t('council.results.title')} style={{ marginTop: 16 }}>
          <CouncilResultsView results={results} />
        </Card>
      )}
    </>
  );
}
