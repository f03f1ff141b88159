/** The replicated model as the API sends it (on the task page and in the register of models). */
import type { ReplicatedModel, ReplicationSourceKind } from '../../../shared/schemas/replications.ts';
import type { ModelRow } from './tasks.replications.repo.ts';

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

export function modelDto(r: ModelRow): ReplicatedModel {
  return {
    id: r.id, taskId: r.task_id, taskCode: r.task_code, taskTitle: r.task_title,
    adminUnitId: r.admin_unit_id, adminUnitName: r.admin_unit_name, place: r.place,
    adopterOrganizationId: r.adopter_organization_id, adopterName: r.adopter_name, scale: r.scale, year: Number(r.year), note: r.note,
    name: r.name, sourceKind: r.source_kind as ReplicationSourceKind, sourceDescription: r.source_description, results: r.results,
    supportAmount: r.support_amount === null ? null : Number(r.support_amount),
    legalDocumentId: r.legal_document_id, legalDocumentNumber: r.legal_document_number,
    applicationId: r.application_id, applicationCode: r.application_code,
    version: Number(r.version), createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}
