/**
 * Writing an item together with the indicators it serves, in one transaction: the item through plans.service, the
 * links through the indicators module's service (which owns `plan_item_indicators`, checks the indicators and
 * audits the change). Kept out of plans.service because the indicators service imports it (no service cycle).
 */
import type { Ctx } from '../../context.ts';
import type { ItemInput, ItemUpdate, PlanItem } from '../../../shared/schemas/plans.ts';
import { setPlanItemIndicators } from '../indicators/indicators.service.ts';
import { createItem, inTx, updateItem, type ItemWriteHook } from './plans.service.ts';

const linkIndicators = (ctx: Ctx, ids: string[] | undefined): ItemWriteHook | undefined =>
  (ids === undefined ? undefined : (tx, itemId) => setPlanItemIndicators(inTx(ctx, tx), itemId, ids));

export const createItemWithIndicators = (ctx: Ctx, planId: string, input: ItemInput): Promise<PlanItem> =>
  createItem(ctx, planId, input, new Date(), linkIndicators(ctx, input.indicatorIds));

export const updateItemWithIndicators = (ctx: Ctx, id: string, input: ItemUpdate): Promise<PlanItem> =>
  updateItem(ctx, id, input, new Date(), linkIndicators(ctx, input.indicatorIds));
