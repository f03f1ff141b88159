import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-diff.ts';

const org = {
  id: 'a1', kind: 'enterprise', name: 'Công ty TNHH Đức Huệ', phone: '0272 3826 111', adminUnitId: 'u1',
  adminUnitName: 'Xã Đức Huệ', note: null, version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

describe('changedFields', () => {
  it('lists only the fields an update changed, without bookkeeping columns', () => {
    const after = { ...org, phone: '0272 3999 888', version: 2, updatedAt: '2026-01-02T00:00:00Z' };
    expect(changedFields(org, after)).toEqual([{ field: 'phone', before: '0272 3826 111', after: '0272 3999 888' }]);
  });

  it('shows a moved unit by its name, not its id', () => {
    const after = { ...org, adminUnitId: 'u2', adminUnitName: 'Phường Tân An' };
    expect(changedFields(org, after)).toEqual([{ field: 'adminUnitName', before: 'Xã Đức Huệ', after: 'Phường Tân An' }]);
  });

  it('lists the filled fields of a create (before is null) and a delete (after is null)', () => {
    const fields = (cs: { field: string }[]) => cs.map((c) => c.field).sort();
    expect(fields(changedFields(null, org))).toEqual(['adminUnitName', 'kind', 'name', 'phone']);
    expect(fields(changedFields(org, null))).toEqual(['adminUnitName', 'kind', 'name', 'phone']);
  });

  it('finds no change in a no-op update', () => {
    expect(changedFields(org, { ...org, version: 2 })).toEqual([]);
  });
});
