/**
 * The legal-document register in a real browser (demo data, PGlite): an officer opens Nghị quyết 05-NQ/TW and sees
 * its policy chain down to Kế hoạch 98/KH-UBND, then pastes a paragraph, sees which cited documents the register
 * has, and creates the missing one in one click.
 */
import { describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { menuLink, signIn, until } from './ui.ts';

const app = appUnderTest();

describe('legal documents (Vietnamese UI)', () => {
  it('shows the chain of 05-NQ/TW down to 98/KH-UBND, and creates a document a pasted text cites', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await menuLink(page, 'Văn bản').click();
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('05-NQ/TW');
    const link = page.getByRole('link', { name: '05-NQ/TW', exact: true });
    await until(async () => (await link.count()) === 1, 'the resolution in the list', { page });
    await link.click();

    // Down the chain: Chương trình 16-CTr/TU carries it out, and Kế hoạch 98/KH-UBND carries out the programme.
    const down = page.getByTestId('chain-down');
    await until(async () => (await down.innerText()).includes('98/KH-UBND'), 'the plan in the chain', { page });
    const text = await down.innerText();
    expect(text.indexOf('Nghị quyết 05-NQ/TW')).toBeLessThan(text.indexOf('Chương trình 16-CTr/TU'));
    expect(text.indexOf('Chương trình 16-CTr/TU')).toBeLessThan(text.indexOf('Kế hoạch 98/KH-UBND'));
    const plan = down.locator('.ant-tree-treenode', { hasText: 'Kế hoạch 98/KH-UBND' });
    expect(await plan.locator('.ant-tree-indent-unit').count()).toBe(2); // root → programme → plan

    // Paste a paragraph: the plan is in the register, the new decision is not; create it in one click.
    const number = `${1000 + Math.floor(Math.random() * 8000)}/QĐ-UBND`;
    await page.getByRole('button', { name: 'Dán văn bản, liên kết' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dán một đoạn văn bản, tìm các văn bản được viện dẫn' });
    await dialog.getByLabel('Đoạn văn bản').fill(
      `Ngày 03/3/2026, UBND tỉnh đã ban hành Quyết định số ${number} phân công thực hiện Kế hoạch số 98/KH-UBND.`);
    await dialog.getByRole('button', { name: 'Tìm văn bản' }).click();
    const rows = dialog.locator('.ant-table-tbody tr.ant-table-row');
    await until(async () => (await rows.count()) === 2, 'the two references', { page });
    expect(await dialog.locator('tr', { hasText: '98/KH-UBND' }).innerText()).toContain('Đã có');
    const missing = dialog.locator('tr', { hasText: number });
    expect(await missing.innerText()).toContain('Chưa có');
    expect(await dialog.locator('mark').count()).toBe(2);
    await dialog.getByRole('button', { name: `Tạo văn bản ${number}` }).click();
    await until(async () => (await missing.innerText()).includes('Đã có'), 'the created document', { page });
    expect(await missing.innerText()).toContain('03/03/2026');
    expect(errors).toEqual([]);
  });
});
