/** Small pieces the indicator pages share: the status tag (icon + words, never colour alone), target text, figures. */
import { CheckCircleOutlined, ClockCircleOutlined, MinusCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.ts';

export type Status = 'met' | 'on_track' | 'behind' | 'no_data';
export interface Target { kind: 'value' | 'range' | 'at_least' | 'at_most'; value?: number; min?: number; max?: number }

// Dark text on a light tint: each pair is above 7:1.
const STYLE: Record<Status, { color: string; background: string; borderColor: string; icon: ReactElement }> = {
  met: { color: '#135200', background: '#f6ffed', borderColor: '#95de64', icon: <CheckCircleOutlined /> },
  on_track: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff', icon: <ClockCircleOutlined /> },
  behind: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e', icon: <WarningOutlined /> },
  no_data: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9', icon: <MinusCircleOutlined /> },
};

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  const s = STYLE[status];
  return (
    <Tag icon={s.icon} style={{ color: s.color, background: s.background, borderColor: s.borderColor }} data-status={status}>
      {t(`ind.status.${status}`)}
    </Tag>
  );
}

export function targetText(t: TFunction, target: Target | null, decimals: number): string {
  if (!target) return t('ind.target.none');
  const f = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v, decimals));
  switch (target.kind) {
    case 'value': return t('ind.target.value', { v: f(target.value) });
    case 'range': return t('ind.target.range', { min: f(target.min), max: f(target.max) });
    case 'at_least': return t('ind.target.at_least', { v: f(target.min ?? target.value) });
    case 'at_most': return t('ind.target.at_most', { v: f(target.max ?? target.value) });
  }
}

export const figureText = (v: number | null, decimals: number) => (v === null ? '—' : formatNumber(v, decimals));

/** The lower and upper bound a target draws on the trend chart. */
export function targetBounds(target: Target | null): { low: number | null; high: number | null } {
  if (!target) return { low: null, high: null };
  if (target.kind === 'range') return { low: target.min ?? null, high: target.max ?? null };
  if (target.kind === 'at_least') return { low: target.min ?? target.value ?? null, high: null };
  if (target.kind === 'at_most') return { low: target.max ?? target.value ?? null, high: null };
  return { low: target.value ?? null, high: null };
}
