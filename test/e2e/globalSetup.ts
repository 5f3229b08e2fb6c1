import { APIRequestContext, request } from '@playwright/test';
import { rmSync } from 'node:fs';
import { backend } from './support';

const app = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';
const DEADLINE_MS = 240_000;

/**
 * The demo's first scan seeds its past (seven earlier revisions of the example repositories) and
 * then scans today: the journeys wait for that once, here, instead of each test finding the
 * seeded results of 7 days ago and taking them for today's.
 */
export default async function waitForTodaysScan() {
  const api = await request.newContext();
  try {
    const deadline = Date.now() + DEADLINE_MS;
    // The app's dev server answers its first page once the bundle is built: minutes on a busy
    // machine, which the first journey's page load must not spend.
    await api.get(app, { timeout: DEADLINE_MS });
    let status: any;
    for (;;) {
      status = await scanStatus(api).catch(error => ({ error: String(error) }));
      // Seeding records no runs: the first finished run is today's scan.
      if (status?.lastRun?.finishedAt && !status.running)
        return removeTemporaryData;
      if (Date.now() > deadline) {
        throw new Error(
          `The demo backend has not finished its first scan after ${
            DEADLINE_MS / 1000
          } s: ${JSON.stringify(status)}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 2_000));
    }
  } finally {
    await api.dispose();
  }
}

async function scanStatus(api: APIRequestContext) {
  const refresh = await api.get(`${backend}/auth/guest/refresh`);
  if (!refresh.ok()) return { error: `sign-in answered ${refresh.status()}` };
  const token = (await refresh.json()).backstageIdentity.token;
  const response = await api.get(
    `${backend}/container-scorecard/scans/status`,
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  return response.ok()
    ? response.json()
    : { error: `scans/status answered ${response.status()}` };
}

/** The teardown: the run's own databases (playwright.config.ts made them) go with it. */
function removeTemporaryData() {
  const directory = process.env.CONTAINER_SCORECARD_E2E_DATA;
  if (directory && process.env.CONTAINER_SCORECARD_E2E_DATA_TEMPORARY) {
    rmSync(directory, { recursive: true, force: true });
  }
}
