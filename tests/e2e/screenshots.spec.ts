// Screenshots for the README, made by the tests: the main view at 1280×800, the gallery, and the
// lab at 360 px wide. Written to docs/screenshots/.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ROOT, expectMatchesCli, gallery, goToTime, openLink, waitForApp } from './lab';

const DIR = join(ROOT, 'docs', 'screenshots');

/** No focus ring or selected date segment in the pictures. */
async function unfocus(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test('screenshot: the gallery at 1280×800', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await expect(page.getByTestId('gallery-item')).toHaveCount(8);
  await page.screenshot({ path: join(DIR, 'gallery.png') });
});

test('screenshot: the main view at 1280×800', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  await openLink(page, scenario);
  await goToTime(page, '2026-04-03 12:00:00');
  await expectMatchesCli(page, scenario);
  await unfocus(page);
  await page.screenshot({ path: join(DIR, 'main.png') });
});

test('screenshot: the main view at 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const scenario = gallery('renewed-in-retention');
  await openLink(page, scenario);
  await goToTime(page, '2026-04-10 12:00:00');
  await expectMatchesCli(page, scenario, 'V1');
  await unfocus(page);
  await page.screenshot({ path: join(DIR, 'narrow-360.png') });
  // And its timeline, scrolled into view.
  await page.getByTestId('timeline').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(DIR, 'narrow-360-timeline.png') });
});
