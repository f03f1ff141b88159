/**
 * Small pieces shared by the task, council and public pages: the text of coded values, money in triệu đồng
 * (`1.625,5`), the UI language, a dd/mm/yyyy date input, people and workflow look-ups, and reading a file as base64.
 */
import { useEffect, useMemo, useState } from 'react';
import { InputNumber, Tag, type InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay, formatNumber } from '../../format.ts';
import type { Person } from '../../../shared/schemas/people.ts';
import { api, type ResponseOf } from '../../api.ts';
import { RemoteSelect, type Option } from '../../components/remote-select.tsx';
import { personDisplayName } from '../../../lib/vi/person-name.ts';

export type LocalText = { vi: string; en: string };

/** The UI language as 'vi' | 'en'. */
export function useLang(): 'vi' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** Money in million VND (triệu đồng) the Vietnamese way: 1.625,5. */
export const money = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatNumber(n, 3));

/** Whole days (a stage's elapsed time is fractional on the wire). */
export const days = (n: number) => formatNumber(Math.floor(n), 0);

/** An ISO date (or timestamp) in the UI language's form, or null: the web's `formatDay`, by the name task pages use. */
export const isoDay = formatDay;

/** Options of an enum through its UI strings (`task.types.research_topic` …). */
export function useEnumOptions(values: readonly string[], base: string) {
  const { t } = useTranslation();
  return useMemo(() => values.map((v) => ({ value: v, label: t(`${base}.${v}`) })), [values, base, t]);
}

/** The stage as a coloured tag: finished stages green or red, overdue orange. */
export function StageTag({ stage, name, overdue }: { stage: string; name: LocalText; overdue?: boolean }) {
  const lang = useLang();
  const color = stage === 'replication' || stage === 'result_registration' ? 'green'
    : stage === 'not_approved' || stage === 'not_accepted' ? 'red' : overdue ? 'orange' : 'blue';
  return <Tag color={color} data-testid="stage-tag">{name[lang]}</Tag>;
}

/** Amount input in triệu đồng, grouped as the UI language writes numbers (1.625,5 in Vietnamese, 1,625.5 in English). */
export function MoneyInput(props: InputNumberProps<number>) {
  const lang = useLang();
  // Typed text back to a number: drop the language's group separator, read its decimal mark.
  const parse = (text: string | undefined) => Number(lang === 'en'
    ? (text ?? '').replace(/,/g, '')
    : (text ?? '').replace(/\./g, '').replace(',', '.'));
  return (
    <InputNumber<number>
      min={0}
      style={{ width: '100%' }}
      {...props}
      formatter={(value, info) => (info.userTyping ? info.input : value === undefined || value === null ? '' : formatNumber(Number(value), 3))}
      parser={parse}
    />
  );
}

interface PersonSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  initialOption?: Option | null;
  placeholder?: string;
  /** Only people marked as experts (council members). */
  expertsOnly?: boolean;
}

/** Person picker searching the registry (GET /api/people?q=…), names shown with title and degree. */
export function PersonSelect({ expertsOnly, ...props }: PersonSelectProps) {
  const toOption = (p: Person): Option => ({
    value: p.id, label: p.organizationName ? `${personDisplayName(p)} — ${p.organizationName}` : personDisplayName(p),
  });
  return <RemoteSelect {...props} path="/api/people" query={expertsOnly ? { isExpert: 'true' } : undefined} toOption={toOption} />;
}

/** A workflow definition in force on a date, with its legal basis (GET /api/workflows/{name}). */
export type ResolvedWorkflow = ResponseOf<'get', '/api/workflows/{name}'>;

const workflows = new Map<string, Promise<ResolvedWorkflow>>();

/** The task workflow in force on a date (stage names, document kinds, field labels); fetched once per date. */
export function useTaskWorkflow(onDate: string | null | undefined): ResolvedWorkflow | null {
  const [wf, setWf] = useState<ResolvedWorkflow | null>(null);
  useEffect(() => {
    if (!onDate) return;
    let live = true;
    let p = workflows.get(onDate);
    if (!p) {
      p = api.get('/api/workflows/{name}', { params: { name: 'st_task' }, query: { onDate } });
      p.catch(() => workflows.delete(onDate));
      workflows.set(onDate, p);
    }
    p.then((r) => { if (live) setWf(r); }, () => undefined);
    return () => { live = false; };
  }, [onDate]);
  return wf;
}


/** Bytes as 12,5 KB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}
