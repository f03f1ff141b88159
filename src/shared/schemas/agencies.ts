/**
 * A province's departments and agencies (cơ quan, đơn vị), with validity dates: the units users work in and that
 * plans assign items to. Communes are administrative units (admin-units.ts), not agencies.
 */
import { z } from 'zod';
import { Id, IsoDate, PageQuery, Timestamps, Version, optionalText, pageOf, requiredText } from './common.ts';

export const AGENCY_KINDS = ['people_committee', 'office', 'department', 'agency', 'dost_division', 'other'] as const;
export const AgencyKind = z.enum(AGENCY_KINDS);
export type AgencyKind = z.infer<typeof AgencyKind>;

const AgencyFields = z.object({
  kind: AgencyKind,
  name: requiredText(300),
  shortName: optionalText(100),
  /** The department a division belongs to. */
  parentId: Id.nullable().optional(),
  validFrom: IsoDate,
  /** The last day in force (merged, renamed or dissolved); none while in force. */
  validTo: IsoDate.nullable().optional(),
  note: optionalText(2000),
  /**
   * The province's DOST while in force: its name heads the province's documents of that period (a province that
   * absorbed another keeps the absorbed one's DOST until the day before the merger). At most one per day.
   */
  issuesDocuments: z.boolean().default(false),
  /** Abbreviation in the numbers of its documents: "SKHCN" in "12/BB-SKHCN". Required when it issues documents. */
  documentSymbol: optionalText(30),
  /** Place name of its documents' date line, the province: "Long An". Required when it issues documents. */
  placeName: optionalText(100),
});

/** Upper-case letters and digits, parts joined by "-": "SKHCN", "SKHCN-QLKH". */
export const DOCUMENT_SYMBOL = /^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$/u;

type Checked = { validFrom: string; validTo?: string | null; issuesDocuments?: boolean; documentSymbol?: string | null; placeName?: string | null };

const checks = (a: Checked, ctx: z.RefinementCtx) => {
  if (a.validTo && a.validTo < a.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'agency.valid_to_before_from', params: { i18n: 'agency.valid_to_before_from' } });
  }
  if (a.documentSymbol && !DOCUMENT_SYMBOL.test(a.documentSymbol)) {
    ctx.addIssue({ code: 'custom', path: ['documentSymbol'], message: 'agency.bad_document_symbol', params: { i18n: 'agency.bad_document_symbol' } });
  }
  if (a.issuesDocuments) {
    for (const field of ['documentSymbol', 'placeName'] as const) {
      if (!a[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'agency.issuer_field_required', params: { i18n: 'agency.issuer_field_required' } });
    }
  }
};

export const AgencyInput = AgencyFields.superRefine(checks);
export type AgencyInput = z.infer<typeof AgencyInput>;

export const AgencyUpdate = AgencyFields.extend({ version: Version }).superRefine(checks);
export type AgencyUpdate = z.infer<typeof AgencyUpdate>;

export const Agency = z.object({
  id: Id,
  kind: AgencyKind,
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  issuesDocuments: z.boolean(),
  documentSymbol: z.string().nullable(),
  placeName: z.string().nullable(),
  version: z.number().int(),
  ...Timestamps,
});
export type Agency = z.infer<typeof Agency>;

export const AgencyListQuery = PageQuery.extend({
  kind: AgencyKind.optional(),
  /** Only the agencies in force on this date (default: all). */
  asOf: IsoDate.optional(),
});
export type AgencyListQuery = z.infer<typeof AgencyListQuery>;

export const AgencyPage = pageOf(Agency);
