/**
 * Legal documents (văn bản): the register of national documents (shared by every province, tenant NULL) and each
 * province's own, with the relations between them (implements, is based on, amends, replaces), the policy chain
 * (from a central resolution down to the province's plans, and from a plan up to what it carries out), an attached
 * file per province, and the references a pasted text cites matched against the register.
 *
 * Numbers are compared as `extractLegalRefs` compares them (`legalNumberKey`: spaces around - and / removed, case
 * and Đ/D ignored), unique per scope: one national 05-NQ/TW, and per province one 98/KH-UBND. A province's document
 * may not repeat a national number it already reads (nor a national one a number of the admin's own province).
 */
import type { Ctx, Tx } from '../../context.ts';
import type { DbHandle } from '../../db/client.ts';
import { AppError, forbidden, notFound, validationError } from '../../errors.ts';
import { mapConstraintError, pgError } from '../../db/errors.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { versionedRecords } from '../../records/versioned-record.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import { extractLegalRefs, legalNumberKey, normalizeLegalNumber } from '../../../lib/vi/legal-refs.ts';
import { LEGAL_DOC_TYPE_LABELS, LEGAL_RELATION_LABELS, docTypeOfRefType, suggestFromNumber } from '../../../shared/labels/legal-documents.ts';
import type {
  LegalDocType, LegalDocument, LegalDocumentDetail, LegalDocumentInput, LegalDocumentListQuery, LegalDocumentSummary,
  LegalDocumentUpdate, LegalRefExtract, LegalRefExtractInput, LegalRelationInput, PolicyChain, PolicyChainNode,
} from '../../../shared/schemas/legal-documents.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { registerAttachmentSubject, type AttachmentSubject } from '../attachments/attachments.service.ts';
import * as repo from './legal-documents.repo.ts';
import { can, canRelate } from './legal-documents.policy.ts';
import { NATIONAL_DOCUMENTS, NATIONAL_RELATIONS } from './legal-documents.national.ts';
import { servantsOf } from './legal-documents.servants.ts';

const ENTITY = 'legal_document';
const SUBJECT = 'legal_document';
/** How many paths a chain shows each way before it says it was cut. */
const CHAIN_LIMIT = 300;

const constraints = {
  unique: { legal_documents_national_number: 'number', legal_documents_province_number: 'number' },
};

type Row = repo.LegalDocumentRow;

function toDto({ sortKey: _sk, ...r }: Row): LegalDocument {
  return { ...r, docType: r.docType as LegalDocType, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

const summary = (r: Pick<Row, 'id' | 'national' | 'number' | 'docType' | 'issuer' | 'issuedOn' | 'title'>): LegalDocumentSummary => ({
  id: r.id, national: r.national, number: r.number, docType: r.docType as LegalDocType, issuer: r.issuer, issuedOn: r.issuedOn, title: r.title,
});

/** Derived columns: the number's key, the folded search text (number, type, title, issuer), the title's sort key. */
function values(input: Omit<LegalDocumentUpdate, 'version'>): repo.LegalDocumentValues {
  const number = normalizeLegalNumber(input.number);
  return {
    number,
    numberKey: legalNumberKey(number),
    docType: input.docType,
    issuer: input.issuer ?? null,
    issuedOn: input.issuedOn ?? null,
    title: input.title,
    effectiveFrom: input.effectiveFrom ?? null,
    effectiveTo: input.effectiveTo ?? null,
    note: input.note ?? null,
    searchText: fold([number, LEGAL_DOC_TYPE_LABELS[input.docType].vi, input.title, input.issuer].filter(Boolean).join(' ')),
    sortKey: sortKey(input.title),
  };
}

const records = versionedRecords({ entity: ENTITY, constraints, find: repo.findById, toDto, writes: repo.writes });

/**
 * The other scope's document with this number, as the caller's province reads it: a province's document may not
 * repeat a national number (the national one is already there for it), nor a national one its own province's.
 */
async function assertNumberFree(tx: Tx, ctx: Ctx, o: { number: string; national: boolean; selfId?: string }) {
  const clash = (await repo.findByKeys(tx, ctx.actor.tenantId, [legalNumberKey(o.number)]))
    .find((d) => d.id !== o.selfId && d.national !== o.national);
  if (!clash) return;
  throw new AppError(o.national ? 'legal_document.number_in_province' : 'legal_document.number_is_national', {
    status: 409, params: { number: clash.number }, details: [{ path: 'body.number', code: 'duplicate', id: clash.id }],
  });
}

// ---- the register ----

export async function listLegalDocuments(ctx: Ctx, q: LegalDocumentListQuery) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const rows = await repo.list(ctx.db, ctx.actor.tenantId, q, decodeCursor(q.cursor));
  return page(rows, q.limit, toDto);
}

export async function listIssuers(ctx: Ctx) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  return { items: await repo.issuers(ctx.db, ctx.actor.tenantId) };
}

async function readable(ctx: Ctx, db: Ctx['db'] | Tx, id: string): Promise<Row> {
  const row = await repo.findById(db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY, id);
  if (!can(ctx.actor, 'read', row)) throw forbidden();
  return row;
}

async function detailOf(ctx: Ctx, db: Ctx['db'] | Tx, row: Row): Promise<LegalDocumentDetail> {
  const relations = await repo.relationsOf(db, ctx.actor.tenantId, row.id);
  return {
    ...toDto(row),
    relations: relations.map((x) => ({
      id: x.id, kind: x.kind as LegalDocumentDetail['relations'][number]['kind'], direction: x.direction,
      document: summary(x.other), createdAt: x.createdAt.toISOString(),
    })),
  };
}

/** A document with its relations both ways (those whose other end the province reads). */
export async function getLegalDocument(ctx: Ctx, id: string): Promise<LegalDocumentDetail> {
  return detailOf(ctx, ctx.db, await readable(ctx, ctx.db, id));
}

export async function createLegalDocument(ctx: Ctx, input: LegalDocumentInput): Promise<LegalDocument> {
  return records.create(ctx, { ...values(input), national: input.national }, {
    input,
    authorize: () => can(ctx.actor, 'create', { national: input.national }),
    check: (tx) => assertNumberFree(tx, ctx, { number: input.number, national: input.national }),
  });
}

export async function updateLegalDocument(ctx: Ctx, id: string, input: LegalDocumentUpdate): Promise<LegalDocument> {
  return records.update(ctx, id, input.version, values(input), {
    input,
    authorize: (before) => can(ctx.actor, 'update', before!),
    check: (tx, before) => assertNumberFree(tx, ctx, { number: input.number, national: before!.national, selfId: id }),
  });
}

/**
 * Deletes a document and its relations (each recorded in the audit log). A national document that other provinces'
 * documents relate to stays: 409, since their chains would lose a link they cannot see being removed.
 */
export async function deleteLegalDocument(ctx: Ctx, id: string, version: number): Promise<void> {
  await records.remove(ctx, id, version, {
    authorize: (before) => can(ctx.actor, 'delete', before!),
    check: async (tx, before) => {
      if (await repo.relationsElsewhere(tx, ctx.actor.tenantId, id) > 0) {
        throw new AppError('legal_document.used_by_other_provinces', { status: 409, params: { number: before!.number }, details: { id } });
      }
      for (const rel of await repo.relationsOf(tx, ctx.actor.tenantId, id)) {
        await recordAudit(tx, ctx, { action: 'unrelate', entity: ENTITY, entityId: id, before: relationAudit(before!, rel) });
      }
    },
  });
}

/**
 * The document with this number the province reads (its own first, else the national one), or null: for modules
 * that cite documents by number (a rule's legal basis, a plan's decision) and for the demo seed.
 */
export async function legalDocumentByNumber(ctx: Ctx, number: string): Promise<LegalDocumentSummary | null> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const found = await repo.findByKeys(ctx.db, ctx.actor.tenantId, [legalNumberKey(number)]);
  const doc = found.find((d) => !d.national) ?? found[0];
  return doc ? summary(doc) : null;
}

// ---- relations ----

const relationAudit = (doc: Pick<Row, 'number'>, rel: { id: string; kind: string; direction: string; other: { id: string; number: string } }) => ({
  relationId: rel.id, kind: rel.kind, direction: rel.direction, document: doc.number, otherId: rel.other.id, other: rel.other.number,
});

/** Adds "this document <kind> target" (e.g. 98/KH-UBND implements 16-CTr/TU); answers the document with its relations. */
export async function addRelation(ctx: Ctx, id: string, input: LegalRelationInput): Promise<LegalDocumentDetail> {
  if (input.targetId === id) {
    throw validationError([{ path: 'body.targetId', code: 'self_relation', i18n: 'legal_document.self_relation' }]);
  }
  return ctx.db.transaction(async (tx) => {
    // Both ends locked: a concurrent delete of either waits, then this insert sees it gone (404) or it sees the link.
    if (!(await repo.writes.lock(tx, ctx.actor.tenantId, id))) throw notFound(ENTITY, id);
    const from = await readable(ctx, tx, id);
    const to = (await repo.writes.lock(tx, ctx.actor.tenantId, input.targetId)) && await repo.findById(tx, ctx.actor.tenantId, input.targetId);
    if (!to) throw validationError([{ path: 'body.targetId', code: 'unknown_reference', params: { entity: ENTITY } }]);
    if (!canRelate(ctx.actor, from, to)) throw forbidden();
    const kindName = LEGAL_RELATION_LABELS[input.kind];
    const duplicate = () => new AppError('legal_document.duplicate_relation', {
      status: 409, params: { kind: kindName }, details: [{ path: 'body.targetId', code: 'duplicate' }],
    });
    if (await repo.relationExists(tx, { fromId: id, toId: to.id, kind: input.kind })) throw duplicate();
    const rel = await repo.insertRelation(tx, { fromId: id, toId: to.id, kind: input.kind }).catch((e: unknown) => {
      if (pgError(e)?.code === '23505') throw duplicate();
      return mapConstraintError(e, { entity: 'legal_document_relation' });
    });
    await recordAudit(tx, ctx, {
      action: 'relate', entity: ENTITY, entityId: id,
      after: relationAudit(from, { id: rel.id, kind: rel.kind, direction: 'outgoing', other: to }),
    });
    return detailOf(ctx, tx, from);
  });
}

/** Removes a relation of the document (either direction). */
export async function removeRelation(ctx: Ctx, id: string, relationId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.writes.lock(tx, ctx.actor.tenantId, id))) throw notFound(ENTITY, id);
    const doc = await readable(ctx, tx, id);
    const rel = (await repo.relationsOf(tx, ctx.actor.tenantId, id)).find((x) => x.id === relationId);
    if (!rel) throw notFound('legal_document_relation', relationId);
    if (!canRelate(ctx.actor, doc, rel.other)) throw forbidden();
    if (!(await repo.deleteRelation(tx, relationId))) throw notFound('legal_document_relation', relationId);
    await recordAudit(tx, ctx, { action: 'unrelate', entity: ENTITY, entityId: id, before: relationAudit(doc, rel) });
  });
}

// ---- the policy chain ----

/**
 * From a document, the documents that carry it out (implement it or rest on it), recursively, and those it carries
 * out, recursively; each node with what serves it (providers registered by other modules, legal-documents.servants.ts).
 * Bounded by `depth` steps and CHAIN_LIMIT paths each way; a cycle (A implements B implements A) ends the path.
 */
export async function policyChain(ctx: Ctx, id: string, depth: number): Promise<PolicyChain> {
  const root = await readable(ctx, ctx.db, id);
  const walk = (direction: 'down' | 'up') => repo.chain(ctx.db, { tenantId: ctx.actor.tenantId, rootId: id, direction, maxDepth: depth, limit: CHAIN_LIMIT });
  const down = await walk('down');
  const up = await walk('up');
  const truncated = [down, up].some((rows) => rows.length > CHAIN_LIMIT || rows.some((x) => x.more));
  const [downRows, upRows] = [down.slice(0, CHAIN_LIMIT), up.slice(0, CHAIN_LIMIT)];
  const servants = await servantsOf(ctx, [...new Set([id, ...downRows.map((x) => x.id), ...upRows.map((x) => x.id)])]);
  const node = (x: repo.ChainRow): PolicyChainNode => ({
    key: x.key, parentKey: x.parentKey, depth: x.depth, kind: x.kind as PolicyChainNode['kind'],
    document: summary(x), servedBy: servants.get(x.id) ?? [],
  });
  return {
    document: summary(root), servedBy: servants.get(id) ?? [], down: downRows.map(node), up: upRows.map(node),
    maxDepth: depth, truncated,
  };
}

// ---- references a text cites ----

/**
 * The references `extractLegalRefs` finds in the text, each matched to the register by its number key (the
 * province's own document first, else the national one), or, when missing, what to create: the number, the type,
 * the date the text states, and the issuer and scope the symbol suggests.
 */
export async function extractReferences(ctx: Ctx, input: LegalRefExtractInput): Promise<LegalRefExtract> {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const refs = extractLegalRefs(input.text, input.language ? { language: input.language } : {});
  const found = await repo.findByKeys(ctx.db, ctx.actor.tenantId, [...new Set(refs.map((r) => legalNumberKey(r.number)))]);
  const byKey = new Map<string, (typeof found)[number]>();
  for (const d of found) if (!byKey.has(d.numberKey) || !d.national) byKey.set(d.numberKey, d);
  return {
    items: refs.map((r) => {
      const doc = byKey.get(legalNumberKey(r.number));
      const docType = docTypeOfRefType(r.type);
      const suggested = suggestFromNumber(r.number);
      return {
        ...r, docType, document: doc ? summary(doc) : null,
        proposal: { number: r.number, docType, issuedOn: r.date, issuer: suggested.issuer, national: suggested.national },
      };
    }),
  };
}

// ---- registrations and reference data ----

const attachmentSubject: AttachmentSubject = {
  label: { vi: 'văn bản', en: 'a legal document' },
  find: async (ctx, id) => {
    const row = await repo.findById(ctx.db, ctx.actor.tenantId, id);
    if (!row) return null;
    const editor = can(ctx.actor, 'attach', row);
    return {
      may: { read: can(ctx.actor, 'read', row), attach: editor, remove: editor },
      kinds: {
        official_text: { vi: 'Văn bản (bản chính thức)', en: 'Official text' },
        annex: { vi: 'Phụ lục', en: 'Annex' },
      },
    };
  },
  limits: {
    effectiveFrom: '2020-03-05',
    legalBasis: 'Minh họa (illustrative): định dạng văn bản điện tử .pdf theo Nghị định 30/2020/NĐ-CP, Phụ lục I; '
      + 'bản Word và bản chụp; dung lượng tối đa do khcn đặt, không có văn bản quy định — tỉnh thay bằng quyết định của mình',
    value: {
      default: {
        maxBytes: 20 * 1024 * 1024,
        types: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword',
          'application/vnd.oasis.opendocument.text', 'image/png', 'image/jpeg', 'image/tiff'],
      },
      kinds: { annex: { types: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'application/vnd.oasis.opendocument.text',
        'application/vnd.oasis.opendocument.spreadsheet', 'image/png', 'image/jpeg', 'image/tiff'] } },
    },
  },
};

/** Registrations of the manifest: the documents' attached files. */
export function registerLegalDocuments(): void {
  registerAttachmentSubject(SUBJECT, attachmentSubject);
}

/** Reference loader: the national documents and their relations (legal-documents.national.ts), added once. */
export async function loadNationalLegalDocuments(h: DbHandle): Promise<void> {
  await h.db.transaction(async (tx) => {
    for (const doc of NATIONAL_DOCUMENTS) {
      await repo.ensureNational(tx, values({ ...doc, issuedOn: doc.issuedOn, note: doc.note ?? null }));
    }
    const ids = await repo.nationalIdsByKey(tx, [...new Set(NATIONAL_RELATIONS.flatMap(([a, , b]) => [legalNumberKey(a), legalNumberKey(b)]))]);
    for (const [from, kind, to] of NATIONAL_RELATIONS) {
      const fromId = ids.get(legalNumberKey(from));
      const toId = ids.get(legalNumberKey(to));
      // An administrator may have renumbered or deleted one end: then there is nothing to link.
      if (fromId && toId) await repo.ensureRelation(tx, { fromId, toId, kind });
    }
  });
}
