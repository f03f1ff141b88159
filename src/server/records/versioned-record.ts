/**
 * One sequence for every versioned record: lock and find (tenant-scoped) → policy → version check → the caller's
 * checks → write → re-read → audit, all in one transaction. Constraint violations come back as errors naming the field
 * (db/errors.ts); a stale version is a 409 naming the current one; a write that touched no row is an error.
 * A spec may declare which request fields each actor may write (`fieldPolicy`): on update, a change to any other
 * field is refused with 403 `auth.field_not_allowed` naming the fields; sending a field back unchanged is fine.
 *
 *   const records = versionedRecords({ entity: 'organization', constraints, find: repo.findById, toDto, writes: repo.writes });
 *   await records.update(ctx, id, input.version, values(input), { authorize: (before) => can(ctx.actor, 'update', before) });
 */
import type { Actor, Tx } from '../context.ts';
import type { Db } from '../db/client.ts';
import { mapConstraintError, type ConstraintFields } from '../db/errors.ts';
import type { VersionedWrites } from '../db/versioned-table.ts';
import { fieldsNotAllowed, forbidden, notFound, versionConflict } from '../errors.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';

/** Who writes, and through which handle: a request's ctx, or the system (command line, demo seed) with any db. */
export interface Writer {
  db: Db | Tx;
  actor: Actor;
  requestId?: string;
}

export interface RecordSpec<Row extends { version: number }, Dto, Values> {
  /** Names the record in errors and in the audit log. */
  entity: string;
  constraints: Omit<ConstraintFields, 'entity'>;
  find(db: Db | Tx, tenantId: string, id: string): Promise<Row | null>;
  toDto(row: Row): Dto;
  writes: VersionedWrites<Values>;
  /** The request fields (`input` keys) the actor may write, from the module's policy; null: every field. */
  fieldPolicy?: (actor: Actor) => readonly string[] | null;
}

/** Stored and sent values compared as the API carries them: absent and null alike, objects by their JSON. */
function sameValue(stored: unknown, sent: unknown): boolean {
  const a = stored ?? null;
  const b = sent ?? null;
  if (a instanceof Date || b instanceof Date) return JSON.stringify(a) === JSON.stringify(b);
  return typeof a === 'object' && a !== null ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

interface WriteOptions<Row> {
  /** The policy, given the stored row (none for create): false → 403. */
  authorize?: (before: Row | null) => boolean;
  /** Checks inside the transaction before the write (references in this province, state rules…). */
  check?: (tx: Tx, before: Row | null) => Promise<void>;
  /** The request's values, for duplicate messages (`Mã số thuế "…" đã tồn tại`). */
  input?: Record<string, unknown>;
  /** Audit action; default create / update / delete. */
  action?: string;
}

export function versionedRecords<Row extends { version: number }, Dto, Values>(spec: RecordSpec<Row, Dto, Values>) {
  const constraints: ConstraintFields = { entity: spec.entity, ...spec.constraints };

  /** Throws 403 naming the fields of `input` the actor may not write that differ from the stored row. */
  function assertFieldPolicy(actor: Actor, before: Row, input: Record<string, unknown> | undefined) {
    const allowed = spec.fieldPolicy?.(actor);
    if (!allowed || !input) return;
    const stored = before as Record<string, unknown>;
    const refused = Object.keys(input).filter((k) => k !== 'version' && !allowed.includes(k) && !sameValue(stored[k], input[k]));
    if (refused.length > 0) throw fieldsNotAllowed(refused);
  }

  async function reread(tx: Tx, tenantId: string, id: string): Promise<Row> {
    const row = await spec.find(tx, tenantId, id);
    if (!row) throw notFound(spec.entity, id);
    return row;
  }

  /**
   * The stored row, locked for the transaction (SELECT … FOR UPDATE first): a concurrent writer of the same record
   * waits until this one commits, so the policy, the version check and the caller's checks judge the row the write
   * replaces, and the next writer then finds the new version (409), never a lost update.
   */
  async function stored(tx: Tx, w: Writer, id: string, version: number, o: WriteOptions<Row>): Promise<Row> {
    if (!(await spec.writes.lock(tx, w.actor.tenantId, id))) throw notFound(spec.entity, id);
    const before = await spec.find(tx, w.actor.tenantId, id);
    if (!before) throw notFound(spec.entity, id);
    if (o.authorize && !o.authorize(before)) throw forbidden();
    if (before.version !== version) throw versionConflict(before.version, version);
    await o.check?.(tx, before);
    return before;
  }

  return {
    /** Reads one record of the writer's province: 404 when absent, 403 when the policy refuses. */
    async get(w: Writer, id: string, authorize?: (row: Row) => boolean): Promise<Dto> {
      const row = await spec.find(w.db, w.actor.tenantId, id);
      if (!row) throw notFound(spec.entity, id);
      if (authorize && !authorize(row)) throw forbidden();
      return spec.toDto(row);
    },

    async create(w: Writer, values: Values, o: WriteOptions<Row> = {}): Promise<Dto> {
      if (o.authorize && !o.authorize(null)) throw forbidden();
      return w.db.transaction(async (tx) => {
        await o.check?.(tx, null);
        const id = await spec.writes.insert(tx, w.actor.tenantId, values)
          .catch((e: unknown) => mapConstraintError(e, constraints, o.input ?? (values as Record<string, unknown>)));
        const created = spec.toDto(await reread(tx, w.actor.tenantId, id));
        await recordAudit(tx, w, { action: o.action ?? 'create', entity: spec.entity, entityId: id, after: created });
        return created;
      });
    },

    /** `values` may depend on the stored row (e.g. fields a role may not change keep their stored value). */
    async update(w: Writer, id: string, version: number, values: Partial<Values> | ((before: Row) => Partial<Values>),
      o: WriteOptions<Row> = {}): Promise<Dto> {
      return w.db.transaction(async (tx) => {
        const before = await stored(tx, w, id, version, o);
        assertFieldPolicy(w.actor, before, o.input);
        const changes = typeof values === 'function' ? values(before) : values;
        const ok = await spec.writes.update(tx, w.actor.tenantId, id, version, changes)
          .catch((e: unknown) => mapConstraintError(e, constraints, o.input ?? (changes as Record<string, unknown>)));
        if (!ok) {
          const current = await spec.find(tx, w.actor.tenantId, id);
          if (!current) throw notFound(spec.entity, id);
          throw versionConflict(current.version, version);
        }
        const after = spec.toDto(await reread(tx, w.actor.tenantId, id));
        await recordAudit(tx, w, { action: o.action ?? 'update', entity: spec.entity, entityId: id, before: spec.toDto(before), after });
        return after;
      });
    },

    async remove(w: Writer, id: string, version: number, o: WriteOptions<Row> = {}): Promise<void> {
      await w.db.transaction(async (tx) => {
        const before = await stored(tx, w, id, version, o);
        const ok = await spec.writes.remove(tx, w.actor.tenantId, id, version).catch((e: unknown) => mapConstraintError(e, constraints));
        if (!ok) throw versionConflict(before.version, version);
        await recordAudit(tx, w, { action: o.action ?? 'delete', entity: spec.entity, entityId: id, before: spec.toDto(before) });
      });
    },
  };
}
