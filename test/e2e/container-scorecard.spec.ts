import { APIRequestContext, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { backend, guestToken, signIn } from './support';

/*
 * The three journeys of issue 5 against the running demo portal and its real backend: a service
 * owner reads the findings of a service, a team lead filters the team scorecard, a manager opens
 * the organisation report and exports it. Each view is saved under artifacts/e2e/ (git-ignored).
 */

/**
 * The scanner starts ten seconds after the backend and the catalog needs a moment to ingest the
 * demo, so wait until the entity has been analysed before opening the UI.
 */
async function waitForScan(
  request: APIRequestContext,
  name: string,
): Promise<{ status: string; grade?: string }> {
  const token = await guestToken(request);
  let scorecard: { status: string; grade?: string } = {
    status: 'unavailable',
  };
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `${backend}/container-scorecard/entities/component/default/${name}/scorecard`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        if (response.ok()) scorecard = await response.json();
        return scorecard.status;
      },
      { timeout: 110_000, intervals: [2_000] },
    )
    .not.toMatch(/^(unavailable|not-scanned)$/);
  return scorecard;
}

test.describe.configure({ timeout: 180_000 });

test('a service owner opens a service and sees its findings', async ({
  page,
  request,
}) => {
  await waitForScan(request, 'legacy-billing-portal');
  await signIn(page);
  await page.goto('/catalog/default/component/legacy-billing-portal');

  const card = page
    .locator('article, .MuiCard-root')
    .filter({ has: page.getByText('Container Scorecard', { exact: true }) })
    .first();
  await expect(card.getByLabel(/^grade [A-F]$/).first()).toBeVisible();
  await expect(
    card.getByRole('list', { name: 'Open findings by severity' }),
  ).toContainText('critical');
  await page.screenshot({
    path: 'artifacts/e2e/entity-card.png',
    fullPage: true,
  });

  await card.getByRole('link', { name: /View findings and fixes/ }).click();
  await expect(page).toHaveURL(/legacy-billing-portal\/container-scorecard$/);
  await expect(
    page.getByRole('heading', { name: 'Dockerfile', exact: true }),
  ).toBeVisible();
  await expect(page.getByTestId('remediation-summary')).toContainText(
    /open findings in \d+ files/,
  );
  // Findings are grouped by rule; the most severe groups are open, the rest collapsed.
  const openGroup = page.locator('details[open]').first();
  await expect(openGroup.locator('summary')).toContainText('Critical');
  const finding = openGroup.getByRole('article').first();
  await expect(
    finding.getByLabel(/^Offending text at [^:]+:\d+$/),
  ).toBeVisible();
  await expect(
    openGroup.getByText('Why it matters', { exact: true }),
  ).toBeVisible();
  await expect(finding.getByLabel(/^Costs [\d.]+ points?$/)).toBeVisible();
  await expect(
    page.getByRole('heading', { name: /^Suppressed findings \(\d+\)$/ }),
  ).toBeVisible();
  await page.screenshot({
    path: 'artifacts/e2e/remediation.png',
    fullPage: true,
  });
});

test('a team lead applies the filters on the team scorecard', async ({
  page,
  request,
}) => {
  const buildAgent = await waitForScan(request, 'build-agent');
  await waitForScan(request, 'metrics-gateway');
  await signIn(page);
  // platform-infra owns build-agent, and metrics-gateway through its sub-team observability.
  await page.goto('/catalog/default/group/platform-infra/container-scorecard');

  const table = page.getByRole('table', { name: 'Services of the team' });
  const serviceLink = (name: string) =>
    table.locator(`a[href*="/component/${name}/"]`);
  await expect(serviceLink('build-agent')).toBeVisible();
  await expect(serviceLink('metrics-gateway')).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Team score trend/ }),
  ).toBeVisible();

  const search = page.getByRole('textbox', { name: 'Search services' });
  const filtered = page.waitForRequest(
    r =>
      r.url().includes('/teams/default/platform-infra/') &&
      r.url().includes('q=metrics'),
  );
  await search.fill('metrics');
  await filtered;
  await expect(serviceLink('build-agent')).toHaveCount(0);
  await expect(serviceLink('metrics-gateway')).toBeVisible();
  await page.screenshot({
    path: 'artifacts/e2e/team-filtered.png',
    fullPage: true,
  });

  await search.fill('');
  await expect(serviceLink('build-agent')).toBeVisible();
  // Filter on a grade the awful build agent does not have, on the whole organisation's group
  // (platform-infra's two services may share a grade: which grades exist depends on the
  // ruleset, so they are read from the backend rather than assumed).
  const token = await guestToken(request);
  const teamResponse = await request.get(
    `${backend}/container-scorecard/teams/default/northwind-logistics/scorecard?limit=100`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  const services: { entityRef: string; grade?: string }[] = (
    await teamResponse.json()
  ).services.items;
  const other = services.find(s => s.grade && s.grade !== buildAgent.grade);
  expect(other).toBeDefined();
  const grade = other!.grade!;
  const withGrade = services.filter(s => s.grade === grade);
  await page.goto(
    '/catalog/default/group/northwind-logistics/container-scorecard',
  );
  await expect(serviceLink('build-agent')).toBeVisible();
  const gradeFiltered = page.waitForResponse(
    r =>
      r.url().includes('/teams/default/northwind-logistics/') &&
      r.url().includes(`grade=${grade}`),
  );
  await page.getByRole('checkbox', { name: grade, exact: true }).check();
  await gradeFiltered;
  await expect(serviceLink('build-agent')).toHaveCount(0);
  await expect(
    serviceLink(other!.entityRef.replace(/^.*\//, '')),
  ).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(withGrade.length);
  await expect(
    table.locator('tbody tr').first().getByLabel(`grade ${grade}`),
  ).toBeVisible();
  // The filter is in the URL: reopened, the list is the same.
  await expect(page).toHaveURL(new RegExp(`[?&]grade=${grade}(&|$)`));
  await page.reload();
  await expect(table.locator('tbody tr')).toHaveCount(withGrade.length);
  await expect(
    page.getByRole('checkbox', { name: grade, exact: true }),
  ).toBeChecked();

  await page.getByRole('checkbox', { name: grade, exact: true }).uncheck();
  await expect(serviceLink('build-agent')).toBeVisible();
  await page.getByRole('button', { name: 'Score' }).click();
  await expect(
    page.getByRole('columnheader', { name: /Score/ }),
  ).toHaveAttribute('aria-sort', /ascending|descending/);
  await page.screenshot({
    path: 'artifacts/e2e/team.png',
    fullPage: true,
  });
});

test('a manager opens the report and exports it as CSV', async ({
  page,
  request,
}) => {
  await waitForScan(request, 'legacy-billing-portal');
  await signIn(page);
  await page.goto('/container-scorecard');

  await expect(
    page.getByRole('heading', { name: 'Organisation report' }),
  ).toBeVisible();
  const teams = page.getByRole('table', { name: 'Teams ranked by score' });
  await expect(teams).toBeVisible();
  await expect(teams.getByRole('link').first()).toBeVisible();
  await expect(page.getByText(/of \d+ services analysed/)).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Top rules by points lost' }),
  ).toBeVisible();
  await expect(page.getByText('Scanner backend: healthy')).toBeVisible();
  await page.screenshot({
    path: 'artifacts/e2e/report.png',
    fullPage: true,
  });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^container-scorecard-organisation-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = readFileSync((await file.path())!, 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines.length).toBeGreaterThan(10);
  expect(csv).toContain('legacy-billing-portal');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeHidden();
  // The report itself must survive the print stylesheet.
  await expect(teams).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Teams ranked' }),
  ).toBeVisible();
  await page.screenshot({
    path: 'artifacts/e2e/report-print.png',
    fullPage: true,
  });
});

test('the rule catalogue explains every rule', async ({ page }) => {
  await signIn(page);
  await page.goto('/container-scorecard/rules');
  await expect(page.getByText(/^Ruleset .+, \d+ rules$/)).toBeVisible();
  await expect(page.getByText('Why it matters').first()).toBeVisible();
  await expect(
    page.getByText('Equivalents in other tools').first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'artifacts/e2e/rules.png',
    fullPage: true,
  });
});
