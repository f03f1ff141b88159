import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import { expectParallelTables } from '../../i18n/parallel-tables.testing.ts';
import { PROGRAMME_KINDS, CALL_STATUSES, APPLICATION_DOCUMENT_KINDS, FIELD_KINDS } from '../../../shared/schemas/programmes.ts';
import { programmesEn } from './programmes.en.ts';
import { programmesVi } from './programmes.vi.ts';

describe("the programmes pages' UI strings", () => {
  it('has every key in both languages, no empty text, the same placeholders', () => {
    expectParallelTables(programmesVi, programmesEn);
  });
  it('names every kind, status, document kind and field kind', () => {
    expect(Object.keys(programmesVi.programmes.kinds).sort()).toEqual([...PROGRAMME_KINDS].sort());
    expect(Object.keys(programmesVi.programmes.callStatus).sort()).toEqual([...CALL_STATUSES].sort());
    expect(Object.keys(programmesVi.programmes.docKinds).sort()).toEqual([...APPLICATION_DOCUMENT_KINDS].sort());
    expect(Object.keys(programmesVi.programmes.builder.kinds).sort()).toEqual([...FIELD_KINDS].sort());
  });
  it('does not shadow a top-level section of the other string tables', () => {
    expect(Object.keys(vi)).not.toContain('programmes');
    expect(Object.keys(en)).not.toContain('programmes');
  });
});
