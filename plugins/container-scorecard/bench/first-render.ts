/*
 * First-render benchmark of the report and team pages with 10,000 services, in headless Debian
 * Chromium. It drives the running demo app (npm start in packages/app and packages/backend) for
 * sign-in and the catalog, and answers the Container Scorecard routes from a synthetic
 * organisation (./syntheticOrganisation.ts) through Playwright's request interception, so the
 * numbers do not depend on what the scanner has stored.
 *
 * Run: npm run bench --workspace @container-scorecard/plugin-container-scorecard
 * Prints, per page, the time from navigation to the first rows on screen: "cold" is a full page
 * load (bundle included), "warm" an in-app navigation once the app is loaded. Target: < 1.5 s.
 */
import { chromium } from 'playwright-core';
import { createSyntheticOrganisation } from './syntheticOrganisation.ts';

const APP = process.env.APP_URL ?? 'http://localhost:3000';
const TARGET_MS = 1500;
const RUNS = Number(process.env.RUNS ?? 3);

const pages = [
  {
    name: 'report (10,000 services, 200 teams)',
    path: '/container-scorecard',
    ready: 'table[aria-label="Teams ranked by score"] tbody tr',
  },
  {
    name: 'team page (team owning all 10,000 services)',
    path: '/container-scorecard/teams?team=group:default/everyone',
    ready: 'table[aria-label="Services of the team"] tbody tr',
  },
];

// The measurements are this script's output, so it writes to stdout directly.
function print(line: string) {
  process.stdout.write(`${line}\n`);
}

async function main() {
  const organisation = createSyntheticOrganisation();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  await page.route('**/api/container-scorecard/**', route => {
    const url = new URL(route.request().url());
    const team = url.pathname.match(/\/teams\/[^/]+\/([^/]+)\/scorecard$/);
    let body: unknown;
    if (team)
      body = organisation.teamScorecard(
        decodeURIComponent(team[1]),
        url.searchParams,
      );
    else if (url.pathname.endsWith('/report'))
      body = organisation.report(url.searchParams);
    else if (url.pathname.endsWith('/health'))
      body = { status: 'ok', database: 'ok' };
    else if (url.pathname.endsWith('/scans/status')) body = { running: false };
    else return route.continue();
    return route.fulfill({ json: body });
  });

  await page.goto(APP);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog' })
    .waitFor();

  const results: Array<{ name: string; cold: number[]; warm: number[] }> = [];
  for (const target of pages) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let start = Date.now();
      await page.goto(`${APP}${target.path}`);
      const enter = page.getByRole('button', { name: 'Enter' });
      if (await enter.isVisible().catch(() => false)) {
        await enter.click();
        start = Date.now();
      }
      await page.locator(target.ready).first().waitFor({ timeout: 60_000 });
      cold.push(Date.now() - start);

      // In-app navigation: leave, then come back through the router as a nav click would.
      await page.evaluate(() => {
        window.history.pushState({}, '', '/catalog');
        window.dispatchEvent(new PopStateEvent('popstate'));
      });
      await page.locator(target.ready).first().waitFor({ state: 'detached' });
      start = Date.now();
      await page.evaluate(path => {
        window.history.pushState({}, '', path);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, target.path);
      await page.locator(target.ready).first().waitFor({ timeout: 60_000 });
      warm.push(Date.now() - start);
    }
    const rows = await page.locator(target.ready).count();
    results.push({ name: `${target.name}, ${rows} rows rendered`, cold, warm });
  }
  await browser.close();

  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  let ok = true;
  for (const result of results) {
    const warm = median(result.warm);
    ok &&= warm < TARGET_MS;
    print(
      `${result.name}: warm median ${warm} ms (${result.warm.join(
        ', ',
      )}), cold median ${median(result.cold)} ms (${result.cold.join(', ')})`,
    );
  }
  print(
    ok
      ? `PASS: every page renders in under ${TARGET_MS} ms`
      : `FAIL: target ${TARGET_MS} ms`,
  );
  process.exitCode = ok ? 0 : 1;
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
