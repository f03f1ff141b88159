/**
 * Cơ quan, đơn vị: the province's departments and agencies, the units accounts work in. By default the ones in force
 * today; a merged department is closed on its last day rather than deleted, so what named it keeps its name.
 */
import { useState } from 'react';
import { Button, Select, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { AGENCY_KINDS, type Agency, type AgencyKind } from '../../../shared/schemas/agencies.ts';
import { ListPage } from '../../components/list-page.tsx';
import { RowActions } from '../../components/row-actions.tsx';
import { canEditAgencies } from '../../permissions.ts';
import { useUser } from '../../session.tsx';
import { useDebounced } from '../../use-paged-list.ts';
import { useRecordList } from '../../use-record-list.ts';
import { AgencyDrawer } from './agency-drawer.tsx';

export function AgenciesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const editor = canEditAgencies(user.role);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [kind, setKind] = useState<AgencyKind | undefined>();
  const [withClosed, setWithClosed] = useState(false);
  const today = todayInVietnam();
  const page = useRecordList('/api/agencies', { q: q || undefined, kind, asOf: withClosed ? undefined : today });

  const columns: ColumnsType<Agency> = [
    {
      title: t('agency.fields.name'), key: 'name',
      render: (_, a) => (
        <div>
          <Typography.Text strong>{a.name}</Typography.Text>
          {a.issuesDocuments && <> <Tag color="blue">{t('agency.issuerTag', { symbol: a.documentSymbol })}</Tag></>}
          {a.parentName && <div><Typography.Text type="secondary">{a.parentName}</Typography.Text></div>}
        </div>
      ),
    },
    { title: t('agency.fields.kind'), dataIndex: 'kind', render: (k: string) => t(`agency.kinds.${k}`) },
    { title: t('agency.fields.shortName'), dataIndex: 'shortName', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('agency.period'), key: 'period',
      render: (_, a) => {
        const closed = a.validTo !== null && a.validTo < today;
        return (
          <span>
            {formatDate(a.validFrom)} – {a.validTo ? formatDate(a.validTo) : t('agency.open')}{' '}
            {closed && <Tag>{t('agency.closed')}</Tag>}
          </span>
        );
      },
    },
    ...(editor ? [{
      title: t('common.actions'), key: 'actions', width: 170,
      render: (_: unknown, a: Agency) => <RowActions name={a.name} onEdit={() => page.edit(a)} onDelete={() => page.remove(a)} />,
    }] : []),
  ];

  return (
    <ListPage
      title={t('agency.title')}
      actions={editor && <Button type="primary" icon={<PlusOutlined />} onClick={page.create}>{t('agency.new')}</Button>}
      search={{ value: search, onChange: setSearch, placeholder: t('agency.searchPlaceholder') }}
      filters={(
        <>
          <Select
            aria-label={t('agency.fields.kind')} placeholder={t('agency.fields.kind')} allowClear value={kind} onChange={setKind}
            style={{ width: 260 }} options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agency.kinds.${k}`) }))}
          />
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <Switch checked={withClosed} onChange={setWithClosed} aria-label={t('agency.withClosed')} />
            {t('agency.withClosed')}
          </label>
        </>
      )}
      list={page.list}
      columns={columns}
      emptyText={q || kind ? t('common.noMatch') : t('agency.empty')}
      scrollX={800}
    >
      {page.editing && <AgencyDrawer open record={page.editing.record} onClose={page.closeEditor} onSaved={page.saved} />}
    </ListPage>
  );
}
