/** Who may do what with rules. Everyone signed in reads them (the UI shows stage names and legal bases); only a
 * province's administrator enters its versions. National defaults ship with the code (ensureNationalRules). */
import type { Actor } from '../../context.ts';
import { RULE_EDITORS } from '../../../shared/permissions.ts';

export type RuleAction = 'read' | 'create';

export function can(actor: Actor, action: RuleAction): boolean {
  switch (action) {
    case 'read':
      return true;
    case 'create':
      return RULE_EDITORS.has(actor.role);
  }
}
