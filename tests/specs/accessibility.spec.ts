import { expect, test } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { LessonPage } from '../pages/lesson-page';

test.describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`course map, lesson with an exercise and a quiz, and help: no serious violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await expect(page.getByTestId('course-map')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      const lesson = new LessonPage(page);
      await lesson.open('ciclo-de-vida-de-un-contenedor');
      const exercise = lesson.exercise('servidor-web');
      await exercise.start.click();
      await lesson.run('docker rm web');
      await exercise.hint.click();
      await lesson.question('stop').check.click();
      await expect(lesson.explanation).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/#/ayuda');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ayuda');
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
