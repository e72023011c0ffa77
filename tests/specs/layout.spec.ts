import { expect, test } from '@playwright/test';
import { MuellePage } from '../pages/muelle-page';

test.describe('layout', () => {
  test('on a 360 px phone the panes stack and nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const muelle = new MuellePage(page);
    await muelle.goto();

    const lesson = await muelle.lessonPane.boundingBox();
    const terminal = await muelle.terminal.boundingBox();
    expect(lesson && terminal).toBeTruthy();
    if (!lesson || !terminal) return;
    expect(terminal.y).toBeGreaterThanOrEqual(lesson.y + lesson.height);
    expect(terminal.width).toBeLessThanOrEqual(360);
    // The terminal is reachable without scrolling through the whole lesson.
    expect(terminal.y).toBeLessThan(740);
    expect(await muelle.scrollsSideways()).toBe(false);

    // Hidden helper texts stay inside their panes: the page is only as tall as what it shows.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(740 * 2);

    // Long output lines scroll inside the terminal, not the page.
    await muelle.run('docker version');
    await muelle.run('docker run hello-world');
    expect(await muelle.scrollsSideways()).toBe(false);
    expect(muelle.problems).toEqual([]);
  });

  test('on a wide screen the lesson and the terminal sit side by side', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const muelle = new MuellePage(page);
    await muelle.goto();

    const lesson = await muelle.lessonPane.boundingBox();
    const terminal = await muelle.terminal.boundingBox();
    expect(lesson && terminal).toBeTruthy();
    if (!lesson || !terminal) return;
    expect(terminal.x).toBeGreaterThan(lesson.x + lesson.width);
    expect(Math.abs(terminal.y - lesson.y)).toBeLessThan(40);
    // The page itself never scrolls: the lesson and the terminal scroll inside.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);
    expect(await muelle.scrollsSideways()).toBe(false);
    expect(muelle.problems).toEqual([]);
  });
});
