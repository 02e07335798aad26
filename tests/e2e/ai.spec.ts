import { expect, test, type Page } from '@playwright/test';
import type { ContractClient } from '../../common/client.js';
import type { ProposalView } from '../../common/job-types.js';
import { startFakeGroq, type FakeGroq } from '../../core/ai/fake-groq/server.js';
import { connectClient } from '../bench/ws-client.js';
import { startWritableHost, type WritableHost } from './writable-catalog.js';
import { goToRow } from './toolbar-reach.js';

/**
 * Issue 6 in the UI: the web host talks to the fake Groq server (GROQ_BASE_URL), the seller pastes
 * a key in Tools › AI settings, rewrites 50 Etsy listings with AI, reviews the diff and accepts.
 * The key never comes back over the contract.
 */
const KEY = 'gsk_e2e_test_key_0123456789abcdef';
let fake: FakeGroq;
let host: WritableHost;
let api: { client: ContractClient; close: () => void };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fake = await startFakeGroq({ apiKeys: [KEY], limits: { rpm: 1_000, tpm: 250_000, rpd: 500_000 }, latencyMs: 50 });
  host = await startWritableHost(60_000, { GROQ_BASE_URL: fake.url });
  const url = new URL(host.url);
  api = await connectClient(Number(url.port), url.hash.replace(/^#token=/, ''));
});
test.afterAll(async () => {
  api?.close();
  await host?.stop();
  await fake?.close();
});

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

test('set a key, rewrite 50 Etsy listings with AI, review the diff, accept', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expect(readyRows(page).first()).toBeVisible();

  // Without a key the Optimize dialog offers AI but says what it needs.
  await page.getByTestId('optimize-button').click();
  await expect(page.getByTestId('optimize-method-ai')).toBeDisabled();
  await expect(page.getByTestId('optimize-method-ai-note')).toContainText('Groq API key');
  await page.getByTestId('optimize-cancel').click();

  // Tools › AI settings: paste, save and test the key.
  await page.getByTestId('tools-menu').click();
  await page.getByTestId('ai-settings-button').click();
  const settings = page.getByTestId('ai-settings-dialog');
  await expect(settings).toBeVisible();
  await expect(settings.getByTestId('ai-key-state')).toContainText('No key yet');
  await settings.getByTestId('ai-key-input').fill('gsk_wrong_key_but_long_enough_000');
  await settings.getByTestId('ai-key-save').click();
  await expect(settings.getByTestId('ai-settings-message')).toContainText('refused the API key');
  await settings.getByTestId('ai-key-input').fill(KEY);
  await settings.getByTestId('ai-key-save').click();
  await expect(settings.getByTestId('ai-settings-message')).toContainText('The key works');
  await expect(settings.getByTestId('ai-key-state')).toContainText('A key is saved');
  await expect(settings.getByTestId('ai-key-input')).toHaveValue('');
  await expect(settings.getByTestId('ai-model').locator('option')).toHaveCount(3);
  const shot = testInfo.outputPath('ai-settings.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('ai-settings', { path: shot, contentType: 'image/png' });
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // The key never comes back through the contract.
  const status = await api.client.call('ai.status', {});
  expect(JSON.stringify(status)).not.toContain(KEY);
  expect(status.key).toMatchObject({ present: true, source: 'stored' });

  // Select 50 Etsy listings and rewrite them with AI.
  await page.getByTestId('filter-marketplace-etsy').click();
  await expect(page.getByTestId('grid')).toHaveAttribute('data-view-state', 'ready');
  await readyRows(page).first().getByRole('gridcell').nth(1).click();
  await goToRow(page, 50);
  const last = page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"][data-row-index="49"]');
  await expect(last).toBeVisible();
  await last.getByRole('gridcell').nth(1).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '50');
  await page.getByTestId('optimize-button').click();
  await expect(page.getByTestId('optimize-method-ai')).toBeEnabled();
  await page.getByTestId('optimize-method-ai').check();
  await expect(page.getByTestId('optimize-start')).toHaveText('Rewrite 50 listings');
  await page.getByTestId('optimize-start').click();

  const panel = page.getByTestId('jobs-panel');
  const job = panel.getByTestId('job-row').first();
  await expect(job).toHaveAttribute('data-total', '50');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(job).toHaveAttribute('data-done', '50');
  const jobId = Number(await job.getAttribute('data-job-id'));
  expect(fake.stats().byStatus[200]).toBeGreaterThan(0);

  const { proposals } = await api.client.call('proposals.list', { jobId, limit: 1_000 });
  const titles = proposals.filter((p: ProposalView) => p.field === 'title');
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.every((p: ProposalView) => p.changes[0]?.ruleId === 'ai.rewrite')).toBe(true);

  // Review: the diff names the AI as the reason; accept all.
  await job.getByTestId('job-review').click();
  const review = page.getByTestId('review-dialog');
  await expect(review.getByTestId('review-body')).toHaveAttribute('data-loading', 'false');
  const titleDiff = review.locator('[data-testid="review-field"][data-field="title"]').first();
  await expect(titleDiff.locator('ins.diff-added, del.diff-removed').first()).toBeVisible();
  await expect(titleDiff.locator('.review-reasons li').first()).toContainText('Rewritten by AI');
  const reviewShot = testInfo.outputPath('ai-review.png');
  await page.screenshot({ path: reviewShot });
  await testInfo.attach('ai-review', { path: reviewShot, contentType: 'image/png' });
  await review.getByTestId('review-accept-all').click();
  await expect(review.getByTestId('review-outcome')).toContainText('Accepted');

  // Every accepted title is in the catalog, marked AI-written, with the AI as the revision's author.
  for (const proposal of titles.slice(0, 10)) {
    const listing = await api.client.call('listing.get', { id: proposal.listingId });
    expect(listing.title).toBe(proposal.after);
    expect(listing.aiWritten).toContain('title');
    const { revisions } = await api.client.call('listing.history', { id: proposal.listingId });
    expect(revisions[0]?.author).toBe('ai');
  }

  // The editor marks the AI's text; the mark goes once the seller types over it.
  await review.getByTestId('review-close').click();
  await panel.getByTestId('jobs-close').click();
  const first = titles[0]!;
  await page.getByTestId('search-input').fill(String(first.after).split(' ').slice(0, 3).join(' '));
  const row = page.locator(`[data-testid="grid-scroll"] [role="row"][data-listing-id="${first.listingId}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole('gridcell').nth(1).click();
  await expect(page.getByTestId('detail-title')).toHaveText(String(first.after));
  await expect(page.getByTestId('edit-title-ai')).toBeVisible();
  await page.locator('#edit-title').fill(`${String(first.after)} x`);
  await expect(page.getByTestId('edit-title-ai')).toHaveCount(0);
});
