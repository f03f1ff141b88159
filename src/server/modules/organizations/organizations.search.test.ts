/**
 * The organisation list at scale (db/search.ts, migration 0053): a page is found through name-ordered buckets, and the
 * answers must be exactly those of whole-syllable matching in name order — with one bucket (a fresh database) and with
 * many (after search_rebalance) — and the total is exact up to 1,000 rows, an estimate beyond. Runs on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import { testEnv, buildTenant, type TestEnv, type AuthHeaders } from '../../testing/harness.ts';
import { buildOrganization, buildPerson } from '../../testing/factories.ts';

let env: TestEnv;
let officer: AuthHeaders;
let otherTenant: string;

const FORMS = ['Công ty Cổ phần', 'Công ty TNHH', 'Hợp tác xã', 'Viện Nghiên cứu'];
const KINDS = ['enterprise', 'enterprise', 'cooperative', 'research_institute'];
const FIELDS = ['Cơ khí', 'Cà phê', 'Cá giống', 'Dược liệu', 'Khoa học', 'Thủy sản', 'Công nghệ', 'Nông sản'];
const PLACES = ['Long An', 'Tây Ninh', 'Đức Hòa', 'Cần Giuộc', 'Kiến Tường', 'Thạnh Hóa'];

interface Row { id: string; name: string; kind: string; searchText: string; sortKey: string }
const rows: Row[] = [];

/** Organisations straight into the table (as bench/organizations.data.ts does): derived columns as the service computes them. */
async function load(tenantId: string, count: number, seed: number) {
  let x = seed;
  const next = (n: number) => { x = (x * 1_103_515_245 + 12_345) % 2_147_483_648; return (x >>> 12) % n; };
  const out: Row[] = [];
  for (let i = 0; i < count; i++) {
    const f = next(FORMS.length);
    const name = `${FORMS[f]} ${FIELDS[next(FIELDS.length)]} ${PLACES[next(PLACES.length)]}${next(3) === 0 ? ` số ${1 + next(9)}` : ''}`;
    const [row] = await env.h.query<{ id: string }>(
      'INSERT INTO organizations (tenant_id, kind, name, search_text, sort_key) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [tenantId, KINDS[f], name, fold(name), sortKey(name)]);
    out.push({ id: row.id, name, kind: KINDS[f], searchText: fold(name), sortKey: sortKey(name) });
  }
  return out;
}

/**
 * What whole-syllable search must answer, computed here: every word a whole syllable, the last a prefix (the list's
 * query is trimmed, so always); name order.
 */
function expected(q: string, kind?: string) {
  const words = fold(q).split(' ');
  const prefix = true;
  return rows
    .filter((r) => !kind || r.kind === kind)
    .filter((r) => {
      const syllables = r.searchText.split(' ');
      return words.every((w, i) => syllables.some((s) => (prefix && i === words.length - 1 ? s.startsWith(w) : s === w)));
    })
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => r.id);
}

/** The same, ranked as the list ranks a query typed with diacritics: rows carrying more of them exactly come first. */
function expectedRanked(q: string) {
  const typed = q.normalize('NFC').toLowerCase().split(' ');
  const exact = typed.map((w, i) => ({ w, last: i === typed.length - 1 })).filter(({ w }) => w !== fold(w));
  const rank = (name: string) => exact.filter(({ w, last }) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${w}${last ? '' : '($|[^\\p{L}\\p{N}])'}`, 'iu').test(name.normalize('NFC'))).length;
  const byName = new Map(expected(q).map((id, i) => [id, i]));
  const name = (id: string) => rows.find((r) => r.id === id)!.name;
  return [...byName.keys()].sort((a, b) => rank(name(b)) - rank(name(a)) || byName.get(a)! - byName.get(b)!);
}

const get = async (url: string) => {
  const res = await env.app.inject({ method: 'GET', url, headers: officer });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** Every page of a query, `limit` rows at a time. */
async function allPages(q: string, o: { limit?: number; kind?: string } = {}) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ q, limit: String(o.limit ?? 7), ...(o.kind ? { kind: o.kind } : {}), ...(cursor ? { cursor } : {}) });
    const page: { items: { id: string }[]; nextCursor: string | null } = await get(`/api/organizations?${params}`);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const QUERIES = ['co kh', 'cong ty co phan', 'hop tac xa ca', 'c', 'vien nghien cuu thuy san long', 'tay ninh so',
  'duc hoa', 'ca', 'kien tuong so 7', 'khoa hoc cong nghe', 'xa khong co', 'nong', 'ca giong can giuoc'];

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  rows.push(...await load(env.tenantId, 1200, 7));
  // Another province with the same names: never in this province's answers, whatever its buckets.
  otherTenant = (await buildTenant(env.h, 'Sở KH&CN tỉnh khác')).id;
  await load(otherTenant, 150, 11);
}, 120_000);
afterAll(() => env.close());

describe('organisation search at scale', () => {
  it('answers whole-syllable matches in name order with the single bucket of a fresh database', async () => {
    for (const q of QUERIES) expect(await allPages(q), q).toEqual(expected(q));
  });

  it('answers the same, page by page, with many buckets after search_rebalance', async () => {
    // Buckets of 5 rows: ~240 buckets, 4 coarse ones, so pages cross bucket and coarse-bucket bounds.
    const [{ bounds }] = await env.h.query<{ bounds: number }>(`SELECT search_rebalance('organizations', 5) AS bounds`);
    expect(bounds).toBeGreaterThan(200);
    for (const q of QUERIES) expect(await allPages(q), q).toEqual(expected(q));
    expect(await allPages('cong ty', { kind: 'enterprise', limit: 50 })).toEqual(expected('cong ty', 'enterprise'));
    expect(await allPages('co kh', { limit: 1 })).toEqual(expected('co kh'));
  });

  it('finds a row written after the bounds were computed in its place', async () => {
    const name = 'Công ty TNHH Cơ khí Đức Hòa số 5';
    const res = await env.app.inject({ method: 'POST', url: '/api/organizations', headers: officer, payload: buildOrganization({ name }) });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    rows.push({ id: created.id, name, kind: 'enterprise', searchText: fold(`${name} ${created.taxCode}`), sortKey: sortKey(name) });
    const ids = await allPages('tnhh co khi duc');
    expect(ids).toContain(created.id);
    expect(ids).toEqual(expected('tnhh co khi duc'));
  });

  it('still ranks rows with the typed diacritics first when the list has many buckets', async () => {
    const { items } = await get(`/api/organizations?q=${encodeURIComponent('cà')}&limit=200`);
    const ranks = items.map((o: { name: string }) => (/(^| )[Cc]à( |$)/.test(o.name) ? 1 : 0));
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => b - a));
    expect(ranks[0]).toBe(1);
  });

  it('pages a query typed with diacritics in rank then name order, within the first buckets and beyond them', async () => {
    for (const q of ['cà', 'Cà phê', 'hợp tác xã cá', 'Viện Nghiên cứu Thủy sản', 'công ty cá giống']) {
      expect(await allPages(q, { limit: 5 }), q).toEqual(expectedRanked(q));
    }
  });

  it('counts the matches exactly up to 1,000', async () => {
    const page = await get(`/api/organizations?q=${encodeURIComponent('hop tac xa')}&total=true`);
    expect(page.total).toBe(expected('hop tac xa').length);
    expect(page.total).toBeLessThanOrEqual(1000);
    expect(page.totalIsEstimate).toBe(false);
    const filtered = await get(`/api/organizations?q=co&kind=cooperative&total=true`);
    expect(filtered).toMatchObject({ total: expected('co', 'cooperative').length, totalIsEstimate: false });
  });

  it('estimates beyond 1,000 matches and says so', async () => {
    const exact = expected('c').length;
    expect(exact).toBeGreaterThan(1000);
    const page = await get('/api/organizations?q=c&total=true');
    expect(page.totalIsEstimate).toBe(true);
    expect(page.total).toBeGreaterThan(1000);
    expect(Math.abs(page.total - exact) / exact).toBeLessThan(0.05);
    // Without a query the list counts the province's rows the same way (here, the planner's estimate).
    const all = await get('/api/organizations?total=true');
    expect(all.totalIsEstimate).toBe(true);
    expect(all.total).toBeGreaterThan(1000);
  });

  it('answers no total unless asked, and other lists ignore the parameter', async () => {
    const page = await get('/api/organizations?q=c');
    expect(page).not.toHaveProperty('total');
    expect(page).not.toHaveProperty('totalIsEstimate');
    const tasks = await get('/api/tasks?total=true');
    expect(tasks).not.toHaveProperty('total');
  });

  it('counts the people list the same way', async () => {
    for (const fullName of ['Nguyễn Văn An', 'Trần Thị Bình', 'Nguyễn Thị Cúc']) {
      const res = await env.app.inject({ method: 'POST', url: '/api/people', headers: officer, payload: buildPerson({ fullName }) });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await get(`/api/people?q=nguyen&total=true`)).toMatchObject({ total: 2, totalIsEstimate: false });
    expect((await get(`/api/people?q=nguyen&total=true`)).items).toHaveLength(2);
  });
});
