import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MuellePage } from '../pages/muelle-page';

// Figures reported by scripts/test.sh (budgets are reported, not timed tests).
const artifacts = resolve(__dirname, '..', 'artifacts');

test('load time and screenshot artifacts', async ({ page }) => {
  mkdirSync(artifacts, { recursive: true });
  const muelle = new MuellePage(page);

  await muelle.goto();
  const loadTimeMs = Math.round(await muelle.loadTimeMs());
  expect(Number.isFinite(loadTimeMs)).toBe(true);
  console.log(`LOAD_TIME_MS=${loadTimeMs}`);

  await muelle.type('docker run hello-world');
  await expect(muelle.lastEntry()).toBeVisible();
  await muelle.type('docker --version');
  await expect(muelle.outputOf(muelle.lastEntry())).toContainText('Docker version');

  const screenshot = join(artifacts, 'muelle.png');
  await page.screenshot({ path: screenshot });
  console.log(`SCREENSHOT=${screenshot}`);

  await page.setViewportSize({ width: 360, height: 740 });
  const phone = join(artifacts, 'muelle-360.png');
  await page.screenshot({ path: phone, fullPage: true });

  writeFileSync(
    join(artifacts, 'metrics.json'),
    JSON.stringify({ load_time_ms: loadTimeMs, screenshot, screenshot_360: phone }, null, 2) + '\n',
  );
  expect(muelle.problems).toEqual([]);
});
