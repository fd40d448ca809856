// Issue 3, point 6 (Share and keep work): Copy link round trip, autosave restored on reload,
// malformed links and imports showing a clear error while the current scenario stays, export,
// undo and redo.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import {
  button,
  clone,
  copyLink,
  decodeLink,
  earliestStart,
  expectClock,
  expectMatchesCli,
  field,
  fillField,
  gallery,
  goToTime,
  linkFragment,
  openFromGallery,
  openLink,
  readLanes,
  readLog,
  simulateAll,
  type Scenario,
  labelled,
} from './lab';

const AUTOSAVE_KEY = 'renewal-lab/autosave';

async function autosaved(page: Page): Promise<string> {
  return (await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY)) ?? '';
}

/** Asserts the error banner is shown as an alert and names the problem. */
async function expectBanner(page: Page, names: RegExp | string) {
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText(names);
}

test('Copy link round trip: a fresh browser opening the link shows the same scenario and lanes', async ({ page, freshContext, baseURL }) => {
  const scenario = gallery('two-packages-one-balance');
  await page.goto('/');
  await openFromGallery(page, 'two-packages-one-balance');
  // Make it our own: a different balance, then a top-up act at a chosen instant.
  await fillField(field(page, 'Opening balance'), '55.00');
  await goToTime(page, '2026-04-02 12:00:00');
  const panel = page.getByTestId('act-panel');
  await fillField(labelled(panel, 'Top-up amount'), '20.00');
  await button(panel, 'Top up').click();
  const expected: Scenario = clone(scenario);
  expected.balance = '55.00';
  expected.actions.push({ at: '2026-04-02T12:00:00', do: 'top_up', amount: '20.00' });
  await expectMatchesCli(page, expected);

  const link = await copyLink(page);
  expect(link.startsWith(new URL(baseURL!).origin + '/'), `the link stays on the app's origin: ${link}`).toBe(true);
  const shared = decodeLink(link);
  expect(shared.format).toBe('renewal-lab/1');
  expect(shared.name).toBe(scenario.name);
  expect(simulateAll(shared)).toEqual(simulateAll(expected));

  await goToTime(page, '2026-04-10 00:00:00');
  const lanesHere = await readLanes(page);
  const logHere = await readLog(page);

  const other = await (await freshContext()).newPage();
  await other.goto(link);
  await expect(other.getByTestId('lab')).toBeVisible();
  await expect(other.getByTestId('lane')).toHaveCount(lanesHere.length);
  await expect(field(other, 'Scenario name')).toHaveValue(scenario.name);
  await expect(field(other, 'Opening balance')).toHaveValue(/^55(\.00?)?$/);
  await expectClock(other, earliestStart(scenario));
  await goToTime(other, '2026-04-10 00:00:00');
  await expect.poll(async () => readLanes(other)).toEqual(lanesHere);
  await expect.poll(async () => readLog(other)).toEqual(logHere);
  await expectMatchesCli(other, expected, 'V0');
});

test('Copy link without the clipboard: the link in a field to copy, said in plain words, and the notice goes with the next edit', async ({ page, context }) => {
  // A browser that refuses the write (as one does without the permission), with its own words.
  await context.addInitScript(() => {
    navigator.clipboard.writeText = () =>
      Promise.reject(new DOMException("Failed to execute 'writeText' on 'Clipboard': Write permission denied.", 'NotAllowedError'));
  });
  await page.goto('/');
  await openFromGallery(page, 'two-packages-one-balance');
  await button(page, 'Copy link').click();
  const notice = page.getByTestId('notice');
  // Not the browser's own reason, which is in the browser's language.
  await expect(notice).toHaveText('The clipboard is not available: copy the link from the Share link field or from the address bar.');
  const shareField = labelled(page, 'Share link');
  await expect(shareField).toHaveValue(/#scenario=/);
  expect(decodeLink(await shareField.inputValue()).name).toBe(gallery('two-packages-one-balance').name);
  await page.getByTestId('language').selectOption('pt-BR');
  await expect(notice).toHaveText('A área de transferência não está disponível: copie o link do campo Link para compartilhar ou da barra de endereços.');
  await page.getByTestId('language').selectOption('en');
  // An edit takes the link out of the address bar: the notice saying it is there goes too.
  await fillField(field(page, 'Opening balance'), '41.00');
  await expect(notice).toHaveText('');
  expect(page.url()).not.toContain('#scenario=');
});

test('two tabs: a reload restores its own tab\'s work, a new tab the latest; a full storage is said in the language', async ({ page, context }) => {
  await page.goto('/');
  await openFromGallery(page, 'auto-renew-twice');
  await fillField(field(page, 'Opening balance'), '77.00');
  await expect.poll(async () => autosaved(page)).toContain('77');
  const other = await context.newPage();
  await other.goto('/');
  await openFromGallery(other, 'month-end-expiry');
  await fillField(field(other, 'Opening balance'), '12.00');
  await expect.poll(async () => autosaved(other)).toContain('"12');
  // A new tab starts from the latest work saved in this browser.
  const third = await context.newPage();
  await third.goto('/');
  await expect(third.getByTestId('lab')).toBeVisible();
  await expect(field(third, 'Scenario name')).toHaveValue(gallery('month-end-expiry').name);
  await third.close();
  await other.close();
  // The first tab's reload brings back its own work, not the other tab's later save.
  await page.reload();
  await expect(page.getByTestId('lab')).toBeVisible();
  await expect(field(page, 'Scenario name')).toHaveValue(gallery('auto-renew-twice').name);
  await expect(field(page, 'Opening balance')).toHaveValue(/^77(\.00?)?$/);

  // The browser's storage full: said once, in the page's language, the work staying on screen.
  await page.evaluate(() => {
    // Fill it to the last few bytes: large pieces, then halving.
    let i = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      try {
        for (;;) localStorage.setItem(`filler-${i++}`, chunk);
      } catch {
        // this size no longer fits: try a smaller one
      }
    }
  });
  // (A record of the same size would replace the saved one in place: this one is longer.)
  await fillField(field(page, 'Scenario name'), `Customer ${'A'.repeat(100)}`);
  // In the error banner, which stays while typing on (a notice goes with the next step).
  const banner = page.getByTestId('error-banner').locator('.error-banner-text');
  await expect(banner).toHaveText("Your work is not being saved in this browser: the browser's storage for this page is full.");
  await field(page, 'Scenario name').press('End');
  await field(page, 'Scenario name').pressSequentially('B');
  await expect(field(page, 'Scenario name')).toHaveValue(`Customer ${'A'.repeat(100)}B`);
  await expect(banner).toBeVisible();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(banner).toHaveText('你的工作没有保存在此浏览器中：浏览器为此页面提供的存储空间已满。');
});

test('storage turned off while the page is open: said in the app\'s words, the work staying', async ({ page }) => {
  await page.goto('/');
  await openFromGallery(page, 'auto-renew-twice');
  // The browser refuses with its own (English) words and the name SecurityError.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
  });
  await fillField(field(page, 'Scenario name'), 'Not kept');
  const banner = page.getByTestId('error-banner').locator('.error-banner-text');
  await expect(banner).toHaveText('Your work is not being saved in this browser: local storage is not available.');
  await expect(field(page, 'Scenario name')).toHaveValue('Not kept');
  await page.getByTestId('language').selectOption('pt-BR');
  await expect(banner).not.toContainText('denied');
  await expect(banner).not.toContainText('local storage');
});

test('reload restores the autosaved scenario and clock', async ({ page }) => {
  await page.goto('/');
  await openFromGallery(page, 'auto-renew-twice');
  await fillField(field(page, 'Scenario name'), 'E2E autosaved');
  await fillField(field(page, 'Opening balance'), '45.00');
  await goToTime(page, '2026-03-01 12:00:00');
  await expect.poll(async () => autosaved(page)).toContain('E2E autosaved');
  await expect.poll(async () => autosaved(page)).toContain('45');
  const saved = JSON.parse(await autosaved(page));
  expect(saved).toEqual(expect.objectContaining({ scenario: expect.objectContaining({ name: 'E2E autosaved' }) }));
  const lanes = await readLanes(page);
  const log = await readLog(page);

  await page.reload();
  await expect(page.getByTestId('lab')).toBeVisible();
  await expect(field(page, 'Scenario name')).toHaveValue('E2E autosaved');
  await expect(field(page, 'Opening balance')).toHaveValue(/^45(\.00?)?$/);
  await expectClock(page, '2026-03-01 12:00:00');
  await expect.poll(async () => readLanes(page)).toEqual(lanes);
  expect(await readLog(page)).toEqual(log);
  const expected = clone(gallery('auto-renew-twice'));
  expected.name = 'E2E autosaved';
  expected.balance = '45.00';
  await expectMatchesCli(page, expected);
  // An edit with an error, then a reload: the error is back, and so is the last valid timeline.
  await fillField(field(page, 'Opening balance'), '12.345');
  await expect(page.getByTestId('field-error')).toHaveCount(1);
  await expect.poll(async () => autosaved(page)).toContain('12.345');
  await page.reload();
  await expect(page.getByTestId('lab')).toBeVisible();
  await expect(field(page, 'Opening balance')).toHaveValue('12.345');
  await expect(page.getByTestId('field-error')).toHaveCount(1);
  await expectClock(page, '2026-03-01 12:00:00');
  await expect.poll(async () => readLanes(page)).toEqual(lanes);
  await expect(button(page, 'Next event')).toBeEnabled();
});

const BAD_LINKS: Array<[string, string, RegExp | string]> = [
  ['not base64url', '#scenario=***not-base64***', /link/i],
  ['base64url of text that is not JSON', linkFragment('this is { not json'), /JSON/i],
  [
    'valid JSON with a bad field',
    linkFragment(JSON.stringify({ ...gallery('auto-renew-twice'), resources: [{ ...gallery('auto-renew-twice').resources[0], term: '13m' }] })),
    'resources[0].term',
  ],
  ['a scenario with an unknown field', linkFragment(JSON.stringify({ ...gallery('auto-renew-twice'), colour: 'red' })), 'colour'],
  // Text in another script where the format wants ASCII: these two once cut a character in half,
  // a panic that killed the page.
  [
    'a term in Chinese',
    linkFragment(JSON.stringify({ ...gallery('auto-renew-twice'), resources: [{ ...gallery('auto-renew-twice').resources[0], term: '续费' }] })),
    'resources[0].term',
  ],
  [
    'an action in Chinese',
    linkFragment(JSON.stringify({ ...gallery('auto-renew-twice'), actions: [{ at: '2026-03-20T10:00:00', do: 're续费w' }] })),
    'actions[0]',
  ],
];

test('links pasted into the running app: malformed ones show their error and keep the work, a good one opens its scenario', async ({ page }) => {
  const current = gallery('renewed-in-retention');
  await page.goto('/');
  await openFromGallery(page, 'renewed-in-retention');
  await goToTime(page, '2026-04-10 00:00:00');
  const lanes = await readLanes(page);
  const paste = (hash: string) => page.evaluate((h) => { location.hash = h; }, hash);
  for (const [what, fragment, names] of BAD_LINKS) {
    await paste(fragment);
    await expectBanner(page, names);
    await expect(field(page, 'Scenario name'), what).toHaveValue(current.name);
    await expectClock(page, '2026-04-10 00:00:00');
    await expect.poll(async () => readLanes(page), what).toEqual(lanes);
  }
  const other = gallery('auto-renew-twice');
  await paste(linkFragment(other));
  await expect(field(page, 'Scenario name')).toHaveValue(other.name);
  await expectClock(page, earliestStart(other));
  await expectMatchesCli(page, other);
});

for (const [what, fragment, names] of BAD_LINKS) {
  test(`a malformed link (${what}) shows a clear error and keeps the current scenario`, async ({ page, context }) => {
    const current = gallery('renewed-in-retention');
    await page.goto('/');
    await openFromGallery(page, 'renewed-in-retention');
    await goToTime(page, '2026-04-10 00:00:00');
    await expect.poll(async () => autosaved(page)).toContain(current.name);
    const lanes = await readLanes(page);

    // The user opens the bad link in another tab of the same browser.
    const tab = await context.newPage();
    await tab.goto(`/${fragment}`);
    await expectBanner(tab, names);
    await expect(tab.getByTestId('lab')).toBeVisible();
    await expect(field(tab, 'Scenario name')).toHaveValue(current.name);
    await expect(tab.getByTestId('lane')).toHaveCount(lanes.length);
    await expectClock(tab, '2026-04-10 00:00:00');
    await expect.poll(async () => readLanes(tab)).toEqual(lanes);
    await expectMatchesCli(tab, current, 'V1');
  });
}

test('a malformed import (bad JSON; then a bad field) shows a clear error and keeps the current scenario', async ({ page }) => {
  const current = gallery('auto-renew-low-balance');
  await openLink(page, current);
  await goToTime(page, '2026-04-03 12:00:00');
  const lanes = await readLanes(page);
  const log = await readLog(page);
  const input = labelled(page, 'Import JSON');

  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "renewal-lab/1", "name": ') });
  await expectBanner(page, /JSON/i);
  await expect(field(page, 'Scenario name')).toHaveValue(current.name);
  expect(await readLanes(page)).toEqual(lanes);
  expect(await readLog(page)).toEqual(log);
  await expectClock(page, '2026-04-03 12:00:00');

  const badField = clone(current);
  (badField as any).balance = '-5.00';
  await input.setInputFiles({ name: 'bad-balance.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(badField)) });
  await expectBanner(page, 'balance');
  await expect(field(page, 'Scenario name')).toHaveValue(current.name);
  await expect(field(page, 'Opening balance')).toHaveValue(/^20(\.00?)?$/);
  expect(await readLanes(page)).toEqual(lanes);
  expect(await readLog(page)).toEqual(log);

  // A file in another encoding (Latin-1 "ç", "ã") is refused, not read with its letters replaced.
  const latin1 = Buffer.from(JSON.stringify({ ...current, name: 'Renovação' }), 'latin1');
  await input.setInputFiles({ name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
  await expectBanner(page, 'Could not import latin1.json: not UTF-8 text. The current scenario is unchanged.');
  await expect(field(page, 'Scenario name')).toHaveValue(current.name);
  expect(await readLanes(page)).toEqual(lanes);

  // A trace (renewal-cli's output) is named for what it is.
  const trace = JSON.stringify(simulateAll(current).V3);
  await input.setInputFiles({ name: 'trace.json', mimeType: 'application/json', buffer: Buffer.from(trace) });
  await expectBanner(page, 'it is a trace, the output of renewal-cli, not a scenario');
  await expect(field(page, 'Scenario name')).toHaveValue(current.name);
  expect(await readLanes(page)).toEqual(lanes);

  // A good file then loads.
  const good = gallery('month-end-expiry');
  await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(field(page, 'Scenario name')).toHaveValue(good.name);
  await expect(page.getByTestId('lane')).toHaveCount(6);
  await expectMatchesCli(page, good);
  // The same file saved as UTF-16 with its byte order mark (Windows "Unicode") reads as written.
  const renamed = { ...current, name: 'Renovação' };
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(renamed), 'utf16le')]);
  await input.setInputFiles({ name: 'utf16.json', mimeType: 'application/json', buffer: utf16 });
  await expect(field(page, 'Scenario name')).toHaveValue('Renovação');
});

test('Export JSON downloads the scenario document, and importing it restores the scenario', async ({ page }) => {
  const scenario = gallery('month-end-expiry');
  await openLink(page, scenario);
  await fillField(field(page, 'Opening balance'), '61.50');
  const expected = clone(scenario);
  expected.balance = '61.50';
  await expectMatchesCli(page, expected);

  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Export JSON').click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  expect(download.suggestedFilename()).toMatch(/month|january|bought/i);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  const exported = JSON.parse(text) as Scenario;
  expect(exported.format).toBe('renewal-lab/1');
  expect(exported.name).toBe(scenario.name);
  expect(simulateAll(exported)).toEqual(simulateAll(expected));

  // Change things, then import the exported file: back to the exported scenario.
  await fillField(field(page, 'Opening balance'), '1.00');
  await fillField(field(page, 'Scenario name'), 'E2E changed');
  await labelled(page, 'Import JSON').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(field(page, 'Scenario name')).toHaveValue(scenario.name);
  await expect(field(page, 'Opening balance')).toHaveValue(/^61\.50?$/);
  await goToTime(page, '2026-06-01 00:00:00');
  await expectMatchesCli(page, expected);
});

test('undo and redo every edit and act', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  await openLink(page, scenario);
  await goToTime(page, '2026-04-20 00:00:00');
  const original = await readLog(page);

  // An edit.
  const balance = field(page, 'Opening balance');
  await fillField(balance, '100.00');
  const richer = clone(scenario);
  richer.balance = '100.00';
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, richer);
  // From the keyboard: the last Undo keeps its focus (nothing left to undo, but not disabled
  // away from under the keyboard), and says what it did.
  await button(page, 'Undo').focus();
  await page.keyboard.press('Enter');
  await expect(balance).toHaveValue(/^20(\.00?)?$/);
  await expect(button(page, 'Undo')).toBeFocused();
  await expect(button(page, 'Undo')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('announcer')).toContainText('Undone');
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, scenario);
  expect(await readLog(page)).toEqual(original);
  await button(page, 'Redo').click();
  await expect(balance).toHaveValue(/^100(\.00?)?$/);
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, richer);

  // An act.
  await goToTime(page, '2026-04-10 00:00:00');
  const panel = page.getByTestId('act-panel');
  await fillField(labelled(panel, 'Top-up amount'), '7.00');
  await button(panel, 'Top up').click();
  const topped = clone(richer);
  topped.actions.push({ at: '2026-04-10T00:00:00', do: 'top_up', amount: '7.00' });
  const at = page.getByTestId('event-log').locator('[data-testid="event"][data-kind="top_up"][data-at="2026-04-10T00:00:00+08:00"]');
  await expect(at).toHaveCount(1);
  await button(page, 'Undo').click();
  await expect(at).toHaveCount(0);
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, richer);
  await button(page, 'Redo').click();
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, topped);
  await expect(at).toHaveCount(1);

  // Undo twice more: back to the original scenario.
  await button(page, 'Undo').click();
  await button(page, 'Undo').click();
  await expect(balance).toHaveValue(/^20(\.00?)?$/);
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, scenario);

  // Typing into a field key by key is one step: one Undo takes the whole text back.
  const name = field(page, 'Scenario name');
  await name.click();
  await name.press('End');
  await name.pressSequentially(' for ACME');
  await expect(name).toHaveValue(`${scenario.name} for ACME`);
  await button(page, 'Undo').click();
  await expect(name).toHaveValue(scenario.name!);
  await expect(button(page, 'Undo')).toHaveAttribute('aria-disabled', 'true');
  await button(page, 'Redo').click();
  await expect(name).toHaveValue(`${scenario.name} for ACME`);
});
