/**
 * The registry flow in a real browser against the real server (demo data, PGlite):
 * an officer creates an organisation with a Vietnamese name, finds it by typing the name without diacritics,
 * edits its phone and signs out; an admin sees that change (phone before / after) in the audit log.
 * Then: the language switch turns the UI and the server's messages into English, and the choice survives a reload.
 */
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/lib/vi/fold.ts';
import { withCheckDigit } from '../../src/lib/vi/tax-code.ts';
import { appUnderTest } from './fixture.ts';
import { menuLink, signIn, signOut, until } from './ui.ts';

const app = appUnderTest();

const openApp = () => app.openApp();

/** A tax code with a valid check digit that no demo organisation has. */
function randomTaxCode(): string {
  for (;;) {
    const nine = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
    const code = withCheckDigit(`9${nine.slice(1)}`);
    if (code) return code;
  }
}

describe('registry flow (Vietnamese UI)', () => {
  it('creates, finds without diacritics, edits an organisation; the admin sees the change in the audit log', async () => {
    const { page, errors } = await openApp();
    const suffix = Math.random().toString(36).slice(2, 7);
    const name = `Công ty TNHH Công nghệ Sinh học Đức Huệ ${suffix}`;
    const oldPhone = '0272 3826 111';
    const newPhone = '0272 3999 888';

    // Officer signs in; the header shows the role.
    await signIn(page, 'canbo');
    expect(await page.locator('header').innerText()).toContain('Cán bộ Sở KH&CN');

    // Create the organisation with a commune picked by a diacritic-free search.
    await menuLink(page, 'Tổ chức').click();
    await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
    const drawer = page.getByRole('dialog', { name: 'Thêm tổ chức' });
    await drawer.getByLabel('Tên tổ chức').fill(name);
    await drawer.getByLabel('Mã số thuế').fill(randomTaxCode());
    await drawer.getByLabel('Điện thoại').fill(oldPhone);
    await drawer.getByLabel('Xã, phường, đặc khu').click();
    await page.keyboard.type('duc hue');
    await page.locator('.ant-select-item-option', { hasText: 'Đức Huệ' }).first().click();
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // Find it by typing the name without diacritics (the server folds).
    const folded = fold(name);
    expect(folded).toBe(`cong ty tnhh cong nghe sinh hoc duc hue ${suffix}`);
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(folded);
    const dataRows = page.locator('.ant-table-tbody tr.ant-table-row');
    await until(async () => (await dataRows.count()) === 1 && (await dataRows.first().innerText()).includes(name), 'the search result', { page });
    const row = dataRows.filter({ hasText: name });
    // Under the table: how many match (counted by the server), then how many are shown.
    await until(async () => (await page.getByText('1 kết quả · Đang hiển thị 1 bản ghi').count()) === 1, 'the total under the list', { page });
    expect(await row.innerText()).toContain('Xã Đức Huệ');
    expect(await row.innerText()).toContain(oldPhone);

    // Edit: change the phone.
    await row.getByRole('button', { name: 'Sửa' }).click();
    const editor = page.getByRole('dialog', { name: 'Sửa tổ chức' });
    const phone = editor.getByLabel('Điện thoại');
    expect(await phone.inputValue()).toBe(oldPhone);
    await phone.fill(newPhone);
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await editor.waitFor({ state: 'hidden' });
    await until(async () => (await row.innerText()).includes(newPhone), 'the edited phone in the table', { page });

    await signOut(page);

    // The admin sees the update, with the phone before and after.
    await signIn(page, 'admin');
    await menuLink(page, 'Nhật ký').click();
    // Signing in lands on the page last shown (the organisations table, whose rows also hold the name and a "Sửa"
    // button): look for the entry only once the audit page is there.
    await page.waitForURL(/\/audit(\?|$)/);
    await page.getByRole('heading', { name: 'Nhật ký thao tác' }).waitFor();
    const entry = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: name }).filter({ hasText: 'Sửa' }).first();
    await entry.waitFor();
    expect(await entry.innerText()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await entry.click();
    const change = page.locator('.ant-table-expanded-row tr').filter({ hasText: 'Điện thoại' }).first();
    await change.waitFor();
    const cells = await change.locator('td').allInnerTexts();
    expect(cells).toEqual(['Điện thoại', oldPhone, newPhone]);

    await signOut(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('language switch', () => {
  it('shows the menu and the server messages in English and remembers the choice', async () => {
    const { page, errors } = await openApp();
    await page.getByRole('group', { name: 'Ngôn ngữ' }).getByText('English').click();
    const en = { username: 'Username', password: 'Password', submit: 'Sign in' };
    await page.getByLabel(en.username).fill('canbo');
    await page.getByLabel(en.password).fill('wrong password');
    await page.getByRole('button', { name: en.submit }).click();
    // The server answers in the UI language (Accept-Language).
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();

    await signIn(page, 'canbo', { labels: en });
    for (const item of ['Dashboard', 'Organisations', 'People', 'API tokens']) await menuLink(page, item).waitFor();
    expect(await page.getByRole('navigation').innerText()).not.toContain('Tổ chức');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await menuLink(page, 'Organisations').waitFor();
    await menuLink(page, 'Organisations').click();
    await page.getByRole('button', { name: 'New organisation' }).waitFor();

    await page.getByRole('group', { name: 'Language' }).getByText('Tiếng Việt').click();
    await menuLink(page, 'Tổ chức').waitFor();
    await signOut(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
