import { expect, test, type Page } from '@playwright/test';

/**
 * Issue 17, item 3: Bulk edit and Optimize start on what the seller selected — one row included —
 * and on the whole catalog (or the search and filters) only when nothing is selected. Opening the
 * dialogs writes nothing, so the shared read-only 1M catalog serves.
 */
const bigUrl = (): string => {
  const url = process.env.LISTSMITH_E2E_BIG_URL;
  if (!url) throw new Error('global setup did not start the 1M-listing host');
  return url;
};
const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

async function open(page: Page): Promise<void> {
  await page.goto(bigUrl());
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '1000000');
  await expect(readyRows(page).first()).toBeVisible();
}

test('one selected row: Bulk edit and Optimize default to that listing', async ({ page }) => {
  await open(page);
  await readyRows(page).nth(2).getByRole('gridcell').nth(1).click();
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '1');

  await page.getByTestId('bulk-edit-button').click();
  const bulk = page.getByRole('dialog', { name: 'Bulk edit' });
  await expect(bulk.getByTestId('bulk-scope-selection')).toBeChecked();
  await expect(bulk.getByTestId('bulk-scope-selection-count')).toHaveAttribute('data-count', '1');
  await page.keyboard.press('Escape');
  await expect(bulk).toBeHidden();

  await page.getByTestId('optimize-button').click();
  await expect(page.getByTestId('optimize-scope-selection')).toBeChecked();
  await expect(page.getByTestId('optimize-scope-selection-count')).toHaveAttribute('data-count', '1');
  // The whole catalog is still one click away.
  await page.getByTestId('optimize-scope-query').check();
  await expect(page.getByTestId('optimize-scope-query-count')).toHaveAttribute('data-count', '1000000');
});

test('three selected rows default to those three; nothing selected defaults to the whole catalog', async ({ page }) => {
  await open(page);
  await page.getByTestId('bulk-edit-button').click();
  const bulk = page.getByRole('dialog', { name: 'Bulk edit' });
  await expect(bulk.getByTestId('bulk-scope-query')).toBeChecked();
  await expect(bulk.getByTestId('bulk-scope-selection')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(bulk).toBeHidden();

  const rows = readyRows(page);
  await rows.nth(0).getByRole('gridcell').nth(1).click();
  await rows.nth(2).getByRole('gridcell').nth(1).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '3');
  await page.getByTestId('bulk-edit-button').click();
  await expect(bulk.getByTestId('bulk-scope-selection')).toBeChecked();
  await expect(bulk.getByTestId('bulk-scope-selection-count')).toHaveAttribute('data-count', '3');
});
