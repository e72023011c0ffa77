import { expect, test } from '@playwright/test';
import { CourseMapPage } from '../pages/course-map-page';
import { LessonPage } from '../pages/lesson-page';

test.describe('themes and help', () => {
  test('the theme follows the system until the learner picks one, and the choice is remembered', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const lesson = new LessonPage(page);
    await lesson.open('bienvenida');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(11, 18, 32)');
    await expect(lesson.themeToggle).toHaveAccessibleName('Cambiar al tema claro');
    await lesson.themeToggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background()).toBe('rgb(238, 241, 245)');
    await expect(lesson.themeToggle).toHaveAccessibleName('Cambiar al tema oscuro');
    await page.reload();
    await lesson.waitForTerminal();
    expect(await background()).toBe('rgb(238, 241, 245)');
    expect(await lesson.stored('muelle.tema')).toBe('claro');
    expect(lesson.problems).toEqual([]);
  });

  test('without a choice, the toggle follows a change of the system theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const map = new CourseMapPage(page);
    await map.goto();
    const toggle = page.getByTestId('theme-toggle');
    await expect(toggle).toHaveAccessibleName('Cambiar al tema oscuro');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(toggle).toHaveAccessibleName('Cambiar al tema claro');
  });

  test('focus is visible on buttons and links', async ({ page }) => {
    const map = new CourseMapPage(page);
    await map.goto();
    await map.exportButton.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await map.exportButton.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });

  test('the help page lists the keyboard shortcuts', async ({ page }) => {
    await page.goto('/#/ayuda');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ayuda');
    const shortcuts = page.getByTestId('terminal-shortcuts');
    for (const keys of ['Intro', 'Tab', 'Ctrl+C', 'Ctrl+L', 'Ctrl+P y después Ctrl+Q']) {
      await expect(shortcuts.getByRole('rowheader', { name: keys, exact: true })).toBeVisible();
    }
  });
});
