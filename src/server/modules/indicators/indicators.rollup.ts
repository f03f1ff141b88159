/**
 * The roll-up of entered values through the administrative-unit hierarchy, as of a date (pure code, no database).
 *
 * A value belongs to the unit that reported it, as that unit was (Long An, 2024). Two views:
 *  - `current`: on the boundaries in force on `asOf`. A unit that ended before that day is counted in its successor
 *    (following `admin_unit_successions`, repeatedly); a unit split among several successors is counted in the
 *    nearest unit they share (an old commune split between two new communes of one province: in that province); a
 *    unit with no successor (a district, the level ended) is counted where its parent went. A unit that began
 *    after `asOf` has no place on that day's map and is left out. So on the boundaries of 2026 Long An's 2024
 *    value and old Tây Ninh's are summed into the new Tây Ninh; on those of 2024 they stay apart.
 *  - `as_reported`: every value stays with its reporter and that reporter's own hierarchy (old commune → old
 *    district → old province).
 *
 * No double counting: a value is superseded when a unit above it (in its reporter's hierarchy) reported for the
 * same period, and, on the current boundaries, when the unit it is counted in, or one above, reported itself
 * (the new Tây Ninh's own figure for 2025 replaces what Long An and old Tây Ninh reported for that year).
 * Values of the scope's units and their descendants are then combined by the indicator's aggregation method:
 * `none` takes only a scope unit's own figure, and only when exactly one is counted.
 */
import type { Aggregation, RollupView } from '../../../shared/schemas/indicators.ts';

export interface UnitInfo {
  id: string;
  name: string;
  parentId: string | null;
  /** null: in force since before our records begin. */
  validFrom: string | null;
  validTo: string | null;
  successors: { id: string; effectiveOn: string }[];
  predecessors: string[];
}

export interface ReportedValue {
  id: string | null;
  unitId: string;
  /** The value; for a group of like units (see `count`), the sum of their values. */
  value: number;
  /** A group of `count` units that roll up alike (same parent, counted in the same unit): their sum, min and max. */
  count?: number;
  min?: number;
  max?: number;
}

export interface Contribution extends ReportedValue {
  /** The unit of the view it is counted in (null: no place on that day's map). */
  countedIn: string | null;
  superseded: boolean;
  inScope: boolean;
}

export interface RollupResult {
  value: number | null;
  contributions: Contribution[];
}

export type UnitGraph = ReadonlyMap<string, UnitInfo>;

const MAX_STEPS = 32;

export function inForce(u: Pick<UnitInfo, 'validFrom' | 'validTo'>, day: string): boolean {
  return (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo >= day);
}

/** The unit and its ancestors, nearest first (within the unit's own era). */
export function lineage(units: UnitGraph, id: string): string[] {
  const out: string[] = [];
  let cur: string | null = id;
  while (cur && out.length < MAX_STEPS && !out.includes(cur)) {
    out.push(cur);
    cur = units.get(cur)?.parentId ?? null;
  }
  return out;
}

function commonAncestor(units: UnitGraph, ids: string[]): string | null {
  const [first, ...rest] = ids.map((id) => lineage(units, id));
  return first.find((a) => rest.every((l) => l.includes(a))) ?? null;
}

/** The unit in force on `day` that `id` is counted in (see the module comment), or null. */
export function mapToDay(units: UnitGraph, id: string, day: string, depth = 0): string | null {
  const u = units.get(id);
  if (!u || depth > MAX_STEPS) return null;
  if (inForce(u, day)) return id;
  if (u.validFrom !== null && u.validFrom > day) return null;
  const next = [...new Set(u.successors.filter((s) => s.effectiveOn <= day)
    .map((s) => mapToDay(units, s.id, day, depth + 1)).filter((x): x is string => x !== null))];
  if (next.length === 1) return next[0];
  if (next.length > 1) return commonAncestor(units, next);
  return u.parentId ? mapToDay(units, u.parentId, day, depth + 1) : null;
}

/**
 * The units a chosen unit covers on `day` in the current view: itself when in force; when it began later (the new
 * Tây Ninh asked about 2024), the units in force then that became it; when it ended, the unit it went into.
 */
export function scopeOnDay(units: UnitGraph, id: string, day: string, depth = 0): string[] {
  const u = units.get(id);
  if (!u || depth > MAX_STEPS) return [];
  if (inForce(u, day)) return [id];
  if (u.validFrom !== null && u.validFrom > day) {
    return [...new Set(u.predecessors.flatMap((p) => scopeOnDay(units, p, day, depth + 1)))];
  }
  const m = mapToDay(units, id, day);
  return m ? [m] : [];
}

export function aggregate(method: Aggregation, xs: number[]): number | null {
  if (xs.length === 0) return null;
  switch (method) {
    case 'sum': return xs.reduce((a, b) => a + b, 0);
    case 'average': return xs.reduce((a, b) => a + b, 0) / xs.length;
    case 'min': return Math.min(...xs);
    case 'max': return Math.max(...xs);
    case 'none': return xs.length === 1 ? xs[0] : null;
  }
}

/** `aggregate` over values that may stand for groups of units (a group's sum, count, min and max). */
export function aggregateValues(method: Aggregation, xs: ReportedValue[]): number | null {
  if (xs.length === 0) return null;
  const n = xs.reduce((a, x) => a + (x.count ?? 1), 0);
  switch (method) {
    case 'sum': return xs.reduce((a, x) => a + x.value, 0);
    case 'average': return xs.reduce((a, x) => a + x.value, 0) / n;
    case 'min': return Math.min(...xs.map((x) => x.min ?? x.value));
    case 'max': return Math.max(...xs.map((x) => x.max ?? x.value));
    case 'none': return n === 1 ? xs[0].value : null;
  }
}

/**
 * What the roll-up works out per unit, the same for every indicator and period of one request (same graph, day,
 * view and scope): pass one `RollupMemo` to every `rollUp` of a request to compute it once per unit.
 */
export interface RollupMemo { lineage: Map<string, string[]>; countedIn: Map<string, string | null>; scope?: Set<string> | null }
export const rollupMemo = (): RollupMemo => ({ lineage: new Map(), countedIn: new Map() });

/** One period's values of one indicator, rolled up into `scope` (unit ids) on the view's boundaries. */
export function rollUp(o: {
  units: UnitGraph; values: ReportedValue[]; asOf: string; view: RollupView;
  /** The units asked about; null: every unit (no filter). */
  scope: string[] | null; aggregation: Aggregation; memo?: RollupMemo;
}): RollupResult {
  const { units, values, asOf, view } = o;
  const memo = o.memo ?? rollupMemo();
  const lineageOf = (id: string) => {
    let l = memo.lineage.get(id);
    if (!l) { l = lineage(units, id); memo.lineage.set(id, l); }
    return l;
  };
  const countedInOf = (id: string) => {
    if (view !== 'current') return id;
    if (!memo.countedIn.has(id)) memo.countedIn.set(id, mapToDay(units, id, asOf));
    return memo.countedIn.get(id)!;
  };
  if (memo.scope === undefined) {
    memo.scope = o.scope === null ? null : new Set(view === 'current' ? o.scope.flatMap((s) => scopeOnDay(units, s, asOf)) : o.scope);
  }
  const scope = memo.scope;
  const reporters = new Set(values.map((v) => v.unitId));
  const rows: Contribution[] = values.map((v) => {
    // Superseded in the reporter's own hierarchy: a unit above it reported the same period.
    const l = lineageOf(v.unitId);
    let superseded = false;
    for (let i = 1; i < l.length; i++) if (reporters.has(l[i])) { superseded = true; break; }
    return { ...v, countedIn: countedInOf(v.unitId), superseded, inScope: false };
  });
  if (view === 'current') {
    // A unit of that day's map that reported itself replaces what was counted in it or below it from elsewhere.
    const selfReported = new Set(rows.filter((r) => !r.superseded && r.countedIn === r.unitId).map((r) => r.unitId));
    if (selfReported.size > 0) {
      for (const r of rows) {
        if (r.superseded || r.countedIn === null) continue;
        const chain = lineageOf(r.countedIn);
        if (chain.some((a, i) => selfReported.has(a) && (i > 0 || r.unitId !== a))) r.superseded = true;
      }
    }
  }
  for (const r of rows) {
    r.inScope = r.countedIn !== null && (scope === null || lineageOf(r.countedIn).some((a) => scope.has(a)));
  }
  // `none`: only a scope unit's own figure (a ratio entered as such is never combined nor passed to a successor).
  const counted = rows.filter((r) => r.inScope && !r.superseded && (o.aggregation !== 'none' || (scope !== null && scope.has(r.unitId)) || (scope === null && r.countedIn === r.unitId)));
  return { value: aggregateValues(o.aggregation, counted), contributions: rows };
}

/** A year's figure from its periods' figures (quarters, months), combined as the indicator combines units. */
export function combinePeriods(method: Aggregation, byPeriod: { period: string; value: number | null }[]): number | null {
  const known = byPeriod.filter((p): p is { period: string; value: number } => p.value !== null)
    .sort((a, b) => a.period.localeCompare(b.period));
  if (known.length === 0) return null;
  if (method === 'none') return known[known.length - 1].value;
  return aggregate(method, known.map((p) => p.value));
}
