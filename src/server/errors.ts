/** The one error type. `code` is a dotted i18n key from src/shared/i18n/messages.ts. */
import { fieldNames, LANGS, type MessageKey } from '../shared/i18n/messages.ts';

export interface AppErrorOptions {
  status: number;
  /** Machine-readable details returned to the client (field problems, ids, current version…). */
  details?: unknown;
  /** Values for the message placeholders. */
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly status: number;
  readonly details?: unknown;
  readonly params: Record<string, unknown>;
  constructor(readonly code: MessageKey, options: AppErrorOptions) {
    super(code);
    this.status = options.status;
    this.details = options.details;
    this.params = options.params ?? {};
  }
}

export const notFound = (entity: string, id?: string) =>
  new AppError('common.not_found', { status: 404, params: { entity }, details: { entity, id } });

export const forbidden = () => new AppError('auth.forbidden', { status: 403 });

export const unauthenticated = () => new AppError('auth.unauthenticated', { status: 401 });

export const versionConflict = (current: number, sent: number) =>
  new AppError('common.version_conflict', { status: 409, params: { current, sent }, details: { current, sent } });

/**
 * 400 naming the fields. A problem may name its message key (`i18n`) and values (`params`): the error handler words
 * it in the caller's language (`localizeDetails`).
 */
export const validationError = (fields: { path: string; code: string; message?: string; i18n?: string; params?: Record<string, unknown> }[]) =>
  new AppError('common.validation_failed', { status: 400, details: fields });

/** 403 `auth.field_not_allowed`: the fields (request keys) the actor's role may not change, named in the message. */
export function fieldsNotAllowed(fields: string[]) {
  const names = Object.fromEntries(LANGS.map((lang) => [lang, fields.map((f) => fieldNames[lang][f] ?? f).join(', ')]));
  return new AppError('auth.field_not_allowed', {
    status: 403, params: { fields: names },
    details: fields.map((field) => ({ path: `body.${field}`, code: 'field_not_allowed', i18n: 'field.not_allowed', params: { field } })),
  });
}
