// Helpers shared by the specs: expected values from renewal-cli, and the app's contract
// (docs/ui-contract.md) as small functions.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export const ROOT = resolve(__dirname, '../..');

// ---------------------------------------------------------------- scenarios and traces

export type Scenario = {
  format: string;
  name: string;
  timezone?: string;
  policy: string | object;
  tier: string;
  balance: string;
  resources: Array<Record<string, any> & { id: string; billing: string; start: string }>;
  actions: Array<Record<string, any> & { at: string; do: string }>;
  until: string;
};

export type TraceEvent = Record<string, any> & { at: string; kind: string; resource?: string };
export type Trace = {
  tier: string;
  events: TraceEvent[];
  final: { at: string; balance: string; resources: Record<string, { state: string; expires?: string }> };
};
export type Traces = Record<string, Trace>;

export const SLUGS = [
  'auto-renew-low-balance',
  'renewed-in-retention',
  'renewal-too-short',
  'two-packages-one-balance',
  'pay-per-use-arrears',
  'auto-renew-twice',
  'auto-renew-on-expiry-day',
  'month-end-expiry',
] as const;

export function gallery(slug: string): Scenario {
  return JSON.parse(readFileSync(join(ROOT, 'scenarios', `${slug}.json`), 'utf8'));
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}

const traceCache = new Map<string, Traces>();

/** `renewal-cli simulate --all-tiers --reminders -` on the scenario: the expected traces (the app's, reminders included), per tier. */
export function simulateAll(scenario: Scenario): Traces {
  const input = JSON.stringify(scenario);
  let traces = traceCache.get(input);
  if (!traces) {
    const cli = process.env.RENEWAL_CLI ?? join(ROOT, 'target', 'release', 'renewal-cli');
    const out = execFileSync(cli, ['simulate', '--all-tiers', '--reminders', '-'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
    traces = JSON.parse(out).tiers as Traces;
    traceCache.set(input, traces);
  }
  return traces;
}

export function tz(scenario: Scenario): string {
  return scenario.timezone ?? '+08:00';
}

/** Epoch milliseconds of a local scenario time (`YYYY-MM-DD[T ]HH:MM:SS`) in the offset `zone`. */
export function localToEpoch(local: string, zone: string): number {
  const t = Date.parse(`${local.trim().replace(' ', 'T')}${zone}`);
  if (Number.isNaN(t)) throw new Error(`not a local time: ${local}`);
  return t;
}

/** Epoch milliseconds of an RFC 3339 time. */
export function rfcToEpoch(rfc: string): number {
  const t = Date.parse(rfc);
  if (Number.isNaN(t)) throw new Error(`not an RFC 3339 time: ${rfc}`);
  return t;
}

/** `YYYY-MM-DD HH:MM:SS` local time in the offset `zone`. */
export function epochToLocal(epoch: number, zone: string): string {
  const m = /^([+-])(\d\d):(\d\d)$/.exec(zone);
  if (!m) throw new Error(`bad offset ${zone}`);
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return new Date(epoch + minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function earliestStart(scenario: Scenario): string {
  const starts = scenario.resources.map((r) => localToEpoch(r.start, tz(scenario)));
  return epochToLocal(Math.min(...starts), tz(scenario));
}

/** The state of `resource` once every event at or before `epoch` has happened; null before it exists. */
export function stateAt(trace: Trace, resource: string, epoch: number): string | null {
  let state: string | null = null;
  for (const e of trace.events) {
    if (rfcToEpoch(e.at) > epoch) break;
    if (e.resource !== resource) continue;
    if (e.kind === 'purchased') state = 'available';
    if (e.kind === 'state_changed') state = e.to;
  }
  return state;
}

/** The account balance once every event at or before `epoch` has happened (last `balance` field). */
export function balanceAt(trace: Trace, epoch: number, opening: string): string {
  let balance = Number(opening).toFixed(2);
  for (const e of trace.events) {
    if (rfcToEpoch(e.at) > epoch) break;
    if (typeof e.balance === 'string') balance = e.balance;
  }
  return balance;
}

/** Every instant (epoch ms) at which any lane of any tier has an event, sorted, without repeats. */
export function eventInstants(traces: Traces): number[] {
  const set = new Set<number>();
  for (const t of Object.values(traces)) for (const e of t.events) set.add(rfcToEpoch(e.at));
  return [...set].sort((a, b) => a - b);
}

export function nextInstant(traces: Traces, epoch: number): number | undefined {
  return eventInstants(traces).find((t) => t > epoch);
}

export function previousInstant(traces: Traces, epoch: number): number | undefined {
  return eventInstants(traces)
    .filter((t) => t < epoch)
    .pop();
}

/** The lanes the app must show at `epoch`: one per tier and resource, sorted. */
export function expectedLanes(scenario: Scenario, traces: Traces, epoch: number): Lane[] {
  const lanes: Lane[] = [];
  for (const [tier, trace] of Object.entries(traces)) {
    for (const r of scenario.resources) lanes.push({ tier, resource: r.id, state: stateAt(trace, r.id, epoch) });
  }
  return sortLanes(lanes);
}

/** The `kind|at` keys of the events of `trace` at or before `epoch`, sorted. */
export function expectedLog(trace: Trace, epoch: number): string[] {
  return trace.events
    .filter((e) => rfcToEpoch(e.at) <= epoch)
    .map((e) => `${e.at}|${e.kind}`)
    .sort();
}

export function linkFragment(scenario: Scenario | string): string {
  const text = typeof scenario === 'string' ? scenario : JSON.stringify(scenario);
  return `#scenario=${Buffer.from(text, 'utf8').toString('base64url')}`;
}

export function decodeLink(url: string): Scenario {
  const m = /#scenario=([A-Za-z0-9_-]*)$/.exec(url);
  if (!m) throw new Error(`not a share link: ${url}`);
  return JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
}

// ---------------------------------------------------------------- the app

export type Lane = { tier: string; resource: string; state: string | null };

export function sortLanes(lanes: Lane[]): Lane[] {
  return [...lanes].sort((a, b) => (a.tier + '\u0000' + a.resource).localeCompare(b.tier + '\u0000' + b.resource));
}

export const CLOCK_FORMAT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function button(page: Page | Locator, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

export async function waitForApp(page: Page): Promise<void> {
  await expect(page.getByTestId('lab').or(page.getByTestId('gallery')).first()).toBeVisible({ timeout: 30_000 });
}

/** Opens the app at `/#scenario=…` for `scenario` and waits for its lanes. */
export async function openLink(page: Page, scenario: Scenario): Promise<void> {
  await page.goto(`/${linkFragment(scenario)}`);
  await expect(page.getByTestId('lab')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('lane')).toHaveCount(expectedLaneCount(scenario));
}

/** Opens the gallery (header button when in the lab) and chooses the scenario `slug`. */
export async function openFromGallery(page: Page, slug: string): Promise<void> {
  if (!(await page.getByTestId('gallery').isVisible())) await button(page, 'Gallery').click();
  await page.locator(`[data-testid="gallery-item"][data-scenario="${slug}"]`).click();
  await expect(page.getByTestId('lab')).toBeVisible();
  await expect(page.getByTestId('lane')).toHaveCount(expectedLaneCount(gallery(slug)));
}

export function expectedLaneCount(scenario: Scenario): number {
  return Object.keys(simulateAll(scenario)).length * scenario.resources.length;
}

export async function clockText(page: Page): Promise<string> {
  const text = ((await page.getByTestId('clock').textContent()) ?? '').trim();
  expect(text, 'the clock shows YYYY-MM-DD HH:MM:SS').toMatch(CLOCK_FORMAT);
  return text;
}

export async function clockEpoch(page: Page, scenario: Scenario): Promise<number> {
  return localToEpoch(await clockText(page), tz(scenario));
}

export async function expectClock(page: Page, local: string): Promise<void> {
  await expect(page.getByTestId('clock')).toHaveText(local);
}

/** Types `local` (`YYYY-MM-DD HH:MM:SS`) into "Go to time" and waits for the clock to show it. */
export async function goToTime(page: Page, local: string): Promise<void> {
  const input = labelled(page, 'Go to time');
  await fillField(input, local.replace(' ', 'T'));
  await expectClock(page, local);
}

export async function readLanes(page: Page): Promise<Lane[]> {
  const lanes = await page.getByTestId('lane').evaluateAll((els) =>
    els.map((el) => ({
      tier: el.getAttribute('data-tier') ?? '',
      resource: el.getAttribute('data-resource') ?? '',
      state: el.getAttribute('data-state'),
    })),
  );
  return sortLanes(lanes);
}

export async function readLog(page: Page): Promise<string[]> {
  const rows = await page
    .getByTestId('event-log')
    .getByTestId('event')
    .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-at')}|${el.getAttribute('data-kind')}`));
  return rows.sort();
}

export async function chooseLogTier(page: Page, tier: string): Promise<void> {
  await labelled(page, 'Log tier').selectOption(tier);
}

/**
 * Checks the whole view against renewal-cli at the clock's time: every lane's data-state, and the
 * event log rows (kind and instant) of `logTier`, earlier rows shown first if the log hides some. Lanes of resources not yet bought are only
 * required to exist.
 */
export async function expectMatchesCli(page: Page, scenario: Scenario, logTier: string = scenario.tier): Promise<void> {
  const traces = simulateAll(scenario);
  await chooseLogTier(page, logTier);
  await expect(async () => {
    const epoch = await clockEpoch(page, scenario);
    const want = expectedLanes(scenario, traces, epoch);
    const got = await readLanes(page);
    expect(got.map((l) => `${l.tier}/${l.resource}`)).toEqual(want.map((l) => `${l.tier}/${l.resource}`));
    got.forEach((lane, i) => {
      if (want[i].state !== null) expect(lane, `lane at ${showTime(epoch, scenario)}`).toEqual(want[i]);
    });
    // A long log shows its latest rows first: bring back the earlier ones to compare them all.
    const earlier = page.getByTestId('event-log').getByRole('button', { name: 'Show earlier events' });
    while ((await earlier.count()) > 0) await earlier.first().click();
    expect(await readLog(page), `event log of ${logTier} at ${showTime(epoch, scenario)}`).toEqual(
      expectedLog(traces[logTier], epoch),
    );
  }).toPass({ timeout: 15_000 });
}

function showTime(epoch: number, scenario: Scenario): string {
  return epochToLocal(epoch, tz(scenario));
}

/**
 * The control labelled exactly `label` inside `scope`. A select wrapped in its <label> has the
 * options' text in the label's text, so selects are also found by their accessible name.
 */
export function labelled(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(label, { exact: true }).or(scope.getByRole('combobox', { name: label, exact: true }));
}

/** The editor field labelled `label` (inside `scope`, default the editor). */
export function field(page: Page, label: string, scope?: Locator): Locator {
  return labelled(scope ?? page.getByTestId('editor'), label);
}

/** Sets a field whether it is a select or a text-like input. */
export async function setField(target: Locator, value: string): Promise<void> {
  const tag = await target.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') await target.selectOption(value);
  else await fillField(target, value);
}

/** Fills an input as a user would: the value, then leaving the field (so `change` fires). */
export async function fillField(target: Locator, value: string): Promise<void> {
  await target.fill(value);
  // Playwright fires input+change itself for date/time inputs; text fields commit on blur.
  const type = await target.evaluate((el) => (el as HTMLInputElement).type ?? '');
  if (!['date', 'time', 'datetime-local', 'month', 'week', 'range', 'color'].includes(type)) await target.blur();
}

/** Reads the share link through "Copy link" and the clipboard. */
export async function copyLink(page: Page): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await button(page, 'Copy link').click();
  let link = '';
  await expect(async () => {
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('#scenario=');
  }).toPass({ timeout: 10_000 });
  return link;
}

/** A small scenario built in the test: one monthly package, no actions. */
export function onePackage(overrides: Partial<Scenario> = {}): Scenario {
  return {
    format: 'renewal-lab/1',
    name: 'E2E one package',
    timezone: '+08:00',
    policy: 'huawei-cn',
    tier: 'V3',
    balance: '40.00',
    resources: [
      {
        id: 'ocr',
        billing: 'package',
        start: '2026-03-08T10:00:00',
        term: '1m',
        prices: { month: '30.00', year: '300.00' },
      },
    ],
    actions: [],
    until: '2026-06-01T00:00:00',
    ...overrides,
  };
}

/**
 * Opens a <details> by clicking its summary, again if a click was lost: a click whose press and
 * release land on different elements (the page still settling after an update) toggles nothing.
 */
export async function openDetails(details: Locator): Promise<void> {
  await expect(async () => {
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    await expect(details).toHaveAttribute('open', '', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Clicks the button `name` and returns the file it downloads. */
export async function download(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button(page, name).click()]);
  expect(await d.failure()).toBeNull();
  return { file: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** RFC 4180: fields separated by commas, quoted when needed (quotes doubled), rows end in CRLF.
 * (Plain throws inside the loop: an `expect` per character would be a reported step each.) */
export function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n'), 'the last row ends with CRLF').toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      if (c === '\n') throw new Error(`bare LF outside quotes at ${i}`);
      field += c;
    }
  }
  return rows;
}
