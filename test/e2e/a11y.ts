/**
 * The accessibility pass shared by a11y.e2e.test.ts and a11y-roles.e2e.test.ts (two files, so the browser suite's
 * two workers share the work): every listed page is visited as the role that uses it (one sign-in per role),
 * axe-core is injected into it (node_modules/axe-core, not @axe-core/playwright, which needs Node 22), and the drawers
 * and dialogs reachable from it are opened and checked too. A page passes with no critical and no serious violation;
 * any found are printed with their elements. Each page is also loaded at 390 px wide (a phone), where nothing may
 * overflow sideways, and has one <h1> and the header / navigation / main landmarks.
 *
 * A key of PAGES is a role's demo login, optionally with `#part` (several tests, one session, for a role with many
 * pages). `describeRolePasses(keys)` declares the tests of those keys in the calling file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { settled, signIn, until } from './ui.ts';

export const app = appUnderTest();
const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

interface Violation { id: string; impact: string; help: string; nodes: string[] }
export interface Finding { place: string; violations: Violation[] }

/** The signed-in page of each role, reused by every check of that role. */
const sessions = new Map<string, Promise<Page>>();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

export function pageOf(key: string): Promise<Page> {
  const role = key.split('#')[0];
  let p = sessions.get(role);
  if (!p) {
    p = (async () => {
      // axe-core is injected as an inline script, which the app's CSP refuses (smoke.e2e checks the CSP itself).
      const context = await app.browser.newContext({ viewport: DESKTOP, bypassCSP: true });
      context.setDefaultTimeout(45_000);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => console.log(`page error (${role}): ${e.message}`));
      await page.goto(app.server.url);
      if (role !== 'anonymous') await signIn(page, role, { url: `${app.server.url}/login` });
      return page;
    })();
    sessions.set(role, p);
  }
  return p;
}

/**
 * Waits until the page has drawn what it loads and stopped moving: no request in flight for a moment, no spinner,
 * no finite CSS animation or transition running (colours measured mid-fade are not the page's colours).
 */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await until(async () => (await page.locator('.ant-spin-spinning:visible, .ant-skeleton:visible').count()) === 0, 'the page to finish loading', { page });
  await until(() => page.evaluate(() => document.getAnimations().every((a) => {
    const timing = a.effect?.getComputedTiming();
    return a.playState !== 'running' || timing?.iterations === Infinity;
  })), 'animations to end', { page });
}

export async function open(page: Page, route: string) {
  await page.goto(`${app.server.url}${route}`);
  await settle(page);
}

/** axe-core's critical and serious violations on the page as it is now (drawers and dialogs included). */
async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id, impact: v.impact!, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1).join(' ').trim()}`),
      }));
  });
}

/** Runs axe and keeps what it finds under `place`; the test prints every finding before it fails. */
async function check(page: Page, place: string, findings: Finding[]) {
  const violations = await axe(page);
  if (violations.length) {
    findings.push({ place, violations });
    console.log(`axe: ${place}\n${violations.map((v) => `  ${v.impact} ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`).join('\n')}`);
  }
}

/** Opens a drawer or dialog with `opener`, checks the page with it open, and closes it with Escape. */
export async function checkOverlay(page: Page, place: string, opener: Locator, findings: Finding[], overlay = page.locator('.ant-drawer-open, .ant-modal-wrap:visible, .ant-popover:visible')) {
  await opener.first().click();
  await overlay.first().waitFor();
  await settled(overlay);
  await settle(page);
  await check(page, place, findings);
  await page.keyboard.press('Escape');
  // A popover stays open on Escape: a click beside it closes it. An expanded table row may stay open.
  if (await overlay.first().isVisible()) await page.mouse.click(2, 2);
  await overlay.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

export const report = (findings: Finding[]) => findings.map((f) => `${f.place}: ${f.violations.map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`).join(', ')}`);

/** Each role's pages; `overlays` open the drawers and dialogs of a page. */
interface PageCheck {
  route: string | ((page: Page) => Promise<string>);
  /** Checked only when this holds (data the demo may not have). */
  when?: (page: Page) => Promise<boolean>;
  overlays?: { name: string; opener: (page: Page) => Locator; overlay?: (page: Page) => Locator }[] }

const apiJson = async <T>(page: Page, url: string): Promise<T> => (await page.request.get(`${app.server.url}${url}`)).json() as Promise<T>;
const firstId = async (page: Page, url: string) => (await apiJson<{ items: { id: string }[] }>(page, url)).items[0].id;

export const PAGES: Record<string, PageCheck[]> = {
  anonymous: [
    { route: '/login' },
    { route: '/cong-khai/nhiem-vu' },
    { route: '/cong-khai/nhiem-vu?province=tay-ninh&q=khong+co+nhiem+vu+nay' },
    { route: async (page) => `/cong-khai/nhiem-vu/tay-ninh/${await firstId(page, '/api/public/tasks?province=tay-ninh&limit=1')}` },
    { route: '/dang-ky' },
  ],
  admin: [
    { route: '/' },
    {
      route: '/users',
      overlays: [
        { name: 'new account drawer', opener: (p) => p.getByRole('button', { name: 'Thêm tài khoản' }) },
        { name: 'password dialog', opener: (p) => p.getByRole('button', { name: 'Đặt mật khẩu' }) },
        { name: 'lock confirmation', opener: (p) => p.getByRole('button', { name: 'Khóa' }) },
      ],
    },
    { route: '/agencies', overlays: [{ name: 'new agency drawer', opener: (p) => p.getByRole('button', { name: 'Thêm cơ quan, đơn vị' }) }] },
    {
      route: '/audit',
      overlays: [{ name: 'an entry opened', opener: (p) => p.locator('.ant-table-tbody tr.ant-table-row'), overlay: (p) => p.locator('.ant-table-expanded-row') }],
    },
    { route: '/api-tokens', overlays: [{ name: 'new token dialog', opener: (p) => p.getByRole('button', { name: 'Tạo mã truy cập' }) }] },
    {
      route: '/organizations',
      overlays: [
        { name: 'new organisation drawer', opener: (p) => p.getByRole('button', { name: 'Thêm tổ chức' }) },
        { name: 'delete confirmation', opener: (p) => p.locator('.ant-table-tbody').getByRole('button', { name: 'Xóa' }) },
      ],
    },
    { route: '/people', overlays: [{ name: 'new person drawer', opener: (p) => p.getByRole('button', { name: 'Thêm chuyên gia' }) }] },
    { route: '/inbox' },
    { route: '/no-such-page' },
  ],
  canbo: [
    { route: '/' },
    { route: '/tasks', overlays: [{ name: 'new task drawer', opener: (p) => p.getByRole('button', { name: 'Đề xuất nhiệm vụ' }) }] },
    {
      // A proposal, which its officer may still edit.
      route: async (page) => `/tasks/${await firstId(page, '/api/tasks?stage=proposal&limit=1')}`,
      overlays: [
        { name: 'task edit drawer', opener: (p) => p.getByRole('button', { name: /^(edit )?Sửa$/ }) },
        { name: 'missing papers dialog', opener: (p) => p.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }) },
      ],
    },
    { route: async (page) => `/councils/${await firstId(page, '/api/councils?limit=1')}` },
    { route: '/stage-timing' },
    { route: '/inbox' },
    { route: '/account-requests' },
    {
      // The refuse dialog and the confirmation, when the demo holds a pending enterprise account request.
      route: '/account-requests',
      when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/account-requests?limit=1')).items.length > 0,
      overlays: [
        { name: 'refuse dialog', opener: (p) => p.getByRole('button', { name: 'Từ chối' }) },
        { name: 'confirm popover', opener: (p) => p.getByRole('button', { name: 'Xác nhận' }), overlay: (p) => p.locator('.ant-popconfirm') },
      ],
    },
  ],
  // The officer's plans, documents and indicators (issue #12), in the other file with the same account.
  'canbo#plans': [
    { route: '/plans', overlays: [{ name: 'new plan drawer', opener: (p) => p.getByRole('button', { name: 'Thêm kế hoạch' }) }] },
    {
      route: async (page) => `/plans/${await firstId(page, '/api/plans')}`,
      when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/plans')).items.length > 0,
      overlays: [
        { name: 'plan item drawer', opener: (p) => p.locator('.ant-table-tbody .ant-btn-link') },
        { name: 'plan edit drawer', opener: (p) => p.getByRole('button', { name: 'Sửa kế hoạch' }) },
        { name: 'new plan item drawer', opener: (p) => p.getByRole('button', { name: 'Thêm nhiệm vụ' }) },
        { name: 'plan group dialog', opener: (p) => p.getByRole('button', { name: 'Thêm nhóm' }) },
      ],
    },
    { route: async (page) => `/plans/${await firstId(page, '/api/plans')}/reports`, when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/plans')).items.length > 0 },
    { route: '/legal-documents', when: async (page) => (await page.request.get(`${app.server.url}/api/legal-documents?limit=1`)).ok() },
    {
      route: async (page) => `/legal-documents/${await firstId(page, '/api/legal-documents?limit=1')}`,
      when: async (page) => ((await page.request.get(`${app.server.url}/api/legal-documents?limit=1`)).ok()
        && (await apiJson<{ items: unknown[] }>(page, '/api/legal-documents?limit=1')).items.length > 0),
    },
    { route: '/indicators' }, { route: '/indicators/tfp' }, { route: '/indicators/entry' },
  ],
  // The officer's programme pages (issue #13), a second test of the same account (canbo's list is long).
  'canbo#programmes': [
    // Selection and support: the calls, and a call's ranking when the demo holds a call.
    { route: '/support' },
    // Support programmes and calls: the catalogue, and a new call with its form builder.
    { route: '/programmes' }, { route: '/programmes/calls/new' },
    {
      route: async (page) => `/support/calls/${await firstId(page, '/api/support/calls')}`,
      when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/support/calls')).items.length > 0,
    },
    // Replicated models and startup incubation: the register with its drawer, the calls, a startup.
    { route: '/replications', overlays: [{ name: 'new replicated model drawer', opener: (p) => p.getByRole('button', { name: 'Thêm mô hình' }) }] },
    { route: '/incubation' },
    {
      route: async (page) => {
        const calls = await apiJson<{ items: { id: string }[] }>(page, '/api/incubation/calls');
        const list = await apiJson<{ items: { applicationId: string }[] }>(page, `/api/incubation/calls/${calls.items[0].id}/startups`);
        return `/incubation/${list.items[0].applicationId}`;
      },
      when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/incubation/calls')).items.length > 0,
    },
  ],
  hoidong: [
    { route: '/' },
    { route: '/my-councils' },
    // The council the reviewer sits on, when the demo gives it one.
    { route: async (page) => `/councils/${await firstId(page, '/api/councils?limit=1')}`, when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/councils?limit=1')).items.length > 0 },
  ],
  lanhdao: [{ route: '/' }, { route: '/tasks' }, { route: '/home/tasks?figure=overdue&overdue=true' }, { route: '/indicators' }],
  donvi: [
    { route: '/' }, { route: '/organizations' },
    {
      route: '/my-items',
      overlays: [{ name: 'plan item drawer', opener: (p) => p.locator('.ant-table-tbody .ant-btn-link') }],
      when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/plan-items/mine')).items.length > 0,
    },
  ],
  doanhnghiep: [
    { route: '/' }, { route: '/api-tokens' }, { route: '/organizations' }, { route: '/my-tasks' }, { route: '/propose-task' },
    // The enterprise's support portal (issue #13): open calls and its applications.
    { route: '/support-portal' },
    // A task of the enterprise's own (its page, with the councils' conclusions), when the demo gives it one.
    { route: async (page) => `/tasks/${await firstId(page, '/api/tasks?limit=1')}`, when: async (page) => (await apiJson<{ items: unknown[] }>(page, '/api/tasks?limit=1')).items.length > 0 },
  ],
};


/** One h1, one main, and (signed in) the header and the navigation. */
async function recordStructure(page: Page, where: string, signedIn: boolean, structureProblems: string[]) {
  const s = await page.evaluate(() => ({
    h1: document.querySelectorAll('h1').length,
    main: document.querySelectorAll('main, [role="main"]').length,
    header: document.querySelectorAll('header, [role="banner"]').length,
    nav: document.querySelectorAll('nav, [role="navigation"]').length,
  }));
  if (s.h1 !== 1) structureProblems.push(`${where}: ${s.h1} h1`);
  if (s.main !== 1) structureProblems.push(`${where}: ${s.main} main`);
  if (signedIn && (s.header < 1 || s.nav < 1)) structureProblems.push(`${where}: header ${s.header}, navigation ${s.nav}`);
}

/** The page's width at 390 px (the layout follows the window; no reload needed), then back to the desktop size. */
async function recordPhoneWidth(page: Page, where: string, signedIn: boolean, seen: { widthsMeasured: string[]; overflowing: string[] }) {
  await page.setViewportSize(PHONE);
  if (signedIn) await page.getByTestId('menu-button').waitFor();
  await settle(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  seen.widthsMeasured.push(where);
  if (width > PHONE.width) seen.overflowing.push(`${where}: ${width} px`);
  await page.setViewportSize(DESKTOP);
  if (signedIn) await page.getByTestId('menu-button').waitFor({ state: 'detached' });
}


/** Declares, in the calling file, the axe pass of each key of PAGES and the structure and width checks of those pages. */
export function describeRolePasses(keys: string[], o: { minPages: number }) {
  for (const key of keys) if (!PAGES[key]) throw new Error(`no pages listed for ${key}`);
  const structureProblems: string[] = [];
  const overflowing: string[] = [];
  const widthsMeasured: string[] = [];
  describe('every listed page, as the role that uses it', () => {
    for (const key of keys) {
      it(`has no critical or serious axe violation on the pages, drawers and dialogs of ${key}`, async () => {
        const page = await pageOf(key);
        const signedIn = key !== 'anonymous';
        const findings: Finding[] = [];
        for (const c of PAGES[key]) {
          if (c.when && !(await c.when(page))) continue;
          const route = typeof c.route === 'string' ? c.route : await c.route(page);
          const where = `${key} ${route}`;
          await open(page, route);
          await check(page, where, findings);
          await recordStructure(page, where, signedIn, structureProblems);
          for (const c2 of c.overlays ?? []) {
            await checkOverlay(page, `${where} · ${c2.name}`, c2.opener(page), findings, c2.overlay?.(page));
          }
          await recordPhoneWidth(page, where, signedIn, { widthsMeasured, overflowing });
        }
        expect(report(findings)).toEqual([]);
      });
    }
  });

  describe('structure and small screens of the listed pages', () => {
    it('gives every listed page one h1, one main, and the header and navigation landmarks', () => {
      expect(widthsMeasured.length).toBeGreaterThanOrEqual(o.minPages);
      expect(structureProblems).toEqual([]);
    });

    it('overflows no listed page sideways at 390 px', () => {
      expect(overflowing).toEqual([]);
    });
  });
}
