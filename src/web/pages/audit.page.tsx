/** Nhật ký: who did what, when, with a before/after view of the fields that changed (admins). */
import { useMemo, useState } from 'react';
import { Flex, Result, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { entityNames } from '../../shared/i18n/messages.ts';
import type { Schemas } from '../api.ts';
import { asRow, changedFields, type FieldChange } from '../audit-diff.ts';
import { LoadMore } from '../components/load-more.tsx';
import { useScienceFieldNames } from '../components/science-field-select.tsx';
import { formatDateTime } from '../format.ts';
import { canReadAudit } from '../permissions.ts';
import { useUser } from '../session.tsx';
import { usePagedList } from '../use-paged-list.ts';

type Entry = Schemas['AuditEntry'];

/** Where the field labels of an entity live in the UI strings. */
const FIELD_LABELS: Record<string, string> = { organization: 'org.fields', person: 'person.fields' };
const FIELD_ALIASES: Record<string, string> = {
  adminUnitId: 'adminUnit', adminUnitName: 'adminUnit', organizationId: 'organization', organizationName: 'organization',
};
/** Coded values shown through their UI text. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  organization: { kind: 'org.kinds' },
  person: { degree: 'person.degrees', academicTitle: 'person.titles' },
};

function Diff({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation();
  const scienceFields = useScienceFieldNames();
  const changes = changedFields(entry.before, entry.after);
  if (!changes.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const label = (field: string) => {
    const base = FIELD_LABELS[entry.entity];
    const key = base && `${base}.${FIELD_ALIASES[field] ?? field}`;
    return key && i18n.exists(key) ? t(key) : field;
  };
  const show = (field: string) => (v: unknown) => {
    if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
    const labels = VALUE_LABELS[entry.entity]?.[field];
    if (labels && typeof v === 'string' && i18n.exists(`${labels}.${v}`)) return t(`${labels}.${v}`);
    if (field === 'scienceField' && typeof v === 'string') return scienceFields.has(v) ? `${v} ${scienceFields.get(v)}` : v;
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'object') return <code>{JSON.stringify(v)}</code>;
    return String(v);
  };
  return (
    <Table<FieldChange>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 220, render: (f: string) => label(f) },
        { title: t('audit.before'), dataIndex: 'before', render: (v, c) => show(c.field)(v), onCell: () => ({ className: 'audit-before' }) },
        { title: t('audit.after'), dataIndex: 'after', render: (v, c) => show(c.field)(v), onCell: () => ({ className: 'audit-after' }) },
      ]}
    />
  );
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red' };

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const [entity, setEntity] = useState<string | undefined>();
  const allowed = canReadAudit(user.role);
  const list = usePagedList(allowed ? '/api/audit' : null, { entity }, 50);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const names = entityNames[lang];

  const columns = useMemo(() => [
    { title: t('audit.time'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? t('audit.system') },
    {
      title: t('audit.action'), dataIndex: 'action', width: 130,
      render: (v: string) => <Tag color={ACTION_COLORS[v]}>{t(`audit.actions.${v}`, { defaultValue: v })}</Tag>,
    },
    {
      title: t('audit.entity'), key: 'entity',
      render: (_: unknown, e: Entry) => {
        const rec = asRow(e.after ?? e.before);
        const title = rec.name ?? rec.fullName ?? rec.username ?? null;
        return (
          <span>
            {capitalise(names[e.entity] ?? e.entity)}
            {typeof title === 'string' && <>: <Typography.Text strong>{title}</Typography.Text></>}
          </span>
        );
      },
    },
  ], [t, names]);

  if (!allowed) return <Result status="403" title="403" subTitle={t('errors.forbidden')} />;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('audit.title')}</Typography.Title>
        <Select
          aria-label={t('audit.filterEntity')}
          placeholder={t('audit.filterEntity')}
          allowClear
          value={entity}
          onChange={setEntity}
          style={{ width: 240 }}
          options={Object.entries(names).map(([value, label]) => ({ value, label }))}
        />
      </Flex>
      <Table<Entry>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        expandable={{ expandedRowRender: (e) => <Diff entry={e} />, expandRowByClick: true }}
      />
      <LoadMore list={list} />
    </>
  );
}
