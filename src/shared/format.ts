/**
 * Numbers, dates and instants in the reader's language, for the web (src/web/format.ts, the UI language) and the
 * server (the audit log's read model, in both languages). Vietnamese: `1.625,5` · `81,5%` · `01/12/2026` ·
 * `01/12/2026 14:05`; English: `1,625.5` · `81.5%` · `1 Dec 2026` · `1 Dec 2026 14:05`. Instants are shown in
 * Vietnam time (UTC+7), whatever the time zone of the machine that formats them.
 */
import { formatDate as formatDateVi, formatNumber as formatNumberVi } from '../lib/vi/format.ts';
import { vietnamDate, vietnamMinute } from '../lib/vi/dates.ts';
import type { Lang } from './i18n/messages.ts';

const enNumbers = new Map<number, Intl.NumberFormat>();
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatNumberIn(lang: Lang, value: number, maximumFractionDigits = 2): string {
  if (lang === 'vi') return formatNumberVi(value, maximumFractionDigits);
  let f = enNumbers.get(maximumFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { maximumFractionDigits });
    enNumbers.set(maximumFractionDigits, f);
  }
  return f.format(value);
}

export const formatPercentIn = (lang: Lang, value: number, maximumFractionDigits = 1): string =>
  `${formatNumberIn(lang, value, maximumFractionDigits)}%`;

/** The ISO date (yyyy-mm-dd) of a date string, or of an instant in Vietnam time. */
function isoDay(date: Date | string): string {
  if (typeof date !== 'string') return vietnamDate(date);
  if (ISO_DATE.test(date.slice(0, 10)) && date.length <= 10) return date;
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${date}`);
  return vietnamDate(d);
}

/** A calendar date: `01/12/2026` · `1 Dec 2026`. A string yyyy-mm-dd is that day; an instant, its day in Vietnam. */
export function formatDateIn(lang: Lang, date: Date | string): string {
  const iso = isoDay(date);
  if (lang === 'vi') return formatDateVi(iso);
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** An instant in Vietnam time, to the minute: `01/12/2026 14:05` · `1 Dec 2026 14:05`. */
export function formatDateTimeIn(lang: Lang, at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const minute = vietnamMinute(d);
  return `${formatDateIn(lang, minute.slice(0, 10))} ${minute.slice(11, 16)}`;
}
