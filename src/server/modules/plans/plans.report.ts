/**
 * The periodic report to the People's Committee on carrying out a plan (báo cáo định kỳ): a DOCX in the Decree
 * 30/2020/NĐ-CP layout (documents module) and an XLSX annex with the indicator table (exports module).
 *
 * Its content is drawn from the data — each indicator against its target (indicators.service `indicatorReport`),
 * the items and their status by unit, the sections other modules register (plans.sections.ts; the S&T tasks
 * figures are one) — plus the sections the officer writes (results, difficulties, next steps) and edits while the
 * report is a draft. Issuing gives it the next number of the year ("12/BC-SKHCN") and keeps the DOCX and XLSX built
 * at that moment: an issued report is never rebuilt, changed or deleted (trigger `plan_reports_immutable`).
 */
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { versionedRecords } from '../../records/versioned-record.ts';
import { formatDate, formatNumber, formatPercent } from '../../../lib/vi/format.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import type { AdministrativeDocument, DocBlock, DocumentHeading } from '../../../shared/schemas/documents.ts';
import type { IndicatorReportRow } from '../../../shared/schemas/indicators.ts';
import {
  OVERDUE_FLAG_LABELS, PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, ReportSections, type PlanDetail, type PlanItem, type PlanReport,
  type ReportUpdate, type ReportingPeriod,
} from '../../../shared/schemas/plans.ts';
import { documentHeadingOn } from '../agencies/agencies.service.ts';
import { documentFilename, renderAdministrativeDocument } from '../documents/documents.service.ts';
import { toXlsxBook, xlsxSheet } from '../exports/exports.service.ts';
import { indicatorReport } from '../indicators/indicators.service.ts';
import { fundingSummary, taskDashboard } from '../tasks/tasks.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './plans.repo.ts';
import { can } from './plans.policy.ts';
import { getPlan } from './plans.service.ts';
import { registerReportSection, registeredSections, type ReportScope } from './plans.sections.ts';

const ENTITY = 'plan_report';

// ---- the pure builder ----

export interface ReportData {
  heading: DocumentHeading;
  /** "12/BC-SKHCN", or a draft's "   /BC-SKHCN". */
  number: string;
  date: string;
  title: string;
  plan: Pick<PlanDetail, 'title' | 'periodFrom' | 'periodTo' | 'document'>;
  period: ReportingPeriod;
  indicators: IndicatorReportRow[];
  groups: { title: string; items: PlanItem[] }[];
  sections: ReportSections;
  extra: { title: string; blocks: DocBlock[] }[];
  recipients: string[];
  signer: { title: string; name: string | null };
}

const STATUS_VI: Record<IndicatorReportRow['status'], string> = {
  met: 'Đạt', on_track: 'Đúng tiến độ', behind: 'Chậm so với chỉ tiêu', no_data: 'Chưa có số liệu',
};

/** "1,2 – 1,5", "≥ 100", "≤ 5", "10"; "—" without a target. */
export function targetText(t: IndicatorReportRow['target']): string {
  if (!t) return '—';
  const n = (v: number | undefined) => (v === undefined ? '?' : formatNumber(v));
  switch (t.kind) {
    case 'value': return n(t.value);
    case 'range': return `${n(t.min)} – ${n(t.max)}`;
    case 'at_least': return `≥ ${n(t.value ?? t.min)}`;
    case 'at_most': return `≤ ${n(t.value ?? t.max)}`;
  }
}

/** The issuing agency as a sentence names it ("SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ"). */
export function agencyInText(upper: string): string {
  const known: Record<string, string> = { 'SỞ KHOA HỌC VÀ CÔNG NGHỆ': 'Sở Khoa học và Công nghệ' };
  const lower = upper.toLocaleLowerCase('vi-VN');
  return known[upper] ?? `${lower.charAt(0).toLocaleUpperCase('vi-VN')}${lower.slice(1)}`;
}
/** The kind of a document as its symbol says it (9737/QĐ-UBND: Quyết định; 54-CTr/TU: Chương trình). */
function docKind(number: string): string {
  const kinds: [RegExp, string][] = [[/\/QĐ-/u, 'Quyết định'], [/-CTr\//iu, 'Chương trình'], [/\/KH-/u, 'Kế hoạch'], [/NQ/u, 'Nghị quyết'], [/KL\//u, 'Kết luận']];
  return kinds.find(([re]) => re.test(number))?.[1] ?? 'văn bản';
}
const lowerFirst = (t: string) => `${t.charAt(0).toLocaleLowerCase('vi-VN')}${t.slice(1)}`;

const unitOf = (i: PlanItem) => (i.owners.map((o) => o.name).join('; ') || i.responsible.name) + (i.was ? ` (trước đây: ${i.was.name})` : '');

/** Paragraphs of a text the officer wrote: one per line, blank lines dropped; a placeholder when empty. */
function written(text: string): DocBlock[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return [{ type: 'paragraph', text: [{ text: '(Chưa có nội dung)', italic: true }] }];
  return lines.map((l) => (/^[-+•]\s*/.test(l) ? { type: 'paragraph', text: `- ${l.replace(/^[-+•]\s*/, '')}` } : { type: 'paragraph', text: l }));
}

/** The report as an administrative document (Vietnamese, the working language of reports to the UBND). */
export function buildPlanReport(d: ReportData): AdministrativeDocument {
  const items = d.groups.flatMap((g) => g.items);
  const count = (s: string) => items.filter((i) => i.state.status === s).length;
  const overdue = items.filter((i) => i.state.overdue.length > 0).length;
  const doc = d.plan.document;
  const basis = doc
    ? `Thực hiện ${docKind(doc.number)} số ${doc.number}${doc.issuedOn ? ` ngày ${formatDate(doc.issuedOn)}` : ''} ${doc.title ? `về việc ${lowerFirst(doc.title)}` : ''}`.trim()
    : `Thực hiện ${d.plan.title}`;
  const body: DocBlock[] = [
    { type: 'paragraph', text: `${basis}, ${agencyInText(d.heading.issuingAgency)} báo cáo kết quả thực hiện ${lowerFirst(d.period.label.vi)} (từ ngày ${formatDate(d.period.start)} đến ngày ${formatDate(d.period.end)}), số liệu tính đến ngày ${formatDate(d.date)}, như sau:` },
    { type: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN' },
    { type: 'heading', text: '1. Kết quả chung' },
    ...written(d.sections.results),
    { type: 'heading', text: '2. Kết quả thực hiện các chỉ tiêu' },
  ];
  if (d.indicators.length === 0) body.push({ type: 'paragraph', text: 'Kế hoạch chưa có chỉ tiêu được theo dõi trên hệ thống trong năm báo cáo.' });
  else {
    const met = d.indicators.filter((r) => r.status === 'met').length;
    body.push(
      { type: 'paragraph', text: `Năm ${d.indicators[0].year}: ${met}/${d.indicators.length} chỉ tiêu đạt; chi tiết tại bảng dưới đây và Phụ lục kèm theo.` },
      {
        type: 'table', fontSize: 11,
        columns: [
          { header: 'STT', width: 5, align: 'center' }, { header: 'Chỉ tiêu', width: 36 }, { header: 'Đơn vị tính', width: 11, align: 'center' },
          { header: 'Kế hoạch', width: 13, align: 'center' }, { header: 'Thực hiện', width: 13, align: 'right' }, { header: 'Đánh giá', width: 16 },
        ],
        rows: d.indicators.map((r, i) => [String(i + 1), `${r.code}. ${r.name.vi}`, r.unit, targetText(r.target),
          r.actual === null ? '—' : formatNumber(r.actual), STATUS_VI[r.status]]),
      },
    );
  }
  body.push(
    { type: 'heading', text: '3. Tình hình thực hiện các nhiệm vụ của Kế hoạch' },
    {
      type: 'paragraph',
      text: `Kế hoạch có ${items.length} nhiệm vụ: ${count('done')} hoàn thành, ${count('in_progress')} đang thực hiện, ${count('behind')} chậm tiến độ, `
        + `${count('not_started')} chưa triển khai; ${overdue} nhiệm vụ quá hạn hoặc chưa báo cáo kỳ.`,
    },
  );
  const byUnit = new Map<string, PlanItem[]>();
  for (const i of items) byUnit.set(unitOf(i), [...(byUnit.get(unitOf(i)) ?? []), i]);
  if (byUnit.size > 0) {
    body.push({
      type: 'table', fontSize: 11, totalRow: true,
      columns: [
        { header: 'Đơn vị chủ trì', width: 34 }, { header: 'Số nhiệm vụ', width: 10, align: 'center' },
        ...PROGRESS_STATUSES.map((s) => ({ header: PROGRESS_STATUS_LABELS[s].vi, width: 11, align: 'center' as const })),
        { header: 'Quá hạn', width: 9, align: 'center' },
      ],
      rows: [
        ...[...byUnit].sort(([a], [b]) => a.localeCompare(b, 'vi')).map(([unit, list]) => [unit, list.length,
          ...PROGRESS_STATUSES.map((s) => list.filter((i) => i.state.status === s).length), list.filter((i) => i.state.overdue.length > 0).length]),
        ['Tổng cộng', items.length, ...PROGRESS_STATUSES.map((s) => count(s)), overdue],
      ],
    });
  }
  for (const [gi, g] of d.groups.entries()) {
    if (g.items.length === 0) continue;
    body.push({ type: 'paragraph', indent: false, text: [{ text: `${String.fromCharCode(97 + (gi % 26))}) ${g.title}`, bold: true, italic: true }] });
    body.push({
      type: 'table', fontSize: 10,
      columns: [
        { header: 'Mã', width: 6, align: 'center' }, { header: 'Nhiệm vụ', width: 33 }, { header: 'Đơn vị chủ trì', width: 20 },
        { header: 'Thời hạn', width: 13, align: 'center' }, { header: 'Tình trạng', width: 16 }, { header: 'Tiến độ', width: 9, align: 'right' },
      ],
      rows: g.items.map((i) => [i.code ?? '', i.title, unitOf(i), i.deadline ? formatDate(i.deadline) : '—',
        PROGRESS_STATUS_LABELS[i.state.status].vi + (i.state.overdue.length ? ` (${i.state.overdue.map((f) => OVERDUE_FLAG_LABELS[f].vi.toLowerCase()).join(', ')})` : ''),
        formatPercent(i.state.percent, 0)]),
    });
  }
  d.extra.forEach((s, i) => body.push({ type: 'heading', text: `${i + 4}. ${s.title}` }, ...s.blocks));
  body.push(
    { type: 'heading', text: 'II. KHÓ KHĂN, VƯỚNG MẮC' }, ...written(d.sections.difficulties),
    { type: 'heading', text: 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI' }, ...written(d.sections.nextSteps),
    { type: 'paragraph', text: `Trên đây là báo cáo kết quả thực hiện ${lowerFirst(d.period.label.vi)} của ${agencyInText(d.heading.issuingAgency)}, kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.` },
  );
  return {
    governingBody: d.heading.governingBody, issuingAgency: d.heading.issuingAgency, number: d.number, place: d.heading.place,
    date: d.date, documentType: 'BÁO CÁO', title: d.title, body, recipients: d.recipients,
    signers: [{ authority: d.signer.name ? 'KT. GIÁM ĐỐC' : null, title: d.signer.title, name: d.signer.name }],
  };
}

/** The XLSX annex: the indicator table, and the items with their status. */
export function buildAnnex(d: Pick<ReportData, 'indicators' | 'groups' | 'number' | 'plan' | 'period'>): Promise<Buffer> {
  const title = `Phụ lục kèm theo Báo cáo số ${d.number.trim()} — ${d.plan.title} — ${d.period.label.vi}`;
  return toXlsxBook([
    xlsxSheet({
      title, sheetName: 'Chỉ tiêu', lang: 'vi', rows: d.indicators,
      columns: [
        { key: 'code', header: { vi: 'Mã', en: 'Code' }, type: 'text', width: 10 },
        { key: (r) => r.name.vi, header: { vi: 'Chỉ tiêu', en: 'Indicator' }, type: 'text', width: 60 },
        { key: 'unit', header: { vi: 'Đơn vị tính', en: 'Unit' }, type: 'text', width: 14 },
        { key: 'year', header: { vi: 'Năm', en: 'Year' }, type: 'year', width: 8 },
        { key: (r) => targetText(r.target), header: { vi: 'Kế hoạch', en: 'Target' }, type: 'text', width: 14 },
        { key: 'actual', header: { vi: 'Thực hiện', en: 'Actual' }, type: 'number', width: 14 },
        { key: (r) => STATUS_VI[r.status], header: { vi: 'Đánh giá', en: 'Status' }, type: 'text', width: 20 },
        { key: (r) => (r.source === 'formula' ? 'Tính từ dữ liệu khcn' : 'Đơn vị nhập'), header: { vi: 'Nguồn', en: 'Source' }, type: 'text', width: 20 },
        { key: (r) => r.method ?? '', header: { vi: 'Phương pháp', en: 'Method' }, type: 'text', width: 50 },
      ],
    }),
    xlsxSheet({
      title, sheetName: 'Nhiệm vụ', lang: 'vi', rows: d.groups.flatMap((g) => g.items.map((i) => ({ g: g.title, i }))),
      columns: [
        { key: (r) => r.g, header: { vi: 'Nhóm', en: 'Group' }, type: 'text', width: 30 },
        { key: (r) => r.i.code ?? '', header: { vi: 'Mã', en: 'Code' }, type: 'text', width: 8 },
        { key: (r) => r.i.title, header: { vi: 'Nhiệm vụ', en: 'Item' }, type: 'text', width: 60 },
        { key: (r) => unitOf(r.i), header: { vi: 'Đơn vị chủ trì', en: 'Responsible unit' }, type: 'text', width: 30 },
        { key: (r) => r.i.deadline, header: { vi: 'Thời hạn', en: 'Deadline' }, type: 'date' },
        { key: (r) => PROGRESS_STATUS_LABELS[r.i.state.status].vi, header: { vi: 'Tình trạng', en: 'Status' }, type: 'text', width: 18 },
        { key: (r) => r.i.state.percent, header: { vi: 'Tiến độ (%)', en: 'Progress (%)' }, type: 'integer', width: 10 },
        { key: (r) => r.i.state.overdue.map((f) => OVERDUE_FLAG_LABELS[f].vi).join(', '), header: { vi: 'Cảnh báo', en: 'Flags' }, type: 'text', width: 24 },
      ],
    }),
  ]);
}

// ---- the report records ----

type Meta = repo.ReportMeta;
const reportDto = (r: Meta): PlanReport => ({
  id: r.id, planId: r.planId, periodKey: r.periodKey, title: r.title, sections: ReportSections.parse(r.sections ?? {}),
  recipients: (r.recipients ?? []) as string[], signerTitle: r.signerTitle, signerName: r.signerName,
  status: r.status as PlanReport['status'], number: r.number, issuedOn: r.issuedOn, version: r.version,
  createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
});
const records = versionedRecords({ entity: ENTITY, constraints: {}, find: repo.findReport, toDto: reportDto, writes: repo.reportWrites });

const DEFAULT_RECIPIENTS = ['UBND tỉnh (để báo cáo)', 'Lãnh đạo Sở', 'Các đơn vị được giao nhiệm vụ', 'Lưu: VT, QLKH'];

async function readableReport(ctx: Ctx, id: string) {
  if (!can(ctx.actor, 'write_report') && ctx.actor.role !== 'leader') throw forbidden();
  const row = await repo.findReport(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY, id);
  return row;
}

export async function listReports(ctx: Ctx, planId: string) {
  if (!can(ctx.actor, 'write_report') && ctx.actor.role !== 'leader') throw forbidden();
  return { items: (await repo.reportsOf(ctx.db, ctx.actor.tenantId, planId)).map(reportDto) };
}

export const getReport = async (ctx: Ctx, id: string) => reportDto(await readableReport(ctx, id));

export async function createReport(ctx: Ctx, planId: string, input: { periodKey: string; title?: string | null }, now = new Date()) {
  if (!can(ctx.actor, 'write_report')) throw forbidden();
  const plan = await getPlan(ctx, planId, {}, now);
  const period = plan.periods.find((p) => p.key === input.periodKey);
  if (!period) {
    throw new AppError('common.validation_failed', { status: 400, details: [{ path: 'body.periodKey', code: 'unknown_period', i18n: 'plans.unknown_period', params: { period: input.periodKey } }] });
  }
  return records.create(ctx, {
    planId, periodKey: period.key, title: input.title ?? `Kết quả thực hiện ${lowerFirst(plan.title)}, ${lowerFirst(period.label.vi)}`,
    sections: ReportSections.parse({}), recipients: DEFAULT_RECIPIENTS, signerTitle: 'PHÓ GIÁM ĐỐC', signerName: null, status: 'draft',
  }, { input, authorize: () => can(ctx.actor, 'write_report') });
}

const refuseIssued = (r: Meta | null) => {
  if (r?.status === 'issued') throw new AppError('plans.report_issued', { status: 409, params: { number: r.number ?? '' } });
};

export function updateReport(ctx: Ctx, id: string, input: ReportUpdate) {
  return records.update(ctx, id, input.version, {
    title: input.title, sections: input.sections, recipients: input.recipients, signerTitle: input.signerTitle ?? null, signerName: input.signerName ?? null,
  }, { input, authorize: () => can(ctx.actor, 'write_report'), check: async (_tx, before) => refuseIssued(before) });
}

export async function deleteReport(ctx: Ctx, id: string, version: number) {
  await records.remove(ctx, id, version, { authorize: () => can(ctx.actor, 'write_report'), check: async (_tx, before) => refuseIssued(before) });
}

/** Everything the report says, read as of `date`. */
export async function reportData(ctx: Ctx, r: Meta, o: { number: string; date: string }, now = new Date()): Promise<ReportData> {
  const plan = await getPlan(ctx, r.planId, {}, now);
  const period = plan.periods.find((p) => p.key === r.periodKey)!;
  const heading = await documentHeadingOn(ctx.db, ctx.actor.tenantId, o.date);
  const year = Number(period.end.slice(0, 4));
  const scope: ReportScope = {
    planId: plan.id, periodKey: period.key, periodStart: period.start, periodEnd: period.end, year, asOf: o.date,
    planFrom: plan.periodFrom, planTo: plan.periodTo,
  };
  const indicators = await indicatorReport(ctx, { planId: plan.id, year, asOf: o.date, view: 'current' });
  const extra = await registeredSections(ctx, scope);
  return {
    heading, number: o.number.replace('{symbol}', heading.symbol), date: o.date, title: r.title,
    plan, period, indicators,
    groups: plan.groups.map((g) => ({ title: [g.code, g.title].filter(Boolean).join('. '), items: plan.items.filter((i) => i.groupId === g.id) })),
    sections: ReportSections.parse(r.sections ?? {}), extra,
    recipients: (r.recipients ?? []) as string[], signer: { title: r.signerTitle ?? 'GIÁM ĐỐC', name: r.signerName },
  };
}

/** The report's DOCX and XLSX annex from one reading of the data (issuing; the bench). */
export async function renderReport(ctx: Ctx, r: Meta, o: { number: string; date: string }, now = new Date()) {
  const data = await reportData(ctx, r, o, now);
  return { data, docx: await renderAdministrativeDocument(buildPlanReport(data)), xlsx: await buildAnnex(data) };
}

const fileStem = (r: Meta) => `Bao cao ${r.number ? r.number.replace(/\//g, '-') : 'du thao'} - ${r.title}`;

/** The DOCX: an issued report's stored file; a draft's built now, numbered "   /BC-…" and dated today. */
export async function reportDocx(ctx: Ctx, id: string, now = new Date()): Promise<{ buffer: Buffer; fileName: string }> {
  const r = await readableReport(ctx, id);
  if (r.status === 'issued') {
    const files = (await repo.reportFiles(ctx.db, ctx.actor.tenantId, id))!;
    return { buffer: files.docx!, fileName: documentFilename(fileStem(r), 'docx') };
  }
  const data = await reportData(ctx, r, { number: '      /BC-{symbol}', date: todayInVietnam(now) }, now);
  return { buffer: await renderAdministrativeDocument(buildPlanReport(data)), fileName: documentFilename(fileStem(r), 'docx') };
}

export async function reportXlsx(ctx: Ctx, id: string, now = new Date()): Promise<{ buffer: Buffer; fileName: string }> {
  const r = await readableReport(ctx, id);
  if (r.status === 'issued') {
    const files = (await repo.reportFiles(ctx.db, ctx.actor.tenantId, id))!;
    return { buffer: files.xlsx!, fileName: documentFilename(`Phu luc - ${fileStem(r)}`, 'xlsx') };
  }
  const data = await reportData(ctx, r, { number: '      /BC-{symbol}', date: todayInVietnam(now) }, now);
  return { buffer: await buildAnnex(data), fileName: documentFilename(`Phu luc - ${fileStem(r)}`, 'xlsx') };
}

/**
 * Issues a draft: the next number of the year among the province's issued reports, the date, and the DOCX and XLSX
 * built from the data now, stored with the record in one transaction (a concurrent issue waits for the number).
 */
export async function issueReport(ctx: Ctx, id: string, input: { version: number; issuedOn?: string }, now = new Date()): Promise<PlanReport> {
  if (!can(ctx.actor, 'write_report')) throw forbidden();
  const issuedOn = input.issuedOn ?? todayInVietnam(now);
  const year = Number(issuedOn.slice(0, 4));
  return ctx.db.transaction(async (tx) => {
    const txCtx: Ctx = { ...ctx, db: tx as unknown as Db };
    if (!(await repo.reportWrites.lock(tx, ctx.actor.tenantId, id))) throw notFound(ENTITY, id);
    const before = (await repo.findReport(tx, ctx.actor.tenantId, id))!;
    refuseIssued(before);
    if (before.version !== input.version) throw new AppError('common.version_conflict', { status: 409, params: { current: before.version, sent: input.version }, details: { current: before.version, sent: input.version } });
    await repo.lockReportNumbers(tx, ctx.actor.tenantId, year);
    const seq = await repo.nextReportSeq(tx, ctx.actor.tenantId, year);
    const { data, docx, xlsx } = await renderReport(txCtx, before, { number: `${seq}/BC-{symbol}`, date: issuedOn }, now);
    const ok = await repo.reportWrites.update(tx, ctx.actor.tenantId, id, before.version, {
      status: 'issued', numberYear: year, numberSeq: seq, number: data.number, issuedOn, issuedBy: ctx.actor.userId, docx, xlsx,
    });
    if (!ok) throw new AppError('common.version_conflict', { status: 409, params: { current: before.version + 1, sent: input.version }, details: {} });
    const after = reportDto((await repo.findReport(tx, ctx.actor.tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'issue', entity: ENTITY, entityId: id, before: reportDto(before), after });
    return after;
  });
}

// ---- the plans module's own registered section: S&T tasks ----

export function registerTaskSection(): void {
  registerReportSection('tasks', {
    title: 'Nhiệm vụ khoa học và công nghệ',
    order: 10,
    build: async (ctx, scope) => {
      const [dash, funding] = [await taskDashboard(ctx, { year: scope.year }), await fundingSummary(ctx, { fromYear: Number(scope.planFrom.slice(0, 4)), toYear: scope.year })];
      const stages = dash.stages.filter((s) => s.count > 0);
      const total = stages.reduce((n, s) => n + s.count, 0);
      const f = funding.totals;
      const blocks: DocBlock[] = [
        { type: 'paragraph', text: `Tổng số nhiệm vụ KH&CN đang được theo dõi: ${total} nhiệm vụ; trong đó ${stages.reduce((n, s) => n + s.overdue, 0)} nhiệm vụ quá thời hạn của bước đang thực hiện.` },
      ];
      if (stages.length > 0) {
        blocks.push({
          type: 'table', fontSize: 11, totalRow: true,
          columns: [{ header: 'Bước', width: 50 }, { header: 'Số nhiệm vụ', width: 15, align: 'center' }, { header: 'Quá hạn', width: 15, align: 'center' }],
          rows: [...stages.map((s) => [s.stageName.vi, s.count, s.overdue]), ['Tổng cộng', total, stages.reduce((n, s) => n + s.overdue, 0)]],
        });
      }
      blocks.push({
        type: 'paragraph',
        text: `Kinh phí giai đoạn ${scope.planFrom.slice(0, 4)}–${scope.year} (triệu đồng): kế hoạch ${formatNumber(f.total.planned)}, đã cấp ${formatNumber(f.total.disbursed)}`
          + `${f.total.share === null ? '' : ` (${formatPercent(f.total.share)})`}; ngân sách nhà nước đã cấp ${formatNumber(f.stateBudget.disbursed)}, đối ứng ${formatNumber(f.counterpart.disbursed)}`
          + `${f.counterpartShare.disbursed === null ? '' : `, tỷ lệ đối ứng so với ngân sách nhà nước ${formatPercent(f.counterpartShare.disbursed)}`}.`,
      });
      return blocks;
    },
  });
}
