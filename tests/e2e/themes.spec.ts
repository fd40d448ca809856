// Themes: the page follows the system's colour scheme; the Theme switch (System / Light / Dark)
// overrides it, is remembered in localStorage and applied before the app starts; the four states
// keep distinct colours and their patterns in both themes; axe-core finds nothing in dark mode.
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ROOT, expectMatchesCli, field, fillField, gallery, goToTime, labelled, openLink, readLanes, waitForApp } from './lab';

const LIGHT_BG = 'rgb(245, 246, 248)';
const DARK_BG = 'rgb(18, 19, 24)';
const STATES = ['available', 'expired', 'frozen', 'released'] as const;

async function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

async function dataTheme(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('data-theme'));
}

async function expectNoViolations(page: Page, view: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(summary, `axe-core violations on the ${view}`).toEqual([]);
}

test('dark mode follows the system; the switch overrides it and is remembered after a reload', async ({ page }) => {
  // Record, when the document has been parsed (boot.js has run its first lines, the app has not
  // rendered yet), which theme <html> carries.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as any).themeBeforeApp = {
        theme: document.documentElement.getAttribute('data-theme'),
        rendered: !!document.querySelector('.app'),
      };
    });
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await waitForApp(page);
  const theme = labelled(page, 'Theme');
  await expect(theme).toHaveValue('system');
  expect(await dataTheme(page)).toBeNull();
  expect(await background(page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background(page)).toBe(LIGHT_BG);

  // Dark on a light system, remembered.
  await theme.selectOption('dark');
  expect(await dataTheme(page)).toBe('dark');
  expect(await background(page)).toBe(DARK_BG);
  expect(await page.evaluate(() => localStorage.getItem('renewal-lab/theme'))).toBe('dark');
  await page.reload();
  await waitForApp(page);
  expect(await page.evaluate(() => (window as any).themeBeforeApp)).toEqual({ theme: 'dark', rendered: false });
  await expect(labelled(page, 'Theme')).toHaveValue('dark');
  expect(await background(page)).toBe(DARK_BG);

  // Light on a dark system, remembered.
  await page.emulateMedia({ colorScheme: 'dark' });
  await labelled(page, 'Theme').selectOption('light');
  expect(await background(page)).toBe(LIGHT_BG);
  await page.reload();
  await waitForApp(page);
  await expect(labelled(page, 'Theme')).toHaveValue('light');
  expect(await background(page)).toBe(LIGHT_BG);

  // System again: follows the system, also after a reload.
  await labelled(page, 'Theme').selectOption('system');
  expect(await dataTheme(page)).toBeNull();
  expect(await background(page)).toBe(DARK_BG);
  await page.reload();
  await waitForApp(page);
  expect(await page.evaluate(() => (window as any).themeBeforeApp)).toEqual({ theme: null, rendered: false });
  expect(await background(page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background(page)).toBe(LIGHT_BG);
});

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the four states keep distinct colours, patterns and readable labels (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const scenario = gallery('two-packages-one-balance');
    await openLink(page, scenario);
    await goToTime(page, '2026-04-11 12:00:00');
    await expectMatchesCli(page, scenario);
    const shown = new Set((await readLanes(page)).map((l) => l.state));
    for (const state of STATES) expect(shown.has(state), `a lane is ${state}`).toBe(true);

    const looks = await page.evaluate((states) => {
      const fill = (selector: string) => {
        const el = document.querySelector(selector);
        return el ? getComputedStyle(el).fill : null;
      };
      const surface = getComputedStyle(document.querySelector('.timeline')!).backgroundColor;
      return states.map((state) => ({
        state,
        bg: fill(`.pat-bg-${state}`),
        ink: fill(`.band-label-${state}`) ?? getComputedStyle(document.querySelector(`.state-badge-${state}`) ?? document.body).color,
        marks: document.querySelectorAll(`#rl-pat-${state} > :not(rect)`).length,
        surface,
      }));
    }, [...STATES]);
    expect(new Set(looks.map((l) => l.bg)).size, 'four different backgrounds').toBe(4);
    for (const look of looks) {
      expect(look.marks, `${look.state} has its pattern marks`).toBe(look.state === 'available' ? 0 : 1);
      expect(contrast(look.ink!, look.bg!), `${look.state} label on its band`).toBeGreaterThanOrEqual(4.5);
    }
    if (scheme === 'dark') expect(looks[0].surface).toBe('rgb(28, 29, 35)');
  });
}

test('axe: no violations in dark mode (gallery, lab, lab with editor errors)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await waitForApp(page);
  await expect(page.getByTestId('gallery-item')).toHaveCount(8);
  expect(await background(page)).toBe(DARK_BG);
  await expectNoViolations(page, 'gallery in dark mode');

  await openLink(page, gallery('two-packages-one-balance'));
  await goToTime(page, '2026-04-11 12:00:00');
  await expectNoViolations(page, 'lab in dark mode');

  await fillField(field(page, 'Opening balance'), 'lots');
  await expect(page.getByTestId('field-error')).toHaveCount(1);
  await expectNoViolations(page, 'lab with editor errors in dark mode');
});

test('axe: no violations with Dark chosen on a light system, nor with Light on a dark one', async ({ page }) => {
  await openLink(page, gallery('auto-renew-low-balance'));
  await goToTime(page, '2026-04-03 12:00:00');
  // Buttons ease their colours over 0.12 s (static/css/app.css): contrast is measured once they
  // have settled, not halfway between the themes.
  const settle = () => page.waitForTimeout(400);
  await labelled(page, 'Theme').selectOption('dark');
  expect(await background(page)).toBe(DARK_BG);
  await settle();
  await expectNoViolations(page, 'lab with Dark chosen');
  await page.emulateMedia({ colorScheme: 'dark' });
  await labelled(page, 'Theme').selectOption('light');
  expect(await background(page)).toBe(LIGHT_BG);
  await settle();
  await expectNoViolations(page, 'lab with Light chosen');
});

test('screenshot: dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const scenario = gallery('two-packages-one-balance');
  await openLink(page, scenario);
  await goToTime(page, '2026-04-11 12:00:00');
  await expectMatchesCli(page, scenario);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'dark-mode.png') });
});
