/**
 * The task page: header (stage, days in stage against the target, legal basis, the Excel export), the stage actions,
 * and tabs for general information (with the organisations taking part), members, funding (planned against
 * disbursed, the disbursements), products, documents, councils, progress, replication, history and lineage.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, fillPath, isApiError, type ApiError, type ResponseOf, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { useUser } from '../../session.tsx';
import { TaskStageActions } from './task-actions.tsx';
import { TaskCouncils } from './task-councils.tsx';
import { TaskConclusions } from './task-conclusions.tsx';
import { TaskPapers } from './task-papers.tsx';
import { TASK_PROPOSERS } from '../../../shared/permissions.ts';
import { TaskDocuments } from './task-documents.tsx';
import { TaskFormDrawer } from './task-form-drawer.tsx';
import { TaskFunding } from './task-funding.tsx';
import { canEditTasks, canListTasks, canManageCouncils, hasMyCouncils } from './task-permissions.ts';
import { TaskHistory, TaskLineage, TaskProgress, TaskReplications } from './task-records.tsx';
import { StageTag, days, isoDay, money, useLang, useTaskWorkflow } from './task-ui.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { LoadErrorPage } from '../../components/status-page.tsx';
import { legalBasisText } from '../../../shared/labels/legal-basis.ts';



interface Loaded {
  task: Schemas['TaskDetail'];
  actions: Schemas['TaskActions'];
  history: Schemas['StageEvent'][];
  councils: ResponseOf<'get', '/api/councils'>['items'];
}

export function TaskPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const user = useUser();
  const { showError } = useFeedback();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('general');
  const writer = canEditTasks(user.role);
  // An enterprise follows its own tasks: its list is "Nhiệm vụ của tôi", a council shows it its conclusion only.
  const enterprise = TASK_PROPOSERS.has(user.role);
  // Back to the list the user has: a reviewer has no task list (403), only the councils it sits on.
  const toCouncils = !enterprise && !canListTasks(user.role) && hasMyCouncils(user.role);
  const backTo = enterprise ? '/my-tasks' : toCouncils ? '/my-councils' : '/tasks';
  const backLabel = enterprise ? t('enterprise.menu.myTasks') : toCouncils ? t('taskMenu.myCouncils') : t('task.backToList');

  const load = useCallback(async () => {
    try {
      const [task, actions, history, councils] = await Promise.all([
        api.get('/api/tasks/{id}', { params: { id } }),
        api.get('/api/tasks/{id}/actions', { params: { id } }),
        api.get('/api/tasks/{id}/history', { params: { id } }),
        api.get('/api/councils', { query: { subjectType: 'task', subjectId: id, limit: 100 } }),
      ]);
      setData({ task, actions, history, councils: councils.items });
      setError(null);
    } catch (e) {
      if (isApiError(e)) setError(e);
      else showError(e);
    }
  }, [id, showError]);
  useEffect(() => { setData(null); void load(); }, [load]);

  const workflow = useTaskWorkflow(data?.task.regimeDate);

  if (error) {
    return <LoadErrorPage status={error.status} message={error.message}
      extra={<Link to={backTo}><Button>{backLabel}</Button></Link>} />;
  }
  if (!data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const { task, actions, history, councils } = data;
  const changed = () => { void load(); };
  // What the stage allows is data of the workflow definition (stage capabilities), not stage keys here.
  const allows = (what: string) => task.stageCapabilities.allows.includes(what);
  const finished = task.stageCapabilities.closes;
  const editable = writer && !finished;

  const none = t('common.none');
  const enumText = (base: string, v: string | null) => (v ? t(`${base}.${v}`) : none);
  const outcome = (v: boolean | null) => (v === null ? none : v ? <Tag color="green">{t('task.passed')}</Tag> : <Tag color="red">{t('task.notPassed')}</Tag>);

  const general = (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="task-general">
      <Descriptions.Item label={t('task.fields.code')}>{task.code ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.proposalYear')}>{task.proposalYear}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.type')}>{enumText('task.types', task.type)}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.level')}>{enumText('task.levels', task.level)}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.scienceField')}>{task.scienceFieldName ? `${task.scienceField} ${task.scienceFieldName[lang]}` : none}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.assignmentMode')}>{enumText('task.assignmentModes', task.assignmentMode)}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.hostOrganizationId')}>{task.hostOrganizationName ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.principalInvestigatorId')}>{task.principalInvestigatorName ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.participants')} span={2}>
        {task.participants.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="task-participants">
            {task.participants.map((p) => (
              <li key={p.organizationId}>
                {p.organizationName} <Typography.Text type="secondary">({t(`task.participantRoles.${p.role}`)}{p.note ? `; ${p.note}` : ''})</Typography.Text>
              </li>
            ))}
          </ul>
        ) : t('task.participant.none')}
      </Descriptions.Item>
      <Descriptions.Item label={t('task.fields.fundingMode')}>{enumText('task.fundingModes', task.fundingMode)}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.period')}>
        {task.startDate || task.endDate ? `${isoDay(task.startDate) ?? '…'} – ${isoDay(task.endDate) ?? '…'}` : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('task.fields.identificationPassed')}>{outcome(task.identificationPassed)}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.selectionPassed')}>{outcome(task.selectionPassed)}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.acceptanceRating')}>{task.acceptanceRating ? t(`task.ratings.${task.acceptanceRating}`) : none}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.regimeDate')}>{isoDay(task.regimeDate)}</Descriptions.Item>
      <Descriptions.Item label={t('task.fields.summary')} span={2}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{task.summary ?? none}</Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );

  const members = (
    <Table
      rowKey="personId"
      size="small"
      pagination={false}
      dataSource={[
        ...(task.principalInvestigatorId ? [{ personId: `pi-${task.principalInvestigatorId}`, fullName: task.principalInvestigatorName ?? '', role: 'pi' }] : []),
        ...task.members,
      ]}
      columns={[
        { title: t('task.member.name'), dataIndex: 'fullName' },
        { title: t('task.member.role'), dataIndex: 'role', render: (r: string) => (r === 'pi' ? t('task.fields.principalInvestigatorId') : t(`task.memberRoles.${r}`)) },
      ]}
    />
  );

  const funding = <TaskFunding task={task} writable={editable} onChanged={changed} />;

  const products = (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={task.products}
      columns={[
        { title: t('task.product.name'), dataIndex: 'name' },
        { title: t('task.product.kind'), dataIndex: 'kind', render: (k: string) => t(`task.productKinds.${k}`) },
        { title: t('task.product.specification'), dataIndex: 'specification', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
        { title: t('task.product.quantity'), key: 'q', align: 'right' as const, render: (_: unknown, p: Schemas['TaskDetail']['products'][number]) => (p.quantity === null ? none : `${money(p.quantity)} ${p.unit ?? ''}`) },
        { title: t('task.product.status'), dataIndex: 'status', render: (s: string) => t(`task.productStatuses.${s}`) },
      ]}
    />
  );

  const count = (label: string, n: number) => (n ? `${label} (${n})` : label);
  const tabs = [
    { key: 'general', label: t('task.tabs.general'), children: general },
    // The tab counts the rows it lists: the principal investigator and the members.
    { key: 'members', label: count(t('task.tabs.members'), task.members.length + (task.principalInvestigatorId ? 1 : 0)), children: members },
    { key: 'funding', label: t('task.tabs.funding'), children: funding },
    { key: 'products', label: count(t('task.tabs.products'), task.products.length), children: products },
    { key: 'documents', label: count(t('task.tabs.documents'), task.documents.length),
      children: <TaskDocuments task={task} actions={actions} workflow={workflow} writable={editable} onChanged={changed} /> },
    enterprise
      ? { key: 'councils', label: t('enterprise.conclusions.title'), children: <TaskConclusions taskId={task.id} /> }
      : { key: 'councils', label: count(t('task.tabs.councils'), councils.length),
        children: <TaskCouncils task={task} councils={councils} manager={canManageCouncils(user.role) && !finished} /> },
    // Progress records belong to implementation, replication to the stages after acceptance, lineage to re-proposals.
    ...(allows('progress') || task.progress.length ? [{ key: 'progress', label: count(t('task.tabs.progress'), task.progress.length),
      children: <TaskProgress task={task} writable={editable} onChanged={changed} /> }] : []),
    ...(allows('replication') || task.replications.length ? [{ key: 'replications',
      label: count(t('task.tabs.replications'), task.replications.length),
      children: <TaskReplications task={task} writable={editable} onChanged={changed} /> }] : []),
    { key: 'history', label: t('task.tabs.history'), children: <TaskHistory events={history} /> },
    ...(task.lineage.length || allows('repropose') ? [{ key: 'lineage', label: count(t('task.tabs.lineage'), task.lineage.length),
      children: <TaskLineage task={task} writable={writer} /> }] : []),
  ];
  const activeTab = tabs.some((x) => x.key === tab) ? tab : 'general';

  return (
    <>
      <Link to={backTo}><ArrowLeftOutlined /> {backLabel}</Link>
      <Card style={{ marginTop: 12 }}>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <div style={{ flex: '1 1 500px', minWidth: 0 }}>
            <PageTitle style={{ marginBottom: 8 }}>{task.title}</PageTitle>
            <Space wrap size={[8, 4]}>
              {task.code && <Tag>{task.code}</Tag>}
              <StageTag stage={task.stage} name={task.stageName} overdue={task.overdue} />
              {!actions.stage.terminal && (
                <Typography.Text data-testid="days-in-stage">
                  {task.targetDays
                    ? t('task.daysOfTarget', { n: days(task.daysInStage), target: days(task.targetDays) })
                    : t('task.daysOnly', { n: days(task.daysInStage) })}
                </Typography.Text>
              )}
              {task.overdue && <Tag color="red">{t('task.overdue')}</Tag>}
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('task.legalBasis')}: {legalBasisText(task.legalBasis, lang)}
            </Typography.Paragraph>
          </div>
          <Space wrap>
            <Button icon={<FileExcelOutlined />} href={fillPath('/api/tasks/{id}/export.xlsx', { id: task.id })} download>{t('task.exportTask')}</Button>
            {editable && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
          </Space>
        </Flex>
      </Card>
      {!task.submittedAt && (
        <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('enterprise.draftBanner')} data-testid="draft-banner"
          action={<Link to={`/propose-task/${task.id}`}><Button type="primary">{t('enterprise.editDraft')}</Button></Link>} />
      )}
      {task.submittedAt && <div style={{ marginTop: 16 }}>
        <TaskStageActions
          task={task}
          actions={actions}
          workflow={workflow}
          onChanged={changed}
          extra={writer && allows('repropose') ? (
            <Typography.Paragraph style={{ margin: '8px 0 0' }}>
              {t('task.lineage.hint')}{' '}
              <Button size="small" onClick={() => setTab('lineage')}>{t('task.lineage.repropose')}</Button>
            </Typography.Paragraph>
          ) : null}
        />
      </div>}
      {task.submittedAt && (
        <TaskPapers task={task} officer={writer} host={enterprise && task.hostOrganizationId === user.organizationId} onChanged={changed} />
      )}
      <Card style={{ marginTop: 16 }}>
        <Tabs activeKey={activeTab} onChange={setTab} items={tabs} />
      </Card>
      {editing && (
        <TaskFormDrawer
          open
          record={task}
          onClose={() => setEditing(false)}
          onSaved={() => { setEditing(false); changed(); }}
        />
      )}
    </>
  );
}
