import { expect, test } from '@playwright/test';
import { MuellePage } from '../pages/muelle-page';

test.describe('copying terminal output', () => {
  let muelle: MuellePage;

  test.beforeEach(async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    muelle = new MuellePage(page);
    await muelle.goto();
  });

  test.afterEach(async () => {
    expect(muelle.problems, 'no console errors, exceptions or failed requests').toEqual([]);
  });

  test('"Copiar" puts a command\'s output on the clipboard, with a Spanish confirmation', async ({ page }) => {
    const entry = await muelle.run('docker --version');
    await entry.getByRole('button', { name: 'Copiar la salida de «docker --version»' }).click();
    await expect(page.getByTestId('terminal-copy-status')).toHaveText('Copiado al portapapeles.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Docker version 28\.2\.2, build \w+\n$/);
  });

  test('the copy button works from the keyboard', async ({ page }) => {
    const entry = await muelle.run('echo teclado');
    const copy = entry.getByRole('button', { name: /^Copiar la salida de/ });
    await copy.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('terminal-copy-status')).toHaveText('Copiado al portapapeles.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('teclado\n');
  });

  test('"Copiar todo" copies the transcript with prompts', async ({ page }) => {
    await muelle.run('echo uno');
    await muelle.run('echo dos');
    await page.getByRole('button', { name: 'Copiar todo' }).click();
    await expect(page.getByTestId('terminal-copy-status')).toHaveText('Copiado al portapapeles.');
    const prompt = (await muelle.prompt.textContent()) ?? '';
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${prompt}echo uno\nuno\n${prompt}echo dos\ndos\n`);
  });

  test('a long output line wraps inside the terminal instead of being cut', async () => {
    const word = 'muelle'.repeat(60);
    const entry = await muelle.run(`echo ${word}`);
    const output = muelle.outputOf(entry);
    await expect(output).toHaveText(`${word}\n`);
    const box = await output.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, height: el.clientHeight }));
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    const lineHeight = await output.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(box.height).toBeGreaterThan(lineHeight * 1.5);
    const screen = await muelle.screen.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(screen).toBe(true);
  });

  test('a [y/N] question waits for the answer typed in the terminal', async () => {
    await muelle.run('docker run --name uno busybox true');
    const prune = await muelle.run('docker container prune');
    await expect(muelle.outputOf(prune)).toHaveText(
      'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ',
    );
    await expect(muelle.prompt).toHaveText('');
    await muelle.input.fill('y');
    await muelle.input.press('Enter');
    await expect(muelle.outputOf(prune)).toContainText('[y/N] y\nDeleted Containers:\n');
    await expect(muelle.outputOf(prune)).toContainText('Total reclaimed space: 0B');
    await expect(muelle.prompt).toHaveText('estudiante@muelle:~$ ');
    const ps = await muelle.run('docker ps -a -q');
    await expect(muelle.outputOf(ps)).toHaveCount(0);
  });
});
