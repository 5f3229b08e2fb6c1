import { expect, test } from '@playwright/test';
import { signIn } from './support';

/*
 * Issue 12, item 6: the demo has a past. Its first start scanned seven earlier revisions of the
 * example repositories (examples/history) with their dates, so a manager sees 90 days of trend,
 * real movers, a team improving and one regressing, and a waiver with its reason and last day.
 * Also the leftovers: a score of 100 inside its gauge, and page titles that link to their page.
 */

test.describe.configure({ timeout: 180_000 });

const day = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

test('a manager sees 90 days of history: the trend, the movers and the teams that moved', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/container-scorecard');

  // The trend starts on the oldest revision's day and ends today.
  await expect(
    page.getByRole('img', { name: /^Organisation score trend\./ }),
  ).toHaveAccessibleName(new RegExp(`on ${day(90)} to \\d+ on ${day(0)}$`));

  const improved = page.getByRole('table', { name: 'Most improved services' });
  await expect(improved).toContainText('Checkout API');
  await expect(improved).toContainText('Rate Quote Service');
  const regressed = page.getByRole('table', {
    name: 'Most regressed services',
  });
  await expect(regressed).toContainText('Route Optimizer');

  const teams = page.getByRole('table', { name: 'Teams ranked by score' });
  await expect(
    teams.getByRole('row', { name: /Checkout/ }).getByLabel(/^up \d+ points$/),
  ).toBeVisible();
  await expect(
    teams
      .getByRole('row', { name: /Route Planning/ })
      .getByLabel(/^down \d+ points$/),
  ).toBeVisible();
  await page.screenshot({
    path: 'artifacts/e2e/report-history.png',
    fullPage: true,
  });

  // This week's movers are this week's changes: route-optimizer's world-writable cache folder.
  await page.goto('/container-scorecard?period=7');
  await expect(
    page.getByRole('table', { name: 'Most regressed services' }),
  ).toContainText('Route Optimizer');
});

test('a team lead sees the team slip over the quarter', async ({ page }) => {
  await signIn(page);
  await page.goto(
    `/container-scorecard/teams?team=${encodeURIComponent(
      'group:default/route-planning',
    )}`,
  );
  const trend = page.getByRole('img', { name: /score trend\./ });
  await expect(trend).toHaveAccessibleName(
    new RegExp(`from (\\d+) on ${day(90)} to (\\d+) on ${day(0)}$`),
  );
  const [, from, to] = (await trend.getAttribute('aria-label'))!.match(
    /from (\d+) on .* to (\d+) on/,
  )!;
  expect(Number(to)).toBeLessThan(Number(from));
  await page.screenshot({
    path: 'artifacts/e2e/team-history.png',
    fullPage: true,
  });
});

test('a service owner sees a waived finding with its reason and its last day', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(
    '/catalog/default/component/label-printer-service/container-scorecard',
  );
  const waived = page.getByRole('table', { name: 'Suppressed findings' });
  const row = waived.getByRole('row', {
    name: /compiled-stack-without-multi-stage/,
  });
  await expect(row).toContainText('Inline comment');
  await expect(row).toContainText('built and tested by the Maven pipeline');
  await expect(row).toContainText('2027-06-30');
  await waived.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: 'artifacts/e2e/waived-finding.png',
    fullPage: true,
  });
});

test('a perfect score of 100 sits inside its gauge', async ({ page }) => {
  await signIn(page);
  await page.goto('/catalog/default/component/shipment-tracker-api');
  const gauge = page.getByTestId('score-gauge');
  const number = gauge.getByText('100', { exact: true });
  // Backstage's gauge sets line-height 0, so the number's box has no height: measure the glyphs.
  await expect(number).toHaveCount(1);
  const ring = (await gauge.locator('svg').boundingBox())!;
  const text = await number.evaluate(element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const box = range.getBoundingClientRect();
    return { x: box.x, width: box.width };
  });
  expect(text.width).toBeGreaterThan(0);
  // The hole of the ring: its stroke is 12% of the ring's width on each side.
  const stroke = ring.width * 0.12;
  expect(text.x).toBeGreaterThanOrEqual(ring.x + stroke);
  expect(text.x + text.width).toBeLessThanOrEqual(ring.x + ring.width - stroke);
  await gauge.screenshot({ path: 'artifacts/e2e/gauge-100.png' });
});

for (const [path, title] of [
  ['/container-scorecard', 'Container report'],
  ['/container-scorecard/teams', 'Team scores'],
  ['/container-scorecard/rules', 'Container rules'],
]) {
  test(`the "${title}" page title links to its own page`, async ({ page }) => {
    await signIn(page);
    await page.goto(path);
    // The app's page header shows the title as a heading and links it in the breadcrumbs.
    await expect(
      page.getByRole('heading', { level: 1, name: title }),
    ).toBeVisible();
    const link = page
      .getByRole('navigation', { name: 'Breadcrumbs' })
      .getByRole('link', { name: title });
    await expect(link).toHaveAttribute('href', path);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  });
}
