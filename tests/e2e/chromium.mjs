// How every browser run of the project starts Debian's Chromium (the e2e tests and
// scripts/measure.mjs): headless, and with the background services off, since this machine's
// network is closed to everything but the page's own origin. Browsers are never downloaded.
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
