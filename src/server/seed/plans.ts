/**
 * Demo plans (plans-data.ts), written through the plans service as each province's system author: plans linked to
 * their decision in the legal-document register, their groups and items (agencies by key, pre-2025 districts by
 * name under the former province), and the progress the articles report. Called by seedDemo inside its transaction
 * (one line in seed.ts: `await seedDemoPlans({ db: tx, tenantIds, agencyIds });`, after the legal documents).
 */
import type { Ctx, Tx } from '../context.ts';
import { findUnitByCode, findUnitByName } from '../modules/admin-units/admin-units.service.ts';
import { legalDocumentByNumber } from '../modules/legal-documents/legal-documents.service.ts';
import { createGroup, createItem, createPlan, writeProgress } from '../modules/plans/plans.service.ts';
import { ItemInput, PlanInput } from '../../shared/schemas/plans.ts';
import { systemActor } from './actors.ts';
import { DEMO_PLANS } from './plans-data.ts';

/** The last day before the 2025 reform: districts are found as they were then. */
const BEFORE_REFORM = '2025-06-30';

export async function seedDemoPlans(o: { db: Tx; tenantIds: Map<string, string>; agencyIds: Map<string, string>; today?: string }) {
  let items = 0;
  for (const p of DEMO_PLANS) {
    const tenantId = o.tenantIds.get(p.tenant);
    if (!tenantId) throw new Error(`demo plans: no tenant ${p.tenant}`);
    const ctx: Ctx = { db: o.db as unknown as Ctx['db'], actor: systemActor(tenantId) };
    const doc = p.document ? await legalDocumentByNumber(ctx, p.document) : null;
    if (p.document && !doc) throw new Error(`demo plans: ${p.document} is not in the register of ${p.tenant}`);
    const plan = await createPlan(ctx, PlanInput.parse({
      title: p.title, legalDocumentId: doc?.id ?? null, periodFrom: p.periodFrom, periodTo: p.periodTo, schedule: p.schedule, note: p.note,
    }));
    const former = p.formerProvinceCode ? await findUnitByCode(o.db, { level: 'province', code: p.formerProvinceCode, onDate: BEFORE_REFORM }) : null;
    const unitOf = async (key: string) => {
      if (key.startsWith('district:')) {
        const unit = await findUnitByName(o.db, { level: 'district', name: key.slice('district:'.length), onDate: BEFORE_REFORM, parentId: former?.id });
        if (!unit) throw new Error(`demo plans: no district ${key} in province ${p.formerProvinceCode}`);
        return { adminUnitId: unit.id };
      }
      const agencyId = o.agencyIds.get(`${p.tenant}/${key}`);
      if (!agencyId) throw new Error(`demo plans: no agency ${key} in ${p.tenant}`);
      return { agencyId };
    };
    for (const [position, g] of p.groups.entries()) {
      const group = await createGroup(ctx, plan.id, { code: g.code, title: g.title, position });
      for (const [i, it] of g.items.entries()) {
        const created = await createItem(ctx, plan.id, ItemInput.parse({
          groupId: group.id, code: it.code, position: i, title: it.title, responsible: await unitOf(it.unit),
          partners: await Promise.all((it.partners ?? []).map(unitOf)), startsOn: it.startsOn ?? null, deadline: it.deadline ?? null,
          expectedOutput: it.expectedOutput ?? null,
        }));
        items++;
        if (it.progress?.length) {
          await writeProgress(o.db, ctx, it.progress.map((e) => ({ ...e, itemId: created.id })), { source: 'seed', today: o.today ?? BEFORE_REFORM });
        }
      }
    }
  }
  return { plans: DEMO_PLANS.length, items };
}
