/**
 * Rules are data: configuration values with an effective period and a legal citation, national by default and
 * overridable per province. Modules register the shape of their values (registerRuleKey) and read the one in force
 * on a date (resolveRule); administrators enter a province's versions (createRuleVersion); national defaults ship
 * with the code (ensureNationalRules, called from a reference-data loader).
 */
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Ctx, Tx } from '../../context.ts';
import { AppError, forbidden, validationError } from '../../errors.ts';
import { pgError } from '../../db/errors.ts';
import { formatDate } from '../../../lib/vi/format.ts';
import { translate } from '../../../shared/i18n/messages.ts';
import type {
  RuleHistory, RuleList, RuleListQuery, RuleScope, RuleVersion, RuleVersionInput,
} from '../../../shared/schemas/rules.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { can } from './rules.policy.ts';
import { checkRuleValue, registeredRuleKeys, ruleKeyEntry } from './rules.registry.ts';
import * as repo from './rules.repo.ts';

export { registerRuleKey } from './rules.registry.ts';
import { dayBefore, todayInVietnam } from '../../../lib/vi/dates.ts';

const ENTITY = 'rule_version';


const scopeOf = (row: { tenantId: string | null }): RuleScope => (row.tenantId ? 'province' : 'national');

function toDto(row: repo.RuleVersionRow, inForceId: string | null): RuleVersion {
  return {
    id: row.id, key: row.key, scope: scopeOf(row), effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo,
    legalBasis: row.legalBasis, value: row.value, note: row.note, createdBy: row.createdBy,
    createdByName: row.createdByName ?? null, createdAt: row.createdAt.toISOString(), inForce: row.id === inForceId,
  };
}

/** The stored value read through the registered schema (defaults of fields added later are applied). */
function parseStored<T>(row: repo.RuleVersionRow): T {
  const check = checkRuleValue(row.key, row.value);
  if (check.ok) return check.value as T;
  if (check.unknownKey) return row.value as T;
  throw new AppError('rules.stored_value_invalid', { status: 500, params: { key: row.key, id: row.id }, details: { id: row.id, issues: check.issues } });
}

export interface ResolvedRule<T> {
  id: string;
  key: string;
  value: T;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  scope: RuleScope;
}

function resolved<T>(row: repo.RuleVersionRow): ResolvedRule<T> {
  return {
    id: row.id, key: row.key, value: parseStored<T>(row), legalBasis: row.legalBasis,
    effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo, scope: scopeOf(row),
  };
}

/**
 * The rule in force on a date for a province: its own version, else the national default. Nothing configured is a
 * set-up fault (500) whose message says which key and date to configure.
 */
export async function resolveRule<T>(db: Db | Tx, o: { tenantId: string; key: string; onDate: string }): Promise<ResolvedRule<T>> {
  const row = await repo.findInForce(db, o.tenantId, o.key, o.onDate);
  if (!row) {
    throw new AppError('rules.not_configured', {
      status: 500, params: { key: o.key, date: formatDate(o.onDate) }, details: { key: o.key, onDate: o.onDate },
    });
  }
  return resolved<T>(row);
}

/** One version by id (e.g. the workflow definition that governed a recorded transition). */
export async function loadRuleVersion<T>(db: Db | Tx, id: string): Promise<ResolvedRule<T> | null> {
  const row = await repo.findById(db, id);
  return row ? resolved<T>(row) : null;
}

/**
 * Every stored version of a key that may govern records of the province (its own and the national ones), newest
 * first: for questions about all regimes at once (which stage keys are public in any version of a workflow).
 */
export async function ruleVersionsFor<T>(db: Db | Tx, o: { tenantId: string; key: string }): Promise<ResolvedRule<T>[]> {
  return (await repo.listVersions(db, o.tenantId, o.key)).map((r) => resolved<T>(r));
}

const i18nKeyOf = (i: z.core.$ZodIssue) => (i as { params?: { i18n?: unknown } }).params?.i18n as string | undefined;

/** Issues of a value that does not fit its key, as field problems under `body.value`. */
function valueOf(key: string, value: unknown): unknown {
  const check = checkRuleValue(key, value);
  if (check.ok) return check.value;
  if (check.unknownKey) {
    throw new AppError('rules.unknown_key', { status: 400, params: { key }, details: [{ path: 'body.key', code: 'unknown_rule_key' }] });
  }
  throw validationError(check.issues.map((i) => ({
    path: ['body', 'value', ...i.path].join('.'),
    code: i.code,
    message: i18nKeyOf(i) ? translate('en', i18nKeyOf(i)!, (i as { params?: Record<string, unknown> }).params) : i.message,
    params: (i as { params?: Record<string, unknown> }).params,
  })));
}

function mapOverlap(err: unknown, key: string): never {
  const pe = pgError(err);
  if ((pe?.code === '23P01' && pe.constraint === 'rule_versions_no_overlap') || (pe?.code === '23505' && pe.constraint === 'rule_versions_open')) {
    throw new AppError('rules.overlap', { status: 409, params: { key }, details: { key } });
  }
  throw err;
}

/**
 * A new version of a province's rule, from `effectiveFrom` on. The province's open version (if any) is closed the
 * day before; a new version must start after the open one starts (409 otherwise). Admins only; audited.
 */
export async function createRuleVersion(ctx: Ctx, input: RuleVersionInput): Promise<RuleVersion> {
  if (!can(ctx.actor, 'create')) throw forbidden();
  const value = valueOf(input.key, input.value);
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction(async (tx) => {
    await repo.lockKey(tx, tenantId, input.key);
    const open = await repo.findOpen(tx, tenantId, input.key);
    if (open && input.effectiveFrom <= open.effectiveFrom) {
      throw new AppError('rules.not_after_current', {
        status: 409,
        params: { current: formatDate(open.effectiveFrom), sent: formatDate(input.effectiveFrom) },
        details: { current: open.effectiveFrom, sent: input.effectiveFrom, openVersionId: open.id },
      });
    }
    try {
      if (open) {
        await repo.close(tx, open.id, dayBefore(input.effectiveFrom));
        const closed = toDto((await repo.findById(tx, open.id))!, null);
        await recordAudit(tx, ctx, { action: 'close', entity: ENTITY, entityId: open.id, before: toDto(open, null), after: closed });
      }
      const id = await repo.insert(tx, {
        tenantId, key: input.key, effectiveFrom: input.effectiveFrom, legalBasis: input.legalBasis, value,
        note: input.note ?? null, createdBy: ctx.actor.userId,
      });
      const created = (await repo.findById(tx, id))!;
      const inForce = await repo.findInForce(tx, tenantId, input.key, todayInVietnam());
      const dto = toDto(created, inForce?.id ?? null);
      await recordAudit(tx, ctx, { action: 'create', entity: ENTITY, entityId: id, after: dto });
      return dto;
    } catch (e) {
      return mapOverlap(e, input.key);
    }
  });
}

export interface NationalRuleInput {
  key: string;
  effectiveFrom: string;
  legalBasis: string;
  value: unknown;
  note?: string | null;
}

/**
 * Installs national default versions shipped with the code; idempotent (a version already present for the key and
 * start date is left as it is). A version is fitted into the key's timeline: the one before it is closed the day
 * before it starts, and it ends the day before the next one starts. Call from a reference-data loader.
 */
export async function ensureNationalRules(db: Db, versions: NationalRuleInput[]): Promise<number> {
  const sorted = [...versions].sort((a, b) => a.key.localeCompare(b.key) || a.effectiveFrom.localeCompare(b.effectiveFrom));
  let inserted = 0;
  for (const v of sorted) {
    const check = checkRuleValue(v.key, v.value);
    if (!check.ok) {
      throw new Error(`national rule ${v.key} from ${v.effectiveFrom} is invalid: ${check.unknownKey ? 'unregistered key' : JSON.stringify(check.issues)}`);
    }
    await db.transaction(async (tx) => {
      await repo.lockKey(tx, null, v.key);
      if (await repo.findStartingOn(tx, null, v.key, v.effectiveFrom)) return;
      const { before, after } = await repo.neighbours(tx, null, v.key, v.effectiveFrom);
      if (before && (before.effectiveTo === null || before.effectiveTo >= v.effectiveFrom)) {
        await repo.close(tx, before.id, dayBefore(v.effectiveFrom));
      }
      await repo.insert(tx, {
        tenantId: null, key: v.key, effectiveFrom: v.effectiveFrom, effectiveTo: after ? dayBefore(after.effectiveFrom) : null,
        legalBasis: v.legalBasis, value: check.value, note: v.note ?? null, createdBy: null,
      });
      inserted++;
    });
  }
  return inserted;
}

/** Every rule key (registered or stored) with the version in force on the date. */
export async function listRules(ctx: Ctx, q: RuleListQuery = {}): Promise<RuleList> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const onDate = q.onDate ?? todayInVietnam();
  const wanted = (k: string) => (!q.key || k === q.key) && (!q.prefix || k.startsWith(q.prefix));
  const stored = await repo.distinctKeys(ctx.db, ctx.actor.tenantId, { key: q.key, prefix: q.prefix });
  const keys = [...new Set([...registeredRuleKeys().filter(wanted), ...stored])].sort();
  const rows = await repo.findAllInForce(ctx.db, ctx.actor.tenantId, keys, onDate);
  const pick = new Map<string, repo.RuleVersionRow>();
  for (const r of rows) if (!pick.has(r.key) || r.tenantId) pick.set(r.key, r);
  return {
    onDate,
    items: keys.map((key) => {
      const row = pick.get(key);
      return { key, description: ruleKeyEntry(key)?.describe ?? null, inForce: row ? toDto(row, row.id) : null };
    }),
  };
}

/** Every version of a key, the province's and the national ones, newest first; `inForce` marks today's. */
export async function ruleHistory(ctx: Ctx, key: string): Promise<RuleHistory> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const rows = await repo.listVersions(ctx.db, ctx.actor.tenantId, key);
  const entry = ruleKeyEntry(key);
  if (rows.length === 0 && !entry) throw new AppError('rules.unknown_key', { status: 404, params: { key }, details: { key } });
  const today = todayInVietnam();
  const live = (r: repo.RuleVersionRow) => r.effectiveFrom <= today && (r.effectiveTo === null || r.effectiveTo >= today);
  const inForce = rows.find((r) => r.tenantId && live(r)) ?? rows.find((r) => !r.tenantId && live(r));
  return { key, description: entry?.describe ?? null, items: rows.map((r) => toDto(r, inForce?.id ?? null)) };
}

/** For route-level checks: the registered schema's issues for a value, with paths relative to the value. */
export function ruleValueIssues(key: string, value: unknown): z.core.$ZodIssue[] | 'unknown_key' | null {
  const check = checkRuleValue(key, value);
  if (check.ok) return null;
  return check.unknownKey ? 'unknown_key' : check.issues;
}
