/** Turns PostgreSQL constraint violations (same codes on PGlite) into AppErrors that name the field. */
import { AppError } from '../errors.ts';
import { entityNames } from '../../shared/i18n/messages.ts';

interface PgLikeError { code?: string; constraint?: string; detail?: string; table?: string }

export function pgError(err: unknown): PgLikeError | null {
  let e: unknown = err;
  for (let i = 0; i < 3 && e; i++) {
    const c = e as PgLikeError & { cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return c;
    e = c.cause;
  }
  return null;
}

export interface ConstraintFields {
  /** The entity being written (names it in messages: `organization`, `person`…). */
  entity: string;
  /** foreign-key constraint name → request field it comes from (an unknown id: 400). */
  foreignKeys?: Record<string, string>;
  /** unique constraint or index name → request field (a duplicate: 409). */
  unique?: Record<string, string>;
}

/** The entity a reference field names, for messages: `adminUnitId` → `admin_unit`, `scienceField` → `science_field`. */
function referencedEntity(field: string) {
  const entity = field.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return entity in entityNames.en ? entity : 'record';
}

/**
 * Maps a violation to the AppError the client should see:
 *  - a foreign key of this record's own fields (listed in `foreignKeys`): 400 naming the field;
 *  - any other foreign key: a delete blocked by rows that refer to this one → 409 `common.in_use`, naming the
 *    referring table (translated through the entity names in i18n), whatever module owns it;
 *  - a listed unique constraint: 409 `common.duplicate` naming the field.
 */
export function mapConstraintError(err: unknown, fields: ConstraintFields, values: Record<string, unknown> = {}): never {
  const pe = pgError(err);
  const constraint = pe?.constraint ?? '';
  if (pe?.code === '23503' && !fields.foreignKeys?.[constraint]) {
    throw new AppError('common.in_use', {
      status: 409, params: { entity: fields.entity, usedBy: pe.table ?? constraint }, details: { constraint, usedBy: pe.table },
    });
  }
  if (pe?.code === '23503' && fields.foreignKeys?.[constraint]) {
    const path = fields.foreignKeys[constraint];
    // Worded by the error handler in the caller's language (`field.unknown_reference`): the entity the field names.
    throw new AppError('common.validation_failed', {
      status: 400, details: [{ path: `body.${path}`, code: 'unknown_reference', entity: referencedEntity(path) }],
    });
  }
  if (pe?.code === '23505' && fields.unique?.[constraint]) {
    const field = fields.unique[constraint];
    throw new AppError('common.duplicate', { status: 409, params: { field, value: values[field] }, details: [{ path: `body.${field}`, code: 'duplicate' }] });
  }
  throw err;
}
