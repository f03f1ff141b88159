/**
 * Legal documents (văn bản): the registry of national documents (shared by every province) and each province's own,
 * the relations between them, the policy chain from a resolution down to the plans that carry it out, and the
 * references a pasted text cites matched against the registry.
 */
import { z } from 'zod';
import { normalizeLegalNumber } from '../../lib/vi/legal-refs.ts';
import { Id, IsoDate, LocalizedText, PageQuery, Timestamps, Version, optionalText, pageOf, requiredText } from './common.ts';

export const LEGAL_DOC_TYPES = [
  'law', 'ordinance', 'resolution', 'conclusion', 'directive', 'decree', 'decision', 'circular', 'joint_circular',
  'programme', 'plan', 'scheme', 'regulation', 'guidance', 'notice', 'official_letter', 'report', 'standard',
  'technical_regulation', 'other',
] as const;
export const LegalDocType = z.enum(LEGAL_DOC_TYPES);
export type LegalDocType = z.infer<typeof LegalDocType>;

/** "from <kind> to": 98/KH-UBND implements 16-CTr/TU. The other side reads the inverse (implemented by…). */
export const LEGAL_RELATION_KINDS = ['implements', 'based_on', 'amends', 'replaces'] as const;
export const LegalRelationKind = z.enum(LEGAL_RELATION_KINDS);
export type LegalRelationKind = z.infer<typeof LegalRelationKind>;

/** National: one row every province reads (tenant NULL); province: the caller's province's own. */
export const LEGAL_SCOPES = ['national', 'province'] as const;
export const LegalScope = z.enum(LEGAL_SCOPES);
export type LegalScope = z.infer<typeof LegalScope>;

/** Number/symbol, written as extractLegalRefs writes numbers (`98 / KH - UBND` → `98/KH-UBND`); it has a digit. */
export const LegalNumber = requiredText(80).transform(normalizeLegalNumber).refine((n) => /\d/.test(n), {
  message: 'legal_document.bad_number', params: { i18n: 'legal_document.bad_number' },
});

const Fields = z.object({
  number: LegalNumber,
  docType: LegalDocType,
  /** The issuing body as the document names it: "UBND tỉnh Long An", "Bộ Khoa học và Công nghệ". */
  issuer: optionalText(300),
  issuedOn: IsoDate.nullable().optional(),
  title: requiredText(1000),
  effectiveFrom: IsoDate.nullable().optional(),
  /** The last day in force (replaced, expired); none while in force. */
  effectiveTo: IsoDate.nullable().optional(),
  note: optionalText(2000),
});

type Checked = { effectiveFrom?: string | null; effectiveTo?: string | null };
const checks = (d: Checked, ctx: z.RefinementCtx) => {
  if (d.effectiveFrom && d.effectiveTo && d.effectiveTo < d.effectiveFrom) {
    ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'legal_document.effective_to_before_from', params: { i18n: 'legal_document.effective_to_before_from' } });
  }
};

/** A new document: national (administrators only) or the caller's province's. The scope is not changed later. */
export const LegalDocumentInput = Fields.extend({ national: z.boolean().default(false) }).superRefine(checks);
export type LegalDocumentInput = z.infer<typeof LegalDocumentInput>;

export const LegalDocumentUpdate = Fields.extend({ version: Version }).superRefine(checks);
export type LegalDocumentUpdate = z.infer<typeof LegalDocumentUpdate>;

export const LegalDocument = z.object({
  id: Id,
  national: z.boolean(),
  number: z.string(),
  docType: LegalDocType,
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  title: z.string(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  ...Timestamps,
});
export type LegalDocument = z.infer<typeof LegalDocument>;

/** A document as another one shows it (a relation, a node of the chain, a matched reference). */
export const LegalDocumentSummary = LegalDocument.pick({
  id: true, national: true, number: true, docType: true, issuer: true, issuedOn: true, title: true,
});
export type LegalDocumentSummary = z.infer<typeof LegalDocumentSummary>;

/** A relation seen from one document: outgoing "this implements that", incoming "that implements this". */
export const LegalDocumentRelation = z.object({
  id: Id,
  kind: LegalRelationKind,
  direction: z.enum(['outgoing', 'incoming']),
  document: LegalDocumentSummary,
  createdAt: z.string(),
});
export type LegalDocumentRelation = z.infer<typeof LegalDocumentRelation>;

export const LegalDocumentDetail = LegalDocument.extend({ relations: z.array(LegalDocumentRelation) });
export type LegalDocumentDetail = z.infer<typeof LegalDocumentDetail>;

export const LegalDocumentListQuery = PageQuery.extend({
  docType: LegalDocType.optional(),
  /** Exactly this issuing body (GET /api/legal-documents/issuers lists them). */
  issuer: z.string().trim().max(300).optional(),
  /** Issued in this year. */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  scope: LegalScope.optional(),
});
export type LegalDocumentListQuery = z.infer<typeof LegalDocumentListQuery>;

export const LegalDocumentPage = pageOf(LegalDocument);

export const LegalDocumentIssuers = z.object({ items: z.array(z.string()) });

export const LegalRelationInput = z.object({ kind: LegalRelationKind, targetId: Id });
export type LegalRelationInput = z.infer<typeof LegalRelationInput>;

/** Something that serves a document in the chain (a plan item, a task…), from the module that registered it. */
export const ChainServant = z.object({
  /** The registering module's subject type (`plan_item`): the web links it like an inbox subject. */
  type: z.string(),
  label: LocalizedText,
  id: z.string(),
  title: z.string(),
});
export type ChainServant = z.infer<typeof ChainServant>;

/**
 * One step of the chain: `document` is related to the node `parentKey` (the root when null) by `kind` — going down,
 * `document <kind> parent` (it implements the parent); going up, `parent <kind> document`. A document reached by
 * two paths appears once per path; `key` is the path.
 */
export const PolicyChainNode = z.object({
  key: z.string(),
  parentKey: z.string().nullable(),
  depth: z.number().int(),
  kind: LegalRelationKind,
  document: LegalDocumentSummary,
  servedBy: z.array(ChainServant),
});
export type PolicyChainNode = z.infer<typeof PolicyChainNode>;

export const PolicyChain = z.object({
  document: LegalDocumentSummary,
  servedBy: z.array(ChainServant),
  /** What carries it out: documents that implement it or are based on it, recursively. */
  down: z.array(PolicyChainNode),
  /** What it carries out: the documents it implements or is based on, recursively. */
  up: z.array(PolicyChainNode),
  maxDepth: z.number().int(),
  /** The walk stopped at `maxDepth` or at the node limit somewhere. */
  truncated: z.boolean(),
});
export type PolicyChain = z.infer<typeof PolicyChain>;

export const PolicyChainQuery = z.object({ depth: z.coerce.number().int().min(1).max(10).default(6) });

export const LegalRefExtractInput = z.object({
  text: z.string().max(100_000),
  /** The language of inferred types; by default guessed from the text. */
  language: z.enum(['vi', 'en']).optional(),
});
export type LegalRefExtractInput = z.infer<typeof LegalRefExtractInput>;

export const ExtractedLegalRef = z.object({
  /** As extractLegalRefs reports it: as written, spaces around - and / removed. */
  number: z.string(),
  /** The type word written (or inferred): "Quyết định", "Decision". */
  type: z.string(),
  docType: LegalDocType,
  /** The date the text states for it, ISO; null when it states none. */
  date: z.string().nullable(),
  /** Offsets into the text as sent (UTF-16, end exclusive). */
  start: z.number().int(),
  end: z.number().int(),
  /** The registry's document (the province's own first, else the national one); null: not in the registry. */
  document: LegalDocumentSummary.nullable(),
  /** What to create when it is missing: number, type, date, and the issuer and scope its symbol suggests. */
  proposal: z.object({
    number: z.string(),
    docType: LegalDocType,
    issuedOn: z.string().nullable(),
    issuer: z.string().nullable(),
    national: z.boolean(),
  }),
});
export type ExtractedLegalRef = z.infer<typeof ExtractedLegalRef>;

export const LegalRefExtract = z.object({ items: z.array(ExtractedLegalRef) });
export type LegalRefExtract = z.infer<typeof LegalRefExtract>;
