/** Display formats on top of src/lib/vi/format.ts: timestamps as `dd/mm/yyyy HH:mm` in the browser's time zone. */
import { formatDate } from '../lib/vi/format.ts';

export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${formatDate(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A timestamp shown as a date only (dd/mm/yyyy, local time). */
export function formatDay(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDate(d);
}
