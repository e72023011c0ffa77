import { expect, test } from '@playwright/test';
import { MuellePage } from '../pages/muelle-page';

test.describe('terminal', () => {
  let muelle: MuellePage;

  test.beforeEach(async ({ page }) => {
    muelle = new MuellePage(page);
    await muelle.goto();
  });

  test.afterEach(async () => {
    expect(muelle.problems, 'no console errors, exceptions or failed requests').toEqual([]);
  });

  test('the page loads with the lesson and a focused prompt, without console errors', async () => {
    await expect(muelle.brand).toBeVisible();
    await expect(muelle.lessonTitle).toHaveText('Bienvenida a Muelle');
    await expect(muelle.lesson.locator('pre code')).toContainText('docker run hello-world');
    await expect(muelle.input).toBeFocused();
    await expect(muelle.output).toHaveAttribute('aria-live', 'polite');
  });

  test('docker --version reaches the simulator and back', async () => {
    const entry = await muelle.run('docker --version');
    await expect(entry.locator('.term-prompt')).toHaveText('estudiante@muelle:~$ ');
    await expect(muelle.commandOf(entry)).toHaveText('docker --version');
    await expect(muelle.outputOf(entry)).toHaveText(/^Docker version 28\.2\.2, build \w+\n?$/);
    await expect(entry).toHaveAttribute('data-exit-code', '0');
    await expect(muelle.input).toHaveValue('');
    await expect(muelle.input).toBeFocused();
  });

  test('typing docker run hello-world + Enter shows the greeting', async () => {
    await muelle.type('docker run hello-world');
    const entry = muelle.lastEntry();
    await expect(muelle.commandOf(entry)).toHaveText('docker run hello-world');
    await expect(muelle.outputOf(entry)).toContainText('Hello from Docker!');
    await expect(muelle.outputOf(entry)).toContainText(
      'This message shows that your installation appears to be working correctly.',
    );
  });

  test('↑ and ↓ walk the command history', async () => {
    await muelle.run('docker --version');
    await muelle.run('docker version');
    await muelle.input.fill('docker ru');
    await muelle.input.press('ArrowUp');
    await expect(muelle.input).toHaveValue('docker version');
    await muelle.input.press('ArrowUp');
    await expect(muelle.input).toHaveValue('docker --version');
    await muelle.input.press('ArrowDown');
    await expect(muelle.input).toHaveValue('docker version');
    await muelle.input.press('ArrowDown');
    await expect(muelle.input).toHaveValue('docker ru');
  });

  test('↑ recalls the command just run, and Enter runs it again', async () => {
    await muelle.run('docker --version');
    await muelle.input.press('ArrowUp');
    await expect(muelle.input).toHaveValue('docker --version');
    await muelle.input.press('Enter');
    await expect(muelle.entries).toHaveCount(2);
    await expect(muelle.outputOf(muelle.entries.nth(1))).toContainText('Docker version 28.2.2');
  });

  test('HTML typed by the learner is shown as text, never interpreted', async ({ page }) => {
    await muelle.type('<b>x</b>');
    await expect(muelle.commandOf(muelle.lastEntry())).toHaveText('<b>x</b>');
    await expect(muelle.output.locator('b')).toHaveCount(0);

    await muelle.run('echo <img src=x onerror=window.__pwned=1> "<script>window.__pwned=2</script>"');
    await expect(muelle.output.locator('img, script')).toHaveCount(0);
    await expect(muelle.commandOf(muelle.lastEntry())).toContainText('<script>window.__pwned=2</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('errors go to stderr, styled apart from normal output', async () => {
    const entry = await muelle.run('docker foo');
    await expect(entry.locator('.term-stderr')).toContainText('docker: unknown command: docker foo');
    await expect(entry).not.toHaveAttribute('data-exit-code', '0');
  });

  test('Ctrl+L clears the screen and keeps what is being typed', async () => {
    await muelle.run('docker --version');
    await muelle.input.fill('docker ps');
    await muelle.input.press('Control+L');
    await expect(muelle.entries).toHaveCount(0);
    await expect(muelle.output).toHaveText('');
    await expect(muelle.input).toHaveValue('docker ps');
    await expect(muelle.input).toBeFocused();
  });

  test('the Limpiar button clears the screen too', async () => {
    await muelle.run('docker --version');
    await muelle.clearButton.click();
    await expect(muelle.entries).toHaveCount(0);
    await expect(muelle.input).toBeFocused();
  });

  test('a click anywhere in the terminal puts the cursor back in the prompt', async () => {
    await muelle.lesson.click();
    await expect(muelle.input).not.toBeFocused();
    await muelle.output.click();
    await expect(muelle.input).toBeFocused();
  });

  test('the screen follows the newest output', async () => {
    for (let i = 0; i < 12; i += 1) {
      await muelle.run('docker version');
    }
    await expect
      .poll(() =>
        muelle.screen.evaluate((el) => Math.abs(el.scrollHeight - el.clientHeight - el.scrollTop) <= 2),
      )
      .toBe(true);
    // The terminal scrolls inside itself; the page does not move.
    expect(await muelle.screen.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await muelle.page.evaluate(() => window.scrollY)).toBe(0);
    await expect(muelle.input).toBeInViewport();
  });

  test('a foreground command hides the prompt until Ctrl+C stops it', async () => {
    await muelle.run('docker run nginx');
    await expect(muelle.terminal).toHaveAttribute('data-busy', 'true');
    await expect(muelle.prompt).toHaveText('');
    await expect(muelle.stopButton).toBeVisible();
    await muelle.input.press('Control+C');
    await expect(muelle.terminal).toHaveAttribute('data-busy', 'false');
    await expect(muelle.outputOf(muelle.lastEntry())).toContainText('^C');
    await expect(muelle.prompt).toHaveText('estudiante@muelle:~$ ');
    await expect(muelle.stopButton).toHaveCount(0);
    await expect(muelle.input).toBeFocused();
  });

  test('Ctrl+C at the prompt abandons the line being typed', async () => {
    await muelle.input.fill('docker ps');
    await muelle.input.press('Control+C');
    await expect(muelle.commandOf(muelle.lastEntry())).toHaveText('docker ps^C');
    await expect(muelle.input).toHaveValue('');
  });
});
