/**
 * The leader's home in a real browser against the real server (demo data, PGlite): the leader (lanhdao) reads the
 * figures, opens the list behind the largest stage and finds there the very tasks the task list has at that stage,
 * with the figure's workbook to download; in English the same home shows English numbers.
 */
import { describe, expect, it } from 'vitest';
import type { HomeOverview } from '../../src/shared/schemas/home.ts';
import { formatNumber } from '../../src/lib/vi/format.ts';
import { appUnderTest } from './fixture.ts';
import { signIn, tableRows } from './ui.ts';

const app = appUnderTest();

describe("the leader's home", () => {
  it('reads the figures, opens a stage\'s list with the right tasks, exports it, and shows English numbers in English', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'lanhdao');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    const stages = page.getByTestId('figure-stages');
    await stages.getByRole('heading', { level: 2, name: 'Nhiệm vụ theo giai đoạn' }).waitFor();
    await stages.getByTestId('chart-stages').waitFor();

    const overview = await (await page.request.get(`${app.server.url}/api/home`)).json() as HomeOverview;
    expect(overview.totalTasks).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('home-total').innerText()).toBe(formatNumber(overview.totalTasks));
    const largest = [...overview.stages.items].sort((a, b) => b.count - a.count)[0];
    const row = stages.getByTestId('table-stages').locator('tr').filter({ has: page.getByRole('link', { name: largest.name.vi, exact: true }) });
    expect((await row.locator('td').allInnerTexts())[1]).toBe(String(largest.count));

    // The stage's list: the same tasks as the task list filtered by that stage.
    await row.getByRole('link', { name: largest.name.vi, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Nhiệm vụ theo giai đoạn: ${largest.name.vi}` }).waitFor();
    expect(page.url()).toContain(`stage=${largest.key}`);
    await expect.poll(() => tableRows(page).count()).toBe(largest.count);
    const fromTasks = await (await page.request.get(`${app.server.url}/api/tasks?stage=${largest.key}&limit=100`)).json() as { items: { title: string }[] };
    const titles = await tableRows(page).locator('td:first-child a').allInnerTexts();
    expect(titles.sort()).toEqual(fromTasks.items.map((t) => t.title).sort());

    const href = await page.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
    expect(href).toBe(`/api/home/figures/stages/export.xlsx?stage=${largest.key}`);
    const xlsx = await page.request.get(`${app.server.url}${href}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    // Back home, in English: English headings and English numbers (1,234.5, not 1.234,5).
    await page.getByRole('link', { name: 'Về trang tổng quan' }).click();
    await page.getByRole('group', { name: 'Ngôn ngữ' }).getByText('English').click();
    await page.getByRole('heading', { level: 2, name: 'Funding by year: planned and disbursed' }).waitFor();
    const planned = overview.funding.totals.stateBudget.planned;
    expect(planned).toBeGreaterThan(1000);
    const english = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(planned);
    const totals = page.getByTestId('table-funding').locator('tr').filter({ hasText: 'Total' });
    expect((await totals.locator('td').allInnerTexts())[1]).toBe(english);
    expect(english).toMatch(/^\d{1,3}(,\d{3})+(\.\d+)?$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
