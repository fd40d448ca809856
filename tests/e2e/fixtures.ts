// The shared test fixture: every browser context a test uses is watched, and the test FAILS on any
// console error, uncaught page error, failed request (network failure or HTTP status >= 400), or
// any request to another origin than the page's own.
import { test as base, expect, type BrowserContext } from '@playwright/test';

type Watch = (context: BrowserContext) => void;

function watcher(origin: string, problems: string[]): Watch {
  return (context) => {
    context.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`);
    });
    context.on('weberror', (err) => problems.push(`page error: ${err.error().message}`));
    context.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:')) return;
      let reqOrigin: string;
      try {
        reqOrigin = url.startsWith('blob:') ? new URL(url.slice(5)).origin : new URL(url).origin;
      } catch {
        reqOrigin = `unparsable ${url}`;
      }
      if (reqOrigin !== origin) problems.push(`request leaves the origin ${origin}: ${req.method()} ${url}`);
    });
    context.on('requestfailed', (req) => {
      problems.push(`request failed: ${req.method()} ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`);
    });
    context.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.request().method()} ${res.url()}`);
    });
  };
}

export const test = base.extend<{
  /** Opens another watched browser context (fresh storage), closed after the test. */
  freshContext: () => Promise<BrowserContext>;
  problems: string[];
  watch: Watch;
}>({
  problems: async ({}, use) => {
    const problems: string[] = [];
    await use(problems);
    expect(problems, 'console errors, page errors, failed requests or requests leaving the origin').toEqual([]);
  },
  watch: async ({ baseURL, problems }, use) => {
    await use(watcher(new URL(baseURL!).origin, problems));
  },
  context: async ({ context, watch, baseURL }, use) => {
    watch(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await use(context);
  },
  freshContext: async ({ browser, watch, baseURL }, use, testInfo) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      const { viewport } = testInfo.project.use;
      const ctx = await browser.newContext({ baseURL, viewport, serviceWorkers: 'block' });
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
      watch(ctx);
      opened.push(ctx);
      return ctx;
    });
    for (const ctx of opened) await ctx.close();
  },
});

export { expect };
