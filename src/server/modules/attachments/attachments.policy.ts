/**
 * Who may do what with a subject's files. The owning module decides (its registration's `find` answers for the
 * actor and the subject); this module adds that a subject the actor may not read stays hidden (404, as the
 * subject's own routes answer), and that attaching or removing needs the subject to be readable too.
 */
import type { AttachmentAccess } from './attachments.subjects.ts';

export type AttachmentAction = 'read' | 'attach' | 'remove';

export function can(access: AttachmentAccess, action: AttachmentAction): boolean {
  return access.may.read && access.may[action];
}
