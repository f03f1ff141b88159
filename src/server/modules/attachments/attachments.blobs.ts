/**
 * Where the bytes of attachments live. The service reads and writes them only through a BlobStore, keyed by the
 * attachment's id, and records the store's name on the row (`attachments.storage`), so a deployment can move new
 * files to an object store while old ones stay readable where they are.
 *
 * The database store keeps them in `attachment_blobs` (bytea): one store means one backup (`khcn backup` carries
 * them) and one transaction (a file, its row and its audit entry commit together). An object store cannot join
 * the transaction: it would `put` before the commit (an aborted transaction leaves an object no row names, for a
 * sweep to delete) and `remove` after it.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { attachmentBlobs } from './attachments.tables.ts';

export interface BlobStore {
  /** Recorded on each attachment row it holds. */
  readonly name: string;
  put(tx: Tx, key: string, bytes: Buffer): Promise<void>;
  get(db: Db | Tx, key: string): Promise<Buffer | null>;
  /** The row's deletion may already have removed the bytes (the database store cascades). */
  remove(tx: Tx, key: string): Promise<void>;
}

/**
 * The bytes travel as base64 text, encoded and decoded by Node and by PostgreSQL natively: PGlite converts a
 * binary parameter or result byte by byte in JavaScript, which costs seconds for a few megabytes.
 */
export const dbBlobStore: BlobStore = {
  name: 'db',
  async put(tx, key, bytes) {
    await tx.insert(attachmentBlobs).values({ attachmentId: key, content: sql`decode(${bytes.toString('base64')}, 'base64')` });
  },
  async get(db, key) {
    const [row] = await db.select({ base64: sql<string>`encode(${attachmentBlobs.content}, 'base64')` }).from(attachmentBlobs)
      .where(eq(attachmentBlobs.attachmentId, key));
    return row ? Buffer.from(row.base64, 'base64') : null;
  },
  async remove(tx, key) {
    await tx.delete(attachmentBlobs).where(eq(attachmentBlobs.attachmentId, key));
  },
};

const stores = new Map<string, BlobStore>([[dbBlobStore.name, dbBlobStore]]);

/** The store new files go to. */
export const currentBlobStore = (): BlobStore => dbBlobStore;

/** The store that holds a row's bytes (by the name recorded on it). */
export function blobStoreNamed(name: string): BlobStore {
  const store = stores.get(name);
  if (!store) throw new Error(`attachments: no blob store "${name}" is configured in this process`);
  return store;
}
