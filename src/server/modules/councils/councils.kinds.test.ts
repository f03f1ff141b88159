/**
 * A council kind registered by another module — here a test module for an innovation-startup call — is set up,
 * scored on its own sheet, closed and written into minutes with nothing in the councils code knowing it. Its
 * evaluation mode is rule data: a province's own version makes it rate instead.
 */
import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildPerson } from '../../testing/factories.ts';
import { defineModule } from '../module.ts';
import { ScoringSheetRule, type CouncilResults, type MemberRole } from '../../../shared/schemas/councils.ts';
import { ensureNationalRules, registerRuleKey } from '../rules/rules.service.ts';
import { registerCouncilKind } from './councils.kinds.ts';
import { loadCouncilRules } from './councils.rules.ts';
import { registerCouncilSubject } from './councils.subjects.ts';

/** The startup projects of the test module (its own table in a real module). */
const projects = new Map<string, string>();
const closed: { kind: string; evaluation: string; results: CouncilResults }[] = [];
const SHEET_KEY = 'startup.selection_sheet';
const sheet: ScoringSheetRule = {
  criteria: [
    { key: 'innovation', name: { vi: 'Tính đổi mới sáng tạo', en: 'Innovation' }, maxPoints: 40 },
    { key: 'team', name: { vi: 'Năng lực nhóm khởi nghiệp', en: 'Team' }, maxPoints: 30 },
    { key: 'market', name: { vi: 'Khả năng thương mại hóa', en: 'Market potential' }, maxPoints: 30 },
  ],
};

/** What a startup module's manifest would declare: its rule key, its subject type and its council kind. */
const startupModule = defineModule({
  name: 'startups',
  register() {
    registerRuleKey(SHEET_KEY, ScoringSheetRule, { vi: 'Phiếu chấm dự án khởi nghiệp', en: 'Startup project scoring sheet' });
    registerCouncilSubject('startup_project', {
      label: { vi: 'dự án khởi nghiệp', en: 'startup project' },
      find: async (_db, _tenantId, id) => (projects.has(id) ? { title: projects.get(id)! } : null),
      onClosed: async (_tx, _ctx, council, results) => {
        closed.push({ kind: council.kind, evaluation: council.evaluation, results });
      },
    });
    registerCouncilKind('startup_selection', {
      label: { vi: 'Hội đồng tuyển chọn dự án khởi nghiệp đổi mới sáng tạo', en: 'Startup selection council' },
      subjectTypes: ['startup_project'],
      ruleKeys: { scoringSheet: SHEET_KEY },
      national: { effectiveFrom: '2024-01-01', legalBasis: 'Quyết định 844/QĐ-TTg (Đề án 844), minh họa', evaluation: 'scoring' },
    });
  },
  referenceLoaders: [async (h) => {
    await ensureNationalRules(h.db, [{ key: SHEET_KEY, effectiveFrom: '2024-01-01', legalBasis: 'Quyết định của UBND tỉnh (minh họa)', value: sheet }]);
  }],
});

let env: TestEnv;
let officer: AuthHeaders;
const experts: string[] = [];
const ROLES7: MemberRole[] = ['chair', 'vice_chair', 'secretary', 'reviewer', 'reviewer', 'member', 'member'];
const call = (headers: AuthHeaders, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  env.app.inject({ method, url, headers, payload });

beforeAll(async () => {
  env = await testEnv();
  // As at start-up: the module's registrations, then the reference loaders (the councils one ships the kind's rule).
  startupModule.register!();
  for (const load of startupModule.referenceLoaders!) await load(env.h);
  await loadCouncilRules(env.h);
  officer = await env.as('dost_officer');
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Võ Thị Phương', 'Đặng Quốc Giang']) {
    experts.push((await call(officer, 'POST', '/api/people', buildPerson({ fullName: name, degree: 'TS', isExpert: true }))).json().id);
  }
});
afterAll(() => env.close());

/** A startup call with two projects, its council seated and in session. */
async function sitting(meetingDate: string, headers = officer) {
  const call_ = randomUUID();
  projects.set(call_, 'Đợt xét chọn dự án khởi nghiệp ĐMST năm 2026');
  const dossiers = [randomUUID(), randomUUID()];
  projects.set(dossiers[0], 'Ứng dụng IoT giám sát ao nuôi tôm');
  projects.set(dossiers[1], 'Bao bì sinh học từ vỏ trấu');
  const created = await call(headers, 'POST', '/api/councils', {
    subjectType: 'startup_project', subjectId: call_, kind: 'startup_selection', name: `Hội đồng xét chọn ${meetingDate}`, meetingDate,
  });
  expect(created.statusCode).toBe(201);
  const council = created.json();
  const ds = [];
  for (const id of dossiers) ds.push((await call(headers, 'POST', `/api/councils/${council.id}/dossiers`, { subjectType: 'startup_project', subjectId: id })).json());
  const members = [];
  for (const [i, role] of ROLES7.entries()) {
    const m = (await call(headers, 'POST', `/api/councils/${council.id}/members`, { personId: experts[i], role })).json();
    await call(headers, 'PUT', `/api/councils/${council.id}/members/${m.id}/presence`, { present: true });
    members.push(m);
  }
  const opened = await call(headers, 'POST', `/api/councils/${council.id}/open`, { version: council.version });
  expect(opened.statusCode).toBe(200);
  return { council: opened.json(), dossiers: ds as { id: string }[], members: members as { id: string }[] };
}

describe('a council kind registered by another module', () => {
  it('is listed for its own subject type only and refused for another', async () => {
    const forStartups = (await call(officer, 'GET', '/api/council-kinds?subjectType=startup_project')).json();
    expect(forStartups.items.find((k: { key: string }) => k.key === 'startup_selection'))
      .toMatchObject({ evaluation: 'scoring', subjectTypes: ['startup_project'], name: { en: 'Startup selection council' } });
    const forTasks = (await call(officer, 'GET', '/api/council-kinds?subjectType=task')).json();
    expect(forTasks.items.map((k: { key: string }) => k.key)).not.toContain('startup_selection');
    const id = randomUUID();
    projects.set(id, 'Một dự án');
    registerCouncilSubject('startup_mentor', { label: { vi: 'cố vấn khởi nghiệp', en: 'startup mentor' }, find: async () => ({ title: 'Cố vấn' }) });
    const wrong = await call(officer, 'POST', '/api/councils', { subjectType: 'startup_mentor', subjectId: id, kind: 'startup_selection', name: 'x' });
    expect(wrong.json()).toMatchObject({
      code: 'council.kind_not_for_subject', details: [{ path: 'body.kind' }],
      message: 'Loại hội đồng "Hội đồng tuyển chọn dự án khởi nghiệp đổi mới sáng tạo" không dùng cho cố vấn khởi nghiệp.',
    });
  });

  it('scores on its own sheet, aggregates with the pass rule, closes and tells its module', async () => {
    const { council, dossiers, members } = await sitting('2026-03-10');
    expect(council).toMatchObject({ evaluation: 'scoring', kindName: { vi: 'Hội đồng tuyển chọn dự án khởi nghiệp đổi mới sáng tạo' } });
    expect(council.rules.scoringSheet.value.criteria.map((c: { key: string }) => c.key)).toEqual(['innovation', 'team', 'market']);
    const url = (d: number, m: number) => `/api/councils/${council.id}/dossiers/${dossiers[d].id}/sheets/${members[m].id}`;
    const wrongSheet = await call(officer, 'PUT', url(0, 0), { scores: { necessity: 20, feasibility: 30, effectiveness: 30, replicability: 20 } });
    expect(wrongSheet.json()).toMatchObject({ code: 'council.score_missing', details: expect.arrayContaining([expect.objectContaining({ path: 'body.scores.necessity', code: 'unknown_criterion', key: 'necessity' })]) });
    const rating = await call(officer, 'PUT', url(0, 0), { rating: 'passed' });
    expect(rating.json().code).toBe('council.scores_expected');
    for (const m of members.keys()) {
      expect((await call(officer, 'PUT', url(0, m), { scores: { innovation: 35, team: 25, market: 20 } })).statusCode).toBe(200);
      expect((await call(officer, 'PUT', url(1, m), { scores: { innovation: 20, team: 20, market: 15 } })).statusCode).toBe(200);
    }
    const results = (await call(officer, 'GET', `/api/councils/${council.id}/results`)).json();
    expect(results).toMatchObject({ kind: 'startup_selection', evaluation: 'scoring' });
    expect(results.dossiers.map((d: { average: number; passed: boolean }) => [d.average, d.passed])).toEqual([[80, true], [55, false]]);
    const closedNow = await call(officer, 'POST', `/api/councils/${council.id}/close`, { version: (await call(officer, 'GET', `/api/councils/${council.id}`)).json().version });
    expect(closedNow.statusCode).toBe(200);
    expect(closed.at(-1)).toMatchObject({ kind: 'startup_selection', evaluation: 'scoring' });
    expect(closed.at(-1)!.results.dossiers.map((d) => d.passed)).toEqual([true, false]);
    const xml = await (await JSZip.loadAsync((await call(officer, 'GET', `/api/councils/${council.id}/minutes.docx`)).rawPayload))
      .file('word/document.xml')!.async('string');
    expect(xml).toContain('Hội đồng tuyển chọn dự án khởi nghiệp đổi mới sáng tạo gồm 7 thành viên');
    expect(xml).toContain('Tính đổi mới sáng tạo (tối đa 40 điểm)');
  });

  it('rates instead from the date of a province\'s own version of the kind\'s rule', async () => {
    const admin = await env.as('admin');
    const rule = await call(admin, 'POST', '/api/rules', {
      key: 'council.kind.startup_selection', effectiveFrom: '2026-06-01', legalBasis: 'Quyết định 15/2026/QĐ-UBND của tỉnh (minh họa)',
      value: { evaluation: 'rating' },
    });
    expect(rule.statusCode).toBe(201);
    const { council, dossiers, members } = await sitting('2026-06-15');
    expect(council).toMatchObject({ evaluation: 'rating', rules: { kind: { legalBasis: 'Quyết định 15/2026/QĐ-UBND của tỉnh (minh họa)' } } });
    for (const m of members.keys()) {
      const sheetUrl = `/api/councils/${council.id}/dossiers/${dossiers[0].id}/sheets/${members[m].id}`;
      expect((await call(officer, 'PUT', sheetUrl, { rating: m < 4 ? 'excellent' : 'passed' })).statusCode).toBe(200);
    }
    const results = (await call(officer, 'GET', `/api/councils/${council.id}/results`)).json();
    expect(results.evaluation).toBe('rating');
    expect(results.dossiers[0]).toMatchObject({ rating: 'excellent', passed: true });
    // A council that met before the province's version still scores.
    expect((await sitting('2026-05-20')).council.evaluation).toBe('scoring');
  });
});
