/**
 * The task workflow as data the rest of the app reads: the stage-timing views apply the tasks policy (no leak of
 * every task's stage to reviewers and unit officers), stage capabilities come from the definition (shipped, or
 * the registered defaults for a definition without them, or written by migration 0042 into stored ones — all
 * three agree), and a province's own definition changes what a stage allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.ts';
import { migrate, migrationFiles } from '../../db/migrate.ts';
import { testEnv, type AuthHeaders, type TestEnv, openEmptyDb } from '../../testing/harness.ts';
import { WorkflowDefinition } from '../../../shared/schemas/workflow.ts';
import type { TaskCreate } from '../../../shared/schemas/tasks.ts';
import { registerModules } from '../index.ts';
import { ensureNationalRules } from '../rules/rules.service.ts';
import { capabilitiesOf } from '../workflow/workflow.service.ts';
import { TASK_STAGE_CAPABILITIES, TASK_WORKFLOW, TASK_WORKFLOW_VERSIONS } from './tasks.workflow.ts';

let env: TestEnv;
let officer: AuthHeaders;
beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
});
afterAll(() => env.close());

const call = (headers: AuthHeaders | undefined, method: 'GET' | 'POST', url: string, payload?: object) =>
  env.app.inject({ method, url, headers, payload });

const proposal = (o: Partial<TaskCreate> = {}): TaskCreate => ({
  title: 'Ứng dụng công nghệ sinh học sản xuất chế phẩm vi sinh xử lý rơm rạ', type: 'research_topic', level: 'provincial',
  scienceField: '4', proposalYear: 2026, proposedOn: '2026-02-01', members: [], funding: [], products: [], ...o,
});

/** A definition as stored before 0042: no stage states its capabilities. */
const withoutCapabilities = (def: WorkflowDefinition): WorkflowDefinition =>
  ({ ...def, stages: def.stages.map(({ capabilities: _c, ...st }) => st) });

describe('stage timing of tasks', () => {
  it('is refused to reviewers and unit officers, as the task list is, and served to the task list\'s readers', async () => {
    await call(officer, 'POST', '/api/tasks', proposal());
    for (const role of ['reviewer', 'unit_officer'] as const) {
      const headers = await env.as(role);
      expect((await call(headers, 'GET', '/api/tasks')).statusCode, `${role} /api/tasks`).toBe(403);
      for (const view of ['current', 'durations']) {
        const res = await call(headers, 'GET', `/api/stage-timing/${view}?subjectType=task`);
        expect(res.statusCode, `${role} ${view}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'auth.forbidden' });
      }
    }
    for (const role of ['dost_officer', 'leader', 'admin'] as const) {
      const res = await call(await env.as(role), 'GET', '/api/stage-timing/current?subjectType=task');
      expect(res.statusCode, role).toBe(200);
      expect(res.json().items.length).toBeGreaterThan(0);
    }
  });
});

describe('stage capabilities of the task workflow', () => {
  it('ships them in every national definition, equal to the defaults registered for definitions without them', () => {
    for (const v of TASK_WORKFLOW_VERSIONS) {
      const shipped = v.value as WorkflowDefinition;
      const bare = withoutCapabilities(shipped);
      for (const st of shipped.stages) {
        expect(capabilitiesOf(TASK_WORKFLOW, bare, st.key), `${v.effectiveFrom} ${st.key}`).toEqual(capabilitiesOf(TASK_WORKFLOW, shipped, st.key));
        expect(st.capabilities).toEqual(TASK_STAGE_CAPABILITIES[st.key as keyof typeof TASK_STAGE_CAPABILITIES]);
      }
    }
    const implementation = capabilitiesOf(TASK_WORKFLOW, TASK_WORKFLOW_VERSIONS[0].value as WorkflowDefinition, 'implementation');
    expect(implementation).toEqual({ allows: ['progress', 'extension'], public: false, closes: false, pausable: false });
  });

  it('follow a province\'s own definition: without "repropose" a refused proposal cannot be proposed again', async () => {
    const admin = await env.as('admin');
    const national = TASK_WORKFLOW_VERSIONS.at(-1)!.value as WorkflowDefinition;
    const own = { ...national, stages: national.stages.map((st) => (st.key === 'not_approved' ? { ...st, capabilities: { closes: true } } : st)) };
    const rule = await call(admin, 'POST', '/api/rules', {
      key: 'workflow.st_task', effectiveFrom: '2027-01-01', legalBasis: 'Quyết định 20/2026/QĐ-UBND của tỉnh (minh họa)', value: own,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const reject = async (proposedOn: string) => {
      const t = (await call(officer, 'POST', '/api/tasks', proposal({ proposedOn, proposalYear: Number(proposedOn.slice(0, 4)) }))).json();
      const r = await call(officer, 'POST', `/api/tasks/${t.id}/transitions`, { action: 'reject', version: t.version });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().stageCapabilities).toMatchObject({ closes: true });
      return r.json();
    };
    const national2026 = await reject('2026-03-01');
    expect(national2026.stageCapabilities.allows).toEqual(['repropose']);
    expect((await call(officer, 'POST', `/api/tasks/${national2026.id}/repropose`, { proposalYear: 2028 })).statusCode).toBe(201);
    const provincial = await reject('2027-02-01');
    const refused = await call(officer, 'POST', `/api/tasks/${provincial.id}/repropose`, { proposalYear: 2028 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('task.repropose_only_not_approved');
  });
});


describe('migration 0042 on a database whose definitions predate capabilities', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openEmptyDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('writes the same capabilities into the stored definitions as the code ships, and audits it', async () => {
    const files = await migrationFiles();
    const mine = files.indexOf('0042_councils_workflow_calendar.sql');
    await migrate(h, { upTo: files[mine - 1] });
    registerModules();
    await ensureNationalRules(h.db, TASK_WORKFLOW_VERSIONS.map((v) => ({ ...v, value: withoutCapabilities(v.value as WorkflowDefinition) })));
    expect(await migrate(h)).toContain('0042_councils_workflow_calendar.sql');
    const stored = await h.query<{ id: string; effective_from: string; value: unknown }>(
      "SELECT id, effective_from::text, value FROM rule_versions WHERE key = 'workflow.st_task' ORDER BY effective_from");
    expect(stored.map((r) => r.effective_from)).toEqual(TASK_WORKFLOW_VERSIONS.map((v) => v.effectiveFrom));
    for (const [i, r] of stored.entries()) {
      expect(WorkflowDefinition.parse(r.value)).toEqual(WorkflowDefinition.parse(TASK_WORKFLOW_VERSIONS[i].value));
    }
    const audit = await h.query<{ entity_id: string; action: string }>("SELECT entity_id, action FROM audit_log WHERE entity = 'rule_version' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['migrate', 'migrate']);
    expect(audit.map((a) => a.entity_id).sort()).toEqual(stored.map((r) => r.id).sort());
    // The guard is back on: stored values are not rewritten again.
    await expect(h.query("UPDATE rule_versions SET value = '{}' WHERE key = 'workflow.st_task'")).rejects.toThrow(/only effective_to may change/);
  });
});
