import {
  APIRequestContext,
  expect,
  Locator,
  Page,
  test,
} from '@playwright/test';

/*
 * What a platform team sees after following the package READMEs in a stock app: the entity card,
 * the entity tab and the organisation report show the score and grade the backend computed from
 * the example repository. Expected values are read from the app's own backend, so a placeholder,
 * a spinner or an error panel cannot pass.
 */

const backend =
  process.env.VERIFY_INSTALL_BACKEND_URL ?? 'http://localhost:7107';
// An example service with a score between the extremes (72, grade C with today's rules).
const service = process.env.VERIFY_INSTALL_SERVICE ?? 'checkout-api';
const artifacts =
  process.env.VERIFY_INSTALL_ARTIFACTS ?? 'artifacts/verify-install';

interface Scored {
  status: string;
  score?: number;
  grade?: string;
  files?: Array<{ path: string }>;
}

async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${backend}/api/auth/guest/refresh`);
  expect(response.ok(), 'guest sign-in of the stock app').toBeTruthy();
  return (await response.json()).backstageIdentity.token;
}

async function getJson<T>(
  request: APIRequestContext,
  path: string,
  token: string,
): Promise<{ status: number; body?: T }> {
  const response = await request.get(
    `${backend}/api/container-scorecard${path}`,
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  return {
    status: response.status(),
    body: response.ok() ? ((await response.json()) as T) : undefined,
  };
}

/** The first scan starts 10 s after start-up and waits for the catalog to ingest the examples. */
async function waitForScore(
  request: APIRequestContext,
  token: string,
): Promise<Required<Scored>> {
  let last: Scored | undefined;
  await expect
    .poll(
      async () => {
        const { body } = await getJson<Scored>(
          request,
          `/entities/component/default/${service}/scorecard`,
          token,
        );
        last = body;
        return body?.status ?? 'unavailable';
      },
      { timeout: 240_000, intervals: [2_000] },
    )
    .not.toMatch(/^(unavailable|not-scanned)$/);
  expect(last?.status, `scan of ${service}: ${JSON.stringify(last)}`).toBe(
    'analysed',
  );
  expect(typeof last?.score).toBe('number');
  expect(last?.grade).toMatch(/^[A-F]$/);
  return last as Required<Scored>;
}

async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  const catalog = page.getByRole('link', { name: 'Catalog' }).first();
  // The stock app asks who signs in (guest), unless a session is already there. The first page
  // waits for the dev server's bundle.
  await expect(enter.or(catalog).first()).toBeVisible({ timeout: 180_000 });
  if (await enter.isVisible()) await enter.click();
  await expect(catalog).toBeVisible();
}

/** A score as the plugin prints it (0–100, whole numbers). */
const shown = (score: number) => String(Math.round(score));

/** The grade badge and the score, printed alone or as "72 / 100". */
async function expectScore(
  scope: Locator,
  scored: { score: number; grade: string },
) {
  await expect(scope.getByLabel(`grade ${scored.grade}`).first()).toBeVisible();
  await expect(
    scope
      .getByText(new RegExp(`^${shown(scored.score)}(\\s*/\\s*100)?$`))
      .first(),
  ).toBeVisible();
}

test('the card, the tab and the report show the scan of an example service', async ({
  page,
  request,
}) => {
  const token = await guestToken(request);
  const scored = await waitForScore(request, token);
  await signIn(page);

  await test.step('entity card on the overview', async () => {
    await page.goto(`/catalog/default/component/${service}`);
    const card = page
      .locator('article, .MuiCard-root')
      .filter({ has: page.getByText('Container Scorecard', { exact: true }) })
      .first();
    await expect(card).toBeVisible();
    await expect(
      card.getByLabel(`grade ${scored.grade}`).first(),
    ).toBeVisible();
    // Backstage's Gauge prints the number over its ring.
    await expect(card.getByTestId('score-gauge')).toContainText(
      new RegExp(`(^|\\D)${shown(scored.score)}(\\D|$)`),
    );
    await page.screenshot({
      path: `${artifacts}/entity-card.png`,
      fullPage: true,
    });
  });

  await test.step('entity tab', async () => {
    await page.goto(
      `/catalog/default/component/${service}/container-scorecard`,
    );
    const overall = page
      .locator('article, .MuiCard-root')
      .filter({ has: page.getByRole('heading', { name: 'Overall' }) })
      .first();
    await expect(overall).toBeVisible();
    await expectScore(overall, scored);
    // Findings come from the example repository's files, named by path.
    expect(scored.files?.length).toBeGreaterThan(0);
    await expect(
      page
        .getByRole('heading', { name: scored.files[0].path, exact: true })
        .first(),
    ).toBeVisible();
    await page.screenshot({
      path: `${artifacts}/entity-tab.png`,
      fullPage: true,
    });
  });

  await test.step('organisation report page', async () => {
    const report = await getJson<Required<Scored>>(request, '/report', token);
    expect(report.status).toBe(200);
    expect(typeof report.body?.score, JSON.stringify(report.body)).toBe(
      'number',
    );
    await page.goto('/container-scorecard');
    const organisation = page
      .locator('article, .MuiCard-root')
      .filter({
        has: page.getByRole('heading', { name: 'Organisation', exact: true }),
      })
      .first();
    await expect(organisation).toBeVisible();
    await expectScore(organisation, report.body!);
    await expect(
      page.getByRole('table', { name: 'Teams ranked by score' }),
    ).toContainText(/checkout/i);
    await page.screenshot({ path: `${artifacts}/report.png`, fullPage: true });
  });
});
