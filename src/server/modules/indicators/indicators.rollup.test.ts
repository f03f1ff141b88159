import { describe, expect, it } from 'vitest';
import { combinePeriods, mapToDay, rollUp, scopeOnDay, type ReportedValue, type UnitInfo } from './indicators.rollup.ts';
import type { Aggregation, RollupView } from '../../../shared/schemas/indicators.ts';

// A small map shaped like the 2025 reform: Long An (LA) and old Tây Ninh (TNo) closed on 30/06/2025 and became the
// new Tây Ninh (TN); LA's district D1 ended with no successor; its commune C1 became N1, C2 was split into N1 and N2.
const REFORM = '2025-07-01';
const closed = { validFrom: null, validTo: '2025-06-30' };
const open = { validFrom: REFORM, validTo: null };
const u = (id: string, o: Partial<UnitInfo>): UnitInfo => ({ id, name: id, parentId: null, ...closed, successors: [], predecessors: [], ...o });
const units = new Map<string, UnitInfo>([
  u('LA', { successors: [{ id: 'TN', effectiveOn: REFORM }] }),
  u('TNo', { successors: [{ id: 'TN', effectiveOn: REFORM }] }),
  u('TN', { ...open, predecessors: ['LA', 'TNo'] }),
  u('D1', { parentId: 'LA' }),
  u('C1', { parentId: 'D1', successors: [{ id: 'N1', effectiveOn: REFORM }] }),
  u('C2', { parentId: 'D1', successors: [{ id: 'N1', effectiveOn: REFORM }, { id: 'N2', effectiveOn: REFORM }] }),
  u('N1', { ...open, parentId: 'TN', predecessors: ['C1', 'C2'] }),
  u('N2', { ...open, parentId: 'TN', predecessors: ['C2'] }),
].map((x) => [x.id, x]));

const vals = (o: Record<string, number>): ReportedValue[] => Object.entries(o).map(([unitId, value]) => ({ id: null, unitId, value }));
const AFTER = '2026-01-01';
const BEFORE = '2024-12-31';

describe('mapToDay and scopeOnDay', () => {
  it.each([
    ['LA', AFTER, 'TN'], ['LA', BEFORE, 'LA'], ['C1', AFTER, 'N1'], ['C2', AFTER, 'TN'], ['D1', AFTER, 'TN'], ['N1', BEFORE, null],
  ])('%s on %s is counted in %s', (id, day, want) => {
    expect(mapToDay(units, id, day)).toBe(want);
  });
  it('the new province asked about a day before it existed covers the provinces that became it', () => {
    expect(scopeOnDay(units, 'TN', BEFORE).sort()).toEqual(['LA', 'TNo']);
    expect(scopeOnDay(units, 'LA', AFTER)).toEqual(['TN']);
  });
});

describe('rollUp', () => {
  const cases: [string, Record<string, number>, RollupView, string, string, Aggregation, number | null][] = [
    ['Long An and old Tây Ninh summed into the new Tây Ninh', { LA: 100, TNo: 50 }, 'current', AFTER, 'TN', 'sum', 150],
    ['the new Tây Ninh before the merger: its predecessors', { LA: 100, TNo: 50 }, 'current', BEFORE, 'TN', 'sum', 150],
    ['Long An on the old boundaries stays Long An', { LA: 100, TNo: 50 }, 'current', BEFORE, 'LA', 'sum', 100],
    ['as reported, the new Tây Ninh has none of Long An’s', { LA: 100, TNo: 50 }, 'as_reported', AFTER, 'TN', 'sum', null],
    ['as reported, Long An keeps its own', { LA: 100, TNo: 50 }, 'as_reported', AFTER, 'LA', 'sum', 100],
    ['old communes summed into the new province', { C1: 10, C2: 5 }, 'current', AFTER, 'TN', 'sum', 15],
    ['a new commune gets only the old commune that wholly became it', { C1: 10, C2: 5 }, 'current', AFTER, 'N1', 'sum', 10],
    ['as reported, old communes roll up through their district to Long An', { C1: 10, C2: 5 }, 'as_reported', AFTER, 'LA', 'sum', 15],
    ['a province’s own figure supersedes its communes’', { LA: 100, C1: 10 }, 'current', AFTER, 'TN', 'sum', 100],
    ['the new province’s own figure replaces its predecessors’', { LA: 100, TNo: 50, TN: 170 }, 'current', AFTER, 'TN', 'sum', 170],
    ['a unit that did not exist yet has no place on the old map', { N1: 7, C2: 5 }, 'current', BEFORE, 'LA', 'sum', 5],
    ['average of merged units', { LA: 4, TNo: 2 }, 'current', AFTER, 'TN', 'average', 3],
    ['max of merged units', { LA: 4, TNo: 2 }, 'current', AFTER, 'TN', 'max', 4],
    ['min of communes', { C1: 4, C2: 2 }, 'current', AFTER, 'TN', 'min', 2],
    ['none: merged units’ ratios are never combined', { LA: 1.2, TNo: 0.9 }, 'current', AFTER, 'TN', 'none', null],
    ['none: nor passed to the successor', { LA: 1.2 }, 'current', AFTER, 'TN', 'none', null],
    ['none: the unit’s own figure', { LA: 1.2 }, 'current', BEFORE, 'LA', 'none', 1.2],
  ];
  it.each(cases)('%s', (_name, values, view, asOf, scope, aggregation, want) => {
    const r = rollUp({ units, values: vals(values), asOf, view, scope: [scope], aggregation });
    if (want === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(want, 9);
  });

  it('says where each value was counted and which were superseded', () => {
    const r = rollUp({ units, values: vals({ LA: 100, C1: 10, TNo: 50 }), asOf: AFTER, view: 'current', scope: ['TN'], aggregation: 'sum' });
    const byUnit = Object.fromEntries(r.contributions.map((c) => [c.unitId, [c.countedIn, c.superseded]]));
    expect(byUnit).toEqual({ LA: ['TN', false], C1: ['N1', true], TNo: ['TN', false] });
    expect(r.value).toBe(150);
  });
});

describe('combinePeriods', () => {
  it.each([
    ['sum', 10], ['average', 2.5], ['max', 4], ['none', 4],
  ] as const)('quarters combined by %s', (method, want) => {
    expect(combinePeriods(method, [{ period: '2024-Q2', value: 2 }, { period: '2024-Q1', value: 1 }, { period: '2024-Q4', value: 4 },
      { period: '2024-Q3', value: 3 }])).toBe(want);
  });
  it('no period with a figure: no figure', () => expect(combinePeriods('sum', [{ period: '2024', value: null }])).toBeNull());
});
