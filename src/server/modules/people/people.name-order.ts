/**
 * Vietnamese order of personal names. A Vietnamese name is written family name, middle names, given name
 * (Nguyễn Thị Bích Thảo), and lists of people are ordered by the given name (tên) first, then by the family and
 * middle names (họ đệm): Lê Văn An, Trần Thị Anh, Phạm Thị Ánh, Hoàng Văn Bình. Each part is compared with the
 * Vietnamese collation of src/lib/vi/collate.ts (letters, then tones, then case).
 */
import { sortKey } from '../../../lib/vi/collate.ts';

/** Splits a full name into the given name (the last word) and the family and middle names before it. */
export function splitVietnameseName(fullName: string): { givenName: string; familyAndMiddle: string } {
  const words = fullName.trim().split(/\s+/u).filter(Boolean);
  return { givenName: words.at(-1) ?? '', familyAndMiddle: words.slice(0, -1).join(' ') };
}

/**
 * Sort key of a person's name: the given name's full key, then the family and middle names' key. Two keys of
 * different given names differ before the separator, so the family name only breaks ties between equal given names.
 */
export function personSortKey(fullName: string): string {
  const { givenName, familyAndMiddle } = splitVietnameseName(fullName);
  return `${sortKey(givenName)}\u0001\u0001${sortKey(familyAndMiddle)}`;
}
