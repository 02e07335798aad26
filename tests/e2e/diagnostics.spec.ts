import { expect, test, type Page } from '@playwright/test';
import { goToRow, openTool } from './toolbar-reach.js';

/** The Diagnostics panel over the web transport, against the shared 1,000,000-listing host (read only). */
const bigUrl = (): string => {
  const url = process.env.LISTSMITH_E2E_BIG_URL;
  if (!url) throw new Error('global setup did not start the 1M-listing host');
  return url;
};

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

test('shows grid.rows timings, worker health and the log file after some grid activity', async ({ page }) => {
  await page.goto(bigUrl());
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '1000000');
  await expect(readyRows(page).first()).toBeVisible();
  // Some grid activity: jump deep into the catalog so more pages are fetched.
  await goToRow(page, 500000);
  await expect(page.locator('[data-testid="grid-scroll"] [role="row"][data-row-index="499999"][data-state="ready"]')).toBeVisible();

  await openTool(page, 'diagnostics-button');
  const dialog = page.getByTestId('diagnostics-dialog');
  await expect(dialog).toBeVisible();
  const gridRows = dialog.locator('[data-testid="diagnostics-ipc-row"][data-method="grid.rows"]');
  await expect(gridRows).toBeVisible();
  expect(Number(await gridRows.getAttribute('data-count'))).toBeGreaterThan(0);

  const threads = dialog.getByTestId('diagnostics-thread');
  await expect(threads).toHaveCount(3);
  await expect(threads.first()).toHaveAttribute('data-alive', 'true');
  await expect(dialog.getByTestId('diagnostics-log-file')).toContainText('web.log');

  // It refreshes while open: the diagnostics call itself shows up and keeps counting.
  const self = dialog.locator('[data-testid="diagnostics-ipc-row"][data-method="diagnostics.get"]');
  await expect(self).toBeVisible({ timeout: 5_000 });
  const before = Number(await self.getAttribute('data-count'));
  await expect.poll(async () => Number(await self.getAttribute('data-count')), { timeout: 6_000 }).toBeGreaterThan(before);

  await dialog.getByTestId('diagnostics-dialog-close').click();
  await expect(dialog).toBeHidden();
});
