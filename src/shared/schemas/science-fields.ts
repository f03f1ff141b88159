import { z } from 'zod';

/**
 * A field of science and technology (lĩnh vực nghiên cứu KH&CN): level 1 has a one-digit code (`1` Khoa học tự
 * nhiên), level 2 three digits starting with its parent's code (`101` Toán học và thống kê), levels 3 and 4 five
 * and seven digits when loaded.
 */
export const ScienceFieldCode = z.string().trim().regex(/^\d{1,7}$/);

export const ScienceField = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int().min(1).max(4),
  nameVi: z.string(),
  nameEn: z.string(),
});
export type ScienceField = z.infer<typeof ScienceField>;

/** A field with its sub-fields, for pickers that show the classification as a tree. */
export interface ScienceFieldNode extends ScienceField {
  children: ScienceFieldNode[];
}
export const ScienceFieldNode: z.ZodType<ScienceFieldNode> = ScienceField.extend({
  get children() {
    return z.array(ScienceFieldNode);
  },
});

export const ScienceFieldQuery = z.object({
  /** `flat` (default): every field in code order, each with its parentCode; `tree`: level-1 fields with children. */
  shape: z.enum(['flat', 'tree']).default('flat'),
  /** Only fields down to this level (1 = the six broad fields). */
  maxLevel: z.coerce.number().int().min(1).max(4).optional(),
});
export type ScienceFieldQuery = z.infer<typeof ScienceFieldQuery>;

export const ScienceFieldList = z.object({ items: z.array(ScienceField) });
export const ScienceFieldTree = z.object({ items: z.array(ScienceFieldNode) });
