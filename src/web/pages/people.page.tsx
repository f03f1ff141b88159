/** Chuyên gia: search (diacritics optional), degree filter, "Tải thêm" paging, create / edit / delete. */
import { useState } from 'react';
import { Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEGREES, type Person } from '../../shared/schemas/people.ts';
import { personDisplayName } from '../../lib/vi/person-name.ts';
import { api } from '../api.ts';
import { LoadMore } from '../components/load-more.tsx';
import { useScienceFieldNames } from '../components/science-field-select.tsx';
import { useFeedback } from '../feedback.tsx';
import { canWriteRegistry } from '../permissions.ts';
import { useUser } from '../session.tsx';
import { useDebounced, usePagedList } from '../use-paged-list.ts';
import { PersonDrawer } from './person-drawer.tsx';

export function PeoplePage() {
  const { t } = useTranslation();
  const user = useUser();
  const writer = canWriteRegistry(user.role);
  const { showError, showSuccess } = useFeedback();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [degree, setDegree] = useState<(typeof DEGREES)[number] | undefined>();
  const list = usePagedList('/api/people', { q, degree });
  const [editing, setEditing] = useState<{ record: Person | null } | null>(null);
  const fieldNames = useScienceFieldNames();

  const remove = async (p: Person) => {
    try {
      await api.delete('/api/people/{id}', { params: { id: p.id }, query: { version: p.version } });
      list.remove(p.id);
      showSuccess(t('common.deleted'));
    } catch (e) {
      showError(e, { onReload: list.reload });
    }
  };

  const columns = [
    {
      title: t('person.fields.fullName'), key: 'fullName',
      render: (_: unknown, p: Person) => (
        <div>
          <Typography.Text strong>{personDisplayName(p)}</Typography.Text>
          {p.position && <div><Typography.Text type="secondary">{p.position}</Typography.Text></div>}
        </div>
      ),
    },
    { title: t('person.fields.organization'), dataIndex: 'organizationName', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('person.fields.scienceField'), dataIndex: 'scienceField',
      render: (v: string | null) => (v ? fieldNames.get(v) ?? v : t('common.none')),
    },
    { title: t('person.fields.email'), dataIndex: 'email', render: (v: string | null) => v ?? t('common.none') },
    { title: t('person.fields.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('person.fields.isExpert'), dataIndex: 'isExpert',
      render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
    },
    ...(writer ? [{
      title: t('common.actions'), key: 'actions', width: 170,
      render: (_: unknown, p: Person) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ record: p })}>{t('common.edit')}</Button>
          <Popconfirm
            title={t('common.confirmDelete', { name: p.fullName })}
            description={t('common.confirmDeleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(p)}
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
        <Typography.Title level={3} style={{ margin: 0 }}>{t('person.title')}</Typography.Title>
        {writer && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ record: null })}>{t('person.new')}</Button>}
      </Flex>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('common.search')}
          placeholder={t('person.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ flex: '1 1 360px', maxWidth: 560 }}
        />
        <Select
          aria-label={t('person.filterDegree')}
          placeholder={t('person.filterDegree')}
          allowClear
          value={degree}
          onChange={setDegree}
          style={{ width: 240 }}
          options={DEGREES.map((d) => ({ value: d, label: t(`person.degrees.${d}`) }))}
        />
      </Flex>
      <Table<Person>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 900 }}
      />
      <LoadMore list={list} />
      {editing && (
        <PersonDrawer
          open
          record={editing.record}
          onClose={() => setEditing(null)}
          onSaved={(p) => { list.upsert(p); setEditing(null); }}
        />
      )}
    </>
  );
}
