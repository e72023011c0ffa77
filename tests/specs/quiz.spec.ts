import { expect, test } from '@playwright/test';
import { LessonPage } from '../pages/lesson-page';

test.describe('practice quiz', () => {
  let lesson: LessonPage;

  test.beforeEach(async ({ page }) => {
    lesson = new LessonPage(page);
    await lesson.open('ciclo-de-vida-de-un-contenedor');
  });

  test.afterEach(async () => {
    expect(lesson.problems).toEqual([]);
  });

  test('single choice: immediate feedback for the chosen option', async () => {
    const q = lesson.question('stop');
    await q.check.click();
    await expect(q.feedback).toContainText('Elige una respuesta antes de comprobar.');
    await q.option(/Envía `?SIGKILL`? al proceso principal al instante/).check();
    await q.check.click();
    await expect(q.feedback).toContainText('No es correcto.');
    await expect(q.feedback).toContainText('Eso es docker kill');
    await q.option(/espera hasta 10 segundos/).check();
    await expect(q.feedback).toBeEmpty();
    await q.check.click();
    await expect(q.feedback).toContainText('¡Correcto!');
  });

  test('multiple choice: partial credit says what is missing', async () => {
    const q = lesson.question('ps-sin-a');
    await q.option(/en ejecución/).check();
    await q.check.click();
    await expect(q.feedback).toContainText('Casi: parcialmente correcto.');
    await expect(q.feedback).toContainText('Te falta marcar alguna opción correcta.');
    await q.option(/en pausa/).check();
    await q.option(/reiniciando/).check();
    await q.check.click();
    await expect(q.feedback).toContainText('¡Correcto!');
    await expect(lesson.page.getByTestId('quiz-score')).toHaveText('Llevas 1 de 3 preguntas correctas.');
  });

  test('ordering: moved with buttons, graded with a hint about the first wrong pair', async () => {
    const q = lesson.question('orden-ciclo');
    const expected = ['a', 'b', 'c', 'd', 'e', 'f'];
    const start = await q.order();
    expect([...start].sort()).toEqual(expected);
    expect(start).not.toEqual(expected);
    await q.check.click();
    await expect(q.feedback).toContainText('No es correcto.');
    await expect(q.feedback).toContainText('va antes que');

    // Put each item in place, top to bottom, with "Subir".
    for (let target = 0; target < expected.length; target += 1) {
      let order = await q.order();
      let at = order.indexOf(expected[target]);
      while (at > target) {
        await q.root.locator(`[data-item="${expected[target]}"]`).getByRole('button', { name: /^Subir/ }).click();
        order = await q.order();
        at = order.indexOf(expected[target]);
      }
    }
    expect(await q.order()).toEqual(expected);
    await q.check.click();
    await expect(q.feedback).toContainText('¡Correcto!');
  });
});
