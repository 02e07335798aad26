import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { ContractClient } from '../../common/client.js';
import type { GridFilter } from '../../common/grid.js';
import { connectClient } from '../bench/ws-client.js';
import { startWritableHost, type WritableHost } from './writable-catalog.js';

/**
 * Issue 4 in the grid, against a private copy of a 60,000-listing demo catalog: inline title edit
 * with the live counter and an Etsy rule, a hard limit refused at the input; selection; the quality
 * filters; a bulk price +10 % on the ~9k Amazon listings, checked price by price through the
 * contract; and Ctrl+Z restoring every one of them.
 */

let host: WritableHost;
let api: { client: ContractClient; close: () => void };

test.beforeAll(async () => {
  test.setTimeout(180_000); // the first run builds the cached 60k catalog
  host = await startWritableHost();
  const url = new URL(host.url);
  api = await connectClient(Number(url.port), url.hash.replace(/^#token=/, ''));
});
test.afterAll(async () => {
  api?.close();
  await host?.stop();
});

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

async function openCatalog(page: Page): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(host.rows));
  await expect(readyRows(page).first()).toBeVisible();
}

async function expectTotal(page: Page, total: number): Promise<void> {
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(total));
  await expect(page.getByTestId('grid')).toHaveAttribute('data-view-state', 'ready');
  await expect(readyRows(page).first()).toBeVisible();
}

/** Every listing's price in a filter, read through the contract (grid.open + grid.rows pages). */
async function pricesOf(filter: GridFilter): Promise<Map<number, number | null>> {
  const view = await api.client.call('grid.open', { sort: { column: 'title', direction: 'asc' }, filter });
  const prices = new Map<number, number | null>();
  try {
    for (let offset = 0; offset < view.total; offset += 500) {
      const page = await api.client.call('grid.rows', { viewId: view.viewId, offset, limit: Math.min(500, view.total - offset) });
      for (const row of page.rows) prices.set(row.id, row.priceMinor);
    }
  } finally {
    await api.client.call('grid.close', { viewId: view.viewId });
  }
  return prices;
}

async function viewTotal(filter: GridFilter): Promise<number> {
  const view = await api.client.call('grid.open', { sort: { column: 'updated', direction: 'desc' }, filter });
  await api.client.call('grid.close', { viewId: view.viewId });
  return view.total;
}

/** Visible rows whose price cell differs from `prices` (minor units; 2 decimals, ¥ none). */
async function gridPriceMismatches(page: Page, prices: Map<number, number | null>): Promise<{ checked: number; wrong: string[] }> {
  const cells = await readyRows(page).evaluateAll((rows) =>
    rows.map((r) => [Number(r.getAttribute('data-listing-id')), r.querySelectorAll('[role="gridcell"]')[3]?.textContent ?? ''] as const),
  );
  const wrong: string[] = [];
  let checked = 0;
  for (const [id, text] of cells) {
    const minor = prices.get(id);
    if (minor === undefined || minor === null) continue;
    checked++;
    const expected = text.includes('¥') ? minor : minor / 100;
    if (Math.abs(amountOf(text) - expected) > 0.001) wrong.push(`${id}: ${text} ≠ ${expected}`);
  }
  return { checked, wrong };
}

async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** "$1,234.50", "CA$16.99", "€44.00" → 1234.5. */
function amountOf(text: string): number {
  return Number((/[\d,]+(\.\d+)?/.exec(text)?.[0] ?? 'NaN').replace(/,/g, ''));
}

test('edits an Etsy title in place: live counter and Etsy rules, a hard limit refused, then saved', async ({ page }, testInfo) => {
  await openCatalog(page);
  const etsy = (await api.client.call('catalog.stats', {})).byMarketplace.etsy ?? 0;
  await page.getByTestId('filter-marketplace-etsy').click();
  await expectTotal(page, etsy);

  const id = Number(await readyRows(page).nth(1).getAttribute('data-listing-id'));
  const row = page.locator(`[data-testid="grid-scroll"] [role="row"][data-listing-id="${id}"]`);
  const before = await api.client.call('listing.get', { id });
  expect(before.marketplace).toBe('etsy');
  const titleCell = row.getByRole('gridcell').first();
  await expect(titleCell).toHaveText(before.title);

  await titleCell.dblclick();
  const input = page.getByRole('textbox', { name: 'Edit title' });
  await expect(input).toBeFocused();
  await expect(input).toHaveValue(before.title);

  // The counter follows what is typed, against Etsy's 140 characters.
  await input.fill('Blue ceramic mug');
  const counter = page.getByTestId('inline-editor-counter');
  await expect(counter).toHaveAttribute('data-count', '16');
  await expect(counter).toHaveAttribute('data-max', '140');
  await expect(counter).toContainText('16 / 140');

  // Four ALL-CAPS words: Etsy's "at most 3" rule fires as the seller types.
  const title = 'HANDMADE BLUE CERAMIC MUG - Stoneware coffee cup with speckled glaze, gift for tea lovers';
  await input.fill(title);
  const issues = page.getByTestId('inline-editor-issues');
  await expect(issues.locator('[data-rule="etsy.title.caps_words"]')).toBeVisible();
  await expect(issues.locator('[data-rule="etsy.title.caps_words"]')).toContainText('4 words in ALL CAPS');
  await expect(counter).toHaveAttribute('data-count', String([...title].length));
  await snap(page, testInfo, 'inline-editor');

  // Over Etsy's hard limit: the core refuses, the message shows at the input, nothing changes.
  await input.fill('Long title '.repeat(15));
  await expect(counter).toHaveAttribute('data-count', '165');
  await input.press('Enter');
  await expect(page.getByTestId('inline-editor-error')).toContainText(/140/);
  await expect(input).toBeVisible();
  expect((await api.client.call('listing.get', { id })).title).toBe(before.title);
  await snap(page, testInfo, 'inline-editor-hard-limit');

  // A title within the limit saves on Enter; the grid shows it at once, in the same place.
  await input.fill(title);
  await input.press('Enter');
  await expect(input).toBeHidden();
  await expect(page.getByTestId('inline-editor-panel')).toHaveCount(0);
  await expect(titleCell).toHaveText(title);
  const saved = await api.client.call('listing.get', { id });
  expect(saved.title).toBe(title);
  expect(saved.description).toBe(before.description);
  // The errors mark counts the broken Etsy rule (the ALL-CAPS one).
  await expect(row.locator('[data-errors]')).toBeVisible();
  await expect(page.getByTestId('undo-button')).toBeEnabled();
  await expect(page.getByTestId('undo-button')).toContainText('Edited title');

  // Escape cancels an edit of the price without saving anything.
  const priceCell = row.getByRole('gridcell').nth(3);
  const shownPrice = await priceCell.textContent();
  await priceCell.dblclick();
  const priceInput = page.getByRole('textbox', { name: 'Edit price' });
  await priceInput.fill('1');
  await priceInput.press('Escape');
  await expect(priceInput).toBeHidden();
  await expect(priceCell).toHaveText(shownPrice ?? '');
  expect((await api.client.call('listing.get', { id })).priceMinor).toBe(before.priceMinor);
});

test('filters by errors and score, sorts by score', async ({ page }) => {
  await openCatalog(page);
  await page.getByTestId('filter-has-errors').click();
  await expect(page.getByTestId('filter-has-errors')).toHaveAttribute('aria-pressed', 'true');
  await expectTotal(page, await viewTotal({ hasErrors: true }));
  const errors = await readyRows(page).locator('[data-errors]').count();
  expect(errors).toBe(await readyRows(page).count());

  await page.getByLabel('Score at most').fill('60');
  await page.getByLabel('Score at most').press('Enter');
  await expectTotal(page, await viewTotal({ hasErrors: true, maxScore: 60 }));

  await page.getByTestId('sort-score').click();
  await expect(page.getByTestId('col-score')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('grid')).toHaveAttribute('data-view-state', 'ready');
  await expect(readyRows(page).first()).toBeVisible();
  const scores = await readyRows(page).locator('[data-score]').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-score'))));
  expect(scores.length).toBeGreaterThan(5);
  expect(scores.every((s, i) => s <= 60 && (i === 0 || scores[i - 1]! <= s))).toBe(true);

  await page.getByTestId('filter-clear').click();
  await expectTotal(page, host.rows);
});

test('selects rows with click, Shift-click, Ctrl-click and Ctrl+A; a bulk status change on the selection', async ({ page }) => {
  await openCatalog(page);
  const rows = readyRows(page);
  await rows.nth(0).getByRole('gridcell').nth(1).click();
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '1');
  await rows.nth(4).getByRole('gridcell').nth(1).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '5');
  await rows.nth(2).getByRole('gridcell').nth(1).click({ modifiers: ['Control'] });
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '4');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'false');
  await rows.nth(7).getByRole('checkbox', { name: 'Select this listing' }).click();
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '5');
  const ids = await rows.evaluateAll((els) => els.filter((el) => el.getAttribute('aria-selected') === 'true').map((el) => Number(el.getAttribute('data-listing-id'))));
  expect(ids).toHaveLength(5);

  // Bulk edit on exactly those five: archive them, then undo with the toolbar button.
  await page.getByRole('button', { name: 'Bulk edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk edit' });
  await expect(dialog.getByRole('radio', { name: /Selected listings/ })).toBeChecked();
  await expect(dialog.getByTestId('bulk-scope-selection-count')).toHaveAttribute('data-count', '5');
  await dialog.getByLabel('Change', { exact: true }).selectOption('status');
  await dialog.getByLabel('New status').selectOption('archived');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const before = await Promise.all(ids.map((id) => api.client.call('listing.get', { id })));
  const toChange = before.filter((l) => l.status !== 'archived').length;
  await expect(dialog.getByTestId('bulk-preview')).toHaveAttribute('data-will-change', String(toChange));
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  await expect(dialog.getByTestId('bulk-result')).toHaveAttribute('data-changed', String(toChange));
  await dialog.getByTestId('bulk-done').click();
  for (const id of ids) expect((await api.client.call('listing.get', { id })).status).toBe('archived');
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('status-notice')).toContainText('Undid: Status set to Archived');
  for (const listing of before) expect((await api.client.call('listing.get', { id: listing.id })).status).toBe(listing.status);

  // Ctrl+A: everything matching the query, not ids.
  await page.getByTestId('grid').focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-all', 'true');
  await expect(page.getByTestId('selection-count')).toContainText(`All ${host.rows.toLocaleString('en-US')} matching listings selected`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selection-count')).toHaveCount(0);

  // Keyboard: Enter edits the active row's title in place and Esc returns to the grid; Space
  // toggles the active row; Shift+↓ extends the selection from it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const input = page.getByRole('textbox', { name: 'Edit title' });
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(page.getByTestId('grid')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '1');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('grid')).toBeFocused();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '3');
});

test('bulk price +10 % on ~9k filtered listings, then Ctrl+Z restores every price', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const filter: GridFilter = { marketplaces: ['amazon'] };
  const before = await pricesOf(filter);
  const priced = [...before.values()].filter((p) => p !== null).length;
  expect(before.size).toBeGreaterThanOrEqual(9_000);
  expect(before.size).toBeLessThanOrEqual(11_000);

  await openCatalog(page);
  await page.getByTestId('filter-marketplace-amazon').click();
  await expectTotal(page, before.size);

  await page.getByRole('button', { name: 'Bulk edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk edit' });
  await expect(dialog).toBeVisible();
  const everything = dialog.getByRole('radio', { name: /Everything matching the search and filters/ });
  await expect(everything).toBeChecked();
  await expect(dialog.getByTestId('bulk-scope-query-count')).toHaveAttribute('data-count', String(before.size));
  await expect(dialog.getByTestId('bulk-scope-query-count')).toContainText(`${before.size.toLocaleString('en-US')} listings — Amazon`);
  await dialog.getByLabel('Change', { exact: true }).selectOption('price');
  await dialog.getByLabel('Price rule').selectOption('percent');
  await dialog.getByLabel('Percent').fill('10');
  await dialog.getByLabel('Rounding').selectOption('none');
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Preview' }).click();

  const preview = dialog.getByTestId('bulk-preview');
  await expect(preview).toHaveAttribute('data-matched', String(before.size));
  await expect(preview).toHaveAttribute('data-will-change', String(priced));
  await expect(dialog.getByTestId('bulk-preview-summary')).toContainText(`${priced.toLocaleString('en-US')} listings will change, 0 skipped`);
  await expect(dialog.getByTestId('bulk-samples').locator('tbody tr')).toHaveCount(20);
  await snap(page, testInfo, 'bulk-dialog-preview');

  await dialog.getByRole('button', { name: `Apply to ${priced.toLocaleString('en-US')} listings` }).click();
  await expect(dialog.getByTestId('bulk-result')).toHaveAttribute('data-changed', String(priced), { timeout: 60_000 });
  await snap(page, testInfo, 'bulk-dialog-result');
  await dialog.getByTestId('bulk-done').click();
  await expect(dialog).toBeHidden();

  // Every price is +10 % (to the nearest minor unit); unpriced listings stay unpriced.
  const after = await pricesOf(filter);
  expect(after.size).toBe(before.size);
  let changed = 0;
  for (const [id, price] of before) {
    const now = after.get(id);
    if (price === null) {
      expect(now).toBeNull();
      continue;
    }
    expect(Math.abs(now! - price * 1.1), `listing ${id}: ${price} → ${now}`).toBeLessThanOrEqual(0.5 + 1e-9);
    if (now !== price) changed++;
  }
  expect(changed).toBeGreaterThan(priced * 0.95);
  // The grid shows the new prices too: every visible row's price cell is the catalog's new price.
  await expect.poll(async () => gridPriceMismatches(page, after)).toEqual({ checked: expect.any(Number), wrong: [] });
  expect((await gridPriceMismatches(page, after)).checked).toBeGreaterThan(10);
  await expect(page.getByTestId('undo-button')).toContainText('Price +10 %');

  // Ctrl+Z (focus in the grid, not in a text field) undoes the whole bulk edit.
  await page.getByTestId('grid').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status-notice')).toContainText(`Undid: Price +10 % on ${priced.toLocaleString('en-US')} listings`, { timeout: 60_000 });
  const restored = await pricesOf(filter);
  expect(restored).toEqual(before);
  const sum = (m: Map<number, number | null>) => [...m.values()].reduce<number>((a, p) => a + (p ?? 0), 0);
  expect(sum(restored)).toBe(sum(before));
  await expect(page.getByTestId('redo-button')).toBeEnabled();
  await expect(page.getByTestId('redo-button')).toContainText('Price +10 %');
  await snap(page, testInfo, 'after-undo');
});
