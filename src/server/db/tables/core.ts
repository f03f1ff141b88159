/** Drizzle table definitions for 0001_core.sql. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text, boolean, integer, timestamp, date, jsonb, bigint, primaryKey } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const adminUnits = pgTable('admin_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  level: text('level').notNull().$type<'province' | 'district' | 'commune'>(),
  code: text('code'),
  name: text('name').notNull(),
  kind: text('kind'),
  parentId: uuid('parent_id'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
});

export const adminUnitSuccessions = pgTable('admin_unit_successions', {
  predecessorId: uuid('predecessor_id').notNull(),
  successorId: uuid('successor_id').notNull(),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  legalBasis: text('legal_basis').notNull(),
}, (t) => [primaryKey({ columns: [t.predecessorId, t.successorId] })]);

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  provinceUnitId: uuid('province_unit_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const scienceFields = pgTable('science_fields', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
});

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  taxCode: text('tax_code'),
  address: text('address'),
  adminUnitId: uuid('admin_unit_id'),
  scienceField: text('science_field'),
  isStEnterprise: boolean('is_st_enterprise').notNull().default(false),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  note: text('note'),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  fullName: text('full_name').notNull(),
  academicTitle: text('academic_title'),
  degree: text('degree'),
  position: text('position'),
  scienceField: text('science_field'),
  expertise: text('expertise'),
  organizationId: uuid('organization_id'),
  email: text('email'),
  phone: text('phone'),
  isExpert: boolean('is_expert').notNull().default(true),
  note: text('note'),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  organizationId: uuid('organization_id'),
  unitName: text('unit_name'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at'),
  expiresAt: ts('expires_at'),
  revokedAt: ts('revoked_at'),
});

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
