/** How administrative unit names are written: the type word that starts them, and a key for comparing spellings. */
import type { AdminUnitKind, AdminUnitLevel } from '../../../shared/schemas/admin-units.ts';

/** The type word a name starts with, and the kind it tells, per level. */
export const NAME_PREFIXES: Record<AdminUnitLevel, readonly (readonly [string, AdminUnitKind])[]> = {
  province: [['Tỉnh ', 'province'], ['Thành phố ', 'municipality']],
  district: [['Huyện ', 'rural_district'], ['Quận ', 'urban_district'], ['Thị xã ', 'town'], ['Thành phố ', 'city']],
  commune: [['Xã ', 'commune'], ['Phường ', 'ward'], ['Thị trấn ', 'township'], ['Đặc khu ', 'special_zone']],
};

/** The kind a unit's name starts with (`Phường Khánh Hậu` → ward); throws when the name has no known type word. */
export function kindFromName(level: 'district' | 'commune', name: string): AdminUnitKind {
  const hit = NAME_PREFIXES[level].find(([prefix]) => name.startsWith(prefix));
  if (!hit) throw new Error(`admin units: cannot tell the kind of ${level} "${name}"`);
  return hit[1];
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A name key that ignores case and where a tone mark sits (Hoà = Hòa, Thuỷ = Thủy) but keeps every letter and
 * tone: unlike fold(), it keeps Xã Hoằng Đồng and Xã Hoằng Đông (two communes of one district) apart.
 */
export function nameKey(name: string): string {
  return name.normalize('NFD').toLowerCase().trim().split(/\s+/).map((word) => {
    const tones = (word.match(TONE_MARKS) ?? []).join('');
    return word.replace(TONE_MARKS, '').normalize('NFC') + tones;
  }).join(' ');
}
