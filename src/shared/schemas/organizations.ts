import { z } from 'zod';
import { taxCodeProblem } from '../../lib/vi/tax-code.ts';
import { Id, Version, requiredText, optionalText, countedPageOf, PageQuery, Timestamps, TotalQuery } from './common.ts';

export const ORG_KINDS = [
  'enterprise', 'cooperative', 'research_institute', 'university', 'state_agency', 'startup', 'household_business',
] as const;
export const OrgKind = z.enum(ORG_KINDS);

/** Tax code: format and check digit (src/lib/vi/tax-code.ts); the issue code is the i18n key of the problem. */
export const TaxCode = z.string().trim().superRefine((value, ctx) => {
  const problem = taxCodeProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `tax_code.${problem}`, params: { i18n: `tax_code.${problem}` } });
});

export const OrganizationInput = z.object({
  kind: OrgKind,
  name: requiredText(300),
  shortName: optionalText(100),
  taxCode: TaxCode.nullable().optional(),
  address: optionalText(500),
  adminUnitId: Id.nullable().optional(),
  scienceField: optionalText(10),
  isStEnterprise: z.boolean().default(false),
  phone: optionalText(30),
  email: z.preprocess((v) => (v === '' ? null : v), z.email().max(200).nullable()).optional(),
  website: optionalText(300),
  note: optionalText(2000),
});
export type OrganizationInput = z.infer<typeof OrganizationInput>;

export const OrganizationUpdate = OrganizationInput.extend({ version: Version });
export type OrganizationUpdate = z.infer<typeof OrganizationUpdate>;

export const Organization = z.object({
  id: Id,
  kind: OrgKind,
  name: z.string(),
  shortName: z.string().nullable(),
  taxCode: z.string().nullable(),
  address: z.string().nullable(),
  adminUnitId: Id.nullable(),
  adminUnitName: z.string().nullable(),
  scienceField: z.string().nullable(),
  isStEnterprise: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  ...Timestamps,
});
export type Organization = z.infer<typeof Organization>;

export const OrganizationListQuery = PageQuery.extend({
  kind: OrgKind.optional(),
  isStEnterprise: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  adminUnitId: Id.optional(),
  scienceField: z.string().max(10).optional(),
  ...TotalQuery,
});
export type OrganizationListQuery = z.infer<typeof OrganizationListQuery>;

export const OrganizationPage = countedPageOf(Organization);

export const RegistryStats = z.object({
  organizations: z.number().int(),
  stEnterprises: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  people: z.number().int(),
  experts: z.number().int(),
});
export type RegistryStats = z.infer<typeof RegistryStats>;
