import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import { tasksVi } from '../../i18n/tasks.vi.ts';
import { expectParallelTables } from '../../i18n/parallel-tables.testing.ts';
import { indicatorsEn } from './indicators.en.ts';
import { indicatorsVi } from './indicators.vi.ts';

describe("the indicator pages' UI strings", () => {
  it('has every key in both languages, no empty text, the same placeholders', () => {
    expectParallelTables(indicatorsVi, indicatorsEn);
  });

  it('does not shadow a top-level section of the other string tables (they are merged side by side)', () => {
    for (const k of Object.keys(indicatorsVi)) {
      expect(Object.keys(vi)).not.toContain(k);
      expect(Object.keys(en)).not.toContain(k);
      expect(Object.keys(tasksVi)).not.toContain(k);
    }
  });
});
