// Exports and printing: each file is downloaded from the app and parsed — the CSV of the event
// logs, the iCalendar file of the coming dates, the timeline as SVG and as PNG — and the printed
// page is one page with the summary, the timeline and the status, and no controls.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import type { Download } from '@playwright/test';
import {
  ROOT,
  button,
  clone,
  chooseLogTier,
  download,
  expectMatchesCli,
  expectedLog,
  gallery,
  goToTime,
  localToEpoch,
  openLink,
  parseCsv,
  readLog,
  rfcToEpoch,
  simulateAll,
  SLUGS,
  tz,
} from './lab';

const SHOTS = join(ROOT, 'docs', 'screenshots');

/** Unfolds an iCalendar file (RFC 5545 §3.1) into content lines, checking CRLF and 75 octets. */
function icsLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  expect(physical.filter((line) => line.includes('\n')), 'no bare LF').toEqual([]);
  expect(physical.filter((line) => Buffer.byteLength(line, 'utf8') > 75), 'lines of at most 75 octets').toEqual([]);
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  return lines;
}

/** `YYYYMMDDTHHMMSSZ` for epoch milliseconds. */
function icsUtc(epoch: number): string {
  return new Date(epoch).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

test('Export CSV: every tier\'s event log up to the clock, the shown log\'s rows included', async ({ page }) => {
  const scenario = gallery('two-packages-one-balance');
  const traces = simulateAll(scenario);
  await openLink(page, scenario);
  await goToTime(page, '2026-04-05 12:00:00');
  await expectMatchesCli(page, scenario, 'V2');
  const shown = await readLog(page);
  expect(shown.length).toBeGreaterThan(3);

  const { file, bytes } = await download(page, 'Export CSV');
  expect(file).toBe('two-packages-auto-renewing-from-one-balance-events.csv');
  let text = bytes.toString('utf8');
  expect(text.charCodeAt(0), 'a UTF-8 byte-order mark for spreadsheets').toBe(0xfeff);
  text = text.slice(1);
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual(['tier', 'at', 'resource', 'kind', 'what', 'rule', 'next', 'balance']);
  expect(rows.filter((row) => row.length !== header.length)).toEqual([]);

  const epoch = localToEpoch('2026-04-05 12:00:00', tz(scenario));
  const key = (r: string[]) => `${r[1]}|${r[3]}`;
  // The rows of the log's tier are the rows the log shows.
  expect(rows.filter((r) => r[0] === 'V2').map(key).sort()).toEqual(shown);
  // And every tier is there, in the policy's order, each with its events up to the clock.
  const tiers = Object.keys(traces);
  expect([...new Set(rows.map((r) => r[0]))]).toEqual(tiers);
  for (const tier of tiers) {
    expect(rows.filter((r) => r[0] === tier).map(key).sort(), tier).toEqual(expectedLog(traces[tier], epoch));
  }
  // Readable columns: resource ids, explanations with their rule, balances.
  const failed = rows.find((r) => r[0] === 'V0' && r[3] === 'auto_renew_attempt');
  expect(failed?.[2]).toMatch(/^(web|db)$/);
  expect(failed?.[5]).toContain('§6');
  expect(rows.some((r) => r[4].includes(','))).toBe(true); // quoted fields parsed back
});

test('Export calendar (.ics): the coming attempt, expiry, freeze and release of the scenario tier', async ({ page }) => {
  const scenario = gallery('auto-renew-twice');
  const trace = simulateAll(scenario)[scenario.tier];
  await openLink(page, scenario);
  await goToTime(page, '2026-03-01 12:00:00');
  const now = localToEpoch('2026-03-01 12:00:00', tz(scenario));

  const writtenFrom = icsUtc(Math.floor(Date.now() / 1000) * 1000);
  const { file, bytes } = await download(page, 'Export calendar (.ics)');
  const writtenBy = icsUtc(Date.now());
  expect(file).toMatch(new RegExp(`^[a-z0-9-]+-${scenario.tier}\\.ics$`));
  const lines = icsLines(bytes.toString('utf8'));
  expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);

  // The events, property by property.
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  const wanted = trace.events.filter(
    (e) =>
      rfcToEpoch(e.at) > now &&
      e.resource &&
      (e.kind === 'auto_renew_attempt' || (e.kind === 'state_changed' && ['expired', 'frozen', 'released'].includes(e.to))),
  );
  expect(wanted.map((e) => e.kind === 'state_changed' ? e.to : 'attempt')).toEqual(['attempt', 'expired', 'frozen', 'released']);
  expect(events.map((e) => e.DTSTART)).toEqual(wanted.map((e) => icsUtc(rfcToEpoch(e.at))));
  expect(events.map((e) => e.DTSTART)).toEqual(['20260311T190000Z', '20260415T160000Z', '20260422T160000Z', '20260429T160000Z']);
  for (const event of events) {
    // DTSTAMP is when the file was written, in real time (not the virtual clock: a calendar
    // takes a copy with an older stamp for an outdated one).
    expect(event.DTSTAMP >= writtenFrom && event.DTSTAMP <= writtenBy, `${event.DTSTAMP} in [${writtenFrom}, ${writtenBy}]`).toBe(true);
    expect(event.UID).toMatch(/^ocr-(attempt|expired|frozen|released)-\d{8}T\d{6}Z-V\d-[0-9a-f]{8}@renewal-lab$/);
    expect(event.SUMMARY).toMatch(/^ocr: /);
  }
  expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);

  // Later on the clock, fewer dates remain; the same clock gives the same file (but for the real
  // time it was written).
  const again = await download(page, 'Export calendar (.ics)');
  const unstamped = (file: Buffer) => file.toString('utf8').replace(/DTSTAMP:\d{8}T\d{6}Z/g, 'DTSTAMP');
  expect(unstamped(again.bytes)).toBe(unstamped(bytes));
  await goToTime(page, '2026-04-20 00:00:00');
  const later = icsLines((await download(page, 'Export calendar (.ics)')).bytes.toString('utf8'));
  expect(later.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);

  // A run that ends while the resource is frozen: its release, after the end, is in the
  // calendar as the status card states it, and said to come after the end of the simulation.
  const short = clone(scenario);
  short.until = '2026-04-25T00:00:00';
  await openLink(page, short);
  await goToTime(page, '2026-04-24 00:00:00');
  await expect(page.locator(`[data-testid="tier-status"][data-tier="${scenario.tier}"]`)).toContainText('data deleted');
  const ended = icsLines((await download(page, 'Export calendar (.ics)')).bytes.toString('utf8'));
  const starts = ended.filter((l) => l.startsWith('DTSTART:'));
  expect(starts).toEqual(['DTSTART:20260429T160000Z']);
  expect(ended.join('')).toContain('after the end of the simulation');
  // Once released, nothing is coming: no file (one without an event is not valid iCalendar), said.
  await openLink(page, scenario);
  await goToTime(page, '2026-04-30 12:00:00');
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await page.getByRole('button', { name: 'Export calendar (.ics)' }).click();
  await expect(page.getByTestId('notice')).toHaveText(`Nothing is coming in tier ${scenario.tier} after 2026-04-30 12:00:00: there is no calendar to export.`);
  expect(downloaded).toBe(false);
});

test('the calendar is written in the language shown; its dates and identifiers are not', async ({ page }) => {
  const scenario = gallery('auto-renew-twice');
  await openLink(page, scenario);
  await goToTime(page, '2026-03-01 12:00:00');
  const fields = (text: string, name: string) =>
    icsLines(text).filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1));
  const english = (await download(page, 'Export calendar (.ics)')).bytes.toString('utf8');
  expect(fields(english, 'SUMMARY').at(-1)).toBe('ocr: released: the data is deleted');

  await page.getByTestId('language').selectOption('pt-BR');
  const portuguese = (await download(page, 'Exportar calendário (.ics)')).bytes.toString('utf8');
  expect(fields(portuguese, 'SUMMARY')).toEqual([
    'ocr: tentativa de renovação automática',
    'ocr: expira: começa o período de carência',
    'ocr: congelado: começa o período de retenção',
    'ocr: liberado: os dados são excluídos',
  ]);
  expect(fields(portuguese, 'X-WR-CALNAME')).toEqual([`Renewal Lab — nível ${scenario.tier}`]);
  expect(fields(portuguese, 'DESCRIPTION')[0]).toContain(`(nível ${scenario.tier}\\, `);

  await page.getByTestId('language').selectOption('zh-CN');
  const chinese = (await download(page, '导出日历 (.ics)')).bytes.toString('utf8');
  expect(fields(chinese, 'SUMMARY').at(-1)).toBe('ocr: 释放：数据被删除');
  // (DTSTAMP is the real time each file was written.)
  for (const name of ['DTSTART', 'UID']) {
    expect(fields(chinese, name)).toEqual(fields(english, name));
    expect(fields(portuguese, name)).toEqual(fields(english, name));
  }
});

test('two exports at once: each file arrives whole (a download releases the one before it)', async ({ page }) => {
  const scenario = gallery('auto-renew-twice');
  await openLink(page, scenario);
  await goToTime(page, '2026-03-01 12:00:00');
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  // Both clicks in one task: the second download comes before the browser could have read the
  // first file, if it read it late.
  await page.evaluate(() => {
    const press = (name: string) =>
      [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!.click();
    press('Export CSV');
    press('Export calendar (.ics)');
  });
  await expect.poll(() => downloads.length).toBe(2);
  const [csv, ics] = downloads;
  expect(await csv.failure()).toBeNull();
  expect(await ics.failure()).toBeNull();
  expect(readFileSync(await csv.path()).toString('utf8')).toContain('auto_renew_attempt');
  expect(readFileSync(await ics.path()).toString('utf8')).toContain('END:VCALENDAR');
});

test('Export SVG and PNG: the timeline with a lane per tier and resource', async ({ page }) => {
  const scenario = gallery('two-packages-one-balance');
  const traces = simulateAll(scenario);
  await openLink(page, scenario);
  await goToTime(page, '2026-04-09 12:00:00');

  const svg = await download(page, 'Export SVG');
  expect(svg.file).toBe('two-packages-auto-renewing-from-one-balance-timeline.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      ns: root.namespaceURI,
      title: root.querySelector('title')?.textContent ?? '',
      lanes: [...root.querySelectorAll('g.lane')].map((g) => `${g.getAttribute('data-tier')}/${g.getAttribute('data-resource')}`),
      bands: root.querySelectorAll('rect[data-state]').length,
      patterns: root.querySelectorAll('pattern').length,
      cursor: root.querySelectorAll('[data-testid="cursor"]').length,
      scripts: root.querySelectorAll('script, foreignObject').length,
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error, 'well-formed XML').toBe(0);
  expect(parsed.root).toBe('svg');
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect(parsed.title).toContain(scenario.name);
  const lanes = Object.keys(traces).flatMap((tier) => scenario.resources.map((r) => `${tier}/${r.id}`));
  expect(parsed.lanes.sort()).toEqual(lanes.sort());
  expect(parsed.bands).toBeGreaterThanOrEqual(lanes.length);
  expect(parsed.patterns).toBe(4);
  expect(parsed.cursor).toBe(1);
  expect(parsed.scripts).toBe(0);

  const png = await download(page, 'Export PNG');
  expect(png.file).toBe('two-packages-auto-renewing-from-one-balance-timeline.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: twice the SVG's width.
  expect(png.bytes.readUInt32BE(16)).toBe(2400);
  expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(800);
  expect(png.bytes.length).toBeGreaterThan(20_000);
  writeFileSync(join(SHOTS, 'timeline-export.png'), png.bytes);
  await expect(page.getByTestId('notice')).toContainText('timeline.png');
});

test('Print: one page with the summary, the timeline and the status, and no controls', async ({ page }) => {
  const scenario = gallery('auto-renew-twice');
  await openLink(page, scenario);
  await goToTime(page, '2026-03-01 12:00:00');

  // The button opens the browser's print dialog.
  await page.evaluate(() => {
    (window as any).printed = 0;
    window.print = () => void (window as any).printed++;
  });
  await button(page, 'Print').click();
  expect(await page.evaluate(() => (window as any).printed)).toBe(1);

  await expect(page.getByTestId('print-summary')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  const summary = page.getByTestId('print-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(scenario.name);
  await expect(summary).toContainText(`tier ${scenario.tier}`);
  await expect(summary).toContainText('2026-03-01 12:00:00');
  // What has happened in the customer's tier, and what comes, in words with the amounts.
  const [soFar, coming] = [summary.locator('ul.print-events').nth(0), summary.locator('ul.print-events').nth(1)];
  await expect(soFar.locator('li')).toHaveCount(3);
  await expect(soFar.locator('li').first()).toContainText('2026-01-15 10:00');
  await expect(soFar.locator('li').last()).toContainText('2026-02-12 03:00');
  await expect(coming.locator('li')).toHaveCount(6);
  await expect(coming.locator('li').first()).toContainText('2026-03-12 03:00');
  await expect(coming.locator('li').first()).toContainText('Auto-renew paid 30.00');
  // The next six key events reach the release: nothing more follows.
  await expect(coming.locator('li').last()).toContainText('Now released');
  await expect(summary).not.toContainText('More follow');
  // Only the customer's tier's status is printed; the timeline compares the tiers.
  await expect(page.locator('[data-testid="tier-status"]:visible')).toHaveCount(1);
  await expect(page.locator(`[data-testid="tier-status"][data-tier="${scenario.tier}"]`)).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByTestId('status-panel')).toBeVisible();
  for (const hidden of ['editor', 'clock-bar', 'act-panel', 'event-log', 'what-if', 'workshop-trainer']) await expect(page.getByTestId(hidden)).toBeHidden();
  for (const name of ['Export CSV', 'Play', 'Copy link']) await expect(button(page, name)).toBeHidden();
  // Black on white even when the screen is dark.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  // The README's picture: an A4 sheet at 96 dpi, less its margins.
  await page.setViewportSize({ width: 718, height: 1047 });
  // The lanes' marks are drawn for the printed lane's width (in layout pixels, under the page's
  // zoom), so a glyph keeps its shape: the drawing's width is the lane's, within the 16 px step.
  await expect.poll(() => page.evaluate(() => {
    const svg = document.querySelector('[data-testid="lane"] svg.lane-marks') as SVGSVGElement;
    return Math.abs(svg.viewBox.baseVal.width - svg.clientWidth);
  })).toBeLessThanOrEqual(8);
  await page.screenshot({ path: join(SHOTS, 'print.png') });

  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length, `one ${format} page`).toBe(1);
  }
  // Earlier, more events come than the page lists: it says where they all are.
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await goToTime(page, '2026-01-15 10:00:00');
  await page.emulateMedia({ media: 'print' });
  await expect(summary).toContainText('More follow: the calendar export (.ics) lists every coming attempt, expiry, freeze and release.');
});

test('Print from a wide window: the marks are drawn for the printed page, not the screen', async ({ page }) => {
  // A real print lays the page out without running the app's observers: only what the app does at
  // `beforeprint` reaches the paper. At 1920 px the screen's track is half as wide again as an A4
  // page's, so glyphs drawn for the screen would print 1.5 times wider than tall.
  await page.setViewportSize({ width: 1920, height: 1000 });
  await openLink(page, gallery('auto-renew-twice'));
  await page.evaluate(() => {
    (window as any).printed = [];
    matchMedia('print').addEventListener('change', (event) => {
      if (!event.matches) return;
      const svg = document.querySelector('[data-testid="lane"] svg.lane-marks') as SVGSVGElement;
      (window as any).printed.push([svg.viewBox.baseVal.width, svg.clientWidth]);
    });
  });
  const screen = await page.evaluate(() => (document.querySelector('[data-testid="lane"] svg.lane-marks') as SVGSVGElement).clientWidth);
  await page.pdf({ format: 'A4', printBackground: true });
  const [[drawnFor, printedWidth]] = await page.evaluate(() => (window as any).printed);
  expect(screen).toBeGreaterThan(printedWidth * 1.4);
  expect(Math.abs(drawnFor - printedWidth), `drawn for ${drawnFor} px, printed ${printedWidth} px wide`).toBeLessThanOrEqual(16);
  // After printing, the drawing is the screen's again.
  await expect.poll(() => page.evaluate(() => {
    const svg = document.querySelector('[data-testid="lane"] svg.lane-marks') as SVGSVGElement;
    return Math.abs(svg.viewBox.baseVal.width - svg.clientWidth);
  })).toBeLessThanOrEqual(8);
});

test('Print: every gallery scenario fits one A4 and one Letter page, at its start and mid-run', async ({ page }) => {
  for (const slug of SLUGS) {
    await openLink(page, gallery(slug));
    for (const steps of [0, 5]) {
      for (let i = 0; i < steps; i++) await button(page, 'Next event').click();
      await page.emulateMedia({ media: 'print' });
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format, printBackground: true });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
        expect(pages.length, `${slug} after ${steps} events on ${format}`).toBe(1);
      }
      await page.emulateMedia({ media: 'screen' });
    }
  }
  // The longest texts: pt-BR, two packages, with their reminders coming next (this spilled onto
  // a second Letter page).
  await openLink(page, gallery('two-packages-one-balance'));
  await goToTime(page, '2026-04-03 03:00:00');
  await page.getByTestId('language').selectOption('pt-BR');
  await page.emulateMedia({ media: 'print' });
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length, `pt-BR two packages on ${format}`).toBe(1);
  }
});

test('screenshot: the export buttons above the timeline', async ({ page }) => {
  const scenario = gallery('two-packages-one-balance');
  await openLink(page, scenario);
  await goToTime(page, '2026-04-09 12:00:00');
  await chooseLogTier(page, scenario.tier);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const box = await page.getByRole('group', { name: 'Export and print' }).boundingBox();
  await page.screenshot({ path: join(SHOTS, 'exports.png'), clip: { x: 0, y: 0, width: 1280, height: Math.min(800, (box?.y ?? 0) + 420) } });
});
