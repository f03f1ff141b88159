/**
 * What the legal-document pages offer to whom, from the shared role sets (the server's policy decides; a refused
 * call still shows its message): everyone signed in reads; the department keeps the province's documents and
 * relations; administrators the national ones.
 */
import type { Role } from '../../../shared/roles.ts';
import { LEGAL_DOCUMENT_BROWSERS, LEGAL_DOCUMENT_EDITORS, NATIONAL_DOCUMENT_EDITORS } from '../../../shared/permissions.ts';

export const canBrowseLegalDocuments = (role: Role) => LEGAL_DOCUMENT_BROWSERS.has(role);
export const canAddLegalDocuments = (role: Role) => LEGAL_DOCUMENT_EDITORS.has(role);
export const canWriteNationalDocuments = (role: Role) => NATIONAL_DOCUMENT_EDITORS.has(role);
export const canWriteLegalDocument = (role: Role, doc: { national: boolean }) =>
  (doc.national ? NATIONAL_DOCUMENT_EDITORS : LEGAL_DOCUMENT_EDITORS).has(role);
export const canRelateDocuments = (role: Role, a: { national: boolean }, b: { national: boolean }) =>
  (a.national && b.national ? NATIONAL_DOCUMENT_EDITORS : LEGAL_DOCUMENT_EDITORS).has(role);
export const canAttachLegalDocumentFiles = (role: Role) => LEGAL_DOCUMENT_EDITORS.has(role);
