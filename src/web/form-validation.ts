/**
 * Forms validate with the same zod schemas as the server (src/shared/schemas). This adapter runs
 * `schema.safeParse` and turns the issues into Ant Design field errors, worded like the server's: the shared
 * message table for issues that carry `params.i18n` (tax code…), zod's vi/en locale for the rest.
 * It also puts the server's own field problems (`details[].path` such as `body.taxCode`) on the right field.
 */
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import { z } from 'zod';
import { en as zodEn, vi as zodVi } from 'zod/locales';
import { fieldProblems, type ApiError } from './api.ts';
import { currentLang, hasServerText, i18n, serverText } from './i18n/index.ts';

const zodLocales = { vi: zodVi(), en: zodEn() };

type FieldPath = (string | number)[];
export interface FieldError {
  name: FieldPath;
  errors: string[];
}

/** The error map used for every client-side parse: "required" for empty values, zod's locale otherwise. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  const empty = issue.input === null || issue.input === undefined;
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && empty) return i18n.t('form.required');
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return i18n.t('form.required');
  const out = zodLocales[currentLang()].localeError(issue);
  return typeof out === 'string' ? out : out?.message;
};

/** The text of one issue: the shared message when the schema names an i18n key, else the mapped message. */
export function issueText(issue: z.core.$ZodIssue): string {
  const params = (issue as { params?: Record<string, unknown> }).params;
  if (typeof params?.i18n === 'string') return serverText(params.i18n, params);
  return issue.message;
}

function acceptsNull(schema: z.ZodType): boolean {
  return schema.safeParse(null).success;
}

/**
 * Form values as the API expects them: blank text becomes null, and a field left empty (undefined, as a
 * cleared Select gives) becomes null where the schema allows null, so an update clears it instead of ignoring it.
 */
export function normalise<S extends z.ZodObject>(schema: S, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    let v = out[key];
    if (typeof v === 'string' && v.trim() === '') v = null;
    if (v === undefined && acceptsNull(field)) v = null;
    if (v === null && !acceptsNull(field) && field.safeParse(undefined).success) v = undefined;
    out[key] = v;
  }
  return out;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; fields: FieldError[] };

/** Validates form values with a shared schema; on failure, the field errors to hand to `form.setFields`. */
export function validateWith<S extends z.ZodObject>(schema: S, values: Record<string, unknown>): Validated<z.output<S>> {
  const result = schema.safeParse(normalise(schema, values), { error: errorMap });
  if (result.success) return { ok: true, data: result.data };
  const byPath = new Map<string, FieldError>();
  for (const issue of result.error.issues) {
    const name = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(issueText(issue));
    byPath.set(key, entry);
  }
  return { ok: false, fields: [...byPath.values()] };
}

/**
 * Form.Item rules for one field of a shared schema: the field's own zod schema runs as the Ant Design validator,
 * so a wrong tax code is flagged as soon as the user leaves the field.
 */
export function zodRules<S extends z.ZodObject>(schema: S, field: keyof S['shape'] & string): Rule[] {
  const fieldSchema = (schema.shape as Record<string, z.ZodType>)[field];
  return [{
    validator: async (_rule, value: unknown) => {
      let v = typeof value === 'string' && value.trim() === '' ? null : value;
      if (v === undefined && acceptsNull(fieldSchema)) v = null;
      const r = fieldSchema.safeParse(v, { error: errorMap });
      if (!r.success) throw new Error(issueText(r.error.issues[0]));
    },
  }];
}

/** True when the schema refuses an empty value for the field (shows the required mark). */
export function isRequired<S extends z.ZodObject>(schema: S, field: keyof S['shape'] & string): boolean {
  const f = (schema.shape as Record<string, z.ZodType>)[field];
  return !f.safeParse(null).success && !f.safeParse(undefined).success;
}

/** `body.taxCode` → ['taxCode']; `body.members.0.name` → ['members', 0, 'name']. */
export function serverPathToField(path: string): FieldPath {
  const parts = path.split('.');
  if (['body', 'query', 'params', 'querystring'].includes(parts[0])) parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field problems on the form's fields. Returns true when at least one landed on a field
 * (the caller still shows the overall message in a notification).
 */
export function applyServerErrors(form: FormInstance, error: ApiError, fieldNames: readonly string[]): boolean {
  const fields: FieldError[] = [];
  for (const p of fieldProblems(error)) {
    const name = serverPathToField(p.path);
    if (name.length === 0 || !fieldNames.includes(String(name[0]))) continue;
    // A problem without its own text: the shared message of its code, a UI text for bare codes such as
    // `duplicate`, else the error's overall message.
    const local = `form.serverCodes.${p.code}`;
    const text = p.message
      ?? (hasServerText(p.code) ? serverText(p.code, p.params) : i18n.exists(local) ? i18n.t(local) : error.message);
    fields.push({ name, errors: [text] });
  }
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
