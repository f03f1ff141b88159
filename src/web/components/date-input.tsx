/** A date typed as dd/mm/yyyy (the way Vietnamese forms write it), held as ISO yyyy-mm-dd for the API. */
import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { formatDate, parseDate } from '../../lib/vi/format.ts';

export interface DateInputProps { id?: string; value?: string | null; onChange?: (v: string | null) => void; 'aria-label'?: string }

/** A date typed as dd/mm/yyyy, held as ISO yyyy-mm-dd (text that is not a date is passed on for the schema to flag). */
export function DateInput({ id, value, onChange, ...rest }: DateInputProps) {
  const shown = (v: string | null | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v ?? '');
  const [text, setText] = useState(shown(value));
  useEffect(() => {
    setText((current) => (parseDate(current) === value || (current === '' && !value) ? current : shown(value)));
  }, [value]);
  return (
    <Input
      id={id}
      aria-label={rest['aria-label']}
      value={text}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        onChange?.(v.trim() === '' ? null : parseDate(v) ?? v);
      }}
    />
  );
}
