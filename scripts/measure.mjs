#!/usr/bin/env node
// Measures Renewal Lab's performance against the targets of issue 3, on the built app (dist/):
//   1. gzip size of the release wasm + JS + CSS                                  ≤ 250 KB
//   2. first render after navigation (mark "renewal-lab:first-render"), for the
//      gallery and for a gallery scenario's link (the 10-year one for information) ≤ 500 ms
//   3. re-simulation of all tiers + render after an edit, and after a scrub step
//      ("renewal-lab:update" measures), 10-year 3-resource scenario              ≤ 16 ms
//   4. playing at top speed for 60 s: frames per second (rAF callbacks)          ≥ 50
//      and no growth of the JS heap (after GC) or of the wasm memory
// Prints a table (medians over several runs) and exits 1 if a target is missed.
//
//   node scripts/measure.mjs [--quick] [--dist DIR] [--json FILE] [--only PART]
//   --quick: fewer runs and 10 s of play (for CI).
//   --only first-render|updates|play: that part alone (the sizes always), while working on it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/chromium.mjs';
import { startServer } from '../tests/e2e/static-server.mjs';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const DIST = resolve(argv.includes('--dist') ? argv[argv.indexOf('--dist') + 1] : 'dist');
const JSON_OUT = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : null;
// `--only first-render|updates|play`: one part, while working on it (the sizes are always shown).
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
const part = (name) => ONLY === null || ONLY === name;
const RUNS = QUICK ? 5 : 7;
const EDITS = QUICK ? 10 : 30;
const SCRUBS = QUICK ? 20 : 60;
const PLAY_SECONDS = QUICK ? 10 : 60;
const WARMUP_SECONDS = QUICK ? 2 : 5;

const KB = 1000;
const targets = {
  gzipBytes: 250 * KB,
  firstRenderMs: 500,
  updateMs: 16,
  fps: 50,
};

const rows = [];
let failed = false;
function row(figure, value, target, ok, note = '') {
  rows.push({ figure, value, target, ok, note });
  if (ok === false) failed = true;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

// ------------------------------------------------------------------ the 10-year scenario

/** 10 years, 3 monthly packages on auto-renew, paid by a monthly top-up that comes after the
 * window opens: every month 4 failed retries per resource before the renewals succeed. */
function tenYearScenario() {
  const actions = [];
  for (let y = 2026; y <= 2035; y++) {
    for (let m = 1; m <= 12; m++) {
      if (y === 2026 && m === 1) continue;
      actions.push({ at: `${y}-${String(m).padStart(2, '0')}-05T12:00:00`, do: 'top_up', amount: '90.00' });
    }
  }
  const pkg = (id) => ({
    id,
    billing: 'package',
    start: '2026-01-08T09:00:00',
    term: '1m',
    prices: { month: '30.00', year: '300.00' },
    auto_renew: { enabled: true, days_before: 7, term: '1m', times: 0 },
  });
  return {
    format: 'renewal-lab/1',
    name: 'Ten years, three packages',
    timezone: '+08:00',
    policy: 'huawei-cn',
    tier: 'V3',
    balance: '0.00',
    resources: [pkg('web'), pkg('db'), pkg('cache')],
    actions,
    until: '2036-01-08T00:00:00',
  };
}

const fragment = (scenario) => `#scenario=${Buffer.from(JSON.stringify(scenario), 'utf8').toString('base64url')}`;

// ------------------------------------------------------------------ 1. sizes

function sizes() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(wasm|js|mjs|css)$/.test(name)) files.push(p);
    }
  };
  walk(DIST);
  if (files.length === 0) throw new Error(`no .wasm/.js/.css files in ${DIST}: build with trunk build --release --offline`);
  let total = 0;
  const byKind = { wasm: 0, js: 0, css: 0 };
  for (const f of files) {
    const gz = gzipSync(readFileSync(f), { level: 9 }).length;
    total += gz;
    const kind = f.endsWith('.wasm') ? 'wasm' : f.endsWith('.css') ? 'css' : 'js';
    byKind[kind] += gz;
  }
  if (!byKind.wasm) throw new Error(`no .wasm file in ${DIST}`);
  row('gzip size: wasm', `${fmt(byKind.wasm / KB)} KB`, '', null);
  row('gzip size: JS', `${fmt(byKind.js / KB)} KB`, '', null);
  row('gzip size: CSS', `${fmt(byKind.css / KB)} KB`, '', null);
  row('gzip size: wasm + JS + CSS', `${fmt(total / KB)} KB`, `≤ ${targets.gzipBytes / KB} KB`, total <= targets.gzipBytes, `${files.length} files`);
  return total;
}

// ------------------------------------------------------------------ browser helpers

const LAUNCH = { ...CHROMIUM, headless: true };

async function newPage(browser, base, problems) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const origin = new URL(base).origin;
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) problems.push(`request leaves the origin: ${u}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  return { context, page };
}

async function firstRenderMs(page) {
  await page.waitForFunction(() => performance.getEntriesByName('renewal-lab:first-render').length > 0, null, { timeout: 30_000 });
  return page.evaluate(() => performance.getEntriesByName('renewal-lab:first-render')[0].startTime);
}

/** When the lab's heavy parts, rendered after the first paint, were on screen too. */
async function fullRenderMs(page) {
  await page.waitForFunction(() => performance.getEntriesByName('renewal-lab:full-render').length > 0, null, { timeout: 30_000 });
  return page.evaluate(() => performance.getEntriesByName('renewal-lab:full-render')[0].startTime);
}

async function updateCount(page) {
  return page.evaluate(() => performance.getEntriesByName('renewal-lab:update', 'measure').length);
}

async function waitForUpdate(page, before, what) {
  try {
    await page.waitForFunction(
      (n) => performance.getEntriesByName('renewal-lab:update', 'measure').length > n,
      before,
      { timeout: 10_000 },
    );
  } catch {
    throw new Error(`no "renewal-lab:update" measure after ${what}`);
  }
}

async function lastUpdates(page, from) {
  return page.evaluate(
    (n) => performance.getEntriesByName('renewal-lab:update', 'measure').slice(n).map((m) => m.duration),
    from,
  );
}

// ------------------------------------------------------------------ 2. first render

async function firstRender(browser, base, problems) {
  const small = JSON.parse(readFileSync(new URL('../scenarios/auto-renew-low-balance.json', import.meta.url), 'utf8'));
  for (const [label, url, gated] of [
    ['first render: gallery (/)', base, true],
    ['first render: gallery scenario link (lab view)', base + fragment(small), true],
    ['first render: 10-year scenario link', base + fragment(tenYearScenario()), false],
  ]) {
    const times = [];
    const full = [];
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await newPage(browser, base, problems);
      await page.goto(url, { waitUntil: 'commit' });
      times.push(await firstRenderMs(page));
      if (url !== base) full.push(await fullRenderMs(page));
      await context.close();
    }
    const m = median(times);
    const note = `median of ${RUNS}; max ${fmt(Math.max(...times), 0)} ms`;
    if (gated) row(label, `${fmt(m, 0)} ms`, `≤ ${targets.firstRenderMs} ms`, m <= targets.firstRenderMs, note);
    else row(label, `${fmt(m, 0)} ms`, '', null, `${note}; for information`);
    if (full.length) row('  same, timeline and panels rendered too', `${fmt(median(full), 0)} ms`, '', null, '"renewal-lab:full-render"; for information');
  }
}

// ------------------------------------------------------------------ 3. edit and scrub

async function updates(browser, base, problems) {
  const { context, page } = await newPage(browser, base, problems);
  // Besides the app's own measure (update-start → its render effect, i.e. DOM patched), time each
  // update to the end of the next frame (style, layout and paint included): after the measure,
  // the next animation frame, then a task queued from it.
  await page.addInitScript(() => {
    window.__paint = [];
    const original = Performance.prototype.measure;
    Performance.prototype.measure = function (name, ...rest) {
      const entry = original.call(this, name, ...rest);
      if (name === 'renewal-lab:update') {
        const start = entry ? entry.startTime : performance.now();
        requestAnimationFrame(() => setTimeout(() => window.__paint.push(performance.now() - start), 0));
      }
      return entry;
    };
  });
  await page.goto(base + fragment(tenYearScenario()));
  await firstRenderMs(page);
  await page.getByTestId('lane').first().waitFor();
  const paintTimes = async (from) => {
    await page.waitForFunction((n) => window.__paint.length >= n, from, { timeout: 10_000 });
    return page.evaluate((n) => window.__paint.slice(n), from);
  };

  // Edits: the opening balance, alternating between valid values; each re-simulates every tier.
  const balance = page.getByTestId('editor').getByLabel('Opening balance', { exact: true });
  const editTimes = [];
  const editStart = await updateCount(page);
  for (let i = 0; i < EDITS; i++) {
    const before = await updateCount(page);
    await balance.fill(i % 2 ? '0.00' : '15.00');
    await balance.blur();
    await waitForUpdate(page, before, 'an edit of "Opening balance"');
    editTimes.push(...(await lastUpdates(page, before)));
  }

  const editPaint = await paintTimes(editStart);

  // Scrub steps: drag along the timeline track, one measure per step.
  const track = page.getByTestId('timeline-track').first();
  await track.scrollIntoViewIfNeeded();
  const box = await track.boundingBox();
  if (!box) throw new Error('timeline-track is not visible');
  const y = box.y + box.height / 2;
  const scrubTimes = [];
  const scrubStart = await updateCount(page);
  await page.mouse.move(box.x + box.width * 0.05, y);
  await page.mouse.down();
  for (let i = 1; i <= SCRUBS; i++) {
    const f = 0.05 + 0.9 * (i % 2 ? i / SCRUBS : 1 - i / SCRUBS);
    const before = await updateCount(page);
    await page.mouse.move(box.x + box.width * f, y);
    await waitForUpdate(page, before, 'a scrub step on the timeline track');
    scrubTimes.push(...(await lastUpdates(page, before)));
  }
  await page.mouse.up();
  const scrubPaint = await paintTimes(scrubStart);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  await context.close();

  for (const [label, xs, paint] of [
    ['update after an edit (10 y, 3 resources, 6 tiers)', editTimes, editPaint],
    ['update after a scrub step (10 y, 3 resources, 6 tiers)', scrubTimes, scrubPaint],
  ]) {
    const m = median(xs);
    row(label, `${fmt(m)} ms`, `≤ ${targets.updateMs} ms`, m <= targets.updateMs, `"renewal-lab:update", median of ${xs.length}; p95 ${fmt(percentile(xs, 95))} ms, max ${fmt(Math.max(...xs))} ms`);
    row('  same, to the end of the next frame', `${fmt(median(paint))} ms`, '', null, `median of ${paint.length}; p95 ${fmt(percentile(paint, 95))} ms`);
  }
  row('  elements in the page (10-year scenario)', String(nodes), '', null);
}

// ------------------------------------------------------------------ 4. play at top speed

async function play(browser, base, problems) {
  const { context, page } = await newPage(browser, base, problems);
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__renewalWasm = e.detail && e.detail.wasm;
    });
    window.__frames = [];
    const tick = (t) => {
      window.__frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(base + fragment(tenYearScenario()));
  await firstRenderMs(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const wasm = await page.evaluate(() => {
      const w = window.__renewalWasm;
      return w && w.memory ? w.memory.buffer.byteLength : NaN;
    });
    return { js: get('JSHeapUsedSize'), nodes: get('Nodes'), wasm };
  };

  await page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption('2592000');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  const clockAtStart = await page.getByTestId('clock').textContent();
  await page.waitForTimeout(WARMUP_SECONDS * 1000);
  const m0 = await heap();
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForTimeout((PLAY_SECONDS - WARMUP_SECONDS) * 1000);
  const t1 = await page.evaluate(() => performance.now());
  const frames = await page.evaluate(([a, b]) => window.__frames.filter((t) => t >= a && t <= b).length, [t0, t1]);
  const stillPlaying = await page.getByRole('button', { name: 'Pause', exact: true }).isVisible();
  const clockAtEnd = await page.getByTestId('clock').textContent();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const m1 = await heap();
  await context.close();

  const fps = frames / ((t1 - t0) / 1000);
  row(`playing at 1 month/s for ${PLAY_SECONDS} s: frame rate`, `${fmt(fps)} fps`, `≥ ${targets.fps} fps`, fps >= targets.fps, `clock ${clockAtStart?.trim()} → ${clockAtEnd?.trim()}`);
  row('  still playing at the end', stillPlaying ? 'yes' : 'no', 'yes', stillPlaying);
  const jsGrowth = m1.js - m0.js;
  const jsOk = m1.js <= m0.js * 1.1 + 512 * 1024;
  row('  JS heap after GC (start → end)', `${fmt(m0.js / 1e6, 2)} → ${fmt(m1.js / 1e6, 2)} MB`, '≤ +10% + 0.5 MB', jsOk, `${jsGrowth >= 0 ? '+' : ''}${fmt(jsGrowth / 1e3, 0)} KB`);
  if (Number.isFinite(m0.wasm)) {
    const wasmOk = m1.wasm <= m0.wasm + 1024 * 1024;
    row('  wasm memory (start → end)', `${fmt(m0.wasm / 1e6, 2)} → ${fmt(m1.wasm / 1e6, 2)} MB`, '≤ +1 MB', wasmOk);
  } else {
    row('  wasm memory', 'not readable', '', null, 'TrunkApplicationStarted gave no wasm exports');
  }
  row('  DOM nodes (start → end)', `${m0.nodes} → ${m1.nodes}`, '', null);
}

// ------------------------------------------------------------------ main

async function main() {
  sizes();
  const { server, url: base } = await startServer(DIST, 0);
  const browser = await chromium.launch(LAUNCH);
  const problems = [];
  try {
    if (part('first-render')) await firstRender(browser, base, problems);
    if (part('updates')) await updates(browser, base, problems);
    if (part('play')) await play(browser, base, problems);
  } finally {
    await browser.close();
    server.close();
  }
  row('console errors, page errors, failed or foreign requests', String(problems.length), '0', problems.length === 0, problems.slice(0, 3).join('; '));

  const w = [0, 0, 0, 0];
  const cells = rows.map((r) => [r.figure, r.value, r.target, r.ok === null ? '' : r.ok ? 'ok' : 'MISSED', r.note]);
  for (const c of cells) for (let i = 0; i < 4; i++) w[i] = Math.max(w[i], c[i].length);
  const head = ['figure', 'measured', 'target', ''];
  for (let i = 0; i < 4; i++) w[i] = Math.max(w[i], head[i].length);
  const line = (c) => c.slice(0, 4).map((x, i) => x.padEnd(w[i])).join('  ') + (c[4] ? `  (${c[4]})` : '');
  console.log(`Renewal Lab performance${QUICK ? ' (quick)' : ''} — ${new Date().toISOString()}, ${DIST}`);
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const c of cells) console.log(line(c));
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ quick: QUICK, rows }, null, 2));
  if (failed) {
    console.error('\nmeasure: a target was missed');
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(`measure: ${err.stack ?? err}`);
  process.exit(1);
});
