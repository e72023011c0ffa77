import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Violations of impact "serious" or "critical" (WCAG 2.1 A and AA rules), within `include` if
 * given. Scans once the page's animations have finished: an element half faded in would read as
 * low contrast.
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  let axe = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) {
    axe = axe.include(include);
  }
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
