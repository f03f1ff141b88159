/**
 * Whole-syllable search (db/search.ts) and similar tasks on the demo data, through the routes. The same file runs on
 * PGlite and on PostgreSQL (DATABASE_URL), so the answers are the same on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.ts';
import { buildApp } from '../../http/app.ts';
import { login, type AuthHeaders } from '../../testing/harness.ts';
import { openDemoDb } from '../../testing/demo.ts';
import { buildOrganization } from '../../testing/factories.ts';
import { DEMO_PASSWORD } from '../../seed/seed.ts';
import { fold } from '../../../lib/vi/fold.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildApp>>;
let canbo: AuthHeaders;

beforeAll(async () => {
  h = await openDemoDb();
  app = await buildApp({ dbHandle: h, webDir: null, loginAttemptsPerMinute: 1000 });
  canbo = await login(app, 'canbo', DEMO_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const get = async (url: string, headers: AuthHeaders | Record<string, never> = canbo) => {
  const res = await app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};
const syllables = (s: string) => fold(s).split(' ');

describe('whole-syllable search', () => {
  it('finds only the cá trê tasks for "cá trê" and "ca tre", not "các … trên"', async () => {
    for (const q of ['cá trê', 'ca tre']) {
      const { items } = await get(`/api/tasks?q=${encodeURIComponent(q)}`);
      const titles = items.map((t: { title: string }) => t.title);
      expect(titles.length).toBeGreaterThan(0);
      for (const t of titles) expect(fold(t)).toMatch(/(^| )ca tre( |$)/);
    }
  });

  it('finds only cá trê on the public portal', async () => {
    const { items } = await get(`/api/public/tasks?province=tay-ninh&q=${encodeURIComponent('ca tre')}`, {});
    expect(items.length).toBeGreaterThan(0);
    for (const t of items) expect(fold(t.title)).toMatch(/(^| )ca tre( |$)/);
  });

  it('matches the last word as a prefix and every other word whole: "co kh" finds cơ khí, not công … khoa', async () => {
    const { items } = await get('/api/organizations?q=co%20kh');
    const names: string[] = items.map((o: { name: string }) => o.name);
    expect(names).toContain('Công ty Cổ phần Cơ Khí chế tạo máy Long An');
    expect(names).not.toContain('Sở Khoa học và Công nghệ tỉnh Tây Ninh');
    for (const n of names) {
      expect(syllables(n)).toContain('co');
      expect(syllables(n).some((s) => s.startsWith('kh'))).toBe(true);
    }
  });

  it('does not match a syllable inside another: "cong" is not "co"', async () => {
    const { items } = await get('/api/organizations?q=co%20khi%20');
    for (const o of items) expect(syllables(o.name)).toContain('co');
  });
});

describe('ranking and paging', () => {
  const names = ['Hợp tác xã Cá giống Bến Lức', 'Hợp tác xã Cà phê Bến Lức', 'Hợp tác xã Ca múa Bến Lức', 'Hợp tác xã Cà chua Bến Lức'];

  beforeAll(async () => {
    for (const name of names) {
      const res = await app.inject({ method: 'POST', url: '/api/organizations', headers: canbo, payload: buildOrganization({ name, kind: 'cooperative' }) });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('ranks rows with the typed diacritics first ("cà" before "cá" and "ca"), then in name order', async () => {
    const { items } = await get(`/api/organizations?q=${encodeURIComponent('cà bến lức')}`);
    expect(items.map((o: { name: string }) => o.name)).toEqual([
      // then Vietnamese name order: base letters first (cá giống < ca múa), tones only to break ties
      'Hợp tác xã Cà chua Bến Lức', 'Hợp tác xã Cà phê Bến Lức', 'Hợp tác xã Cá giống Bến Lức', 'Hợp tác xã Ca múa Bến Lức',
    ]);
  });

  it('pages a ranked list with a cursor that neither skips nor repeats', async () => {
    const q = encodeURIComponent('cà bến lức');
    const all = (await get(`/api/organizations?q=${q}`)).items.map((o: { id: string }) => o.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: { id: string }[]; nextCursor: string | null } =
        await get(`/api/organizations?q=${q}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.items.map((o) => o.id));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('refuses a cursor of the earlier form cleanly', async () => {
    const old = Buffer.from(JSON.stringify(['abc', '00000000-0000-0000-0000-000000000000'])).toString('base64url');
    const res = await app.inject({ method: 'GET', url: `/api/organizations?cursor=${old}`, headers: canbo });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('common.bad_cursor');
  });
});

describe('similar tasks', () => {
  it('shows the cá trê tasks for a proposal that says the same in other words, with the terms they share', async () => {
    const title = encodeURIComponent('Nhân rộng mô hình nuôi cá trê vàng thương phẩm ở Đức Huệ');
    const { items } = await get(`/api/tasks/similar?title=${title}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0].title).toContain('cá trê vàng');
    expect(items[0].similarity).toBeGreaterThan(0);
    expect(items[0].sharedTerms).toContain('cá trê');
  });

  it('shows other provinces only their public accepted tasks', async () => {
    const ls = await login(app, 'canbo.langson', DEMO_PASSWORD);
    const { items } = await get(`/api/tasks/similar?title=${encodeURIComponent('Ương giống và nuôi cá trê vàng')}`, ls);
    for (const t of items.filter((x: { ownProvince: boolean }) => !x.ownProvince)) {
      expect(['passed', 'excellent']).toContain(t.acceptanceRating);
    }
  });

  it('lists the tasks like an existing one, without itself', async () => {
    const { items: tasks } = await get(`/api/tasks?q=${encodeURIComponent('nuôi thương phẩm cá trê')}`);
    const id = tasks[0].id;
    const { items } = await get(`/api/tasks/${id}/similar`);
    expect(items.map((t: { id: string }) => t.id)).not.toContain(id);
    expect(items.some((t: { title: string }) => t.title.includes('cá trê vàng'))).toBe(true);
  });
});
