/** A Select whose options come from a search endpoint as the user types (admin units, organisations). */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api, type Query } from '../api.ts';
import { useDebounced } from '../use-paged-list.ts';

export interface Option { value: string; label: string }

interface RemoteSelectProps<T> {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  path: string;
  query?: Query;
  toOption(item: T): Option;
  /** The label of the current value before any search (e.g. the record's adminUnitName). */
  initialOption?: Option | null;
  placeholder?: string;
}

export function RemoteSelect<T>({ id, value, onChange, path, query, toOption, initialOption, placeholder }: RemoteSelectProps<T>) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const extra = JSON.stringify(query ?? {});
  const toOptionRef = useRef(toOption);
  toOptionRef.current = toOption;

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    api.get<{ items: T[] }>(path, { ...JSON.parse(extra), q: q || undefined, limit: 20 })
      .then((page) => { if (mine === seq.current) setOptions(page.items.map((i) => toOptionRef.current(i))); })
      .catch(() => { if (mine === seq.current) setOptions([]); })
      .finally(() => { if (mine === seq.current) setLoading(false); });
  }, [path, extra, q]);

  const merged = useMemo(() => {
    if (!initialOption || options.some((o) => o.value === initialOption.value)) return options;
    return [initialOption, ...options];
  }, [options, initialOption]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => { onChange?.(v ?? null); setSearch(''); }}
      options={merged}
      placeholder={placeholder}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      loading={loading}
    />
  );
}
