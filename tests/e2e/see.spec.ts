// Issue 3, point 5 (See): lanes per tier × resource with their states, the state diagram's current
// node, the status panel's countdowns and balance, timeline markers, the event log rows and the
// aria-live announcer.
import { test, expect } from './fixtures';
import type { Locator } from '@playwright/test';
import {
  button,
  chooseLogTier,
  clone,
  expectMatchesCli,
  field,
  fillField,
  gallery,
  goToTime,
  openLink,
  rfcToEpoch,
  simulateAll,
  labelled,
} from './lab';

test('lanes show each tier × resource state at known instants, as renewal-cli says', async ({ page }) => {
  const scenario = gallery('renewed-in-retention');
  await openLink(page, scenario);
  const lane = (tier: string) => page.locator(`[data-testid="lane"][data-tier="${tier}"][data-resource="ocr"]`);
  // Known instants (by the rules, and checked against the CLI by expectMatchesCli below).
  const known: Array<[string, Record<string, string>]> = [
    ['2026-04-08 23:59:59', { V0: 'available', V1: 'available', V3: 'available' }],
    ['2026-04-09 00:00:00', { V0: 'expired', V1: 'expired', V3: 'expired' }],
    ['2026-04-10 00:00:00', { V0: 'frozen', V1: 'frozen', V3: 'expired' }],
    ['2026-04-11 00:00:00', { V0: 'released', V1: 'frozen', V3: 'expired' }],
    ['2026-04-12 09:00:00', { V0: 'released', V1: 'available', V3: 'available' }],
  ];
  for (const [t, states] of known) {
    await goToTime(page, t);
    for (const [tier, state] of Object.entries(states)) await expect(lane(tier), `${tier} at ${t}`).toHaveAttribute('data-state', state);
    await expectMatchesCli(page, scenario, 'V1');
  }
  // Lanes are grouped by tier inside the timeline, all tiers side by side.
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('lane')).toHaveCount(6);
});

test('the state diagram highlights the current state of the chosen tier and resource', async ({ page }) => {
  const scenario = gallery('renewed-in-retention');
  await openLink(page, scenario);
  const diagram = page.getByTestId('state-diagram');
  const current = diagram.locator('[aria-current="true"]');
  for (const s of ['available', 'expired', 'frozen', 'released']) await expect(diagram.locator(`[data-state-node="${s}"]`)).toHaveCount(1);
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute('data-state-node', 'available');

  await goToTime(page, '2026-04-10 06:00:00');
  await labelled(diagram, 'Diagram resource').selectOption('ocr');
  const tierSelect = labelled(diagram, 'Diagram tier');
  for (const [tier, state] of [['V1', 'frozen'], ['V3', 'expired'], ['V0', 'frozen']]) {
    await tierSelect.selectOption(tier);
    await expect(current).toHaveCount(1);
    await expect(current, `diagram for ${tier}`).toHaveAttribute('data-state-node', state);
  }
  await goToTime(page, '2026-04-11 00:00:00');
  await expect(current).toHaveAttribute('data-state-node', 'released');
  // Transitions are labelled by what triggers them.
  await expect(diagram).toContainText(/grace/i);
  await expect(diagram).toContainText(/retention/i);
  await expect(diagram).toContainText(/renew/i);
});

test('the status panel shows per-tier countdowns and the balance', async ({ page }) => {
  const lowBalance = gallery('auto-renew-low-balance');
  await openLink(page, lowBalance);
  await expect(page.getByTestId('tier-status')).toHaveCount(6);
  const v3 = page.locator('[data-testid="tier-status"][data-tier="V3"]');
  // 2026-03-08 10:00 → expiry moment 2026-04-09 00:00: 31 days 14 hours.
  await expect(v3).toContainText(/expires in 31\s*d\s*14\s*h/i);
  await expect(v3).toContainText(/next auto-renew attempt\s+2026-04-01 03:00/i);
  await expect(v3).toContainText(/UTC\+08:00/);
  await expect(v3.getByTestId('balance')).toContainText('20.00');
  // After the top-up on April 3 at 12:00 the balance is 70.00; after the renewal 40.00.
  await goToTime(page, '2026-04-03 12:00:00');
  await expect(v3.getByTestId('balance')).toContainText('70.00');
  await goToTime(page, '2026-04-04 03:00:00');
  await expect(v3.getByTestId('balance')).toContainText('40.00');
  await expect(v3).toContainText(/next auto-renew attempt\s+2026-05-01 03:00/i);

  // What a lapse would lead to, on every tier's card before it happens: the dates of the run
  // without the renewal (renewal-cli's trace), which is exactly "if not renewed".
  const retention = gallery('renewed-in-retention');
  const lapsed = simulateAll({ ...retention, actions: [] });
  const local = (rfc: string) => rfc.slice(0, 16).replace('T', ' ');
  await openLink(page, retention);
  for (const [tier, trace] of Object.entries(lapsed)) {
    const to = (state: string) => trace.events.find((e) => e.kind === 'state_changed' && e.to === state);
    const frozen = to('frozen');
    const released = to('released')!;
    const line = frozen && frozen.at !== released.at
      ? `if not renewed: frozen ${local(frozen.at)}, data deleted ${local(released.at)}`
      : `if not renewed: data deleted ${local(released.at)}`;
    await expect(page.locator(`[data-testid="tier-status"][data-tier="${tier}"]`), tier).toContainText(line);
  }
  await goToTime(page, '2026-04-10 06:00:00');
  // V3, expired: when it freezes, and when its data is deleted after that.
  const v3Released = lapsed.V3.events.find((e) => e.kind === 'state_changed' && e.to === 'released')!;
  await expect(page.locator('[data-testid="tier-status"][data-tier="V3"]')).toContainText(`(${local(v3Released.at)})`);
  // V1 frozen since April 10 00:00, released after 7 retention days: April 17 00:00.
  await expect(page.locator('[data-testid="tier-status"][data-tier="V1"]')).toContainText(/data deleted in 6\s*d\s*18\s*h/i);
  // V3 expired since April 9, frozen after 7 grace days: April 16 00:00.
  await expect(page.locator('[data-testid="tier-status"][data-tier="V3"]')).toContainText(/frozen in 5\s*d\s*18\s*h/i);
});

test('timeline markers show attempts, renewals, top-ups and rejected acts at their instants', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  const v3 = simulateAll(scenario).V3;
  await openLink(page, scenario);
  const lane = page.locator('[data-testid="lane"][data-tier="V3"][data-resource="ocr"]');
  // One marker path per lane (or tier row) and kind; data-at lists the instants of every event it marks.
  const instants = async (markers: Locator) =>
    (await markers.evaluateAll((els) => els.flatMap((el) => (el.getAttribute('data-at') ?? '').split(' ').filter(Boolean)))).map(rfcToEpoch);
  const markersOf = (kind: string) => instants(page.getByTestId('timeline').locator(`[data-testid="marker"][data-kind="${kind}"]`));
  const failed = v3.events.filter((e) => e.kind === 'auto_renew_attempt' && e.outcome === 'failed').map((e) => rfcToEpoch(e.at));
  expect(failed).toHaveLength(3);
  // In V3's ocr lane: the three failed attempts and the renewal.
  const inLane = await instants(lane.locator('[data-testid="marker"][data-kind="attempt-failed"]'));
  expect(inLane.sort()).toEqual(failed);
  await expect(lane.locator('[data-testid="marker"][data-kind="attempt-succeeded"]')).toHaveAttribute('data-at', '2026-04-04T03:00:00+08:00');
  expect(await markersOf('top-up')).toContain(rfcToEpoch('2026-04-03T12:00:00+08:00'));
  // Pointing at a glyph tells what it stands for.
  const paid = lane.locator('[data-testid="marker"][data-kind="attempt-succeeded"]');
  // The export row above the timeline puts V3 below the fold: bring the glyph into view first.
  await paid.scrollIntoViewIfNeeded();
  const box = await paid.boundingBox();
  expect(box).not.toBeNull();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('marker-tip')).toContainText(/Auto-renew paid 30\.00 and renewed for 1 month/);
  // Escape hides it without moving the pointer (WCAG 1.4.13), and the clock stays.
  const clockBefore = await page.getByTestId('clock').textContent();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('marker-tip')).toHaveCount(0);
  await expect(page.getByTestId('clock')).toHaveText(clockBefore!);
  if (box) await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
  await expect(page.getByTestId('marker-tip')).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(page.getByTestId('marker-tip')).toHaveCount(0);

  // Low in the window (a phone), the tooltip opens above its row, inside the window.
  await page.setViewportSize({ width: 360, height: 740 });
  const low = page.locator('[data-testid="lane"][data-tier="V5"][data-resource="ocr"] [data-testid="marker"][data-kind="attempt-succeeded"]');
  // Its row about 600 px down the 740 px window, above the compact clock.
  await low.evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - 600));
  const lowBox = await low.boundingBox();
  expect(lowBox).not.toBeNull();
  if (lowBox) await page.mouse.move(lowBox.x + lowBox.width / 2, lowBox.y + lowBox.height / 2);
  const tip = page.getByTestId('marker-tip');
  await expect(tip).toBeVisible();
  const tipBox = (await tip.boundingBox())!;
  expect(tipBox.y + tipBox.height, 'the tooltip ends inside the window').toBeLessThanOrEqual(740);
  expect(tipBox.y + tipBox.height, 'above the glyph').toBeLessThanOrEqual(lowBox!.y + 1);
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 1280, height: 720 });

  const tooShort = gallery('renewal-too-short');
  await openLink(page, tooShort);
  expect(await markersOf('rejected')).toEqual([rfcToEpoch('2026-03-12T10:00:00+08:00')]);
  expect(await markersOf('renewed')).toEqual([rfcToEpoch('2026-03-12T10:05:00+08:00')]);
  // Five minutes apart (and an hour after a reminder), the refused renewal and the renewal are
  // drawn one over the other: the tooltip of either names each.
  const refused = page.locator(`[data-testid="lane"][data-tier="${tooShort.tier}"] [data-testid="marker"][data-kind="rejected"]`);
  await refused.scrollIntoViewIfNeeded();
  const refusedBox = (await refused.boundingBox())!;
  await page.mouse.move(refusedBox.x + refusedBox.width / 2, refusedBox.y + refusedBox.height / 2);
  await expect.poll(() => page.getByTestId('marker-tip').locator('.tl-tip-line').count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('marker-tip')).toContainText(/refused/i);
  await expect(page.getByTestId('marker-tip')).toContainText(/Renewed by hand: paid 60\.00 for 2 months/);
  // One tier: its lane is the card's last row, and the card clips what overflows it (its paint is
  // contained). The three entries run past the card's bottom, so the tooltip is drawn outside the
  // card, whole and inside the window.
  const card = (await page.getByTestId('timeline').boundingBox())!;
  const lines = (await page.getByTestId('marker-tip').boundingBox())!;
  expect(lines.y + lines.height, 'the tooltip runs past the card').toBeGreaterThan(card.y + card.height);
  expect(await page.getByTestId('marker-tip').evaluate((el) => el.closest('.timeline') === null && el.closest('main') !== null)).toBe(true);
  expect(lines.y, 'the tooltip starts inside the window').toBeGreaterThanOrEqual(0);
  expect(lines.y + lines.height, 'the tooltip ends inside the window').toBeLessThanOrEqual(720);
  // The cursor and a day/month axis are there.
  await expect(page.getByTestId('cursor').first()).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText(/Feb|Mar|2026-02|2026-03/);
});

test('a tier\'s status card makes it the scenario tier ("I am tier V1"), and Undo takes it back', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  await openLink(page, scenario);
  const card = (tier: string) => page.locator(`[data-testid="tier-status"][data-tier="${tier}"]`);
  await expect(card('V3').getByTestId('choose-tier')).toHaveCount(0);
  await card('V1').getByRole('button', { name: 'Make it the scenario tier' }).click();
  await expect(card('V1')).toHaveClass(/is-scenario-tier/);
  await expect(field(page, 'Tier')).toHaveValue('V1');
  await expect(card('V1').getByTestId('choose-tier')).toHaveCount(0);
  // The button that had the focus is gone: the focus goes to the card's heading, not the page.
  await expect(card('V1').locator('.tier-card-title')).toBeFocused();
  // From the keyboard too.
  await card('V2').getByRole('button', { name: 'Make it the scenario tier' }).focus();
  await page.keyboard.press('Enter');
  await expect(card('V2')).toHaveClass(/is-scenario-tier/);
  await expect(card('V2').locator('.tier-card-title')).toBeFocused();
  await button(page, 'Undo').click();
  await expect(field(page, 'Tier')).toHaveValue('V1');
  await button(page, 'Undo').click();
  await expect(field(page, 'Tier')).toHaveValue('V3');
  await expect(card('V3')).toHaveClass(/is-scenario-tier/);
});

test('Play and Pause do not move the page below the headline', async ({ page }) => {
  for (const [width, lang, slug] of [[768, 'pt-BR', 'pay-per-use-arrears'], [360, 'zh-CN', 'two-packages-one-balance']] as const) {
    await page.setViewportSize({ width, height: 800 });
    await openLink(page, gallery(slug));
    await page.getByTestId('language').selectOption(lang);
    for (let i = 0; i < 3; i++) await page.getByTestId('next-event').click();
    const top = () => page.getByTestId('timeline').evaluate((el) => Math.round(el.getBoundingClientRect().top + scrollY));
    const atRest = await top();
    await page.getByTestId('play').click();
    await page.waitForTimeout(300);
    expect(Math.abs((await top()) - atRest), `${width} px ${lang}: playing`).toBeLessThanOrEqual(1);
    await page.getByTestId('pause').click();
    await page.getByTestId('language').selectOption('en');
  }
});

test('the headline names the scenario, tells its story, and the last and next events of its tier in words', async ({ page }) => {
  const scenario = gallery('auto-renew-low-balance');
  await openLink(page, scenario);
  const headline = page.getByTestId('headline');
  await expect(headline.getByRole('heading', { name: scenario.name })).toBeVisible();
  await expect(headline).toContainText('it fails daily until a top-up pays for it');
  // At the start: the purchase, and the first (failed) attempt to come.
  await expect(page.getByTestId('headline-last')).toContainText('2026-03-08 10:00');
  await expect(page.getByTestId('headline-next')).toContainText('2026-04-01 03:00');
  await button(page, 'Next event').click();
  await expect(page.getByTestId('headline-last')).toContainText('Auto-renew failed: balance 20.00 is below the price 30.00');
  // The step is announced in the same words.
  await expect(page.getByTestId('announcer')).toContainText('Clock at 2026-04-01 03:00:00: ocr: Auto-renew failed');
  // In another language, the gallery's title and story are translated too.
  await page.getByTestId('language').selectOption('pt-BR');
  await expect(headline).toContainText('Renovação automática ativada, saldo baixo demais');
  await expect(page.getByTestId('headline-last')).toContainText('saldo 20,00');
  // At the end of the run nothing comes next.
  await page.getByTestId('language').selectOption('en');
  await goToTime(page, '2026-04-20 00:00:00');
  await expect(page.getByTestId('headline-next')).toHaveCount(0);
  // An edit makes the story untrue (with 500.00 the first attempt pays): the story goes, the
  // title stays; Undo brings both back.
  await fillField(field(page, 'Opening balance'), '500.00');
  await expect(headline.getByRole('heading', { name: scenario.name })).toBeVisible();
  await expect(headline).not.toContainText('it fails daily');
  await button(page, 'Undo').click();
  await expect(headline).toContainText('it fails daily until a top-up pays for it');
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('a tap on a marker names it (a finger cannot hover) and moves the clock there', async ({ page }) => {
    const scenario = gallery('auto-renew-low-balance');
    await openLink(page, scenario);
    const lane = page.locator('[data-testid="lane"][data-tier="V3"][data-resource="ocr"]');
    const paid = lane.locator('[data-testid="marker"][data-kind="attempt-succeeded"]');
    await paid.scrollIntoViewIfNeeded();
    const box = await paid.boundingBox();
    expect(box).not.toBeNull();
    if (box) await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('marker-tip')).toContainText(/Auto-renew paid 30\.00/);
    // The tap also moved the clock to the glyph's event, exactly: the state after it shows.
    await expect(page.getByTestId('clock')).toHaveText('2026-04-04 03:00:00');
    await expect(page.getByTestId('headline-last')).toContainText('Auto-renew paid 30.00');
    // A tap anywhere off the timeline's track hides it (a finger cannot move away), and the
    // clock stays.
    const label = page.locator('.tl-labels').first();
    const labelBox = await label.boundingBox();
    expect(labelBox).not.toBeNull();
    if (labelBox) await page.touchscreen.tap(labelBox.x + 4, labelBox.y + labelBox.height / 2);
    await expect(page.getByTestId('marker-tip')).toHaveCount(0);
    await expect(page.getByTestId('clock')).toHaveText('2026-04-04 03:00:00');
  });

  test('a swipe up or down over the timeline scrolls the page and leaves the clock alone; a sideways drag scrubs', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openLink(page, gallery('two-packages-one-balance'));
    const clock = page.getByTestId('clock');
    const start = await clock.innerText();
    const track = page.getByTestId('timeline-track');
    await track.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await track.boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: string, x = 0, y = 0) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const scrolled = await page.evaluate(() => window.scrollY);
    // Up the page, near the track's right end (a seek there would be weeks later).
    let [x, y] = [box.x + box.width * 0.9, box.y + box.height * 0.7];
    await touch('touchStart', x, y);
    for (let i = 1; i <= 10; i++) await touch('touchMove', x, y - 15 * i);
    await touch('touchEnd');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled);
    await page.waitForTimeout(200);
    await expect(clock).toHaveText(start);
    // The swipe's fling may still be scrolling the page (slowly, on a busy machine): the track is
    // found once it has come to rest.
    let last = -1;
    await expect.poll(async () => {
      const y = await page.evaluate(() => window.scrollY);
      const still = y === last;
      last = y;
      return still;
    }, { intervals: [150] }).toBe(true);
    // Sideways, it scrubs, all the way the finger goes (from a fifth of the run to four fifths:
    // 2026-03-15 to 2026-04-07). A long fling may have carried the track's middle out of the
    // window: it is brought back first.
    await track.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const now = await track.boundingBox();
    if (!now) return;
    [x, y] = [now.x + now.width * 0.2, now.y + now.height / 2];
    await touch('touchStart', x, y);
    for (let i = 1; i <= 10; i++) await touch('touchMove', x + now.width * 0.06 * i, y);
    await touch('touchEnd');
    await expect.poll(() => clock.innerText()).toMatch(/^2026-04-0[5-9]/);
  });
});

test('on a phone the status cards are one row to swipe, the scenario tier first', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const scenario = gallery('auto-renew-low-balance');
  await openLink(page, scenario);
  const cards = page.getByTestId('tier-status');
  await expect(cards).toHaveCount(6);
  const boxes = await cards.evaluateAll((els) =>
    els.map((el) => ({ tier: el.getAttribute('data-tier'), ...el.getBoundingClientRect().toJSON() })));
  // One row: every card at the same height; the scenario's tier leftmost.
  expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
  const leftmost = boxes.reduce((a, b) => (b.left < a.left ? b : a));
  expect(leftmost.tier).toBe(scenario.tier);
  // The page itself does not scroll sideways; the row does, also from the keyboard.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
  const row = page.getByRole('region', { name: 'Status cards, one per tier' });
  await row.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => row.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // There the arrow keys scroll; they do not step the clock.
  await expect(page.getByTestId('clock')).toHaveText('2026-03-08 10:00:00');
});

test('on a phone the preset tier names are shown in full beside the timeline, as written', async ({ page }) => {
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 740 });
    // huawei-intl's one tier is "standard"; huawei-cn's are V0 to V5.
    for (const slug of ['renewal-too-short', 'auto-renew-low-balance']) {
      await openLink(page, gallery(slug));
      const names = await page.locator('.tl-tier-name').evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent, cut: el.scrollWidth > el.clientWidth })));
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((n) => n.cut), `${slug} at ${width} px`).toEqual([]);
    }
  }
  // The headline names the tier as the policy writes it, not in capitals.
  await expect(page.getByTestId('headline-last').locator('dt')).toHaveCSS('text-transform', 'none');
});

test('on a phone a long unbroken scenario name wraps; the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const scenario = clone(gallery('auto-renew-low-balance'));
  scenario.name = `Ticket ${'A'.repeat(60)}`;
  await openLink(page, scenario);
  await expect(page.getByTestId('headline').getByRole('heading')).toHaveText(scenario.name);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
});

test('the clock and the day axis stay at the top of the window while lower tiers are read', async ({ page }) => {
  await openLink(page, gallery('auto-renew-low-balance'));
  const lane = (tier: string) => page.locator(`[data-testid="lane"][data-tier="${tier}"][data-resource="ocr"]`);
  await lane('V5').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // The clock stays pinned at the top of the window; V0's lane has scrolled out under it, the
  // axis has not: it stops right below the clock.
  const clock = await page.getByTestId('clock-bar').boundingBox();
  expect(clock?.y).toBe(0);
  const v0 = await lane('V0').boundingBox();
  expect(v0 && v0.y + v0.height).toBeLessThan(clock?.height ?? 0);
  const axis = await page.getByTestId('timeline').locator('.tl-axis').boundingBox();
  expect(axis).not.toBeNull();
  expect(Math.abs((axis?.y ?? -100) - (clock?.height ?? 0))).toBeLessThan(2);
  await expect(page.getByTestId('timeline').locator('.tl-axis')).toContainText('Apr 1');
});

test('the event log shows the chosen tier up to the clock, each row in plain words with its rule', async ({ page }) => {
  const scenario = gallery('renewed-in-retention');
  await openLink(page, scenario);
  await goToTime(page, '2026-05-01 00:00:00');
  for (const tier of ['V0', 'V1', 'V3']) await expectMatchesCli(page, scenario, tier);
  await chooseLogTier(page, 'V0');
  const rows = page.getByTestId('event-log').getByTestId('event');
  const rejected = rows.and(page.locator('[data-kind="action_rejected"]'));
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toHaveAttribute('data-at', '2026-04-12T09:00:00+08:00');
  // In words: the resource was already released (data deleted), so it cannot be renewed.
  await expect(rejected).toContainText(/released|deleted/i);
  await chooseLogTier(page, 'V1');
  const purchased = rows.and(page.locator('[data-kind="purchased"]'));
  await expect(purchased).toContainText('2026-04-08 23:59:59');
  // Which rule produced it, and when the next consequence follows.
  await expect(purchased).toContainText(/§\s?2|billing period/i);
  await expect(purchased).toContainText(/2026-04-09 00:00/);
  const frozen = rows.and(page.locator('[data-kind="state_changed"][data-at="2026-04-10T00:00:00+08:00"]'));
  await expect(frozen).toContainText(/frozen/i);
  await expect(frozen).toContainText(/2026-04-17 00:00/);
  // Stepping back hides later rows: the purchase, the three expiry reminders (auto-renew is off)
  // and the expiry are left.
  await goToTime(page, '2026-04-09 12:00:00');
  await expect(rows).toHaveCount(5);
  await expect(rows.and(page.locator('[data-kind="reminder"]'))).toHaveCount(3);
});

test('a drag along the timeline is announced once, when it ends, not at every step', async ({ page }) => {
  const scenario = gallery('renewed-in-retention');
  await openLink(page, scenario);
  const announcer = page.getByTestId('announcer');
  const track = page.getByTestId('timeline-track');
  const box = (await track.boundingBox())!;
  const y = box.y + 40;
  const clock = page.getByTestId('clock');
  await page.mouse.move(box.x + box.width * 0.02, y);
  await page.mouse.down();
  // The press itself is a seek, said at once.
  await expect(announcer).toContainText('Clock');
  const pressed = await announcer.textContent();
  for (const f of [0.3, 0.6, 0.9, 0.7]) {
    const before = await clock.textContent();
    await page.mouse.move(box.x + box.width * f, y, { steps: 3 });
    await expect(clock).not.toHaveText(before!);
    await expect(announcer).toHaveText(pressed!);
  }
  await page.mouse.up();
  // From the start to 70% of the run: the scenario tier's resource went through its states.
  await expect(announcer).not.toHaveText(pressed!);
  await expect(announcer).toContainText(`${scenario.tier} ocr`);
});

test('state changes are announced in a polite live region', async ({ page }) => {
  const scenario = gallery('renewed-in-retention');
  await openLink(page, scenario);
  const announcer = page.getByTestId('announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await goToTime(page, '2026-04-08 12:00:00');
  await button(page, 'Next event').click();
  await expect(announcer).toContainText(/expired/i);
  // V0's release reminder (09:00 on 04-09) is an event instant too: whose event it is is said.
  await button(page, 'Next event').click();
  await expect(announcer).toHaveText('Clock at 2026-04-09 09:00:00: events in tier V0, none in tier V1.');
  await button(page, 'Next event').click();
  await expect(announcer).toContainText(/frozen/i);
});
