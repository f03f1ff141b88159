import { z } from 'zod';
import { Id, Version, requiredText, optionalText, countedPageOf, PageQuery, Timestamps, TotalQuery } from './common.ts';

/** Academic titles (chức danh) and degrees (học vị) as used in Vietnamese S&T records. */
export const ACADEMIC_TITLES = ['GS', 'PGS'] as const;
export const DEGREES = ['TSKH', 'TS', 'ThS', 'KS', 'CN', 'BS', 'DS', 'KTS', 'other'] as const;

export const PersonInput = z.object({
  fullName: requiredText(200),
  academicTitle: z.enum(ACADEMIC_TITLES).nullable().optional(),
  degree: z.enum(DEGREES).nullable().optional(),
  position: optionalText(200),
  scienceField: optionalText(10),
  expertise: optionalText(1000),
  organizationId: Id.nullable().optional(),
  email: z.preprocess((v) => (v === '' ? null : v), z.email().max(200).nullable()).optional(),
  phone: optionalText(30),
  isExpert: z.boolean().default(true),
  note: optionalText(2000),
});
export type PersonInput = z.infer<typeof PersonInput>;

export const PersonUpdate = PersonInput.extend({ version: Version });
export type PersonUpdate = z.infer<typeof PersonUpdate>;

export const Person = z.object({
  id: Id,
  fullName: z.string(),
  academicTitle: z.enum(ACADEMIC_TITLES).nullable(),
  degree: z.enum(DEGREES).nullable(),
  position: z.string().nullable(),
  scienceField: z.string().nullable(),
  expertise: z.string().nullable(),
  organizationId: Id.nullable(),
  organizationName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isExpert: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
  ...Timestamps,
});
export type Person = z.infer<typeof Person>;

export const PersonListQuery = PageQuery.extend({
  organizationId: Id.optional(),
  /** A field code; a broader field also finds people of its sub-fields (`1` finds `101`, `102`…). */
  scienceField: z.string().trim().regex(/^\d{1,7}$/).optional(),
  degree: z.enum(DEGREES).optional(),
  isExpert: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...TotalQuery,
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

export const PersonPage = countedPageOf(Person);
