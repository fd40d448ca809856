// Reminders (docs/rules-and-choices.md, "Reminders"): the notices a customer would receive show as
// `reminder` markers on the lanes and `reminder` rows in the event log, at 09:00 local on the dates
// renewal-cli gives, with the notice in words; "Next event" stops at them. Also makes the README's
// screenshot docs/screenshots/reminders.png.
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  ROOT,
  button,
  chooseLogTier,
  epochToLocal,
  expectClock,
  expectMatchesCli,
  gallery,
  goToTime,
  localToEpoch,
  nextInstant,
  onePackage,
  openLink,
  rfcToEpoch,
  simulateAll,
  tz,
  type Trace,
} from './lab';

/** The reminders of `resource` in `trace`: [RFC 3339 instant, message]. */
function reminders(trace: Trace, resource: string): Array<[string, string]> {
  return trace.events.filter((e) => e.kind === 'reminder' && e.resource === resource).map((e) => [e.at, e.message]);
}

function reminderRows(page: Page) {
  return page.getByTestId('event-log').locator('[data-testid="event"][data-kind="reminder"]');
}

test('auto-renew off: expiry and release reminders at 09:00 local, on the lanes and in the log', async ({ page }) => {
  // One monthly package, auto-renew off: X = 2026-04-08; V3 (7 + 7 days) releases it on 04-23.
  const scenario = onePackage({ name: 'E2E reminders', balance: '0.00' });
  const zone = tz(scenario);
  const traces = simulateAll(scenario);
  const expected = reminders(traces.V3, 'ocr');
  expect(expected.map(([at]) => at)).toEqual([
    '2026-04-03T09:00:00+08:00',
    '2026-04-06T09:00:00+08:00',
    '2026-04-08T09:00:00+08:00',
    '2026-04-17T09:00:00+08:00',
    '2026-04-21T09:00:00+08:00',
    '2026-04-22T09:00:00+08:00',
  ]);
  await openLink(page, scenario);
  await chooseLogTier(page, 'V3');

  // Every reminder of the V3 lane is on its reminder marker path (one per lane and kind), at the
  // CLI's instants; close glyphs merge, but the path's data-at lists every event it marks.
  const lane = page.locator('[data-testid="lane"][data-tier="V3"][data-resource="ocr"]');
  const markers = await lane.locator('[data-testid="marker"][data-kind="reminder"]').evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-at') ?? '', Number(el.getAttribute('data-count') ?? '1')] as [string, number]),
  );
  expect(markers.reduce((sum, [, count]) => sum + count, 0)).toBe(expected.length);
  expect(markers.flatMap(([at]) => at.split(' ').filter(Boolean))).toEqual(expected.map(([a]) => a));
  // The legend names the shape.
  await expect(page.locator('.legend')).toContainText('reminder');

  // Nothing yet a second before the first one; "Next event" stops at it, 09:00 local.
  await goToTime(page, '2026-04-03 08:59:59');
  await expect(reminderRows(page)).toHaveCount(0);
  for (const [at, message] of expected.slice(0, 3)) {
    await button(page, 'Next event').click();
    await expectClock(page, epochToLocal(rfcToEpoch(at), zone));
    const row = reminderRows(page).and(page.locator(`[data-at="${at}"]`));
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(message);
    await expect(row).toContainText('reminders at 09:00');
    await expectMatchesCli(page, scenario, 'V3');
  }
  await expect(reminderRows(page)).toHaveCount(3);

  // Lapsed: the release reminders (V3: data deleted on 04-23 00:00).
  await goToTime(page, '2026-04-22 12:00:00');
  await expectMatchesCli(page, scenario, 'V3');
  await expect(reminderRows(page)).toHaveCount(6);
  // Counted to the last day the data is kept, as an expiry is: 2 calendar days before the 23rd
  // is "tomorrow, at the end of" the 22nd, the day before "today".
  await expect(reminderRows(page).nth(4)).toContainText(
    'Reminder: ocr has lapsed and its data will be deleted tomorrow, at the end of 2026-04-22. Renew it to keep it.',
  );
  await expect(reminderRows(page).last()).toContainText(
    'Reminder: ocr has lapsed and its data will be deleted today, at the end of 2026-04-22. Renew it to keep it.',
  );
  // Nothing changes at a reminder: the lanes' states are those of the CLI (checked above).
  await expect(lane).toHaveAttribute('data-state', 'frozen');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`), 'axe-core violations').toEqual([]);
});

test('auto-renew with too little balance: a reminder follows a failed attempt', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  const zone = tz(scenario);
  const traces = simulateAll(scenario);
  // The third failed attempt is at 03:00 on 04-03 (X − 5); its reminder at 09:00; then the top-up.
  expect(reminders(traces.V3, 'ocr').map(([at]) => at)).toEqual(['2026-04-03T09:00:00+08:00']);
  await openLink(page, scenario);
  await goToTime(page, '2026-04-03 05:00:00');
  await button(page, 'Next event').click();
  const next = nextInstant(traces, localToEpoch('2026-04-03 05:00:00', zone))!;
  expect(epochToLocal(next, zone)).toBe('2026-04-03 09:00:00');
  await expectClock(page, '2026-04-03 09:00:00');
  await expectMatchesCli(page, scenario);
  await expect(reminderRows(page)).toHaveCount(1);
  await expect(reminderRows(page)).toContainText('Reminder: ocr expires in 5 days');
  await expect(
    page.locator('[data-testid="lane"][data-tier="V3"][data-resource="ocr"] [data-testid="marker"][data-kind="reminder"]'),
  ).toHaveAttribute('data-at', '2026-04-03T09:00:00+08:00');
});

test('screenshot: reminders on the timeline and in the log', async ({ page }) => {
  const scenario = onePackage({ name: 'Reminders: auto-renew off', balance: '0.00', until: '2026-04-25T00:00:00' });
  await openLink(page, scenario);
  await chooseLogTier(page, 'V3');
  await goToTime(page, '2026-04-17 12:00:00');
  await expectMatchesCli(page, scenario, 'V3');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.getByTestId('timeline').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'reminders.png') });
});
