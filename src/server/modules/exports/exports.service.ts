/**
 * XLSX export of any list: real numbers and dates (not text), a bold frozen header row with an autofilter, an
 * optional title row. Feature modules describe their columns once and call `toXlsx`; the route sends the bytes with
 * `sendXlsx` (src/server/http/downloads.ts).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import type { Lang } from '../../../shared/i18n/messages.ts';

export type ColumnType = 'text' | 'integer' | 'year' | 'number' | 'money' | 'date' | 'percent';

export interface XlsxColumn<R> {
  /** Property of the row, or a function computing the cell value from the row. */
  key: (keyof R & string) | ((row: R) => unknown);
  header: { vi: string; en: string };
  /**
   * text: as is. integer: rounded, thousands grouped. year: a year (2022) or another whole number that names
   * rather than counts, with no thousands separator (LibreOffice showed years as 2,022). number: thousands grouped, as many decimals as the column's
   * values need (at most 3). money: like number, at most 2 decimals (amounts in đồng or triệu đồng). date: an ISO
   * date `yyyy-mm-dd`, an ISO timestamp or a Date (timestamps take their calendar day in Vietnam, UTC+7).
   * percent: percentage points as `formatPercent` takes them (81.5 means 81,5%), stored as the fraction 0.815 with a
   * percent format so Excel computes with it.
   */
  type: ColumnType;
  /** Width in characters; default from the type and the header. */
  width?: number;
  /** Fixed number of decimals (number, money, percent), instead of the one derived from the values. */
  decimals?: number;
}

export interface XlsxOptions<R> {
  title?: string;
  sheetName: string;
  columns: XlsxColumn<R>[];
  rows: Iterable<R>;
  lang: Lang;
}

/*
 * Number formats. An OOXML format code is written in the invariant (en-US) syntax: in `#,##0.0` the `,` means
 * "group thousands with the viewer's group separator" and the `.` means "the viewer's decimal mark". A Vietnamese
 * Excel or LibreOffice (vi-VN: group ".", decimal ",") therefore shows 1625.5 as 1.625,5 and an English one as
 * 1,625.5: the value stays a real number either way. Writing the Vietnamese separators literally into the code
 * (`#.##0,0`) would break the format everywhere. The decimals are fixed per column (from its values) because
 * `#,##0.##` leaves a dangling decimal mark on whole numbers ("1.625,"). Dates use `dd/mm/yyyy`: day first in any
 * locale ("/" is the locale's date separator, which is "/" in vi-VN), instead of the built-in short-date format 14
 * that follows the viewer's regional settings.
 */
const decimalsOf = (n: number) => (Number.isInteger(n) ? 0 : Math.min(3, (String(n).split('.')[1] ?? '').replace(/e.*/, '').length));
const grouped = (decimals: number) => (decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');
export const NUM_FMT = {
  integer: '#,##0',
  year: '0',
  date: 'dd/mm/yyyy',
  number: grouped,
  money: grouped,
  percent: (decimals: number) => (decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%'),
};

const DEFAULT_WIDTH: Record<ColumnType, number> = { text: 30, integer: 12, year: 8, number: 14, money: 16, date: 12, percent: 10 };
const VN_OFFSET_MS = 7 * 3600 * 1000;

function rawValue<R>(row: R, col: XlsxColumn<R>): unknown {
  return typeof col.key === 'function' ? col.key(row) : (row as Record<string, unknown>)[col.key];
}

/** A calendar date as a Date at UTC midnight (exceljs writes Dates as UTC serial numbers). */
function toDate(v: unknown): Date | null {
  if (v instanceof Date) return new Date(Date.UTC(...ymd(new Date(v.getTime() + VN_OFFSET_MS))));
  if (typeof v !== 'string' || v === '') return null;
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (plain) return new Date(Date.UTC(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3])));
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(Date.UTC(...ymd(new Date(t + VN_OFFSET_MS))));
}
const ymd = (d: Date): [number, number, number] => [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];

function toNumber(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

function cellValue(type: ColumnType, v: unknown): ExcelJS.CellValue {
  switch (type) {
    case 'text':
      if (v === null || v === undefined) return null;
      return typeof v === 'boolean' ? (v ? 'x' : '') : String(v);
    case 'integer':
    case 'year': {
      const n = toNumber(v);
      return n === null ? null : Math.round(n);
    }
    case 'number':
    case 'money':
      return toNumber(v);
    case 'percent': {
      const n = toNumber(v);
      return n === null ? null : n / 100;
    }
    case 'date':
      return toDate(v);
  }
}

/** Builds the workbook and returns the .xlsx bytes. */
export async function toXlsx<R>(o: XlsxOptions<R>): Promise<Buffer> {
  return toXlsxBook([xlsxSheet(o)]);
}

/** One sheet of a workbook of several (`toXlsxBook`), described as for `toXlsx`. */
export type XlsxSheet = (wb: ExcelJS.Workbook) => void;
export const xlsxSheet = <R>(o: XlsxOptions<R>): XlsxSheet => (wb) => addSheet(wb, o);

/** A workbook of several sheets (a task's funding by year, its disbursements…), as .xlsx bytes. */
export async function toXlsxBook(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'khcn';
  wb.created = new Date(0); // reproducible files: no wall-clock time inside
  wb.modified = wb.created;
  for (const add of sheets) add(wb);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function addSheet<R>(wb: ExcelJS.Workbook, o: XlsxOptions<R>): void {
  const ws = wb.addWorksheet(safeSheetName(o.sheetName));
  const rows = [...o.rows];
  const values = rows.map((r) => o.columns.map((c) => cellValue(c.type, rawValue(r, c))));

  // Formats per column (decimals derived from the values unless fixed).
  const formats = o.columns.map((c, i) => {
    const nums = () => values.map((v) => v[i]).filter((x): x is number => typeof x === 'number');
    switch (c.type) {
      case 'text': return undefined;
      case 'integer': return NUM_FMT.integer;
      case 'year': return NUM_FMT.year;
      case 'date': return NUM_FMT.date;
      case 'number': return NUM_FMT.number(c.decimals ?? Math.max(0, ...nums().map(decimalsOf)));
      case 'money': return NUM_FMT.money(c.decimals ?? Math.min(2, Math.max(0, ...nums().map(decimalsOf))));
      // Percent values are fractions here; two more digits of the fraction are shown as percent decimals.
      case 'percent': return NUM_FMT.percent(c.decimals ?? Math.min(2, Math.max(0, ...nums().map((n) => Math.max(0, decimalsOf(n) - 2)))));
    }
  });

  let headerRow = 1;
  if (o.title) {
    const t = ws.getRow(1);
    t.getCell(1).value = o.title;
    t.font = { bold: true, size: 14 };
    t.height = 22;
    if (o.columns.length > 1) ws.mergeCells(1, 1, 1, o.columns.length);
    t.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    headerRow = 3; // a blank row between the title and the table
  }
  const h = ws.getRow(headerRow);
  o.columns.forEach((c, i) => {
    const cell = h.getCell(i + 1);
    cell.value = c.header[o.lang];
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.max(DEFAULT_WIDTH[c.type], Math.min(40, c.header[o.lang].length + 2));
    if (formats[i]) col.numFmt = formats[i]!;
  });

  values.forEach((vals, r) => {
    const row = ws.getRow(headerRow + 1 + r);
    vals.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      if (formats[i]) cell.numFmt = formats[i]!;
      if (o.columns[i].type === 'text') cell.alignment = { vertical: 'top', wrapText: true };
    });
  });

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(rows.length, 0), column: o.columns.length },
  };
  // Printed: A4 landscape, one page wide and as many pages down as it takes, the header row on every page.
  Object.assign(ws.pageSetup, PRINT_SETUP, { printTitlesRow: `${headerRow}:${headerRow}` });
}

/** How every sheet prints (fitToHeight 0: no limit on the pages down). */
export const PRINT_SETUP = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim();
  return cleaned || 'Sheet1';
}

/**
 * `Content-Disposition: attachment` with the real (Vietnamese) name as RFC 5987/6266 `filename*=UTF-8''…` and an
 * ASCII fallback `filename="…"` (diacritics removed, đ → d) for old clients.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987 attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(filename.normalize('NFC')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Most rows one export may hold; a longer list must be filtered first. */
export const MAX_EXPORT_ROWS = 100_000;
/** Rows fetched per page while collecting an export. */
export const EXPORT_PAGE = 200;

/**
 * Every row of a list, page by page through the list's own service (so its permissions and province filter apply
 * unchanged), refused with 400 `exports.too_many_rows` past `max` rows.
 */
export async function collectPages<T>(
  fetchPage: (page: { limit: number; cursor: string | undefined }) => Promise<{ items: T[]; nextCursor: string | null }>,
  max = MAX_EXPORT_ROWS,
): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await fetchPage({ limit: EXPORT_PAGE, cursor });
    rows.push(...p.items);
    if (rows.length > max) throw new AppError('exports.too_many_rows', { status: 400, params: { max }, details: { max } });
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}
