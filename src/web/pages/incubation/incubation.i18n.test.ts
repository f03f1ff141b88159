import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import { tasksVi } from '../../i18n/tasks.vi.ts';
import { expectParallelTables } from '../../i18n/parallel-tables.testing.ts';
import { REPLICATION_SOURCE_KINDS } from '../../../shared/schemas/replications.ts';
import { REPLICATION_SOURCE_LABELS } from '../../../shared/labels/replications.ts';
import { incubationEn } from './incubation.en.ts';
import { incubationVi } from './incubation.vi.ts';

describe("the incubation and replicated-model pages' UI strings", () => {
  it('has every key in both languages, no empty text, the same placeholders', () => {
    expectParallelTables(incubationVi, incubationEn);
  });

  it('does not shadow a top-level section of the other string tables (they are merged side by side)', () => {
    for (const k of Object.keys(incubationVi)) {
      expect(Object.keys(vi)).not.toContain(k);
      expect(Object.keys(en)).not.toContain(k);
      expect(Object.keys(tasksVi)).not.toContain(k);
    }
  });

  it('names every source kind as the shared labels do', () => {
    for (const k of REPLICATION_SOURCE_KINDS) {
      expect(incubationVi.replication.sources[k]).toBe(REPLICATION_SOURCE_LABELS[k].vi);
      expect(incubationEn.replication.sources[k]).toBe(REPLICATION_SOURCE_LABELS[k].en);
    }
  });
});
