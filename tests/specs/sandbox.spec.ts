import { expect, test, type Page } from '@playwright/test';
import { MuellePage } from '../pages/muelle-page';
import { seriousViolations } from '../pages/axe';

test.describe('sandbox', () => {
  test('a shared sandbox address replays the commands and files in a new page', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const muelle = new MuellePage(page);
    await muelle.goto('/#/sandbox');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sandbox');
    await muelle.run('docker run -d --name web nginx');
    await muelle.run('echo "hola desde el sandbox" > notas.txt');
    const ps = await muelle.run('docker ps --format "{{.ID}} {{.Names}} {{.Image}}"');
    const listed = (await muelle.outputOf(ps).textContent()) ?? '';
    expect(listed).toMatch(/^[0-9a-f]{12} web nginx\n$/);

    await page.getByRole('button', { name: 'Copiar enlace' }).click();
    await expect(page.getByTestId('sandbox-status')).toHaveText('Copiado al portapapeles.');
    const link = await page.getByTestId('sandbox-link').inputValue();
    expect(link).toMatch(/#\/sandbox\?estado=[A-Za-z0-9_-]+$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const other = await context.newPage();
    const shared = new MuellePage(other);
    await other.goto(link);
    await shared.waitForTerminal();
    await expect(other.getByTestId('sandbox-notice')).toHaveText(
      'Sandbox compartido: se ha repetido lo que se hizo en él (3 pasos). Tus archivos guardados no se tocan.',
    );
    // The same commands, with the same output (the session's seed travels in the address).
    await expect(shared.entries.locator('.term-command-text')).toHaveText([
      'docker run -d --name web nginx',
      'echo "hola desde el sandbox" > notas.txt',
      'docker ps --format "{{.ID}} {{.Names}} {{.Image}}"',
    ]);
    await expect(shared.outputOf(shared.lastEntry())).toHaveText(listed);
    const cat = await shared.run('cat notas.txt');
    await expect(shared.outputOf(cat)).toHaveText('hola desde el sandbox\n');
    await expect(other.getByTestId('editor-file')).toHaveText(['notas.txt']);
    expect(shared.problems).toEqual([]);
    expect(muelle.problems).toEqual([]);
  });

  test('a damaged address says so in Spanish and opens an empty sandbox', async ({ page }) => {
    const muelle = new MuellePage(page);
    await muelle.goto('/#/sandbox?estado=esto-no-es-un-enlace');
    await expect(page.getByTestId('sandbox-notice')).toHaveText(/^El enlace del sandbox .+\. Se abre un sandbox vacío\.$/);
    const entry = await muelle.run('docker ps');
    await expect(muelle.outputOf(entry)).toContainText('CONTAINER ID');
    expect(muelle.problems).toEqual([]);
  });

  test('"Abrir en el sandbox" on a lesson example replays it there', async ({ page }) => {
    const muelle = new MuellePage(page);
    await muelle.goto('/#/leccion/bienvenida');
    const firstExample = page.locator('.runnable-block').first();
    const commands = ((await firstExample.locator('pre').getAttribute('data-run')) ?? '').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    await firstExample.getByRole('link', { name: 'Abrir en el sandbox' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sandbox');
    await muelle.waitForTerminal();
    await expect(muelle.entries.first().locator('.term-command-text')).toHaveText(commands[0]);
    expect(muelle.problems).toEqual([]);
  });

  test('a failure shows a Spanish message with "Recargar", never a blank page, and progress is untouched', async ({ page }) => {
    const muelle = new MuellePage(page);
    await muelle.goto('/#/leccion/bienvenida');
    await muelle.run('docker --version');
    const before = await storage(page);
    expect(Object.keys(before).length).toBeGreaterThan(0);

    await page.goto('/#/prueba-de-fallo');
    const crash = page.getByRole('alertdialog', { name: 'Algo ha fallado' });
    await expect(crash).toBeVisible();
    await expect(crash).toContainText('Tu progreso está guardado en este navegador y no se ha tocado');
    const reload = crash.getByRole('button', { name: 'Recargar' });
    await expect(reload).toBeFocused();
    expect(await storage(page)).toEqual(before);

    // "Recargar" reloads; elsewhere the app works as before.
    await page.evaluate(() => {
      window.location.hash = '#/leccion/bienvenida';
    });
    await reload.click();
    await muelle.waitForTerminal();
    await expect(page.getByTestId('crash-screen')).toHaveCount(0);
    expect(await storage(page)).toEqual(before);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`sandbox with the editor and the palette: no serious axe violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const muelle = new MuellePage(page);
      await muelle.goto('/#/sandbox');
      page.once('dialog', (dialog) => dialog.accept('Dockerfile'));
      await page.getByRole('button', { name: 'Nuevo' }).click();
      await page.getByRole('textbox', { name: /^Contenido de Dockerfile/ }).fill('FROM alpine\nCMD ["sh"]\n');
      await muelle.run('docker --version');
      await page.getByRole('button', { name: 'Copiar enlace' }).click();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

async function storage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key !== null) out[key] = window.localStorage.getItem(key) ?? '';
    }
    return out;
  });
}
