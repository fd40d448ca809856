// Issue 3, privacy and safety: the page's Content-Security-Policy allows only the page's own
// resources and what WebAssembly needs. (That no request leaves the origin is asserted for every
// test by the fixtures.)
import { test, expect } from './fixtures';
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
