/**
 * Who may do what with legal documents. Everyone signed in reads the registry (national documents and the
 * province's own: a plan item, a rule, a task cites them); the department (admins and DOST officers) keeps its
 * province's documents; national documents, shared by every province, are written by administrators only. A
 * relation between two national documents is national too (administrators); one that touches a province's document
 * is that province's (its officers). Files: each province keeps its own copy of a document's file (attachments are
 * per province), so the department attaches files to national documents as well.
 */
import type { Actor } from '../../context.ts';
import { LEGAL_DOCUMENT_EDITORS, LEGAL_DOCUMENT_READERS, NATIONAL_DOCUMENT_EDITORS } from '../../../shared/permissions.ts';

export type LegalDocumentAction = 'read' | 'list' | 'create' | 'update' | 'delete' | 'attach';

/** What the policy needs of a document: whether it is national. */
export interface Scoped { national: boolean }

export function can(actor: Actor, action: LegalDocumentAction, doc?: Scoped): boolean {
  switch (action) {
    case 'read':
    case 'list':
      return LEGAL_DOCUMENT_READERS.has(actor.role);
    case 'attach':
      return LEGAL_DOCUMENT_EDITORS.has(actor.role);
    case 'create':
    case 'update':
    case 'delete':
      return (doc?.national ? NATIONAL_DOCUMENT_EDITORS : LEGAL_DOCUMENT_EDITORS).has(actor.role);
  }
}

/** Adding or removing a relation between two documents the actor reads. */
export function canRelate(actor: Actor, a: Scoped, b: Scoped): boolean {
  return (a.national && b.national ? NATIONAL_DOCUMENT_EDITORS : LEGAL_DOCUMENT_EDITORS).has(actor.role);
}
