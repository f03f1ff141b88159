import { describe, expect, it } from 'vitest';
import { ACCOUNT_REQUEST_STATUSES } from '../../shared/schemas/account-requests.ts';
import { accountsEn } from './accounts.en.ts';
import { accountsVi } from './accounts.vi.ts';
import { en } from './en.ts';
import { legalDocumentsVi } from './legal-documents.vi.ts';
import { tasksVi } from './tasks.vi.ts';
import { vi } from './vi.ts';
import { expectParallelTables } from './parallel-tables.testing.ts';

describe('account request pages UI strings', () => {
  it('has every key in both languages, no empty text, the same placeholders', () => {
    expectParallelTables(accountsVi, accountsEn);
  });

  it('does not shadow a top-level section of the other string tables (they are merged side by side)', () => {
    for (const k of Object.keys(accountsVi)) {
      for (const other of [vi, en, tasksVi, legalDocumentsVi]) expect(Object.keys(other)).not.toContain(k);
    }
  });

  it('names every request status', () => {
    for (const s of [accountsVi, accountsEn]) expect(Object.keys(s.accountRequest.statuses).sort()).toEqual([...ACCOUNT_REQUEST_STATUSES].sort());
  });
});
