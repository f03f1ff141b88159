import { describe, expect, it } from 'vitest';
import { changesOf, idsOf, presentEntry, type StoredEntry, type Vocabulary } from './audit.present.ts';

const TASK = '11111111-1111-4111-8111-111111111111';
const ORG = '22222222-2222-4222-8222-222222222222';
const GONE = '33333333-3333-4333-8333-333333333333';

const vocabulary: Vocabulary = {
  names: new Map([[TASK, 'Ứng dụng IoT giám sát nước'], [ORG, 'Viện Cây ăn quả miền Nam']]),
  scienceFields: new Map([['401', { vi: 'Trồng trọt', en: 'Crop science' }]]),
  stages: new Map([['proposal', { vi: 'Đề xuất nhiệm vụ', en: 'Proposal' }], ['approval', { vi: 'Phê duyệt', en: 'Approval' }]]),
  actions: new Map([['approve', { vi: 'Phê duyệt danh mục', en: 'Approve the list' }]]),
  documents: new Map([['decision', { vi: 'Quyết định phê duyệt', en: 'Approval decision' }]]),
  fields: new Map(),
};

const entry = (o: Partial<StoredEntry>): StoredEntry => ({
  id: 1, at: new Date('2026-11-30T18:30:00Z'), actorId: null, actorName: 'Cán bộ', action: 'update', entity: 'task',
  entityId: TASK, before: null, after: null, requestId: null, ...o,
});
const after = (e: StoredEntry, field: string) => changesOf(e, vocabulary).find((c) => c.field === field)?.after;

describe('an audit entry in words', () => {
  it('names a transition by the workflow\'s own action and stage names, in Vietnam time', () => {
    const e = presentEntry(entry({ action: 'transition', before: { stage: 'proposal' }, after: { stage: 'approval', action: 'approve', ruleVersionId: GONE } }), vocabulary);
    expect(e.actionLabel).toEqual({ vi: 'Chuyển bước: Phê duyệt danh mục', en: 'Moved to a new stage: Approve the list' });
    expect(e.subjectName).toBe('Ứng dụng IoT giám sát nước');
    expect(e.atText).toEqual({ vi: '01/12/2026 01:30', en: '1 Dec 2026 01:30' });
    expect(e.changes.map((c) => c.field)).toEqual(['stage', 'action']);
    expect(e.changes[0]).toMatchObject({ before: { en: 'Proposal' }, after: { vi: 'Phê duyệt' } });
  });

  it.each([
    ['a number', 'stateBudget', 1625.5, { vi: '1.625,5', en: '1,625.5' }],
    ['a year', 'year', 2026, { vi: '2026', en: '2026' }],
    ['a date', 'endDate', '2026-12-01', { vi: '01/12/2026', en: '1 Dec 2026' }],
    ['a yes/no', 'isStEnterprise', false, { vi: 'Không', en: 'No' }],
    ['a coded value', 'level', 'provincial', { vi: 'Cấp tỉnh', en: 'Provincial' }],
    ['a science field', 'scienceField', '401', { vi: '401 Trồng trọt', en: '401 Crop science' }],
    ['a record by its name', 'hostOrganizationId', ORG, { vi: 'Viện Cây ăn quả miền Nam', en: 'Viện Cây ăn quả miền Nam' }],
    ['a record no longer there', 'previousTaskId', GONE, { vi: '(không còn trong hệ thống)', en: '(no longer in the system)' }],
    ['a text stored in both languages', 'scale', { vi: 'cấp tỉnh', en: 'provincial' }, { vi: 'cấp tỉnh', en: 'provincial' }],
  ])('writes %s in both languages', (_what, field, value, text) => {
    expect(after(entry({ before: {}, after: { [field]: value } }), field)).toEqual(text);
  });

  it('writes a list of records one per line, with labelled fields and coded values', () => {
    const funding = after(entry({ after: { funding: [{ year: 2025, stateBudget: 380, counterpart: 280 }] } }), 'funding');
    expect(funding).toEqual({ vi: 'Năm: 2025; Ngân sách nhà nước: 380; Kinh phí đối ứng: 280', en: 'Year: 2025; State budget: 380; Counterpart funding: 280' });
    const members = after(entry({ after: { members: [{ personId: GONE, fullName: 'Lê Quang Vinh', role: 'key_member' }, { personId: GONE, fullName: 'Trần Thu', role: 'member' }] } }), 'members');
    expect(members?.vi).toBe('Chuyên gia: Lê Quang Vinh; Vai trò: Thành viên chính\nChuyên gia: Trần Thu; Vai trò: Thành viên');
  });

  it('writes a rule frozen in a record by its citation, in English where the words are known', () => {
    const rules = after(entry({ entity: 'council', after: { rules: { passRule: { legalBasis: 'Thông tư 08/2017/TT-BKHCN (mẫu phiếu đánh giá)', effectiveFrom: '2017-08-10', value: { minAverage: 70 } } } } }), 'rules');
    expect(rules?.en).toBe('Pass rule: Circular 08/2017/TT-BKHCN (evaluation sheet template) (in force from 10 Aug 2017)');
    expect(rules?.vi).toBe('Điều kiện đạt: Thông tư 08/2017/TT-BKHCN (mẫu phiếu đánh giá) (áp dụng từ 10/08/2017)');
  });

  it('leaves out bookkeeping and the name companions of ids, and fields that only look changed', () => {
    const e = entry({
      before: { version: 1, updatedAt: 'x', organizationId: ORG, organizationName: 'Viện Cây ăn quả miền Nam', documents: [] },
      after: { version: 2, updatedAt: 'y', organizationId: null, organizationName: null, documents: undefined },
    });
    expect(changesOf(e, vocabulary).map((c) => c.field)).toEqual(['organizationId']);
  });

  it('labels an unknown action, entity and field from its key', () => {
    const e = presentEntry(entry({ action: 'plan_approve', entity: 'grant_call', after: { targetValue: 3 } }), vocabulary);
    expect(e.actionLabel.en).toBe('Plan approve');
    expect(e.entityLabel.vi).toBe('Grant call');
    expect(e.changes[0].label.en).toBe('Target value');
  });

  it('collects the ids an entry names, at any depth, for one lookup', () => {
    expect(idsOf(entry({ after: { hostOrganizationId: ORG, members: [{ personId: GONE }], note: TASK } })).sort()).toEqual([TASK, ORG, GONE].sort());
  });
});
