/**
 * Administration in a real browser against the real server (demo data, PGlite): an admin finds the province's
 * agencies in force (a merged department shows only when asked for), adds one, gives a new account that unit, the
 * account signs in; the admin sets a new password and the old one stops working. The drawer asks before it throws
 * typed input away, and the lists say "none match" rather than flashing an empty table. A visitor asks for a second
 * account of the demo company; canbo confirms it from the inbox and the new account signs in.
 */
import { describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { choose, DEMO_PASSWORD, menuLink, settled, signIn, signOut, tableRows, until } from './ui.ts';

const app = appUnderTest();

const openApp = () => app.openApp();

const suffix = Math.random().toString(36).slice(2, 7);

describe('agencies and accounts (Vietnamese UI)', () => {
  it('lists the agencies in force, shows a merged one on request, and adds one', async () => {
    const { page, errors } = await openApp();
    await signIn(page, 'admin');
    await menuLink(page, 'Cơ quan, đơn vị').click();
    await page.getByRole('heading', { name: 'Cơ quan, đơn vị' }).waitFor();
    const rows = tableRows(page);
    await until(async () => (await rows.filter({ hasText: 'Sở Tài chính tỉnh Tây Ninh' }).count()) === 1, 'Sở Tài chính in the list', { page });
    expect(await rows.filter({ hasText: 'Sở Kế hoạch và Đầu tư' }).count()).toBe(0);
    await page.getByRole('switch', { name: 'Cả cơ quan đã hết hiệu lực' }).click();
    const merged = rows.filter({ hasText: 'Sở Kế hoạch và Đầu tư tỉnh Tây Ninh' });
    await merged.waitFor();
    expect(await merged.innerText()).toContain('28/02/2025');
    expect(await merged.innerText()).toContain('Đã hết hiệu lực');

    await page.getByRole('button', { name: 'Thêm cơ quan, đơn vị' }).click();
    const drawer = page.getByRole('dialog', { name: 'Thêm cơ quan, đơn vị' });
    await settled(drawer);
    await drawer.getByLabel('Tên đầy đủ').fill(`Ban Quản lý Khu kinh tế tỉnh Tây Ninh ${suffix}`);
    await choose(page, drawer.getByLabel('Loại', { exact: true }), 'Ban, cơ quan, đơn vị sự nghiệp');
    await drawer.getByLabel('Hiệu lực từ ngày').fill('01/07/2025');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const added = rows.filter({ hasText: `Ban Quản lý Khu kinh tế tỉnh Tây Ninh ${suffix}` });
    await added.waitFor();
    expect(await added.innerText()).toContain('01/07/2025 – nay');
    await signOut(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('creates an account working in an agency picked without diacritics; it signs in; a new password replaces the old', async () => {
    const { page, errors } = await openApp();
    const username = `qlkkt.${suffix}`;
    const first = 'mot cau mat khau dai 2026';
    const second = 'mat khau moi cua ban quan ly';
    await signIn(page, 'admin');
    await menuLink(page, 'Tài khoản').click();
    await page.getByRole('heading', { name: 'Tài khoản' }).waitFor();
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const drawer = page.getByRole('dialog', { name: 'Thêm tài khoản' });
    await settled(drawer);
    await drawer.getByLabel('Tên đăng nhập').fill(username);
    await drawer.getByLabel('Mật khẩu').fill(first);
    await drawer.getByLabel('Họ tên hiển thị').fill('Cán bộ Ban Quản lý Khu kinh tế');
    await choose(page, drawer.getByLabel('Vai trò'), 'Cán bộ đơn vị');
    await until(async () => (await drawer.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: 'Cán bộ đơn vị' }).count()) > 0,
      'the role chosen', { page });
    await drawer.getByText('Cơ quan của tỉnh', { exact: true }).click();
    await choose(page, drawer.getByLabel('Cơ quan, đơn vị của tỉnh'), `Ban Quản lý Khu kinh tế tỉnh Tây Ninh ${suffix}`,
      { search: 'ban quan ly khu kinh te', partial: true });
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const row = tableRows(page).filter({ hasText: username });
    await row.waitFor();
    expect(await row.innerText()).toContain(`Ban Quản lý Khu kinh tế tỉnh Tây Ninh ${suffix}`);
    expect(await row.innerText()).toContain('Cán bộ đơn vị');

    await row.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    const dialog = page.getByRole('dialog', { name: `Đặt mật khẩu mới cho ${username}` });
    await settled(dialog);
    expect(await dialog.innerText()).toContain('phiên đăng nhập');
    await dialog.getByLabel('Mật khẩu').fill(second);
    await dialog.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await signOut(page);

    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(first);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    await signIn(page, username, { password: second });
    expect(await page.locator('header').innerText()).toContain('Cán bộ đơn vị');
    await signOut(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('asks before closing a drawer over typed input, and says when no record matches the search', async () => {
    const { page, errors } = await openApp();
    await signIn(page, 'canbo');
    await menuLink(page, 'Tổ chức').click();
    await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
    const drawer = page.getByRole('dialog', { name: 'Thêm tổ chức' });
    await settled(drawer);
    await drawer.getByLabel('Tên tổ chức').fill('Hợp tác xã chưa lưu');
    await drawer.getByRole('button', { name: 'Hủy' }).click();
    const confirm = page.getByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' });
    await settled(confirm);
    await confirm.getByRole('button', { name: 'Tiếp tục sửa' }).click();
    expect(await drawer.getByLabel('Tên tổ chức').inputValue()).toBe('Hợp tác xã chưa lưu');
    await drawer.getByRole('button', { name: 'Hủy' }).click();
    await settled(confirm);
    await confirm.getByRole('button', { name: 'Bỏ thay đổi' }).click();
    await drawer.waitFor({ state: 'hidden' });
    // the focus is back on the button that opened the drawer
    await until(() => page.evaluate(() => document.activeElement?.textContent?.includes('Thêm tổ chức') ?? false), 'the focus back on the opener', { page });

    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`khong co to chuc nao ten nay ${suffix}`);
    await page.getByText('Không có bản ghi nào khớp với điều kiện lọc.').waitFor();
    await signOut(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('enterprise account requests', () => {
  it('registers a second account of the demo company; it awaits confirmation until canbo confirms it from the inbox', async () => {
    // The demo company's tax code, as its existing account reads it (the visitor is told it by the company).
    const api = await app.browser.newContext();
    const session = await api.request.post(`${app.server.url}/api/auth/login`, { data: { username: 'doanhnghiep', password: DEMO_PASSWORD } });
    const { user } = await session.json() as { user: { organizationId: string } };
    const company = await (await api.request.get(`${app.server.url}/api/organizations/${user.organizationId}`)).json() as { name: string; taxCode: string };
    await api.close();

    const { page, errors } = await openApp();
    const username = `ketoan.${suffix}`;
    const password = 'so sach ke toan cua cong ty 2026';
    await page.getByRole('link', { name: 'Đăng ký tài khoản doanh nghiệp' }).click();
    await page.getByRole('heading', { name: 'Đăng ký tài khoản doanh nghiệp', level: 1 }).waitFor();
    await page.getByLabel('Mã số thuế').fill(company.taxCode);
    await page.getByRole('button', { name: 'Tìm tổ chức' }).click();
    await page.getByTestId('register-found').filter({ hasText: company.name }).waitFor();
    await page.getByLabel('Họ và tên').fill('Phạm Thị Thanh Hương');
    await page.getByLabel('Chức vụ').fill('Kế toán trưởng');
    await page.getByLabel('Thư điện tử').fill(`huong.${suffix}@cokhi.example.vn`);
    await page.getByLabel('Điện thoại').fill('0272 3 511 222');
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await page.getByRole('heading', { name: 'Đã gửi yêu cầu tài khoản' }).waitFor();
    await page.getByRole('link', { name: 'Về trang đăng nhập' }).click();

    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'đang chờ Sở Khoa học và Công nghệ xác nhận' }).waitFor();

    await signIn(page, 'canbo');
    await menuLink(page, 'Hộp thư').click();
    await page.getByTestId('inbox-item').filter({ hasText: 'Phạm Thị Thanh Hương' }).getByRole('link', { name: 'Xem' }).click();
    await page.getByRole('heading', { name: 'Yêu cầu tài khoản doanh nghiệp', level: 1 }).waitFor();
    // Its own card: the demo's pending request of the same company lists this one among the company's accounts.
    const card = page.getByTestId('account-request').filter({ hasText: `Phạm Thị Thanh Hương · ${username}` });
    expect(await card.innerText()).toContain('doanhnghiep');
    await card.getByRole('button', { name: 'Xác nhận' }).click();
    const popover = page.locator('.ant-popconfirm').filter({ hasText: `Xác nhận tài khoản ${username}?` });
    await settled(popover);
    await popover.getByRole('button', { name: 'Xác nhận' }).click();
    await card.waitFor({ state: 'detached' });
    await signOut(page);

    await signIn(page, username, { password });
    expect(await page.locator('header').innerText()).toContain('Doanh nghiệp / tổ chức');
    await signOut(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('administration in English', () => {
  it('names the menus and the agency kinds in English', async () => {
    const { page, errors } = await openApp();
    await page.getByRole('group', { name: 'Ngôn ngữ' }).getByText('English').click();
    await signIn(page, 'admin', { labels: { username: 'Username', password: 'Password', submit: 'Sign in' } });
    await menuLink(page, 'Agencies').click();
    await page.getByRole('heading', { name: 'Agencies' }).waitFor();
    const row = tableRows(page).filter({ hasText: "People's Committee" });
    await row.waitFor();
    expect(await row.innerText()).toContain('UBND tỉnh Tây Ninh');
    await menuLink(page, 'Accounts').click();
    await page.getByRole('button', { name: 'Add account' }).waitFor();
    await page.getByRole('group', { name: 'Language' }).getByText('Tiếng Việt').click();
    await menuLink(page, 'Tài khoản').waitFor();
    await signOut(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
