/**
 * Checks on what a replicated model points at, shared by the task's own replication panel (tasks.service) and the
 * register of models (tasks.replications.ts): each through the owning module's service, answered as a 400 naming
 * the field. The programme application is checked by its foreign key (same province), mapped to the field too.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import type { ReplicationInput } from '../../../shared/schemas/tasks.ts';
import { assertUnitInForce } from '../admin-units/admin-units.service.ts';
import { assertOrganizationInTenant } from '../organizations/organizations.service.ts';
import { getLegalDocument } from '../legal-documents/legal-documents.service.ts';

/** Constraint names of task_replications → request fields. */
export const MODEL_CONSTRAINTS = {
  foreignKeys: {
    task_replications_application: 'applicationId',
    task_replications_legal_document_id_fkey: 'legalDocumentId',
    task_replications_admin_unit_id_fkey: 'adminUnitId',
    task_replications_adopter_organization_id_fkey: 'adopterOrganizationId',
    task_replications_task_id_fkey: 'taskId',
  },
};

export async function checkModelReferences(tx: Tx, ctx: Ctx, input: Pick<ReplicationInput, 'adminUnitId' | 'adopterOrganizationId' | 'legalDocumentId' | 'year'>) {
  // The place must be a unit in force at the time: mid-year of a past year, else today (old communes for old records).
  const today = todayInVietnam();
  if (input.adminUnitId) await assertUnitInForce(tx, input.adminUnitId, 'body.adminUnitId', `${input.year}-12-31` < today ? `${input.year}-06-30` : today);
  if (input.adopterOrganizationId) await assertOrganizationInTenant(tx, ctx.actor.tenantId, input.adopterOrganizationId, 'body.adopterOrganizationId');
  if (input.legalDocumentId) {
    try {
      await getLegalDocument({ ...ctx, db: tx as unknown as Db }, input.legalDocumentId);
    } catch (e) {
      if (e instanceof AppError && (e.status === 404 || e.status === 403)) {
        throw new AppError('common.validation_failed', { status: 400, details: [{ path: 'body.legalDocumentId', code: 'unknown_reference', entity: 'legal_document' }] });
      }
      throw e;
    }
  }
}
