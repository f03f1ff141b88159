/** For the UI-string tests: a page group's Vietnamese and English tables have the same keys, no empty text, and the same placeholders. */
import { expect } from 'vitest';
import { flatten, placeholders, type Tree } from './i18n-tree.ts';

export function expectParallelTables(viTable: object, enTable: object) {
  const viKeys = flatten(viTable as Tree);
  const enKeys = flatten(enTable as Tree);
  expect([...enKeys.keys()].filter((k) => !viKeys.has(k))).toEqual([]);
  expect([...viKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  for (const [key, text] of [...viKeys, ...enKeys]) expect(text.trim(), key).not.toBe('');
  for (const [key, text] of viKeys) expect(placeholders(enKeys.get(key)!), key).toEqual(placeholders(text));
}
