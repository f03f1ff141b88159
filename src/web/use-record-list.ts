/**
 * The state every registry list page keeps: the paged list for its filters, the record being edited in the drawer
 * (or a new one), and a versioned delete that updates the list.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import { useFeedback } from './feedback.tsx';
import { usePagedList, type PageFilters, type PageItem, type PagedPath } from './use-paged-list.ts';

/** Paged collections whose items are versioned records with `DELETE <path>/{id}?version=`. */
export function useRecordList<P extends PagedPath>(path: P | null, filters: PageFilters<P>) {
  type T = PageItem<P>;
  const { t } = useTranslation();
  const { showError, showSuccess } = useFeedback();
  const list = usePagedList(path, filters);
  const [editing, setEditing] = useState<{ record: T | null } | null>(null);
  // Generic over the collection: the per-path checks of `api` cannot apply here.
  const del = api.delete as unknown as (path: string, init: { params: { id: string }; query: { version: number } }) => Promise<void>;

  const remove = async (record: T & { version?: number }) => {
    try {
      await del(`${path}/{id}`, { params: { id: String(record.id) }, query: { version: record.version ?? 0 } });
      list.remove(String(record.id));
      showSuccess(t('common.deleted'));
    } catch (e) {
      showError(e, { onReload: list.reload });
    }
  };

  return {
    list,
    editing,
    create: () => setEditing({ record: null }),
    edit: (record: T) => setEditing({ record }),
    closeEditor: () => setEditing(null),
    /** After the drawer saved: the row is replaced (or added on top) and the drawer closes. */
    saved: (record: T) => { list.upsert(record); setEditing(null); },
    remove,
  };
}
