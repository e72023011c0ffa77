import { expect, test } from '@playwright/test';
import { MuellePage } from '../pages/muelle-page';

test.describe('docker login at the prompt', () => {
  let muelle: MuellePage;

  test.beforeEach(async ({ page }) => {
    muelle = new MuellePage(page);
    await muelle.goto();
  });

  test.afterEach(async () => {
    expect(muelle.problems, 'no console errors, exceptions or failed requests').toEqual([]);
  });

  test('asks Username and Password, hides the password and keeps it out of the history', async () => {
    const login = await muelle.run('docker login myregistry.com');
    await expect(muelle.outputOf(login)).toHaveText('Username: ');
    await expect(muelle.input).toHaveAttribute('type', 'text');
    await muelle.input.fill('estudiante');
    await muelle.input.press('Enter');
    await expect(muelle.outputOf(login)).toHaveText('Username: estudiante\nPassword: ');
    await expect(muelle.input, 'the password is typed unseen').toHaveAttribute('type', 'password');
    await muelle.input.fill('muelle123');
    await muelle.input.press('Enter');
    await expect(muelle.outputOf(login)).toContainText('Login Succeeded');
    await expect(muelle.outputOf(login)).not.toContainText('muelle123');
    await expect(muelle.input).toHaveAttribute('type', 'text');
    await expect(muelle.prompt).toHaveText('estudiante@muelle:~$ ');
    // ↑ brings back the command, never the answers.
    await muelle.input.press('ArrowUp');
    await expect(muelle.input).toHaveValue('docker login myregistry.com');
    // Logged in: the push of a tagged image is accepted.
    await muelle.run('docker pull busybox');
    await muelle.run('docker tag busybox myregistry.com/busybox:1.0');
    const push = await muelle.run('docker push myregistry.com/busybox:1.0');
    await expect(muelle.outputOf(push)).toContainText('1.0: digest: sha256:');
  });

  test('Docker Hub signs in on the web: Enter "opens the browser" and the login succeeds', async () => {
    const login = await muelle.run('docker login');
    await expect(muelle.outputOf(login)).toContainText('USING WEB-BASED LOGIN');
    await expect(muelle.outputOf(login)).toContainText('Your one-time device confirmation code is: ');
    await expect(muelle.outputOf(login)).toContainText('Waiting for authentication in the browser…');
    await expect(muelle.prompt).toHaveText('');
    await muelle.input.press('Enter');
    await expect(muelle.outputOf(login)).toContainText('Login Succeeded');
    await expect(muelle.prompt).toHaveText('estudiante@muelle:~$ ');
  });
});
