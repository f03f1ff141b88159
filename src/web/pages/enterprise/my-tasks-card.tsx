/**
 * The enterprise's tasks on its home page: the five most recently updated (drafts too) with their stage, and the
 * links to the whole list and to a new proposal; the applicant's home (home/simple-home.tsx) shows it first.
 */
import { useEffect, useState } from 'react';
import { Button, Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Task } from '../../../shared/schemas/tasks.ts';
import { api } from '../../api.ts';
import { useUser } from '../../session.tsx';
import { StageTag } from '../tasks/task-ui.tsx';
import { myTaskPath } from './my-tasks.page.tsx';

export function MyTasksCard() {
  const { t } = useTranslation();
  const user = useUser();
  const [items, setItems] = useState<Task[] | null>(null);
  useEffect(() => {
    if (!user.organizationId) return;
    let live = true;
    api.get('/api/tasks', { query: { limit: 50 } })
      .then((r) => { if (live) setItems([...r.items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 5)); }, () => setItems([]));
    return () => { live = false; };
  }, [user.organizationId]);
  if (!user.organizationId) return null;
  return (
    <Card
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('enterprise.myTasks.homeTitle')}</Typography.Title>}
      extra={<Link to="/my-tasks">{t('enterprise.myTasks.homeAll')}</Link>}
      data-testid="my-tasks-card"
    >
      <List
        loading={items === null}
        dataSource={items ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">{t('enterprise.myTasks.empty')}</Typography.Text> }}
        renderItem={(task) => (
          <List.Item>
            <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
              <Link to={myTaskPath(task)} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{task.title}</Link>
              <StageTag stage={task.stage} name={task.stageName} />
            </Flex>
          </List.Item>
        )}
      />
      <Link to="/propose-task"><Button type="primary" style={{ marginTop: 12 }}>{t('enterprise.myTasks.propose')}</Button></Link>
    </Card>
  );
}
