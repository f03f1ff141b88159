/** Vietnamese number and date formats: `1.625,5`, `81,5%`, `19/10/2023`, `ngày 19 tháng 10 năm 2023`. */
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  let f = numberFormats.get(maximumFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits });
    numberFormats.set(maximumFractionDigits, f);
  }
  return f.format(value);
}

export function formatPercent(value: number, maximumFractionDigits = 1): string {
  return `${formatNumber(value, maximumFractionDigits)}%`;
}

function parts(date: Date | string): { d: number; m: number; y: number } {
  if (typeof date === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!m) throw new RangeError(`Not an ISO date: ${date}`);
    return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  }
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
}

/** `19/10/2023` */
export function formatDate(date: Date | string): string {
  const { d, m, y } = parts(date);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** `ngày 19 tháng 10 năm 2023` (the form used in the place-and-date line of administrative documents). */
export function formatDateLong(date: Date | string): string {
  const { d, m, y } = parts(date);
  // Decree 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 3",
  // "ngày 12 tháng 02"); the other months do not, so "tháng 3" is never read as "tháng 13".
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : String(m)} năm ${y}`;
}

/** Parses `dd/mm/yyyy` into ISO `yyyy-mm-dd`; null when the text is not a real date. */
export function parseDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
