/**
 * The council page. The DOST sets the council up (members, dossiers), opens the sitting, marks presence, closes it
 * and downloads the minutes; leaders read it; a member with an account (reviewer) declares conflicts and submits
 * their own sheets for the dossiers assigned to them.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined, LockOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CouncilDetail, CouncilDossier, CouncilResults } from '../../../shared/schemas/councils.ts';
import { api, isApiError, type ApiError } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { useUser } from '../../session.tsx';
import { COUNCIL_STATUS_COLORS } from '../tasks/task-councils.tsx';
import { canManageCouncils, canReadCouncilResults, hasMyCouncils } from '../tasks/task-permissions.ts';
import { isoDay, useLang } from '../tasks/task-ui.tsx';
import { SimilarToTask } from '../tasks/similar-tasks.tsx';
import { CouncilMembers } from './council-members.tsx';
import { CouncilResultsView } from './council-results.tsx';
import { MySheets } from './council-sheets.tsx';

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
    return <Result status={loadError.status === 404 ? '404' : 'error'} title={loadError.status || undefined} subTitle={loadError.message} />;
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

  const back = council.subjectType === 'task'
    ? <Link to={`/tasks/${council.subjectId}`}><ArrowLeftOutlined /> {t('council.backToTask')}</Link>
    : hasMyCouncils(user.role) ? <Link to="/my-councils"><ArrowLeftOutlined /> {t('taskMenu.myCouncils')}</Link> : null;

  const rules = council.rules;
  const dossierColumns = [
    {
      title: t('council.dossiers.title'), key: 'title',
      render: (_: unknown, d: CouncilDossier) => (d.subjectType === 'task' ? <Link to={`/tasks/${d.subjectId}`}>{d.title}</Link> : d.title),
    },
    { title: t('council.dossiers.assigned'), key: 'assigned', align: 'right' as const, render: (_: unknown, d: CouncilDossier) => d.memberIds.length },
    ...(reader ? [{ title: t('council.dossiers.sheets'), dataIndex: 'sheetCount', align: 'right' as const }] : []),
  ];

  return (
    <>
      {back}
      <Card style={{ marginTop: 12 }}>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div style={{ flex: '1 1 500px', minWidth: 0 }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>{council.name}</Typography.Title>
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
              {isoDay(rules.onDate)} · {t('council.fields.sheetRule')}: {rules.scoringSheet.legalBasis} · {t('council.fields.passRule')}: {rules.passRule.legalBasis}
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
