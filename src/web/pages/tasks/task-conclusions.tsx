/**
 * The councils' conclusions on a task as its host organisation reads them (GET /api/tasks/:id/council-conclusions):
 * the council, its meeting date and minutes number, and its verdict or rating — never the members' sheets or scores.
 */
import { useEffect, useState } from 'react';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type ResponseOf } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { isoDay, useLang } from './task-ui.tsx';

type Conclusion = ResponseOf<'get', '/api/tasks/{id}/council-conclusions'>['items'][number];

export function TaskConclusions({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { showError } = useFeedback();
  const [items, setItems] = useState<Conclusion[] | null>(null);
  useEffect(() => {
    let live = true;
    api.get('/api/tasks/{id}/council-conclusions', { params: { id: taskId } }).then((r) => { if (live) setItems(r.items); }, showError);
    return () => { live = false; };
  }, [taskId, showError]);

  const verdict = (c: Conclusion) => {
    if (c.rating) return <Tag color={c.rating === 'failed' ? 'red' : 'green'}>{t(`task.ratings.${c.rating}`)}</Tag>;
    if (c.passed === null) return <Tag>{t('enterprise.conclusions.pending')}</Tag>;
    return c.passed ? <Tag color="green">{t('enterprise.conclusions.passed')}</Tag> : <Tag color="red">{t('enterprise.conclusions.failed')}</Tag>;
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('enterprise.conclusions.hint')}</Typography.Paragraph>
      <Table<Conclusion>
        rowKey="councilId"
        size="small"
        pagination={false}
        loading={items === null}
        dataSource={items ?? []}
        scroll={{ x: 640 }}
        data-testid="council-conclusions"
        locale={{ emptyText: <Typography.Text type="secondary">{t('enterprise.conclusions.none')}</Typography.Text> }}
        columns={[
          { title: t('enterprise.conclusions.council'), key: 'name', render: (_: unknown, c: Conclusion) => <>{c.name}<div><Typography.Text type="secondary">{c.kindName[lang]}</Typography.Text></div></> },
          { title: t('enterprise.conclusions.meetingDate'), dataIndex: 'meetingDate', render: (v: string | null) => isoDay(v) ?? t('common.none') },
          { title: t('enterprise.conclusions.minutesNo'), dataIndex: 'minutesNo', render: (v: string | null) => v ?? t('common.none') },
          { title: t('enterprise.conclusions.verdict'), key: 'verdict', render: (_: unknown, c: Conclusion) => verdict(c) },
        ]}
      />
    </>
  );
}
