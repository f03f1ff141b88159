/**
 * Value entry by Excel: a unit downloads the period's template for its unit (the entered indicators of that period
 * type, labels locked, input cells validated), fills it in and uploads it. Every cell is checked and the problems
 * are listed by cell (`D7: không phải là số`); nothing is written unless the whole file is valid, and then every
 * row is written in one transaction. The period and the unit travel in a hidden sheet, and are checked again on
 * upload (a unit officer may only enter its own unit's values).
 */
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { isCleanText } from '../../../shared/schemas/common.ts';
import { PeriodKey } from '../../../shared/schemas/indicators.ts';
import { valueEntryContext, writeValues } from './indicators.service.ts';

const SHEET = 'Số liệu';
const META = 'khcn';
const MARK = 'khcn.indicator_values.v1';
const HEADER_ROW = 5;
const FIRST_ROW = HEADER_ROW + 1;
const MAX_TEXT = 500;
const MAX_VALUE = 1e15;

export interface CellProblem { cell: string; code: string; i18n: string; params?: Record<string, unknown> }

export interface ParsedRow { row: number; code: string; value: number; source: string; note: string | null }

/** A number as a cell holds it, or typed as text in Vietnamese (1.625,5) or plain (1625.5) notation; else null. */
export function parseCellNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v && typeof v === 'object' && 'result' in v) return parseCellNumber((v as { result: unknown }).result);
  if (typeof v !== 'string') return null;
  const t = v.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+,\d+$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return null;
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text).trim();
  if (typeof v === 'object' && 'result' in v) return cellText((v as { result: unknown }).result);
  return typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
};

export async function buildValueTemplate(ctx: Ctx, q: { period: string; adminUnitId?: string; lang?: 'vi' | 'en' }): Promise<{ filename: string; buffer: Buffer }> {
  const c = await valueEntryContext(ctx, q);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'khcn';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = [{ width: 16 }, { width: 60 }, { width: 14 }, { width: 18 }, { width: 45 }, { width: 30 }];
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = `Biểu nhập số liệu chỉ số — kỳ ${q.period} / Indicator values — period ${q.period}`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = 'Đơn vị / Unit';
  ws.getCell('B2').value = c.unitName;
  ws.getCell('A3').value = 'Hướng dẫn / How to';
  ws.getCell('B3').value = 'Nhập Giá trị (cột D) và Nguồn số liệu (cột E); để trống Giá trị của chỉ số chưa có số liệu. '
    + 'Enter the value (column D) and its source (column E); leave the value empty where there is no figure.';
  ws.getCell('B3').alignment = { wrapText: true };
  ws.getRow(3).height = 32;
  const header = ws.getRow(HEADER_ROW);
  header.values = ['Mã / Code', 'Chỉ số / Indicator', 'Đơn vị tính / Unit', 'Giá trị / Value', 'Nguồn số liệu / Source', 'Ghi chú / Note'];
  header.font = { bold: true };
  header.eachCell((cell) => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }; });
  c.indicators.forEach((ind, i) => {
    const r = ws.getRow(FIRST_ROW + i);
    const existing = c.existing.get(ind.id);
    r.values = [ind.code, `${ind.nameVi} / ${ind.nameEn}`, ind.unit, existing?.value ?? null, existing?.source ?? null, existing?.note ?? null];
    for (const col of [4, 5, 6]) r.getCell(col).protection = { locked: false };
    r.getCell(4).numFmt = '#,##0.######';
    r.getCell(4).dataValidation = {
      type: 'decimal', operator: 'between', allowBlank: true, formulae: [-MAX_VALUE, MAX_VALUE], showErrorMessage: true,
      errorTitle: 'Giá trị / Value', error: 'Nhập một số. / Enter a number.',
    };
    r.getCell(5).dataValidation = {
      type: 'textLength', operator: 'lessThanOrEqual', allowBlank: true, formulae: [MAX_TEXT], showErrorMessage: true,
      errorTitle: 'Nguồn / Source', error: `Tối đa ${MAX_TEXT} ký tự. / At most ${MAX_TEXT} characters.`,
    };
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  const meta = wb.addWorksheet(META, { state: 'veryHidden' });
  meta.getCell('A1').value = MARK;
  meta.getCell('A2').value = q.period;
  meta.getCell('A3').value = c.unitId;
  await meta.protect('', {});
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const safeUnit = c.unitName.replace(/[\\/:*?"<>|]/g, ' ');
  return { filename: `So-lieu-chi-so-${q.period}-${safeUnit}.xlsx`, buffer };
}

/** Reads a filled template: its period and unit, each row's figure, and every cell's problem (pure, no database). */
export async function parseValueTemplate(bytes: Buffer): Promise<{ period: string | null; unitId: string | null; rows: ParsedRow[]; problems: CellProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { period: null, unitId: null, rows: [], problems: [{ cell: 'file', code: 'not_xlsx', i18n: 'indicators.upload.not_xlsx' }] };
  }
  const ws = wb.getWorksheet(SHEET);
  const meta = wb.getWorksheet(META);
  if (!ws || !meta || cellText(meta.getCell('A1').value) !== MARK) {
    return { period: null, unitId: null, rows: [], problems: [{ cell: 'file', code: 'not_a_template', i18n: 'indicators.upload.not_a_template' }] };
  }
  const period = cellText(meta.getCell('A2').value);
  const unitId = cellText(meta.getCell('A3').value);
  const problems: CellProblem[] = [];
  if (!PeriodKey.safeParse(period).success || !/^[0-9a-f-]{36}$/i.test(unitId)) {
    problems.push({ cell: 'file', code: 'not_a_template', i18n: 'indicators.upload.not_a_template' });
  }
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (let r = FIRST_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = cellText(row.getCell(1).value).toUpperCase();
    const rawValue = row.getCell(4).value;
    const source = cellText(row.getCell(5).value);
    const note = cellText(row.getCell(6).value);
    if (!code && rawValue === null && !source && !note) continue;
    const texts: [string, string][] = [[`E${r}`, source], [`F${r}`, note], [`A${r}`, code]];
    for (const [cell, t] of texts) {
      if (!isCleanText(t)) problems.push({ cell, code: 'invalid_text', i18n: 'common.invalid_text' });
      else if (t.length > MAX_TEXT) problems.push({ cell, code: 'too_long', i18n: 'indicators.upload.too_long', params: { max: MAX_TEXT } });
    }
    if (!code) { problems.push({ cell: `A${r}`, code: 'code_missing', i18n: 'indicators.upload.code_missing' }); continue; }
    if (seen.has(code)) problems.push({ cell: `A${r}`, code: 'duplicate', i18n: 'indicators.upload.duplicate', params: { code, row: seen.get(code) } });
    seen.set(code, r);
    const empty = rawValue === null || rawValue === undefined || cellText(rawValue) === '';
    if (empty) {
      if (source || note) problems.push({ cell: `D${r}`, code: 'value_missing', i18n: 'indicators.upload.value_missing', params: { code } });
      continue;
    }
    const value = parseCellNumber(rawValue);
    if (value === null || Math.abs(value) > MAX_VALUE) {
      problems.push({ cell: `D${r}`, code: 'not_a_number', i18n: 'indicators.upload.not_a_number', params: { text: cellText(rawValue).slice(0, 40) } });
      continue;
    }
    if (!source) { problems.push({ cell: `E${r}`, code: 'source_missing', i18n: 'indicators.upload.source_missing', params: { code } }); continue; }
    rows.push({ row: r, code, value, source, note: note || null });
  }
  return { period: problems.some((p) => p.cell === 'file') ? null : period, unitId, rows, problems };
}

const invalid = (problems: CellProblem[]) => new AppError('indicators.upload.invalid', {
  status: 400, params: { count: problems.length },
  details: problems.map((p) => ({ path: `file.${p.cell}`, cell: p.cell, code: p.code, i18n: p.i18n, params: { cell: p.cell, ...p.params } })),
});

/** Checks every cell of an uploaded template and writes its values all together, or none. */
export async function importValueTemplate(ctx: Ctx, bytes: Buffer): Promise<{ written: number; errors: [] }> {
  const parsed = await parseValueTemplate(bytes);
  if (!parsed.period || !parsed.unitId) throw invalid(parsed.problems);
  // The unit and period are checked as the template's download checked them (own unit, in force in the period).
  const c = await valueEntryContext(ctx, { period: parsed.period, adminUnitId: parsed.unitId });
  const byCode = new Map(c.indicators.map((i) => [i.code, i]));
  const problems = [...parsed.problems];
  for (const r of parsed.rows) {
    if (!byCode.has(r.code)) problems.push({ cell: `A${r.row}`, code: 'unknown_indicator', i18n: 'indicators.upload.unknown_indicator', params: { code: r.code, period: parsed.period } });
  }
  if (problems.length) throw invalid(problems);
  const rows = parsed.rows.map((r) => ({
    indicatorId: byCode.get(r.code)!.id, period: parsed.period!, adminUnitId: c.unitId, value: r.value, source: r.source, note: r.note,
  }));
  await ctx.db.transaction((tx) => writeValues(tx, ctx, rows));
  return { written: rows.length, errors: [] };
}
