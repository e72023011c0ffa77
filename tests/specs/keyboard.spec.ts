import { expect, test, type Locator, type Page } from '@playwright/test';
import { LessonPage } from '../pages/lesson-page';

/** Presses `key` until `target` has the focus (at most `limit` times). */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab', limit = 120): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test.describe('keyboard only', () => {
  test('an exercise is started, solved and marked done without the mouse', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open('anatomia-de-una-imagen');
    await expect(lesson.input).toBeFocused();
    const exercise = lesson.exercise('otro-nombre');

    // Escape, then Shift+Tab backwards from the terminal to the exercise's button.
    await page.keyboard.press('Escape');
    await tabTo(page, exercise.start, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(lesson.exerciseBar).toBeVisible();
    await expect(lesson.input).toBeFocused();

    await page.keyboard.type('docker tag nginx web:1.0');
    await page.keyboard.press('Enter');
    await expect(exercise.root).toHaveAttribute('data-solved', 'true');
    await expect(lesson.exerciseMessage).toContainText('¡Conseguido!');

    // The "Ejecutar" buttons work with the keyboard too.
    await page.keyboard.press('Escape');
    const run = lesson.example('docker image ls').getByRole('button', { name: 'Ejecutar' });
    await tabTo(page, run, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(lesson.commandOf(lesson.lastEntry())).toHaveText('docker image ls');
    expect(lesson.problems).toEqual([]);
  });

  test('an ordering question is solved with the keyboard; the focus follows the moved item', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open('anatomia-de-una-imagen');
    const q = lesson.question('orden-run');
    const expected = ['a', 'b', 'c', 'd'];
    for (let target = 0; target < expected.length; target += 1) {
      let at = (await q.order()).indexOf(expected[target]);
      if (at <= target) continue;
      const up = q.root.locator(`[data-item="${expected[target]}"]`).getByRole('button', { name: /^Subir/ });
      await up.focus();
      while (at > target) {
        await page.keyboard.press('Enter');
        at = (await q.order()).indexOf(expected[target]);
        // The focus stays on the item that moved (its "Subir", or "Bajar" once at the top).
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.closest('[data-item]')?.getAttribute('data-item')))
          .toBe(expected[target]);
      }
    }
    expect(await q.order()).toEqual(expected);
    await tabTo(page, q.check, 'Tab');
    await page.keyboard.press('Space');
    await expect(q.feedback).toContainText('¡Correcto!');
    await expect(q.root.getByTestId('order-status')).toHaveText(/está ahora en la posición \d de 4\.$/);
  });

  test('on a lesson, a skip link leads to the terminal', async ({ page }) => {
    const lesson = new LessonPage(page);
    await page.goto('/');
    await expect(page.getByTestId('course-map')).toBeVisible();
    await page.goto('/#/leccion/bienvenida');
    await lesson.waitForTerminal();
    await page.getByRole('heading', { level: 1 }).focus();
    const skip = page.getByRole('link', { name: 'Ir a la terminal' });
    await tabTo(page, skip, 'Shift+Tab', 20);
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(lesson.input).toBeFocused();
  });

  test('the skip link jumps to the content', async ({ page }) => {
    const lesson = new LessonPage(page);
    await page.goto('/');
    await expect(page.getByTestId('course-map')).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Saltar al contenido' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    expect(lesson.problems).toEqual([]);
  });
});
