// Issue 3, privacy and safety: the page's Content-Security-Policy allows only the page's own
// resources and what WebAssembly needs. (That no request leaves the origin is asserted for every
// test by the fixtures.)
import { test, expect } from './fixtures';
import { createHash } from 'node:crypto';
import { waitForApp } from './lab';

test('the Content-Security-Policy allows only the page itself and WebAssembly compilation', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(content, 'a CSP meta tag').toBeTruthy();
  const policy = new Map(
    content!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources] as const),
  );
  expect(policy.get('default-src')).toEqual(["'none'"]);
  expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  // No other origin anywhere; inline code nowhere (inline style attributes only: the timeline's
  // positions); images also from blob: and data: (the PNG export and the icon).
  for (const [name, sources] of policy) {
    for (const source of sources) {
      const allowed =
        ["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source) ||
        (name === 'img-src' && ['blob:', 'data:'].includes(source)) ||
        (name === 'style-src-attr' && source === "'unsafe-inline'");
      expect(allowed, `${name} ${source}`).toBe(true);
    }
  }
  // The policy is in force: the page's own scripts ran under it, and no inline script exists.
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('the stylesheet, the glue and the WebAssembly are each checked against an integrity hash, without a console warning', async ({ page, request }) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    // (The test fixture blocks service workers; the offline test lets them run.)
    if (message.type() === 'warning' && !message.text().includes('Service Worker registration blocked')) {
      warnings.push(message.text());
    }
  });
  await page.goto('/');
  await waitForApp(page);
  const sha384 = async (path: string) => {
    const body = await (await request.get(path)).body();
    return `sha384-${createHash('sha384').update(body).digest('base64')}`;
  };
  for (const link of await page.locator('link[integrity]').all()) {
    expect(await link.getAttribute('integrity')).toBe(await sha384((await link.getAttribute('href'))!));
  }
  expect(await page.locator('link[rel="stylesheet"][integrity]').count()).toBe(1);
  expect(await page.locator('link[rel="modulepreload"][integrity]').count()).toBe(1);
  // The boot script fetches the WebAssembly itself, with its hash (Chrome ignores one on a
  // fetch preload, and warns).
  const boot = page.locator('script[data-wasm]');
  const wasm = (await boot.getAttribute('data-wasm'))!;
  expect(await boot.getAttribute('data-wasm-integrity')).toBe(await sha384(wasm));
  expect(await page.locator('link[rel="preload"]').count()).toBe(0);
  await page.waitForTimeout(1000);
  expect(warnings).toEqual([]);
});
