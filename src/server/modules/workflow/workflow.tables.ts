/** Drizzle table for 0011_workflow.sql (the SQL migration is the source of truth). */
import { pgTable, uuid, text, bigint } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../db/columns.ts';

export const stageEvents = pgTable('stage_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  tenantId: uuid('tenant_id').notNull(),
  workflow: text('workflow').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  fromStage: text('from_stage'),
  toStage: text('to_stage').notNull(),
  action: text('action'),
  actorId: uuid('actor_id'),
  at: timestamptz('at').notNull().defaultNow(),
  note: text('note'),
  ruleVersionId: uuid('rule_version_id').notNull(),
});

/** 0042: stops and restarts of the clock of a stay in a stage (its stage_events row). */
export const stageClockEvents = pgTable('stage_clock_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  tenantId: uuid('tenant_id').notNull(),
  stageEventId: bigint('stage_event_id', { mode: 'number' }).notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  kind: text('kind').notNull().$type<'stopped' | 'resumed'>(),
  at: timestamptz('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  note: text('note'),
});
