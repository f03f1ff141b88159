/** Chuyên gia: search (diacritics optional), degree filter, "Tải thêm" paging, create / edit / delete. */
import { useState } from 'react';
import { Button, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEGREES, type Person } from '../../shared/schemas/people.ts';
import { personDisplayName } from '../../lib/vi/person-name.ts';
import { ListPage } from '../components/list-page.tsx';
import { RowActions } from '../components/row-actions.tsx';
import { useScienceFieldNames } from '../components/science-field-select.tsx';
import { canWriteRegistry } from '../permissions.ts';
import { useUser } from '../session.tsx';
import { useDebounced } from '../use-paged-list.ts';
import { useRecordList } from '../use-record-list.ts';
import { PersonDrawer } from './person-drawer.tsx';

export function PeoplePage() {
  const { t } = useTranslation();
  const user = useUser();
  const writer = canWriteRegistry(user.role);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [degree, setDegree] = useState<(typeof DEGREES)[number] | undefined>();
  const page = useRecordList('/api/people', { q: q || undefined, degree });
  const fieldNames = useScienceFieldNames();
  const none = t('common.none');

  const columns: ColumnsType<Person> = [
    {
      title: t('person.fields.fullName'), key: 'fullName',
      render: (_, p) => (
        <div>
          <Typography.Text strong>{personDisplayName(p)}</Typography.Text>
          {p.position && <div><Typography.Text type="secondary">{p.position}</Typography.Text></div>}
        </div>
      ),
    },
    { title: t('person.fields.organization'), dataIndex: 'organizationName', render: (v: string | null) => v ?? none },
    { title: t('person.fields.scienceField'), dataIndex: 'scienceField', render: (v: string | null) => (v ? fieldNames.get(v) ?? v : none) },
    { title: t('person.fields.email'), dataIndex: 'email', render: (v: string | null) => v ?? none },
    { title: t('person.fields.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? none },
    {
      title: t('person.fields.isExpert'), dataIndex: 'isExpert',
      render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
    },
    ...(writer ? [{
      title: t('common.actions'), key: 'actions', width: 170,
      render: (_: unknown, p: Person) => <RowActions name={p.fullName} onEdit={() => page.edit(p)} onDelete={() => page.remove(p)} />,
    }] : []),
  ];

  return (
    <ListPage
      title={t('person.title')}
      actions={writer && <Button type="primary" icon={<PlusOutlined />} onClick={page.create}>{t('person.new')}</Button>}
      search={{ value: search, onChange: setSearch, placeholder: t('person.searchPlaceholder') }}
      filters={(
        <Select
          aria-label={t('person.filterDegree')} placeholder={t('person.filterDegree')} allowClear value={degree} onChange={setDegree}
          style={{ width: 240 }} options={DEGREES.map((d) => ({ value: d, label: t(`person.degrees.${d}`) }))}
        />
      )}
      list={page.list}
      columns={columns}
      emptyText={q || degree ? t('common.noMatch') : t('person.empty')}
      scrollX={900}
    >
      {page.editing && <PersonDrawer open record={page.editing.record} onClose={page.closeEditor} onSaved={page.saved} />}
    </ListPage>
  );
}
