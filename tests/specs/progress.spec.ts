import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CourseMapPage } from '../pages/course-map-page';
import { LessonPage } from '../pages/lesson-page';

/** Solves the first exercise of "Anatomía de una imagen" by typing its solution. */
async function solveOtroNombre(page: Page): Promise<LessonPage> {
  const lesson = new LessonPage(page);
  await lesson.open('anatomia-de-una-imagen');
  const exercise = lesson.exercise('otro-nombre');
  await exercise.start.click();
  await lesson.type('docker tag nginx web:1.0');
  await expect(exercise.root).toHaveAttribute('data-solved', 'true');
  return lesson;
}

test.describe('progress', () => {
  test('a reload keeps solved exercises, quiz answers and the command history', async ({ page }) => {
    const lesson = await solveOtroNombre(page);
    const expose = lesson.question('expose');
    await expose.option(/Nada se publica/).check();
    await expose.check.click();
    await expect(expose.feedback).toContainText('¡Correcto!');

    await page.reload();
    await lesson.waitForTerminal();
    await expect(lesson.exercise('otro-nombre').root).toHaveAttribute('data-solved', 'true');
    await expect(lesson.exercise('limpieza').root).toHaveAttribute('data-solved', 'false');
    await expect(expose.option(/Nada se publica/)).toBeChecked();
    await expect(expose.feedback).toContainText('¡Correcto!');
    await lesson.input.press('ArrowUp');
    await expect(lesson.input).toHaveValue('docker tag nginx web:1.0');

    const map = new CourseMapPage(page);
    await map.goto();
    // 2 of 5 units: two exercises and three questions.
    await expect(map.lessonProgress('Anatomía de una imagen')).toHaveAttribute('aria-valuenow', '40');
    await expect(map.moduleProgress('Imágenes')).toHaveAttribute('aria-valuenow', '40');
    await expect(map.lessonProgress('Bienvenida a Muelle')).toHaveAttribute('aria-valuenow', '0');
    expect(lesson.problems).toEqual([]);
  });

  test('two tabs never overwrite each other\'s progress', async ({ page, context }) => {
    const first = new LessonPage(page);
    await first.open('anatomia-de-una-imagen');
    const secondPage = await context.newPage();
    await solveOtroNombre(secondPage);
    // The first tab learns about it without a reload…
    await expect(first.exercise('otro-nombre').root).toHaveAttribute('data-solved', 'true');
    // …and what it saves next keeps it.
    const cleanup = first.exercise('limpieza');
    await cleanup.start.click();
    await first.type('docker rm saludo');
    await first.type('docker rmi hello-world');
    await expect(cleanup.root).toHaveAttribute('data-solved', 'true');
    const second = new LessonPage(secondPage);
    await secondPage.reload();
    await second.waitForTerminal();
    await expect(second.exercise('otro-nombre').root).toHaveAttribute('data-solved', 'true');
    await expect(second.exercise('limpieza').root).toHaveAttribute('data-solved', 'true');
    expect(first.problems).toEqual([]);
  });

  test('export, then import on a fresh browser profile', async ({ page, browser }) => {
    await solveOtroNombre(page);
    const map = new CourseMapPage(page);
    await map.goto();
    const downloading = page.waitForEvent('download');
    await map.exportButton.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('muelle-progreso.json');
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.formato).toBe('muelle-progreso');
    expect(exported.version).toBe(2);
    expect(exported.lecciones['anatomia-de-una-imagen'].ejercicios['otro-nombre'].resuelto).toEqual(expect.any(Number));

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    const otherMap = new CourseMapPage(other);
    await otherMap.goto();
    await expect(otherMap.lessonProgress('Anatomía de una imagen')).toHaveAttribute('aria-valuenow', '0');
    await otherMap.importFile.setInputFiles(file);
    await expect(otherMap.status).toHaveText('Progreso importado: 1 ejercicio resuelto nuevo y 0 respuestas nuevas.');
    await expect(otherMap.lessonProgress('Anatomía de una imagen')).toHaveAttribute('aria-valuenow', '20');

    const lesson = new LessonPage(other);
    await lesson.open('anatomia-de-una-imagen');
    await expect(lesson.exercise('otro-nombre').root).toHaveAttribute('data-solved', 'true');
    await fresh.close();
  });

  test('importing a file that is not progress changes nothing and says why', async ({ page }) => {
    const map = new CourseMapPage(page);
    await map.goto();
    await map.importFile.setInputFiles({ name: 'notas.json', mimeType: 'application/json', buffer: Buffer.from('{"hola": 1}') });
    await expect(map.status).toHaveText('No se ha importado nada: el archivo «notas.json» no es un archivo de progreso de Muelle.');
    await map.importFile.setInputFiles({ name: 'roto.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 2,') });
    await expect(map.status).toContainText('No se ha importado nada: el archivo «roto.json» los datos están dañados');
  });

  test('a corrupted store is recovered: a Spanish message, the raw data backed up, never a blank page', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('sembrado')) {
        localStorage.setItem('muelle.progreso', '{"version": 2, "lecciones": {"x": ');
        sessionStorage.setItem('sembrado', '1');
      }
    });
    const lesson = new LessonPage(page);
    await lesson.open('anatomia-de-una-imagen');
    await expect(lesson.storageNotice).toBeVisible();
    await expect(lesson.storageNotice).toHaveAttribute('role', 'alert');
    await expect(lesson.storageNotice).toContainText('No hemos podido leer tu progreso guardado');
    await expect(lesson.storageNotice).toContainText('«muelle.progreso.respaldo»');
    expect(await lesson.stored('muelle.progreso.respaldo')).toBe('{"version": 2, "lecciones": {"x": ');
    // The app works: an exercise can be solved and is saved in a clean store.
    const exercise = lesson.exercise('otro-nombre');
    await exercise.start.click();
    await lesson.type('docker tag nginx web:1.0');
    await expect(exercise.root).toHaveAttribute('data-solved', 'true');
    await lesson.storageNotice.getByRole('button', { name: 'Entendido' }).click();
    await expect(lesson.storageNotice).toHaveCount(0);
    await page.reload();
    await lesson.waitForTerminal();
    await expect(lesson.storageNotice).toHaveCount(0);
    await expect(exercise.root).toHaveAttribute('data-solved', 'true');
    expect(lesson.problems).toEqual([]);
  });

  test('an old store is migrated and kept as a backup', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('sembrado')) {
        localStorage.setItem('muelle.progreso', '{"version": 1, "resueltos": ["anatomia-de-una-imagen/limpieza"]}');
        sessionStorage.setItem('sembrado', '1');
      }
    });
    const lesson = new LessonPage(page);
    await lesson.open('anatomia-de-una-imagen');
    await expect(lesson.storageNotice).toContainText('Tu progreso se guardó con una versión anterior de Muelle');
    await expect(lesson.exercise('limpieza').root).toHaveAttribute('data-solved', 'true');
    expect(JSON.parse((await lesson.stored('muelle.progreso')) ?? '{}').version).toBe(2);
  });
});
