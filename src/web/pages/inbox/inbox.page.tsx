/**
 * Hộp thư: the signed-in account's items, newest first — reminders and notices addressed to them, their role,
 * their unit or their organisation — each linking to its subject, with mark read and mark all read.
 */
import { useState } from 'react';
import { Button, Empty, Flex, List, Switch, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Schemas } from '../../api.ts';
import { LoadMore } from '../../components/load-more.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { subjectLink } from '../../modules.tsx';
import { usePagedList } from '../../use-paged-list.ts';
import { announceInboxChange } from './inbox-events.ts';

type Item = Schemas['InboxItem'];

export function InboxPage() {
  const { t } = useTranslation();
  const { showError, showSuccess } = useFeedback();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = usePagedList('/api/inbox', { unread: unreadOnly ? 'true' : undefined });

  const markRead = async (item: Item) => {
    if (item.read) return;
    try {
      const updated = await api.post('/api/inbox/{id}/read', { params: { id: item.id } });
      if (unreadOnly) list.remove(item.id);
      else list.upsert(updated);
      announceInboxChange();
    } catch (e) {
      showError(e);
    }
  };

  const markAll = async () => {
    try {
      const r = await api.post('/api/inbox/read-all');
      showSuccess(t('inbox.allMarked', { n: r.marked }));
      list.reload();
      announceInboxChange();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <PageTitle>{t('inbox.title')}</PageTitle>
        <Flex align="center" gap={12} wrap>
          <label>
            <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} aria-label={t('inbox.unreadOnly')} />{' '}
            {t('inbox.unreadOnly')}
          </label>
          <Button icon={<CheckOutlined />} onClick={markAll}>{t('inbox.markAllRead')}</Button>
        </Flex>
      </Flex>
      <List<Item>
        loading={list.loading}
        dataSource={list.items}
        locale={{ emptyText: <Empty description={unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')} /> }}
        renderItem={(item) => {
          const link = item.subjectType && item.subjectId ? subjectLink(item.subjectType, item.subjectId) : null;
          return (
            <List.Item
              data-testid="inbox-item"
              actions={[
                link ? <Link key="open" to={link} onClick={() => void markRead(item)}>{t('inbox.open')}</Link> : null,
                item.read ? null : <Button key="read" size="small" type="link" onClick={() => void markRead(item)}>{t('inbox.markRead')}</Button>,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={(
                  <Flex gap={8} align="center" wrap>
                    {!item.read && <Tag color="blue">{t('inbox.unread')}</Tag>}
                    <Typography.Text strong={!item.read}>{item.title}</Typography.Text>
                  </Flex>
                )}
                description={(
                  <>
                    {item.body && <Typography.Paragraph style={{ marginBottom: 4 }}>{item.body}</Typography.Paragraph>}
                    <Typography.Text type="secondary">{t('inbox.received')}: {formatDateTime(item.createdAt)}</Typography.Text>
                  </>
                )}
              />
            </List.Item>
          );
        }}
      />
      <LoadMore list={list} />
    </>
  );
}
