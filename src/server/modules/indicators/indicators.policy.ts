/**
 * Who may do what with indicators. The department (admins, DOST officers) keeps indicators, targets and every unit's
 * values; leaders and unit officers read the dashboard; a unit officer enters values for its own unit only (the
 * commune it works in, or, working in a department of the province, the province).
 */
import type { Actor } from '../../context.ts';
import { INDICATOR_EDITORS, INDICATOR_READERS, INDICATOR_VALUE_ENTRANTS } from '../../../shared/permissions.ts';

export type IndicatorAction = 'read' | 'manage' | 'enter_values';

export function can(actor: Actor, action: IndicatorAction): boolean {
  switch (action) {
    case 'read': return INDICATOR_READERS.has(actor.role);
    case 'manage': return INDICATOR_EDITORS.has(actor.role);
    case 'enter_values': return INDICATOR_VALUE_ENTRANTS.has(actor.role);
  }
}

/** Values for `unitId`: the department for any unit of the province; a unit officer for its own unit only. */
export function canEnterFor(actor: Actor, unitId: string, ownUnitId: string | null): boolean {
  if (!can(actor, 'enter_values')) return false;
  if (INDICATOR_EDITORS.has(actor.role)) return true;
  return ownUnitId !== null && ownUnitId === unitId;
}
