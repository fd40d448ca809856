// Accessibility: axe-core reports no violations on every view — the gallery, the lab (with a
// scenario, after events), the lab with editor errors, the lab with an error banner and an act
// result, and the lab at 360 px wide.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { button, field, fillField, gallery, goToTime, labelled, openLink, waitForApp } from './lab';

async function expectNoViolations(page: Page, view: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(summary, `axe-core violations on the ${view}`).toEqual([]);
}

test('axe: the gallery', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await expect(page.getByTestId('gallery-item')).toHaveCount(8);
  await expectNoViolations(page, 'gallery');
});

test('axe: the lab with a scenario, after some events', async ({ page }) => {
  await openLink(page, gallery('two-packages-one-balance'));
  await goToTime(page, '2026-04-09 12:00:00');
  await expectNoViolations(page, 'lab');
});

test('axe: the lab with editor errors shown', async ({ page }) => {
  await openLink(page, gallery('auto-renew-low-balance'));
  await fillField(field(page, 'Opening balance'), 'lots');
  const resource = page.getByTestId('resource-editor').first();
  await fillField(field(page, 'ID', resource), 'NOT VALID');
  await expect(page.getByTestId('field-error')).toHaveCount(2);
  await expectNoViolations(page, 'lab with editor errors');
});

test('axe: the lab with an error banner and an act result', async ({ page }) => {
  await openLink(page, gallery('renewed-in-retention'));
  await goToTime(page, '2026-04-20 00:00:00');
  const panel = page.getByTestId('act-panel');
  await labelled(panel, 'Act on').selectOption('ocr');
  await button(panel, 'Renew').click();
  await expect(panel.getByTestId('act-result')).not.toHaveText(/^\s*$/);
  await labelled(page, 'Import JSON').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
  await expect(page.getByTestId('error-banner')).toBeVisible();
  await expectNoViolations(page, 'lab with error banner and act result');
});

test('axe: the lab at 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openLink(page, gallery('pay-per-use-arrears'));
  await goToTime(page, '2026-03-11 12:00:00');
  await expectNoViolations(page, 'lab at 360 px');
  // Usable at 360 px: nothing wider than the viewport.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no horizontal scrolling of the page at 360 px').toBeLessThanOrEqual(0);
});
