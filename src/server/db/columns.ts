/** Column helpers shared by every module's Drizzle tables. */
import { customType, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** `timestamptz`, read as a JS Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** `bytea`, read as a Buffer on both engines (PGlite hands back a Uint8Array). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});

/** The key of a province's record: its id and its tenant. */
export const recordKey = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
});

/** A versioned record's optimistic-lock version and timestamps (db/versioned-table.ts writes them). */
export const versionColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});
