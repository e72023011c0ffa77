import { expect, test, type Page } from '@playwright/test';
import { MuellePage } from '../pages/muelle-page';

/** Answers the next browser question box (prompt) with `answer`. */
function answerNextPrompt(page: Page, answer: string): void {
  page.once('dialog', (dialog) => dialog.accept(answer));
}

test.describe('project editor', () => {
  let muelle: MuellePage;

  test.beforeEach(async ({ page }) => {
    muelle = new MuellePage(page);
    await muelle.goto('/#/sandbox');
  });

  test.afterEach(async () => {
    expect(muelle.problems, 'no console errors, exceptions or failed requests').toEqual([]);
  });

  test('a new Dockerfile, saved with Ctrl+S, is in the project folder and still there after a reload', async ({ page }) => {
    const editor = page.getByTestId('editor');
    answerNextPrompt(page, 'Dockerfile');
    await editor.getByRole('button', { name: 'Nuevo' }).click();
    const text = editor.getByRole('textbox', { name: 'Contenido de Dockerfile (Dockerfile)' });
    await expect(text).toBeFocused({ timeout: 1 }).catch(() => text.focus());
    await text.fill('FROM alpine:3.20\nRUN echo hola > /saludo\nCMD ["cat", "/saludo"]\n');
    await expect(editor.getByText('Cambios sin guardar')).toBeVisible();
    await text.press('Control+s');
    await expect(editor.getByTestId('editor-status')).toHaveText('Guardado «Dockerfile» en la carpeta del proyecto.');
    await expect(editor.getByText('Cambios sin guardar')).toHaveCount(0);

    // Line numbers and highlighting follow the text.
    await expect(editor.locator('.editor-gutter')).toHaveText('1\n2\n3\n4');
    await expect(editor.locator('.editor-highlight .tok-keyword').first()).toHaveText('FROM');
    await expect(editor.locator('.editor-highlight .tok-image')).toHaveText('alpine:3.20');

    // The terminal's session sees the file.
    const cat = await muelle.run('cat Dockerfile');
    await expect(muelle.outputOf(cat)).toHaveText('FROM alpine:3.20\nRUN echo hola > /saludo\nCMD ["cat", "/saludo"]\n');

    await page.reload();
    await muelle.waitForTerminal();
    await expect(page.getByTestId('editor-file')).toHaveText(['Dockerfile']);
    await expect(page.getByRole('textbox', { name: 'Contenido de Dockerfile (Dockerfile)' })).toHaveValue(
      'FROM alpine:3.20\nRUN echo hola > /saludo\nCMD ["cat", "/saludo"]\n',
    );
  });

  test('files written from the terminal appear in the editor; rename and delete', async ({ page }) => {
    await muelle.run('echo "print(1)" > app.py');
    const files = page.getByTestId('editor-file');
    await expect(files).toHaveText(['app.py']);
    await expect(page.getByRole('textbox', { name: 'Contenido de app.py (Texto)' })).toHaveValue('print(1)\n');

    answerNextPrompt(page, 'main.py');
    await page.getByRole('button', { name: 'Renombrar' }).click();
    await expect(files).toHaveText(['main.py']);
    const ls = await muelle.run('ls');
    await expect(muelle.outputOf(ls)).toHaveText('main.py\n');

    answerNextPrompt(page, '../fuera');
    await page.getByRole('button', { name: 'Nuevo' }).click();
    await expect(page.getByTestId('editor-status')).toContainText('no es un nombre válido');

    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Borrar' }).click();
    await expect(files).toHaveCount(0);
    await expect(page.getByTestId('editor-status')).toHaveText('Borrado «main.py».');
  });

  test('"Construir" saves and types docker build into the terminal', async ({ page }) => {
    answerNextPrompt(page, 'Dockerfile');
    await page.getByRole('button', { name: 'Nuevo' }).click();
    await page.getByRole('textbox', { name: 'Contenido de Dockerfile (Dockerfile)' }).fill('FROM alpine\n');
    await page.getByTestId('editor-image').fill('saludo:1.0');
    await page.getByRole('button', { name: 'Construir' }).click();
    await expect(muelle.commandOf(muelle.lastEntry())).toHaveText('docker build -t saludo:1.0 .');
    await expect(page.getByTestId('editor-status')).toHaveText('Guardado «Dockerfile» en la carpeta del proyecto.');
  });

  test('"Abrir en el editor" on a lesson puts the Dockerfile in the project folder and opens it', async ({ page }) => {
    await muelle.goto('/#/leccion/anatomia-de-una-imagen');
    await page.getByRole('button', { name: 'Abrir en el editor' }).first().click();
    const text = page.getByRole('textbox', { name: 'Contenido de Dockerfile (Dockerfile)' });
    await expect(text).toBeFocused();
    await expect(text).toHaveValue(/^# Imagen base: sus capas son las primeras de la pila\nFROM ubuntu:24\.04\n/);
    const ls = await muelle.run('ls');
    await expect(muelle.outputOf(ls)).toHaveText('Dockerfile\n');
  });

  // The hadolint-style linter (`simulator::lint`) with the Spanish explanations of the course.
  test('a lint problem is underlined with its explanation', async ({ page }) => {
    answerNextPrompt(page, 'Dockerfile');
    await page.getByRole('button', { name: 'Nuevo' }).click();
    const text = page.getByRole('textbox', { name: 'Contenido de Dockerfile (Dockerfile)' });
    await text.fill('FROM alpine:3.20\nRUN echo hola\n');
    await expect(page.getByTestId('lint-underline')).toHaveCount(0);
    await text.fill('FROM ubuntu\nRUN apt-get install curl\n');
    const problems = page.getByRole('list', { name: 'Avisos del linter' });
    await expect(problems).toContainText('Línea 1 · DL3006 Indica siempre la etiqueta de la imagen');
    await expect(problems).toContainText('Línea 2 · DL3008 Fija las versiones en apt-get install');
    await expect(problems.locator('code').first()).toHaveText('FROM');
    const underline = page.getByTestId('lint-underline').and(page.locator('[title="Fija las versiones en apt-get install"]'));
    await expect(underline).toHaveCount(1);
    await expect(page.locator('.editor-lint-flag[title="DL3008 · Fija las versiones en apt-get install"]')).toBeVisible();
    // Each problem offers the fixed form, folded until asked for.
    const pin = problems.locator('li').filter({ hasText: 'DL3008' });
    await pin.getByText('Forma corregida').click();
    await expect(pin.locator('.editor-lint-fixed pre')).toContainText('--no-install-recommends curl=');
  });
});
