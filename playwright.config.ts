import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumUse } from './test/chromium';

/**
 * Each run starts the demo on databases of its own, so it seeds the demo's past afresh (the report
 * journeys need its movers) and leaves a developer's .demo-data alone. Set here once: the workers
 * load this file again and inherit the variable.
 */
if (!process.env.CONTAINER_SCORECARD_E2E_DATA) {
  process.env.CONTAINER_SCORECARD_E2E_DATA = mkdtempSync(
    join(tmpdir(), 'container-scorecard-e2e-'),
  );
  // globalSetup removes it when the run ends.
  process.env.CONTAINER_SCORECARD_E2E_DATA_TEMPORARY = 'true';
}
const demoData = process.env.CONTAINER_SCORECARD_E2E_DATA;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  outputDir: 'test-results',
  // Waits until the backend has seeded the demo's past and scanned today.
  globalSetup: './test/e2e/globalSetup.ts',

  // Starts the demo portal as the README's start command does (backend, then the app's dev
  // server), unless one is already running.
  webServer: [
    {
      // The backend without `backstage-cli package start`'s file watcher: an edit elsewhere in
      // the checkout must not restart it (and end its scans) in the middle of a run. The demo's
      // image registry is started (or reused) and seeded first, so the first scan finds the
      // example services' images.
      command:
        '../../scripts/demo-registry.sh && node --require @backstage/cli/config/nodeTransform.cjs src/index.ts --config ../../app-config.yaml',
      cwd: 'packages/backend',
      url: 'http://localhost:7007/api/container-scorecard/health',
      env: {
        APP_CONFIG_backend_database_connection_directory: demoData,
        // What `backstage-cli package start` sets; the guest sign-in needs it.
        NODE_ENV: 'development',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: 'npm start --workspace app',
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
    },
  ],

  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    // Debian's Chromium, launched as verify-install's browser check launches it.
    ...chromiumUse,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
