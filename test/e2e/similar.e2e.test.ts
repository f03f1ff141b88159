/**
 * Duplicate proposals in a real browser (demo data, PGlite): while canbo types a proposal's title in the task form,
 * the existing cá trê vàng tasks show with a similarity figure and the terms they share; a council's dossier view
 * shows the tasks each task dossier resembles.
 */
import { describe, expect, it } from 'vitest';
import { appUnderTest } from './fixture.ts';
import { menuLink, signIn } from './ui.ts';

const app = appUnderTest();

describe('similar tasks', () => {
  it('shows similar existing tasks as a proposal title is typed', async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    await menuLink(page, 'Nhiệm vụ KH&CN').click();
    await page.getByRole('button', { name: 'Đề xuất nhiệm vụ' }).first().click();
    await page.locator('#task_title').fill('Nhân rộng mô hình nuôi cá trê vàng thương phẩm ở Đức Huệ');
    const panel = page.getByTestId('similar-panel');
    await panel.getByTestId('similar-task').first().waitFor();
    const first = panel.getByTestId('similar-task').first();
    expect(await first.textContent()).toContain('cá trê vàng');
    expect(await first.getByTestId('similar-figure').textContent()).toMatch(/Tương đồng \d+%/);
    expect(await first.textContent()).toContain('cá trê');
    expect(errors).toEqual([]);
  });

  it("shows the tasks a council's task dossier resembles", async () => {
    const { page, errors } = await app.openApp();
    await signIn(page, 'canbo');
    const councils = await page.evaluate(async () => (await (await fetch('/api/councils?limit=50')).json()) as { items: { id: string; subjectType: string }[] });
    const council = councils.items.find((c) => c.subjectType === 'task');
    expect(council).toBeTruthy();
    await page.goto(new URL(`/councils/${council!.id}`, page.url()).toString());
    const similar = page.getByTestId('dossier-similar').first();
    await similar.waitFor();
    await similar.locator('[data-testid="similar-task"], [data-testid="similar-none"]').first().waitFor();
    expect(await similar.textContent()).toContain('Nhiệm vụ tương tự');
    expect(errors).toEqual([]);
  });
});
