import { describe, expect, it } from 'vitest';
import { expectParallelTables } from '../../i18n/parallel-tables.testing.ts';
import { fill, supportText } from './support.text.ts';

describe("the support pages' UI strings", () => {
  it('has every key in both languages, no empty text, the same placeholders', () => {
    expectParallelTables(supportText.vi, supportText.en);
  });

  it('fills placeholders', () => {
    expect(fill(supportText.vi.panel.counterpartRule, { share: '50%' })).toBe('Tổ chức tự chi trả ít nhất 50% tổng kinh phí.');
    expect(fill(supportText.en.ranking.prepared, { count: 3 })).toBe('Council updated: 3 applications added.');
  });
});
