import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ContractClient } from '../../common/client.js';
import { connectClient } from '../bench/ws-client.js';
import { startWritableHost, type WritableHost } from './writable-catalog.js';

/**
 * Issue 13 item 8 in the window, against a private copy of a 2,000-listing demo catalog: deleting
 * selected rows with the Delete key (confirmed, then Ctrl+Z), removing the whole demo catalog from
 * the toolbar and bringing it back, and undoing an import from its report.
 */

const ROWS = 2_000;
const SHOPIFY_FILE = join(import.meta.dirname, 'fixtures', 'shopify-products-lse2e.csv');

let host: WritableHost;
let api: { client: ContractClient; close: () => void };

test.beforeAll(async () => {
  test.setTimeout(120_000); // the first run builds the cached 2,000-listing catalog
  host = await startWritableHost(ROWS);
  const url = new URL(host.url);
  api = await connectClient(Number(url.port), url.hash.replace(/^#token=/, ''));
});
test.afterAll(async () => {
  api?.close();
  await host?.stop();
});

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

async function expectTotal(page: Page, total: number): Promise<void> {
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(total));
}

/** Whether the listing is in the catalog, asked through the contract. */
async function exists(id: number): Promise<boolean> {
  return api.client.call('listing.get', { id }).then(
    () => true,
    () => false,
  );
}

test('deletes two selected rows with the Delete key after confirming, and Ctrl+Z brings them back', async ({ page }) => {
  await page.goto(host.url);
  await expectTotal(page, ROWS);
  const rows = readyRows(page);
  await rows.nth(0).getByRole('gridcell').nth(1).click();
  await rows.nth(1).getByRole('gridcell').nth(1).click({ modifiers: ['Control'] });
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '2');
  const ids = await rows.evaluateAll((els) => els.filter((el) => el.getAttribute('aria-selected') === 'true').map((el) => Number(el.getAttribute('data-listing-id'))));
  expect(ids).toHaveLength(2);
  const titles = await Promise.all(ids.map(async (id) => (await api.client.call('listing.get', { id })).title));

  await page.getByTestId('grid').focus();
  await page.keyboard.press('Delete');
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('delete-scope-selection')).toBeChecked();
  const summary = page.getByTestId('delete-summary');
  await expect(summary).toHaveAttribute('data-count', '2');
  await expect(summary).toContainText('2 listings will be deleted');
  for (const title of titles) await expect(summary).toContainText(title);
  await expect(summary).toContainText('You can undo this');
  await page.screenshot({ path: 'test-results/delete-confirm.png' });
  await page.getByTestId('delete-confirm').click();

  await expect(dialog).toBeHidden();
  await expectTotal(page, ROWS - 2);
  await expect(page.getByTestId('status-notice')).toContainText('Deleted 2 listings');
  await expect(page.getByTestId('undo-button')).toContainText('Delete of 2 listings');
  await expect(page.getByTestId('selection-count')).toHaveCount(0);
  for (const id of ids) expect(await exists(id)).toBe(false);
  await expect(rows.first()).not.toHaveAttribute('data-listing-id', String(ids[0]));

  await page.getByTestId('grid').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status-notice')).toContainText('Undid: Delete of 2 listings — 2 listings back');
  await expectTotal(page, ROWS);
  for (const id of ids) expect(await exists(id)).toBe(true);
  await expect(rows.first()).toHaveAttribute('data-listing-id', String(ids[0]));
  await expect(page.getByTestId('redo-button')).toContainText('Delete of 2 listings');
});

test('removes the whole demo catalog from the toolbar, then Undo puts every listing back', async ({ page }) => {
  await page.goto(host.url);
  await expectTotal(page, ROWS);
  await expect(page.getByTestId('selection-count')).toHaveCount(0);
  await page.getByTestId('delete-button').click();
  await expect(page.getByTestId('delete-scope-query')).toBeChecked();
  await expect(page.getByTestId('delete-scope')).toContainText('The whole catalog');
  const summary = page.getByTestId('delete-summary');
  await expect(summary).toHaveAttribute('data-count', String(ROWS));
  await expect(summary).toContainText('the whole catalog');
  await expect(summary).toContainText('remove the demo catalog');
  await page.getByTestId('delete-confirm').click();

  // An empty catalog offers the demo again, and says how it can be removed.
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('empty-demo-hint')).toContainText('Delete');
  expect((await api.client.call('catalog.stats', {})).listings).toBe(0);
  await expect(page.getByTestId('undo-button')).toContainText(`Delete of ${ROWS.toLocaleString('en-US')} listings`);

  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('status-notice')).toContainText(`${ROWS.toLocaleString('en-US')} listings back`);
  await expectTotal(page, ROWS);
  expect((await api.client.call('catalog.stats', {})).listings).toBe(ROWS);
});

test('undoes an import from its report: offered while it is the newest change, and its listings are gone', async ({ page }) => {
  await page.goto(host.url);
  await expectTotal(page, ROWS);
  await page.getByTestId('import-file-input').setInputFiles(SHOPIFY_FILE);
  await expect(page.getByTestId('import-step')).toHaveAttribute('data-step', 'preview', { timeout: 30_000 });
  await page.getByTestId('import-currency-select').selectOption('USD');
  await expect(page.getByTestId('import-start')).toBeEnabled();
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('report-count-imported')).toHaveAttribute('data-value', '3');
  await expectTotal(page, ROWS + 3);

  const undoImport = page.getByTestId('report-undo-import');
  await expect(undoImport).toHaveAttribute('data-state', 'ready');
  await expect(undoImport).toBeEnabled();

  // A change after the import (another window, say): undo goes newest first, and the report says so.
  const [someone] = (await api.client.call('grid.rows', { viewId: (await api.client.call('grid.open', { sort: { column: 'title', direction: 'asc' }, filter: {} })).viewId, offset: 0, limit: 1 })).rows;
  await api.client.call('listing.update', { id: someone!.id, changes: { quantity: 42 } });
  await expect(undoImport).toHaveAttribute('data-state', 'blocked');
  await expect(undoImport).toBeDisabled();
  await expect(page.getByTestId('report-undo-note')).toContainText('Changes were made after this import');
  await api.client.call('history.undo', {});
  await expect(undoImport).toHaveAttribute('data-state', 'ready');

  await undoImport.click();
  await expect(page.getByTestId('status-notice')).toContainText('Undid: Import of shopify-products-lse2e.csv: 3 new, 0 changed — 3 listings removed');
  await expect(undoImport).toHaveAttribute('data-state', 'undone');
  await expect(page.getByTestId('report-undo-note')).toContainText('Redo');
  await page.getByTestId('import-done').click();
  await expectTotal(page, ROWS);
  const view = await api.client.call('grid.open', { sort: { column: 'title', direction: 'asc' }, filter: {}, search: 'LSE2E' });
  expect(view.total).toBe(0);
});
