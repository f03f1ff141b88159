/**
 * Keeping a plan in a real browser against the real server (demo data, PGlite): the DOST officer `canbo` creates a
 * plan under Long An's decision 9737/QĐ-UBND, adds and reorders groups, adds an item signed in 2024 with the former
 * district Cần Giuộc (ended on 01/07/2025), edits it, and hands it over to one of the communes that succeeded the
 * district; an officer of that commune then finds it among its unit's items. A stale edit of the plan gets the 409
 * message and keeps what was typed. The plan form speaks English in English.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUnderTest } from './fixture.ts';
import { apiSession, choose, menuLink, settled, signIn, until } from './ui.ts';

const app = appUnderTest();
const tag = Math.floor(Math.random() * 100_000);
const PLAN = `Kế hoạch chuyển giao tiến bộ kỹ thuật cho nông dân ${tag}`;
const ITEM = `Xây dựng mô hình trồng rau an toàn ${tag}`;
const ITEM_EDITED = `Xây dựng và nhân rộng mô hình trồng rau an toàn ${tag}`;

const apiAs = (username: string) => apiSession(app.server.url, username);

const drawer = (page: Page) => page.locator('.ant-drawer-open').last();
const planIdOf = (page: Page) => /\/plans\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';

describe('keeping a plan in the browser (Vietnamese UI)', () => {
  let planId = '';

  it('lets canbo create a plan under its decision, with groups in the order chosen', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await menuLink(page, 'Kế hoạch').click();
    await page.getByRole('button', { name: 'Thêm kế hoạch' }).click();
    const d = drawer(page);
    await settled(d);
    await d.getByLabel('Tên kế hoạch').fill(PLAN);
    await choose(page, d.getByLabel('Văn bản giao thực hiện (quyết định, chương trình)'), '9737/QĐ-UBND', { search: '9737', partial: true });
    await d.getByLabel('Từ ngày').fill('01/01/2024');
    await d.getByLabel('Đến ngày').fill('31/12/2026');
    await d.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: PLAN }).waitFor();
    planId = planIdOf(page);
    expect(await page.getByText('9737/QĐ-UBND').count()).toBeGreaterThan(0);
    expect(await page.getByText('Hằng quý').count()).toBeGreaterThan(0);

    for (const [code, title] of [['I', 'Chuyển giao công nghệ'], ['II', 'Đào tạo, tập huấn']]) {
      await page.getByRole('button', { name: 'Thêm nhóm' }).click();
      const dialog = page.getByRole('dialog');
      await settled(dialog);
      await dialog.getByLabel('Số thứ tự nhóm (ví dụ I, II)').fill(code);
      await dialog.getByLabel('Tên nhóm').fill(title);
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(`${code}. ${title}`, { exact: true }).waitFor();
    }
    await page.getByRole('button', { name: 'Chuyển lên: II. Đào tạo, tập huấn' }).click();
    const groups = page.locator('.ant-list-item');
    await until(async () => (await groups.first().innerText()).includes('II. Đào tạo, tập huấn'), 'group II moved first', { page });
    expect(errors).toEqual([]);
  });

  it("adds an item of the former district Cần Giuộc, edits it and hands it over to a successor commune, whose officer sees it", async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await page.goto(`${app.server.url}/plans/${planId}`);
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    let d = drawer(page);
    await settled(d);
    await choose(page, d.getByLabel('Nhóm nhiệm vụ'), 'I. Chuyển giao công nghệ');
    await d.getByLabel('Số thứ tự (ví dụ 1.2)').fill('1.1');
    await d.getByLabel('Nội dung nhiệm vụ').fill(ITEM);
    await d.getByLabel('Ngày bắt đầu').fill('01/03/2024');
    await d.getByLabel('Thời hạn hoàn thành').fill('31/12/2026');
    await d.getByText('Đơn vị hành chính', { exact: true }).click();
    await choose(page, d.getByLabel('Đơn vị chủ trì: Đơn vị hành chính'), 'Huyện Cần Giuộc, Long An', { search: 'Cần Giuộc', partial: true });
    await d.getByLabel('Sản phẩm dự kiến').fill('03 mô hình; tài liệu hướng dẫn');
    await d.getByRole('button', { name: 'Lưu' }).click();

    // The new item opens in the item drawer: it was the district's, and now passes to the communes after it.
    d = drawer(page);
    await until(async () => (await d.innerText()).includes(ITEM), 'the new item in its drawer', { page });
    expect(await d.innerText()).toContain('trước đây: Huyện Cần Giuộc');
    await d.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
    const edit = drawer(page);
    await settled(edit);
    await until(async () => (await edit.getByLabel('Nội dung nhiệm vụ').inputValue()) === ITEM, 'the item in its form', { page });
    await edit.getByLabel('Nội dung nhiệm vụ').fill(ITEM_EDITED);
    await edit.getByRole('button', { name: 'Lưu' }).click();
    d = drawer(page);
    await until(async () => (await d.innerText()).includes(ITEM_EDITED), 'the edited title', { page });

    const section = d.getByRole('region', { name: 'Chuyển giao nhiệm vụ' });
    expect(await section.innerText()).toContain('Huyện Cần Giuộc, Long An chỉ còn hiệu lực đến hết ngày 30/06/2025');
    await choose(page, section.getByLabel('Đơn vị kế thừa'), 'Tây Ninh', { partial: true });
    await section.getByRole('button', { name: /^(swap )?Chuyển giao$/ }).click();
    await until(async () => (await section.innerText()).includes('Sở đã chỉ định:'), 'the handover recorded', { page });
    const canbo = await apiAs('canbo');
    const plan = (await canbo('GET', `/api/plans/${planId}`)) as { items: { title: string; handover: { adminUnitId: string; name: string } | null }[] };
    const item = plan.items.find((i) => i.title === ITEM_EDITED)!;
    expect(item.handover?.name).toMatch(/Tây Ninh$/);
    expect(await section.innerText()).toContain(`Hiện do: ${item.handover!.name}`);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);

    // An officer of that commune (an account the admin makes) finds the item among its unit's items.
    const admin = await apiAs('admin');
    const username = `xa.${tag}`;
    await admin('POST', '/api/users', {
      username, displayName: 'Cán bộ UBND xã kế thừa', password: 'Lua-chin-vang-dong-2026', role: 'unit_officer', adminUnitId: item.handover!.adminUnitId,
    });
    const other = await app.openApp();
    await signIn(other.page, username, { password: 'Lua-chin-vang-dong-2026' });
    await menuLink(other.page, 'Việc của đơn vị').click();
    await other.page.getByRole('button', { name: ITEM_EDITED }).waitFor();
    expect(await other.page.getByText(`trước đây: Huyện Cần Giuộc`).count()).toBeGreaterThan(0);
    expect(other.errors).toEqual([]);
  });

  it('keeps what was typed when someone else saved the plan first, and saves after a reload', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await page.goto(`${app.server.url}/plans/${planId}`);
    await page.getByRole('button', { name: 'Sửa kế hoạch' }).click();
    const d = drawer(page);
    await settled(d);
    await until(async () => (await d.getByLabel('Tên kế hoạch').inputValue()) === PLAN, 'the plan in its form', { page });
    // Someone else changes the note meanwhile.
    const canbo = await apiAs('canbo');
    const current = (await canbo('GET', `/api/plans/${planId}`)) as Record<string, unknown>;
    await canbo('PUT', `/api/plans/${planId}`, {
      title: current.title, legalDocumentId: current.legalDocumentId, periodFrom: current.periodFrom, periodTo: current.periodTo,
      schedule: current.schedule, note: 'Đã bổ sung ghi chú', version: current.version,
    });
    await d.getByLabel('Tên kế hoạch').fill(`${PLAN} (sửa)`);
    await d.getByRole('button', { name: 'Lưu' }).click();
    const notice = page.locator('.ant-notification-notice').filter({ hasText: 'Bản ghi đã được người khác sửa' });
    await notice.waitFor();
    expect(await d.getByLabel('Tên kế hoạch').inputValue()).toBe(`${PLAN} (sửa)`);
    await notice.getByRole('button', { name: 'Tải lại' }).click();
    await until(async () => (await d.getByLabel('Ghi chú').inputValue()) === 'Đã bổ sung ghi chú', 'the saved note reloaded', { page });
    await d.getByLabel('Tên kế hoạch').fill(`${PLAN} (sửa)`);
    await d.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: `${PLAN} (sửa)` }).waitFor();
    expect(await page.getByText('Đã bổ sung ghi chú').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

describe('keeping a plan in the browser (English UI)', () => {
  it('names the plan form in English', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await page.getByRole('group', { name: 'Ngôn ngữ' }).getByText('English').click();
    await menuLink(page, 'Plans').click();
    await page.getByRole('button', { name: 'New plan' }).click();
    const d = drawer(page);
    await settled(d);
    for (const label of ['Title', 'Document it carries out (decision, programme)', 'From', 'To', 'Reporting', 'Note']) {
      expect(await d.getByLabel(label, { exact: true }).count(), label).toBeGreaterThan(0);
    }
    await choose(page, d.getByLabel('Reporting', { exact: true }), 'On set dates');
    await d.getByLabel('Report dates').fill('15/12/2026; 15/06/2026');
    await d.getByRole('button', { name: 'Save' }).click();
    await d.getByText('Report dates must be in ascending order, without repeats.').waitFor();
    expect(errors).toEqual([]);
  });
});
