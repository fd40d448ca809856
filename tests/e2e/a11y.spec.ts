// Accessibility: axe-core reports no violations on every view — the gallery, the lab (with a
// scenario, after events), the lab with editor errors, the lab with an error banner and an act
// result, the lab at 360 px wide, the blank scenario, a timeline tooltip, the print view and a
// custom tier table (the what-if, workshop, language and theme specs scan their own views); and
// every control of the gallery and the lab is reached with Tab and shows a visible focus.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { button, field, fillField, gallery, goToTime, labelled, openDetails, openLink, setField, waitForApp } from './lab';

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

test("axe: the editor's checkboxes are targets of at least 24 px on a phone (WCAG 2.2)", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openLink(page, gallery('auto-renew-low-balance'));
  const checkbox = page.locator('.editor input[type="checkbox"]').first();
  await checkbox.scrollIntoViewIfNeeded();
  const box = await checkbox.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(24);
  expect(box!.height).toBeGreaterThanOrEqual(24);
  const results = await new AxeBuilder({ page }).withRules(['target-size']).include('.editor input[type="checkbox"]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

/**
 * Tabs through the whole page and checks that every visible, enabled control is reached and shows
 * a focus indicator it does not show unfocused (an outline, or a box-shadow other than its own).
 */
async function expectEveryControlReachable(page: Page, view: string): Promise<number> {
  const CONTROLS = 'button, input, select, textarea, summary, a[href], [tabindex="0"]';
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Mark every candidate with its unfocused look.
  const total = await page.evaluate((selector) => {
    let n = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const hidden = !el.checkVisibility({ checkVisibilityCSS: true }) || (el as HTMLButtonElement).disabled;
      const inClosedDetails = el.closest('details:not([open])') && el.tagName !== 'SUMMARY';
      if (hidden || inClosedDetails || el.tabIndex < 0) continue;
      const s = getComputedStyle(el);
      el.dataset.a11yIndex = String(n++);
      el.dataset.a11yLook = `${s.outlineStyle} ${s.outlineWidth}|${s.boxShadow}`;
    }
    return n;
  }, CONTROLS);
  expect(total, `controls on the ${view}`).toBeGreaterThan(5);
  await page.locator('body').focus();
  const reached = new Map<number, string>();
  for (let i = 0; i < total * 2 + 20 && reached.size < total; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el?.dataset.a11yIndex) return null;
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      const look = `${s.outlineStyle} ${s.outlineWidth}|${s.boxShadow}`;
      const indicator = el.matches(':focus-visible') && (outline || look !== el.dataset.a11yLook);
      return { index: Number(el.dataset.a11yIndex), name: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`, indicator };
    });
    if (!seen || reached.has(seen.index)) continue;
    reached.set(seen.index, seen.name);
    expect(seen.indicator, `a visible focus on ${seen.name} (${view})`).toBe(true);
  }
  const missed = await page.evaluate(
    (got) =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-a11y-index]'))
        .filter((el) => !got.includes(Number(el.dataset.a11yIndex)))
        .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`),
    [...reached.keys()],
  );
  expect(missed, `controls of the ${view} not reached with Tab`).toEqual([]);
  return total;
}

test('keyboard: every control of the gallery, the lab and the trainer panel is reached with Tab, with a visible focus', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForApp(page);
  // 8 scenarios, 7 exercises, the blank scenario and the header's controls.
  expect(await expectEveryControlReachable(page, 'gallery')).toBeGreaterThan(16);
  await openLink(page, gallery('two-packages-one-balance'));
  await goToTime(page, '2026-04-09 12:00:00');
  // The clock, the slider, the panels, the what-if, the exports, the editor's fields.
  expect(await expectEveryControlReachable(page, 'lab')).toBeGreaterThan(40);
  const trainer = page.getByTestId('workshop-trainer');
  await openDetails(trainer);
  await expectEveryControlReachable(page, 'lab with the trainer open');
});

test('keyboard: the panels are reached in the order they are seen at every width, and none under the compact clock', async ({ page }) => {
  await openLink(page, gallery('two-packages-one-balance'));
  for (const width of [360, 768, 1024, 1280, 1920]) {
    await page.setViewportSize({ width, height: 740 });
    // The panels' places on screen, in the page's (Tab's) order: each starts lower, or on the
    // same row further right, than the one before.
    const places = await page.locator('.panels > .area').evaluateAll((areas) =>
      areas.map((area) => {
        const box = area.getBoundingClientRect();
        return { name: area.className, top: Math.round(box.top), left: Math.round(box.left) };
      }));
    for (let i = 1; i < places.length; i++) {
      const [before, after] = [places[i - 1], places[i]];
      const later = after.top > before.top + 8 || (Math.abs(after.top - before.top) <= 8 && after.left > before.left);
      expect(later, `${after.name} after ${before.name} at ${width} px: ${JSON.stringify(places)}`).toBe(true);
    }
  }
  // On a phone the compact clock stays at the bottom of the window: Tab scrolls each control
  // clear of it.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await button(page, 'Play').focus();
  let checked = 0;
  for (let i = 0; i < 90; i++) {
    await page.keyboard.press('Tab');
    const hidden = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      const mini = document.querySelector<HTMLElement>('[data-testid="mini-clock"]');
      if (!focused || focused === document.body || !mini || !mini.checkVisibility()) return null;
      const [a, b] = [focused.getBoundingClientRect(), mini.getBoundingClientRect()];
      const overlap = Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top) && Math.min(a.right, b.right) > Math.max(a.left, b.left);
      return overlap ? `${focused.tagName} "${(focused.getAttribute('aria-label') ?? focused.textContent ?? '').trim().slice(0, 40)}"` : '';
    });
    if (hidden === null) continue;
    checked++;
    expect(hidden, 'a focused control under the compact clock').toBe('');
  }
  expect(checked, 'controls reached while the compact clock shows').toBeGreaterThan(20);
});

test('keyboard: a control that goes away with its own action hands the focus on; a refused value is tied to its field', async ({ page }) => {
  // A gallery scenario (the gallery goes away): the clock's Play.
  await page.goto('/');
  await waitForApp(page);
  await page.getByTestId('gallery-item').first().focus();
  await page.keyboard.press('Enter');
  await expect(button(page, 'Play')).toBeFocused();
  // The error banner's Dismiss (the banner goes away): Play again.
  await labelled(page, 'Import JSON').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await button(banner, 'Dismiss').focus();
  await page.keyboard.press('Enter');
  await expect(banner).toHaveCount(0);
  await expect(button(page, 'Play')).toBeFocused();
  // A top-up amount that is not an amount: the field is marked invalid and points to the reason.
  const act = page.getByTestId('act-panel');
  const amount = act.getByTestId('top-up-amount');
  await amount.fill('abc');
  await amount.press('Enter');
  await expect(act.getByTestId('act-result')).toHaveAttribute('data-outcome', 'invalid');
  // Said too: the focus is still in the field, and the reason is not read out from there.
  await expect(page.getByTestId('announcer')).toHaveText((await act.getByTestId('act-result').textContent())!.trim());
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveAttribute('aria-describedby', 'act-result');
  await amount.fill('5');
  await amount.press('Enter');
  await expect(act.getByTestId('act-result')).toHaveAttribute('data-outcome', 'done');
  await expect(amount).not.toHaveAttribute('aria-invalid', 'true');
  // So are the auto-renew numbers out of their ranges.
  const days = labelled(act, 'Deduction days before');
  const count = labelled(act, 'Renewal count');
  await days.fill('32');
  await button(act, 'Apply auto-renew').click();
  await expect(act.getByTestId('act-result')).toHaveAttribute('data-outcome', 'invalid');
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(count).not.toHaveAttribute('aria-invalid', 'true');
  await days.fill('3');
  await count.fill('100');
  await button(act, 'Apply auto-renew').click();
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await expect(days).not.toHaveAttribute('aria-invalid', 'true');
  // The last "Show earlier events" (it goes away once every event is shown): the log itself.
  const long = gallery('auto-renew-twice');
  long.resources[0].auto_renew = { enabled: true, days_before: 3, term: '1m', times: 0 };
  long.balance = '100000.00';
  long.until = '2028-01-01T00:00:00';
  await openLink(page, long);
  await goToTime(page, '2027-12-31 00:00:00');
  const log = page.getByTestId('event-log');
  for (let more = button(log, 'Show earlier events'); (await more.count()) > 0; ) {
    await more.focus();
    await page.keyboard.press('Enter');
  }
  await expect(log).toBeFocused();
  // The only pause point of a draft exercise removed (its list goes away): "Add pause point".
  const trainer = page.getByTestId('workshop-trainer');
  await openDetails(trainer);
  await button(trainer, 'Add pause point').click();
  await expect(trainer.getByTestId('workshop-draft-item')).toHaveCount(1);
  await trainer.getByRole('button', { name: 'Remove pause point 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(trainer.getByTestId('workshop-draft-item')).toHaveCount(0);
  await expect(button(trainer, 'Add pause point')).toBeFocused();
});

test('axe: the blank scenario, the custom tier table, a timeline tooltip and the print view', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.getByTestId('blank-scenario').click();
  await expect(page.getByTestId('lab')).toBeVisible();
  await expectNoViolations(page, 'blank scenario');
  await openLink(page, gallery('auto-renew-low-balance'));
  const glyph = page.locator('[data-testid="lane"][data-tier="V3"] [data-testid="marker"]').first();
  await glyph.scrollIntoViewIfNeeded();
  const box = (await glyph.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('marker-tip')).toBeVisible();
  await expectNoViolations(page, 'lab with a marker tooltip');
  await page.mouse.move(0, 0);
  await page.emulateMedia({ media: 'print' });
  await expectNoViolations(page, 'print view');
  await page.emulateMedia({ media: 'screen' });
  await setField(field(page, 'Policy'), 'custom');
  await expect(page.getByTestId('editor').getByLabel('Tier 2 package grace days', { exact: true })).toBeVisible();
  await expectNoViolations(page, 'lab with a custom tier table');
});
