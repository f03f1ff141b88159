import { describe, expect, it } from 'vitest';
import { definitionProblems, WorkflowDefinition } from '../../../shared/schemas/workflow.ts';
import type { Role } from '../../../shared/roles.ts';
import { allowedTransitions, checkTransition, initialStage, isEmptyValue, stageCapabilities } from './workflow.engine.ts';
import { exampleGrantWorkflow } from './workflow.example.ts';

const def = WorkflowDefinition.parse(exampleGrantWorkflow);
const complete = { title: 'Máy sấy hồi nhiệt sấy hoa hồi', hostOrganizationId: 'c0ffee00-0000-4000-8000-000000000001' };

describe('checkTransition', () => {
  const cases: {
    name: string; stage: string; role: Role; action: string; documents?: string[]; fields?: Record<string, unknown>;
    expected: { ok: boolean; to?: string; reason?: string; missing?: string[]; missingFields?: string[] };
  }[] = [
    { name: 'submit with everything', stage: 'draft', role: 'applicant', action: 'submit', documents: ['application_form'], fields: complete,
      expected: { ok: true, to: 'submitted' } },
    { name: 'the officer may submit too', stage: 'draft', role: 'dost_officer', action: 'submit', documents: ['application_form', 'other'], fields: complete,
      expected: { ok: true, to: 'submitted' } },
    { name: 'action not leaving this stage', stage: 'draft', role: 'leader', action: 'approve',
      expected: { ok: false, reason: 'not_allowed_from_stage' } },
    { name: 'unknown action', stage: 'draft', role: 'applicant', action: 'teleport',
      expected: { ok: false, reason: 'not_allowed_from_stage' } },
    { name: 'unknown stage', stage: 'nowhere', role: 'applicant', action: 'submit',
      expected: { ok: false, reason: 'not_allowed_from_stage' } },
    { name: 'nothing leaves a terminal stage', stage: 'approved', role: 'leader', action: 'reject',
      expected: { ok: false, reason: 'not_allowed_from_stage' } },
    { name: 'wrong role names who may', stage: 'reviewed', role: 'dost_officer', action: 'approve', documents: ['approval_decision'],
      expected: { ok: false, reason: 'role', missing: ['leader'] } },
    { name: 'role is checked before documents', stage: 'draft', role: 'reviewer', action: 'submit',
      expected: { ok: false, reason: 'role', missing: ['applicant', 'dost_officer'] } },
    { name: 'missing document', stage: 'reviewed', role: 'leader', action: 'approve', documents: ['appraisal_report'],
      expected: { ok: false, reason: 'missing_documents', missing: ['approval_decision'] } },
    { name: 'missing documents and fields together', stage: 'draft', role: 'applicant', action: 'submit', fields: { title: '  ' },
      expected: { ok: false, reason: 'missing_documents', missing: ['application_form'], missingFields: ['title', 'hostOrganizationId'] } },
    { name: 'missing field only', stage: 'draft', role: 'applicant', action: 'submit', documents: ['application_form'], fields: { ...complete, hostOrganizationId: null },
      expected: { ok: false, reason: 'missing_fields', missing: ['hostOrganizationId'] } },
    { name: 'a transition from several stages (1)', stage: 'submitted', role: 'dost_officer', action: 'return',
      expected: { ok: true, to: 'draft' } },
    { name: 'a transition from several stages (2)', stage: 'reviewed', role: 'dost_officer', action: 'return',
      expected: { ok: true, to: 'draft' } },
    { name: 'a rejected proposal can be proposed again', stage: 'rejected', role: 'applicant', action: 'revise',
      expected: { ok: true, to: 'draft' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = checkTransition(def, { stage: c.stage, role: c.role, action: c.action, documents: c.documents ?? [], fields: c.fields ?? {} });
      expect(r).toMatchObject(c.expected);
      if (!r.ok && c.expected.missingFields === undefined) expect(r.missingFields).toBeUndefined();
    });
  }
});

describe('allowedTransitions and the initial stage', () => {
  const cases: [string, Role, string[]][] = [
    ['draft', 'applicant', ['submit']],
    ['submitted', 'dost_officer', ['review', 'return']],
    ['reviewed', 'leader', ['approve', 'reject']],
    ['reviewed', 'applicant', []],
    ['approved', 'leader', []],
  ];
  for (const [stage, role, actions] of cases) {
    it(`${role} at ${stage}: ${actions.join(', ') || 'nothing'}`, () => {
      expect(allowedTransitions(def, { stage, role }).map((t) => t.action)).toEqual(actions);
    });
  }
  it('starts at the first stage', () => expect(initialStage(def).key).toBe('draft'));
});

describe('isEmptyValue', () => {
  const cases: [unknown, boolean][] = [
    [null, true], [undefined, true], ['', true], ['   ', true], [[], true], [{}, true], [Number.NaN, true],
    ['Đạt', false], [0, false], [false, false], [['x'], false], [{ a: 1 }, false], [new Date(0), false],
  ];
  for (const [v, empty] of cases) it(`${JSON.stringify(v) ?? String(v)} → ${empty}`, () => expect(isEmptyValue(v)).toBe(empty));
});

describe('definition validation', () => {
  const stage = (key: string, terminal?: boolean) => ({ key, name: { vi: key, en: key }, ...(terminal ? { terminal } : {}) });
  const t = (action: string, from: string[], to: string) => ({ action, from, to, roles: ['dost_officer' as const] });
  const cases: { name: string; def: unknown; problems: [string, string][] }[] = [
    { name: 'the example is valid', def: exampleGrantWorkflow, problems: [] },
    { name: 'undeclared target stage', def: { stages: [stage('a')], transitions: [t('go', ['a'], 'b')] },
      problems: [['transitions.0.to', 'workflow.definition.unknown_stage']] },
    { name: 'undeclared source stage', def: { stages: [stage('a'), stage('b')], transitions: [t('go', ['a', 'x'], 'b')] },
      problems: [['transitions.0.from.1', 'workflow.definition.unknown_stage']] },
    { name: 'duplicate stage', def: { stages: [stage('a'), stage('a')], transitions: [] },
      problems: [['stages.1.key', 'workflow.definition.duplicate_stage']] },
    { name: 'leaving a terminal stage', def: { stages: [stage('a'), stage('b', true)], transitions: [t('back', ['b'], 'a')] },
      problems: [['transitions.0.from.0', 'workflow.definition.from_terminal']] },
    { name: 'a self loop', def: { stages: [stage('a')], transitions: [t('stay', ['a'], 'a')] },
      problems: [['transitions.0.from.0', 'workflow.definition.self_loop']] },
    { name: 'one action with two targets from a stage', def: { stages: [stage('a'), stage('b'), stage('c')], transitions: [t('go', ['a'], 'b'), t('go', ['a'], 'c')] },
      problems: [['transitions.1.action', 'workflow.definition.duplicate_action']] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = WorkflowDefinition.safeParse(c.def);
      const got = r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
      expect(got).toEqual(c.problems);
    });
  }
  it('refuses an unknown role and an empty stage list by shape', () => {
    expect(WorkflowDefinition.safeParse({ stages: [], transitions: [] }).success).toBe(false);
    const badRole = { stages: [stage('a'), stage('b')], transitions: [{ action: 'go', from: ['a'], to: 'b', roles: ['janitor'] }] };
    expect(WorkflowDefinition.safeParse(badRole).error?.issues[0].path).toEqual(['transitions', 0, 'roles', 0]);
  });
  it('definitionProblems carries the values for the message', () => {
    expect(definitionProblems({ stages: [stage('a')], transitions: [t('go', ['a'], 'zz')] })[0].params).toEqual({ stage: 'zz' });
  });
});

describe('stageCapabilities', () => {
  const withOwn = WorkflowDefinition.parse({
    ...exampleGrantWorkflow,
    stages: exampleGrantWorkflow.stages.map((st) => (st.key === 'submitted' ? { ...st, capabilities: { allows: ['comment'], pausable: true } } : st)),
  });
  const defaults = { draft: { allows: ['edit'] }, submitted: { allows: ['ignored'] }, approved: { public: true, closes: false } };
  it.each([
    ['a stage\'s own capabilities, over the defaults', 'submitted', { allows: ['comment'], public: false, closes: false, pausable: true }],
    ['the registered default for a stage without its own', 'draft', { allows: ['edit'], public: false, closes: false, pausable: false }],
    ['a default may keep a terminal stage open', 'approved', { allows: [], public: true, closes: false, pausable: false }],
    ['nothing, for a stage with neither', 'reviewed', { allows: [], public: false, closes: false, pausable: false }],
    ['an unknown stage allows nothing and closes nothing', 'archived', { allows: [], public: false, closes: false, pausable: false }],
  ])('%s', (_why, stage, expected) => {
    expect(stageCapabilities(withOwn, stage, defaults)).toEqual(expected);
  });
  it('closes a terminal stage without capabilities or defaults', () => {
    expect(stageCapabilities(def, 'approved').closes).toBe(true);
    expect(stageCapabilities(def, 'rejected').closes).toBe(false);
  });
});
