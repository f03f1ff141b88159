/**
 * Support programmes, their calls and the applications enterprises make to them (issue #13, migration 0060).
 * A call's application form is a JSON Schema stored on the call: checked here with ajv (the same function on the
 * server and in the browser), rendered by the web app with react-jsonschema-form. The field builder of the web
 * writes the schema from a list of fields (`fieldsToFormSchema`) and reads it back (`formSchemaToFields`).
 *
 * Conventions of a form schema beyond JSON Schema (declared to ajv as annotation keywords):
 *  - `title` is the Vietnamese label, `x-title-en` the English one (also on each `oneOf` choice);
 *  - `x-widget: "textarea"` marks a long text;
 *  - `x-order` on the root lists the fields in their order (jsonb does not keep the order of an object's keys).
 */
import { z } from 'zod';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Id, IsoDate, LocalizedText, optionalText, pageOf, PageQuery, requiredText, Timestamps, Version } from './common.ts';
import { StageEvent } from './workflow.ts';
import { ScoringSheetRule } from './councils.ts';

export const PROGRAMME_KINDS = ['productivity_quality', 'startup', 'replication', 'technology_innovation', 'ip_development', 'other'] as const;
export const ProgrammeKind = z.enum(PROGRAMME_KINDS);
export type ProgrammeKind = z.infer<typeof ProgrammeKind>;

export const CALL_STATUSES = ['draft', 'open', 'closed'] as const;
export const CallStatus = z.enum(CALL_STATUSES);
export type CallStatus = z.infer<typeof CallStatus>;

/** The support types of the agreed contract (rule data `support.types` of the support module carries their labels). */
export const SUPPORT_TYPE_KEYS = [
  'management_system', 'productivity_tool', 'base_standard', 'barcode_traceability', 'ip_registration',
  'incubation_service', 'replication_model', 'technology_innovation', 'other',
] as const;
export const SupportTypeKey = z.string().regex(/^[a-z][a-z0-9_]{0,49}$/);

export const APPLICATION_STAGES = ['draft', 'received', 'review', 'decision', 'supported', 'completed', 'not_supported', 'withdrawn'] as const;
export const ApplicationStage = z.enum(APPLICATION_STAGES);
export const APPLICATION_ACTIONS = ['submit', 'refuse', 'send_to_review', 'conclude_review', 'support', 'reject', 'complete', 'withdraw'] as const;
export const ApplicationAction = z.enum(APPLICATION_ACTIONS);
/** Actions taken through POST /api/programme-applications/:id/transitions (submit has its own route). */
export const TransitionAction = z.enum(['refuse', 'send_to_review', 'conclude_review', 'support', 'reject', 'complete', 'withdraw']);

/** Kinds of file an application takes (attachments subject `programme_application`). */
export const APPLICATION_DOCUMENT_KINDS = [
  'application_form', 'business_registration', 'financial_statement', 'consulting_quote', 'product_photo', 'addition', 'other',
] as const;
export const ApplicationDocumentKind = z.enum(APPLICATION_DOCUMENT_KINDS);

// ---- the form schema ----

export const FORM_KEYWORDS = ['x-title-en', 'x-widget', 'x-order'] as const;
export const MAX_FORM_SCHEMA_BYTES = 100_000;

/** An ajv instance for form schemas: all errors, strict (unknown keywords refused), formats (date, email…). */
export function formAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, keywords: [...FORM_KEYWORDS], validateFormats: true });
  addFormats(ajv);
  return ajv;
}

export interface FormSchemaProblem { path: string; message: string }

const cache = new Map<string, ValidateFunction>();
const jsonPointer = (p: string) => (p === '' ? '' : p.replace(/^\//, '').replace(/\//g, '.'));

/**
 * Compiles a call's form: it must be an object schema with properties, which ajv compiles (strict). Returns the
 * validator or the problems (where in the schema, and ajv's reason). Compiled validators are cached by the schema's
 * text (bounded), each in its own ajv instance so none accumulates schemas.
 */
export function compileFormSchema(schema: unknown): { validate: ValidateFunction; problems: [] } | { validate: null; problems: FormSchemaProblem[] } {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { validate: null, problems: [{ path: '', message: 'must be an object' }] };
  const textOf = JSON.stringify(schema);
  if (textOf.length > MAX_FORM_SCHEMA_BYTES) return { validate: null, problems: [{ path: '', message: `larger than ${MAX_FORM_SCHEMA_BYTES} characters` }] };
  const hit = cache.get(textOf);
  if (hit) return { validate: hit, problems: [] };
  const s = schema as Record<string, unknown>;
  const problems: FormSchemaProblem[] = [];
  if (s.type !== 'object') problems.push({ path: 'type', message: 'must be "object"' });
  if (typeof s.properties !== 'object' || s.properties === null || Array.isArray(s.properties) || Object.keys(s.properties).length === 0) {
    problems.push({ path: 'properties', message: 'must list at least one field' });
  }
  if (textOf.includes('"$ref"') || textOf.includes('"$dynamicRef"')) problems.push({ path: '$ref', message: 'references are not allowed in a call form' });
  if (problems.length) return { validate: null, problems };
  const ajv = formAjv();
  const meta = ajv.validateSchema(s);
  if (!meta) return { validate: null, problems: (ajv.errors ?? []).map((e) => ({ path: jsonPointer(e.instancePath), message: e.message ?? e.keyword })) };
  try {
    const validate = ajv.compile(s);
    if (cache.size >= 200) cache.delete(cache.keys().next().value!);
    cache.set(textOf, validate);
    return { validate, problems: [] };
  } catch (e) {
    return { validate: null, problems: [{ path: '', message: (e as Error).message }] };
  }
}

export interface AnswerProblem { path: string; field: string; keyword: string; message: string; params: Record<string, unknown> }

/** The answers' problems against the form, one per field (the field key is the top-level property). */
export function answerProblems(validate: ValidateFunction, answers: unknown): AnswerProblem[] {
  if (validate(answers)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => {
    const missing = e.keyword === 'required' ? String((e.params as { missingProperty: string }).missingProperty) : null;
    const pointer = jsonPointer(e.instancePath);
    const field = missing ?? (pointer.split('.')[0] || '');
    return {
      path: ['answers', pointer, missing].filter(Boolean).join('.'), field, keyword: e.keyword, message: e.message ?? e.keyword,
      params: e.params as Record<string, unknown>,
    };
  });
}

/** A field's title in a language, read from a form schema property. */
export function fieldTitle(schema: Record<string, unknown> | undefined, key: string, lang: 'vi' | 'en'): string {
  const p = (schema?.properties as Record<string, Record<string, unknown>> | undefined)?.[key];
  if (!p) return key;
  return String((lang === 'en' ? p['x-title-en'] : undefined) ?? p.title ?? key);
}

/** The schema with its titles in the UI language (for rendering): `x-title-en` replaces `title` in English. */
export function localizeFormSchema(schema: unknown, lang: 'vi' | 'en'): unknown {
  if (Array.isArray(schema)) return schema.map((x) => localizeFormSchema(x, lang));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'properties' && typeof v === 'object' && v !== null) {
      out[k] = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([name, p]) => [name, localizeFormSchema(p, lang)]));
    } else if (k === 'oneOf' || k === 'anyOf' || k === 'items') out[k] = localizeFormSchema(v, lang);
    else out[k] = v;
  }
  if (lang === 'en' && typeof out['x-title-en'] === 'string') out.title = out['x-title-en'];
  return out;
}

// ---- the field builder ----

export const FIELD_KINDS = ['text', 'long_text', 'number', 'date', 'yes_no', 'choice'] as const;
export const FieldKind = z.enum(FIELD_KINDS);
export type FieldKind = z.infer<typeof FieldKind>;

export const FormFieldKey = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,49}$/);
export const FormField = z.object({
  key: FormFieldKey,
  kind: FieldKind,
  title: LocalizedText,
  required: z.boolean().default(false),
  options: z.array(z.object({ value: requiredText(100), label: LocalizedText })).max(100).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type FormField = z.infer<typeof FormField>;

/** The JSON Schema of a list of builder fields. */
export function fieldsToFormSchema(fields: FormField[], title?: { vi: string; en: string }): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const f of fields) {
    const base: Record<string, unknown> = { title: f.title.vi, 'x-title-en': f.title.en };
    switch (f.kind) {
      case 'text': Object.assign(base, { type: 'string', maxLength: 500 }); break;
      case 'long_text': Object.assign(base, { type: 'string', maxLength: 10000, 'x-widget': 'textarea' }); break;
      case 'number': Object.assign(base, { type: 'number', ...(f.min !== undefined ? { minimum: f.min } : {}), ...(f.max !== undefined ? { maximum: f.max } : {}) }); break;
      case 'date': Object.assign(base, { type: 'string', format: 'date' }); break;
      case 'yes_no': Object.assign(base, { type: 'boolean' }); break;
      case 'choice': Object.assign(base, { type: 'string', oneOf: (f.options ?? []).map((o) => ({ const: o.value, title: o.label.vi, 'x-title-en': o.label.en })) }); break;
    }
    // A required text must not be empty either.
    if (f.required && (f.kind === 'text' || f.kind === 'long_text')) base.minLength = 1;
    properties[f.key] = base;
  }
  return {
    type: 'object', ...(title ? { title: title.vi, 'x-title-en': title.en } : {}), properties,
    required: fields.filter((f) => f.required).map((f) => f.key), 'x-order': fields.map((f) => f.key),
  };
}

/** The form's field keys in their order: `x-order` first (those that are fields), then any others. */
export function fieldOrder(schema: unknown): string[] {
  const s = (schema ?? {}) as { properties?: Record<string, unknown>; 'x-order'?: unknown };
  const keys = Object.keys(s.properties ?? {});
  const order = Array.isArray(s['x-order']) ? (s['x-order'] as unknown[]).filter((k): k is string => typeof k === 'string' && keys.includes(k)) : [];
  return [...new Set([...order, ...keys])];
}

/** The words of an ajv problem by its keyword, for the server's 400 and the browser's form alike. */
export const ANSWER_PROBLEM_TEXT: Record<string, { vi: string; en: string }> = {
  required: { vi: 'cần điền', en: 'is required' },
  type: { vi: 'sai kiểu dữ liệu', en: 'has the wrong type' },
  minLength: { vi: 'cần điền', en: 'must not be empty' },
  maxLength: { vi: 'quá dài', en: 'is too long' },
  minimum: { vi: 'nhỏ hơn giá trị tối thiểu', en: 'is below the minimum' },
  maximum: { vi: 'lớn hơn giá trị tối đa', en: 'is above the maximum' },
  format: { vi: 'sai định dạng', en: 'has the wrong format' },
  oneOf: { vi: 'không phải một lựa chọn của danh sách', en: 'is not one of the choices' },
  const: { vi: 'không phải một lựa chọn của danh sách', en: 'is not one of the choices' },
  enum: { vi: 'không phải một lựa chọn của danh sách', en: 'is not one of the choices' },
  additionalProperties: { vi: 'không có trong biểu mẫu', en: 'is not a field of the form' },
};

/** The builder fields of a form schema, or null when the schema holds more than the builder writes (advanced JSON). */
export function formSchemaToFields(schema: unknown): FormField[] | null {
  if (typeof schema !== 'object' || schema === null) return null;
  const s = schema as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  if (!s.properties) return null;
  const required = new Set(s.required ?? []);
  const fields: FormField[] = [];
  for (const key of fieldOrder(schema)) {
    const p = s.properties[key];
    const title = { vi: String(p.title ?? key), en: String(p['x-title-en'] ?? p.title ?? key) };
    let kind: FieldKind;
    if (p.type === 'boolean') kind = 'yes_no';
    else if (p.type === 'number' || p.type === 'integer') kind = 'number';
    else if (p.type === 'string' && p.format === 'date') kind = 'date';
    else if (p.type === 'string' && Array.isArray(p.oneOf)) kind = 'choice';
    else if (p.type === 'string') kind = p['x-widget'] === 'textarea' ? 'long_text' : 'text';
    else return null;
    const parsed = FormField.safeParse({
      key, kind, title, required: required.has(key),
      ...(kind === 'choice' ? { options: (p.oneOf as Record<string, unknown>[]).map((o) => ({ value: String(o.const), label: { vi: String(o.title ?? o.const), en: String(o['x-title-en'] ?? o.title ?? o.const) } })) } : {}),
      ...(typeof p.minimum === 'number' ? { min: p.minimum } : {}),
      ...(typeof p.maximum === 'number' ? { max: p.maximum } : {}),
    });
    if (!parsed.success) return null;
    fields.push(parsed.data);
  }
  return fields;
}

// ---- programmes ----

export const ProgrammeCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/);
export const ProgrammeInput = z.object({
  code: ProgrammeCode,
  kind: ProgrammeKind,
  name: requiredText(500),
  nameEn: optionalText(500),
  legalDocumentId: Id.nullable().optional(),
  description: optionalText(4000),
  active: z.boolean().default(true),
});
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;
export const ProgrammeUpdate = ProgrammeInput.extend({ version: Version });
export type ProgrammeUpdate = z.infer<typeof ProgrammeUpdate>;

export const Programme = z.object({
  id: Id, code: z.string(), kind: ProgrammeKind, name: z.string(), nameEn: z.string().nullable(),
  legalDocumentId: Id.nullable(), legalDocumentNumber: z.string().nullable(), legalDocumentTitle: z.string().nullable(),
  description: z.string().nullable(), active: z.boolean(), callCount: z.number().int(), version: z.number().int(), ...Timestamps,
});
export type Programme = z.infer<typeof Programme>;
export const ProgrammeListQuery = PageQuery.extend({ kind: ProgrammeKind.optional(), active: z.enum(['true', 'false']).optional() });
export const ProgrammePage = pageOf(Programme);

// ---- calls ----

export const CallCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9./_-]{0,39}$/);
const Money = z.number().int().min(0).max(999_999_999_999_999);
export const FormSchemaValue = z.record(z.string(), z.unknown());

const callFields = {
  programmeId: Id,
  code: CallCode,
  title: requiredText(500),
  year: z.number().int().min(2000).max(2100),
  opensOn: IsoDate,
  closesOn: IsoDate,
  budget: Money.nullable().optional(),
  eligibility: optionalText(4000),
  supportTypes: z.array(SupportTypeKey).max(20).default([]),
  formSchema: FormSchemaValue,
  scoringSheet: ScoringSheetRule.nullable().optional(),
  selectTop: z.number().int().min(1).max(10000).nullable().optional(),
  requiredDocuments: z.array(ApplicationDocumentKind).max(APPLICATION_DOCUMENT_KINDS.length).default([]),
};
const datesInOrder = (v: { opensOn: string; closesOn: string }) => v.closesOn >= v.opensOn;
const datesIssue = { message: 'programme.call_dates', path: ['closesOn'], params: { i18n: 'programme.call_dates' } };
export const CallInput = z.object(callFields).refine(datesInOrder, datesIssue);
export type CallInput = z.infer<typeof CallInput>;
export const CallUpdate = z.object({ ...callFields, version: Version }).refine(datesInOrder, datesIssue);
export type CallUpdate = z.infer<typeof CallUpdate>;
export const CallStatusInput = z.object({ status: CallStatus, version: Version });

export const Call = z.object({
  id: Id, programmeId: Id, programmeCode: z.string(), programmeName: z.string(), programmeNameEn: z.string().nullable(), programmeKind: ProgrammeKind,
  code: z.string(), title: z.string(), year: z.number().int(), opensOn: z.string(), closesOn: z.string(),
  budget: z.number().nullable(), eligibility: z.string().nullable(), supportTypes: z.array(z.string()),
  formSchema: FormSchemaValue, scoringSheet: ScoringSheetRule.nullable(), selectTop: z.number().int().nullable(),
  requiredDocuments: z.array(z.string()), status: CallStatus,
  /** Open for applications today: status open and today within its dates (Vietnam time). */
  acceptingApplications: z.boolean(),
  applicationCount: z.number().int(), version: z.number().int(), ...Timestamps,
});
export type Call = z.infer<typeof Call>;
export const CallListQuery = PageQuery.extend({
  programmeId: Id.optional(), status: CallStatus.optional(), year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const CallPage = pageOf(Call);

/** Submission to decision, per call: working days with the clock's stops left out. */
export const CallTiming = z.object({
  callId: Id,
  decided: z.number().int(),
  pending: z.number().int(),
  medianWorkingDays: z.number().nullable(),
  maxWorkingDays: z.number().nullable(),
  medianDays: z.number().nullable(),
  maxDays: z.number().nullable(),
  byStage: z.array(z.object({ stage: z.string(), name: LocalizedText.nullable(), count: z.number().int(), medianWorkingDays: z.number(), maxWorkingDays: z.number() })),
});
export type CallTiming = z.infer<typeof CallTiming>;

// ---- applications ----

export const Answers = z.record(z.string().max(60), z.unknown());
export const ApplicationInput = z.object({
  callId: Id,
  title: requiredText(500),
  answers: Answers.default({}),
  requestedAmount: Money.nullable().optional(),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;
export const ApplicationUpdate = ApplicationInput.omit({ callId: true }).extend({ version: Version });
export type ApplicationUpdate = z.infer<typeof ApplicationUpdate>;
export const VersionBody = z.object({ version: Version });
export const TransitionInput = z.object({ action: TransitionAction, version: Version, note: optionalText(4000), reason: optionalText(4000) });
export type TransitionInput = z.infer<typeof TransitionInput>;
export const AdditionRequestInput = z.object({ note: requiredText(4000), version: Version });
export const AdditionAnswerInput = z.object({ note: requiredText(4000) });

export const AdditionRequest = z.object({
  id: Id, stage: z.string(), note: z.string(), requestedBy: z.string().nullable(), requestedAt: z.string(),
  answerNote: z.string().nullable(), answeredBy: z.string().nullable(), answeredAt: z.string().nullable(),
  files: z.array(z.object({ id: Id, fileName: z.string(), kind: z.string(), uploadedAt: z.string() })),
});
export type AdditionRequest = z.infer<typeof AdditionRequest>;

export const ApplicationSummary = z.object({
  id: Id, callId: Id, callCode: z.string(), callTitle: z.string(), programmeId: Id, programmeName: z.string(),
  organizationId: Id, organizationName: z.string(), organizationTaxCode: z.string().nullable(),
  code: z.string().nullable(), title: z.string(), requestedAmount: z.number().nullable(),
  stage: ApplicationStage, stageName: LocalizedText, submittedAt: z.string().nullable(), decidedAt: z.string().nullable(),
  /** An open request for additions (the clock is stopped). */
  awaitingAdditions: z.boolean(),
  version: z.number().int(), ...Timestamps,
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationActionOffer = z.object({
  action: z.string(), name: LocalizedText, to: z.string(), toName: LocalizedText, needsReason: z.boolean(),
});

export const ApplicationDetail = ApplicationSummary.extend({
  answers: Answers,
  history: z.array(StageEvent),
  requests: z.array(AdditionRequest),
  /** What the caller may do now. */
  actions: z.array(ApplicationActionOffer),
  may: z.object({ edit: z.boolean(), submit: z.boolean(), requestAdditions: z.boolean(), answerAdditions: z.boolean() }),
  /** While a draft: what still blocks the submission (form fields and files), as the submit route would say. */
  missing: z.array(z.object({ path: z.string(), code: z.string(), message: LocalizedText })),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

export const ApplicationListQuery = PageQuery.extend({
  callId: Id.optional(), stage: ApplicationStage.optional(), organizationId: Id.optional(),
});
export const ApplicationPage = pageOf(ApplicationSummary);
