// Languages: English, Simplified Chinese and Brazilian Portuguese. For each language the gallery
// and a lab scenario (after some events) are screenshotted (docs/screenshots/lang-<code>.png) and
// checked for untranslated text, and so are the what-if comparison, an act's result, an editor
// error, the trainer's panel, the error banner and a workshop reveal; switching is immediate, remembered after a reload, sets
// <html lang>, and every view stays axe-clean. Controls are found by data-testid here, since
// their names change with the language (the other specs run in English and use the names).
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, gallery, linkFragment, expectedLaneCount, openDetails, waitForApp } from './lab';

const SLUG = 'auto-renew-low-balance';
const LANGS = ['en', 'zh-CN', 'pt-BR'] as const;
type Code = (typeof LANGS)[number];

// Words that are data or names, the same in every language: the product's name, the switcher's
// native language names, units and file formats kept on purpose (CSV, ICS, SVG, PNG), the
// scenarios' resource ids and the policies' names.
const ALLOWED = new Set(
  [
    'Renewal', 'Lab', 'Home', 'English', 'Português', 'Brasil', 'UTC', 'JSON',
    'base', 'url', // base64url, the links' encoding
    'CSV', 'ics', 'SVG', 'PNG',
    'huawei', 'intl', 'min', 'standard',
    ...Object.keys(Object.fromEntries(
      ['auto-renew-low-balance', 'two-packages-one-balance', 'pay-per-use-arrears'].flatMap((slug) =>
        gallery(slug).resources.map((r) => [r.id, true]),
      ),
    )),
  ].map((w) => w.toLowerCase()),
);

/** The visible text nodes of the page, trimmed, in document order. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null): boolean =>
      !!el && !!el.closest('script, style, noscript, option');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || skip(parent)) continue;
      if (!parent.checkVisibility()) continue;
      out.push(text);
    }
    // The selected options of selects are visible too (the switcher's own are native names).
    for (const select of Array.from(document.querySelectorAll('select'))) {
      if (skip(select) || select.getAttribute('data-testid') === 'language') continue;
      const text = select.selectedOptions[0]?.textContent?.trim();
      if (text && select.checkVisibility()) out.push(text);
    }
    return out;
  });
}

/** The words (3 or more Latin letters) of `text` that are not allowed data. */
function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED.has(w.toLowerCase()));
}

// English words that are not Portuguese: one of them on a pt-BR screen is an untranslated text,
// even inside a sentence with localised dates and amounts.
const ENGLISH_ONLY = new Set(
  ('the and with from until after before when which what this that are was were has have will its ' +
    'your you of to by at on in be been not can cannot only every each yet now then there ' +
    'renewed balance expires expired frozen released available event events refused paid failed ' +
    'question answer tier top up').split(' '),
);

function englishOnlyWords(text: string): string[] {
  return (text.match(/\p{L}+/gu) ?? []).filter((w) => ENGLISH_ONLY.has(w.toLowerCase()));
}

/** Fails on any visible text of `view` left in English in `code`. */
async function expectTranslated(page: Page, code: 'zh-CN' | 'pt-BR', view: string) {
  const texts = await visibleTexts(page);
  expect(texts.length, `visible texts on ${view}`).toBeGreaterThan(10);
  const check = code === 'zh-CN' ? englishWords : englishOnlyWords;
  const untranslated = texts.filter((t) => check(t).length > 0);
  expect(untranslated, `English words on ${view} in ${code}`).toEqual([]);
}

async function chooseLanguage(page: Page, code: Code) {
  await page.getByTestId('language').selectOption(code);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
  // The page's description (a bookmark's or a preview's text) follows too.
  const description = page.locator('meta[name=description]');
  if (code === 'en') await expect(description).toHaveAttribute('content', /^What happens to a cloud subscription/);
  else await expect(description).not.toHaveAttribute('content', /cloud subscription/);
}

async function openLab(page: Page) {
  const scenario = gallery(SLUG);
  await page.goto(`/${linkFragment(scenario)}`);
  await expect(page.getByTestId('lab')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('lane')).toHaveCount(expectedLaneCount(scenario));
  for (let i = 0; i < 4; i++) await page.getByTestId('next-event').click();
  await expect(page.getByTestId('event').first()).toBeVisible();
}

async function openGallery(page: Page) {
  await page.getByTestId('show-gallery').click();
  await expect(page.getByTestId('gallery')).toBeVisible();
}

async function expectAxeClean(page: Page, view: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe-core violations on ${view}`).toEqual([]);
}

/** Texts of the lab and the gallery in `code` (the page already in that language). */
async function textsOfViews(page: Page): Promise<{ lab: string[]; gallery: string[] }> {
  const lab = await visibleTexts(page);
  await openGallery(page);
  const galleryTexts = await visibleTexts(page);
  return { lab, gallery: galleryTexts };
}

for (const code of LANGS) {
  test(`language ${code}: everything translated, screenshotted, axe-clean`, async ({ page }) => {
    // The English run of the same views, to compare Portuguese against.
    await openLab(page);
    const english = code === 'pt-BR' ? await textsOfViews(page) : null;
    if (english) await page.getByTestId('back-to-lab').click();

    await chooseLanguage(page, code);
    await expectAxeClean(page, `the lab in ${code}`);
    // The gallery scenario's title reads in the language in the editor too, as in the headline.
    const nameField = page.locator('.area-editor input[id$="-name"]').first();
    const title = (await page.locator('.headline-title').textContent())!;
    await expect(nameField).toHaveValue(title);
    // Typed back to that title, it is still the gallery scenario (its story stays).
    await nameField.press('End');
    await nameField.press('Backspace');
    await nameField.pressSequentially(title.slice(-1));
    await expect(page.locator('.headline-title')).toHaveText(title);
    await expect(page.locator('.headline-story')).toBeVisible();
    // The README's picture: the page from its top, with no field focused or button hovered.
    await page.mouse.move(0, 0);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: `docs/screenshots/lang-${code}.png` });
    const lab = await visibleTexts(page);
    await openGallery(page);
    await expectAxeClean(page, `the gallery in ${code}`);
    const galleryTexts = await visibleTexts(page);

    for (const [view, texts] of [['lab', lab], ['gallery', galleryTexts]] as const) {
      if (code === 'zh-CN') {
        const untranslated = texts.filter((t) => englishWords(t).length > 0);
        expect(untranslated, `English words on the ${view} in zh-CN`).toEqual([]);
      }
      if (code === 'pt-BR' && english) {
        const before = new Set(english[view]);
        const same = texts.filter((t) => before.has(t) && englishWords(t).length > 0);
        expect(same, `texts left as in English on the ${view} in pt-BR`).toEqual([]);
      }
    }
  });
}

test('on a phone the header\'s language and theme selects show their whole choice in every language', async ({ page }) => {
  // The room the text of a select's chosen option has, and the width that text needs.
  const fits = () =>
    page.locator('.app-header select').evaluateAll((selects) =>
      selects.map((el) => {
        const select = el as HTMLSelectElement;
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = style.font;
        const text = select.options[select.selectedIndex].text;
        // The drop-down arrow takes about 20 px of the box.
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        return { text, fits: context.measureText(text).width <= room };
      }));
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 700 });
    await openLab(page);
    for (const code of LANGS) {
      await chooseLanguage(page, code);
      for (const theme of ['system', 'light', 'dark']) {
        await page.locator('.theme-switch select').selectOption(theme);
        const cut = (await fits()).filter((s) => !s.fits).map((s) => s.text);
        expect(cut, `cut short at ${width} px in ${code}`).toEqual([]);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    }
  }
});

test('on a 320 px phone every choice of every select in the lab shows whole in every language', async ({ page }) => {
  // A select shows only its chosen option, cut at its box: each option must fit, as any may be
  // the one chosen (the policy, an action's kind, a question's kind, the what-if's change…).
  await page.setViewportSize({ width: 320, height: 700 });
  await openLab(page);
  await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  for (const code of LANGS) {
    await chooseLanguage(page, code);
    const cut = await page.locator('select:visible').evaluateAll((selects) =>
      selects.flatMap((el) => {
        const select = el as HTMLSelectElement;
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = style.font;
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        return [...select.options]
          .filter((option) => context.measureText(option.text).width > room)
          .map((option) => `${select.id || select.getAttribute('aria-label')}: ${option.text}`);
      }));
    expect(cut, `cut short in ${code}`).toEqual([]);
  }
  expect(await page.locator('[data-testid="what-if"] select:visible').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-testid="workshop-trainer"] select:visible').count()).toBeGreaterThan(0);
});

test('switching is immediate and remembered after a reload; the first visit follows the browser', async ({ page, freshContext }) => {
  await openLab(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('next-event')).toHaveText(/Next event/);
  await chooseLanguage(page, 'zh-CN');
  await expect(page.getByTestId('next-event')).toHaveText(/下一个事件/);
  await expect(page.getByTestId('play')).toHaveText(/播放/);
  // The switch is said in the new language (and no earlier message is read out again in it).
  await expect(page.getByTestId('announcer')).toHaveText('页面现在是简体中文。');
  await chooseLanguage(page, 'pt-BR');
  await expect(page.getByTestId('next-event')).toHaveText(/Próximo evento/);
  await expect(page.getByTestId('announcer')).toHaveText('A página agora está em português do Brasil.');
  expect(await page.evaluate(() => localStorage.getItem('renewal-lab/lang'))).toBe('pt-BR');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page.getByTestId('language')).toHaveValue('pt-BR');
  await expect(page.getByTestId('next-event')).toHaveText(/Próximo evento/);
  // Money and dates in the locale's format; the contract's clock stays ISO.
  await expect(page.locator('[data-testid="tier-status"][data-tier="V3"] [data-testid="balance"]')).toHaveText(/^\d+,\d\d$/);
  await expect(page.getByTestId('clock')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

  // A fresh browser whose language is Chinese starts in Chinese.
  const context = await freshContext();
  const other = await context.newPage();
  await other.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'zh-CN' }));
  await other.goto('/');
  await waitForApp(other);
  await expect(other.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(other.getByTestId('blank-scenario')).toHaveText('空白场景');
});

test('pt-BR: amounts are typed with a decimal comma in the act panel, the editor and the what-if', async ({ page }) => {
  await openLab(page);
  await chooseLanguage(page, 'pt-BR');
  const balance = page.getByTestId('editor').locator('[id$="-balance"]');
  const before = (await balance.inputValue()).replace(',', '.');
  const cents = (text: string) => Math.round(Number(text) * 100);
  // The editor shows the scenario's amounts with a decimal comma too.
  await expect(balance).toHaveValue(/^\d+,\d\d$/);
  await expect(balance).toHaveAttribute('placeholder', '0,00');
  // Examples and defaults are written the Brazilian way.
  await expect(page.getByTestId('top-up-amount')).toHaveAttribute('placeholder', 'ex.: 50,00');
  await expect(page.getByTestId('what-if').locator('input[inputmode="decimal"]')).toHaveValue('20,00');
  // The act panel: "5,25" tops up 5.25, recorded in the format's notation.
  await page.getByTestId('top-up-amount').fill('5,25');
  await page.getByTestId('top-up').click();
  await expect(page.getByTestId('act-result')).toHaveAttribute('data-outcome', 'done');
  const values = await page.getByTestId('editor').locator('input[inputmode="decimal"]').evaluateAll(
    (els) => els.map((el) => (el as HTMLInputElement).value));
  expect(values).toContain('5,25');
  // The editor: "1.234,50" is 1234.50, written so in the scenario. Typed key by key, the text
  // stays as typed (rewritten at each key, the "1." on the way became "1,").
  const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('renewal-lab/autosave') ?? '{}').scenario?.balance);
  await balance.fill('');
  await balance.pressSequentially('1.234,50');
  await expect(balance).toHaveValue('1.234,50');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  await expect.poll(saved).toBe('1234.50');
  expect(cents('1234.50')).not.toBe(cents(before));
  // Shown the Brazilian way once the field is drawn again (another language and back).
  await balance.blur();
  await chooseLanguage(page, 'en');
  await expect(balance).toHaveValue('1234.50');
  await chooseLanguage(page, 'pt-BR');
  await expect(balance).toHaveValue('1234,50');
  // "1.000" is a thousand, as a Brazilian writes it; three decimals typed are refused as typed.
  await balance.fill('');
  await balance.pressSequentially('1.000');
  await expect(balance).toHaveValue('1.000');
  await expect.poll(saved).toBe('1000');
  await balance.fill('1,005');
  await expect(page.getByTestId('field-error')).toContainText('"1,005" tem mais de duas casas decimais');
  await balance.fill('1.234,50');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  // The what-if: "20,50" more.
  const whatIf = page.getByTestId('what-if');
  await whatIf.locator('input[inputmode="decimal"]').fill('20,50');
  await whatIf.locator('button[type=submit]').click();
  await expect(whatIf.getByTestId('whatif-result')).toBeVisible();
  await expect(page.getByTestId('whatif-problem')).toHaveCount(0);
});

for (const code of ['zh-CN', 'pt-BR'] as const) {
  test(`language ${code}: the what-if, an act, an editor error, the trainer, the error banner and a workshop reveal are translated`, async ({ page }) => {
    // Open every panel in English, then switch: what was said before the switch is said again.
    await openLab(page);
    await page.getByTestId('top-up-amount').fill('5.00');
    await page.getByTestId('top-up').click();
    await expect(page.getByTestId('act-result')).toHaveAttribute('data-outcome', /.+/);
    const whatIf = page.getByTestId('what-if');
    await whatIf.locator('button[type=submit]').click();
    await expect(whatIf.getByTestId('whatif-result')).toBeVisible();
    const trainer = page.getByTestId('workshop-trainer');
    await openDetails(trainer);
    await trainer.locator('.workshop-trainer-actions button').first().click();
    await expect(trainer.getByTestId('workshop-draft-item')).toHaveCount(1);
    const balance = page.getByTestId('editor').locator('[id$="-balance"]');
    await balance.fill('12.345');
    await balance.blur();
    await expect(page.getByTestId('field-error').first()).toBeVisible();
    await chooseLanguage(page, code);
    await expectTranslated(page, code, 'the lab with every panel open');

    // A malformed link: the banner says why, in the language shown.
    await page.goto('/#scenario=not*base64');
    await expect(page.getByTestId('error-banner')).toBeVisible();
    await expectTranslated(page, code, 'the error banner');

    await page.goto('/#exercise=%%%');
    await expect(page.getByTestId('error-banner')).toContainText('%');
    await expectTranslated(page, code, 'the error banner of a bad exercise link');

    // A ready exercise at its first question, then its reveal.
    const exercise = readFileSync(join(ROOT, 'exercises', 'refused-acts.json'), 'utf8');
    await page.goto(`/#exercise=${Buffer.from(exercise, 'utf8').toString('base64url')}`);
    const workshop = page.getByTestId('workshop');
    await expect(workshop).toBeVisible();
    await expectTranslated(page, code, 'a workshop question');
    await workshop.getByRole('radio').first().check();
    await workshop.locator('button[type=submit]').click();
    await expect(page.getByTestId('workshop-result')).toBeVisible();
    await expectTranslated(page, code, 'a workshop reveal');
  });
}
