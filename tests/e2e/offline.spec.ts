// Works offline: after one visit, the service worker (static/sw.js) serves the page and its files,
// so the app opens, runs and opens a share link with its server gone. The other specs block
// service workers, so that each of them loads the build from the network.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { button, expectedLaneCount, gallery, linkFragment, ROOT, waitForApp } from './lab';

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

/** A static server of its own for `dist` (tests/e2e/static-server.mjs), to stop mid-test. */
async function serve(dist: string): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn('node', [join(ROOT, 'tests/e2e/static-server.mjs'), dist, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ready, fail) => {
    server.stdout!.once('data', () => ready());
    server.once('exit', (code) => fail(new Error(`the static server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, server };
}

test('after one visit the app opens, runs and opens a link with no server', async ({ browser }) => {
  // A copy of the build, so that a "new release" can be made of it.
  const dist = mkdtempSync(join(tmpdir(), 'renewal-lab-offline-'));
  cpSync(join(ROOT, process.env.E2E_DIST ?? 'dist'), dist, { recursive: true });
  const { server, url } = await serve(dist);
  const origin = new URL(url).origin;
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  let offline = false;
  context.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  context.on('weberror', (err) => problems.push(`page error: ${err.error().message}`));
  context.on('request', (req) => {
    if (!req.url().startsWith('data:') && !req.url().startsWith(origin)) problems.push(`request leaves the origin: ${req.url()}`);
  });
  context.on('requestfailed', (req) => {
    // With the server gone, the worker still tries the network for the page first.
    if (!offline) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await waitForApp(page);
    // The worker took control once it had stored the page and every file the page names.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const cached = await page.evaluate(async () => {
      const cache = await caches.open('renewal-lab');
      return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
    });
    // (The boot script names the glue and the WebAssembly it loads in data attributes.)
    const named = await page.evaluate(() =>
      [...document.querySelectorAll('link[href]:not([href^="data:"]), script[src]')]
        .flatMap((el) => [el.getAttribute('href') ?? el.getAttribute('src')!, el.getAttribute('data-js'), el.getAttribute('data-wasm')])
        .filter((path): path is string => path !== null)
        .map((path) => new URL(path, location.href).pathname)
        .concat(['/']),
    );
    expect(cached).toEqual([...new Set(named)].sort());
    expect(cached.some((path) => path.endsWith('.wasm')), 'the WebAssembly is stored').toBe(true);

    // A new release (here: the stylesheet under a new name): online, the page comes from the
    // network, its new file is stored and the old one dropped.
    const css = readdirSync(dist).find((name) => name.endsWith('.css'))!;
    renameSync(join(dist, css), join(dist, 'renewal-lab-next-release.css'));
    const index = join(dist, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').split(css).join('renewal-lab-next-release.css'));
    await page.reload();
    await waitForApp(page);
    await expect(page.locator('link[rel="stylesheet"]')).toHaveAttribute('href', /renewal-lab-next-release\.css$/);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const cache = await caches.open('renewal-lab');
          return (await cache.keys()).map((request) => new URL(request.url).pathname).filter((path) => path.endsWith('.css'));
        }),
      )
      .toEqual(['/renewal-lab-next-release.css']);

    // The server goes away: a reload still opens the app, and it still simulates.
    offline = true;
    await new Promise((gone) => {
      server.once('exit', gone);
      server.kill();
    });
    await page.reload();
    await expect(page.getByTestId('gallery')).toBeVisible({ timeout: 30_000 });
    await page.locator('[data-testid="gallery-item"][data-scenario="auto-renew-low-balance"]').click();
    await expect(page.getByTestId('lane')).toHaveCount(expectedLaneCount(gallery('auto-renew-low-balance')));
    await button(page, 'Next event').click();
    await expect(page.getByTestId('event').first()).toBeVisible();

    // A share link opened offline in a new tab.
    const linked = await context.newPage();
    const scenario = gallery('month-end-expiry');
    await linked.goto(url + linkFragment(scenario));
    await expect(linked.getByTestId('lab')).toBeVisible({ timeout: 30_000 });
    await expect(linked.getByTestId('lane')).toHaveCount(expectedLaneCount(scenario));
    await expect(linked.getByTestId('headline')).toContainText(scenario.name);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    if (server.exitCode === null) server.kill();
    rmSync(dist, { recursive: true, force: true });
  }
});
