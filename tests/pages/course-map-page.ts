import { expect, type Locator, type Page } from '@playwright/test';

/** The course map at `#/`: modules, lessons with progress bars, and the progress file tools. */
export class CourseMapPage {
  readonly page: Page;
  readonly root: Locator;
  readonly title: Locator;
  readonly modules: Locator;
  readonly lessons: Locator;
  readonly courseProgress: Locator;
  readonly exportButton: Locator;
  readonly importButton: Locator;
  readonly importFile: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('course-map');
    this.title = page.getByRole('heading', { level: 1 });
    this.modules = page.getByTestId('map-module');
    this.lessons = page.getByTestId('map-lesson');
    this.courseProgress = page.getByRole('progressbar', { name: 'Progreso del curso' });
    this.exportButton = page.getByRole('button', { name: 'Exportar progreso' });
    this.importButton = page.getByRole('button', { name: 'Importar progreso' });
    this.importFile = page.getByTestId('import-file');
    this.status = page.getByTestId('progress-status');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.root).toBeVisible();
  }

  lessonLink(title: string): Locator {
    return this.page.getByRole('link', { name: title });
  }

  lessonProgress(title: string): Locator {
    return this.page.getByRole('progressbar', { name: `Progreso de la lección ${title}` });
  }

  moduleProgress(title: string): Locator {
    return this.page.getByRole('progressbar', { name: `Progreso del módulo ${title}` });
  }
}
