import { expect, test } from '@playwright/test';
import { CourseMapPage } from '../pages/course-map-page';
import { LessonPage } from '../pages/lesson-page';

test.describe('routing', () => {
  test('a lesson opens from its address, with its title and terminal', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open('anatomia-de-una-imagen');
    await expect(lesson.lessonTitle).toHaveText('Anatomía de una imagen');
    await expect(page).toHaveTitle('Anatomía de una imagen · Muelle');
    await expect(lesson.lesson.getByRole('complementary', { name: 'Objetivos de la lección' })).toContainText(
      'Descargar, listar, inspeccionar, etiquetar y eliminar imágenes',
    );
    await expect(lesson.input).toBeFocused();
    expect(lesson.problems).toEqual([]);
  });

  test('the course map lists the modules and lessons, and links to them; back and forward work', async ({ page }) => {
    const map = new CourseMapPage(page);
    const lesson = new LessonPage(page);
    await map.goto();
    await expect(map.title).toHaveText('Docker desde cero');
    await expect(map.modules).toHaveCount(3);
    await expect(map.modules.getByRole('heading', { level: 2 })).toHaveText(['Primeros pasos', 'Imágenes', 'Contenedores']);
    await expect(map.lessons).toHaveCount(3);
    await expect(map.moduleProgress('Imágenes')).toHaveAttribute('aria-valuenow', '0');

    await map.lessonLink('El ciclo de vida de un contenedor').click();
    await expect(page).toHaveURL(/#\/leccion\/ciclo-de-vida-de-un-contenedor$/);
    await lesson.waitForTerminal();
    await expect(lesson.lessonTitle).toHaveText('El ciclo de vida de un contenedor');
    // After moving inside the app, the focus goes to the page's title (for keyboard and screen readers).
    await expect(lesson.lessonTitle).toBeFocused();

    await page.goBack();
    await expect(map.root).toBeVisible();
    await expect(page).toHaveTitle('Muelle · Curso interactivo de Docker');
    await page.goForward();
    await expect(lesson.lessonTitle).toHaveText('El ciclo de vida de un contenedor');

    await page.getByRole('link', { name: 'Ayuda' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ayuda');
    await page.goBack();
    await expect(lesson.lessonTitle).toHaveText('El ciclo de vida de un contenedor');
    expect(lesson.problems).toEqual([]);
  });

  test('a reload stays on the same lesson', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open('ciclo-de-vida-de-un-contenedor');
    await page.reload();
    await lesson.waitForTerminal();
    await expect(lesson.lessonTitle).toHaveText('El ciclo de vida de un contenedor');
  });

  test('next and previous links walk the course in order', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open('bienvenida');
    await lesson.nextLesson.click();
    await expect(lesson.lessonTitle).toHaveText('Anatomía de una imagen');
    await lesson.nextLesson.click();
    await expect(lesson.lessonTitle).toHaveText('El ciclo de vida de un contenedor');
    await expect(lesson.nextLesson).toHaveCount(0);
  });

  test('an unknown lesson shows a Spanish not-found page with the way back', async ({ page }) => {
    const lesson = new LessonPage(page);
    await page.goto('/#/leccion/no-existe');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No encontramos esa página');
    await expect(page.getByTestId('not-found')).toContainText('#/leccion/no-existe');
    await page.getByRole('link', { name: 'Ir al mapa del curso', exact: true }).click();
    await expect(page.getByTestId('course-map')).toBeVisible();
    expect(lesson.problems).toEqual([]);
  });

  test('served from a sub-folder, the site works, reloads included', async ({ page, baseURL }) => {
    // Every request under /curso/muelle/ is answered with the file of the same name in dist/.
    await page.route('**/curso/muelle/**', async (route) => {
      const url = new URL(route.request().url());
      const file = url.pathname.replace('/curso/muelle/', '/');
      const response = await route.fetch({ url: `${baseURL}${file}` });
      await route.fulfill({ response });
    });
    const lesson = new LessonPage(page);
    await page.goto('/curso/muelle/#/leccion/anatomia-de-una-imagen');
    await lesson.waitForTerminal();
    await expect(lesson.lessonTitle).toHaveText('Anatomía de una imagen');
    await page.reload();
    await lesson.waitForTerminal();
    await expect(lesson.lessonTitle).toHaveText('Anatomía de una imagen');
    await lesson.nav.getByRole('link', { name: 'Curso', exact: true }).click();
    await expect(page).toHaveURL(/\/curso\/muelle\/#\/$/);
    await expect(page.getByTestId('course-map')).toBeVisible();
    expect(lesson.problems).toEqual([]);
  });
});
