/**
 * The S&T field classification (Bảng phân loại lĩnh vực nghiên cứu KH&CN): reference data loaded by migration
 * 0002_science_fields.sql, the same for every province, readable without signing in.
 */
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import type { ScienceField, ScienceFieldNode, ScienceFieldQuery } from '../../../shared/schemas/science-fields.ts';
import * as repo from './science-fields.repo.ts';

/** Code length of each level: 1 → `1`, 2 → `101`, 3 → `10101`, 4 → `1010101`. */
const CODE_LENGTH = [0, 1, 3, 5, 7] as const;

export function levelOf(code: string): number {
  const level = CODE_LENGTH.indexOf(code.length as (typeof CODE_LENGTH)[number]);
  return level > 0 ? level : 1;
}

const toDto = (r: repo.ScienceFieldRow): ScienceField => ({
  code: r.code, parentCode: r.parentCode, level: levelOf(r.code), nameVi: r.nameVi, nameEn: r.nameEn,
});

/** Every field in code order, each with its parent's code. */
export async function listScienceFields(db: Db | Tx, o: { maxLevel?: number } = {}): Promise<ScienceField[]> {
  const rows = await repo.listAll(db, o.maxLevel ? CODE_LENGTH[o.maxLevel] : undefined);
  return rows.map(toDto);
}

/** The level-1 fields with their sub-fields nested under `children`, in code order at every level. */
export async function scienceFieldTree(db: Db | Tx, o: { maxLevel?: number } = {}): Promise<ScienceFieldNode[]> {
  const fields = await listScienceFields(db, o);
  const nodes = new Map(fields.map((f) => [f.code, { ...f, children: [] as ScienceFieldNode[] }]));
  const roots: ScienceFieldNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function readScienceFields(db: Db, q: ScienceFieldQuery) {
  return { items: q.shape === 'tree' ? await scienceFieldTree(db, q) : await listScienceFields(db, q) };
}
