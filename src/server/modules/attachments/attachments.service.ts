/**
 * Attached files of any subject (`subject_type` + `subject_id`). The owning module registers the subject type
 * (attachments.subjects.ts): it says whether the subject exists in the province, who may read, attach and remove
 * its files, and which kinds of file it takes. The kinds' limits — file types and largest size — are the dated rule
 * `attachments.limits.<type>`, resolved on the day of the upload. A file's type is what its bytes are
 * (attachments.sniff.ts), never its name or the type it was sent with; it is stored through a BlobStore and served
 * as a download only (see sendAttachment in http/downloads.ts).
 */
import { createHash } from 'node:crypto';
import type { Ctx, Tx } from '../../context.ts';
import type { Db, DbHandle } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { formatNumber } from '../../../lib/vi/format.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import type { LocalizedText } from '../../../shared/schemas/common.ts';
import {
  FILE_TYPES, type Attachment, type AttachmentLimit, type AttachmentLimits, type AttachmentList, type FileType,
} from '../../../shared/schemas/attachments.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ensureNationalRules, resolveRule } from '../rules/rules.service.ts';
import * as repo from './attachments.repo.ts';
import { blobStoreNamed, currentBlobStore } from './attachments.blobs.ts';
import { can, type AttachmentAction } from './attachments.policy.ts';
import {
  attachmentSubject, limitsRuleKey, registeredAttachmentSubjects, type AttachmentAccess, type AttachmentSubject,
} from './attachments.subjects.ts';
import { identify, servedType, typeLabel, type Identified } from './attachments.sniff.ts';

export { registerAttachmentSubject, type AttachmentAccess, type AttachmentSubject } from './attachments.subjects.ts';

const ENTITY = 'attachment';

// ---- subject, policy, kinds and limits ----

interface Subject { type: string; def: AttachmentSubject; access: AttachmentAccess }

/** The subject as the actor sees it: unknown type, absent or unreadable → 404. */
async function subjectFor(ctx: Ctx, subjectType: string, subjectId: string): Promise<Subject> {
  const def = attachmentSubject(subjectType);
  if (!def) throw notFound(subjectType, subjectId);
  const access = await def.find(ctx, subjectId);
  if (!access || !can(access, 'read')) throw notFound(subjectType, subjectId);
  return { type: subjectType, def, access };
}

function authorize(s: Subject, action: AttachmentAction) {
  if (!can(s.access, action)) throw forbidden();
}

function assertKind(s: Subject, kind: string, path: string) {
  if (Object.hasOwn(s.access.kinds, kind)) return;
  const allowed = Object.keys(s.access.kinds);
  throw new AppError('attachment.unknown_kind', {
    status: 400, params: { kind, subject: s.def.label, allowed: allowed.join(', ') }, details: [{ path, code: 'unknown_kind', allowed }],
  });
}

async function limitsOf(db: Db | Tx, tenantId: string, subjectType: string): Promise<AttachmentLimits> {
  const rule = await resolveRule<AttachmentLimits>(db, { tenantId, key: limitsRuleKey(subjectType), onDate: todayInVietnam() });
  return rule.value;
}

const limitFor = (limits: AttachmentLimits, kind: string): AttachmentLimit => ({ ...limits.default, ...(limits.kinds[kind] ?? {}) });

const MB = 1024 * 1024;
/** 10 MB, 0,5 MB / 0.5 MB. */
function sizeText(bytes: number): LocalizedText {
  const [value, unit] = bytes >= MB ? [bytes / MB, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'byte'];
  return { vi: `${formatNumber(value, 1)} ${unit}`, en: `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit === 'byte' ? 'bytes' : unit}` };
}

const typeList = (types: readonly string[]) => types.map((t) => (FILE_TYPES as Record<string, { label: string }>)[t]?.label ?? t).join(', ');

// ---- reads ----

type Row = NonNullable<Awaited<ReturnType<typeof repo.findOne>>>;

function toDto(r: Row, kinds: Record<string, LocalizedText>): Attachment {
  return {
    id: r.id, subjectType: r.subjectType, subjectId: r.subjectId, kind: r.kind, kindName: kinds[r.kind] ?? { vi: r.kind, en: r.kind },
    fileName: r.fileName, contentType: r.contentType, size: r.size, sha256: r.sha256, note: r.note,
    createdAt: r.createdAt.toISOString(), createdBy: r.createdBy,
  };
}

/** A subject's files, the kinds it takes with today's limits, and what the caller may do. */
export async function listAttachments(ctx: Ctx, subjectType: string, subjectId: string): Promise<AttachmentList> {
  const s = await subjectFor(ctx, subjectType, subjectId);
  const [rows, limits] = await Promise.all([
    repo.listOf(ctx.db, ctx.actor.tenantId, subjectType, subjectId), limitsOf(ctx.db, ctx.actor.tenantId, subjectType),
  ]);
  return {
    items: rows.map((r) => toDto(r, s.access.kinds)),
    kinds: Object.entries(s.access.kinds).map(([kind, name]) => {
      const l = limitFor(limits, kind);
      return { kind, name, maxBytes: l.maxBytes, types: l.types, extensions: l.types.flatMap((t: FileType) => [...FILE_TYPES[t].exts]) };
    }),
    may: { attach: can(s.access, 'attach'), remove: can(s.access, 'remove') },
  };
}

/** One file's bytes, with the type and name to serve it with. */
export async function readAttachment(ctx: Ctx, subjectType: string, subjectId: string, id: string) {
  await subjectFor(ctx, subjectType, subjectId);
  const row = await repo.findOne(ctx.db, ctx.actor.tenantId, subjectType, subjectId, id);
  if (!row) throw notFound(ENTITY, id);
  const bytes = await blobStoreNamed(row.storage).get(ctx.db, row.id);
  if (!bytes) throw new Error(`attachment ${row.id}: its bytes are missing from store "${row.storage}"`);
  return { fileName: row.fileName, contentType: servedType(row.contentType), bytes };
}

// ---- writes ----

/**
 * Checks that the actor may attach a file of this kind to the subject and returns the kind's limits — before a
 * route reads the upload, so that nothing is streamed for a request that would be refused, and the stream stops
 * at the limit.
 */
export async function uploadLimit(ctx: Ctx, o: { subjectType: string; subjectId: string; kind: string; kindPath?: string }): Promise<AttachmentLimit> {
  return (await attachable(ctx, o)).limit;
}

async function attachable(ctx: Ctx, o: { subjectType: string; subjectId: string; kind: string; kindPath?: string }) {
  const s = await subjectFor(ctx, o.subjectType, o.subjectId);
  authorize(s, 'attach');
  assertKind(s, o.kind, o.kindPath ?? 'query.kind');
  return { s, limit: limitFor(await limitsOf(ctx.db, ctx.actor.tenantId, o.subjectType), o.kind) };
}

export interface AttachInput {
  subjectType: string;
  subjectId: string;
  kind: string;
  fileName: string;
  /** The type the sender declared; it must agree with the bytes (a generic one says nothing). */
  declaredType?: string | null;
  note?: string | null;
  bytes: Buffer;
  /** Computed while the upload streamed in; else here. */
  sha256?: string;
  /** The upload was cut at the limit (multipart): refused with the limit. */
  truncated?: boolean;
  /** Where the request carried the kind and the file, for field problems (default `query.kind`, `body.file`). */
  paths?: { kind?: string; file?: string };
}

/** The name only (some clients send a path), without control characters, at most 255 characters. */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').normalize('NFC').trim();
  if (base.length <= 255) return base || 'tep-dinh-kem';
  const ext = /\.[^.]{1,10}$/.exec(base)?.[0] ?? '';
  return base.slice(0, 255 - ext.length) + ext;
}

function fileRefused(found: Exclude<Identified, { ok: true }>, o: { fileName: string; kind: string; limit: AttachmentLimit; path: string }) {
  const base = { fileName: o.fileName, kind: o.kind, allowed: typeList(o.limit.types) };
  const problem = (code: string, extra: Record<string, unknown> = {}) => [{ path: o.path, code, ...extra }];
  switch (found.reason) {
    case 'empty':
      return new AppError('attachment.empty_file', { status: 400, params: base, details: problem('empty') });
    case 'unrecognised':
      return new AppError('attachment.unrecognised', { status: 400, params: base, details: problem('unrecognised', { allowed: o.limit.types }) });
    case 'content_mismatch':
      return new AppError('attachment.content_mismatch', {
        status: 400, params: { ...base, declared: typeLabel(found.declared), detected: typeLabel(found.detected) },
        details: problem('content_mismatch', { declared: found.declared, detected: found.detected }),
      });
    case 'extension_mismatch':
      return new AppError('attachment.extension_mismatch', {
        status: 400, params: { ...base, ext: found.ext, detected: typeLabel(found.detected) },
        details: problem('extension_mismatch', { ext: found.ext, detected: found.detected }),
      });
    case 'type_forbidden':
      return new AppError('attachment.type_forbidden', {
        status: 400, params: { ...base, detected: typeLabel(found.detected) }, details: problem('type_forbidden', { detected: found.detected }),
      });
  }
}

/** Stores a file of a kind the subject takes, after checking its size and what its bytes are; audited on the subject. */
export async function attach(ctx: Ctx, input: AttachInput): Promise<Attachment> {
  const filePath = input.paths?.file ?? 'body.file';
  const { s, limit } = await attachable(ctx, { ...input, kindPath: input.paths?.kind });
  if (input.truncated || input.bytes.length > limit.maxBytes) {
    throw new AppError('attachment.too_large', {
      status: 413, params: { kind: input.kind, limit: sizeText(limit.maxBytes) },
      details: [{ path: filePath, code: 'too_large', maxBytes: limit.maxBytes, ...(input.truncated ? {} : { size: input.bytes.length }) }],
    });
  }
  const fileName = cleanFileName(input.fileName);
  const found = await identify({ bytes: input.bytes, fileName, declaredType: input.declaredType });
  if (!found.ok) throw fileRefused(found, { fileName, kind: input.kind, limit, path: filePath });
  if (!(limit.types as string[]).includes(found.contentType)) {
    throw new AppError('attachment.type_not_allowed', {
      status: 400, params: { fileName, kind: input.kind, detected: typeLabel(found.contentType), allowed: typeList(limit.types) },
      details: [{ path: filePath, code: 'type_not_allowed', detected: found.contentType, allowed: limit.types }],
    });
  }
  const sha256 = input.sha256 ?? createHash('sha256').update(input.bytes).digest('hex');
  const { tenantId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    await s.access.checkWrite?.(tx);
    const store = currentBlobStore();
    const id = await repo.insert(tx, {
      tenantId, subjectType: input.subjectType, subjectId: input.subjectId, kind: input.kind, fileName, contentType: found.contentType,
      size: input.bytes.length, sha256, storage: store.name, note: input.note?.trim() || null, createdBy: ctx.actor.userId,
    });
    await store.put(tx, id, input.bytes);
    await recordAudit(tx, ctx, {
      action: 'attach', entity: input.subjectType, entityId: input.subjectId,
      after: { attachmentId: id, kind: input.kind, fileName, contentType: found.contentType, size: input.bytes.length, sha256 },
    });
    return toDto((await repo.findOne(tx, tenantId, input.subjectType, input.subjectId, id))!, s.access.kinds);
  });
}

/** Removes a file (its bytes with it); audited on the subject. */
export async function removeAttachment(ctx: Ctx, subjectType: string, subjectId: string, id: string): Promise<void> {
  const s = await subjectFor(ctx, subjectType, subjectId);
  authorize(s, 'remove');
  const { tenantId } = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    await s.access.checkWrite?.(tx);
    const row = await repo.findOne(tx, tenantId, subjectType, subjectId, id);
    if (!row) throw notFound(ENTITY, id);
    if (!(await repo.remove(tx, tenantId, subjectType, subjectId, id))) throw notFound(ENTITY, id);
    await blobStoreNamed(row.storage).remove(tx, id);
    await recordAudit(tx, ctx, {
      action: 'detach', entity: subjectType, entityId: subjectId,
      before: { attachmentId: id, kind: row.kind, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256 },
    });
  });
}

// ---- for the owning module (it has checked that the caller reads the subject) ----

export interface AttachedFile {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  note: string | null;
  createdAt: Date;
  createdBy: string | null;
}

/** A subject's files, oldest first (to show them inside the subject's own record). */
export async function attachmentsOf(db: Db | Tx, tenantId: string, subjectType: string, subjectId: string): Promise<AttachedFile[]> {
  const rows = await repo.listOf(db, tenantId, subjectType, subjectId);
  return rows.map(({ id, kind, fileName, contentType, size, sha256, note, createdAt, createdBy }) =>
    ({ id, kind, fileName, contentType, size, sha256, note, createdAt, createdBy }));
}

/** The kinds of the files attached to a subject (what a workflow transition may require). */
export const attachedKinds = (db: Db | Tx, tenantId: string, subjectType: string, subjectId: string): Promise<string[]> =>
  repo.kindsOf(db, tenantId, subjectType, subjectId);

// ---- reference loaders ----

/** The national default limits of every registered subject type (`attachments.limits.<type>`). */
export async function loadAttachmentRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, registeredAttachmentSubjects().map(([type, s]) => ({
    key: limitsRuleKey(type), effectiveFrom: s.limits.effectiveFrom, legalBasis: s.limits.legalBasis, note: s.limits.note ?? null,
    value: s.limits.value,
  })));
}

/**
 * Files a migration copied in with the type they were sent with (0040: the old task documents) get the type their
 * bytes are; markup, or bytes that disagree with the file's extension, are served as application/octet-stream.
 */
export async function sniffMigratedAttachments(h: DbHandle): Promise<void> {
  for (const r of await repo.unsniffed(h.db)) {
    const bytes = await blobStoreNamed(r.storage).get(h.db, r.id);
    // The type it was sent with proves nothing (that is why these rows are checked): the bytes and the name decide.
    const found = bytes ? await identify({ bytes, fileName: r.fileName }) : null;
    await repo.setSniffed(h.db, r.id, found?.ok ? found.contentType : 'application/octet-stream');
  }
}
