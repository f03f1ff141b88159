/**
 * Who may do what with councils. The DOST (admin, dost_officer) sets councils up and runs their sittings; leaders
 * read everything; a member with a linked account (usually a reviewer) sees only the councils they sit on and the
 * dossiers assigned to them, declares their own conflicts and submits their own sheets; the council's chair and
 * secretary also enter the paper sheets of the others.
 */
import type { Actor } from '../../context.ts';
import { COUNCIL_MANAGERS, COUNCIL_READERS } from '../../../shared/permissions.ts';

export type CouncilAction = 'manage' | 'read_all' | 'results';

const MANAGERS = COUNCIL_MANAGERS;
const READERS = COUNCIL_READERS;

export function can(actor: Actor, action: CouncilAction): boolean {
  switch (action) {
    case 'manage':
      return MANAGERS.has(actor.role);
    case 'read_all':
    case 'results':
      return READERS.has(actor.role);
  }
}

/** A member acts for themself; a manager may act for any member (paper sheets entered by the secretariat). */
export function canActForMember(actor: Actor, member: { userId: string | null }): boolean {
  return MANAGERS.has(actor.role) || (!!member.userId && member.userId === actor.userId);
}

/** The council roles whose holders enter members' paper sheets at the sitting. */
export const PAPER_SHEET_ROLES: ReadonlySet<string> = new Set(['chair', 'secretary']);

/**
 * Who may enter a member's sheet: the member, a manager, or the council's own chair or secretary (`me`, the member
 * seated with the actor's account) entering a paper sheet on another member's behalf.
 */
export function canEnterSheetFor(actor: Actor, member: { id: string; userId: string | null }, me: { id: string; role: string } | null): boolean {
  return canActForMember(actor, member) || (!!me && me.id !== member.id && PAPER_SHEET_ROLES.has(me.role));
}
