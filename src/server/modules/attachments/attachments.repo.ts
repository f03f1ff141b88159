/** Every query of the attachments module's metadata (the bytes are behind the BlobStore, attachments.blobs.ts). */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { users } from '../users/users.tables.ts';
import { attachments } from './attachments.tables.ts';

type Q = Db | Tx;

const columns = {
  id: attachments.id, subjectType: attachments.subjectType, subjectId: attachments.subjectId, kind: attachments.kind,
  fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size, sha256: attachments.sha256,
  storage: attachments.storage, note: attachments.note, createdAt: attachments.createdAt, createdBy: users.displayName,
};
export type AttachmentRow = Awaited<ReturnType<typeof listOf>>[number];

const ofSubject = (tenantId: string, subjectType: string, subjectId: string) =>
  and(eq(attachments.tenantId, tenantId), eq(attachments.subjectType, subjectType), eq(attachments.subjectId, subjectId));

/** A subject's files, oldest first, with the name of who attached each. */
export async function listOf(db: Q, tenantId: string, subjectType: string, subjectId: string) {
  return db.select(columns).from(attachments).leftJoin(users, eq(users.id, attachments.createdBy))
    .where(ofSubject(tenantId, subjectType, subjectId)).orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function kindsOf(db: Q, tenantId: string, subjectType: string, subjectId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ kind: attachments.kind }).from(attachments).where(ofSubject(tenantId, subjectType, subjectId));
  return rows.map((r) => r.kind).sort();
}

export async function findOne(db: Q, tenantId: string, subjectType: string, subjectId: string, id: string) {
  const [row] = await db.select(columns).from(attachments).leftJoin(users, eq(users.id, attachments.createdBy))
    .where(and(ofSubject(tenantId, subjectType, subjectId), eq(attachments.id, id)));
  return row ?? null;
}

export async function insert(tx: Tx, v: Omit<typeof attachments.$inferInsert, 'id' | 'createdAt'>): Promise<string> {
  const [row] = await tx.insert(attachments).values(v).returning({ id: attachments.id });
  return row.id;
}

export async function remove(tx: Tx, tenantId: string, subjectType: string, subjectId: string, id: string): Promise<boolean> {
  const rows = await tx.delete(attachments).where(and(ofSubject(tenantId, subjectType, subjectId), eq(attachments.id, id)))
    .returning({ id: attachments.id });
  return rows.length === 1;
}

/** Rows copied by a migration whose declared type was never checked against the bytes. */
export async function unsniffed(db: Q) {
  return db.select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, storage: attachments.storage })
    .from(attachments).where(eq(attachments.sniffed, false)).orderBy(attachments.id);
}

export async function setSniffed(db: Q, id: string, contentType: string) {
  await db.update(attachments).set({ contentType, sniffed: true }).where(eq(attachments.id, id));
}
