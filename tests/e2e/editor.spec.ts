// Issue 3, point 2 (Edit): every edit re-simulates at once; an invalid field shows an inline
// message next to it and the last valid simulation stays on screen.
import { test, expect } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import {
  button,
  clone,
  copyLink,
  decodeLink,
  expectMatchesCli,
  field,
  fillField,
  gallery,
  goToTime,
  labelled,
  localToEpoch,
  openFromGallery,
  openLink,
  readLanes,
  readLog,
  setField,
  simulateAll,
  stateAt,
  tz,
} from './lab';

/** The field-error for `path`, checked to be visible and right next to (just after) `input`. */
async function expectErrorNextTo(page: Page, input: Locator, path: string): Promise<Locator> {
  const error = page.locator(`[data-testid="field-error"][data-path="${path}"]`);
  await expect(error).toHaveCount(1);
  await expect(error).toBeVisible();
  await expect(error).not.toHaveText(/^\s*$/);
  const a = (await input.boundingBox())!;
  const b = (await error.boundingBox())!;
  // "Right after it": below or beside the field, not further than a line or two away.
  const gapBelow = b.y - (a.y + a.height);
  const gapBeside = b.x - (a.x + a.width);
  const near = (gapBelow >= -a.height && gapBelow <= 48) || (gapBeside >= -4 && gapBeside <= 48 && Math.abs(b.y - a.y) <= 48);
  expect(near, `the error for ${path} sits next to its field: field ${JSON.stringify(a)}, error ${JSON.stringify(b)}`).toBe(true);
  // And it follows the field in the document.
  const follows = await input.evaluate((el, err) => !!(el.compareDocumentPosition(err as Node) & Node.DOCUMENT_POSITION_FOLLOWING), await error.elementHandle());
  expect(follows, `the error for ${path} comes after its field`).toBe(true);
  return error;
}

test('changing the opening balance and the term re-simulates every tier at once', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  await page.goto('/');
  await openFromGallery(page, 'auto-renew-low-balance');
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, scenario);
  // Three failed attempts before the edit.
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="auto_renew_attempt"]')).toHaveCount(4);

  await fillField(field(page, 'Opening balance'), '100.00');
  const richer = clone(scenario);
  richer.balance = '100.00';
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, richer);
  // Now the first attempt pays: a single attempt.
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="auto_renew_attempt"]')).toHaveCount(1);

  const term = field(page, 'Term', page.getByTestId('resource-editor').first());
  await setField(term, '2m');
  const longer = clone(richer);
  longer.resources[0].term = '2m';
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, longer);
  // A two-month term: no auto-renew attempt before April 20.
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="auto_renew_attempt"]')).toHaveCount(0);
  for (const tier of Object.keys(simulateAll(longer))) await expectMatchesCli(page, longer, tier);
});

test('an invalid field shows an inline error next to it while the last simulation stays on screen', async ({ page }) => {
  const scenario = gallery('renewed-in-retention');
  await openLink(page, scenario);
  await goToTime(page, '2026-04-10 12:00:00');
  await expectMatchesCli(page, scenario, 'V1');
  const lanesBefore = await readLanes(page);
  const logBefore = await readLog(page);
  expect(lanesBefore.some((l) => l.state === 'frozen')).toBe(true);

  // Opening balance with three decimals.
  const balance = field(page, 'Opening balance');
  await fillField(balance, '12.345');
  await expectErrorNextTo(page, balance, 'balance');
  expect(await readLanes(page)).toEqual(lanesBefore);
  expect(await readLog(page)).toEqual(logBefore);
  await expect(page.getByTestId('timeline')).toBeVisible();

  // A resource ID that breaks the id rule, while the balance is still wrong.
  const resource = page.getByTestId('resource-editor').first();
  const id = field(page, 'ID', resource);
  await fillField(id, 'Bad ID!');
  await expectErrorNextTo(page, id, 'resources[0].id');
  await expect(page.getByTestId('lane')).toHaveCount(lanesBefore.length);
  expect(await readLanes(page)).toEqual(lanesBefore);

  // Fixing both fields clears the errors and re-simulates with the new values.
  await fillField(id, 'ocr');
  await expect(page.locator('[data-testid="field-error"][data-path="resources[0].id"]')).toHaveCount(0);
  await fillField(balance, '0.00');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  const broke = clone(scenario);
  broke.balance = '0.00';
  await goToTime(page, '2026-04-30 00:00:00');
  // With no money the renewal on April 12 is rejected in every tier.
  await expectMatchesCli(page, broke, 'V1');
  await expect(page.locator('[data-testid="lane"][data-tier="V1"]')).toHaveAttribute('data-state', 'released');
});

test('an invalid date and an out-of-range term show errors naming the field', async ({ page }) => {
  const scenario = gallery('auto-renew-twice');
  await openLink(page, scenario);
  const lanesBefore = await readLanes(page);
  const resource = page.getByTestId('resource-editor').first();
  const until = field(page, 'Until');
  // Until before the start of the resource.
  await fillField(until, '2025-01-01T00:00:00');
  await expectErrorNextTo(page, until, 'until');
  expect(await readLanes(page)).toEqual(lanesBefore);
  await fillField(until, '2026-05-01T00:00:00');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  // Days before outside 0..=7 (an auto-renew setting of the resource).
  const days = field(page, 'Days before', resource);
  await fillField(days, '9');
  await expectErrorNextTo(page, days, 'resources[0].auto_renew.days_before');
  expect(await readLanes(page)).toEqual(lanesBefore);
  await fillField(days, '3');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  await expectMatchesCli(page, scenario);
});

test('time zone, policy and tier edits re-simulate', async ({ page }) => {
  const scenario = gallery('renewal-too-short');
  await openLink(page, scenario);
  // huawei-intl: one tier, "standard".
  await expect(page.locator('[data-testid="lane"]')).toHaveCount(1);
  await expect(page.getByTestId('lane')).toHaveAttribute('data-tier', 'standard');

  // Time zone: the same local times, now at UTC−05:00.
  await fillField(field(page, 'Time zone'), '-05:00');
  const western = clone(scenario);
  western.timezone = '-05:00';
  await goToTime(page, '2026-03-12 10:05:00');
  await expectMatchesCli(page, western, 'standard');
  const ats = await page.getByTestId('event-log').getByTestId('event').evaluateAll((els) => els.map((el) => el.getAttribute('data-at')));
  expect(ats.length).toBeGreaterThan(0);
  for (const at of ats) expect(at).toMatch(/-05:00$/);

  // Policy huawei-cn and tier V0: six lanes, one per tier of the policy.
  await setField(field(page, 'Policy'), 'huawei-cn');
  await setField(field(page, 'Tier'), 'V0');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  const cn = clone(western);
  cn.policy = 'huawei-cn';
  cn.tier = 'V0';
  await expect(page.getByTestId('lane')).toHaveCount(6);
  const tiers = await page.getByTestId('lane').evaluateAll((els) => els.map((el) => el.getAttribute('data-tier')));
  expect(tiers.sort()).toEqual(['V0', 'V1', 'V2', 'V3', 'V4', 'V5']);
  await goToTime(page, '2026-03-12 10:05:00');
  for (const tier of ['V0', 'V4']) await expectMatchesCli(page, cn, tier);
});

test('after Undo and Redo every select shows the value the scenario holds', async ({ page }) => {
  await openLink(page, gallery('auto-renew-low-balance'));
  const resource = page.getByTestId('resource-editor').first();
  // label, where, value picked, value before
  const cases: Array<[string, Locator | undefined, string, string]> = [
    ['Tier', undefined, 'V5', 'V3'],
    ['Policy', undefined, 'huawei-intl', 'huawei-cn'],
    ['Term', resource, '1y', '1m'],
    ['Billing', resource, 'pay_per_use', 'package'],
  ];
  for (const [label, scope, picked, before] of cases) {
    const select = () => field(page, label, scope);
    await select().selectOption(picked);
    await expect(select()).toHaveValue(picked);
    await button(page, 'Undo').click();
    await expect(select(), `${label} after Undo`).toHaveValue(before);
    await button(page, 'Redo').click();
    await expect(select(), `${label} after Redo`).toHaveValue(picked);
    await button(page, 'Undo').click();
    await expect(select(), `${label} after the second Undo`).toHaveValue(before);
  }
});

test('a resource switched to pay-per-use and back keeps its prices and auto-renew settings', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  await openLink(page, scenario);
  const resource = page.getByTestId('resource-editor').first();
  const values = () => resource.locator('input, select').evaluateAll((els) =>
    els.map((el) => (el as HTMLInputElement).type === 'checkbox' ? String((el as HTMLInputElement).checked) : (el as HTMLInputElement).value));
  const before = await values();
  await field(page, 'Billing', resource).selectOption('pay_per_use');
  await expect(field(page, 'Hourly rate', resource)).toBeVisible();
  await field(page, 'Billing', resource).selectOption('package');
  await expect.poll(values).toEqual(before);
  // So the run is the gallery scenario's again.
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, scenario);
});

test('resources can be added and removed, and actions removed, each re-simulating', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  await openLink(page, scenario);
  const editor = page.getByTestId('editor');
  await expect(page.getByTestId('resource-editor')).toHaveCount(1);
  await expect(page.getByTestId('lane')).toHaveCount(6);

  await button(editor, 'Add package').click();
  await expect(page.getByTestId('resource-editor')).toHaveCount(2);
  await expect(page.getByTestId('lane')).toHaveCount(12);
  await button(editor, 'Add pay-per-use').click();
  await expect(page.getByTestId('resource-editor')).toHaveCount(3);
  await expect(page.getByTestId('lane')).toHaveCount(18);
  const third = page.getByTestId('resource-editor').nth(2);
  await expect(field(page, 'Billing', third)).toHaveValue(/pay/i);
  await expect(field(page, 'Hourly rate', third)).toBeVisible();
  const ids = await page.getByTestId('resource-editor').evaluateAll((els) => els.length);
  expect(ids).toBe(3);
  const laneResources = new Set(await page.getByTestId('lane').evaluateAll((els) => els.map((el) => el.getAttribute('data-resource'))));
  expect(laneResources.size).toBe(3);

  // Remove the two new resources again.
  await button(page.getByTestId('resource-editor').nth(2), 'Remove resource').click();
  await button(page.getByTestId('resource-editor').nth(1), 'Remove resource').click();
  await expect(page.getByTestId('resource-editor')).toHaveCount(1);
  await expect(page.getByTestId('lane')).toHaveCount(6);
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, scenario);

  // Remove the scenario's only action (the top-up): auto-renew never pays, the package expires.
  const rows = page.getByTestId('action-editor');
  await expect(rows).toHaveCount(1);
  await button(rows.first(), 'Remove action').click();
  await expect(page.getByTestId('action-editor')).toHaveCount(0);
  const noTopUp = clone(scenario);
  noTopUp.actions = [];
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, noTopUp);
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="top_up"]')).toHaveCount(0);
  // Expired on April 9, frozen after V3's 7 grace days (April 16).
  await expect(page.locator('[data-testid="lane"][data-tier="V3"][data-resource="ocr"]')).toHaveAttribute('data-state', 'frozen');
});

test('auto-renew settings of a resource are editable', async ({ page }) => {
  const scenario = gallery('auto-renew-twice');
  await openLink(page, scenario);
  const resource = page.getByTestId('resource-editor').first();
  await expect(field(page, 'Auto-renew', resource)).toBeChecked();
  await fillField(field(page, 'Renewals', resource), '0');
  await setField(field(page, 'Auto-renew term', resource), '2m');
  const unlimited = clone(scenario);
  unlimited.resources[0].auto_renew = { enabled: true, days_before: 3, term: '2m', times: 0 };
  await goToTime(page, '2026-05-01 00:00:00');
  await expectMatchesCli(page, unlimited);
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="auto_renew_changed"]')).toHaveCount(0);

  await field(page, 'Auto-renew', resource).uncheck();
  const off = clone(unlimited);
  off.resources[0].auto_renew.enabled = false;
  await goToTime(page, '2026-05-01 00:00:00');
  await expectMatchesCli(page, off);
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="renewed"]')).toHaveCount(0);
});

test('actions can be added and edited in the action list', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  await openLink(page, scenario);
  await button(page.getByTestId('editor'), 'Add action').click();
  const rows = page.getByTestId('action-editor');
  await expect(rows).toHaveCount(2);
  const row = rows.nth(1);
  await setField(field(page, 'Kind', row), 'renew');
  await fillField(field(page, 'At', row), '2026-04-15T10:00:00');
  await setField(field(page, 'Resource', row), 'ocr');
  await setField(field(page, 'Term', row), '3m');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  const expected = clone(scenario);
  expected.actions.push({ at: '2026-04-15T10:00:00', do: 'renew', resource: 'ocr', term: '3m' });
  await goToTime(page, '2026-04-20 00:00:00');
  // 40.00 left after the automatic renewal: a 3-month renewal (90.00) is refused.
  await expectMatchesCli(page, expected);
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="action_rejected"]')).toHaveCount(1);
  // One month (30.00) is paid.
  await setField(field(page, 'Term', row), '1m');
  expected.actions[1].term = '1m';
  await goToTime(page, '2026-04-20 00:00:00');
  await expectMatchesCli(page, expected);
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="renewed"][data-at="2026-04-15T10:00:00+08:00"]')).toHaveCount(1);
});

test('a custom tier table can replace the preset policy', async ({ page }) => {
  const scenario = gallery('renewed-in-retention');
  await openLink(page, scenario);
  await setField(field(page, 'Policy'), 'custom');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  // The custom table starts as a copy of huawei-cn: the same lanes and states.
  await goToTime(page, '2026-04-11 00:00:00');
  await expect(page.locator('[data-testid="lane"][data-tier="V1"]')).toHaveAttribute('data-state', 'frozen');
  // Three grace days for V1's packages (the table's second row): expired until April 12.
  await fillField(page.getByTestId('editor').getByLabel('Tier 2 package grace days', { exact: true }), '3');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  await expect(page.locator('[data-testid="lane"][data-tier="V1"]')).toHaveAttribute('data-state', 'expired');
  await expect(page.locator('[data-testid="lane"][data-tier="V0"]')).toHaveAttribute('data-state', 'released');
  // The document now holds the inline policy, and the CLI agrees with every lane.
  const shared = decodeLink(await copyLink(page));
  expect(typeof shared.policy).toBe('object');
  const tiers = (shared.policy as any).tiers;
  expect(tiers.V1.package).toEqual({ grace_days: 3, retention_days: 7 });
  expect(tiers.V0.package).toEqual({ grace_days: 1, retention_days: 1 });
  expect(Object.keys(tiers).sort()).toEqual(['V0', 'V1', 'V2', 'V3', 'V4', 'V5']);
  await expectMatchesCli(page, shared, 'V1');
});

test('a file with thousands of actions stays usable: the editor shows the first 100 rows and says so', async ({ page }) => {
  test.setTimeout(120_000);
  const big = clone(gallery('pay-per-use-arrears'));
  big.until = '2027-12-31T00:00:00';
  // 2,000 small top-ups, one every 6 hours from the start.
  const start = Date.parse(`${big.resources[0].start}Z`);
  big.actions = Array.from({ length: 2000 }, (_, i) => ({
    at: new Date(start + (i + 1) * 6 * 3600_000).toISOString().slice(0, 19),
    do: 'top_up',
    amount: '0.10',
  }));
  await openLink(page, gallery('month-end-expiry'));
  await labelled(page, 'Import JSON').setInputFiles({
    name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)),
  });
  await expect(field(page, 'Scenario name')).toHaveValue(big.name);
  const editor = page.getByTestId('editor');
  await expect(editor.getByTestId('rows-not-shown')).toHaveText(
    'Only the first 100 of 2,000 actions are shown here; the others run as the file has them. Change them in the JSON file (Export JSON, then Import JSON).');
  // Edits still re-simulate at once, and the run is the file's, all 2,000 actions included.
  await fillField(field(page, 'Opening balance'), '5.00');
  big.balance = '5.00';
  await goToTime(page, '2027-06-01 00:00:00');
  const traces = simulateAll(big);
  const epoch = localToEpoch('2027-06-01 00:00:00', tz(big));
  const lanes = await readLanes(page);
  expect(lanes.length).toBe(Object.keys(traces).length);
  for (const lane of lanes) expect(lane.state, lane.tier).toBe(stateAt(traces[lane.tier], lane.resource, epoch));
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(40_000);
});
