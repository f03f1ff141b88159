/**
 * Keyset-paged lists: the first page for the current filters, then "Tải thêm" appends the page at `nextCursor`. The
 * first page also asks for the total (`total=true`); lists that count answer it (exact, or an estimate beyond 1,000).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type PathsWith, type QueryOf, type ResponseOf } from './api.ts';

type Page<T> = { items: T[]; nextCursor: string | null; total?: number; totalIsEstimate?: boolean };
type GetPath = PathsWith<'get'>;
/** The GET paths answering a keyset page of items with an id (`/api/organizations`, `/api/audit`…). */
export type PagedPath = { [P in GetPath]: ResponseOf<'get', P> extends Page<{ id: string | number }> ? P : never }[GetPath];
/** The item type of a paged path. */
export type PageItem<P extends PagedPath> = ResponseOf<'get', P> extends Page<infer T extends { id: string | number }> ? T : never;
/** The list's filters: its query parameters except the paging ones, which the hook sets. */
export type PageFilters<P extends PagedPath> = Omit<QueryOf<'get', P>, 'cursor' | 'limit'>;

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  /** The first page of the current filters has arrived (until then an empty list means "not yet", not "none"). */
  loaded: boolean;
  hasMore: boolean;
  /** How many rows match the current filters, when the list counts (null: it does not, or not yet known). */
  total: number | null;
  /** `total` is an estimate ("about N"): more rows match than the server counts exactly. */
  totalIsEstimate: boolean;
  error: unknown;
  loadMore(): void;
  reload(): void;
  /** Replaces an item in place (after an edit) or prepends it (after a create). */
  upsert(item: T): void;
  remove(id: string): void;
}

/** `path` null: nothing to fetch (e.g. the user may not read the list). The item type comes from the path's response. */
export function usePagedList<P extends PagedPath>(path: P | null, query: PageFilters<P>, pageSize = 20): PagedList<PageItem<P>> {
  type T = PageItem<P>;
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState<{ n: number; estimate: boolean } | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const seq = useRef(0);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(async (after: string | null, append: boolean) => {
    const mine = ++seq.current;
    if (path === null) return;
    setLoading(true);
    setError(null);
    try {
      // Generic over the path, so the call's own checks cannot apply here; the callers' query is checked above.
      const get = api.get as unknown as (path: PagedPath, init: { query: object }) => Promise<Page<T>>;
      const first = after === null;
      const page = await get(path, { query: { ...(JSON.parse(key) as object), limit: pageSize, cursor: after ?? undefined, total: first ? true : undefined } });
      if (mine !== seq.current) return;
      setItems((prev) => (append ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      if (first) setTotal(page.total === undefined ? null : { n: page.total, estimate: page.totalIsEstimate === true });
      setLoadedKey(key);
    } catch (e) {
      if (mine === seq.current) {
        setError(e);
        setLoadedKey(key); // the error shows under the table; "loading" would be a lie
      }
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [path, key, pageSize]);

  useEffect(() => {
    void fetchPage(null, false);
  }, [fetchPage, generation]);

  return {
    items,
    loading,
    loaded: loadedKey === key,
    hasMore: cursor !== null,
    total: total?.n ?? null,
    totalIsEstimate: total?.estimate ?? false,
    error,
    loadMore: () => { if (cursor) void fetchPage(cursor, true); },
    reload: () => setGeneration((g) => g + 1),
    upsert: (item) => setItems((prev) => {
      const i = prev.findIndex((p) => p.id === item.id);
      if (i < 0) return [item, ...prev];
      const next = prev.slice();
      next[i] = item;
      return next;
    }),
    remove: (id) => setItems((prev) => prev.filter((p) => String(p.id) !== id)),
  };
}

/** A value that follows `value` once it has stopped changing for `ms` (search boxes). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}
