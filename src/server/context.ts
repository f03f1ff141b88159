/** What a service needs to act: the database and who is acting. Services are plain functions of (ctx, input). */
import type { Db } from './db/client.ts';
import type { Role } from '../shared/roles.ts';

export interface Actor {
  /** null for the system (command line, demo seed, scheduled jobs): the audit log names it with no account. */
  userId: string | null;
  username: string;
  displayName: string;
  role: Role;
  tenantId: string;
  organizationId: string | null;
  /** The unit the account works in: an agency of the province, or a commune (at most one of the two). */
  agencyId: string | null;
  adminUnitId: string | null;
  /** That unit's name. */
  unitName: string | null;
}

export interface Ctx {
  db: Db;
  actor: Actor;
  requestId?: string;
}

/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The system as author of a write no account made (command line, demo seed, jobs): actor_id stays empty in the audit log. */
export function systemActor(tenantId: string, displayName = 'Hệ thống'): Actor {
  return {
    userId: null, username: 'system', displayName, role: 'admin', tenantId,
    organizationId: null, agencyId: null, adminUnitId: null, unitName: null,
  };
}

/** The account acting: every signed-in actor has one; the system has none (a programming error to ask). */
export function accountOf(actor: Actor): string {
  if (!actor.userId) throw new Error(`${actor.username} acts without an account here`);
  return actor.userId;
}
