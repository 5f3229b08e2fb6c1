import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { chromiumUse } from '../chromium';

/**
 * The browser check of scripts/verify-install.sh: a stock Backstage app, made by create-app and
 * given the packed plugins as their READMEs say, is already running (the script starts it and
 * stops it); this only drives Debian's Chromium (test/chromium.ts) against it.
 */
const artifacts =
  process.env.VERIFY_INSTALL_ARTIFACTS ??
  join(__dirname, '../../artifacts/verify-install');

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 300_000,
  expect: { timeout: 60_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: `${artifacts}/results`,
  use: {
    baseURL: process.env.VERIFY_INSTALL_APP_URL ?? 'http://localhost:3100',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    ...chromiumUse,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
