/**
 * Nhật ký: who did what, when (Vietnam time), in words — the server's read model (GET /api/audit) names the
 * action, the record and each changed field and formats the values. Filters by account, record type, action and
 * days; the same filters export to Excel (GET /api/audit/export.xlsx, one row per changed field). Admins only.
 */
import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Select, Spin, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditOptions } from '../../shared/labels/audit.ts';
import { withQuery, type Schemas } from '../api.ts';
import { DateInput } from '../components/date-input.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { RemoteSelect, type Option } from '../components/remote-select.tsx';
import { ForbiddenPage } from '../components/status-page.tsx';
import { canReadAudit } from '../permissions.ts';
import { useUser } from '../session.tsx';
import { usePagedList } from '../use-paged-list.ts';

type Entry = Schemas['AuditEntry'];
type Change = Schemas['AuditChange'];
type Lang = 'vi' | 'en';

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', transition: 'purple', login: 'default' };
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const accountOption = (u: Schemas['User']): Option => ({ value: u.id, label: `${u.displayName} (${u.username})` });

function Changes({ entry, lang }: { entry: Entry; lang: Lang }) {
  const { t } = useTranslation();
  if (!entry.changes.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const shown = (v: Change['before']) => (v ? <span className="audit-value">{v[lang]}</span> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>);
  return (
    <Table<Change>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={entry.changes}
      scroll={{ x: 640 }}
      columns={[
        { title: t('audit.field'), dataIndex: 'label', width: 220, render: (l: Change['label']) => l[lang] },
        { title: t('audit.before'), dataIndex: 'before', render: shown, onCell: () => ({ className: 'audit-before' }) },
        { title: t('audit.after'), dataIndex: 'after', render: shown, onCell: () => ({ className: 'audit-after' }) },
      ]}
    />
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [actorId, setActorId] = useState<string | null>(null);
  const [entity, setEntity] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const allowed = canReadAudit(user.role);
  const filters = {
    actorId: actorId ?? undefined, entity, action,
    from: from && ISO.test(from) ? from : undefined, to: to && ISO.test(to) ? to : undefined,
  };
  const list = usePagedList(allowed ? '/api/audit' : null, filters, 50);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const columns = useMemo(() => [
    { title: t('audit.time'), dataIndex: 'atText', width: 170, render: (v: Entry['atText']) => v[lang] },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 220, render: (v: string | null) => v ?? t('audit.system') },
    {
      title: t('audit.action'), key: 'action', width: 210,
      render: (_: unknown, e: Entry) => <Tag color={ACTION_COLORS[e.action] ?? 'geekblue'} style={{ whiteSpace: 'normal' }}>{e.actionLabel[lang]}</Tag>,
    },
    {
      title: t('audit.entity'), key: 'entity',
      render: (_: unknown, e: Entry) => (
        <span>
          {e.entityLabel[lang]}
          {e.subjectName && <>: <Typography.Text strong>{e.subjectName}</Typography.Text></>}
        </span>
      ),
    },
  ], [t, lang]);

  if (!allowed) return <ForbiddenPage />;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <PageTitle>{t('audit.title')}</PageTitle>
        <Button icon={<DownloadOutlined />} href={withQuery('/api/audit/export.xlsx', { ...filters, lang })} download>
          {t('common.exportXlsx')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search" aria-label={t('audit.filters')}>
        <div style={{ width: 300, maxWidth: '100%' }}>
          <RemoteSelect path="/api/users" toOption={accountOption} value={actorId} onChange={setActorId} placeholder={t('audit.filterActor')} />
        </div>
        <Select
          aria-label={t('audit.filterEntity')} placeholder={t('audit.filterEntity')} allowClear value={entity} onChange={setEntity}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220, maxWidth: '100%' }} options={auditOptions(AUDIT_ENTITY_LABELS, lang)}
        />
        <Select
          aria-label={t('audit.filterAction')} placeholder={t('audit.filterAction')} allowClear value={action} onChange={setAction}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240, maxWidth: '100%' }} options={auditOptions(AUDIT_ACTION_LABELS, lang)}
        />
        <Flex gap={8} align="center" wrap>
          <div style={{ width: 150 }}><DateInput aria-label={t('audit.from')} value={from} onChange={setFrom} /></div>
          <span aria-hidden>–</span>
          <div style={{ width: 150 }}><DateInput aria-label={t('audit.to')} value={to} onChange={setTo} /></div>
        </Flex>
      </Flex>
      <Table<Entry>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading && list.items.length > 0}
        locale={{ emptyText: list.loaded ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('common.noMatch') : t('audit.empty')} /> : <Spin aria-label={t('common.loading')} /> }}
        pagination={false}
        scroll={{ x: 860 }}
        expandable={{ expandedRowRender: (e) => <Changes entry={e} lang={lang} />, expandRowByClick: true }}
      />
      <LoadMore list={list} />
    </>
  );
}
