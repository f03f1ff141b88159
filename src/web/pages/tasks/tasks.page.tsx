/**
 * Nhiệm vụ KH&CN: the task list with filters (year, stage, field, host, funding and assignment mode, overdue),
 * a diacritic-insensitive search, "Tải thêm" paging, the Excel export of the same filters and the proposal form.
 */
import { useMemo, useState } from 'react';
import { Button, Flex, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ASSIGNMENT_MODES, FUNDING_MODES, type Task } from '../../../shared/schemas/tasks.ts';
import { withQuery } from '../../api.ts';
import { LoadMore } from '../../components/load-more.tsx';
import { OrganizationSelect } from '../../components/organization-select.tsx';
import { ScienceFieldSelect } from '../../components/science-field-select.tsx';
import { useUser } from '../../session.tsx';
import { useDebounced, usePagedList } from '../../use-paged-list.ts';
import { TaskFormDrawer } from './task-form-drawer.tsx';
import { canEditTasks, canListTasks } from './task-permissions.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { StageTag, days, money, useEnumOptions, useLang, useTaskWorkflow } from './task-ui.tsx';
import './tasks.css';
import { PageTitle } from '../../components/page-title.tsx';
import { ForbiddenPage } from '../../components/status-page.tsx';

export function TasksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useUser();
  const navigate = useNavigate();
  const writer = canEditTasks(user.role);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [year, setYear] = useState<number | null>(null);
  const debouncedYear = useDebounced(year);
  const [stage, setStage] = useState<string | undefined>();
  const [scienceField, setScienceField] = useState<string | null>(null);
  const [host, setHost] = useState<string | null>(null);
  const [fundingMode, setFundingMode] = useState<(typeof FUNDING_MODES)[number] | undefined>();
  const [assignmentMode, setAssignmentMode] = useState<(typeof ASSIGNMENT_MODES)[number] | undefined>();
  const [overdue, setOverdue] = useState<'true' | 'false' | undefined>();
  const [creating, setCreating] = useState(false);
  const workflow = useTaskWorkflow(todayInVietnam());
  const fundingOptions = useEnumOptions(FUNDING_MODES, 'task.fundingModes');
  const assignmentOptions = useEnumOptions(ASSIGNMENT_MODES, 'task.assignmentModes');

  const filters = {
    q, year: debouncedYear ?? undefined, stage, scienceField: scienceField ?? undefined, hostOrganizationId: host ?? undefined,
    fundingMode, assignmentMode, overdue,
  };
  const allowed = canListTasks(user.role);
  const list = usePagedList(allowed ? '/api/tasks' : null, filters);

  const columns = useMemo(() => [
    { title: t('task.fields.code'), dataIndex: 'code', width: 160, render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('task.fields.title'), key: 'title', width: 380,
      render: (_: unknown, r: Task) => (
        <div>
          <Link to={`/tasks/${r.id}`}>{r.title}</Link>
          {r.scienceFieldName && <div><Typography.Text type="secondary">{r.scienceFieldName[lang]}</Typography.Text></div>}
        </div>
      ),
    },
    { title: t('task.fields.stage'), key: 'stage', width: 200, render: (_: unknown, r: Task) => <StageTag stage={r.stage} name={r.stageName} overdue={r.overdue} /> },
    {
      title: t('task.fields.daysInStage'), key: 'days', width: 130, align: 'right' as const,
      render: (_: unknown, r: Task) => (
        <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
          <span>{days(r.daysInStage)}{r.targetDays ? ` / ${days(r.targetDays)}` : ''}</span>
          {r.overdue && <Tag color="red">{t('task.overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('task.fields.host'), dataIndex: 'hostOrganizationName', width: 220, render: (v: string | null) => v ?? t('common.none') },
    { title: t('task.fields.pi'), dataIndex: 'principalInvestigatorName', width: 170, render: (v: string | null) => v ?? t('common.none') },
    { title: t('task.fields.proposalYear'), dataIndex: 'proposalYear', width: 90, align: 'right' as const },
    {
      title: t('task.fields.stateBudgetShort'), dataIndex: 'stateBudgetTotal', width: 140, align: 'right' as const,
      render: (v: number) => (v ? money(v) : t('common.none')),
    },
  ], [t, lang]);

  if (!allowed) return <ForbiddenPage />;

  const exportHref = withQuery('/api/tasks/export.xlsx', { ...filters, q: q || undefined });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <PageTitle>{t('task.title')}</PageTitle>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={exportHref} download>{t('task.export')}</Button>
          {writer && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('task.new')}</Button>}
        </Space>
      </Flex>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('common.search')}
          placeholder={t('task.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ flex: '1 1 360px', maxWidth: 520 }}
        />
        <InputNumber<number>
          aria-label={t('task.filters.year')}
          placeholder={t('task.filters.year')}
          min={1990}
          max={2100}
          value={year}
          onChange={(v) => setYear(v ?? null)}
          style={{ width: 130 }}
        />
        <Select
          aria-label={t('task.filters.stage')}
          placeholder={t('task.filters.stage')}
          allowClear
          value={stage}
          onChange={setStage}
          style={{ width: 280 }}
          options={(workflow?.definition.stages ?? []).map((s) => ({ value: s.key, label: s.name[lang] }))}
        />
        <div className="khcn-fill" style={{ width: 260 }}>
          <ScienceFieldSelect value={scienceField} onChange={setScienceField} placeholder={t('task.filters.field')} />
        </div>
        <div className="khcn-fill" style={{ width: 300 }}>
          <OrganizationSelect value={host} onChange={setHost} placeholder={t('task.filters.host')} />
        </div>
        <Select
          aria-label={t('task.filters.fundingMode')}
          placeholder={t('task.filters.fundingMode')}
          allowClear
          value={fundingMode}
          onChange={setFundingMode}
          style={{ width: 250 }}
          options={fundingOptions}
        />
        <Select
          aria-label={t('task.filters.assignmentMode')}
          placeholder={t('task.filters.assignmentMode')}
          allowClear
          value={assignmentMode}
          onChange={setAssignmentMode}
          style={{ width: 200 }}
          options={assignmentOptions}
        />
        <Select
          aria-label={t('task.filters.overdue')}
          placeholder={t('task.filters.overdue')}
          allowClear
          value={overdue}
          onChange={setOverdue}
          style={{ width: 200 }}
          options={[{ value: 'true', label: t('task.filters.overdueOnly') }, { value: 'false', label: t('task.filters.onTime') }]}
        />
      </Flex>
      <Table<Task>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 1500 }}
      />
      <LoadMore list={list} />
      {creating && (
        <TaskFormDrawer
          open
          record={null}
          onClose={() => setCreating(false)}
          onSaved={(task) => { setCreating(false); navigate(`/tasks/${task.id}`); }}
        />
      )}
    </>
  );
}
