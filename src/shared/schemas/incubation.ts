/**
 * Startup incubation (ươm tạo khởi nghiệp đổi mới sáng tạo): the projects a yearly call of a `startup` programme
 * selects (applications supported or completed), the incubation services logged per startup — the kinds are rule
 * data `incubation.service_kinds` with vi/en labels — and what the incubation achieved.
 */
import { z } from 'zod';
import { Id, IsoDate, LocalizedText, Version, optionalText, requiredText } from './common.ts';

/** The kinds of incubation service in force (rule data `incubation.service_kinds`). */
export const IncubationServiceKinds = z.object({
  kinds: z.array(z.object({ key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), label: LocalizedText })).min(1).max(50)
    .refine((ks) => new Set(ks.map((k) => k.key)).size === ks.length, { message: 'incubation.duplicate_kind' }),
});
export type IncubationServiceKinds = z.infer<typeof IncubationServiceKinds>;

export const IncubationKindList = z.object({
  items: z.array(z.object({ key: z.string(), label: LocalizedText })),
  legalBasis: z.string(),
});

/** Đồng, whole. */
const Money = z.number().int().min(0).max(1e15);

const ServiceFields = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  providedOn: IsoDate,
  provider: requiredText(300),
  hours: z.number().positive().max(100_000).multipleOf(0.1).nullable().optional(),
  amount: Money.nullable().optional(),
  note: optionalText(2000),
});
const measure = (v: { hours?: number | null; amount?: number | null }, ctx: z.RefinementCtx) => {
  if ((v.hours ?? null) === null && (v.amount ?? null) === null) {
    ctx.addIssue({ code: 'custom', path: ['hours'], message: 'incubation.measure_required', params: { i18n: 'incubation.measure_required' } });
  }
};
export const IncubationServiceInput = ServiceFields.superRefine(measure);
export type IncubationServiceInput = z.infer<typeof IncubationServiceInput>;
export const IncubationServiceUpdate = ServiceFields.extend({ version: Version }).superRefine(measure);
export type IncubationServiceUpdate = z.infer<typeof IncubationServiceUpdate>;

export const IncubationService = z.object({
  id: Id, applicationId: Id, kind: z.string(), kindLabel: LocalizedText, providedOn: z.string(), provider: z.string(),
  hours: z.number().nullable(), amount: z.number().nullable(), note: z.string().nullable(),
  version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
});
export type IncubationService = z.infer<typeof IncubationService>;

export const IncubationOutcomeInput = z.object({
  products: optionalText(2000),
  revenue: Money.nullable().optional(),
  jobs: z.number().int().min(0).max(1_000_000).nullable().optional(),
  ipFiled: optionalText(2000),
  fundingRaised: Money.nullable().optional(),
  note: optionalText(2000),
  /** The version read; absent when the startup has no outcome recorded yet. */
  version: Version.optional(),
});
export type IncubationOutcomeInput = z.infer<typeof IncubationOutcomeInput>;

export const IncubationOutcome = z.object({
  id: Id, applicationId: Id, products: z.string().nullable(), revenue: z.number().nullable(), jobs: z.number().int().nullable(),
  ipFiled: z.string().nullable(), fundingRaised: z.number().nullable(), note: z.string().nullable(),
  version: z.number().int(), updatedAt: z.string(),
});
export type IncubationOutcome = z.infer<typeof IncubationOutcome>;

/** A startup: the application, whether it is selected, its services with totals, and its outcome. */
export const StartupDetail = z.object({
  applicationId: Id, code: z.string().nullable(), title: z.string(), organizationName: z.string(), stage: z.string(),
  callId: Id, callCode: z.string(), callTitle: z.string(), callYear: z.number().int(),
  selected: z.boolean(),
  services: z.array(IncubationService),
  totals: z.object({
    hours: z.number(), amount: z.number(),
    byKind: z.array(z.object({ kind: z.string(), label: LocalizedText, count: z.number().int(), hours: z.number(), amount: z.number() })),
  }),
  outcome: IncubationOutcome.nullable(),
});
export type StartupDetail = z.infer<typeof StartupDetail>;

export const StartupSummary = z.object({
  applicationId: Id, code: z.string().nullable(), title: z.string(), organizationName: z.string(), stage: z.string(),
  selected: z.boolean(), services: z.number().int(), hours: z.number(), amount: z.number(),
});
export type StartupSummary = z.infer<typeof StartupSummary>;

export const IncubationCall = z.object({
  id: Id, code: z.string(), title: z.string(), year: z.number().int(), programmeName: z.string(),
  selectTop: z.number().int().nullable(), applications: z.number().int(), selected: z.number().int(),
});
export const IncubationCallList = z.object({ items: z.array(IncubationCall) });
export const StartupList = z.object({ call: IncubationCall, items: z.array(StartupSummary) });
export type StartupList = z.infer<typeof StartupList>;

export const IncubationKindQuery = z.object({ on: IsoDate.optional() });
export const ServiceDeleteQuery = z.object({ version: z.coerce.number().pipe(Version) });
