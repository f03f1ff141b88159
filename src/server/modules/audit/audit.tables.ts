/** Drizzle tables of the audit module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text, jsonb, bigint } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';

export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  tenantId: uuid('tenant_id'),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  at: ts('at').notNull().defaultNow(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id'),
});
