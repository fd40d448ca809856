// What-if: branch the current scenario with one change (top up 20 more, auto-renew on, another
// tier, renew a day later), see both runs aligned, the first divergence marked and explained;
// adopt it (undoable) or dismiss it. Expected values come from renewal-cli on the branched
// scenario, built here by hand from the documented meaning of each change (docs/what-if.md).
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  ROOT,
  button,
  clone,
  copyLink,
  decodeLink,
  earliestStart,
  expectClock,
  expectMatchesCli,
  fillField,
  gallery,
  goToTime,
  labelled,
  localToEpoch,
  openLink,
  simulateAll,
  stateAt,
  tz,
  type Scenario,
} from './lab';

function panel(page: Page) {
  return page.getByTestId('what-if');
}

async function chooseChange(page: Page, label: string) {
  await labelled(panel(page), 'What-if change').selectOption({ label });
}

async function compare(page: Page) {
  await button(panel(page), 'Compare').click();
  await expect(panel(page).getByTestId('whatif-result')).toBeVisible();
}

/** Every what-if lane's data-state at the clock's time matches renewal-cli for its side. */
async function expectLanesMatchCli(page: Page, base: Scenario, branch: Scenario) {
  const traces = { current: simulateAll(base), whatif: simulateAll(branch) };
  await expect(async () => {
    const epoch = localToEpoch(((await page.getByTestId('clock').textContent()) ?? '').trim(), tz(base));
    const lanes = await panel(page)
      .getByTestId('whatif-lane')
      .evaluateAll((els) =>
        els.map((el) => ({
          side: el.getAttribute('data-side') as 'current' | 'whatif',
          tier: el.getAttribute('data-tier') ?? '',
          resource: el.getAttribute('data-resource') ?? '',
          state: el.getAttribute('data-state'),
        })),
      );
    expect(lanes.length).toBeGreaterThan(0);
    for (const lane of lanes) {
      const want = stateAt(traces[lane.side][lane.tier], lane.resource, epoch) ?? 'not-started';
      expect(lane, `${lane.side} ${lane.tier}/${lane.resource}`).toEqual({ ...lane, state: want });
    }
  }).toPass({ timeout: 15_000 });
}

function lane(page: Page, side: string, tier: string, resource = 'ocr') {
  return panel(page).locator(
    `[data-testid="whatif-lane"][data-side="${side}"][data-tier="${tier}"][data-resource="${resource}"]`,
  );
}

test('top up 20 more: the failed attempt becomes a success, shown, explained and announced', async ({ page }) => {
  const base = gallery('auto-renew-low-balance');
  await openLink(page, base);
  // The default change is an extra top-up of 20.00 at the clock's time (the earliest start).
  await expect(labelled(panel(page), 'Extra top-up amount')).toHaveValue('20.00');
  await compare(page);
  const branch = clone(base);
  branch.actions.push({ at: earliestStart(base).replace(' ', 'T'), do: 'top_up', amount: '20.00' });

  const at = '2026-04-01T03:00:00+08:00';
  const attempt = (s: Scenario) =>
    simulateAll(s).V3.events.find((e) => e.at === at && e.kind === 'auto_renew_attempt');
  expect(attempt(base)?.outcome).toBe('failed');
  expect(attempt(branch)?.outcome).toBe('succeeded');

  const explanation = panel(page).getByTestId('whatif-explanation');
  await expect(explanation).toHaveAttribute('data-at', at);
  await expect(explanation).toContainText('First divergence at 2026-04-01 03:00:00: ocr, tier V3.');
  await expect(explanation).toContainText('Current: auto-renew fails: balance 20.00 is below the price 30.00.');
  await expect(explanation).toContainText('What-if (tier V3): auto-renew pays 30.00');
  await expect(page.getByTestId('announcer')).toContainText('First divergence at 2026-04-01 03:00:00');
  await expect(panel(page).getByTestId('whatif-divergence')).toHaveAttribute('data-at', at);
  // Both runs share a day/month axis: the divergence's month is on it.
  await expect(panel(page).getByTestId('whatif-axis')).toContainText('Apr 1');
  // On every tier's lanes: a failed attempt above, a paid one below, at that instant.
  for (const tier of Object.keys(simulateAll(base))) {
    await expect(lane(page, 'current', tier).locator(`[data-kind="attempt-failed"][data-at="${at}"]`)).toHaveCount(1);
    await expect(lane(page, 'whatif', tier).locator(`[data-kind="attempt-succeeded"][data-at="${at}"]`)).toHaveCount(1);
  }
  // Both follow the clock: go to the divergence, and later.
  await button(panel(page), 'Go to the divergence').click();
  await expectClock(page, '2026-04-01 03:00:00');
  await expectLanesMatchCli(page, base, branch);
  // The scenario itself is unchanged.
  expect(decodeLink(await copyLink(page))).toEqual(base);
  // The clock moved on: the result shown is still the top-up compared, and the hint says so.
  const started = earliestStart(base);
  await expect(panel(page)).toContainText(
    `Compared with a top-up at ${started}, which “Adopt what-if” adds. Compare again to top up at the clock's time, 2026-04-01 03:00:00.`,
  );
  await button(panel(page), 'Adopt what-if').click();
  expect(decodeLink(await copyLink(page))).toEqual(branch);
});

test('both runs share one time axis: the lanes line up, and each marker sits where its instant is on either side', async ({ page }) => {
  const base = gallery('auto-renew-low-balance');
  await openLink(page, base);
  await compare(page);
  const geometry = await panel(page).evaluate((root) => {
    const box = (el: Element) => el.getBoundingClientRect();
    const lanes = Array.from(root.querySelectorAll('[data-testid="whatif-lane"]')).map((el) => ({
      left: box(el).left,
      width: box(el).width,
      markers: Array.from(el.querySelectorAll('[data-testid="whatif-marker"]')).map((m) => ({
        // Where a marker stands is its first event's instant (merged ones list them all).
        at: Date.parse(m.getAttribute('data-at')!.split(' ')[0]),
        x: box(m).left + box(m).width / 2,
      })),
    }));
    const divergence = root.querySelector('[data-testid="whatif-divergence"]')!;
    return { lanes, divergence: { at: Date.parse(divergence.getAttribute('data-at')!), x: box(divergence).left } };
  });
  expect(geometry.lanes.length).toBeGreaterThan(2);
  const { left, width } = geometry.lanes[0];
  expect(width).toBeGreaterThan(100);
  for (const lane of geometry.lanes) {
    expect(lane.left).toBeCloseTo(left, 0);
    expect(lane.width).toBeCloseTo(width, 0);
  }
  // One linear scale for every marker of both sides: fit it on two markers, check the rest.
  const all = geometry.lanes.flatMap((l) => l.markers);
  const first = all.reduce((a, b) => (b.at < a.at ? b : a));
  const last = all.reduce((a, b) => (b.at > a.at ? b : a));
  expect(last.at).toBeGreaterThan(first.at);
  const xOf = (at: number) => first.x + ((at - first.at) / (last.at - first.at)) * (last.x - first.x);
  for (const m of all) expect(Math.abs(m.x - xOf(m.at)), `marker at ${new Date(m.at).toISOString()}`).toBeLessThan(1.5);
  // The divergence flag stands at its instant on the same scale.
  expect(Math.abs(geometry.divergence.x - xOf(geometry.divergence.at))).toBeLessThan(1.5);
});

test('top up 20 more on two packages: the lanes’ states differ after the divergence', async ({ page }) => {
  const base = gallery('two-packages-one-balance');
  await openLink(page, base);
  await compare(page);
  const branch = clone(base);
  branch.actions.push({ at: earliestStart(base).replace(' ', 'T'), do: 'top_up', amount: '20.00' });
  const explanation = panel(page).getByTestId('whatif-explanation');
  await expect(explanation).toHaveAttribute('data-at', '2026-04-01T03:00:00+08:00');
  await expect(explanation).toContainText('db, tier V0');
  await goToTime(page, '2026-04-12 00:00:00');
  await expect(lane(page, 'current', 'V0', 'db')).toHaveAttribute('data-state', 'released');
  await expect(lane(page, 'whatif', 'V0', 'db')).toHaveAttribute('data-state', 'available');
  await expectLanesMatchCli(page, base, branch);
});

test('auto-renew on: renewed a week before expiry instead of lapsing', async ({ page }) => {
  const base = gallery('renewed-in-retention');
  await openLink(page, base);
  await chooseChange(page, 'Auto-renew on from the start');
  await labelled(panel(page), 'Switch on for').selectOption('ocr');
  await compare(page);
  const branch = clone(base);
  branch.resources[0].auto_renew = { enabled: true };
  const explanation = panel(page).getByTestId('whatif-explanation');
  await expect(explanation).toHaveAttribute('data-at', '2026-04-01T03:00:00+08:00');
  await expect(explanation).toContainText('Current: nothing happens, it stays available (in service).');
  await expect(explanation).toContainText('auto-renew pays 30.00');
  await goToTime(page, '2026-04-10 12:00:00');
  await expect(lane(page, 'current', 'V1')).toHaveAttribute('data-state', 'frozen');
  await expect(lane(page, 'whatif', 'V1')).toHaveAttribute('data-state', 'available');
  await expectLanesMatchCli(page, base, branch);
});

test('another tier: V1 freezes a day after expiry, V3 keeps its grace period', async ({ page }) => {
  const base = gallery('renewed-in-retention');
  await openLink(page, base);
  await chooseChange(page, 'Another customer tier');
  await labelled(panel(page), 'Compare with tier').selectOption('V3');
  await compare(page);
  // Only the scenario's tier against the new one.
  await expect(panel(page).getByTestId('whatif-lane')).toHaveCount(2);
  const explanation = panel(page).getByTestId('whatif-explanation');
  await expect(explanation).toHaveAttribute('data-at', '2026-04-10T00:00:00+08:00');
  await expect(explanation).toContainText('Current: it becomes frozen (retention period).');
  await expect(explanation).toContainText('What-if (tier V3): nothing happens, it stays expired (grace period).');
  await button(panel(page), 'Go to the divergence').click();
  await expectClock(page, '2026-04-10 00:00:00');
  await expect(lane(page, 'current', 'V1')).toHaveAttribute('data-state', 'frozen');
  await expect(lane(page, 'whatif', 'V3')).toHaveAttribute('data-state', 'expired');
  const branch = clone(base);
  branch.tier = 'V3';
  await expectLanesMatchCli(page, base, branch);
});

test('on a phone the what-if axis is labelled for its width: no two labels touch', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openLink(page, gallery('two-packages-one-balance'));
  await chooseChange(page, 'Another customer tier');
  await compare(page);
  const ticks = panel(page).locator('.wi-tick');
  await expect(ticks.first()).toBeVisible();
  const boxes = (await ticks.evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, text: el.textContent };
  }))).sort((a, b) => a.left - b.left);
  expect(boxes.length).toBeGreaterThan(1);
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i].left, `${boxes[i - 1].text} | ${boxes[i].text}`).toBeGreaterThanOrEqual(boxes[i - 1].right);
  }
});

test('renew a day later, adopt it, undo it', async ({ page }) => {
  const base = gallery('renewed-in-retention');
  await openLink(page, base);
  await chooseChange(page, 'Renew later');
  await expect(labelled(panel(page), 'Days later')).toHaveValue('1');
  // The renewal to delay is named with its term in words, in the language shown.
  await expect(labelled(panel(page), 'Renewal to delay').locator('option')).toHaveText(['2026-04-12 09:00:00 · ocr · 1 month']);
  await compare(page);
  const branch = clone(base);
  branch.actions[0].at = '2026-04-13T09:00:00';
  const explanation = panel(page).getByTestId('whatif-explanation');
  await expect(explanation).toHaveAttribute('data-at', '2026-04-12T09:00:00+08:00');
  await expect(explanation).toContainText('renewed by hand for 1 month');
  await button(panel(page), 'Go to the divergence').click();
  await expect(lane(page, 'current', 'V1')).toHaveAttribute('data-state', 'available');
  await expect(lane(page, 'whatif', 'V1')).toHaveAttribute('data-state', 'frozen');
  await expectLanesMatchCli(page, base, branch);

  // Adopt: the what-if becomes the scenario (the main timeline follows), and Undo brings it back.
  await button(panel(page), 'Adopt what-if').click();
  await expect(panel(page).getByTestId('whatif-result')).toHaveCount(0);
  await expect(page.getByTestId('announcer')).toContainText('Adopted the what-if');
  expect(decodeLink(await copyLink(page)).actions[0].at).toBe('2026-04-13T09:00:00');
  await expectMatchesCli(page, branch, 'V1');
  await button(page, 'Undo').click();
  expect(decodeLink(await copyLink(page))).toEqual(base);
  await expectMatchesCli(page, base, 'V1');
});

test('changes that do not apply are refused in words; dismiss closes a comparison', async ({ page }) => {
  const base = gallery('auto-renew-low-balance');
  await openLink(page, base);
  await chooseChange(page, 'Renew later');
  await button(panel(page), 'Compare').click();
  await expect(panel(page).getByTestId('whatif-problem')).toHaveText('This scenario has no renewal to delay.');
  // The problem belongs to that change: choosing another clears it until Compare.
  await chooseChange(page, 'Auto-renew on from the start');
  await expect(panel(page).getByTestId('whatif-problem')).toHaveCount(0);
  await button(panel(page), 'Compare').click();
  await expect(panel(page).getByTestId('whatif-problem')).toHaveText('Auto-renew is already on for ocr from the start.');
  await expect(page.getByTestId('announcer')).toHaveText('Auto-renew is already on for ocr from the start.');
  // Keyboard: type a bad amount and press Enter.
  await chooseChange(page, "Top up more at the clock's time");
  const amount = labelled(panel(page), 'Extra top-up amount');
  await amount.fill('abc');
  await amount.press('Enter');
  await expect(panel(page).getByTestId('whatif-problem')).toHaveText('Extra top-up: "abc" is not an amount (like "30" or "30.50").');
  await expect(panel(page).getByTestId('whatif-result')).toHaveCount(0);
  await amount.fill('0');
  await amount.press('Enter');
  await expect(panel(page).getByTestId('whatif-problem')).toContainText('Extra top-up: enter an amount above 0');
  // A change with no effect on any lane is a valid, explained result.
  await amount.fill('0.01');
  await amount.press('Enter');
  await expect(panel(page).getByTestId('whatif-result')).toHaveAttribute('data-diverges', 'false');
  await expect(panel(page).getByTestId('whatif-explanation')).toContainText('No divergence');
  await expect(panel(page).getByTestId('whatif-explanation')).toContainText('Only the balance differs: at the end,');
  // The result answers that change: another amount hides it (Adopt would not adopt what the
  // form says) until Compare; the compared amount again shows it.
  await amount.fill('5');
  await expect(panel(page).getByTestId('whatif-result')).toHaveCount(0);
  await amount.fill('0.01');
  await expect(panel(page).getByTestId('whatif-result')).toBeVisible();
  // Dismissed from the keyboard: the focus goes back to Compare, not to the page.
  await button(panel(page), 'Dismiss what-if').focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByTestId('whatif-result')).toHaveCount(0);
  await expect(button(panel(page), 'Compare')).toBeFocused();
  expect(decodeLink(await copyLink(page))).toEqual(base);
});

test('typing in the what-if form keeps the focus while a result or a problem comes and goes', async ({ page }) => {
  await openLink(page, gallery('auto-renew-low-balance'));
  const amount = labelled(panel(page), 'Extra top-up amount');
  // A refusal appears under the form: the field keeps the focus (it used to be rebuilt).
  await amount.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByTestId('whatif-problem')).toBeVisible();
  await expect(amount).toBeFocused();
  // A result shows; typing a new amount hides it: every key still goes into the field, and
  // Space does not start the clock.
  await amount.fill('20');
  await compare(page);
  await amount.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1 5');
  await expect(panel(page).getByTestId('whatif-result')).toHaveCount(0);
  await expect(amount).toBeFocused();
  await expect(amount).toHaveValue('1 5');
  await expect(button(page, 'Play')).toBeVisible();
});

test('axe: the what-if panel with a comparison; screenshot for the README', async ({ page }) => {
  const base = gallery('two-packages-one-balance');
  await openLink(page, base);
  await compare(page);
  await goToTime(page, '2026-04-10 12:00:00');
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(summary, 'axe-core violations with the what-if shown').toEqual([]);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // A full-page capture clipped to the panel: an element screenshot of a panel taller than the
  // window scrolls it, and the sticky clock bar is then drawn across the panel's middle.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await panel(page).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
  });
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'what-if.png'), fullPage: true, clip: box });
});
