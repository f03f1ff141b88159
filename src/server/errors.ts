/** The one error type. `code` is a dotted i18n key from src/shared/i18n/messages.ts. */
import type { MessageKey } from '../shared/i18n/messages.ts';

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

export const validationError = (fields: { path: string; code: string; message?: string; params?: Record<string, unknown> }[]) =>
  new AppError('common.validation_failed', { status: 400, details: fields });
