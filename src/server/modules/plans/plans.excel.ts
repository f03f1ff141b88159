/**
 * The Excel progress template of a reporting period: a unit downloads the rows of its own items (the department:
 * every item), fills status, percent and narrative, and uploads it. The item rows are locked (the sheet is
 * protected without a password, so nobody edits the item by mistake); the input cells carry data validation (a list
 * of statuses, a whole number 0–100). On upload every cell is checked and every problem is listed by cell
 * ("D7: phần trăm phải từ 0 đến 100"); nothing is written unless the whole file is valid, and a row of an item the
 * unit does not carry is refused.
 */
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context.ts';
import { AppError, forbidden } from '../../errors.ts';
import { formatDate } from '../../../lib/vi/format.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { translate, type Lang } from '../../../shared/i18n/messages.ts';
import { Id, isCleanText } from '../../../shared/schemas/common.ts';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../../shared/schemas/plans.ts';
import { documentFilename } from '../documents/documents.service.ts';
import { getPlan, itemIdsOfPlan, writeProgress, type ProgressWrite } from './plans.service.ts';

/** Layout: a title block, the header on row HEADER_ROW, one item per row below it. */
export const HEADER_ROW = 5;
export const COLUMNS = { code: 'A', title: 'B', deadline: 'C', status: 'D', percent: 'E', narrative: 'F', id: 'G' } as const;
const META_SHEET = 'khcn';
const MAX_NARRATIVE = 4000;

const statusLabel = (s: ProgressStatus, lang: Lang) => PROGRESS_STATUS_LABELS[s][lang];

/** The period's template with the items the actor may report on (own unit's, or every item for the department). */
export async function progressTemplate(ctx: Ctx, planId: string, periodKey: string, lang: Lang, now = new Date()) {
  const plan = await getPlan(ctx, planId, {}, now);
  const period = plan.periods.find((p) => p.key === periodKey);
  if (!period) throw new AppError('common.validation_failed', { status: 400, details: [{ path: 'querystring.period', code: 'unknown_period', i18n: 'plans.unknown_period', params: { period: periodKey } }] });
  const items = plan.items.filter((i) => i.mayReport);
  if (items.length === 0) throw new AppError('plans.template_no_items', { status: 409, params: { period: period.label } });
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, unknown>) => translate(lang, k, p);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'khcn';
  const ws = wb.addWorksheet(lang === 'vi' ? 'Tiến độ' : 'Progress', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  ws.columns = [{ width: 10 }, { width: 60 }, { width: 13 }, { width: 18 }, { width: 12 }, { width: 60 }, { width: 38 }];
  ws.getCell('A1').value = plan.title;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = `${t('plans.template.period')}: ${period.label[lang]} (${formatDate(period.start)} – ${formatDate(period.end)}); ${t('plans.template.due')}: ${formatDate(period.dueOn)}`;
  ws.getCell('A3').value = t('plans.template.help');
  ws.getCell('A3').font = { italic: true };
  const header = ws.getRow(HEADER_ROW);
  header.values = [t('plans.template.col.code'), t('plans.template.col.title'), t('plans.template.col.deadline'), t('plans.template.col.status'),
    t('plans.template.col.percent'), t('plans.template.col.narrative'), t('plans.template.col.id')];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  const statusList = `"${PROGRESS_STATUSES.map((s) => statusLabel(s, lang)).join(',')}"`;
  items.forEach((item, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.getCell(1).value = item.code ?? String(i + 1);
    row.getCell(2).value = item.title;
    row.getCell(3).value = item.deadline ? new Date(`${item.deadline}T00:00:00Z`) : null;
    row.getCell(3).numFmt = 'dd/mm/yyyy';
    const last = item.state.lastPeriod === periodKey ? item.state : null;
    row.getCell(4).value = last ? statusLabel(last.status, lang) : null;
    row.getCell(5).value = last ? last.percent : null;
    row.getCell(7).value = item.id;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    for (const c of [4, 5, 6]) row.getCell(c).protection = { locked: false };
    row.getCell(4).dataValidation = {
      type: 'list', allowBlank: true, formulae: [statusList], showErrorMessage: true,
      errorTitle: t('plans.template.col.status'), error: t('plans.cell.status'),
    };
    row.getCell(5).dataValidation = {
      type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true,
      errorTitle: t('plans.template.col.percent'), error: t('plans.cell.percent_range'),
    };
  });
  ws.getColumn(7).hidden = true;
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.getCell('A1').value = 'planId';
  meta.getCell('B1').value = plan.id;
  meta.getCell('A2').value = 'period';
  meta.getCell('B2').value = periodKey;
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, fileName: documentFilename(`${t('plans.template.file')} ${period.label[lang]} - ${plan.title}`, 'xlsx') };
}

export interface CellProblem { path: string; cell: string; code: string; i18n: string; params?: Record<string, unknown> }

/** The text of a cell as typed (rich text and formula results included); '' when empty. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result as string | number).trim();
    if ('text' in v) return String(v.text).trim();
    if (v instanceof Date) return v.toISOString();
  }
  return String(v as string | number | boolean).trim();
}

const STATUS_BY_TEXT = new Map<string, ProgressStatus>(PROGRESS_STATUSES.flatMap((s) => [
  [s, s], [PROGRESS_STATUS_LABELS[s].vi.toLowerCase(), s], [PROGRESS_STATUS_LABELS[s].en.toLowerCase(), s],
] as [string, ProgressStatus][]));

/**
 * Reads every cell of an uploaded template (pure except for exceljs): the rows to write, and the problems by cell.
 * `mayReport` says whether the actor carries an item of the plan (absent: not an item of this plan).
 */
export async function readTemplate(bytes: Buffer, o: { planId: string; periodKey: string; mayReport: (itemId: string) => boolean | undefined }) {
  const problems: CellProblem[] = [];
  const problem = (cell: string, code: string, params?: Record<string, unknown>) =>
    problems.push({ path: `file.${cell}`, cell, code, i18n: `plans.cell.${code}`, params: { cell, ...params } });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('plans.template_unreadable', { status: 400 });
  }
  const meta = wb.getWorksheet(META_SHEET);
  const ws = wb.worksheets.find((w) => w.name !== META_SHEET && w.state !== 'veryHidden');
  if (!meta || !ws) throw new AppError('plans.template_unreadable', { status: 400 });
  if (cellText(meta.getCell('B1')) !== o.planId) throw new AppError('plans.template_other_plan', { status: 400 });
  if (cellText(meta.getCell('B2')) !== o.periodKey) {
    throw new AppError('plans.template_other_period', { status: 400, params: { period: cellText(meta.getCell('B2')) || '—' } });
  }
  const writes: ProgressWrite[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const at = (col: string) => `${col}${r}`;
    const id = cellText(ws.getCell(at(COLUMNS.id)));
    const statusText = cellText(ws.getCell(at(COLUMNS.status)));
    const percentCell = ws.getCell(at(COLUMNS.percent));
    const percentText = cellText(percentCell);
    const narrative = cellText(ws.getCell(at(COLUMNS.narrative)));
    if (!id && !statusText && !percentText && !narrative) continue;
    if (!id || !Id.safeParse(id).success) { problem(at(COLUMNS.id), 'unknown_item'); continue; }
    const may = o.mayReport(id);
    if (may === undefined) { problem(at(COLUMNS.id), 'unknown_item'); continue; }
    if (!may) { problem(at(COLUMNS.id), 'not_your_item'); continue; }
    if (seen.has(id)) { problem(at(COLUMNS.id), 'duplicate_item', { first: `${COLUMNS.id}${seen.get(id)}` }); continue; }
    seen.set(id, r);
    if (!statusText && !percentText && !narrative) { skipped++; continue; }
    const status = STATUS_BY_TEXT.get(statusText.toLowerCase());
    if (!statusText) problem(at(COLUMNS.status), 'status_required');
    else if (!status) problem(at(COLUMNS.status), 'status');
    const raw = percentCell.value;
    const percent = typeof raw === 'number' ? raw : percentText === '' ? NaN : Number(percentText.replace(',', '.').replace(/%$/, ''));
    if (percentText === '') problem(at(COLUMNS.percent), 'percent_required');
    else if (!Number.isFinite(percent) || percent < 0 || percent > 100) problem(at(COLUMNS.percent), 'percent_range');
    else if (!Number.isInteger(percent)) problem(at(COLUMNS.percent), 'percent_whole');
    else if (status === 'done' && percent !== 100) problem(at(COLUMNS.percent), 'done_is_100');
    if (narrative.length > MAX_NARRATIVE) problem(at(COLUMNS.narrative), 'narrative_long', { max: MAX_NARRATIVE });
    else if (!isCleanText(narrative)) problem(at(COLUMNS.narrative), 'invalid_text');
    if (status && Number.isInteger(percent) && percent >= 0 && percent <= 100) {
      writes.push({ itemId: id, periodKey: o.periodKey, status, percent, narrative: narrative || null });
    }
  }
  return { writes, problems, skipped };
}

/** Checks the whole upload, then writes every row in one transaction; 400 with every problem by cell otherwise. */
export async function uploadTemplate(ctx: Ctx, planId: string, periodKey: string, bytes: Buffer, now = new Date()) {
  const plan = await getPlan(ctx, planId, {}, now);
  if (!plan.periods.some((p) => p.key === periodKey)) {
    throw new AppError('common.validation_failed', { status: 400, details: [{ path: 'querystring.period', code: 'unknown_period', i18n: 'plans.unknown_period', params: { period: periodKey } }] });
  }
  if (!plan.items.some((i) => i.mayReport)) throw forbidden();
  // Items of the plan the actor cannot read are absent from `plan.items`: "not yours", never "unknown", for a
  // well-formed id of this plan — the file may have come from another unit.
  const all = new Set(await itemIdsOfPlan(ctx, planId));
  const mine = new Map(plan.items.map((i) => [i.id, i.mayReport]));
  const { writes, problems, skipped } = await readTemplate(bytes, {
    planId, periodKey, mayReport: (id) => mine.get(id) ?? (all.has(id) ? false : undefined),
  });
  if (problems.length > 0) throw new AppError('plans.template_invalid', { status: 400, params: { count: problems.length }, details: problems });
  if (writes.length === 0) throw new AppError('plans.template_empty', { status: 400 });
  const today = todayInVietnam(now);
  const written = await ctx.db.transaction((tx) => writeProgress(tx, ctx, writes, { source: 'excel', today, pathOf: (i) => `file.row${i + 1}` }));
  return { written, skipped, periodKey };
}
