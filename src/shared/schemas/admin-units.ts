import { z } from 'zod';
import { Id, IsoDate, PageQuery, pageOf } from './common.ts';

/** Levels of administrative units. The district level (cấp huyện) ended on 01/07/2025. */
export const ADMIN_UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export const AdminUnitLevel = z.enum(ADMIN_UNIT_LEVELS);
export type AdminUnitLevel = z.infer<typeof AdminUnitLevel>;

/** The `kind` of a unit, with its Vietnamese and English names for display. */
export const ADMIN_UNIT_KINDS = {
  province: { vi: 'Tỉnh', en: 'Province' },
  municipality: { vi: 'Thành phố trực thuộc trung ương', en: 'Centrally-run city' },
  rural_district: { vi: 'Huyện', en: 'Rural district' },
  urban_district: { vi: 'Quận', en: 'Urban district' },
  town: { vi: 'Thị xã', en: 'Town' },
  city: { vi: 'Thành phố thuộc tỉnh', en: 'City' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  township: { vi: 'Thị trấn', en: 'Township' },
  special_zone: { vi: 'Đặc khu', en: 'Special zone' },
} as const;
export type AdminUnitKind = keyof typeof ADMIN_UNIT_KINDS;
export const AdminUnitKind = z.enum(Object.keys(ADMIN_UNIT_KINDS) as [AdminUnitKind, ...AdminUnitKind[]]);

/** Validity: `validFrom` null = in force since before our records begin; `validTo` null = still in force. */
const Validity = {
  validFrom: IsoDate.nullable().describe('First day in force; null = since before our records begin'),
  validTo: IsoDate.nullable().describe('Last day in force; null = still in force'),
};

export const AdminUnit = z.object({
  id: Id,
  level: AdminUnitLevel,
  code: z.string().nullable().describe('GSO code; null for pre-2025 districts (the source data has none)'),
  name: z.string(),
  kind: AdminUnitKind.nullable(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  ...Validity,
});
export type AdminUnit = z.infer<typeof AdminUnit>;

/** A unit this one came from (predecessor) or became (successor) on `effectiveOn`. */
export const AdminUnitLink = z.object({
  id: Id,
  level: AdminUnitLevel,
  code: z.string().nullable(),
  name: z.string(),
  parentName: z.string().nullable(),
  ...Validity,
  effectiveOn: IsoDate,
  legalBasis: z.string(),
});
export type AdminUnitLink = z.infer<typeof AdminUnitLink>;

export const AdminUnitDetail = AdminUnit.extend({
  parent: z.object({ id: Id, level: AdminUnitLevel, code: z.string().nullable(), name: z.string() }).nullable(),
  predecessors: z.array(AdminUnitLink),
  successors: z.array(AdminUnitLink),
});
export type AdminUnitDetail = z.infer<typeof AdminUnitDetail>;

export const AdminUnitListQuery = PageQuery.extend({
  level: AdminUnitLevel.optional(),
  code: z.string().trim().max(10).optional(),
  parentId: Id.optional(),
  asOf: IsoDate.optional().describe('Units in force on this day (yyyy-mm-dd); default today in Vietnam'),
});
export type AdminUnitListQuery = z.infer<typeof AdminUnitListQuery>;

export const AdminUnitPage = pageOf(AdminUnit);
