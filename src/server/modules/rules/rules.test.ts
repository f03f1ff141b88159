import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testEnv, buildTenant, type TestEnv, type AuthHeaders } from '../../testing/harness.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../../shared/i18n/messages.ts';
import { ensureNationalRules, registerRuleKey, resolveRule } from './rules.service.ts';
import { dayBefore, todayInVietnam } from '../../../lib/vi/dates.ts';

// A rule shaped like a council pass rule: provinces transpose the national numbers in their own decisions.
const PassRule = z.object({
  minAverage: z.number().min(0).max(100),
  maxZeroShare: z.number().min(0).max(1),
  quorum: z.number().int().min(1).default(5),
});
const KEY = 'test_council.pass_rule';
registerRuleKey(KEY, PassRule, { vi: 'Điều kiện đạt của hội đồng (thử nghiệm)', en: 'Council pass rule (test)' });
registerRuleKey('test_council.unconfigured', z.object({ n: z.number() }), { vi: 'Chưa khai báo', en: 'Not configured' });

const TT08 = 'Thông tư 08/2017/TT-BKHCN';
const ND267 = 'Nghị định 267/2025/NĐ-CP';
const QD_LANG_SON = 'Quyết định 47/2018/QĐ-UBND tỉnh Lạng Sơn';

let env: TestEnv;
let admin: AuthHeaders;
let officer: AuthHeaders;

beforeAll(async () => {
  env = await testEnv();
  admin = await env.as('admin');
  officer = await env.as('dost_officer');
  await ensureNationalRules(env.h.db, [
    { key: KEY, effectiveFrom: '2025-10-01', legalBasis: ND267, value: { minAverage: 75, maxZeroShare: 0.25 } },
    { key: KEY, effectiveFrom: '2017-07-01', legalBasis: TT08, value: { minAverage: 70, maxZeroShare: 1 / 3 } },
  ]);
});
afterAll(() => env.close());

const resolve = (onDate: string, tenantId = env.tenantId) => resolveRule<z.infer<typeof PassRule>>(env.h.db, { tenantId, key: KEY, onDate });
const post = (headers: AuthHeaders, payload: unknown, lang = 'vi') =>
  env.app.inject({ method: 'POST', url: '/api/rules', headers: { ...headers, 'accept-language': lang }, payload: payload as object });

describe('national defaults', () => {
  it('are fitted into one timeline, whatever order they are listed in, and installed once', async () => {
    expect(await ensureNationalRules(env.h.db, [
      { key: KEY, effectiveFrom: '2017-07-01', legalBasis: TT08, value: { minAverage: 70, maxZeroShare: 1 / 3 } },
    ])).toBe(0);
    // An older regime added later lands before the others and ends the day before the next one starts.
    expect(await ensureNationalRules(env.h.db, [
      { key: KEY, effectiveFrom: '2014-05-01', legalBasis: 'Thông tư 07/2014/TT-BKHCN', value: { minAverage: 65, maxZeroShare: 0.5 } },
    ])).toBe(1);
    const rows = await env.h.query<{ effective_from: string; effective_to: string | null; legal_basis: string }>(
      `SELECT effective_from::text, effective_to::text, legal_basis FROM rule_versions WHERE key = $1 AND tenant_id IS NULL ORDER BY effective_from`, [KEY]);
    expect(rows).toEqual([
      { effective_from: '2014-05-01', effective_to: '2017-06-30', legal_basis: 'Thông tư 07/2014/TT-BKHCN' },
      { effective_from: '2017-07-01', effective_to: '2025-09-30', legal_basis: TT08 },
      { effective_from: '2025-10-01', effective_to: null, legal_basis: ND267 },
    ]);
  });

  it('refuse a value that does not fit the registered schema', async () => {
    await expect(ensureNationalRules(env.h.db, [{ key: KEY, effectiveFrom: '2030-01-01', legalBasis: 'x', value: { minAverage: 170 } }]))
      .rejects.toThrow(/invalid/);
  });
});

describe('resolving a rule by date', () => {
  it('reads the national version in force on the date, with its legal basis and defaults applied', async () => {
    const r2020 = await resolve('2020-05-01');
    expect(r2020).toMatchObject({ key: KEY, scope: 'national', legalBasis: TT08, effectiveFrom: '2017-07-01', effectiveTo: '2025-09-30' });
    expect(r2020.value).toEqual({ minAverage: 70, maxZeroShare: 1 / 3, quorum: 5 });
    expect((await resolve('2025-09-30')).legalBasis).toBe(TT08);
    expect((await resolve('2025-10-01')).value.minAverage).toBe(75);
    expect((await resolve('2015-01-01')).value.minAverage).toBe(65);
  });

  it('says clearly when nothing is configured for the date', async () => {
    const err = await resolve('2010-01-01').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'rules.not_configured', status: 500, details: { key: KEY, onDate: '2010-01-01' } });
    const e = err as AppError;
    expect(translate('vi', e.code, e.params)).toContain(`"${KEY}" áp dụng cho ngày 01/01/2010`);
    const none = await resolveRule(env.h.db, { tenantId: env.tenantId, key: 'test_council.unconfigured', onDate: '2026-01-01' }).catch((x) => x);
    expect(none.code).toBe('rules.not_configured');
  });
});

describe('provincial versions', () => {
  let firstId: string;

  it('an admin enters the province\'s own decision; it overrides the national default from its date', async () => {
    const res = await post(admin, { key: KEY, effectiveFrom: '2018-06-01', legalBasis: QD_LANG_SON, value: { minAverage: 72, maxZeroShare: 0.3 }, note: 'Tỉnh quy định chặt hơn' });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ key: KEY, scope: 'province', effectiveFrom: '2018-06-01', effectiveTo: null, legalBasis: QD_LANG_SON,
      value: { minAverage: 72, maxZeroShare: 0.3, quorum: 5 }, note: 'Tỉnh quy định chặt hơn', inForce: true });
    expect(v.createdByName).toContain('admin');
    firstId = v.id;
    expect(await resolve('2018-05-31')).toMatchObject({ scope: 'national', legalBasis: TT08 });
    expect(await resolve('2018-06-01')).toMatchObject({ scope: 'province', legalBasis: QD_LANG_SON, id: firstId });
    // Still the province's rule after the national one changed: the province has not replaced its decision.
    expect((await resolve('2026-02-01')).value.minAverage).toBe(72);
  });

  it('a new version closes the open one the day before and is in force from its date', async () => {
    const res = await post(admin, { key: KEY, effectiveFrom: '2026-01-01', legalBasis: 'Quyết định 12/2026/QĐ-UBND tỉnh Lạng Sơn', value: { minAverage: 80, maxZeroShare: 0.2, quorum: 7 } });
    expect(res.statusCode).toBe(201);
    expect(await resolve('2025-12-31')).toMatchObject({ id: firstId, effectiveTo: '2025-12-31' });
    expect((await resolve('2026-01-01')).value).toEqual({ minAverage: 80, maxZeroShare: 0.2, quorum: 7 });

    const history = (await env.app.inject({ method: 'GET', url: `/api/rules/${KEY}/history`, headers: officer })).json();
    expect(history.description).toEqual({ vi: 'Điều kiện đạt của hội đồng (thử nghiệm)', en: 'Council pass rule (test)' });
    expect(history.items.map((i: { scope: string; effectiveFrom: string; effectiveTo: string | null }) => [i.scope, i.effectiveFrom, i.effectiveTo])).toEqual([
      ['province', '2026-01-01', null],
      ['national', '2025-10-01', null],
      ['province', '2018-06-01', '2025-12-31'],
      ['national', '2017-07-01', '2025-09-30'],
      ['national', '2014-05-01', '2017-06-30'],
    ]);
    const today = todayInVietnam();
    const inForce = history.items.filter((i: { inForce: boolean }) => i.inForce);
    expect(inForce).toHaveLength(1);
    expect(inForce[0].scope).toBe('province');
    expect(inForce[0].effectiveFrom <= today).toBe(today >= '2026-01-01');
  });

  it('refuses a version that does not start after the open one (409), changing nothing', async () => {
    for (const effectiveFrom of ['2026-01-01', '2025-06-01']) {
      const res = await post(admin, { key: KEY, effectiveFrom, legalBasis: QD_LANG_SON, value: { minAverage: 60, maxZeroShare: 0.3 } });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('rules.not_after_current');
      expect(res.json().message).toContain('01/01/2026');
    }
    const en = await post(admin, { key: KEY, effectiveFrom: '2025-06-01', legalBasis: QD_LANG_SON, value: { minAverage: 60, maxZeroShare: 0.3 } }, 'en');
    expect(en.json().message).toBe('A new version must take effect after 01/01/2026 (the start of the version in force); you sent 01/06/2025.');
    expect((await resolve('2026-03-01')).value.minAverage).toBe(80);
  });

  it('refuses values that do not fit, naming the fields', async () => {
    const res = await post(admin, { key: KEY, effectiveFrom: '2027-01-01', legalBasis: QD_LANG_SON, value: { minAverage: 170, quorum: 0 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('common.validation_failed');
    expect(body.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.value.maxZeroShare', 'body.value.minAverage', 'body.value.quorum']);

    const unknown = await post(admin, { key: 'test_council.nope', effectiveFrom: '2027-01-01', legalBasis: QD_LANG_SON, value: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toEqual([expect.objectContaining({ path: 'body.key', message: 'Không có loại quy định "test_council.nope".' })]);

    const noBasis = await post(admin, { key: KEY, effectiveFrom: '2027-01-01', legalBasis: '  ', value: { minAverage: 70, maxZeroShare: 0.3 } });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().details.map((d: { path: string }) => d.path)).toEqual(['body.legalBasis']);

    const badDate = await post(admin, { key: KEY, effectiveFrom: '2027-02-30', legalBasis: QD_LANG_SON, value: { minAverage: 70, maxZeroShare: 0.3 } });
    expect(badDate.statusCode).toBe(400);
  });

  it('only an admin may enter versions; every role may read them', async () => {
    const res = await post(officer, { key: KEY, effectiveFrom: '2027-01-01', legalBasis: QD_LANG_SON, value: { minAverage: 70, maxZeroShare: 0.3 } });
    expect(res.statusCode).toBe(403);
    for (const role of ['leader', 'applicant'] as const) {
      const h = await env.as(role);
      expect((await env.app.inject({ method: 'GET', url: '/api/rules', headers: h })).statusCode).toBe(200);
      expect((await post(h, { key: KEY, effectiveFrom: '2027-01-01', legalBasis: QD_LANG_SON, value: { minAverage: 70, maxZeroShare: 0.3 } })).statusCode).toBe(403);
    }
    expect((await env.app.inject({ method: 'GET', url: '/api/rules' })).statusCode).toBe(401);
  });

  it('lists each rule with the version in force on a date', async () => {
    const list = async (qs: string) => (await env.app.inject({ method: 'GET', url: `/api/rules?${qs}`, headers: officer })).json();
    const on2020 = await list('prefix=test_council.&onDate=2020-01-01');
    expect(on2020.onDate).toBe('2020-01-01');
    expect(on2020.items.map((i: { key: string }) => i.key)).toEqual([KEY, 'test_council.unconfigured']);
    expect(on2020.items[0].inForce).toMatchObject({ scope: 'province', legalBasis: QD_LANG_SON, inForce: true });
    expect(on2020.items[0].description.vi).toBe('Điều kiện đạt của hội đồng (thử nghiệm)');
    expect(on2020.items[1].inForce).toBeNull();
    expect((await list('key=test_council.pass_rule&onDate=2018-01-01')).items[0].inForce).toMatchObject({ scope: 'national', legalBasis: TT08 });
    const missing = await env.app.inject({ method: 'GET', url: '/api/rules/nothing.here/history', headers: officer });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps provinces apart: another province still reads the national default', async () => {
    const { id: other } = await buildTenant(env.h, 'Sở KH&CN tỉnh An Giang');
    expect(await resolve('2020-01-01', other)).toMatchObject({ scope: 'national', legalBasis: TT08 });
    const otherAdmin = await env.as('admin', { tenantId: other });
    const hist = (await env.app.inject({ method: 'GET', url: `/api/rules/${KEY}/history`, headers: otherAdmin })).json();
    expect(hist.items.every((i: { scope: string }) => i.scope === 'national')).toBe(true);
    // Its own first version starts whenever it likes: the other province's versions do not constrain it.
    expect((await post(otherAdmin, { key: KEY, effectiveFrom: '2019-01-01', legalBasis: 'Quyết định 05/2019/QĐ-UBND tỉnh An Giang', value: { minAverage: 71, maxZeroShare: 0.3 } })).statusCode).toBe(201);
    expect((await resolve('2020-01-01', other)).value.minAverage).toBe(71);
    expect((await resolve('2020-01-01')).value.minAverage).toBe(72);
  });

  it('audits the closing of the old version and the creation of the new one', async () => {
    const log = (await env.app.inject({ method: 'GET', url: '/api/audit?entity=rule_version', headers: admin })).json();
    const mine = log.items.filter((e: { after: { key?: string; legalBasis?: string } }) => e.after?.key === KEY && e.after?.legalBasis !== 'Quyết định 05/2019/QĐ-UBND tỉnh An Giang');
    expect(mine.map((e: { action: string }) => e.action)).toEqual(['create', 'close', 'create']);
    expect(mine[1].before.effectiveTo).toBeNull();
    expect(mine[1].after.effectiveTo).toBe('2025-12-31');
  });

  it('the database itself refuses overlapping periods and rewriting a version', async () => {
    await expect(env.h.query(
      `INSERT INTO rule_versions (tenant_id, key, effective_from, effective_to, legal_basis, value) VALUES ($1, $2, '2020-01-01', '2020-12-31', 'x', '{}')`,
      [env.tenantId, KEY])).rejects.toThrow(/overlaps/);
    await expect(env.h.query(`INSERT INTO rule_versions (tenant_id, key, effective_from, legal_basis, value) VALUES (NULL, $1, '2013-01-01', 'x', '{}')`, [KEY]))
      .rejects.toThrow(/overlaps/);
    await expect(env.h.query(`UPDATE rule_versions SET value = '{"minAverage": 1}' WHERE key = $1`, [KEY])).rejects.toThrow(/only effective_to/);
    await expect(env.h.query(`INSERT INTO rule_versions (key, effective_from, legal_basis, value) VALUES ('test.x', '2020-01-01', ' ', '{}')`)).rejects.toThrow();
  });
});

describe('dates', () => {
  it('dayBefore crosses months, years and leap days', () => {
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
  });
  it('today is counted in Vietnam time (UTC+7)', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });
});
