import { expect, test, type Page } from '@playwright/test';
import type { ContractClient } from '../../common/client.js';
import { connectClient } from '../bench/ws-client.js';
import { startWritableHost, type WritableHost } from './writable-catalog.js';

/**
 * The review view's newer parts, against a private copy of the demo catalog: price rules chosen in
 * the Optimize dialog (and remembered for the marketplace), a spelling suggestion shown — not
 * applied — under a listing's proposals, and the review's one accept-all covering the listings
 * matching the grid filter (count shown first, the job's total as changes on listings), applied as
 * one undoable change to only the matching listing.
 */

let host: WritableHost;
let api: { client: ContractClient; close: () => void };

test.beforeAll(async () => {
  test.setTimeout(180_000); // the first run builds the cached catalog
  host = await startWritableHost();
  const url = new URL(host.url);
  api = await connectClient(Number(url.port), url.hash.replace(/^#token=/, ''));
});
test.afterAll(async () => {
  api?.close();
  await host?.stop();
});

async function search(page: Page, text: string, total: number): Promise<void> {
  await page.getByTestId('search-input').fill(text);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(total));
  await expect(page.getByTestId('grid')).toHaveAttribute('data-view-state', 'ready');
}

test('price rules, a spelling suggestion, and accept-all matching the grid filter', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // Two Etsy listings with the same typo: a ring and a bracelet, at prices the .99 rule moves.
  const view = await api.client.call('grid.open', { sort: { column: 'updated', direction: 'desc' }, filter: { marketplaces: ['etsy'] } });
  const page0 = await api.client.call('grid.rows', { viewId: view.viewId, offset: 0, limit: 2 });
  await api.client.call('grid.close', { viewId: view.viewId });
  const [ring, bracelet] = page0.rows.map((r) => r.id);
  expect(ring).toBeDefined();
  expect(bracelet).toBeDefined();
  await api.client.call('listing.update', { id: ring!, changes: { title: 'Handmade sterling silvr ring with moonstone', priceMinor: 1234, brand: 'Zorblax' } });
  await api.client.call('listing.update', { id: bracelet!, changes: { title: 'Handmade sterling silvr bracelet with moonstone', priceMinor: 2234, brand: 'Zorblax' } });

  await page.goto(host.url);
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(host.rows));
  await search(page, 'silvr', 2);

  // Optimize both for Etsy with a price rule: end in .99, rounding up.
  await page.getByTestId('optimize-button').click();
  const dialog = page.getByTestId('optimize-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('optimize-scope-query')).toBeChecked();
  await page.getByTestId('optimize-marketplace').selectOption('etsy');
  await expect(page.getByTestId('optimize-price-enabled')).not.toBeChecked();
  await page.getByTestId('optimize-price-enabled').check();
  await page.getByTestId('optimize-price-ending').selectOption('99');
  await page.getByTestId('optimize-price-direction').selectOption('up');
  await page.getByTestId('optimize-price-min').fill('5');
  const optimizeShot = testInfo.outputPath('optimize-price-rules.png');
  await page.screenshot({ path: optimizeShot });
  await testInfo.attach('optimize-price-rules', { path: optimizeShot, contentType: 'image/png' });
  await page.getByTestId('optimize-start').click();
  await expect(dialog).toBeHidden();

  const panel = page.getByTestId('jobs-panel');
  const job = panel.locator('[data-testid="job-row"][data-total="2"]').first();
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const jobId = Number(await job.getAttribute('data-job-id'));
  const { proposals } = await api.client.call('proposals.list', { jobId, limit: 100 });
  const price = (id: number) => proposals.find((p) => p.listingId === id && p.field === 'price');
  expect(price(ring!)?.after).toBe(1299);
  expect(price(bracelet!)?.after).toBe(2299);
  const ringCount = proposals.filter((p) => p.listingId === ring).length;
  const braceletCount = proposals.filter((p) => p.listingId === bracelet).length;

  // Narrow the grid to the ring, then review the job: the matching count covers the ring only.
  await panel.getByTestId('jobs-close').click();
  await search(page, 'silvr ring', 1);
  await page.getByTestId('jobs-button').click();
  // The panel's "with changes" is the review's listings count (both listings got proposals).
  await expect(job.getByTestId('job-pending-listings')).toHaveText('2 with changes');
  await job.getByTestId('job-review').click();
  const review = page.getByTestId('review-dialog');
  await expect(review.getByTestId('review-body')).toHaveAttribute('data-loading', 'false');
  await expect(review.getByTestId('review-listing')).toHaveCount(2);
  const matching = review.getByTestId('review-matching');
  await expect(matching).toHaveAttribute('data-count', String(ringCount));
  await expect(review.getByTestId('review-matching-count')).toHaveText(`${ringCount} proposed change${ringCount === 1 ? '' : 's'}`);
  // One accept-all: it covers the matching listings; the job's total is one pair (changes on listings).
  await expect(review.getByRole('button', { name: /^Accept all/ })).toHaveCount(1);
  await expect(review.getByTestId('review-accept-all')).toHaveText(`Accept all ${ringCount} matching`);
  await expect(review.getByTestId('review-total')).toHaveAttribute('data-changes', String(ringCount + braceletCount));
  await expect(review.getByTestId('review-total')).toHaveAttribute('data-listings', '2');
  await expect(review.getByTestId('review-total')).toContainText(`${ringCount + braceletCount} proposed changes on 2 listings`);

  // The typo is shown with its correction; the brand is not flagged; nothing is applied.
  const ringReview = review.locator(`[data-testid="review-listing"][data-listing-id="${ring}"]`);
  const typo = ringReview.locator('[data-testid="spelling-word"][data-word="silvr"][data-field="title"]');
  await expect(typo).toBeVisible();
  await expect(typo.getByTestId('spelling-suggestions')).toContainText('silver');
  await expect(ringReview.locator('[data-testid="spelling-word"][data-word="Zorblax"]')).toHaveCount(0);
  await typo.scrollIntoViewIfNeeded();
  const shot = testInfo.outputPath('review-spelling-matching.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('review-spelling-matching', { path: shot, contentType: 'image/png' });
  expect((await api.client.call('listing.get', { id: ring! })).title).toContain('silvr');

  // Accept all matching: the ring's changes only, as one undoable change.
  await review.getByTestId('review-accept-all').click();
  await expect(review.getByTestId('review-outcome')).toContainText(`Accepted ${ringCount} change`);
  await expect(review.getByTestId('review-outcome')).toContainText('on 1 listing');
  await expect(review.getByTestId('review-listing')).toHaveCount(1);
  await expect(review.locator(`[data-testid="review-listing"][data-listing-id="${bracelet}"]`)).toBeVisible();
  await expect(matching).toHaveAttribute('data-count', '0');
  await expect(review.getByTestId('review-accept-all')).toBeDisabled();
  await expect(review.getByTestId('review-total')).toHaveAttribute('data-changes', String(braceletCount));
  await expect(review.getByTestId('review-total')).toHaveAttribute('data-listings', '1');
  expect((await api.client.call('listing.get', { id: ring! })).priceMinor).toBe(1299);
  expect((await api.client.call('listing.get', { id: bracelet! })).priceMinor).toBe(2234);
  const left = await api.client.call('proposals.list', { jobId, limit: 100 });
  expect(left.matching).toBe(braceletCount);
  // Dialogs close in order: Escape closes the review only (back to the jobs panel), then the panel.
  await page.keyboard.press('Escape');
  await expect(review).toBeHidden();
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('undo-button')).toHaveAttribute('title', /optimi/i);

  // The price rules are remembered for Etsy.
  await page.getByTestId('optimize-button').click();
  await expect(page.getByTestId('optimize-price-enabled')).toBeChecked();
  await expect(page.getByTestId('optimize-price-ending')).toHaveValue('99');
  await expect(page.getByTestId('optimize-price-direction')).toHaveValue('up');
  await expect(page.getByTestId('optimize-price-min')).toHaveValue('5');
  await page.getByTestId('optimize-cancel').click();
});
