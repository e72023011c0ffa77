import { expect, type Locator, type Page } from '@playwright/test';

/** The `performance.mark` the app sets when its terminal accepts input. */
export const READY_MARK = 'muelle:terminal-ready';

/** Muelle's single page: header, lesson and terminal. */
export class MuellePage {
  readonly page: Page;
  readonly heading: Locator;
  readonly lesson: Locator;
  readonly lessonPane: Locator;
  readonly terminal: Locator;
  readonly input: Locator;
  readonly output: Locator;
  readonly entries: Locator;
  readonly clearButton: Locator;
  readonly stopButton: Locator;
  readonly prompt: Locator;
  readonly screen: Locator;

  /** Console errors, uncaught exceptions and failed requests seen since the page object was made. */
  readonly problems: string[] = [];

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Muelle', exact: true });
    this.lesson = page.getByTestId('lesson');
    this.lessonPane = page.getByRole('region', { name: 'Lección' });
    this.terminal = page.getByTestId('terminal');
    this.input = page.getByRole('textbox', { name: 'Escribe un comando' });
    this.output = page.getByTestId('terminal-output');
    this.entries = this.output.getByTestId('terminal-entry');
    this.clearButton = page.getByRole('button', { name: 'Limpiar' });
    this.stopButton = page.getByRole('button', { name: 'Detener' });
    this.prompt = page.getByTestId('terminal-prompt');
    this.screen = page.locator('.terminal-screen');

    page.on('console', (msg) => {
      if (msg.type() === 'error') this.problems.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => this.problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
    page.on('response', (res) => {
      if (res.status() >= 400) this.problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
  }

  /** Opens the app and waits until the terminal is ready for input. */
  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.terminal).toHaveAttribute('data-ready', 'true');
  }

  /** Types a command line into the prompt, key by key, and presses Enter. */
  async type(line: string): Promise<void> {
    await this.input.pressSequentially(line);
    await this.input.press('Enter');
  }

  /** Runs a command line and waits for its block to appear on the screen. */
  async run(line: string): Promise<Locator> {
    const before = await this.entries.count();
    await this.input.fill(line);
    await this.input.press('Enter');
    await expect(this.entries).toHaveCount(before + 1);
    return this.entries.last();
  }

  lastEntry(): Locator {
    return this.entries.last();
  }

  /** The command line echoed in an entry (without its prompt). */
  commandOf(entry: Locator): Locator {
    return entry.locator('.term-command-text');
  }

  /** The output printed under an entry. */
  outputOf(entry: Locator): Locator {
    return entry.locator('.term-output');
  }

  /** Milliseconds from navigation start to the terminal-ready mark. */
  async loadTimeMs(): Promise<number> {
    return this.page.evaluate((mark) => {
      const entry = performance.getEntriesByName(mark)[0];
      return entry ? entry.startTime : Number.NaN;
    }, READY_MARK);
  }

  /** True when the page is wider than the viewport (a horizontal scrollbar). */
  async scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }
}
