import { expect, test } from '@playwright/test';
import { MuellePage } from '../pages/muelle-page';

test.describe('command palette on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('taps build a line with commands, flags and names, and run it', async ({ page }) => {
    const muelle = new MuellePage(page);
    await muelle.goto('/#/leccion/bienvenida');
    await page.getByRole('button', { name: 'Componer' }).tap();
    const palette = page.getByRole('group', { name: 'Componer un comando' });
    await expect(palette).toBeVisible();
    const line = palette.getByTestId('palette-line');

    await palette.getByRole('button', { name: 'docker run', exact: true }).tap();
    await palette.getByRole('button', { name: '-d', exact: true }).tap();
    await palette.getByRole('button', { name: '--name', exact: true }).tap();
    await expect(line).toHaveText('docker run -d --name');
    await palette.getByRole('button', { name: 'Borrar palabra' }).tap();
    await expect(line).toHaveText('docker run -d');
    await palette.getByRole('button', { name: 'Ejecutar' }).tap();
    // `docker run -d` without an image: Docker's own error, run from the palette.
    await expect(muelle.commandOf(muelle.lastEntry())).toHaveText('docker run -d');
    await expect(line).toHaveText('Toca un comando para empezar');

    await muelle.run('docker run -d --name web nginx');
    await palette.getByRole('button', { name: 'docker stop', exact: true }).tap();
    await palette.getByRole('group', { name: 'Contenedores e imágenes' }).getByRole('button', { name: 'web', exact: true }).tap();
    await expect(line).toHaveText('docker stop web');
    await palette.getByRole('button', { name: 'Ejecutar' }).tap();
    await expect(muelle.commandOf(muelle.lastEntry())).toHaveText('docker stop web');
    await expect(muelle.outputOf(muelle.lastEntry())).toHaveText('web\n');
    expect(muelle.problems).toEqual([]);
  });

  test('the page does not scroll sideways with the palette open', async ({ page }) => {
    const muelle = new MuellePage(page);
    await muelle.goto('/#/sandbox');
    await page.getByRole('button', { name: 'Componer' }).tap();
    await expect(page.getByTestId('palette')).toBeVisible();
    expect(await muelle.scrollsSideways()).toBe(false);
  });
});
