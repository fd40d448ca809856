// End-to-end tests of the built app (dist/) in Debian's Chromium. Browsers are never downloaded.
// Run via scripts/test.sh (which builds dist/ first) or `npx playwright test` after
// `trunk build --release --offline`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './tests/e2e/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4179);
// The built app to serve (E2E_DIST lets a run use a private copy while dist/ is being rebuilt).
const DIST = process.env.E2E_DIST ?? 'dist';
export const BASE_URL = `http://127.0.0.1:${PORT}/`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  // Two cores shared by everything: at most two browsers at once.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results',
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'off',
    screenshot: 'only-on-failure',
    serviceWorkers: 'block',
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: `node tests/e2e/static-server.mjs ${DIST} ${PORT}`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
