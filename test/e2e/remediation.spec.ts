import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { backend, guestToken, signIn } from './support';

/*
 * Issue 12's service-owner journey: the fixes of legacy-billing-portal copied as patches and as
 * fixed lines and read back from the clipboard (a replacement, an insertion, a deletion), the
 * page grouped by rule and filtered, and a filtered URL shared and reopened.
 */

const page_ =
  '/catalog/default/component/legacy-billing-portal/container-scorecard';
const dockerfile = readFileSync(
  'examples/repos/legacy-billing-portal/Dockerfile',
  'utf8',
).replace(/\n$/, '');
/** The file's line n (1-based). */
const line = (n: number) => dockerfile.split('\n')[n - 1];
const lines = (from: number, to: number) =>
  dockerfile.split('\n').slice(from - 1, to);

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
test.describe.configure({ timeout: 180_000 });

async function waitForScan(request: APIRequestContext) {
  const token = await guestToken(request);
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `${backend}/container-scorecard/entities/component/default/legacy-billing-portal/scorecard`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        return response.ok() ? (await response.json()).status : 'unavailable';
      },
      { timeout: 110_000, intervals: [2_000] },
    )
    .toBe('analysed');
}

async function copied(page: Page, button: ReturnType<Page['getByRole']>) {
  await page.evaluate(() => navigator.clipboard.writeText('(nothing yet)'));
  await button.click();
  return page.evaluate(() => navigator.clipboard.readText());
}

function finding(page: Page, message: RegExp) {
  return page.getByRole('article', { name: message });
}

test('a service owner copies a deletion, a replacement and an insertion and gets the right text', async ({
  page,
  request,
}) => {
  await waitForScan(request);
  await signIn(page);
  await page.goto(page_);
  await expect(page.getByTestId('remediation-summary')).toContainText(
    /\d+ open findings in 2 files .* with an automatic fix · fix \d+ to reach D/,
  );
  await expect(
    page.getByRole('region', { name: 'Fastest way to the next grade' }),
  ).toBeVisible();
  await page.screenshot({
    path: 'artifacts/e2e/remediation-grouped.png',
    fullPage: true,
  });

  // A deletion: "22 " out of line 27. The patch is a real unified diff of whole lines.
  await page.getByLabel('Severity', { exact: true }).selectOption('high');
  await expect(page).toHaveURL(/severity=high/);
  const ssh = finding(
    page,
    /EXPOSE 22 advertises an SSH server.*\(Dockerfile:27\)$/,
  );
  const deletion = await copied(
    page,
    ssh.getByRole('button', { name: 'Copy the patch for Dockerfile:27' }),
  );
  expect(deletion).toBe(
    [
      '--- a/Dockerfile',
      '+++ b/Dockerfile',
      '@@ -24,6 +24,6 @@',
      ...lines(24, 26).map(l => ` ${l}`),
      `-${line(27)}`,
      '+EXPOSE 80 3306',
      ...lines(28, 29).map(l => ` ${l}`),
      '',
    ].join('\n'),
  );
  await expect(ssh.getByText('Patch copied')).toBeVisible();
  const deletionFixed = await copied(
    page,
    ssh.getByRole('button', { name: 'Copy the fixed lines for Dockerfile:27' }),
  );
  expect(deletionFixed).toBe(
    [...lines(24, 26), 'EXPOSE 80 3306', ...lines(28, 29)].join('\n'),
  );
  await ssh.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/e2e/fix-deletion.png' });

  // A replacement: the shell-form CMD becomes the exec form, on its own whole line.
  await page.getByLabel('Severity', { exact: true }).selectOption('medium');
  const cmd = finding(page, /CMD uses the shell form.*\(Dockerfile:29\)$/);
  const replacement = await copied(
    page,
    cmd.getByRole('button', { name: 'Copy the patch for Dockerfile:29' }),
  );
  const replaced = replacement.split('\n');
  expect(replaced.slice(0, 3)).toEqual([
    '--- a/Dockerfile',
    '+++ b/Dockerfile',
    '@@ -26,4 +26,4 @@',
  ]);
  expect(replaced.slice(3, 6)).toEqual(lines(26, 28).map(l => ` ${l}`));
  expect(replaced[6]).toBe(`-${line(29)}`);
  expect(replaced[7]).toBe(
    '+CMD ["/usr/bin/supervisord", "-c", "/etc/supervisor/supervisord.conf"]',
  );

  // An insertion: text added to the end of line 9, shown as the whole line before and after.
  await page.getByLabel('Severity', { exact: true }).selectOption('low');
  const lists = finding(
    page,
    /without `rm -rf \/var\/lib\/apt\/lists.*\(Dockerfile:9\)$/,
  );
  const insertion = await copied(
    page,
    lists.getByRole('button', {
      name: 'Copy the fixed lines for Dockerfile:9',
    }),
  );
  const inserted = insertion.split('\n');
  expect(inserted.slice(0, 3)).toEqual(lines(6, 8));
  expect(inserted[3]).toMatch(
    /^RUN apt-get update .*rm -rf \/var\/lib\/apt\/lists\/\*$/,
  );
  expect(inserted.slice(4)).toEqual(lines(10, 12));
  await lists.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/e2e/fix-insertion.png' });
});

test('a filtered view of the findings is shared by its URL and reopens as it was', async ({
  page,
  browser,
  request,
}) => {
  await waitForScan(request);
  await signIn(page);
  await page.goto(page_);
  await page.getByLabel('Severity', { exact: true }).selectOption('critical');
  await page
    .getByLabel('File', { exact: true })
    .selectOption('docker-compose.yml');
  await expect(page).toHaveURL(/severity=critical/);
  await expect(page).toHaveURL(/file=docker-compose\.yml/);
  const shared = page.url();

  // A colleague opens the link in a fresh browser.
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other);
  await other.goto(shared);
  await expect(other.getByLabel('Severity', { exact: true })).toHaveValue(
    'critical',
  );
  await expect(other.getByLabel('File', { exact: true })).toHaveValue(
    'docker-compose.yml',
  );
  await expect(
    other.getByRole('region', { name: 'Findings in Dockerfile' }),
  ).toHaveCount(0);
  const listed = other.locator('article[id^="finding-"]');
  await expect(listed).toHaveCount(3);
  await expect(listed.first()).toContainText('MYSQL_ROOT_PASSWORD');
  // One rule, one rationale, its three occurrences under it.
  await expect(other.locator('details')).toHaveCount(1);
  await expect(other.getByText('Why it matters', { exact: true })).toHaveCount(
    1,
  );
  await other.screenshot({
    path: 'artifacts/e2e/remediation-shared-filter.png',
    fullPage: true,
  });
  await context.close();
});

test('a keyboard user skips the sidebar and sees where the focus is', async ({
  page,
  request,
}) => {
  await waitForScan(request);
  await signIn(page);
  await page.goto(page_);
  await expect(page.getByTestId('remediation-summary')).toBeVisible();
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // From the main region, the page's own actions come within a few tab stops, not after the
  // whole sidebar.
  let stops = 0;
  const rescan = page.getByRole('button', { name: /Rescan now/ });
  while (
    stops < 15 &&
    !(await rescan.evaluate(el => el === document.activeElement))
  ) {
    await page.keyboard.press('Tab');
    stops++;
  }
  await expect(rescan).toBeFocused();
  expect(stops).toBeLessThanOrEqual(8);
  const outline = await rescan.evaluate(
    el => getComputedStyle(el).outlineWidth,
  );
  expect(parseFloat(outline)).toBeGreaterThanOrEqual(2);
  await page.screenshot({
    path: 'artifacts/e2e/keyboard-focus.png',
  });
});
