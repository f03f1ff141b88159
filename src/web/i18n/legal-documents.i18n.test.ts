import { describe, expect, it } from 'vitest';
import { LEGAL_DOC_TYPES, LEGAL_RELATION_KINDS, LEGAL_SCOPES } from '../../shared/schemas/legal-documents.ts';
import { en } from './en.ts';
import { legalDocumentsEn } from './legal-documents.en.ts';
import { legalDocumentsVi } from './legal-documents.vi.ts';
import { tasksVi } from './tasks.vi.ts';
import { vi } from './vi.ts';
import { expectParallelTables } from './parallel-tables.testing.ts';

describe('legal-document pages UI strings', () => {
  it('has every key in both languages, no empty text, the same placeholders', () => {
    expectParallelTables(legalDocumentsVi, legalDocumentsEn);
  });

  it('does not shadow a top-level section of the other string tables (they are merged side by side)', () => {
    for (const k of Object.keys(legalDocumentsVi)) {
      expect(Object.keys(vi)).not.toContain(k);
      expect(Object.keys(en)).not.toContain(k);
      expect(Object.keys(tasksVi)).not.toContain(k);
    }
  });

  it('names every type, relation (both ways) and scope', () => {
    for (const s of [legalDocumentsVi, legalDocumentsEn]) {
      expect(Object.keys(s.legalDoc.types).sort()).toEqual([...LEGAL_DOC_TYPES].sort());
      expect(Object.keys(s.legalDoc.relationKinds).sort()).toEqual([...LEGAL_RELATION_KINDS].sort());
      expect(Object.keys(s.legalDoc.relationInverse).sort()).toEqual([...LEGAL_RELATION_KINDS].sort());
      expect(Object.keys(s.legalDoc.scopes).sort()).toEqual([...LEGAL_SCOPES].sort());
    }
  });
});
