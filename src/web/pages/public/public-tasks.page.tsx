/**
 * Public page (no sign-in): accepted S&T tasks of a province — title, host, principal investigator, years, products,
 * abstract and where the results were applied (GET /api/public/tasks?province=…). The province and the search are
 * kept in the address (`?province=lang-son&q=thanh+long`), so a page can be shared; each task has a printable page.
 */
import { useEffect, useState } from 'react';
import { Button, Card, Empty, Flex, Input, Layout, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import type { Schemas } from '../../api.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useDebounced, usePagedList } from '../../use-paged-list.ts';
import { useLang } from '../tasks/task-ui.tsx';

type Item = Schemas['PublicTask'];

export const PUBLIC_PROVINCES = ['tay-ninh', 'lang-son', 'an-giang'] as const;
const DEFAULT_PROVINCE = PUBLIC_PROVINCES[0];

/** The printable page of an accepted task (public-task.page.tsx). */
export const publicTaskPath = (province: string, id: string) => `/cong-khai/nhiem-vu/${province}/${id}`;

export function TaskCard({ task, province }: { task: Item; province?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const years = task.startYear ? (task.endYear && task.endYear !== task.startYear ? `${task.startYear}–${task.endYear}` : String(task.startYear)) : null;
  return (
    <Card size="small" data-testid="public-task" title={<Typography.Title level={2} style={{ whiteSpace: 'normal', fontSize: 16, margin: 0 }}>{task.title}</Typography.Title>}
      extra={task.acceptanceRating ? <Tag color="green">{t(`task.ratings.${task.acceptanceRating}`)}</Tag> : null}>
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        <Flex wrap gap={8}>
          {task.code && <Tag>{task.code}</Tag>}
          {years && <Tag color="blue">{years}</Tag>}
          {task.scienceFieldName && <Tag>{task.scienceFieldName[lang]}</Tag>}
        </Flex>
        <Typography.Text><b>{t('publicTasks.host')}:</b> {task.hostOrganizationName ?? t('common.none')}</Typography.Text>
        <Typography.Text><b>{t('publicTasks.pi')}:</b> {task.principalInvestigatorName ?? t('common.none')}</Typography.Text>
        {task.participants.length > 0 && (
          <Typography.Text>
            <b>{t('publicTasks.participants')}:</b> {task.participants.map((p) => `${p.name} (${t(`task.participantRoles.${p.role}`)})`).join('; ')}
          </Typography.Text>
        )}
        {task.summary && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}><b>{t('publicTasks.abstract')}:</b> {task.summary}</Typography.Paragraph>}
        {task.products.length > 0 && (
          <div>
            <b>{t('publicTasks.products')}:</b>
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {task.products.map((p, i) => (
                <li key={i}>{p.name} <Typography.Text type="secondary">({t(`task.productKinds.${p.kind}`)}) — {p.specification}</Typography.Text></li>
              ))}
            </ul>
          </div>
        )}
        {task.replications.length > 0 && (
          <div>
            <b>{t('publicTasks.replications')}:</b>
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {task.replications.map((r, i) => (
                <li key={i}>{r.place}{r.adopterName ? ` — ${r.adopterName}` : ''}: {r.scale} ({r.year})</li>
              ))}
            </ul>
          </div>
        )}
        {province && (
          <Link to={publicTaskPath(province, task.id)} className="no-print">
            <PrinterOutlined /> {t('publicPortal.printable')}
          </Link>
        )}
      </Space>
    </Card>
  );
}

/** The portal's frame: its header (language, sign-in) and the content in `<main>`. */
export function PortalLayout({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }} className="portal">
      <Layout.Header style={{ background: '#0b5cad', padding: '0 16px' }} className="no-print">
        <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={12}>
          <Typography.Text style={{ color: '#fff', fontWeight: 600, minWidth: 0 }} ellipsis>{t('publicTasks.portal')}</Typography.Text>
          <Flex gap={12} align="center" style={{ flexShrink: 0 }}>
            <LanguageSwitch />
            <Link to="/login"><Button size="small">{t('login.submit')}</Button></Link>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1100, width: '100%', margin: '0 auto' }}>{children}</Layout.Content>
    </Layout>
  );
}

export function PublicTasksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('province') ?? '';
  const province = (PUBLIC_PROVINCES as readonly string[]).includes(asked) ? asked : DEFAULT_PROVINCE;
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const q = useDebounced(search.trim());
  const list = usePagedList('/api/public/tasks', { province, q: q || undefined });

  // The address follows the choices (replacing the history entry while typing), so the page can be shared.
  useEffect(() => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (q) next.set('q', q);
      else next.delete('q');
      return next;
    }, { replace: true });
  }, [q, setParams]);
  const chooseProvince = (p: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    next.set('province', p);
    return next;
  });

  return (
    <PortalLayout>
      <PageTitle style={{ marginBottom: 8 }}>{t('publicTasks.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('publicTasks.intro')}</Typography.Paragraph>
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search" className="no-print">
        <Select
          aria-label={t('publicTasks.province')}
          value={province}
          onChange={chooseProvince}
          style={{ width: 220, maxWidth: '100%' }}
          options={PUBLIC_PROVINCES.map((p) => ({ value: p, label: t(`publicTasks.provinces.${p}`) }))}
        />
        <Input.Search
          allowClear
          aria-label={t('common.search')}
          placeholder={t('publicTasks.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ flex: '1 1 280px', maxWidth: 520 }}
        />
      </Flex>
      {list.items.length === 0 && !list.loading ? (
        <Empty description={q ? t('publicPortal.noMatch', { q }) : t('publicTasks.empty')} />
      ) : (
        <List
          dataSource={list.items}
          loading={list.loading}
          grid={{ gutter: 16, column: 1 }}
          renderItem={(task) => <List.Item><TaskCard task={task} province={province} /></List.Item>}
        />
      )}
      <div className="no-print"><LoadMore list={list} /></div>
    </PortalLayout>
  );
}
