/** A Select whose options come from a search endpoint as the user types (admin units, organisations). */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api, type PathsWith, type QueryOf, type ResponseOf } from '../api.ts';
import { useDebounced } from '../use-paged-list.ts';
import { useAccessibleName } from './accessible-name.ts';

export interface Option { value: string; label: string }

/** What a form gives a picker built on RemoteSelect (organisations, communes, agencies…). */
export interface PickerProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The label of the current value before any search (e.g. the record's organizationName). */
  initialOption?: Option | null;
  placeholder?: string;
  /** The accessible name when no `<label for>` names the picker (components/accessible-name.ts); default: the placeholder. */
  'aria-label'?: string;
}

type GetPath = PathsWith<'get'>;
/** The GET paths that search with `q` and answer `{ items }` (`/api/admin-units`, `/api/organizations`…). */
export type SearchPath = {
  [P in GetPath]: ResponseOf<'get', P> extends { items: unknown[] } ? 'q' extends keyof QueryOf<'get', P> ? P : never : never;
}[GetPath];
type SearchItem<P extends SearchPath> = ResponseOf<'get', P> extends { items: (infer T)[] } ? T : never;

interface RemoteSelectProps<P extends SearchPath> {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  path: P;
  /** Fixed filters besides the search text. */
  query?: Omit<QueryOf<'get', P>, 'q' | 'limit'>;
  toOption(item: SearchItem<P>): Option;
  /** The label of the current value before any search (e.g. the record's adminUnitName). */
  initialOption?: Option | null;
  placeholder?: string;
  'aria-label'?: string;
}

export function RemoteSelect<P extends SearchPath>({ id, value, onChange, path, query, toOption, initialOption, placeholder, ...rest }: RemoteSelectProps<P>) {
  const name = useAccessibleName(id, placeholder, rest['aria-label']);
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
    // Generic over the path, so the call's own checks cannot apply here; the callers' query is checked above.
    const get = api.get as unknown as (path: SearchPath, init: { query: object }) => Promise<{ items: SearchItem<P>[] }>;
    get(path, { query: { ...(JSON.parse(extra) as object), q: q || undefined, limit: 20 } })
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
      aria-label={name}
      style={{ width: '100%' }}
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
