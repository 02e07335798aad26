import { expect, test, type Page } from '@playwright/test';
import type { ContractClient } from '../../common/client.js';
import type { ProposalView } from '../../common/job-types.js';
import { connectClient } from '../bench/ws-client.js';
import { startWritableHost, type WritableHost } from './writable-catalog.js';
import { goToRow } from './toolbar-reach.js';

/**
 * Issue 5 in the UI, against a private copy of a 60,000-listing demo catalog: select 1,000 Etsy
 * listings (click, go to row 1,000, Shift-click), optimize them for Etsy, follow the job's progress
 * in the jobs panel, review the word diff, accept all, see the new titles in the grid (checked
 * against the proposals through the contract), and undo it with Ctrl+Z.
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

async function expectTotal(page: Page, total: number): Promise<void> {
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(total));
  await expect(page.getByTestId('grid')).toHaveAttribute('data-view-state', 'ready');
  await expect(readyRows(page).first()).toBeVisible();
}

/** The page never scrolls sideways: the toolbar with its optimize and jobs buttons fits. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

test('optimizes 1,000 Etsy listings: progress, review diff, accept all, new titles in the grid, undo', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expectTotal(page, host.rows);
  await expectNoSidewaysScroll(page);
  const etsy = (await api.client.call('catalog.stats', {})).byMarketplace.etsy ?? 0;
  expect(etsy).toBeGreaterThan(1_000);
  await page.getByTestId('filter-marketplace-etsy').click();
  await expectTotal(page, etsy);

  // Select rows 1–1,000: click the first, go to row 1,000, Shift-click it.
  await readyRows(page).first().getByRole('gridcell').nth(1).click();
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '1');
  await goToRow(page, 1000);
  const last = page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"][data-row-index="999"]');
  await expect(last).toBeVisible();
  await last.getByRole('gridcell').nth(1).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '1000');

  // Optimize for Etsy (the filter's marketplace is the default target).
  await page.getByTestId('optimize-button').click();
  const dialog = page.getByTestId('optimize-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('optimize-scope-selection')).toBeChecked();
  await expect(page.getByTestId('optimize-scope-selection-count')).toHaveAttribute('data-count', '1000');
  await expect(page.getByTestId('optimize-marketplace')).toHaveValue('etsy');
  await expect(page.getByTestId('optimize-auto-apply')).not.toBeChecked();
  await page.getByTestId('optimize-start').click();
  await expect(dialog).toBeHidden();

  // The jobs panel opens with the job: a progress bar that reaches 1,000 / 1,000.
  const panel = page.getByTestId('jobs-panel');
  await expect(panel).toBeVisible();
  const job = panel.getByTestId('job-row').first();
  await expect(job).toHaveAttribute('data-total', '1000');
  await expect(job.getByTestId('job-progress')).toBeVisible();
  await expect(job.getByTestId('job-stats')).toContainText('/ 1,000');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(job).toHaveAttribute('data-done', '1000');
  await expect(job.getByTestId('job-progress')).toHaveAttribute('value', '1000');
  const jobId = Number(await job.getAttribute('data-job-id'));
  const panelShot = testInfo.outputPath('jobs-panel.png');
  await page.screenshot({ path: panelShot });
  await testInfo.attach('jobs-panel', { path: panelShot, contentType: 'image/png' });
  await expect(page.getByTestId('jobs-badge')).toHaveCount(0);

  // Every pending title proposal of the job, read through the contract (the expected new titles).
  const { proposals } = await api.client.call('proposals.list', { jobId, limit: 2_000 });
  const titles = new Map<number, ProposalView>(proposals.filter((p) => p.field === 'title').map((p) => [p.listingId, p]));
  expect(titles.size).toBeGreaterThan(0);

  // "Has proposals" shows exactly the listings with pending proposals, each with a marker.
  const withProposals = await api.client.call('grid.open', { sort: { column: 'updated', direction: 'desc' }, filter: { marketplaces: ['etsy'], hasProposals: true } });
  await api.client.call('grid.close', { viewId: withProposals.viewId });
  expect(withProposals.total).toBeGreaterThanOrEqual(titles.size);
  await panel.getByTestId('jobs-close').click();
  await expect(panel).toBeHidden();
  await page.getByTestId('filter-has-proposals').click();
  await expectTotal(page, withProposals.total);
  const marked = readyRows(page).first();
  await expect(marked.getByTestId('pending-proposal-marker')).toBeVisible();
  await expect(marked.getByTestId('pending-proposal-marker')).toHaveAccessibleName('Has pending proposals');
  await page.getByTestId('filter-has-proposals').click();
  await expectTotal(page, etsy);
  await page.getByTestId('jobs-button').click();
  await expect(panel).toBeVisible();

  // Review: a word diff per field with the rules behind it.
  await job.getByTestId('job-review').click();
  const review = page.getByTestId('review-dialog');
  await expect(review).toBeVisible();
  await expect(review.getByTestId('review-body')).toHaveAttribute('data-loading', 'false');
  await expect(review.getByTestId('review-listing').first()).toBeVisible();
  const titleDiff = review.locator('[data-testid="review-field"][data-field="title"]').first();
  await expect(titleDiff.getByTestId('diff-title')).toBeVisible();
  await expect(titleDiff.locator('ins.diff-added, del.diff-removed').first()).toBeVisible();
  await expect(titleDiff.locator('.review-reasons li').first()).toBeVisible();
  const shot = testInfo.outputPath('review-dialog.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('review-dialog', { path: shot, contentType: 'image/png' });

  // Accept all: one undoable change set.
  await review.getByTestId('review-accept-all').click();
  await expect(review.getByTestId('review-outcome')).toContainText('Accepted');
  await expect(review.getByTestId('review-empty')).toBeVisible();
  await review.getByTestId('review-close').click();
  await expect(review).toBeHidden();
  await panel.getByTestId('jobs-close').click();
  await expect(panel).toBeHidden();
  const undoButton = page.getByTestId('undo-button');
  await expect(undoButton).toBeEnabled();
  await expect(undoButton).toHaveAttribute('title', /optimi/i);
  // Accepted: no listing is marked any more, and "Has proposals" finds none.
  await expect(page.getByTestId('pending-proposal-marker')).toHaveCount(0);
  await page.getByTestId('filter-has-proposals').click();
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '0');
  await expect(page.getByTestId('pending-proposal-marker')).toHaveCount(0);
  await page.getByTestId('filter-has-proposals').click();
  await expectTotal(page, etsy);
  await expectNoSidewaysScroll(page);

  // The grid shows the new title: a listing whose title was proposed, found by its SKU.
  let known: { id: number; sku: string; proposal: ProposalView } | null = null;
  for (const [id, proposal] of titles) {
    const listing = await api.client.call('listing.get', { id });
    if (listing.sku !== null && /^[A-Z]{2}-\d{7}$/.test(listing.sku)) {
      expect(listing.title).toBe(proposal.after);
      known = { id, sku: listing.sku, proposal };
      break;
    }
  }
  expect(known).not.toBeNull();
  const { id: checkedId, sku, proposal } = known!;
  await page.getByTestId('search-input').fill(sku);
  await page.getByTestId('search-input').press('Enter');
  const row = page.locator(`[data-testid="grid-scroll"] [role="row"][data-listing-id="${checkedId}"]`);
  await expect(row).toBeVisible();
  const cell = row.getByRole('gridcell').first();
  await expect(cell).toHaveText(String(proposal.after));
  await cell.click(); // focus the grid (not a text field) for the shortcut

  // Ctrl+Z undoes the whole optimizer change set: the title is back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await api.client.call('listing.get', { id: checkedId })).title, { timeout: 30_000 }).toBe(proposal.before);
  await expect(cell).toHaveText(String(proposal.before), { timeout: 20_000 });
  await expect(page.getByTestId('redo-button')).toBeEnabled();
});

test('cancels a running job over the whole catalog and retries it from the jobs panel', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expectTotal(page, host.rows);

  await page.getByTestId('optimize-button').click();
  await expect(page.getByTestId('optimize-scope-query')).toBeChecked();
  await expect(page.getByTestId('optimize-scope-query-count')).toHaveAttribute('data-count', String(host.rows));
  await page.getByTestId('optimize-marketplace').selectOption('ebay');
  await page.getByTestId('optimize-start').click();

  const panel = page.getByTestId('jobs-panel');
  const job = panel.locator(`[data-testid="job-row"][data-total="${host.rows}"]`).first();
  await expect(job).toBeVisible();
  await expect(job).toHaveAttribute('data-state', /queued|running/);
  await expect(page.getByTestId('jobs-badge')).toHaveText('1');
  await job.getByTestId('job-cancel').click();
  await expect(job).toHaveAttribute('data-state', 'cancelled', { timeout: 10_000 });
  await expect(job.getByTestId('job-error')).toBeVisible();
  const doneAtCancel = Number(await job.getAttribute('data-done'));
  expect(doneAtCancel).toBeLessThan(host.rows);

  // Retry queues the unfinished listings again; the job then finishes them all.
  await job.getByTestId('job-retry').click();
  await expect(job).toHaveAttribute('data-state', /queued|running|done/);
  if ((await job.getAttribute('data-state')) !== 'done' && doneAtCancel < host.rows / 2) {
    // Live progress: a measured rate and the time left, from job.progress events.
    await expect(job.getByTestId('job-rate')).toContainText('listings/s');
    await expect(job.getByTestId('job-eta')).toBeVisible();
  }
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(job).toHaveAttribute('data-done', String(host.rows));
  await expect(job.getByTestId('job-review')).toBeVisible();
  await expect(page.getByTestId('jobs-badge')).toHaveCount(0);
});
