/**
 * The audit log as people read it (pure code): an entry's action, entity and changed fields in words, records named
 * instead of UUIDs, values formatted (numbers, dates, Vietnam time, yes/no, coded values by their labels, legal bases
 * in the reader's language) instead of raw JSON — in both languages, for the page and the XLSX export. The names
 * come from a `Vocabulary` the service reads for a page of entries (audit.repo.ts).
 */
import { formatDateIn, formatDateTimeIn, formatNumberIn } from '../../../shared/format.ts';
import type { Lang } from '../../../shared/i18n/messages.ts';
import { auditActionLabel, auditEntityLabel, auditFieldLabel } from '../../../shared/labels/audit.ts';
import { AGENCY_KIND_LABELS } from '../../../shared/labels/agencies.ts';
import { COUNCIL_KIND_LABELS, COUNCIL_ROLE_LABELS, CONFLICT_STATUS_LABELS, RATING_LABELS } from '../../../shared/labels/councils.ts';
import type { Labels } from '../../../shared/labels/labels.ts';
import { legalBasisText } from '../../../shared/labels/legal-basis.ts';
import { ORG_KIND_LABELS } from '../../../shared/labels/organizations.ts';
import { ACADEMIC_TITLE_LABELS, DEGREE_LABELS } from '../../../shared/labels/people.ts';
import { ROLE_LABELS } from '../../../shared/labels/roles.ts';
import {
  ASSIGNMENT_MODE_LABELS, DISBURSEMENT_SOURCE_LABELS, FUNDING_MODE_LABELS, PARTICIPANT_ROLE_LABELS, PRODUCT_KIND_LABELS,
  TASK_LEVEL_LABELS, TASK_MEMBER_ROLE_LABELS, TASK_TYPE_LABELS,
} from '../../../shared/labels/tasks.ts';
import type { AuditChange, AuditEntry, AuditText } from '../../../shared/schemas/audit.ts';

type Row = Record<string, unknown>;

/** What the service looked up for a page of entries. */
export interface Vocabulary {
  /** Record id → its name: accounts, organisations, people, tasks, councils and their members and dossiers, agencies, communes. */
  names: ReadonlyMap<string, string>;
  /** Science field code → its name. */
  scienceFields: ReadonlyMap<string, AuditText>;
  /** Workflow stage key → name, transition action → name, document kind → name, subject field → name (rule data). */
  stages: ReadonlyMap<string, AuditText>;
  actions: ReadonlyMap<string, AuditText>;
  documents: ReadonlyMap<string, AuditText>;
  fields: ReadonlyMap<string, AuditText>;
}

export interface StoredEntry {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** Bookkeeping that changes on every write or means nothing to a reader. */
const HIDDEN = new Set([
  'id', 'version', 'createdAt', 'updatedAt', 'tenantId', 'searchText', 'sortKey', 'sha256', 'ruleVersionId', 'attachmentId',
  'replicationId', 'progressId', 'disbursementId', 'stageEventId', 'passwordHash',
  // derived read-model fields that repeat another one in other words
  'stageName', 'kindName', 'stageCapabilities', 'capabilities', 'fromName', 'toName', 'actionName',
]);
/** Fields inside a list item that only order the list. */
const HIDDEN_NESTED = new Set(['position']);
/** Nested objects are written out to this depth; deeper detail (a council's per-dossier results) is left to its page. */
const MAX_DEPTH = 2;
/** Name companions a record carries beside an id: the id is shown, named by its companion. */
const COMPANIONS: Record<string, string[]> = {
  adminUnitId: ['adminUnitName'], organizationId: ['organizationName'], hostOrganizationId: ['hostOrganizationName'],
  principalInvestigatorId: ['principalInvestigatorName'], parentId: ['parentName'], agencyId: ['agencyName', 'unitName'],
  scienceField: ['scienceFieldName'], personId: ['fullName', 'displayName'], adopterOrganizationId: ['adopterOrganizationName'],
};
const COMPANION_OF = new Map(Object.entries(COMPANIONS).flatMap(([id, names]) => names.map((n) => [n, id] as const)));
/** A name companion is left out when its id is in the record: the id's row shows the name. */
const shownByItsId = (field: string, ...records: Row[]) => {
  const id = COMPANION_OF.get(field);
  return id !== undefined && records.some((r) => id in r);
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const YEARS = new Set(['year', 'proposalYear', 'startYear', 'endYear', 'position']);
const isIdField = (field: string) => /Ids?$/.test(field) || field === 'enteredBy' || field === 'subjectId';

const COUNCIL_STATUS_LABELS: Labels<string> = {
  draft: { vi: 'Dự thảo', en: 'Draft' }, open: { vi: 'Đang họp', en: 'Open' }, closed: { vi: 'Đã kết thúc', en: 'Closed' },
};
const EVALUATION_LABELS: Labels<string> = {
  scoring: { vi: 'Chấm điểm', en: 'Scoring' }, rating: { vi: 'Xếp loại', en: 'Rating' },
};
/** The states of a task's product (the same words as the task page's). */
const PRODUCT_STATUS_LABELS: Labels<string> = {
  planned: { vi: 'Dự kiến', en: 'Planned' }, delivered: { vi: 'Đã giao nộp', en: 'Delivered' },
  accepted: { vi: 'Đã nghiệm thu', en: 'Accepted' }, rejected: { vi: 'Không đạt', en: 'Rejected' },
};
const PROGRESS_KIND_LABELS: Labels<string> = {
  check: { vi: 'Kiểm tra định kỳ', en: 'Progress check' }, extension: { vi: 'Gia hạn', en: 'Extension' },
  adjustment: { vi: 'Điều chỉnh', en: 'Adjustment' },
};

const text = (vi: string, en = vi): AuditText => ({ vi, en });
const both = (f: (lang: Lang) => string): AuditText => ({ vi: f('vi'), en: f('en') });
const YES_NO = { yes: text('Có', 'Yes'), no: text('Không', 'No') };
const UNKNOWN_RECORD = text('(không còn trong hệ thống)', '(no longer in the system)');

export const asRow = (v: unknown): Row => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Row) : {});

/** The coded-value labels of a field of an entity, when its values are codes. */
function codeLabels(entity: string, action: string, field: string, v: Vocabulary, path: string[]): Labels<string> | ReadonlyMap<string, AuditText> | null {
  const parent = path[path.length - 1];
  switch (field) {
    case 'kind':
      if (parent === 'products') return PRODUCT_KIND_LABELS;
      if (entity === 'organization') return ORG_KIND_LABELS;
      if (entity === 'agency') return AGENCY_KIND_LABELS;
      if (entity === 'council' || action === 'council_outcome') return COUNCIL_KIND_LABELS;
      if (action === 'attach' || action === 'detach') return v.documents;
      if (action.startsWith('progress_')) return PROGRESS_KIND_LABELS;
      return null;
    case 'role':
      if (parent === 'members') return TASK_MEMBER_ROLE_LABELS;
      if (parent === 'participants') return PARTICIPANT_ROLE_LABELS;
      return entity === 'council_member' ? COUNCIL_ROLE_LABELS : entity === 'user' ? ROLE_LABELS : null;
    case 'degree': return DEGREE_LABELS;
    case 'academicTitle': return ACADEMIC_TITLE_LABELS;
    case 'type': return entity === 'task' ? TASK_TYPE_LABELS : null;
    case 'level': return TASK_LEVEL_LABELS;
    case 'assignmentMode': return ASSIGNMENT_MODE_LABELS;
    case 'fundingMode': return FUNDING_MODE_LABELS;
    case 'rating': case 'acceptanceRating': return RATING_LABELS;
    case 'conflictStatus': return CONFLICT_STATUS_LABELS;
    case 'source': return DISBURSEMENT_SOURCE_LABELS;
    case 'status': return parent === 'products' ? PRODUCT_STATUS_LABELS : entity === 'council' ? COUNCIL_STATUS_LABELS : null;
    case 'evaluation': return EVALUATION_LABELS;
    case 'stage': case 'fromStage': case 'toStage': return v.stages;
    case 'action': return v.actions;
    default: return null;
  }
}

const isMap = (l: Labels<string> | ReadonlyMap<string, AuditText>): l is ReadonlyMap<string, AuditText> => l instanceof Map;

function labelIn(labels: Labels<string> | ReadonlyMap<string, AuditText>, code: string): AuditText | null {
  const found: AuditText | undefined = isMap(labels) ? labels.get(code) : (labels as Record<string, AuditText | undefined>)[code];
  return found ?? null;
}

function bytes(n: number, lang: Lang): string {
  if (n < 1024) return `${formatNumberIn(lang, n)} B`;
  if (n < 1024 * 1024) return `${formatNumberIn(lang, n / 1024, 1)} KB`;
  return `${formatNumberIn(lang, n / (1024 * 1024), 1)} MB`;
}

interface Ctx { entity: string; action: string; vocabulary: Vocabulary; record: Row }

/** A label of a field inside a record or a nested object: ours, else the workflow definition's, else its key. */
function fieldLabel(c: Ctx, field: string): AuditText {
  return auditFieldLabel(c.entity, field, c.vocabulary.fields.get(field));
}

const isLocalized = (v: Row): v is AuditText =>
  Object.keys(v).length === 2 && typeof v.vi === 'string' && typeof v.en === 'string';

/** A value in words, in both languages; null for "nothing" (shown as —). */
export function formatValue(c: Ctx, field: string, value: unknown, path: string[] = []): AuditText | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? YES_NO.yes : YES_NO.no;
  if (typeof value === 'number') {
    if (field === 'size') return both((l) => bytes(value, l));
    if (YEARS.has(field)) return text(String(value));
    return both((l) => formatNumberIn(l, value, 3));
  }
  if (typeof value === 'string') return formatString(c, field, value, path);
  if (Array.isArray(value)) {
    const items = value.map((item) => formatValue(c, field, item, [...path, field])).filter((x): x is AuditText => x !== null);
    if (items.length === 0) return null;
    const sep = value.some((i) => i && typeof i === 'object') ? '\n' : ', ';
    return both((l) => items.map((i) => i[l]).join(sep));
  }
  if (typeof value === 'object') return formatObject(c, field, value as Row, path);
  return text(String(value));
}

function formatString(c: Ctx, field: string, value: string, path: string[]): AuditText {
  if (field === 'legalBasis') return both((l) => legalBasisText(value, l));
  if (field === 'scienceField') {
    const name = c.vocabulary.scienceFields.get(value);
    return name ? both((l) => `${value} ${name[l]}`) : text(value);
  }
  if (field === 'subjectType' || (field === 'entity' && path.length === 0)) return auditEntityLabel(value);
  const labels = codeLabels(c.entity, c.action, field, c.vocabulary, path);
  if (labels) return labelIn(labels, value) ?? text(value);
  if (UUID.test(value) && (isIdField(field) || path.length > 0)) {
    const companion = (COMPANIONS[field] ?? []).map((n) => c.record[n]).find((n): n is string => typeof n === 'string' && n !== '');
    const name = companion ?? c.vocabulary.names.get(value);
    return name ? text(name) : UNKNOWN_RECORD;
  }
  if (ISO_DATE.test(value)) return both((l) => formatDateIn(l, value));
  if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return both((l) => formatDateTimeIn(l, value));
  return text(value);
}

function formatObject(c: Ctx, field: string, value: Row, path: string[]): AuditText | null {
  if (isLocalized(value)) return { vi: value.vi, en: value.en };
  if (path.length >= MAX_DEPTH) return null;
  // A rule frozen in a record (a council's scoring sheet, pass rule): its citation and start date say which one.
  if (typeof value.legalBasis === 'string') {
    const from = typeof value.effectiveFrom === 'string' && ISO_DATE.test(value.effectiveFrom) ? value.effectiveFrom : null;
    return both((l) => {
      const basis = legalBasisText(value.legalBasis as string, l);
      if (!from) return basis;
      return l === 'vi' ? `${basis} (áp dụng từ ${formatDateIn(l, from)})` : `${basis} (in force from ${formatDateIn(l, from)})`;
    });
  }
  const inner: Ctx = { ...c, record: value };
  const parts = Object.entries(value)
    .filter(([k]) => !HIDDEN.has(k) && !HIDDEN_NESTED.has(k) && !shownByItsId(k, value))
    .map(([k, v]) => {
      const shown = formatValue(inner, k, v, [...path, field]);
      return shown ? { label: fieldLabel(c, k), shown } : null;
    })
    .filter((x): x is { label: AuditText; shown: AuditText } => x !== null);
  if (parts.length === 0) return null;
  return both((l) => parts.map((p) => `${p.label[l]}: ${p.shown[l]}`).join('; '));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that changed between before and after (every filled field of a create or a delete), in words. */
export function changesOf(e: Pick<StoredEntry, 'entity' | 'action' | 'before' | 'after'>, vocabulary: Vocabulary): AuditChange[] {
  const b = asRow(e.before);
  const a = asRow(e.after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k) && !shownByItsId(k, a, b));
  return keys
    .filter((k) => !same(b[k], a[k]))
    .map((field) => ({
      field,
      label: fieldLabel({ entity: e.entity, action: e.action, vocabulary, record: a }, field),
      before: formatValue({ entity: e.entity, action: e.action, vocabulary, record: b }, field, b[field]),
      after: formatValue({ entity: e.entity, action: e.action, vocabulary, record: a }, field, a[field]),
    }))
    // An empty list before and after (no documents yet) changed nothing a reader sees.
    .filter((c) => c.before !== null || c.after !== null)
    .filter((c) => c.before?.vi !== c.after?.vi || c.before?.en !== c.after?.en);
}

/** The record an entry is about, by name: from the lookups, else from its own snapshot. */
function subjectName(e: StoredEntry, v: Vocabulary): string | null {
  const snapshot = { ...asRow(e.before), ...asRow(e.after) };
  if (e.entity === 'council_sheet' && typeof snapshot.memberId === 'string') return v.names.get(snapshot.memberId) ?? null;
  const own = e.entityId ? v.names.get(e.entityId) : undefined;
  if (own) return own;
  for (const k of ['name', 'title', 'displayName', 'fullName', 'username', 'key']) {
    if (typeof snapshot[k] === 'string' && snapshot[k]) return snapshot[k];
  }
  return null;
}

/** The ids an entry names (its subject, id fields at any depth): the service looks their names up in one go. */
export function idsOf(e: StoredEntry): string[] {
  const ids = new Set<string>();
  if (e.entityId && UUID.test(e.entityId)) ids.add(e.entityId);
  const walk = (v: unknown, field: string) => {
    if (typeof v === 'string') {
      if (UUID.test(v) && isIdField(field)) ids.add(v);
    } else if (Array.isArray(v)) {
      v.forEach((i) => walk(i, field));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Row)) walk(x, k);
    }
  };
  walk(e.before, '');
  walk(e.after, '');
  return [...ids];
}

/** Science field codes an entry holds. */
export function scienceFieldsOf(e: StoredEntry): string[] {
  const codes = [asRow(e.before).scienceField, asRow(e.after).scienceField];
  return codes.filter((c): c is string => typeof c === 'string' && c !== '');
}

/** One entry as the API returns it. */
export function presentEntry(e: StoredEntry, vocabulary: Vocabulary): AuditEntry {
  return {
    id: e.id,
    at: e.at.toISOString(),
    atText: both((l) => formatDateTimeIn(l, e.at)),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    actionLabel: e.action === 'transition' && typeof asRow(e.after).action === 'string'
      ? transitionLabel(asRow(e.after).action as string, vocabulary)
      : auditActionLabel(e.action),
    entity: e.entity,
    entityLabel: auditEntityLabel(e.entity),
    entityId: e.entityId,
    subjectName: subjectName(e, vocabulary),
    changes: changesOf(e, vocabulary),
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
  };
}

/** "Chuyển bước: Trình phê duyệt" — the transition's own name from the workflow definition, when it has one. */
function transitionLabel(action: string, v: Vocabulary): AuditText {
  const base = auditActionLabel('transition');
  const name = v.actions.get(action);
  return name ? both((l) => `${base[l]}: ${name[l]}`) : base;
}
