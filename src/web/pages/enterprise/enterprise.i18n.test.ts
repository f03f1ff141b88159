import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import { tasksVi } from '../../i18n/tasks.vi.ts';
import { flatten, placeholders, type Tree } from '../../i18n/i18n-tree.ts';
import { enterpriseEn } from './enterprise.en.ts';
import { enterpriseVi } from './enterprise.vi.ts';

describe("the enterprise pages' UI strings", () => {
  const viKeys = flatten(enterpriseVi as unknown as Tree);
  const enKeys = flatten(enterpriseEn as unknown as Tree);

  it('has every key in both languages, no empty text, the same placeholders', () => {
    expect([...enKeys.keys()].filter((k) => !viKeys.has(k))).toEqual([]);
    expect([...viKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    for (const [key, text] of [...viKeys, ...enKeys]) expect(text.trim(), key).not.toBe('');
    for (const [key, text] of viKeys) expect(placeholders(enKeys.get(key)!), key).toEqual(placeholders(text));
  });

  it('does not shadow a top-level section of the other string tables (they are merged side by side)', () => {
    for (const k of Object.keys(enterpriseVi)) {
      expect(Object.keys(vi)).not.toContain(k);
      expect(Object.keys(en)).not.toContain(k);
      expect(Object.keys(tasksVi)).not.toContain(k);
    }
  });
});
