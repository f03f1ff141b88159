/** Who the demo seed acts as: a signed-in demo account, or the system for what has no signed-in author. */
import { systemActor as system, type Actor } from '../context.ts';
import type { User } from '../../shared/schemas/users.ts';

export const actorOf = (u: User, tenantId: string): Actor => ({
  userId: u.id, username: u.username, displayName: u.displayName, role: u.role, tenantId,
  organizationId: u.organizationId, agencyId: u.agencyId, adminUnitId: u.adminUnitId, unitName: u.unitName,
});

/** The system as author (tenants, lookups, accounts); actor_id stays empty in the audit log. */
export const systemActor = (tenantId: string): Actor => system(tenantId, 'Hệ thống (dữ liệu mẫu)');
