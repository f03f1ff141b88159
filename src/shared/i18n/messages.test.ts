import { describe, expect, it } from 'vitest';
import { messages, pickLang, translate } from './messages.ts';

describe('messages', () => {
  it('has every key in both Vietnamese and English, with the same placeholders', () => {
    const vi = messages.vi as Record<string, string>;
    const en = messages.en as Record<string, string>;
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(vi)) expect([key, holes(vi[key])]).toEqual([key, holes(en[key])]);
  });

  it('picks the language from Accept-Language, Vietnamese by default', () => {
    expect(pickLang(undefined)).toBe('vi');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('fr-FR, vi;q=0.8')).toBe('vi');
    expect(pickLang('de')).toBe('vi');
  });

  it('fills placeholders and names entities in the chosen language', () => {
    expect(translate('vi', 'common.not_found', { entity: 'organization' })).toBe('Không tìm thấy tổ chức.');
    expect(translate('en', 'common.not_found', { entity: 'organization' })).toBe('Not found: organisation.');
  });
});
