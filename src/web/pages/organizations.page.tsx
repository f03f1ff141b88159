/** Tổ chức: search (diacritics optional, the server folds), filters, "Tải thêm" paging, create / edit / delete. */
import { useState } from 'react';
import { Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, type Organization } from '../../shared/schemas/organizations.ts';
import { api } from '../api.ts';
import { LoadMore } from '../components/load-more.tsx';
import { useScienceFieldNames } from '../components/science-field-select.tsx';
import { useFeedback } from '../feedback.tsx';
import { canWriteRegistry } from '../permissions.ts';
import { useUser } from '../session.tsx';
import { useDebounced, usePagedList } from '../use-paged-list.ts';
import { OrganizationDrawer } from './organization-drawer.tsx';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const writer = canWriteRegistry(user.role);
  const { showError, showSuccess } = useFeedback();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [kind, setKind] = useState<Organization['kind'] | undefined>();
  const [st, setSt] = useState<'true' | 'false' | undefined>();
  const list = usePagedList('/api/organizations', { q, kind, isStEnterprise: st });
  const [editing, setEditing] = useState<{ record: Organization | null } | null>(null);
  const fieldNames = useScienceFieldNames();

  const remove = async (org: Organization) => {
    try {
      await api.delete('/api/organizations/{id}', { params: { id: org.id }, query: { version: org.version } });
      list.remove(org.id);
      showSuccess(t('common.deleted'));
    } catch (e) {
      showError(e, { onReload: list.reload });
    }
  };

  const columns = [
    {
      title: t('org.fields.name'), key: 'name',
      render: (_: unknown, o: Organization) => (
        <div>
          <Typography.Text strong>{o.name}</Typography.Text>
          {o.shortName && <div><Typography.Text type="secondary">{o.shortName}</Typography.Text></div>}
        </div>
      ),
    },
    { title: t('org.fields.kind'), dataIndex: 'kind', render: (k: string) => t(`org.kinds.${k}`) },
    { title: t('org.fields.taxCode'), dataIndex: 'taxCode', render: (v: string | null) => v ?? t('common.none') },
    { title: t('org.fields.adminUnit'), dataIndex: 'adminUnitName', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('org.fields.scienceField'), dataIndex: 'scienceField',
      render: (v: string | null) => (v ? fieldNames.get(v) ?? v : t('common.none')),
    },
    {
      title: t('org.fields.isStEnterprise'), dataIndex: 'isStEnterprise',
      render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
    },
    { title: t('org.fields.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? t('common.none') },
    ...(writer ? [{
      title: t('common.actions'), key: 'actions', width: 170,
      render: (_: unknown, o: Organization) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ record: o })}>{t('common.edit')}</Button>
          <Popconfirm
            title={t('common.confirmDelete', { name: o.name })}
            description={t('common.confirmDeleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(o)}
          >
            <Button size="small" danger icon={<DeleteOutlined />}>{t('common.delete')}</Button>
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('org.title')}</Typography.Title>
        {writer && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ record: null })}>{t('org.new')}</Button>}
      </Flex>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('common.search')}
          placeholder={t('org.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ flex: '1 1 360px', maxWidth: 560 }}
        />
        <Select
          aria-label={t('org.filterKind')}
          placeholder={t('org.filterKind')}
          allowClear
          value={kind}
          onChange={setKind}
          style={{ width: 240 }}
          options={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))}
        />
        <Select
          aria-label={t('org.filterSt')}
          placeholder={t('org.filterSt')}
          allowClear
          value={st}
          onChange={setSt}
          style={{ width: 260 }}
          options={[{ value: 'true', label: t('org.stOnly') }, { value: 'false', label: t('org.notSt') }]}
        />
      </Flex>
      <Table<Organization>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 900 }}
      />
      <LoadMore list={list} />
      {editing && (
        <OrganizationDrawer
          open
          record={editing.record}
          onClose={() => setEditing(null)}
          onSaved={(org) => { list.upsert(org); setEditing(null); }}
        />
      )}
    </>
  );
}
