import { describe, expect, it } from 'vitest';
import { COUNCIL_KINDS, COUNCIL_STATUSES, MEMBER_ROLES as COUNCIL_ROLES } from '../../shared/schemas/councils.ts';
import {
  ACCEPTANCE_RATINGS, ASSIGNMENT_MODES, DISBURSEMENT_SOURCES, FUNDING_MODES, MEMBER_ROLES, PARTICIPANT_ROLES, PRODUCT_KINDS, PRODUCT_STATUSES,
  PROGRESS_KINDS, TASK_LEVELS, TASK_TYPES,
} from '../../shared/schemas/tasks.ts';
import { en } from './en.ts';
import { tasksEn } from './tasks.en.ts';
import { tasksVi } from './tasks.vi.ts';
import { vi } from './vi.ts';
import { flatten, placeholders, type Tree } from './i18n-tree.ts';


describe('task pages UI strings', () => {
  const viKeys = flatten(tasksVi as unknown as Tree);
  const enKeys = flatten(tasksEn as unknown as Tree);

  it('has every key in both languages, no empty text, the same placeholders', () => {
    expect([...enKeys.keys()].filter((k) => !viKeys.has(k))).toEqual([]);
    expect([...viKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    for (const [key, text] of [...viKeys, ...enKeys]) expect(text.trim(), key).not.toBe('');
    for (const [key, text] of viKeys) expect(placeholders(enKeys.get(key)!), key).toEqual(placeholders(text));
  });

  it('does not shadow a top-level section of the app strings (they are merged side by side)', () => {
    for (const k of Object.keys(tasksVi)) {
      expect(Object.keys(vi)).not.toContain(k);
      expect(Object.keys(en)).not.toContain(k);
    }
  });

  it('names every coded value of the shared schemas', () => {
    for (const s of [tasksVi, tasksEn]) {
      expect(Object.keys(s.task.types).sort()).toEqual([...TASK_TYPES].sort());
      expect(Object.keys(s.task.levels).sort()).toEqual([...TASK_LEVELS].sort());
      expect(Object.keys(s.task.assignmentModes).sort()).toEqual([...ASSIGNMENT_MODES].sort());
      expect(Object.keys(s.task.fundingModes).sort()).toEqual([...FUNDING_MODES].sort());
      expect(Object.keys(s.task.memberRoles).sort()).toEqual([...MEMBER_ROLES].sort());
      expect(Object.keys(s.task.productKinds).sort()).toEqual([...PRODUCT_KINDS].sort());
      expect(Object.keys(s.task.productStatuses).sort()).toEqual([...PRODUCT_STATUSES].sort());
      expect(Object.keys(s.task.ratings).sort()).toEqual([...ACCEPTANCE_RATINGS].sort());
      expect(Object.keys(s.task.progressKinds).sort()).toEqual([...PROGRESS_KINDS].sort());
      expect(Object.keys(s.task.participantRoles).sort()).toEqual([...PARTICIPANT_ROLES].sort());
      expect(Object.keys(s.task.disbursementSources).sort()).toEqual([...DISBURSEMENT_SOURCES].sort());
      expect(Object.keys(s.council.kinds).sort()).toEqual([...COUNCIL_KINDS].sort());
      expect(Object.keys(s.council.statuses).sort()).toEqual([...COUNCIL_STATUSES].sort());
      expect(Object.keys(s.council.roles).sort()).toEqual([...COUNCIL_ROLES].sort());
    }
    expect(tasksVi.taskMenu).toMatchObject({ tasks: 'Nhiệm vụ KH&CN', myCouncils: 'Hội đồng của tôi', stageTiming: 'Theo dõi tiến độ' });
  });
});
