import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { backend, guestToken } from './support';

/*
 * Findings are searchable (issue 14, item 5): in the demo portal, searching "docker.sock" finds
 * the services whose compose files or Kubernetes manifests mount the Docker socket, through the
 * search backend's default engine and the scorecard's collator, and a result opens the service's
 * Container Scorecard tab.
 */

const reposDir = join(__dirname, '../../examples/repos');

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The demo services that mount the Docker socket: those with a compose file or Kubernetes
 * manifest naming /var/run/docker.sock (build-agent's DaemonSet and warehouse-dashboard's
 * compose file today), with the title the catalog shows.
 */
function servicesMountingDockerSocket(): string[] {
  return readdirSync(reposDir)
    .filter(service =>
      filesUnder(join(reposDir, service)).some(
        file =>
          /\.ya?ml$/.test(file) &&
          relative(reposDir, file) !== `${service}/catalog-info.yaml` &&
          readFileSync(file, 'utf8').includes('/var/run/docker.sock'),
      ),
    )
    .map(service => {
      const entity = parse(
        readFileSync(join(reposDir, service, 'catalog-info.yaml'), 'utf8'),
      );
      return entity.metadata.title ?? entity.metadata.name;
    })
    .sort();
}

test.describe.configure({ timeout: 480_000 });

test('searching "docker.sock" finds the services that mount it', async ({
  page,
  request,
}) => {
  const expected = servicesMountingDockerSocket();
  expect(expected).toEqual(
    expect.arrayContaining(['Build Agent', 'Warehouse Dashboard']),
  );
  const expectedTitles = expected.map(name => `${name}: container scorecard`);

  // The collator indexes shortly after start-up and then every five minutes (app-config.yaml):
  // wait until the index holds today's documents before searching in the browser.
  const token = await guestToken(request);
  await expect
    .poll(
      async () => {
        const response = await request.get(`${backend}/search/query`, {
          params: { term: 'docker.sock', 'types[0]': 'container-scorecard' },
          headers: { Authorization: `Bearer ${token}` },
        });
        if (!response.ok()) return [];
        const { results } = await response.json();
        return results
          .slice(0, expected.length)
          .map((r: { document: { title: string } }) => r.document.title)
          .sort();
      },
      { timeout: 420_000, intervals: [5_000] },
    )
    .toEqual(expectedTitles);

  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Search' })
    .click();
  await expect(page).toHaveURL(/\/search/);

  // Only the scorecard's documents: the demo adds "Container Scorecard" to the result types.
  await page.getByRole('button', { name: /Container Scorecard/ }).click();
  await page.getByRole('textbox', { name: /search/i }).fill('docker.sock');

  // The exact matches rank first (Lunr also returns near matches such as "dockerignore").
  const results = page.locator(
    'a[href^="/catalog/"][href$="/container-scorecard"]',
  );
  await expect(results.first()).toBeVisible();
  await expect
    .poll(async () =>
      (
        await results.allInnerTexts()
      )
        .slice(0, expected.length)
        .map(text => text.trim())
        .sort(),
    )
    .toEqual(expectedTitles);
  await page.screenshot({
    path: 'artifacts/e2e/search-docker-sock.png',
    fullPage: true,
  });

  // A result opens the service's Container Scorecard tab, where the finding is.
  await results.filter({ hasText: 'Build Agent' }).first().click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/build-agent\/container-scorecard$/,
  );
  await expect(page.getByText(/docker\.sock/).first()).toBeVisible();
});
