import { APIRequestContext, expect, Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/*
 * What several journeys need: the guest's sign-in, in the browser and for the backend's API, and
 * the demo catalog as the example repositories define it. Not a spec: Playwright's default
 * testMatch (which playwright.config.ts keeps) only collects *.spec.ts and *.test.ts files.
 */

/** The demo backend's API, which the journeys ask directly to wait for scans and read results. */
export const backend = 'http://localhost:7007/api';

/** A guest's Backstage token, so requests to the backend see what the signed-in guest sees. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${backend}/auth/guest/refresh`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()).backstageIdentity.token;
}

/**
 * Signs the guest in and waits for the sidebar: only then is the session stored, so a full page
 * load (page.goto) after this stays signed in.
 */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog' }),
  ).toBeVisible();
}

/**
 * The demo catalog's components, read from examples/repos/<service>/catalog-info.yaml: the name,
 * the entity ref, and the label the catalog table shows (the title when there is one, the name
 * otherwise).
 */
export function demoComponents(): {
  name: string;
  ref: string;
  label: string;
}[] {
  const reposDir = join(__dirname, '../../examples/repos');
  return readdirSync(reposDir).map(service => {
    const entity = parse(
      readFileSync(join(reposDir, service, 'catalog-info.yaml'), 'utf8'),
    );
    return {
      name: entity.metadata.name,
      ref: `component:${entity.metadata.namespace ?? 'default'}/${
        entity.metadata.name
      }`,
      label: entity.metadata.title ?? entity.metadata.name,
    };
  });
}
