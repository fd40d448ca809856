// Issue 3, point 3 (Drive the virtual clock): Play/Pause, speed, Next/Previous event, Go to time,
// Reset, dragging the timeline cursor both ways, the "Timeline position" slider and keyboard-only use.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import {
  button,
  clockEpoch,
  clockText,
  earliestStart,
  epochToLocal,
  eventInstants,
  expectClock,
  fillField,
  expectMatchesCli,
  gallery,
  goToTime,
  localToEpoch,
  nextInstant,
  openLink,
  previousInstant,
  readLanes,
  simulateAll,
  tz,
  type Scenario,
  labelled,
} from './lab';

const SPEEDS = ['60', '600', '3600', '21600', '86400', '604800', '2592000'];

test('Next event and Previous event step through exactly the instants at which any lane has an event', async ({ page }) => {
  const scenario = gallery('pay-per-use-arrears');
  const traces = simulateAll(scenario);
  const zone = tz(scenario);
  const instants = eventInstants(traces);
  await openLink(page, scenario);
  await expectClock(page, earliestStart(scenario));
  // Forwards through every instant of every tier (several tiers have events at different instants).
  let now = localToEpoch(earliestStart(scenario), zone);
  const visited: number[] = [now];
  for (let t = nextInstant(traces, now); t !== undefined; t = nextInstant(traces, t)) {
    await button(page, 'Next event').click();
    await expectClock(page, epochToLocal(t, zone));
    visited.push(t);
    await expectMatchesCli(page, scenario, 'V0');
  }
  expect(visited).toEqual(instants);
  // Backwards again, one instant at a time, states restored on the way.
  for (let i = instants.length - 2; i >= 0; i--) {
    await button(page, 'Previous event').click();
    await expectClock(page, epochToLocal(instants[i], zone));
    await expectMatchesCli(page, scenario, 'V3');
  }
  // At the first instant there is nothing earlier: Previous event keeps the clock there.
  expect(previousInstant(traces, instants[0])).toBeUndefined();
  await button(page, 'Previous event').click();
  await page.waitForTimeout(300);
  await expectClock(page, epochToLocal(instants[0], zone));
});

test('Next event from a time between events goes to the next instant strictly later', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  const traces = simulateAll(scenario);
  const zone = tz(scenario);
  await openLink(page, scenario);
  // Between the third failed attempt (03:00) and its reminder (09:00) on 2026-04-03.
  await goToTime(page, '2026-04-03 05:00:00');
  await button(page, 'Next event').click();
  const next = nextInstant(traces, localToEpoch('2026-04-03 05:00:00', zone))!;
  await expectClock(page, epochToLocal(next, zone));
  expect(epochToLocal(next, zone)).toBe('2026-04-03 09:00:00');
  await expectMatchesCli(page, scenario);
  // Exactly at an event instant, Next event moves strictly later: the top-up at 12:00.
  await button(page, 'Next event').click();
  await expectClock(page, '2026-04-03 12:00:00');
  await button(page, 'Next event').click();
  await expectClock(page, '2026-04-04 03:00:00');
  await button(page, 'Previous event').click();
  await expectClock(page, '2026-04-03 12:00:00');
  await button(page, 'Previous event').click();
  await expectClock(page, '2026-04-03 09:00:00');
  await button(page, 'Previous event').click();
  await expectClock(page, '2026-04-03 03:00:00');
});

test('Go to time moves the clock there, and Reset brings it back to the start', async ({ page }) => {
  const scenario = gallery('renewed-in-retention');
  await openLink(page, scenario);
  for (const t of ['2026-04-09 00:00:00', '2026-04-10 06:30:15', '2026-04-08 23:59:59', '2026-04-12 09:00:00', '2026-04-30 12:00:00']) {
    await goToTime(page, t);
    await expectMatchesCli(page, scenario, 'V1');
  }
  await button(page, 'Reset').click();
  await expectClock(page, earliestStart(scenario));
  await expectMatchesCli(page, scenario, 'V1');
  // A time outside the run: the clock goes to its edge, the field shows it, a notice says why.
  const input = labelled(page, 'Go to time');
  await goToTime(page, '2026-04-12 09:00:00');
  await fillField(input, '2020-01-01T00:00:00');
  await expectClock(page, earliestStart(scenario));
  // (A datetime-local field leaves out zero seconds.)
  await expect(input).toHaveValue(/^2026-03-08T10:00(:00)?$/);
  await expect(page.getByTestId('notice')).toHaveText(
    `Go to time: 2020-01-01 00:00:00 is before the scenario starts; the clock is at its start, ${earliestStart(scenario)}.`);
  await fillField(input, '2030-01-01T00:00:00');
  await expectClock(page, '2026-05-01 00:00:00');
  await expect(input).toHaveValue(/^2026-05-01T00:00(:00)?$/);
  await expect(page.getByTestId('notice')).toContainText('is after the scenario ends; the clock is at its end, 2026-05-01 00:00:00.');
  // Years the app does not model (before 1900, after 9000) go to the edges too, not nowhere.
  await fillField(input, '1850-06-01T12:00');
  await expectClock(page, earliestStart(scenario));
  await expect(input).toHaveValue(/^2026-03-08T10:00(:00)?$/);
  await expect(page.getByTestId('notice')).toHaveText(/^Go to time: 1850-06-01 12:00:00 is before the scenario starts/);
  await fillField(input, '9500-01-01T00:00');
  await expectClock(page, '2026-05-01 00:00:00');
  // The notice names the time typed, not the last one the app models.
  await expect(page.getByTestId('notice')).toHaveText(/^Go to time: 9500-01-01 00:00:00 is after the scenario ends/);
});

test('the Speed select offers 1 virtual minute to 1 virtual month per second', async ({ page }) => {
  await openLink(page, gallery('auto-renew-twice'));
  const speed = labelled(page, 'Speed');
  const values = await speed.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
  expect(values).toEqual(SPEEDS);
});

test('Play advances the clock at the chosen speed, Pause stops it, and no event is skipped', async ({ page }) => {
  const scenario = gallery('auto-renew-twice');
  const zone = tz(scenario);
  await openLink(page, scenario);
  const start = localToEpoch(earliestStart(scenario), zone);

  // Slowest speed: one virtual minute per real second.
  await labelled(page, 'Speed').selectOption('60');
  await button(page, 'Play').click();
  await expect(button(page, 'Pause')).toBeVisible();
  await expect.poll(async () => clockEpoch(page, scenario), { timeout: 10_000 }).toBeGreaterThan(start);
  // While playing, "Go to time" is not rewritten every frame, so a time can be typed into it.
  const goTo = labelled(page, 'Go to time');
  const shownWhilePlaying = await goTo.inputValue();
  await page.waitForTimeout(1500);
  expect(await goTo.inputValue(), 'Go to time keeps its value while playing').toBe(shownWhilePlaying);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
  const slow = (await clockEpoch(page, scenario)) - start;
  // Some seconds of real time at 60×: well under an hour of virtual time.
  expect(slow).toBeGreaterThan(0);
  expect(slow).toBeLessThan(60 * 60_000);

  // Paused: the clock stays where it is, and "Go to time" shows it.
  const paused = await clockText(page);
  // (Chromium drops ":00" seconds from a datetime-local value.)
  const withSeconds = (value: string) => (value.length === 16 ? `${value}:00` : value);
  await expect.poll(async () => withSeconds(await goTo.inputValue())).toBe(paused.replace(' ', 'T'));
  await page.waitForTimeout(1200);
  await expectClock(page, paused);

  // One virtual week per real second: get past March 12, then pause; every event passed is shown.
  await labelled(page, 'Speed').selectOption('604800');
  await button(page, 'Play').click();
  const target = localToEpoch('2026-03-13 00:00:00', zone);
  await expect.poll(async () => clockEpoch(page, scenario), { timeout: 30_000 }).toBeGreaterThan(target);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
  const fast = (await clockEpoch(page, scenario)) - start;
  expect(fast, 'the faster speed covered much more virtual time').toBeGreaterThan(20 * slow);
  // Passed: two automatic renewals (February 12 and March 12), both in the log, and the
  // switch-off once the two renewals were used.
  await expectMatchesCli(page, scenario);
  const renewals = page.getByTestId('event-log').locator('[data-testid="event"][data-kind="renewed"]');
  await expect(renewals).toHaveCount(2);
  await expect(page.getByTestId('event-log').locator('[data-testid="event"][data-kind="auto_renew_changed"]')).toHaveCount(1);
});

test('playing at top speed to the end shows every event of the run in the log and lanes', async ({ page }) => {
  const scenario = gallery('two-packages-one-balance');
  const zone = tz(scenario);
  const until = localToEpoch(scenario.until, zone);
  await openLink(page, scenario);
  await labelled(page, 'Speed').selectOption('2592000');
  await button(page, 'Play').click();
  // The run is about five weeks long: a few seconds at one month per second. The clock stops at
  // the end of the run (`until`), never beyond it.
  await expect.poll(async () => clockEpoch(page, scenario), { timeout: 30_000 }).toBe(until);
  await page.waitForTimeout(500);
  expect(await clockEpoch(page, scenario)).toBe(until);
  for (const tier of Object.keys(simulateAll(scenario))) await expectMatchesCli(page, scenario, tier);
});

async function dragOnTrack(page: Page, fromFraction: number, steps: Array<{ to: number; check: () => Promise<void> }>) {
  const track = page.getByTestId('timeline-track').first();
  await track.scrollIntoViewIfNeeded();
  const box = (await track.boundingBox())!;
  const y = box.y + box.height / 2;
  const x = (f: number) => box.x + box.width * f;
  await page.mouse.move(x(fromFraction), y);
  await page.mouse.down();
  let at = fromFraction;
  for (const step of steps) {
    await page.mouse.move(x(step.to), y, { steps: Math.max(2, Math.round(Math.abs(step.to - at) * 20)) });
    at = step.to;
    await step.check();
  }
  await page.mouse.up();
}

async function statesNow(page: Page): Promise<Record<string, string | null>> {
  return Object.fromEntries((await readLanes(page)).map((l) => [`${l.tier}/${l.resource}`, l.state]));
}

test('dragging the timeline cursor forwards and backwards seeks, restoring earlier states', async ({ page }) => {
  const scenario: Scenario = gallery('pay-per-use-arrears');
  const zone = tz(scenario);
  const start = localToEpoch(earliestStart(scenario), zone);
  const until = localToEpoch(scenario.until, zone);
  await openLink(page, scenario);
  await expect(page.getByTestId('cursor').first()).toBeVisible();
  const initial = await statesNow(page);
  expect(Object.values(initial).every((s) => s === 'available')).toBe(true);

  const seen: number[] = [];
  const record = async () => {
    const t = await clockEpoch(page, scenario);
    seen.push(t);
    await expectMatchesCli(page, scenario, 'V0');
  };
  let late: Record<string, string | null> = {};
  await dragOnTrack(page, 0.02, [
    { to: 0.5, check: record },
    {
      to: 0.97,
      check: async () => {
        await record();
        late = await statesNow(page);
      },
    },
    { to: 0.5, check: record },
    { to: 0.003, check: record },
  ]);
  const [mid1, end, mid2, back] = seen;
  expect(mid1, 'dragging right moves the clock forwards').toBeGreaterThan(start);
  expect(end).toBeGreaterThan(mid1);
  expect(end).toBeLessThanOrEqual(until);
  expect(mid2, 'dragging left moves the clock backwards').toBeLessThan(end);
  expect(back).toBeLessThan(mid2);
  // Near the end, V0's pay-per-use resource is released (arrears with 0 grace and 1 day retention)…
  expect(late['V0/api']).toBe('released');
  // …and dragging back to the start brings back the earlier states.
  expect(back - start).toBeLessThanOrEqual((until - start) * 0.02);
  expect(await statesNow(page)).toEqual(initial);
});

test('the "Timeline position" slider seeks from the keyboard, both ways', async ({ page }) => {
  const scenario = gallery('pay-per-use-arrears');
  await openLink(page, scenario);
  const slider = labelled(page, 'Timeline position');
  await slider.focus();
  const t0 = await clockEpoch(page, scenario);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => clockEpoch(page, scenario)).toBeGreaterThan(t0);
  await expectMatchesCli(page, scenario);
  const t1 = await clockEpoch(page, scenario);
  await page.keyboard.press('End');
  await expect.poll(async () => clockEpoch(page, scenario)).toBeGreaterThan(t1);
  await expectMatchesCli(page, scenario, 'V0');
  const t2 = await clockEpoch(page, scenario);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => clockEpoch(page, scenario)).toBeLessThan(t2);
  await expectMatchesCli(page, scenario, 'V0');
});

test('keyboard only: Space plays and pauses, arrows step through events, Home resets', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  const traces = simulateAll(scenario);
  const zone = tz(scenario);
  await openLink(page, scenario);
  const start = localToEpoch(earliestStart(scenario), zone);
  // Nothing focused yet (the page body): the global shortcuts apply.
  await page.keyboard.press('ArrowRight');
  const t1 = nextInstant(traces, start)!;
  await expectClock(page, epochToLocal(t1, zone));
  await page.keyboard.press('ArrowRight');
  const t2 = nextInstant(traces, t1)!;
  await expectClock(page, epochToLocal(t2, zone));
  await page.keyboard.press('ArrowLeft');
  await expectClock(page, epochToLocal(t1, zone));
  await page.keyboard.press('Home');
  await expectClock(page, epochToLocal(start, zone));
  await page.keyboard.press('Space');
  await expect(button(page, 'Pause')).toBeVisible();
  await expect.poll(async () => clockEpoch(page, scenario)).toBeGreaterThan(start);
  await page.keyboard.press('Space');
  await expect(button(page, 'Play')).toBeVisible();
  const paused = await clockText(page);
  await page.waitForTimeout(800);
  await expectClock(page, paused);
  await page.keyboard.press('Home');
  await expectClock(page, epochToLocal(start, zone));
});

test('keyboard: Space activates a focused button instead of playing, and Home scrolls the event log instead of resetting', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  const traces = simulateAll(scenario);
  const zone = tz(scenario);
  await openLink(page, scenario);
  const start = localToEpoch(earliestStart(scenario), zone);
  const t1 = nextInstant(traces, start)!;
  await button(page, 'Next event').focus();
  await page.keyboard.press('Space');
  await expectClock(page, epochToLocal(t1, zone));
  await expect(button(page, 'Play')).toBeVisible();
  // Still on the button: the arrows and Home are the clock's.
  await page.keyboard.press('ArrowRight');
  await expectClock(page, epochToLocal(nextInstant(traces, t1)!, zone));
  await page.keyboard.press('Home');
  await expectClock(page, epochToLocal(start, zone));
  // In the event log's scrolling region, the keys scroll it and the clock stays.
  await page.keyboard.press('ArrowRight');
  await expectClock(page, epochToLocal(t1, zone));
  await page.getByTestId('event-log').first().focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  await expectClock(page, epochToLocal(t1, zone));
  await expect(button(page, 'Play')).toBeVisible();
});

test('keyboard only: every clock control is reachable with Tab, shows a visible focus, and works', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  const traces = simulateAll(scenario);
  const zone = tz(scenario);
  await openLink(page, scenario);
  const start = localToEpoch(earliestStart(scenario), zone);

  const targets = [
    button(page, 'Play'),
    button(page, 'Next event'),
    button(page, 'Previous event'),
    button(page, 'Reset'),
    button(page, 'Copy link'),
    labelled(page, 'Go to time'),
    labelled(page, 'Speed'),
    labelled(page, 'Timeline position'),
  ];
  const handles = await Promise.all(targets.map((t) => t.elementHandle()));
  const reached = new Set<number>();
  for (let i = 0; i < 300 && reached.size < targets.length; i++) {
    await page.keyboard.press('Tab');
    const k = await page.evaluate((els) => els.indexOf(document.activeElement as HTMLElement), handles as any);
    if (k < 0 || reached.has(k)) continue;
    reached.add(k);
    const focus = await targets[k].evaluate((el) => {
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      const ring = s.boxShadow !== 'none' && s.boxShadow !== '';
      return { visible: outline || ring, matches: el.matches(':focus-visible'), outline: `${s.outlineStyle} ${s.outlineWidth}`, shadow: s.boxShadow };
    });
    expect(focus.matches, `focus-visible on target ${k}`).toBe(true);
    expect(focus.visible, `visible focus indicator on target ${k}: ${JSON.stringify(focus)}`).toBe(true);
  }
  expect([...reached].sort(), 'every clock control is reachable with Tab').toEqual(targets.map((_, k) => k));

  // Operate the focused buttons with the keyboard.
  await button(page, 'Next event').focus();
  await page.keyboard.press('Enter');
  await expectClock(page, epochToLocal(nextInstant(traces, start)!, zone));
  await page.keyboard.press('Enter');
  await expectClock(page, epochToLocal(nextInstant(traces, nextInstant(traces, start)!)!, zone));
  await button(page, 'Reset').focus();
  await page.keyboard.press('Enter');
  await expectClock(page, epochToLocal(start, zone));
  await button(page, 'Play').focus();
  await page.keyboard.press('Enter');
  await expect(button(page, 'Pause')).toBeVisible();
  await expect(button(page, 'Pause')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(button(page, 'Play')).toBeVisible();
});

test('on a wide screen the clock stays pinned at the top, whole, while the page scrolls; on a phone a compact clock stands in for it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const scenario = gallery('auto-renew-low-balance');
  await openLink(page, scenario);
  const bar = page.getByTestId('clock-bar');
  const log = page.getByTestId('event-log');
  const logTop = () => log.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const before = await logTop();
  // Scrolled down to the event log, the clock is still at the top of the window with all its
  // controls, and they still work.
  await log.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect.poll(async () => (await bar.boundingBox())?.y).toBe(0);
  await expect(labelled(page, 'Go to time')).toBeVisible();
  await button(page, 'Next event').click();
  const zone = tz(scenario);
  const first = nextInstant(simulateAll(scenario), localToEpoch(earliestStart(scenario), zone));
  await expectClock(page, epochToLocal(first ?? 0, zone));
  // Pinning moved nothing in the page (nothing folds away, so nothing jumps), nor did the step:
  // the link's notice, still true, stays (taking it away would move the page by its height).
  expect(await logTop()).toBe(before);
  await expect(page.getByTestId('notice')).toHaveText('Opened the scenario from the link.');
  // Pinned, the bar needs no stand-in.
  await expect(page.getByTestId('mini-clock')).toBeHidden();
  // On a phone the clock's rows are too high to pin: it scrolls away with the page, and a compact
  // clock at the bottom of the window stands in for it, for a finger.
  await page.setViewportSize({ width: 360, height: 740 });
  await log.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect.poll(async () => (await bar.boundingBox())?.y ?? 0).toBeLessThan(0);
  const mini = page.getByTestId('mini-clock');
  await expect(mini).toBeVisible();
  const box = await mini.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(740);
  expect(box && box.x).toBeGreaterThanOrEqual(0);
  expect(box && box.x + box.width).toBeLessThanOrEqual(360);
  await expect(page.getByTestId('mini-clock-time')).toHaveText(await page.getByTestId('clock').textContent() ?? '');
  // Its buttons drive the same clock: next event, then play and pause.
  const second = nextInstant(simulateAll(scenario), first ?? 0);
  await mini.getByTitle('Next event').click();
  await expectClock(page, epochToLocal(second ?? 0, zone));
  await expect(page.getByTestId('mini-clock-time')).toHaveText(epochToLocal(second ?? 0, zone));
  await page.getByTestId('mini-play').click();
  await expect(page.getByTestId('pause')).toHaveCount(1);
  await page.getByTestId('mini-pause').click();
  await expect(page.getByTestId('play')).toHaveCount(1);
  // For a screen reader or the keyboard the bar stays the one clock: the stand-in is hidden from
  // them and out of the tab order, so "Play" still names one button.
  await expect(mini).toHaveAttribute('aria-hidden', 'true');
  for (const tabindex of await mini.getByRole('button', { includeHidden: true }).evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')))) {
    expect(tabindex).toBe('-1');
  }
  await expect(page.getByRole('button', { name: 'Play' })).toHaveCount(1);
  // Back at the top, the bar is in sight again and the stand-in goes.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(mini).toBeHidden();
});
