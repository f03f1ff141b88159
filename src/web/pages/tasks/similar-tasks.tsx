/**
 * Similar existing tasks (duplicate proposals): for a proposal being typed (`GET /api/tasks/similar`, debounced) or
 * for a task on a council's dossier (`GET /api/tasks/{id}/similar`). Each shows its province, year, stage or
 * rating, a similarity figure and the terms it shares, so a council sees an idea was funded, refused or is running.
 */
import { useEffect, useState } from 'react';
import { Alert, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatPercent } from '../../format.ts';
import { api, type Schemas } from '../../api.ts';
import { useLang } from './task-ui.tsx';
import { canListTasks } from './task-permissions.ts';
import { useUser } from '../../session.tsx';

type SimilarList = Schemas['SimilarTaskList'];

function SimilarList({ list }: { list: SimilarList }) {
  const { t } = useTranslation();
  const lang = useLang();
  // A reviewer reads only the tasks of its councils: a similar task is named, not linked to a page it may not open.
  const linkable = canListTasks(useUser().role);
  if (list.items.length === 0) return <Typography.Text type="secondary" data-testid="similar-none">{t('similar.none')}</Typography.Text>;
  return (
    <List size="small" dataSource={list.items} data-testid="similar-tasks" renderItem={(s) => (
      <List.Item data-testid="similar-task">
        <Flex vertical gap={2} style={{ width: '100%' }}>
          <Flex justify="space-between" gap={8}>
            {s.ownProvince && linkable ? <Link to={`/tasks/${s.id}`}>{s.title}</Link> : <span>{s.title}</span>}
            <Tag color="orange" data-testid="similar-figure">{t('similar.similarity', { value: formatPercent(s.similarity * 100, 0) })}</Tag>
          </Flex>
          <Typography.Text type="secondary">
            {s.ownProvince ? s.provinceName : `${t('similar.otherProvince')}: ${s.provinceName}`} · {t('similar.year', { year: s.proposalYear })} · {s.stageName[lang]}
          </Typography.Text>
          {s.sharedTerms.length > 0 && (
            <span>{t('similar.shared')}: {s.sharedTerms.map((term) => <Tag key={term}>{term}</Tag>)}</span>
          )}
        </Flex>
      </List.Item>
    )} />
  );
}

/** While a proposal's title and summary are typed: asks after a pause in typing, at least 3 syllables of title. */
export function SimilarToProposal({ title, summary, excludeId }: { title?: string; summary?: string | null; excludeId?: string }) {
  const { t } = useTranslation();
  const [list, setList] = useState<SimilarList | null>(null);
  useEffect(() => {
    const words = (title ?? '').trim().split(/\s+/).filter(Boolean);
    if (words.length < 3) { setList(null); return; }
    let live = true;
    const timer = setTimeout(() => {
      api.get('/api/tasks/similar', { query: { title: title!.trim(), ...(summary ? { summary } : {}), ...(excludeId ? { excludeId } : {}) } })
        .then((r) => { if (live) setList(r); }, () => { if (live) setList(null); });
    }, 400);
    return () => { live = false; clearTimeout(timer); };
  }, [title, summary, excludeId]);
  if (!list) return null;
  return (
    <Alert type={list.items.length ? 'warning' : 'info'} showIcon data-testid="similar-panel" style={{ marginBottom: 16 }}
      title={t('similar.title')} description={<><Typography.Paragraph type="secondary">{t('similar.hint')}</Typography.Paragraph><SimilarList list={list} /></>} />
  );
}

/** On a dossier: the tasks an existing task resembles. */
export function SimilarToTask({ taskId }: { taskId: string }) {
  const [list, setList] = useState<SimilarList | null>(null);
  useEffect(() => {
    let live = true;
    api.get('/api/tasks/{id}/similar', { params: { id: taskId } }).then((r) => { if (live) setList(r); }, () => { if (live) setList(null); });
    return () => { live = false; };
  }, [taskId]);
  return list ? <SimilarList list={list} /> : null;
}
