/**
 * Demo indicators of QĐ 9737/QĐ-UBND for Tây Ninh (which Long An joined on 01/07/2025): the indicators, the plan's
 * targets (attached to the plans module's demo plan of that decision when it exists — looked up by the decision's
 * number at seed time; otherwise kept as the province's targets), and illustrative values reported by Long An and
 * old Tây Ninh before the merger and by the new Tây Ninh after it (indicators-data.ts). Written through the
 * indicators service as the province's system author. Called by seedDemo inside its transaction.
 */
import type { Ctx, Tx } from '../context.ts';
import { findUnitByCode } from '../modules/admin-units/admin-units.service.ts';
import { createIndicator, createTarget, createValue, listIndicators, planIdByDocumentNumber } from '../modules/indicators/indicators.service.ts';
import { systemActor } from './actors.ts';
import { DEMO_INDICATORS, DEMO_PLAN_NUMBER, DEMO_TARGETS, DEMO_VALUES, DEMO_VALUE_SOURCE } from './indicators-data.ts';

const BEFORE = '2025-06-30';
const AFTER = '2025-07-01';

export async function seedDemoIndicators(o: { db: Tx; tenantIds: Map<string, string> }, tenant = 'tay-ninh'): Promise<{ indicators: number; targets: number; values: number; planId: string | null }> {
  const tenantId = o.tenantIds.get(tenant);
  if (!tenantId) throw new Error(`demo indicators: no tenant ${tenant}`);
  const ctx: Ctx = { db: o.db as unknown as Ctx['db'], actor: systemActor(tenantId) };
  if ((await listIndicators(ctx)).items.length > 0) return { indicators: 0, targets: 0, values: 0, planId: null };
  const units = {
    'long-an': await findUnitByCode(o.db, { level: 'province', code: '80', onDate: BEFORE }),
    'old-tay-ninh': await findUnitByCode(o.db, { level: 'province', code: '72', onDate: BEFORE }),
    'tay-ninh': await findUnitByCode(o.db, { level: 'province', code: '80', onDate: AFTER }),
  };
  for (const [k, u] of Object.entries(units)) if (!u) throw new Error(`demo indicators: admin unit ${k} missing`);
  const ids = new Map<string, string>();
  for (const { vi, en, ...d } of DEMO_INDICATORS) ids.set(d.code, (await createIndicator(ctx, { ...d, name: { vi, en } })).id);
  const planId = await planIdByDocumentNumber(o.db, tenantId, DEMO_PLAN_NUMBER);
  for (const { code, plan, ...tg } of DEMO_TARGETS) {
    await createTarget(ctx, ids.get(code)!, { ...tg, planId: plan ? planId : null });
  }
  for (const v of DEMO_VALUES) {
    await createValue(ctx, ids.get(v.code)!, { period: v.period, adminUnitId: units[v.province]!.id, value: v.value, source: DEMO_VALUE_SOURCE });
  }
  return { indicators: DEMO_INDICATORS.length, targets: DEMO_TARGETS.length, values: DEMO_VALUES.length, planId };
}
