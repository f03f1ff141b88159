/** The generated demo history (pure): deterministic, on working days, every group of stays holding two tasks or more. */
import { describe, expect, it } from 'vitest';
import { isWorkingDay, type WorkingCalendar } from '../../lib/vi/working-days.ts';
import type { WorkflowDefinition } from '../../shared/schemas/workflow.ts';
import { TASK_WORKFLOW_VERSIONS } from '../modules/tasks/tasks.workflow.ts';
import { BASES_PER_PROVINCE, GENERATED_CODE_PREFIX, GENERATED_NOTE, GENERATED_TITLE_PREFIX, HISTORY_UNTIL, generateHistory, stayGroups } from './history-data.ts';
import { historyProvinces, realHistories } from './history.ts';

const [law2013, law2025] = TASK_WORKFLOW_VERSIONS.map((v) => v.value as WorkflowDefinition);
const definition = (_tenant: string, regimeDate: string) => (regimeDate >= '2025-10-01' ? law2025 : law2013);
/** Weekends and a Tết holiday every year (the real calendars come from the rules; this is enough to check the days). */
const calendar: WorkingCalendar = {
  weekend: [0, 6],
  holidays: Array.from({ length: 10 }, (_, i) => 2017 + i).flatMap((y) => [`${y}-02-01`, `${y}-02-02`, `${y}-02-03`, `${y}-09-02`]),
};
const inputs = () => ({ provinces: historyProvinces(), real: realHistories(definition), definition, calendar: () => calendar });

describe('generated demo history', () => {
  it('is the same every time', () => {
    expect(generateHistory(inputs())).toEqual(generateHistory(inputs()));
  });

  it('leaves no group of completed stays (province, year, stage) with a single task', () => {
    const { real } = inputs();
    const generated = generateHistory(inputs());
    expect(real.length).toBeGreaterThan(10);
    expect(generated.length).toBeGreaterThanOrEqual(3 * BASES_PER_PROVINCE);
    const alone = [...stayGroups([...real, ...generated])].filter(([, tasks]) => tasks.length < 2).map(([key]) => key);
    expect(alone).toEqual([]);
    // Without the generated tasks the real ones alone leave many medians on one stay: the companions matter.
    expect([...stayGroups(real)].filter(([, tasks]) => tasks.length < 2).length).toBeGreaterThan(10);
  });

  it('dates every generated stay on a working day, in order, before the end of the history', () => {
    for (const g of generateHistory(inputs())) {
      let previous = g.proposedOn;
      expect(isWorkingDay(g.proposedOn, calendar), `${g.key} proposed ${g.proposedOn}`).toBe(true);
      for (const e of g.events) {
        expect(isWorkingDay(e.on, calendar), `${g.key}: ${e.action} on ${e.on}`).toBe(true);
        expect(e.on >= previous, `${g.key}: ${e.action} on ${e.on} after ${previous}`).toBe(true);
        previous = e.on;
      }
      if (!g.companionOf) expect(previous <= HISTORY_UNTIL, g.key).toBe(true);
    }
  });

  it('takes most tasks to replication, and some end not approved or not accepted, with the matching outcomes', () => {
    const generated = generateHistory(inputs());
    const count = (stage: string) => generated.filter((g) => g.stage === stage).length;
    expect(count('replication')).toBeGreaterThan(generated.length / 2);
    expect(count('not_approved')).toBeGreaterThan(0);
    expect(count('not_accepted')).toBeGreaterThan(0);
    for (const g of generated) {
      if (g.stage === 'replication') expect([g.identificationPassed, g.selectionPassed, ['passed', 'excellent'].includes(g.acceptanceRating ?? '')], g.key).toEqual([true, true, true]);
      if (g.stage === 'not_accepted') expect(g.acceptanceRating, g.key).toBe('failed');
      if (g.stage === 'not_approved' && g.events.at(-1)!.from === 'identification') expect(g.identificationPassed, g.key).toBe(false);
    }
  });

  it('marks each one as generated in its title, code and summary', () => {
    const generated = generateHistory(inputs());
    expect(new Set(generated.map((g) => g.code)).size).toBe(generated.length);
    for (const g of generated) {
      expect(g.title.startsWith(GENERATED_TITLE_PREFIX), g.title).toBe(true);
      expect(g.code.startsWith(GENERATED_CODE_PREFIX), g.code).toBe(true);
      expect(g.summary.startsWith(GENERATED_NOTE), g.summary).toBe(true);
    }
  });
});
