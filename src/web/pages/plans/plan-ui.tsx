/** Small pieces of the plan pages: a status in colour and words, the overdue flags, a unit with "was: …". */
import { Empty, Progress, Space, Tag, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../api.ts';
import { OVERDUE_FLAG_LABELS, PROGRESS_STATUS_LABELS, type OverdueFlag, type ProgressStatus } from '../../../shared/schemas/plans.ts';
import { usePlanText } from './plans.text.ts';

export type PlanDetail = ResponseOf<'get', '/api/plans/{id}'>;
export type PlanItem = PlanDetail['items'][number];
export type ItemDetail = ResponseOf<'get', '/api/plan-items/{id}'>;

/** antd's preset colours, each with the status written beside it (colour is never the only cue). */
const STATUS_COLOR: Record<ProgressStatus, string> = { not_started: 'default', in_progress: 'blue', behind: 'orange', done: 'green' };

export function StatusTag({ status }: { status: ProgressStatus }) {
  const { lang } = usePlanText();
  return <Tag color={STATUS_COLOR[status]}>{PROGRESS_STATUS_LABELS[status][lang]}</Tag>;
}

export function FlagTags({ flags }: { flags: readonly OverdueFlag[] }) {
  const { lang } = usePlanText();
  if (flags.length === 0) return null;
  return (
    <Space size={4} wrap>
      {flags.map((f) => <Tag key={f} color="red" icon={<ExclamationCircleOutlined />}>{OVERDUE_FLAG_LABELS[f][lang]}</Tag>)}
    </Space>
  );
}

export function UnitCell({ item }: { item: Pick<PlanItem, 'owners' | 'was' | 'responsible'> }) {
  const { s } = usePlanText();
  return (
    <div>
      {(item.owners.length ? item.owners : [item.responsible]).map((o) => o.name).join('; ')}
      {item.was && <div><Typography.Text type="secondary">{s.plan.was}: {item.was.name}</Typography.Text></div>}
    </div>
  );
}

export function PercentBar({ percent, status }: { percent: number; status: ProgressStatus }) {
  return <Progress percent={percent} size="small" status={status === 'behind' ? 'exception' : status === 'done' ? 'success' : 'normal'} aria-label={`${percent}%`} />;
}

/** A table's or list's empty state, in readable contrast (as ListPage draws it). */
export const emptyState = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
