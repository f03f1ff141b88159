/**
 * Who may do what with plans. The department (admins, DOST officers) keeps plans and items, logs progress on any
 * item, urges units and writes the periodic report; the province's leaders read everything; a unit officer reads
 * and reports on the items its unit carries (as signed, or as successor or named handover of a unit that ended).
 */
import type { Actor } from '../../context.ts';
import {
  OFFICE, PLAN_EDITORS, PLAN_READERS, PLAN_REPORT_WRITERS, PLAN_REPORTERS, PLAN_URGERS,
} from '../../../shared/permissions.ts';

export type PlanAction = 'list' | 'read' | 'edit' | 'urge' | 'report' | 'write_report';

/** An item's carriers now (see plans.service `ownersOf`). */
export interface Owned { owners: readonly { agencyId: string | null; adminUnitId: string | null }[] }

/** Whether the actor works in one of the units carrying the item. */
export function ownsItem(actor: Actor, item: Owned): boolean {
  return item.owners.some((o) => (o.agencyId !== null && o.agencyId === actor.agencyId)
    || (o.adminUnitId !== null && o.adminUnitId === actor.adminUnitId));
}

/** Whether the actor sees every item (not only its unit's). */
export const seesAll = (actor: Actor) => PLAN_READERS.has(actor.role) && actor.role !== 'unit_officer';

export function can(actor: Actor, action: PlanAction, item?: Owned): boolean {
  switch (action) {
    case 'list': return PLAN_READERS.has(actor.role);
    case 'read': return seesAll(actor) || (PLAN_READERS.has(actor.role) && item !== undefined && ownsItem(actor, item));
    case 'edit': return PLAN_EDITORS.has(actor.role);
    case 'urge': return PLAN_URGERS.has(actor.role);
    case 'write_report': return PLAN_REPORT_WRITERS.has(actor.role);
    case 'report':
      if (!PLAN_REPORTERS.has(actor.role)) return false;
      return OFFICE.has(actor.role) || (item !== undefined && ownsItem(actor, item));
  }
}
