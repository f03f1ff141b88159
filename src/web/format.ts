/**
 * Display formats in the UI language (src/shared/format.ts): in Vietnamese `1.625,5`, `81,5%`, `01/12/2026`,
 * `01/12/2026 14:05`; in English `1,625.5`, `81.5%`, `1 Dec 2026`, `1 Dec 2026 14:05`. Timestamps are shown in Vietnam
 * time. Pages import these rather than src/lib/vi/format.ts, whose formats are Vietnamese only (documents, XLSX).
 */
import { formatDateIn, formatDateTimeIn, formatNumberIn, formatPercentIn } from '../shared/format.ts';
import { currentLang } from './i18n/index.ts';

/** A timestamp as date and time in Vietnam: `01/12/2026 14:05` · `1 Dec 2026 14:05`. */
export function formatDateTime(iso: string | Date): string {
  return formatDateTimeIn(currentLang(), iso);
}

/** A timestamp shown as a date only (its day in Vietnam); null for no timestamp. */
export function formatDay(iso: string | null | undefined): string | null {
  if (!iso) return null;
  try {
    return formatDateIn(currentLang(), iso);
  } catch {
    return iso;
  }
}

/** A number: `1.625,5` · `1,625.5` (at most `maximumFractionDigits` decimals). */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return formatNumberIn(currentLang(), value, maximumFractionDigits);
}

/** A percentage of 0–100: `81,5%` · `81.5%`. */
export function formatPercent(value: number, maximumFractionDigits = 1): string {
  return formatPercentIn(currentLang(), value, maximumFractionDigits);
}

/** A calendar date (yyyy-mm-dd, or an instant's day in Vietnam): `01/12/2026` · `1 Dec 2026`. */
export function formatDate(date: Date | string): string {
  return formatDateIn(currentLang(), date);
}
