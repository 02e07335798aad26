import { expect, test } from '@playwright/test';

/** A new user on an empty catalog loads the demo catalog from the UI. */
test('an empty catalog offers a demo catalog and shows it', async ({ page }) => {
  const url = process.env.LISTSMITH_E2E_EMPTY_URL;
  if (!url) throw new Error('global setup did not start the empty host');
  await page.goto(url);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('demo-size-1000').check();
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '1000', { timeout: 30_000 });
  await expect(page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/first-run.png' });
});

test('a page without the access token explains how to open the app', async ({ page }) => {
  const url = process.env.LISTSMITH_E2E_EMPTY_URL;
  if (!url) throw new Error('global setup did not start the empty host');
  await page.goto(url.replace(/#token=.*/, ''));
  await expect(page.getByTestId('no-connection')).toBeVisible();
  await expect(page.getByTestId('no-connection')).toContainText('npm run web');
});
