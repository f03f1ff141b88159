/**
 * Public page (no sign-in): accepted S&T tasks of a province — title, host, principal investigator, years, products,
 * abstract and where the results were applied (GET /api/public/tasks?province=…).
 */
import { useState } from 'react';
import { Button, Card, Empty, Flex, Input, Layout, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schemas } from '../../api.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { useDebounced, usePagedList } from '../../use-paged-list.ts';
import { useLang } from '../tasks/task-ui.tsx';

type Item = Schemas['PublicTask'];

export const PUBLIC_PROVINCES = ['tay-ninh', 'lang-son', 'an-giang'] as const;

function TaskCard({ task }: { task: Item }) {
  const { t } = useTranslation();
  const lang = useLang();
  const years = task.startYear ? (task.endYear && task.endYear !== task.startYear ? `${task.startYear}–${task.endYear}` : String(task.startYear)) : null;
  return (
    <Card size="small" data-testid="public-task" title={<Typography.Text strong style={{ whiteSpace: 'normal' }}>{task.title}</Typography.Text>}
      extra={task.acceptanceRating ? <Tag color="green">{t(`task.ratings.${task.acceptanceRating}`)}</Tag> : null}>
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        <Flex wrap gap={8}>
          {task.code && <Tag>{task.code}</Tag>}
          {years && <Tag color="blue">{years}</Tag>}
          {task.scienceFieldName && <Tag>{task.scienceFieldName[lang]}</Tag>}
        </Flex>
        <Typography.Text><b>{t('publicTasks.host')}:</b> {task.hostOrganizationName ?? t('common.none')}</Typography.Text>
        <Typography.Text><b>{t('publicTasks.pi')}:</b> {task.principalInvestigatorName ?? t('common.none')}</Typography.Text>
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
      </Space>
    </Card>
  );
}

export function PublicTasksPage() {
  const { t } = useTranslation();
  const [province, setProvince] = useState<string>('tay-ninh');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const list = usePagedList('/api/public/tasks', { province, q });

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#0b5cad', padding: '0 24px' }}>
        <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={12}>
          <Typography.Text style={{ color: '#fff', fontWeight: 600 }} ellipsis>{t('publicTasks.portal')}</Typography.Text>
          <Flex gap={12} align="center">
            <LanguageSwitch />
            <Link to="/login"><Button size="small">{t('login.submit')}</Button></Link>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1100, width: '100%', margin: '0 auto' }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('publicTasks.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('publicTasks.intro')}</Typography.Paragraph>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('publicTasks.province')}
            value={province}
            onChange={setProvince}
            style={{ width: 220 }}
            options={PUBLIC_PROVINCES.map((p) => ({ value: p, label: t(`publicTasks.provinces.${p}`) }))}
          />
          <Input.Search
            allowClear
            aria-label={t('common.search')}
            placeholder={t('publicTasks.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ flex: '1 1 320px', maxWidth: 520 }}
          />
        </Flex>
        {list.items.length === 0 && !list.loading ? <Empty description={t('publicTasks.empty')} /> : (
          <List
            dataSource={list.items}
            loading={list.loading}
            grid={{ gutter: 16, column: 1 }}
            renderItem={(task) => <List.Item><TaskCard task={task} /></List.Item>}
          />
        )}
        <LoadMore list={list} />
      </Layout.Content>
    </Layout>
  );
}
