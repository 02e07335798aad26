import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../common/bridge.js';
import type { CatalogStats, EditOutcome, GridPage, GridView } from '../../common/contract.js';
import type { DashboardStats } from '../../common/edit-types.js';
import { LISTING_STATUSES, MARKETPLACE_LABELS, type Listing, type ListingStatus, type Marketplace } from '../../common/listing.js';
import { startWritableHost, type WritableHost } from './writable-catalog.js';

/**
 * Issue 4 in the detail pane and the dashboard, against a writable copy of a 60,000-listing demo
 * catalog: edit a listing twice in the editor, read both revisions in its history, revert the
 * first; the dashboard's numbers equal the catalog's own (catalog.stats, the "has errors" view)
 * and follow a change live.
 */

let host: WritableHost;

test.beforeAll(async () => {
  test.setTimeout(180_000); // the first run builds the cached 60k catalog
  host = await startWritableHost();
});
test.afterAll(async () => {
  await host?.stop();
});

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

/** Calls the core the way the page does (its WebSocket and token), for reading what the catalog holds. */
async function core<T>(page: Page, method: string, input: unknown): Promise<T> {
  const token = new URL(host.url).hash.replace(/^#token=/, '');
  return page.evaluate(
    async ({ method, input, token, path, protocol, prefix }) => {
      const ws = new WebSocket(`ws://${location.host}${path}`, [protocol, prefix + token]);
      await new Promise<void>((resolve, reject) => {
        ws.onopen = () => resolve();
        ws.onerror = () => reject(new Error('WebSocket to the core failed'));
      });
      const envelope = await new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve) => {
        ws.onmessage = (ev) => {
          const msg = JSON.parse(String(ev.data)) as { type: string; id?: number; envelope?: { ok: boolean } };
          if (msg.type === 'result' && msg.id === 1) resolve(msg.envelope as { ok: boolean });
        };
        ws.send(JSON.stringify({ type: 'call', id: 1, method, input }));
      });
      ws.close();
      if (!envelope.ok) throw new Error(envelope.error?.message ?? 'call failed');
      return envelope.value;
    },
    { method, input, token, path: WS_PATH, protocol: WS_PROTOCOL, prefix: WS_TOKEN_PREFIX },
  ) as Promise<T>;
}

const numberIn = (text: string | null): number => Number((text ?? '').replace(/[^0-9]/g, ''));

async function screenshot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${name}.png`) });
}

async function openCatalog(page: Page): Promise<void> {
  await page.goto(host.url);
  await expect(readyRows(page).first()).toBeVisible();
}

test('edit a listing twice, see both revisions in its history, revert the first', async ({ page }, info) => {
  await openCatalog(page);
  await readyRows(page).first().click();
  const pane = page.getByTestId('detail-pane');
  await expect(pane.getByTestId('listing-editor')).toBeVisible();
  const id = Number(await pane.getAttribute('data-listing-id'));
  const before = await core<Listing>(page, 'listing.get', { id });

  const title = pane.getByLabel('Title', { exact: true });
  const price = pane.getByLabel('Price', { exact: true });
  const quantity = pane.getByLabel('Quantity', { exact: true });
  await expect(title).toHaveValue(before.title);
  const originalPrice = await price.inputValue();

  // Edit 1: title and price. The counter follows the typing.
  const newTitle = 'Speckled stoneware mug, hand thrown';
  const newPrice = originalPrice.includes('.') ? '123.45' : '12345';
  await title.fill(newTitle);
  await expect(pane.getByTestId('edit-title-count')).toHaveAttribute('data-count', String(newTitle.length));
  await price.fill(newPrice);
  await expect(pane.getByTestId('detail-dirty')).toBeVisible();
  await screenshot(page, info, 'editor-dirty');
  await pane.getByTestId('save-listing').click();
  await expect(pane.getByTestId('save-status')).toHaveText('Saved');
  await expect(pane.getByTestId('detail-title')).toHaveText(newTitle);
  await expect(pane.getByTestId('detail-dirty')).toHaveCount(0);
  const afterFirst = await core<Listing>(page, 'listing.get', { id });
  expect(afterFirst.title).toBe(newTitle);
  expect(afterFirst.priceMinor).not.toBe(before.priceMinor);

  // Edit 2: quantity and brand, saved with Ctrl+S.
  await quantity.fill('42');
  await pane.getByLabel('Brand', { exact: true }).fill('Kiln & Co');
  await page.keyboard.press('Control+s');
  await expect(pane.getByTestId('save-status')).toHaveText('Saved');
  await expect.poll(async () => (await core<Listing>(page, 'listing.get', { id })).quantity).toBe(42);

  // History: both revisions, newest first, with before → after per field.
  await pane.getByRole('tab', { name: 'History' }).click();
  const revisions = pane.getByTestId('revision');
  await expect(revisions).toHaveCount(2);
  await expect(revisions.nth(0)).toHaveAttribute('data-fields', 'quantity,brand');
  await expect(revisions.nth(1)).toHaveAttribute('data-fields', 'title,priceMinor');
  const first = revisions.nth(1);
  await expect(first).toContainText('You');
  await expect(first.locator('[data-field="title"] [data-testid="rev-after"]')).toContainText(newTitle);
  await expect(first.locator('[data-field="title"] [data-testid="rev-before"]')).toContainText(before.title.slice(0, 100));
  await expect(revisions.nth(0).locator('[data-field="brand"] [data-testid="rev-after"]')).toHaveText('Kiln & Co');
  await screenshot(page, info, 'history');

  // Revert the first edit (confirming): title and price come back, the second edit stays.
  await first.getByRole('button', { name: /^Revert changes of/ }).click();
  const dialog = page.getByTestId('revert-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The title and price of this listing go back to what they were before your change of');
  await screenshot(page, info, 'revert-dialog');
  await dialog.getByTestId('revert-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(pane.getByTestId('history-notice')).toContainText('Reverted');
  await expect(revisions).toHaveCount(3);
  await expect(revisions.nth(0)).toContainText('Revert');
  await expect(revisions.nth(0)).toHaveAttribute('data-fields', 'title,priceMinor');
  await screenshot(page, info, 'history-reverted');

  const reverted = await core<Listing>(page, 'listing.get', { id });
  expect(reverted.title).toBe(before.title);
  expect(reverted.priceMinor).toBe(before.priceMinor);
  expect(reverted.quantity).toBe(42);
  expect(reverted.brand).toBe('Kiln & Co');

  await pane.getByRole('tab', { name: 'Edit' }).click();
  await expect(title).toHaveValue(before.title);
  await expect(price).toHaveValue(originalPrice);
  await expect(quantity).toHaveValue('42');
  await expect(pane.getByTestId('detail-title')).toHaveText(before.title);
  await expect(pane.getByTestId('detail-dirty')).toHaveCount(0);
  // The grid follows (the listing is the most recently updated: first row).
  await expect(page.locator('[data-testid="grid-scroll"] [role="row"][data-row-index="0"] [role="gridcell"]').first()).toHaveText(before.title);
  await screenshot(page, info, 'editor-after-revert');
});

test('an edit over a hard limit is refused with the reason, and the draft is kept', async ({ page }) => {
  await openCatalog(page);
  // An Etsy listing: Etsy titles allow 140 characters.
  const total = page.getByTestId('total-count');
  const all = Number(await total.getAttribute('data-total'));
  await page.getByRole('button', { name: /^Etsy\b/ }).click();
  await expect.poll(async () => Number(await total.getAttribute('data-total'))).toBeLessThan(all);
  await expect(readyRows(page).first()).toBeVisible();
  await readyRows(page).first().click();
  const pane = page.getByTestId('detail-pane');
  await expect(pane.getByTestId('listing-editor')).toBeVisible();
  const id = Number(await pane.getAttribute('data-listing-id'));
  const before = await core<Listing>(page, 'listing.get', { id });
  expect(before.marketplace).toBe('etsy');

  const title = pane.getByLabel('Title', { exact: true });
  const long = `${'Speckled stoneware mug '.repeat(7)}end`;
  await title.fill(long);
  await expect(pane.getByTestId('edit-title-count')).toHaveClass(/counter-over/);
  await expect(pane.getByTestId('edit-title-count')).toHaveAttribute('data-max', '140');
  await expect(pane.getByTestId('edit-title-issues')).toContainText('Etsy allows 140');
  await expect(pane.getByTestId('detail-score')).not.toHaveAttribute('data-score', '100');
  // A tag over Etsy's 20 characters shows its own counter.
  const tags = pane.getByLabel('Tags', { exact: true });
  await tags.fill('a tag far longer than twenty characters');
  await tags.press('Enter');
  await expect(pane.getByTestId('edit-tags-chip').last()).toHaveClass(/over/);
  await expect(pane.getByTestId('edit-tags-issues')).toContainText('longer than 20 characters');

  await pane.getByTestId('save-listing').click();
  await expect(pane.getByTestId('save-error')).toContainText('Nothing was saved');
  await expect(title).toHaveValue(long);
  await expect(pane.getByTestId('detail-dirty')).toBeVisible();
  expect((await core<Listing>(page, 'listing.get', { id })).title).toBe(before.title);

  await pane.getByTestId('discard-listing').click();
  await expect(title).toHaveValue(before.title);
  await expect(pane.getByTestId('detail-dirty')).toHaveCount(0);
});

test('the dashboard loads lazily and its numbers match the catalog, live', async ({ page }, info) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|CSP/i.test(m.text())) cspErrors.push(m.text());
  });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await openCatalog(page);
  // Chart.js and the dashboard are not part of the initial load.
  expect(requested.filter((u) => /Dashboard-[^/]*\.js$/.test(u))).toEqual([]);

  // Keyboard: the view tabs are a tab list.
  await page.getByRole('tab', { name: 'Catalog' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute('aria-selected', 'true');
  const dash = page.getByTestId('dashboard');
  await expect(dash.getByTestId('dash-total')).toBeVisible();
  expect(requested.some((u) => /Dashboard-[^/]*\.js$/.test(u))).toBe(true);
  // Wait for background scoring (if any) so "with errors" is final.
  await expect.poll(async () => (await core<DashboardStats>(page, 'dashboard.stats', {})).unscored, { timeout: 60_000 }).toBe(0);
  await expect(dash.getByTestId('dash-unscored')).toHaveCount(0);

  const stats = await core<CatalogStats>(page, 'catalog.stats', {});
  await expect.poll(async () => numberIn(await dash.getByTestId('dash-total').textContent())).toBe(stats.listings);

  const rowsOf = async (testId: string) =>
    dash.getByTestId(testId).locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-key') ?? '', Number(r.querySelector('td[data-value]')?.getAttribute('data-value'))] as const),
    );
  const marketplaces = Object.fromEntries(await rowsOf('dash-marketplace-table'));
  const expectedMarketplaces = Object.fromEntries(Object.entries(stats.byMarketplace).filter(([, n]) => (n ?? 0) > 0));
  expect(marketplaces).toEqual(expectedMarketplaces);
  const statuses = Object.fromEntries(await rowsOf('dash-status-table'));
  expect(statuses).toEqual(Object.fromEntries(LISTING_STATUSES.map((s) => [s, stats.byStatus[s] ?? 0])));
  // Names as a person reads them, and the same numbers in the charts' accessible text.
  for (const [m, n] of Object.entries(expectedMarketplaces)) {
    await expect(dash.getByRole('table', { name: 'Listings by marketplace' }).getByRole('row', { name: new RegExp(`^${MARKETPLACE_LABELS[m as Marketplace]}\\b`) })).toContainText(
      n!.toLocaleString('en-US'),
    );
  }
  await expect(dash.getByRole('img', { name: /^Listings by status:/ })).toHaveAttribute('aria-label', new RegExp(`Active ${(stats.byStatus.active ?? 0).toLocaleString('en-US')}`));

  // With errors = the grid's "has errors" view of the catalog.
  const errorsView = await core<GridView>(page, 'grid.open', { sort: { column: 'updated', direction: 'desc' }, filter: { hasErrors: true } });
  await expect.poll(async () => numberIn(await dash.getByTestId('dash-with-errors').textContent())).toBe(errorsView.total);
  // Every scored listing is in one score bucket.
  const buckets = await rowsOf('dash-score-table');
  expect(buckets).toHaveLength(10);
  expect(buckets.reduce((n, [, v]) => n + v, 0)).toBe(stats.listings);
  await expect(dash.getByTestId('dash-rules-table').locator('tbody tr').first()).toBeVisible();
  await screenshot(page, info, 'dashboard');
  await dash.getByTestId('dash-recent').scrollIntoViewIfNeeded();
  await screenshot(page, info, 'dashboard-bottom');

  // Live: a status change elsewhere moves one listing between the status bars.
  const view = await core<GridView>(page, 'grid.open', { sort: { column: 'updated', direction: 'desc' }, filter: { statuses: ['active'] } });
  const first = (await core<GridPage>(page, 'grid.rows', { viewId: view.viewId, offset: 0, limit: 1 })).rows[0]!;
  const outcome = await core<EditOutcome>(page, 'listing.update', { id: first.id, changes: { status: 'archived' satisfies ListingStatus } });
  expect(outcome.changeSet).not.toBeNull();
  const statusValue = (s: ListingStatus) => dash.getByTestId('dash-status-table').locator(`tr[data-key="${s}"] td[data-value]`);
  await expect(statusValue('active')).toHaveAttribute('data-value', String((stats.byStatus.active ?? 0) - 1));
  await expect(statusValue('archived')).toHaveAttribute('data-value', String((stats.byStatus.archived ?? 0) + 1));
  await expect(dash.getByTestId('dash-recent-list')).toContainText('status');

  // "Show in catalog" from a status row filters the grid.
  await dash.getByTestId('dash-status-table').getByRole('button', { name: 'Archived' }).click();
  await expect(page.getByRole('tab', { name: 'Catalog' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String((stats.byStatus.archived ?? 0) + 1));

  expect(cspErrors).toEqual([]);
});
