/** What a service needs to act: the database and who is acting. Services are plain functions of (ctx, input). */
import type { Db } from './db/client.ts';
import type { Role } from '../shared/roles.ts';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  tenantId: string;
  organizationId: string | null;
  unitName: string | null;
}

export interface Ctx {
  db: Db;
  actor: Actor;
  requestId?: string;
}

/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
