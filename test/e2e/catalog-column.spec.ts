import { APIRequestContext, expect, test } from '@playwright/test';
import { backend, demoComponents, guestToken } from './support';

/*
 * The demo's catalog table carries the Container Scorecard column (issue 14, item 5): every
 * demo service's row shows the grade and score the backend holds for it, or what stands in for
 * them, and the grade is the one its entity page shows.
 */

/** What a cell says for a service without a score (the plugin's STATUS_LABELS). */
const STATUS_TEXT: Record<string, string> = {
  'could-not-analyse': 'Could not analyse',
  'no-definitions': 'No container definitions',
  'not-scanned': 'not scanned',
};

interface Summary {
  entityRef: string;
  status: string;
  grade?: string;
  score?: number;
}

/** The backend's summaries of the services, as the guest may read them. */
async function summaries(
  request: APIRequestContext,
  refs: string[],
): Promise<Map<string, Summary>> {
  const token = await guestToken(request);
  const response = await request.get(
    `${backend}/container-scorecard/entities/summaries`,
    {
      params: { refs: refs.join(',') },
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  expect(response.ok()).toBeTruthy();
  const { items } = (await response.json()) as { items: Summary[] };
  return new Map(items.map(item => [item.entityRef, item]));
}

/** The text a cell shows: the grade letter then the rounded score, or the status. */
function expectedCell(summary: Summary | undefined): RegExp {
  if (summary?.grade && summary.score !== undefined) {
    return new RegExp(`^${summary.grade}\\s*${Math.round(summary.score)}$`);
  }
  return new RegExp(`^${STATUS_TEXT[summary?.status ?? 'not-scanned']}$`);
}

test.describe.configure({ timeout: 180_000 });

test('the catalog table shows each service’s container grade and score', async ({
  page,
  request,
}) => {
  const components = demoComponents();
  const byRef = await summaries(
    request,
    components.map(c => c.ref),
  );
  // The awful example stays awful whatever else changes in the examples.
  expect(byRef.get('component:default/legacy-billing-portal')).toMatchObject({
    status: 'analysed',
    grade: 'F',
  });
  const graded = components.filter(c => byRef.get(c.ref)?.grade);
  expect(graded.length).toBeGreaterThanOrEqual(10);

  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('columnheader', { name: 'Container score' }),
  ).toBeVisible();
  // Right after the name, the default columns after it. (Text content: the headers are only
  // upper-cased by CSS.)
  const titles = (await page.getByRole('columnheader').allTextContents()).map(
    t => t.trim(),
  );
  expect(titles.slice(0, 2)).toEqual(['Name', 'Container score']);
  expect(titles).toEqual(
    expect.arrayContaining(['System', 'Owner', 'Type', 'Lifecycle', 'Tags']),
  );
  const column = 1;

  // The guest's catalog opens on the components Route Planning owns; every demo service is
  // under All. Retried as a whole: the dev server may reload the page while other files change.
  await expect(async () => {
    await page.getByRole('menuitem', { name: /^All\b/ }).click();
    await expect(
      page.getByText(`All Components (${components.length})`),
    ).toBeVisible({ timeout: 15_000 });
    for (const { ref, label } of components) {
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: label, exact: true }) });
      await expect(row.getByRole('cell').nth(column)).toHaveText(
        expectedCell(byRef.get(ref)),
        { timeout: 15_000 },
      );
    }
    await expect(
      page
        .getByRole('row')
        .filter({
          has: page.getByRole('link', {
            name: 'Legacy Billing Portal',
            exact: true,
          }),
        })
        .getByLabel('grade F'),
    ).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 90_000 });
  // The viewport only: a full-page screenshot resizes the page, which renders the catalog
  // afresh (its cells loading again, its user filter back on "Owned").
  await page.screenshot({ path: 'artifacts/e2e/catalog-grade-column.png' });

  // The grade in the row is the one the service's own page shows.
  await page
    .getByRole('link', { name: 'Legacy Billing Portal', exact: true })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/legacy-billing-portal$/,
  );
  const card = page
    .locator('article, .MuiCard-root')
    .filter({ has: page.getByText('Container Scorecard', { exact: true }) })
    .first();
  await expect(card.getByLabel('grade F').first()).toBeVisible();
});
