/**
 * How another module plugs into attachments. A module registers each subject type once, from its manifest's
 * `register()`:
 *
 *   registerAttachmentSubject('task', {
 *     label: { vi: 'nhiệm vụ', en: 'the task' },
 *     find: async (ctx, id) => … ,          // null: no such subject in the actor's province
 *     limits: { effectiveFrom, legalBasis, value: { default: { maxBytes, types }, kinds: { … } } },
 *   });
 *
 * `find` is the owning module's policy: whether the subject exists in the province, what the actor may do with its
 * files (a subject the actor may not read answers 404, as the subject's own routes do), the kinds of file it takes
 * with their names (the tasks module's are its workflow's document kinds), and an optional state check run inside
 * the write's transaction (a finished task takes no more files). `limits` is the national default of the dated rule
 * `attachments.limits.<type>` (registered here, shipped by the attachments reference loader); a province replaces
 * it with its own version through the rules API.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { LocalizedText } from '../../../shared/schemas/common.ts';
import { AttachmentLimits } from '../../../shared/schemas/attachments.ts';
import { registerRuleKey } from '../rules/rules.service.ts';

export interface AttachmentAccess {
  may: { read: boolean; attach: boolean; remove: boolean };
  /** The kinds of file the subject takes, with their names. */
  kinds: Record<string, LocalizedText>;
  /** State rules of a write, inside its transaction: throw an AppError to refuse it. */
  checkWrite?(tx: Tx): Promise<void>;
}

export interface AttachmentSubject {
  /** The subject in messages: "… không có trong danh sách của {label}". */
  label: LocalizedText;
  find(ctx: Ctx, id: string): Promise<AttachmentAccess | null>;
  limits: { effectiveFrom: string; legalBasis: string; note?: string; value: AttachmentLimits };
}

const subjects = new Map<string, AttachmentSubject>();

export const limitsRuleKey = (type: string) => `attachments.limits.${type}`;

export function registerAttachmentSubject(type: string, def: AttachmentSubject): void {
  if (!/^[a-z][a-z0-9_]{0,49}$/.test(type)) throw new Error(`attachment subject type "${type}" must be snake_case`);
  const existing = subjects.get(type);
  if (existing && existing !== def && existing.find !== def.find) throw new Error(`attachment subject type "${type}" is registered twice`);
  AttachmentLimits.parse(def.limits.value);
  registerRuleKey(limitsRuleKey(type), AttachmentLimits, {
    vi: `Loại tệp và dung lượng tối đa của tài liệu đính kèm ${def.label.vi}, theo loại tài liệu`,
    en: `File types and largest size of the files attached to ${def.label.en}, per kind`,
  });
  subjects.set(type, def);
}

export const attachmentSubject = (type: string): AttachmentSubject | undefined => subjects.get(type);

export const registeredAttachmentSubjects = (): [string, AttachmentSubject][] => [...subjects].sort(([a], [b]) => a.localeCompare(b));
