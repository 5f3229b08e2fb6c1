import type { PlaywrightTestConfig } from '@playwright/test';

/**
 * How both Playwright configs (the demo's end-to-end tests and scripts/verify-install.sh's
 * browser check) launch the browser. Browser downloads do not work on our machines, so
 * Playwright drives Debian's Chromium (scripts/ensure-chromium.sh installs it), headless and
 * without the background traffic and sandbox a test run has no use for.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumUse: PlaywrightTestConfig['use'] = {
  launchOptions: {
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};
