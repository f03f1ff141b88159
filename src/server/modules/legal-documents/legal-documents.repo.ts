/**
 * Every query of the legal-documents module. A province reads the national documents (tenant NULL) and its own;
 * `visibleTo` is that condition, and every read and write below applies it, so another province's document is
 * never found (404), as with any tenant-scoped record.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import type { NameCursor } from '../../db/paging.ts';
import { rowsOf } from '../../db/rows.ts';
import { textSearch } from '../../db/search.ts';
import type { VersionedWrites } from '../../db/versioned-table.ts';
import type { LegalDocumentListQuery, LegalRelationKind } from '../../../shared/schemas/legal-documents.ts';
import { legalDocumentRelations, legalDocuments } from './legal-documents.tables.ts';

type Handle = Db | Tx;
const d = legalDocuments;
const r = legalDocumentRelations;

/** National documents and the province's own. */
const visibleTo = (tenantId: string, t: { tenantId: PgColumn } = d) => or(isNull(t.tenantId), eq(t.tenantId, tenantId));

const columns = {
  id: d.id,
  national: sql<boolean>`(${d.tenantId} IS NULL)`.as('national'),
  number: d.number,
  docType: d.docType,
  issuer: d.issuer,
  issuedOn: d.issuedOn,
  title: d.title,
  effectiveFrom: d.effectiveFrom,
  effectiveTo: d.effectiveTo,
  note: d.note,
  version: d.version,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  sortKey: d.sortKey,
};

export type LegalDocumentRow = Awaited<ReturnType<typeof findById>> & {};

/** The columns a write sets; `national` only on insert (the scope is fixed at creation). */
export interface LegalDocumentValues {
  number: string;
  numberKey: string;
  docType: string;
  issuer: string | null;
  issuedOn: string | null;
  title: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  note: string | null;
  searchText: string;
  sortKey: string;
  national?: boolean;
}

export async function findById(db: Handle, tenantId: string, id: string) {
  const [row] = await db.select(columns).from(d).where(and(eq(d.id, id), visibleTo(tenantId)));
  return row ?? null;
}

export async function list(db: Db, tenantId: string, q: LegalDocumentListQuery, cursor: NameCursor | null) {
  const s = textSearch({
    searchText: d.searchText, sortKey: d.sortKey, id: d.id, query: q.q, exactText: sql`(${d.number} || ' ' || ${d.title})`,
  });
  return db
    .select({ ...columns, searchRank: s.rank })
    .from(d)
    .where(and(
      q.scope === 'national' ? isNull(d.tenantId) : q.scope === 'province' ? eq(d.tenantId, tenantId) : visibleTo(tenantId),
      s.where,
      q.docType ? eq(d.docType, q.docType) : undefined,
      q.issuer ? eq(d.issuer, q.issuer) : undefined,
      q.year ? sql`extract(year FROM ${d.issuedOn}) = ${q.year}` : undefined,
      s.after(cursor),
    ))
    .orderBy(...s.orderBy)
    .limit(q.limit + 1);
}

/** The issuing bodies of the documents the province reads, for the list's filter. */
export async function issuers(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ issuer: d.issuer }).from(d)
    .where(and(visibleTo(tenantId), sql`${d.issuer} IS NOT NULL`)).orderBy(asc(d.issuer));
  return rows.map((x) => x.issuer!);
}

/** The documents with these number keys the province reads (its own and national ones). */
export async function findByKeys(db: Handle, tenantId: string, keys: string[]) {
  if (keys.length === 0) return [];
  return db.select({ ...columns, numberKey: d.numberKey, tenantId: d.tenantId }).from(d)
    .where(and(inArray(d.numberKey, keys), visibleTo(tenantId)));
}

/**
 * Insert, update and delete when the version matches, for a table whose national rows have no tenant: a row is
 * the caller's when it is national or the province's own (the policy then decides who may write which).
 */
export const writes: VersionedWrites<LegalDocumentValues> = {
  async insert(tx, tenantId, { national, ...values }) {
    const rows = await tx.insert(d).values({ ...values, tenantId: national ? null : tenantId }).returning({ id: d.id });
    return rows[0].id;
  },
  async update(tx, tenantId, id, version, { national: _scope, ...values }) {
    const rows = await tx.update(d).set({ ...values, version: version + 1, updatedAt: new Date() })
      .where(and(eq(d.id, id), visibleTo(tenantId), eq(d.version, version))).returning({ id: d.id });
    return rows.length === 1;
  },
  async remove(tx, tenantId, id, version) {
    const rows = await tx.delete(d).where(and(eq(d.id, id), visibleTo(tenantId), eq(d.version, version))).returning({ id: d.id });
    return rows.length === 1;
  },
  async lock(tx, tenantId, id) {
    const rows = await tx.select({ version: d.version }).from(d).where(and(eq(d.id, id), visibleTo(tenantId))).for('update');
    return rows.length === 1 ? { version: rows[0].version } : null;
  },
};

// ---- relations ----

const other = alias(legalDocuments, 'other');
const otherColumns = {
  id: other.id, national: sql<boolean>`(${other.tenantId} IS NULL)`, number: other.number, docType: other.docType,
  issuer: other.issuer, issuedOn: other.issuedOn, title: other.title,
};

/** A document's relations both ways, with the document at the other end (only those the province reads). */
export async function relationsOf(db: Handle, tenantId: string, id: string) {
  const outgoing = db.select({ id: r.id, kind: r.kind, createdAt: r.createdAt, direction: sql<'outgoing'>`'outgoing'`, other: otherColumns })
    .from(r).innerJoin(other, eq(other.id, r.toId)).where(and(eq(r.fromId, id), visibleTo(tenantId, other)));
  const incoming = db.select({ id: r.id, kind: r.kind, createdAt: r.createdAt, direction: sql<'incoming'>`'incoming'`, other: otherColumns })
    .from(r).innerJoin(other, eq(other.id, r.fromId)).where(and(eq(r.toId, id), visibleTo(tenantId, other)));
  // In sequence: `db` may be a transaction (one connection).
  const rows = [...await outgoing, ...await incoming];
  return rows.sort((a, b) => (a.other.issuedOn ?? '').localeCompare(b.other.issuedOn ?? '') || a.other.number.localeCompare(b.other.number));
}

export async function findRelation(db: Handle, id: string) {
  const [row] = await db.select().from(r).where(eq(r.id, id));
  return row ?? null;
}

export async function relationExists(db: Handle, o: { fromId: string; toId: string; kind: LegalRelationKind }) {
  const [row] = await db.select({ id: r.id }).from(r).where(and(eq(r.fromId, o.fromId), eq(r.toId, o.toId), eq(r.kind, o.kind)));
  return !!row;
}

export async function insertRelation(db: Handle, o: { fromId: string; toId: string; kind: LegalRelationKind }) {
  const [row] = await db.insert(r).values(o).returning();
  return row;
}

export async function deleteRelation(db: Handle, id: string) {
  const rows = await db.delete(r).where(eq(r.id, id)).returning({ id: r.id });
  return rows.length === 1;
}

/** How many relations of a document have their other end in a province other than `tenantId`. */
export async function relationsElsewhere(db: Handle, tenantId: string, id: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`
    SELECT count(*)::int AS n FROM legal_document_relations rel
    JOIN legal_documents o ON o.id = CASE WHEN rel.from_id = ${id} THEN rel.to_id ELSE rel.from_id END
    WHERE (rel.from_id = ${id} OR rel.to_id = ${id}) AND o.tenant_id IS NOT NULL AND o.tenant_id <> ${tenantId}`);
  return row.n;
}

// ---- the policy chain ----

export interface ChainRow {
  key: string;
  parentKey: string | null;
  depth: number;
  kind: string;
  id: string;
  national: boolean;
  number: string;
  docType: string;
  issuer: string | null;
  issuedOn: string | null;
  title: string;
  /** The path's next step exists but lies beyond the depth bound. */
  more: boolean;
}

/** The relation kinds a policy chain follows: a document carries out another by implementing it or resting on it. */
export const CHAIN_KINDS: LegalRelationKind[] = ['implements', 'based_on'];

/**
 * Walks the relations from `rootId`, down (documents that implement it or are based on it, and theirs…) or up (the
 * documents it implements or is based on, and theirs…), as a recursive CTE: bounded by `maxDepth` and `limit`
 * paths, and cycle-safe (a step never returns to a document already on its path). Only documents the province
 * reads are walked through. Each row is one path; `key` is the path of ids.
 */
export async function chain(db: Handle, o: { tenantId: string; rootId: string; direction: 'down' | 'up'; maxDepth: number; limit: number }) {
  // Down: the next document is the relation's `from` (it implements the current one); up: its `to`.
  const [next, here] = o.direction === 'down' ? [sql.raw('rel.from_id'), sql.raw('rel.to_id')] : [sql.raw('rel.to_id'), sql.raw('rel.from_id')];
  const kinds = sql.join(CHAIN_KINDS.map((k) => sql`${k}`), sql`, `);
  const visible = sql`(n.tenant_id IS NULL OR n.tenant_id = ${o.tenantId})`;
  const rows = await rowsOf<ChainRow & { path: string }>(db, sql`
    WITH RECURSIVE walk (id, kind, depth, path) AS (
      SELECT ${next}, rel.kind, 1, ARRAY[${o.rootId}::uuid, ${next}]
      FROM legal_document_relations rel JOIN legal_documents n ON n.id = ${next}
      WHERE ${here} = ${o.rootId}::uuid AND rel.kind IN (${kinds}) AND ${visible}
      UNION ALL
      SELECT ${next}, rel.kind, w.depth + 1, w.path || ${next}
      FROM walk w JOIN legal_document_relations rel ON ${here} = w.id JOIN legal_documents n ON n.id = ${next}
      WHERE w.depth < ${o.maxDepth} AND rel.kind IN (${kinds}) AND ${visible} AND NOT (${next} = ANY (w.path))
    )
    SELECT array_to_string(w.path, '/') AS key,
           CASE WHEN w.depth = 1 THEN NULL ELSE array_to_string(w.path[1:w.depth], '/') END AS "parentKey",
           w.depth, w.kind, n.id, (n.tenant_id IS NULL) AS national, n.number, n.doc_type AS "docType", n.issuer,
           to_char(n.issued_on, 'YYYY-MM-DD') AS "issuedOn", n.title,
           (w.depth = ${o.maxDepth} AND EXISTS (
              SELECT 1 FROM legal_document_relations rel JOIN legal_documents n ON n.id = ${next}
              WHERE ${here} = w.id AND rel.kind IN (${kinds}) AND ${visible} AND NOT (${next} = ANY (w.path)))) AS more
    FROM walk w JOIN legal_documents n ON n.id = w.id
    ORDER BY w.depth, n.issued_on NULLS LAST, n.number, key
    LIMIT ${o.limit + 1}`);
  return rows;
}

// ---- reference data (the national documents' loader) ----

/** The national documents with these keys, key → id. */
export async function nationalIdsByKey(db: Handle, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.select({ id: d.id, key: d.numberKey }).from(d).where(and(isNull(d.tenantId), inArray(d.numberKey, keys)));
  return new Map(rows.map((x) => [x.key, x.id]));
}

/** Inserts a national document unless one with its key exists (loaders are idempotent; an admin's edits stay). */
export async function ensureNational(db: Handle, values: Omit<LegalDocumentValues, 'national'>) {
  await db.insert(d).values({ ...values, tenantId: null }).onConflictDoNothing({
    target: d.numberKey, where: sql`tenant_id IS NULL`,
  });
}

export async function ensureRelation(db: Handle, o: { fromId: string; toId: string; kind: LegalRelationKind }) {
  await db.insert(r).values(o).onConflictDoNothing({ target: [r.fromId, r.toId, r.kind] });
}

