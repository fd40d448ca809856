// Issue 3, "Users must be able to" 1 (Start): the gallery of 8 scenarios and the blank one; and the
// test contract's share-link opening (clock at the earliest resource start).
import { test, expect } from './fixtures';
import {
  SLUGS,
  button,
  CLOCK_FORMAT,
  earliestStart,
  expectClock,
  expectMatchesCli,
  field,
  gallery,
  goToTime,
  onePackage,
  openFromGallery,
  openLink,
  readLanes,
  simulateAll,
  waitForApp,
} from './lab';

test('the first visit opens on the gallery of 8 scenarios, each with a title and a one-line story', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  const galleryView = page.getByTestId('gallery');
  await expect(galleryView).toBeVisible();
  await expect(page.getByTestId('lab')).toHaveCount(0);
  const items = galleryView.getByTestId('gallery-item');
  await expect(items).toHaveCount(SLUGS.length);
  const slugs = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-scenario')));
  expect([...slugs].sort()).toEqual([...SLUGS].sort());
  for (const slug of SLUGS) {
    const item = galleryView.locator(`[data-testid="gallery-item"][data-scenario="${slug}"]`);
    expect(await item.evaluate((el) => el.tagName.toLowerCase()), `${slug} is a button`).toBe('button');
    // Its title (the scenario's name) is its accessible name, or begins it (axe's "label in name"
    // rule wants the button's visible text inside its name); its one-line story is shown in the
    // button or beside it in the same gallery card.
    const title = gallery(slug).name;
    await expect(item, `${slug}'s accessible name`).toHaveAccessibleName(new RegExp(`^${escapeRegExp(title)}`));
    await expect(item).toContainText(title);
    const card = await item.evaluate((el) => {
      const holder = el.closest('li') ?? el.parentElement ?? el;
      return (holder as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
    });
    const story = card.replace(title, '').trim();
    expect(story.split(' ').length, `${slug} shows a one-line story besides its title: "${card}"`).toBeGreaterThanOrEqual(4);
  }
  await expect(button(galleryView, 'Blank scenario')).toBeVisible();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

for (const slug of SLUGS) {
  test(`gallery scenario ${slug} loads: lanes per tier × resource, clock at the earliest start, states as renewal-cli`, async ({ page }) => {
    const scenario = gallery(slug);
    const traces = simulateAll(scenario);
    await page.goto('/');
    await openFromGallery(page, slug);
    await expect(field(page, 'Scenario name')).toHaveValue(scenario.name);
    const lanes = await readLanes(page);
    const want = Object.keys(traces).flatMap((tier) => scenario.resources.map((r) => `${tier}/${r.id}`)).sort();
    expect(lanes.map((l) => `${l.tier}/${l.resource}`)).toEqual(want);
    await expectClock(page, earliestStart(scenario));
    await expectMatchesCli(page, scenario);
    // At the end of the run every lane shows the final state of renewal-cli, and the log of every
    // tier holds every event of that tier.
    await goToTime(page, scenario.until.replace('T', ' '));
    for (const tier of Object.keys(traces)) {
      await expectMatchesCli(page, scenario, tier);
      for (const r of scenario.resources) {
        await expect(page.locator(`[data-testid="lane"][data-tier="${tier}"][data-resource="${r.id}"]`)).toHaveAttribute(
          'data-state',
          traces[tier].final.resources[r.id].state,
        );
      }
    }
  });
}

test('Blank scenario opens the lab with a valid clock and an editor to fill in', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await button(page.getByTestId('gallery'), 'Blank scenario').click();
  await expect(page.getByTestId('lab')).toBeVisible();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('clock')).toHaveText(CLOCK_FORMAT);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await expect(field(page, 'Scenario name')).toBeEditable();
  // The blank scenario is one the user can build on: adding a package adds its lanes.
  const before = await page.getByTestId('lane').count();
  await button(page.getByTestId('editor'), 'Add package').click();
  await expect(page.getByTestId('resource-editor')).not.toHaveCount(0);
  await expect.poll(async () => page.getByTestId('lane').count()).toBeGreaterThan(before);
});

test('a #scenario= link opens that scenario with the clock at its earliest resource start', async ({ page }) => {
  const scenario = onePackage({
    name: 'E2E link with two starts',
    resources: [
      { id: 'late', billing: 'package', start: '2026-05-02T08:30:00', term: '1m', prices: { month: '30.00', year: '300.00' } },
      { id: 'early', billing: 'pay_per_use', start: '2026-04-01T06:15:45', hourly_rate: '0.01' },
    ],
    balance: '100.00',
    until: '2026-07-01T00:00:00',
  });
  await openLink(page, scenario);
  await expectClock(page, '2026-04-01 06:15:45');
  await expect(field(page, 'Scenario name')).toHaveValue('E2E link with two starts');
  await expectMatchesCli(page, scenario);
});
