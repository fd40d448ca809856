// Issue 3, point 4 (Act as the customer): renew, top up, auto-renew changes at the clock's time;
// each recorded as an action at that instant (so it replays and shares exactly); a rejected act
// shows its reason in words.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import {
  button,
  clone,
  copyLink,
  decodeLink,
  epochToLocal,
  expectClock,
  expectMatchesCli,
  fillField,
  gallery,
  goToTime,
  localToEpoch,
  nextInstant,
  onePackage,
  openLink,
  setField,
  simulateAll,
  tz,
  type Scenario,
  labelled,
} from './lab';

function actPanel(page: Page) {
  return page.getByTestId('act-panel');
}

async function renew(page: Page, term: string) {
  const panel = actPanel(page);
  await setField(labelled(panel, 'Renewal term'), term);
  await button(panel, 'Renew').click();
}

test('renew, a rejected renewal, top up and auto-renew changes take effect at once and are recorded', async ({ page }) => {
  const scenario = onePackage({ name: 'E2E acts' });
  const zone = tz(scenario);
  await openLink(page, scenario);
  const panel = actPanel(page);
  await labelled(panel, 'Act on').selectOption('ocr');

  // April 10, 12:00: expired in V3 (grace 7 days), frozen in V0–V2.
  const at = '2026-04-10T12:00:00';
  await goToTime(page, '2026-04-10 12:00:00');
  await expect(page.locator('[data-testid="lane"][data-tier="V3"]')).toHaveAttribute('data-state', 'expired');
  await expect(page.locator('[data-testid="lane"][data-tier="V1"]')).toHaveAttribute('data-state', 'frozen');

  // 1. Renew for one month: available again in every tier, at once, at the same instant.
  await renew(page, '1m');
  const expected: Scenario = clone(scenario);
  expected.actions.push({ at, do: 'renew', resource: 'ocr', term: '1m' });
  await expectClock(page, '2026-04-10 12:00:00');
  await expectMatchesCli(page, expected);
  for (const tier of Object.keys(simulateAll(expected))) {
    await expect(page.locator(`[data-testid="lane"][data-tier="${tier}"]`)).toHaveAttribute('data-state', 'available');
  }
  await expect(panel.getByTestId('act-result')).toContainText(/renew/i);
  // The result, below the forms, is brought into view.
  await expect(panel.getByTestId('act-result')).toBeInViewport();
  await expect(page.locator('[data-testid="tier-status"][data-tier="V3"] [data-testid="balance"]')).toContainText('10.00');

  // 2. Renew for a year with 10.00 left: its price is said before it is pressed; rejected, the
  // reason in words.
  const quote = panel.getByTestId('renew-quote');
  await expect(quote).toHaveText('Renewing for 1 month costs 30.00.');
  await setField(labelled(panel, 'Renewal term'), '1y');
  await expect(quote).toHaveText('Renewing for 1 year costs 300.00.');
  await expect(button(panel, 'Renew')).toHaveAccessibleDescription('Renewing for 1 year costs 300.00.');
  await renew(page, '1y');
  expected.actions.push({ at, do: 'renew', resource: 'ocr', term: '1y' });
  await expect(panel.getByTestId('act-result')).toContainText(/balance/i);
  await expect(panel.getByTestId('act-result')).not.toContainText('insufficient_balance');
  await expectMatchesCli(page, expected);
  await expect(
    page.getByTestId('event-log').locator(`[data-testid="event"][data-kind="action_rejected"][data-at="${at}+08:00"]`),
  ).toHaveCount(1);

  // 3. Top up 25.50.
  await fillField(labelled(panel, 'Top-up amount'), '25.50');
  await button(panel, 'Top up').click();
  expected.actions.push({ at, do: 'top_up', amount: '25.50' });
  await expectMatchesCli(page, expected);
  await expect(page.locator('[data-testid="tier-status"][data-tier="V3"] [data-testid="balance"]')).toContainText('35.50');

  // A value out of range is refused in words (not by the browser's bubble), and nothing is recorded.
  await labelled(panel, 'Auto-renew on').check();
  await fillField(labelled(panel, 'Deduction days before'), '8');
  await button(panel, 'Apply auto-renew').click();
  await expect(page.getByTestId('act-result')).toHaveAttribute('data-outcome', 'invalid');
  await expect(page.getByTestId('act-result')).toContainText('Deduction days before');
  await expectMatchesCli(page, expected);

  // 4. Auto-renew on, 3 days before, a 2-month term, twice (none of them the defaults).
  await labelled(panel, 'Auto-renew on').check();
  await fillField(labelled(panel, 'Deduction days before'), '3');
  await setField(labelled(panel, 'Auto-renew term'), '2m');
  await fillField(labelled(panel, 'Renewal count'), '2');
  await button(panel, 'Apply auto-renew').click();
  expected.actions.push({ at, do: 'set_auto_renew', resource: 'ocr', enabled: true, days_before: 3, term: '2m', times: 2 });
  await expectMatchesCli(page, expected);
  await expect(
    page.getByTestId('event-log').locator(`[data-testid="event"][data-kind="auto_renew_changed"][data-at="${at}+08:00"]`),
  ).toHaveCount(1);

  // Each act was recorded as an action at that instant: the share link replays to the same traces.
  const shared = decodeLink(await copyLink(page));
  expect(shared.actions).toEqual(expected.actions);
  expect(simulateAll(shared)).toEqual(simulateAll(expected));

  // The new auto-renew schedule: the next event is the first attempt, May 5 at 03:00 (expiry May 8).
  await button(page, 'Next event').click();
  const next = nextInstant(simulateAll(expected), localToEpoch('2026-04-10 12:00:00', zone))!;
  expect(epochToLocal(next, zone)).toBe('2026-05-05 03:00:00');
  await expectClock(page, '2026-05-05 03:00:00');
  await expectMatchesCli(page, expected);
});

test('switching auto-renew off from the act panel stops the attempts to come', async ({ page }) => {
  const scenario = onePackage({ name: 'E2E auto-renew off', balance: '0.00' });
  scenario.resources[0].auto_renew = { enabled: true, days_before: 7, term: '1m', times: 0 };
  const zone = tz(scenario);
  await openLink(page, scenario);
  const panel = actPanel(page);
  // April 2 at 12:00, auto-renew on with nothing to pay: failed attempts from April 1 at 03:00.
  await goToTime(page, '2026-04-02 12:00:00');
  await expect(labelled(panel, 'Auto-renew on')).toBeChecked();
  await labelled(panel, 'Auto-renew on').uncheck();
  await button(panel, 'Apply auto-renew').click();
  const expected = clone(scenario);
  expected.actions.push({ at: '2026-04-02T12:00:00', do: 'set_auto_renew', resource: 'ocr', enabled: false });
  await expectMatchesCli(page, expected);
  const traces = simulateAll(expected);
  const attempts = traces.V3.events.filter((e) => e.kind === 'auto_renew_attempt').map((e) => e.at.slice(0, 19));
  expect(attempts).toEqual(['2026-04-01T03:00:00', '2026-04-02T03:00:00']);
  // The next event is no longer the April 3 attempt.
  await button(page, 'Next event').click();
  const next = nextInstant(traces, localToEpoch('2026-04-02 12:00:00', zone))!;
  expect(epochToLocal(next, zone)).not.toBe('2026-04-03 03:00:00');
  await expectClock(page, epochToLocal(next, zone));
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="auto_renew_attempt"]')).toHaveCount(2);
});

test('switching auto-renew on while frozen is rejected with the reason in words', async ({ page }) => {
  const scenario = onePackage({ name: 'E2E frozen act' });
  await openLink(page, scenario);
  const panel = actPanel(page);
  // April 20: frozen in V3 (expired April 9, frozen after 7 grace days).
  await goToTime(page, '2026-04-20 00:00:00');
  await expect(page.locator('[data-testid="lane"][data-tier="V3"]')).toHaveAttribute('data-state', 'frozen');
  await labelled(panel, 'Act on').selectOption('ocr');
  await labelled(panel, 'Auto-renew on').check();
  await button(panel, 'Apply auto-renew').click();
  await expect(panel.getByTestId('act-result')).toContainText(/available/i);
  await expect(panel.getByTestId('act-result')).not.toContainText('not_available');
  const expected = clone(scenario);
  expected.actions.push({ at: '2026-04-20T00:00:00', do: 'set_auto_renew', resource: 'ocr', enabled: true });
  await expectMatchesCli(page, expected);
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="action_rejected"]')).toHaveCount(1);
  // The rejected act changed nothing: still frozen.
  await expect(page.locator('[data-testid="lane"][data-tier="V3"]')).toHaveAttribute('data-state', 'frozen');
});

test('renewing a pay-per-use resource is rejected: not a package', async ({ page }) => {
  const scenario = onePackage({
    name: 'E2E pay-per-use act',
    resources: [{ id: 'api', billing: 'pay_per_use', start: '2026-03-10T00:00:00', hourly_rate: '0.10' }],
    balance: '10.00',
    until: '2026-03-20T00:00:00',
  });
  await openLink(page, scenario);
  const panel = actPanel(page);
  await goToTime(page, '2026-03-11 00:00:00');
  await labelled(panel, 'Act on').selectOption('api');
  // Nothing to quote: a pay-per-use resource has no term to buy.
  await expect(panel.getByTestId('renew-quote')).toHaveCount(0);
  await renew(page, '1m');
  await expect(panel.getByTestId('act-result')).toContainText(/pay-per-use|package/i);
  await expect(panel.getByTestId('act-result')).not.toContainText('not_package');
  const expected = clone(scenario);
  expected.actions.push({ at: '2026-03-11T00:00:00', do: 'renew', resource: 'api', term: '1m' });
  await expectMatchesCli(page, expected);
});

test('the auto-renew form shows the chosen resource\'s term, also after another term was picked for another resource', async ({ page }) => {
  await openLink(page, gallery('two-packages-one-balance'));
  const panel = actPanel(page);
  const term = labelled(panel, 'Auto-renew term');
  await expect(term).toHaveValue('1m');
  // A term picked for "web" but not applied, then "db" chosen: the form shows db's own settings,
  // and the select must say so (it used to keep showing the pick, while Apply would send 1m).
  await setField(term, '6m');
  await expect(term).toHaveValue('6m');
  await setField(labelled(panel, 'Act on'), 'db');
  await expect(term).toHaveValue('1m');
  await expect(term.locator('option:checked')).toHaveText(/^1 month/);
  // And back on "web", its settings again.
  await setField(labelled(panel, 'Act on'), 'web');
  await expect(term).toHaveValue('1m');
});
