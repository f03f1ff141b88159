/**
 * Startup incubation and replicated models in a real browser against the real server (demo data, PGlite): the DOST
 * officer `canbo` opens a selected project of the 2023 startup call and logs an incubation service, seeing it in the
 * table and in the totals; then adds a replicated model with a described source (another province's task) and sees
 * the count go up by one; and reads the register in English.
 */
import { describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { choose, menuLink, settled, signIn, tableRows, until } from './ui.ts';

const app = appUnderTest();
const PROVIDER = `Trung tâm Ứng dụng, kỹ thuật, thông tin KH&CN tỉnh Long An ${Math.floor(Math.random() * 100_000)}`;
const MODEL = `Mô hình nuôi lươn không bùn ${Math.floor(Math.random() * 100_000)}`;

const countOf = async (text: string) => Number(/(\d+)/.exec(text)?.[1] ?? NaN);

describe('startup incubation (Vietnamese UI)', () => {
  it('lets canbo log an incubation service for a selected startup and see it counted', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await menuLink(page, 'Ươm tạo khởi nghiệp').click();
    await page.getByRole('heading', { name: 'Ươm tạo dự án khởi nghiệp đổi mới sáng tạo' }).waitFor();
    const project = tableRows(page).filter({ hasText: 'Được chọn ươm tạo' }).first();
    await project.getByRole('link').click();
    await page.getByRole('heading', { name: /^Ươm tạo: / }).waitFor();
    const totals = page.getByTestId('incubation-totals');
    const before = await totals.innerText();

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Ghi dịch vụ' }) });
    await choose(page, form.getByLabel('Loại dịch vụ'), 'Đào tạo, tập huấn');
    await form.getByLabel('Đơn vị cung cấp').fill(PROVIDER);
    await form.getByLabel('Số giờ').fill('6');
    await form.getByRole('button', { name: 'Ghi dịch vụ' }).click();
    await until(async () => (await tableRows(page).filter({ hasText: PROVIDER }).count()) === 1, 'the service in the table', { page });
    await until(async () => (await totals.innerText()) !== before, 'the totals to change', { page });
    expect(await tableRows(page).filter({ hasText: PROVIDER }).innerText()).toContain('Đào tạo, tập huấn');
    expect(errors).toEqual([]);
  });

  it('lets canbo add a replicated model of another province\'s task and see the count go up', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await menuLink(page, 'Mô hình nhân rộng').click();
    const count = page.getByTestId('replication-count');
    await until(async () => (await countOf(await count.innerText())) > 0, 'the count of the demo models', { page });
    const before = await countOf(await count.innerText());
    expect(before).toBeGreaterThanOrEqual(107);

    await page.getByRole('button', { name: 'Thêm mô hình' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await settled(drawer);
    await drawer.getByLabel('Tên mô hình').fill(MODEL);
    await choose(page, drawer.getByLabel('Nguồn kết quả'), 'Nhiệm vụ của tỉnh, thành phố khác');
    await drawer.getByLabel('Kết quả được nhân rộng').fill('Đề tài "Nuôi lươn không bùn trong bể lót bạt" của tỉnh Hậu Giang');
    await drawer.getByLabel('Địa điểm').fill('Xã Đức Huệ, tỉnh Tây Ninh');
    await drawer.getByLabel('Quy mô').fill('20 bể, 4 hộ');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await until(async () => (await tableRows(page).filter({ hasText: MODEL }).count()) === 1, 'the model in the list', { page });
    await until(async () => (await countOf(await count.innerText())) === before + 1, 'the count to go up by one', { page });
    expect(await tableRows(page).filter({ hasText: MODEL }).innerText()).toContain('Nhiệm vụ của tỉnh, thành phố khác');
    expect(errors).toEqual([]);
  });

  it('shows the register of replicated models in English', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await page.getByRole('group', { name: 'Ngôn ngữ' }).getByText('English').click();
    await menuLink(page, 'Replicated models').click();
    await page.getByRole('heading', { name: 'Replicated models of research results' }).waitFor();
    await until(async () => /Total: \d+ models/.test(await page.getByTestId('replication-count').innerText()), 'the English count', { page });
    expect(errors).toEqual([]);
  });
});
