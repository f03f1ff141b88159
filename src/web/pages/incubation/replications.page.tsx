/**
 * Mô hình nhân rộng: every replicated model of the province (from its S&T tasks or from described sources), filtered
 * by year, source and place — a province, a former district or a commune on the boundaries of a chosen day (models
 * placed in old communes count in their successors) — with the count per year, an Excel export, add and edit.
 */
import { useEffect, useState } from 'react';
import { Button, Flex, InputNumber, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { REPLICATION_SOURCE_KINDS, type ReplicationSourceKind } from '../../../shared/schemas/replications.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { api, withQuery, type Schemas } from '../../api.ts';
import { DateInput } from '../../components/date-input.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { RemoteSelect } from '../../components/remote-select.tsx';
import { RowActions } from '../../components/row-actions.tsx';
import { formatNumber } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { useDebounced } from '../../use-paged-list.ts';
import { useRecordList } from '../../use-record-list.ts';
import { canWriteReplications } from './incubation-permissions.ts';
import { ReplicationDrawer } from './replication-drawer.tsx';

type Model = Schemas['ReplicatedModel'];
const LEVELS = ['province', 'district', 'commune'] as const;

export function ReplicationsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const writer = canWriteReplications(user.role);
  const [year, setYear] = useState<number | null>(null);
  const yearQ = useDebounced(year);
  const [sourceKind, setSourceKind] = useState<ReplicationSourceKind | undefined>();
  const [asOf, setAsOf] = useState<string>(todayInVietnam());
  const [level, setLevel] = useState<(typeof LEVELS)[number]>('province');
  const [adminUnitId, setAdminUnitId] = useState<string | null>(null);
  const filters = { year: yearQ ?? undefined, sourceKind, adminUnitId: adminUnitId ?? undefined, asOf: adminUnitId ? asOf : undefined };
  const page = useRecordList('/api/replications', filters);
  const [byYear, setByYear] = useState<{ year: number; count: number }[]>([]);
  const key = JSON.stringify(filters);

  useEffect(() => {
    let live = true;
    api.get('/api/replications', { query: { ...(JSON.parse(key) as typeof filters), limit: 1 } })
      .then((r) => { if (live) setByYear(r.byYear); })
      .catch(() => { /* the counts stay as they were; the list shows the error */ });
    return () => { live = false; };
  }, [key, page.list.items.length]); // the filters by value (key), and again after an add or a delete

  const total = byYear.reduce((n, y) => n + y.count, 0);
  const columns: ColumnsType<Model> = [
    { title: t('replication.fields.year'), dataIndex: 'year', width: 80, align: 'right' },
    {
      title: t('replication.columns.model'), key: 'model',
      render: (_, m) => (
        <div>
          <strong>{m.name ?? m.taskTitle ?? m.place}</strong>
          <div><Typography.Text type="secondary">{m.scale}</Typography.Text></div>
        </div>
      ),
    },
    {
      title: t('replication.columns.source'), key: 'source', width: 280,
      render: (_, m) => (
        <div>
          <Tag>{t(`replication.sources.${m.sourceKind}`)}</Tag>
          <div>{m.taskId ? <Link to={`/tasks/${m.taskId}`}>{m.taskTitle}</Link> : m.sourceDescription}</div>
        </div>
      ),
    },
    {
      title: t('replication.columns.place'), key: 'place', width: 220,
      render: (_, m) => <div>{m.place}{m.adminUnitName && <div><Typography.Text type="secondary">{m.adminUnitName}</Typography.Text></div>}</div>,
    },
    { title: t('replication.columns.adopter'), dataIndex: 'adopterName', width: 200, render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('replication.columns.support'), key: 'support', width: 180,
      render: (_, m) => (
        <div>
          {m.supportAmount !== null ? formatNumber(m.supportAmount, 0) : t('common.none')}
          {m.legalDocumentNumber && <div><Typography.Text type="secondary">{m.legalDocumentNumber}</Typography.Text></div>}
        </div>
      ),
    },
    ...(writer ? [{
      title: t('common.actions'), key: 'actions', width: 170,
      render: (_: unknown, m: Model) => <RowActions name={m.name ?? m.place} onEdit={() => page.edit(m)} onDelete={() => page.remove(m)} />,
    }] : []),
  ];

  return (
    <ListPage
      title={t('replication.title')}
      actions={writer && <Button type="primary" icon={<PlusOutlined />} onClick={page.create}>{t('replication.add')}</Button>}
      filters={(
        <>
          <InputNumber<number>
            aria-label={t('replication.filters.year')} placeholder={t('replication.filters.year')} min={1990} max={2100} value={year}
            onChange={(v) => setYear(v ?? null)} style={{ width: 120 }}
          />
          <Select
            aria-label={t('replication.filters.source')} placeholder={t('replication.filters.source')} allowClear value={sourceKind}
            onChange={setSourceKind} style={{ width: 260 }}
            options={REPLICATION_SOURCE_KINDS.map((k) => ({ value: k, label: t(`replication.sources.${k}`) }))}
          />
          <DateInput aria-label={t('replication.filters.asOf')} value={asOf} onChange={(v) => { setAsOf(v ?? todayInVietnam()); setAdminUnitId(null); }} />
          <Select
            aria-label={t('replication.filters.level')} value={level} style={{ width: 200 }}
            onChange={(v) => { setLevel(v); setAdminUnitId(null); }}
            options={LEVELS.map((l) => ({ value: l, label: t(`replication.filters.levels.${l}`) }))}
          />
          <div style={{ width: 280 }}>
            <RemoteSelect
              key={`${level}|${asOf}`} path="/api/admin-units" query={{ level, asOf }} value={adminUnitId} onChange={setAdminUnitId}
              toOption={(u) => ({ value: u.id, label: u.parentName ? `${u.name}, ${u.parentName}` : u.name })}
              placeholder={t('replication.filters.unit')} aria-label={t('replication.filters.unit')}
            />
          </div>
          <Flex gap={8} wrap align="center" style={{ flexBasis: '100%' }} data-testid="replication-count">
            <Typography.Text strong>{t('replication.count', { count: total })}</Typography.Text>
            {byYear.map((y) => <Tag key={y.year}>{t('replication.countYear', { year: y.year, count: y.count })}</Tag>)}
          </Flex>
        </>
      )}
      exportHref={withQuery('/api/replications/export.xlsx', filters)}
      list={page.list}
      columns={columns}
      emptyText={t('replication.empty')}
      scrollX={1200}
    >
      {page.editing && <ReplicationDrawer open record={page.editing.record} onClose={page.closeEditor} onSaved={(m) => { page.saved(m); }} />}
    </ListPage>
  );
}
