import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles.ts';
import { ORG_KINDS } from '../../shared/schemas/organizations.ts';
import { ACADEMIC_TITLES, DEGREES } from '../../shared/schemas/people.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';
import { flatten, placeholders, type Tree } from './i18n-tree.ts';


describe('web UI strings', () => {
  const viKeys = flatten(vi as unknown as Tree);
  const enKeys = flatten(en as unknown as Tree);

  it('has every key in both languages', () => {
    expect([...enKeys.keys()].filter((k) => !viKeys.has(k))).toEqual([]);
    expect([...viKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('has no empty text', () => {
    for (const [key, text] of [...viKeys, ...enKeys]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of viKeys) expect(placeholders(enKeys.get(key)!), key).toEqual(placeholders(text));
  });

  it('covers the Vietnamese menu the users know', () => {
    expect(vi.menu).toMatchObject({ dashboard: 'Tổng quan', organizations: 'Tổ chức', people: 'Chuyên gia', audit: 'Nhật ký' });
    expect(en.menu.organizations).toBe('Organisations');
  });

  it('names every role, organisation kind, degree and academic title of the shared schemas', () => {
    for (const strings of [vi, en]) {
      expect(Object.keys(strings.roles).sort()).toEqual([...ROLES].sort());
      expect(Object.keys(strings.org.kinds).sort()).toEqual([...ORG_KINDS].sort());
      expect(Object.keys(strings.person.degrees).sort()).toEqual([...DEGREES].sort());
      expect(Object.keys(strings.person.titles).sort()).toEqual([...ACADEMIC_TITLES].sort());
    }
  });
});
