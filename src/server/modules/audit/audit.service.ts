/**
 * The append-only audit log: every write calls recordAudit inside its own transaction. Admins read it in words
 * (audit.present.ts): filtered by who, what and when, and exported as XLSX with one row per changed field.
 */
import type { Db } from '../../db/client.ts';
import type { Ctx, Tx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { runQueries } from '../../db/queries.ts';
import { formatDate } from '../../../lib/vi/format.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import type { Lang } from '../../../shared/i18n/messages.ts';
import type { AuditEntry as AuditEntryDto, AuditFilters, AuditQuery, AuditText } from '../../../shared/schemas/audit.ts';
import { WorkflowDefinition } from '../../../shared/schemas/workflow.ts';
import { collectPages, toXlsx, type XlsxColumn } from '../exports/exports.service.ts';
import { can } from './audit.policy.ts';
import { idsOf, presentEntry, scienceFieldsOf, type StoredEntry, type Vocabulary } from './audit.present.ts';
import * as repo from './audit.repo.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Tx | Db, ctx: Pick<Ctx, 'actor' | 'requestId'>, entry: AuditEntry) {
  await repo.insertAudit(tx, {
    tenantId: ctx.actor.tenantId,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId ?? null,
  });
}

/** Stage, action, document and field names of every workflow definition (later versions and the province's win). */
function workflowWords(values: unknown[]): Pick<Vocabulary, 'stages' | 'actions' | 'documents' | 'fields'> {
  const stages = new Map<string, AuditText>();
  const actions = new Map<string, AuditText>();
  const documents = new Map<string, AuditText>();
  const fields = new Map<string, AuditText>();
  for (const value of values) {
    const def = WorkflowDefinition.safeParse(value);
    if (!def.success) continue;
    for (const s of def.data.stages) stages.set(s.key, s.name);
    for (const t of def.data.transitions) if (t.name) actions.set(t.action, t.name);
    for (const [k, v] of Object.entries(def.data.labels?.documents ?? {})) documents.set(k, v);
    for (const [k, v] of Object.entries(def.data.labels?.fields ?? {})) fields.set(k, v);
  }
  return { stages, actions, documents, fields };
}

/** The names a page of entries needs, looked up in one round. */
async function vocabularyFor(db: Db, tenantId: string, entries: StoredEntry[]): Promise<Vocabulary> {
  const ids = [...new Set(entries.flatMap(idsOf))];
  const codes = [...new Set(entries.flatMap(scienceFieldsOf))];
  const [names, fieldRows, definitions] = await runQueries(db, [
    () => repo.namesOf(db, tenantId, ids),
    () => repo.scienceFieldNames(db, codes),
    () => repo.workflowDefinitions(db, tenantId),
  ] as const);
  return {
    names,
    scienceFields: new Map(fieldRows.map((r) => [r.code, { vi: r.vi, en: r.en }])),
    ...workflowWords(definitions.map((d) => d.value)),
  };
}

export async function listAudit(ctx: Ctx, query: AuditQuery): Promise<{ items: AuditEntryDto[]; nextCursor: string | null }> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const rows = await repo.listAudit(ctx.db, ctx.actor.tenantId, query);
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const vocabulary = await vocabularyFor(ctx.db, ctx.actor.tenantId, page);
  const items = page.map((r) => presentEntry(r, vocabulary));
  return { items, nextCursor: hasMore ? String(page[page.length - 1].id) : null };
}

/** One row per changed field (an entry without changes, such as a sign-in, is one row). */
interface ExportRow { entry: AuditEntryDto; change: AuditEntryDto['changes'][number] | null }

function auditColumns(lang: Lang): XlsxColumn<ExportRow>[] {
  const none = '';
  return [
    { key: (r) => r.entry.atText[lang], header: { vi: 'Thời gian (giờ Việt Nam)', en: 'Time (Vietnam)' }, type: 'text', width: 18 },
    { key: (r) => r.entry.actorName ?? (lang === 'vi' ? 'Hệ thống' : 'System'), header: { vi: 'Người thực hiện', en: 'By' }, type: 'text', width: 26 },
    { key: (r) => r.entry.actionLabel[lang], header: { vi: 'Thao tác', en: 'Action' }, type: 'text', width: 24 },
    { key: (r) => r.entry.entityLabel[lang], header: { vi: 'Đối tượng', en: 'Record' }, type: 'text', width: 20 },
    { key: (r) => r.entry.subjectName ?? none, header: { vi: 'Tên', en: 'Name' }, type: 'text', width: 45 },
    { key: (r) => r.change?.label[lang] ?? none, header: { vi: 'Trường', en: 'Field' }, type: 'text', width: 24 },
    { key: (r) => r.change?.before?.[lang] ?? none, header: { vi: 'Trước', en: 'Before' }, type: 'text', width: 40 },
    { key: (r) => r.change?.after?.[lang] ?? none, header: { vi: 'Sau', en: 'After' }, type: 'text', width: 40 },
  ];
}

/** The workbook's bytes and file name for the log with these filters; the route sends them. */
export async function exportAudit(ctx: Ctx, filters: AuditFilters, lang: Lang) {
  const entries = await collectPages((page) => listAudit(ctx, { ...filters, ...page }));
  const rows = entries.flatMap((entry): ExportRow[] => (entry.changes.length ? entry.changes.map((change) => ({ entry, change })) : [{ entry, change: null }]));
  const today = todayInVietnam();
  const title = lang === 'vi'
    ? `Nhật ký thao tác (${entries.length} thao tác, ngày ${formatDate(today)})`
    : `Audit log (${entries.length} entries, ${today})`;
  const buffer = await toXlsx({ title, sheetName: lang === 'vi' ? 'Nhật ký' : 'Audit log', columns: auditColumns(lang), rows, lang });
  return { buffer, filename: lang === 'vi' ? `Nhật ký thao tác ${today}.xlsx` : `Audit log ${today}.xlsx` };
}
