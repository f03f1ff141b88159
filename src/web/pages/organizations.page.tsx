/** Tổ chức: search (diacritics optional, the server folds), filters, Excel export, "Tải thêm" paging, create / edit / delete. */
import { useState } from 'react';
import { Button, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, type Organization } from '../../shared/schemas/organizations.ts';
import { withQuery } from '../api.ts';
import { ListPage } from '../components/list-page.tsx';
import { RowActions } from '../components/row-actions.tsx';
import { useScienceFieldNames } from '../components/science-field-select.tsx';
import { canWriteRegistry } from '../permissions.ts';
import { useUser } from '../session.tsx';
import { useDebounced } from '../use-paged-list.ts';
import { useRecordList } from '../use-record-list.ts';
import { OrganizationDrawer } from './organization-drawer.tsx';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const writer = canWriteRegistry(user.role);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [kind, setKind] = useState<Organization['kind'] | undefined>();
  const [st, setSt] = useState<'true' | 'false' | undefined>();
  const filters = { q: q || undefined, kind, isStEnterprise: st };
  const page = useRecordList('/api/organizations', filters);
  const fieldNames = useScienceFieldNames();
  const none = t('common.none');

  const columns: ColumnsType<Organization> = [
    {
      title: t('org.fields.name'), key: 'name',
      render: (_, o) => (
        <div>
          <Typography.Text strong>{o.name}</Typography.Text>
          {o.shortName && <div><Typography.Text type="secondary">{o.shortName}</Typography.Text></div>}
        </div>
      ),
    },
    { title: t('org.fields.kind'), dataIndex: 'kind', render: (k: string) => t(`org.kinds.${k}`) },
    { title: t('org.fields.taxCode'), dataIndex: 'taxCode', render: (v: string | null) => v ?? none },
    { title: t('org.fields.adminUnit'), dataIndex: 'adminUnitName', render: (v: string | null) => v ?? none },
    { title: t('org.fields.scienceField'), dataIndex: 'scienceField', render: (v: string | null) => (v ? fieldNames.get(v) ?? v : none) },
    {
      title: t('org.fields.isStEnterprise'), dataIndex: 'isStEnterprise',
      render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
    },
    { title: t('org.fields.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? none },
    ...(writer ? [{
      title: t('common.actions'), key: 'actions', width: 170,
      render: (_: unknown, o: Organization) => <RowActions name={o.name} onEdit={() => page.edit(o)} onDelete={() => page.remove(o)} />,
    }] : []),
  ];

  return (
    <ListPage
      title={t('org.title')}
      actions={writer && <Button type="primary" icon={<PlusOutlined />} onClick={page.create}>{t('org.new')}</Button>}
      search={{ value: search, onChange: setSearch, placeholder: t('org.searchPlaceholder') }}
      filters={(
        <>
          <Select
            aria-label={t('org.filterKind')} placeholder={t('org.filterKind')} allowClear value={kind} onChange={setKind}
            style={{ width: 240 }} options={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))}
          />
          <Select
            aria-label={t('org.filterSt')} placeholder={t('org.filterSt')} allowClear value={st} onChange={setSt} style={{ width: 260 }}
            options={[{ value: 'true', label: t('org.stOnly') }, { value: 'false', label: t('org.notSt') }]}
          />
        </>
      )}
      exportHref={withQuery('/api/organizations/export.xlsx', filters)}
      list={page.list}
      columns={columns}
      emptyText={q || kind || st ? t('common.noMatch') : t('org.empty')}
      scrollX={900}
    >
      {page.editing && (
        <OrganizationDrawer open record={page.editing.record} onClose={page.closeEditor} onSaved={page.saved} />
      )}
    </ListPage>
  );
}
