import {
  APIRequestContext,
  expect,
  Locator,
  Page,
  test,
} from '@playwright/test';
import { readFileSync } from 'node:fs';
import { backend, guestToken, signIn } from './support';

/*
 * Issue 15 through the demo portal: the images the demo registry holds behind the example
 * services (scripts/demo-registry.sh seeds them; docs/images.md, "Demo"), read by the backend's
 * scans and shown in each service's Images section. legacy-billing-portal's image runs as root,
 * is old and unsigned, and its findings link to the image rules' pages; shipment-tracker-api's is
 * signed and has no findings. The texts are those of EntityImagesCard and ImageRows.
 */

/** The image an example service names in its container-scorecard.io/images annotation. */
function annotatedImage(service: string): string {
  const catalogInfo = readFileSync(
    `examples/repos/${service}/catalog-info.yaml`,
    'utf8',
  );
  const match = /container-scorecard\.io\/images:\s*(\S+)/.exec(catalogInfo);
  if (!match) throw new Error(`${service} names no image in its annotation`);
  return match[1];
}

/** The columns of the Images table, in ImageRows' order. */
const COLUMNS = [
  'Image',
  'Digest',
  'Platforms',
  'Age',
  'Size',
  'Layers',
  'User',
  'Signed',
  'Score',
] as const;

/**
 * Waits until a scan has read the service's image from the demo registry. A failed inspection
 * ends the wait at once with the reason the backend gives: the registry is down or unseeded.
 */
async function waitForImage(
  request: APIRequestContext,
  service: string,
  reference: string,
) {
  const token = await guestToken(request);
  let seen = 'no scorecard yet';
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `${backend}/container-scorecard/entities/component/default/${service}/scorecard`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        if (!response.ok()) return (seen = `answered ${response.status()}`);
        const scorecard = await response.json();
        if (!scorecard.images) return (seen = 'no images (inspection off?)');
        const image = scorecard.images.results.find(
          (r: { reference: string }) => r.reference === reference,
        );
        seen = image
          ? `${image.status}${image.reason ? `: ${image.reason}` : ''}`
          : `${reference} not among the results`;
        return seen;
      },
      { timeout: 110_000, intervals: [2_000], message: `${reference}` },
    )
    .toMatch(/^(inspected|failed)/);
  expect(seen, `${service}'s image ${reference}`).toBe('inspected');
}

/** The Images section of a service's Container Scorecard tab, with its table's header checked. */
async function openImages(page: Page, service: string) {
  await page.goto(`/catalog/default/component/${service}/container-scorecard`);
  await expect(
    page.getByRole('heading', { name: 'Images', level: 2, exact: true }),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Images of this service' });
  await expect(table.getByRole('columnheader')).toHaveText([...COLUMNS]);
  return table;
}

/** An image's row (reference, then one cell per column) and the row under it (usage, findings). */
function imageRows(table: Locator, reference: string) {
  const row = table.getByTestId('image-row').filter({
    // MUI v4 gives its <th scope="row"> the role "cell", so the reference is found as a cell.
    has: table.page().getByRole('cell', { name: reference, exact: true }),
  });
  const cell = (column: (typeof COLUMNS)[number]) =>
    row.locator('th, td').nth(COLUMNS.indexOf(column));
  const details = row.locator('xpath=following-sibling::tr[1]');
  return { row, cell, details };
}

test.describe.configure({ timeout: 180_000 });

test('legacy-billing-portal: its image runs as root, is old, and its findings link to their rules', async ({
  page,
  request,
}) => {
  const service = 'legacy-billing-portal';
  const reference = annotatedImage(service);
  await waitForImage(request, service, reference);
  await signIn(page);

  const table = await openImages(page, service);
  const { row, cell, details } = imageRows(table, reference);
  await expect(row).toHaveCount(1);
  await expect(cell('Digest')).toContainText(/sha256:[0-9a-f]{12}/);
  await expect(cell('Platforms')).toHaveText('linux/amd64');
  // Built on 2024-10-15 (demoImages.ts), long past image-too-old's 90 days.
  await expect(cell('Age')).toHaveText(/^\d+ days$/);
  const days = Number((await cell('Age').innerText()).split(' ')[0]);
  expect(days).toBeGreaterThan(90);
  // The image config sets no User: the process runs as root.
  await expect(cell('User')).toHaveText('root (no User set)');
  await expect(cell('Signed')).toHaveText('No');
  await expect(cell('Score')).toHaveText(/^[A-F]\s*\d+$/);
  await expect(details).toContainText(
    'Used by the container-scorecard.io/images annotation',
  );

  const findings = page.getByRole('region', {
    name: `Findings for the image ${reference}`,
  });
  const root = findings.getByRole('group', {
    name: 'Image runs as root: 1 finding',
  });
  await expect(root).toHaveAttribute('open', '');
  await expect(
    root.getByText(
      'The image config sets no User, so its process runs as root.',
    ),
  ).toBeVisible();
  await expect(root.getByLabel(`Image config of ${reference}`)).toContainText(
    'User: ""',
  );
  await expect(
    findings.getByRole('group', { name: 'Image is old: 1 finding' }),
  ).toBeVisible();
  await page.screenshot({
    path: 'artifacts/e2e/images-legacy-billing-portal.png',
    fullPage: true,
  });

  // The rule id links to the rule's entry in the rule catalogue, which opens outlined.
  await root
    .getByRole('link', {
      name: 'Rule image-runs-as-root in the rule catalogue',
    })
    .click();
  await expect(page).toHaveURL(
    /\/container-scorecard\/rules\?rule=image-runs-as-root#image-runs-as-root$/,
  );
  const rule = page.getByRole('region', { name: 'Image runs as root' });
  await expect(rule).toHaveAttribute('aria-current', 'true');
  await expect(rule.getByText('Image', { exact: true })).toBeVisible();
  await expect(
    rule.getByText('The image config runs its process as root.'),
  ).toBeVisible();
  await expect(
    rule.getByLabel('image-runs-as-root example after'),
  ).toContainText('USER 10001');
  await page.screenshot({
    path: 'artifacts/e2e/images-rule-page.png',
    fullPage: true,
  });
});

test('shipment-tracker-api: its image is signed and has no image findings', async ({
  page,
  request,
}) => {
  const service = 'shipment-tracker-api';
  const reference = annotatedImage(service);
  await waitForImage(request, service, reference);
  await signIn(page);

  const table = await openImages(page, service);
  const { row, cell, details } = imageRows(table, reference);
  await expect(row).toHaveCount(1);
  await expect(cell('Signed')).toHaveText('Yes');
  await expect(cell('User')).toHaveText('65532:65532');
  await expect(cell('Age')).toHaveText(/^\d+ days?$/);
  await expect(cell('Score')).toHaveText(/^A\s*100$/);
  await expect(details).toContainText('No findings for this image.');
  await expect(
    page.getByRole('region', { name: `Findings for the image ${reference}` }),
  ).toHaveCount(0);
  await expect(
    page.getByText(/^\d+ images? inspected.*; 0 image findings\.$/),
  ).toBeVisible();
});
