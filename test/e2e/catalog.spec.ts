import { expect, test } from '@playwright/test';
import { demoComponents } from './support';

test('a guest signs in and sees every demo service in the catalog', async ({
  page,
}) => {
  const components = demoComponents();
  expect(components.length).toBeGreaterThanOrEqual(10);

  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Catalog' })).toBeVisible();
  // The guest signs in as a member of Route Planning, so the catalog opens on the components
  // that team owns; the organisation-wide list is one click away.
  await page.getByRole('menuitem', { name: /^All\b/ }).click();
  await expect(
    page.getByText(`All Components (${components.length})`),
  ).toBeVisible();

  for (const { label } of components) {
    await expect(
      page.getByRole('link', { name: label, exact: true }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: 'artifacts/e2e/catalog.png',
    fullPage: true,
  });
});

test('the Container Scorecard page reaches a healthy backend', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // Navigate inside the app, as a user would: a full page load right after signing in can race
  // the guest session being stored.
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Container report' })
    .click();
  await expect(page).toHaveURL(/\/container-scorecard$/);
  await expect(page.getByText('Scanner backend: healthy')).toBeVisible();
});
