/**
 * The indicator dashboard in a real browser (demo server, PGlite). A DOST officer (canbo) sets up an indicator with
 * Long An's and old Tây Ninh's 2024 values through the API, then on the dashboard sees them summed into Tây Ninh on
 * today's boundaries, nothing for the new Tây Ninh "as reported", the two former provinces as the scope on a date
 * before the merger, and opens the figure to see where each value was counted.
 */
import { describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { DEMO_PASSWORD, choose, menuLink, settled, signIn, tableRows, until } from './ui.ts';

const app = appUnderTest();

describe('indicator dashboard (Vietnamese UI)', () => {
  it("sums Long An's pre-merger values into Tây Ninh after the merger, and keeps them apart as reported", async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    const url = app.server.url;
    // Set-up through the API in the same browser context (a second session of canbo).
    const login = await page.request.post(`${url}/api/auth/login`, { data: { username: 'canbo', password: DEMO_PASSWORD } });
    const headers = { 'x-csrf-token': (await login.json() as { csrfToken: string }).csrfToken };
    const province = async (code: string) => ((await (await page.request.get(`${url}/api/admin-units?level=province&code=${code}&asOf=2024-06-01`)).json()) as { items: { id: string }[] }).items[0].id;
    const [longAn, oldTayNinh] = [await province('80'), await province('72')];
    const code = `E2E_POP_${Date.now().toString(36).toUpperCase()}`;
    const created = await page.request.post(`${url}/api/indicators`, {
      headers, data: { code, name: { vi: 'Dân số thử nghiệm', en: 'Test population' }, unit: 'người', direction: 'increase', decimals: 0 },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = await created.json() as { id: string };
    for (const [unit, value] of [[longAn, 1_751_000], [oldTayNinh, 1_209_000]] as const) {
      const res = await page.request.post(`${url}/api/indicators/${id}/values`, { headers, data: { period: '2024', adminUnitId: unit, value, source: 'Giá trị minh họa' } });
      expect(res.status(), await res.text()).toBe(201);
    }

    await menuLink(page, 'Chỉ số, chỉ tiêu').click();
    await choose(page, page.getByLabel('Năm', { exact: true }), '2024');
    const row = page.locator(`tr[data-row-key="${code}"]`);
    const actual = () => row.getByTestId('ind-actual').innerText();
    await until(async () => (await row.count()) === 1 && (await actual()) === '2.960.000', 'the sum on the new boundaries', { page });
    expect(await page.getByTestId('ind-scope').innerText()).toBe('Số liệu gồm: Tây Ninh');

    // The figure: both former provinces, each counted in Tây Ninh, with its source.
    await row.getByTestId('ind-actual').click();
    const drawer = page.getByRole('dialog');
    await settled(drawer);
    const figure = drawer.getByTestId('ind-figure');
    await until(async () => (await figure.locator('tr.ant-table-row').count()) === 2, 'the figure\'s values', { page });
    const text = await figure.innerText();
    expect(text).toContain('Long An');
    expect(text.match(/Tây Ninh/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Giá trị minh họa');
    await drawer.getByRole('button', { name: /close|đóng/i }).click();

    // As reported: the new Tây Ninh reported nothing for 2024.
    await page.getByRole('radio', { name: 'Theo đơn vị đã báo cáo' }).check();
    await until(async () => (await actual()) === '—', 'no figure as reported', { page });
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('no_data');

    // Before the merger, on the boundaries of the day: the province is the two that became it.
    await page.getByRole('radio', { name: /Theo địa giới mới/ }).check();
    await page.getByLabel('Địa giới theo ngày').fill('31/12/2024');
    const scope = () => page.getByTestId('ind-scope').innerText();
    await until(async () => /^Số liệu gồm: (Long An, Tây Ninh|Tây Ninh, Long An)$/.test(await scope()), 'the scope before the merger', { page });
    expect(await actual()).toBe('2.960.000');
    expect(await tableRows(page).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
