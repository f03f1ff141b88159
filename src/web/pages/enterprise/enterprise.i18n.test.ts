import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import { tasksVi } from '../../i18n/tasks.vi.ts';
import { expectParallelTables } from '../../i18n/parallel-tables.testing.ts';
import { enterpriseEn } from './enterprise.en.ts';
import { enterpriseVi } from './enterprise.vi.ts';

describe("the enterprise pages' UI strings", () => {
  it('has every key in both languages, no empty text, the same placeholders', () => {
    expectParallelTables(enterpriseVi, enterpriseEn);
  });

  it('does not shadow a top-level section of the other string tables (they are merged side by side)', () => {
    for (const k of Object.keys(enterpriseVi)) {
      expect(Object.keys(vi)).not.toContain(k);
      expect(Object.keys(en)).not.toContain(k);
      expect(Object.keys(tasksVi)).not.toContain(k);
    }
  });
});
