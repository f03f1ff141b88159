import { describe, expect, it } from 'vitest';
import { expectParallelTables } from '../../i18n/parallel-tables.testing.ts';
import { flatten, type Tree } from '../../i18n/i18n-tree.ts';
import { fill, planText } from './plans.text.ts';

/** The `{name}` placeholders of the plan tables' own texts (filled by `fill`). */
const braces = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the plan pages' UI strings", () => {
  it('has every key in both languages, no empty text, the same placeholders', () => {
    expectParallelTables(planText.vi, planText.en);
    const en = flatten(planText.en as unknown as Tree);
    for (const [key, text] of flatten(planText.vi as unknown as Tree)) expect(braces(en.get(key)!), key).toEqual(braces(text));
  });

  it('has the same formatting functions in both languages, each giving text', () => {
    const fns = (t: object, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (
      typeof v === 'function' ? [`${prefix}${k}`] : typeof v === 'object' && v !== null ? fns(v as object, `${prefix}${k}.`) : []));
    expect(fns(planText.en)).toEqual(fns(planText.vi));
    expect(planText.vi.template.written(3)).toBe('Đã ghi 3 dòng báo cáo tiến độ.');
    expect(planText.en.template.written(3)).toBe('3 progress rows recorded.');
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(fill(planText.vi.handover.ended, { unit: 'Huyện Chợ Mới', date: '30/06/2025' })).toBe('Đơn vị chủ trì Huyện Chợ Mới chỉ còn hiệu lực đến hết ngày 30/06/2025.');
    expect(fill('{a} và {b}', { a: 1 })).toBe('1 và {b}');
  });
});
