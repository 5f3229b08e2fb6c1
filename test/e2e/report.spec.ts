import { expect, Page, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { inflateSync, constants } from 'node:zlib';

/*
 * Issue 12's manager journey: a report scoped to a department shared by URL, its CSV exports
 * named after the scope, its top rules leading to the services failing them, read on a 390 px
 * phone without sideways scrolling, and printed to PDF with the scope on it.
 */

test.describe.configure({ timeout: 180_000 });

// On a phone the sidebar folds away, so a finished sign-in shows as the sign-in page going.
async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  await expect(enter).toBeHidden();
}

/**
 * The pages of a PDF Chromium printed, in order, each with whether its content stream draws any
 * text: enough to tell a blank or decoration-only last page from one that carries the report.
 */
function pdfPages(pdf: Buffer): { drawsText: boolean }[] {
  const text = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const match of text.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    objects.set(match[1], match[2]);
  }
  const tree = [...objects.values()].find(body =>
    /\/Type\s*\/Pages\b/.test(body),
  )!;
  const kids = [
    ...tree.match(/\/Kids\s*\[([^\]]*)\]/)![1].matchAll(/(\d+) 0 R/g),
  ].map(m => m[1]);
  return kids.map(kid => {
    const page = objects.get(kid)!;
    const refs = [
      ...(page.match(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? '').matchAll(
        /(\d+) 0 R/g,
      ),
    ].map(m => m[1]);
    const drawn = refs
      .map(ref => {
        const body = objects.get(ref) ?? '';
        const data =
          body.match(/stream\r?\n([\s\S]*?)\r?\nendstream/)?.[1] ?? '';
        const bytes = Buffer.from(data, 'latin1');
        return /FlateDecode/.test(body)
          ? inflateSync(bytes, {
              finishFlush: constants.Z_SYNC_FLUSH,
            }).toString('latin1')
          : data;
      })
      .join('\n');
    return { drawsText: /\bT[jJ]\b/.test(drawn) };
  });
}

const scoped = `/container-scorecard?period=30&scope=${encodeURIComponent(
  'group:default/commerce',
)}`;

test('a manager opens a department report from a shared URL, exports it and follows a rule to the services failing it', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(scoped);
  await expect(
    page.getByRole('heading', { name: 'Commerce report' }),
  ).toBeVisible();
  await expect(
    page.getByText('Container Scorecard, last 30 days'),
  ).toBeVisible();
  const rules = page.getByRole('table', { name: 'Top rules by points lost' });
  await expect(rules.locator('tbody tr').first()).toBeVisible();
  // Ranked by points lost: the first rule costs the most.
  const points = await rules
    .locator('tbody tr td:nth-child(3)')
    .allTextContents();
  const numbers = points.map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  await page.screenshot({
    path: 'artifacts/e2e/report-scoped.png',
    fullPage: true,
  });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^container-scorecard-commerce-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = readFileSync((await file.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv[0].split(',').at(-1)).toBe('error');
  for (const row of csv.filter(r => r.includes(',could-not-analyse,'))) {
    expect(row).not.toMatch(/,$/);
  }

  const findings = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export findings' }).click();
  const findingsFile = await findings;
  expect(findingsFile.suggestedFilename()).toMatch(
    /^container-scorecard-commerce-findings-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const findingRows = readFileSync((await findingsFile.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(findingRows[0]).toBe(
    'entity_ref,title,owner,path,line,rule_id,pillar,severity,points,message,fixable,waived,kind',
  );
  expect(findingRows.length).toBeGreaterThan(1);

  // The top rule leads to the catalogue, outlined, with the services failing it in Commerce.
  const top = rules.locator('tbody tr').first().getByRole('link');
  const topTitle = (await top.textContent())!;
  await top.click();
  await expect(page).toHaveURL(
    /\/container-scorecard\/rules\?rule=.*scope=group/,
  );
  const card = page.locator('section[aria-current="true"]');
  await expect(card).toHaveCount(1);
  await expect(
    page.getByRole('heading', { name: topTitle, level: 3 }),
  ).toBeVisible();
  await expect(
    card.getByText(/^Failing in \d+ of \d+ services in Commerce/),
  ).toBeVisible();
  await expect(
    card
      .getByRole('list', { name: /^Services failing / })
      .getByRole('link')
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: 'artifacts/e2e/rules-linked.png' });
});

test('the report reads on a 390 px phone without sideways scrolling', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await signIn(page);
  await page.goto(scoped);
  await expect(
    page.getByRole('heading', { name: 'Commerce report' }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Top rules by points lost' }),
  ).toBeVisible();
  const exportButton = page.getByRole('button', { name: 'Export CSV' });
  await exportButton.scrollIntoViewIfNeeded();
  const box = (await exportButton.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const print = (await page
    .getByRole('button', { name: 'Print' })
    .boundingBox())!;
  expect(print.x + print.width).toBeLessThanOrEqual(390);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({
    path: 'artifacts/e2e/report-390.png',
    fullPage: true,
  });
  await context.close();
});

test('the scoped report prints to PDF with its scope and no empty last page', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(scoped);
  await expect(
    page.getByRole('heading', { name: 'Commerce report' }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Teams ranked by score' }),
  ).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(/^Scope: Commerce · last 30 days/)).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync('test-results/report-commerce.pdf', pdf);
  const pages = pdfPages(pdf);
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.length).toBeLessThanOrEqual(3);
  // Every page carries text, the last one included: no page is blank or a lone empty card.
  expect(pages.map(p => p.drawsText)).toEqual(pages.map(() => true));
  await page.screenshot({
    path: 'artifacts/e2e/report-print-scoped.png',
    fullPage: true,
  });
});

test('a Group shows its card on the overview, a System rolls up its services', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/group/payments');
  const card = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByText('Container Scorecard', { exact: true }) })
    .first();
  await expect(card.getByText(/^\d+ of \d+ services? analysed$/)).toBeVisible();
  await expect(
    card
      .getByRole('list', { name: 'Services most in need' })
      .getByRole('link')
      .first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'artifacts/e2e/group-card.png',
    fullPage: true,
  });

  await page.goto('/catalog/default/system/shipping/container-scorecard');
  await expect(page.getByText('System score', { exact: true })).toBeVisible();
  const table = page.getByRole('table', { name: 'Services of the team' });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(
    table.locator('a[href*="/component/route-optimizer/"]'),
  ).toBeVisible();
  // The trend answers the pointer with its day and score.
  const chart = page.getByRole('img', { name: /System score trend/ });
  await chart.hover();
  await expect(page.getByTestId('trend-tooltip')).toContainText(
    /^\d{4}-\d{2}-\d{2}: \d+$/,
  );
  await page.screenshot({
    path: 'artifacts/e2e/system-rollup.png',
    fullPage: true,
  });
});
