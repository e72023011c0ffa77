import { expect, type Locator, type Page } from '@playwright/test';

/** The `performance.mark` the app sets when its terminal accepts input. */
export const READY_MARK = 'muelle:terminal-ready';

/** The first lesson's address (the welcome lesson). */
export const WELCOME = '/#/leccion/bienvenida';

/**
 * Any page of Muelle with a terminal (a lesson): header, lesson and terminal. Collects console
 * errors, exceptions and failed requests in `problems`.
 */
export class MuellePage {
  readonly page: Page;
  readonly brand: Locator;
  readonly nav: Locator;
  readonly themeToggle: Locator;
  readonly storageNotice: Locator;
  readonly lesson: Locator;
  readonly lessonTitle: Locator;
  readonly lessonPane: Locator;
  readonly terminal: Locator;
  readonly input: Locator;
  readonly output: Locator;
  readonly entries: Locator;
  readonly clearButton: Locator;
  readonly stopButton: Locator;
  readonly prompt: Locator;
  readonly screen: Locator;
  readonly candidates: Locator;
  readonly explanation: Locator;
  readonly exerciseBar: Locator;
  readonly exerciseMessage: Locator;

  /** Console errors, uncaught exceptions and failed requests seen since the page object was made. */
  readonly problems: string[] = [];

  constructor(page: Page) {
    this.page = page;
    this.brand = page.getByRole('link', { name: 'Muelle: ir al mapa del curso' });
    this.nav = page.getByRole('navigation', { name: 'Principal' });
    this.themeToggle = page.getByTestId('theme-toggle');
    this.storageNotice = page.getByTestId('storage-notice');
    this.lesson = page.getByTestId('lesson');
    this.lessonTitle = this.lesson.getByRole('heading', { level: 1 });
    this.lessonPane = page.getByRole('region', { name: 'Lección' });
    this.terminal = page.getByTestId('terminal');
    this.input = page.getByRole('textbox', { name: 'Escribe un comando' });
    this.output = page.getByTestId('terminal-output');
    this.entries = this.output.getByTestId('terminal-entry');
    this.clearButton = page.getByRole('button', { name: 'Limpiar' });
    this.stopButton = page.getByRole('button', { name: 'Detener' });
    this.prompt = page.getByTestId('terminal-prompt');
    this.screen = page.locator('.terminal-screen');
    this.candidates = page.getByTestId('terminal-candidates');
    this.explanation = page.getByTestId('error-explanation');
    this.exerciseBar = page.getByTestId('exercise-bar');
    this.exerciseMessage = page.getByTestId('exercise-message');

    page.on('console', (msg) => {
      if (msg.type() === 'error') this.problems.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => this.problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
    page.on('response', (res) => {
      if (res.status() >= 400) this.problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
  }

  /** Opens a lesson (the welcome lesson by default) and waits until the terminal is ready. */
  async goto(path: string = WELCOME): Promise<void> {
    await this.page.goto(path);
    await this.waitForTerminal();
  }

  async waitForTerminal(): Promise<void> {
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

  /** What the browser keeps under a localStorage key. */
  async stored(key: string): Promise<string | null> {
    return this.page.evaluate((k) => window.localStorage.getItem(k), key);
  }
}
