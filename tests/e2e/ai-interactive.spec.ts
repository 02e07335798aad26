import { expect, test } from '@playwright/test';
import type { ContractClient } from '../../common/client.js';
import { startFakeGroq, type FakeGroq } from '../../core/ai/fake-groq/server.js';
import { connectClient } from '../bench/ws-client.js';
import { startWritableHost, type WritableHost } from './writable-catalog.js';

/**
 * Issue 14 item 8 in the UI: while a bulk AI job rewrites every Etsy listing against a fake Groq
 * server on the free tier (30 RPM, 6,000 TPM, ~1 s latency) — so its batches hold both runner
 * lanes and the per-minute budget — the seller opens one listing, presses "Rewrite with AI" in the
 * editor, and its review opens with the AI's proposal while the bulk job is still running.
 */
const KEY = 'gsk_e2e_interactive_key_0123456789';
let fake: FakeGroq;
let host: WritableHost;
let api: { client: ContractClient; close: () => void };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fake = await startFakeGroq({ apiKeys: [KEY], limits: { rpm: 30, tpm: 6_000, rpd: 14_400 }, latencyMs: 800, jitterMs: 200 });
  host = await startWritableHost(60_000, { GROQ_BASE_URL: fake.url });
  const url = new URL(host.url);
  api = await connectClient(Number(url.port), url.hash.replace(/^#token=/, ''));
});
test.afterAll(async () => {
  api?.close();
  await host?.stop();
  await fake?.close();
});

test('a one-listing AI rewrite from the editor completes while a bulk AI job runs', async ({ page }) => {
  test.setTimeout(120_000);
  await api.client.call('ai.setKey', { key: KEY });
  const bulk = await api.client.call('jobs.start', { scope: { kind: 'query', filter: { marketplaces: ['etsy'] } }, marketplace: 'etsy', kind: 'ai', priority: 'bulk' });
  expect(bulk.total).toBeGreaterThan(1_000);
  // The bulk job is under way and has used the per-minute budget: Groq has answered several of its requests.
  await expect.poll(() => fake.stats().byStatus[200] ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

  await page.goto(host.url);
  const row = page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]').first();
  await expect(row).toBeVisible();
  await row.getByRole('gridcell').nth(1).click();
  const rewrite = page.getByTestId('ai-rewrite-button');
  await expect(rewrite).toBeEnabled();
  await rewrite.click();
  await expect(page.getByTestId('ai-rewrite')).toHaveAttribute('data-phase', 'running');

  // The review opens on this listing's AI proposal (the bulk job would take an hour on this plan).
  const review = page.getByTestId('review-dialog');
  await expect(review).toBeVisible({ timeout: 20_000 });
  await expect(review.getByTestId('review-body')).toHaveAttribute('data-loading', 'false');
  await expect(review.locator('.review-reasons li').first()).toContainText('Rewritten by AI');

  // The bulk job is still running: the one-listing rewrite went ahead of it, not after it.
  const { jobs } = await api.client.call('jobs.list', {});
  const bulkNow = jobs.find((job) => job.id === bulk.id)!;
  expect(bulkNow.state).toBe('running');
  expect(bulkNow.done).toBeLessThan(bulkNow.total);
  const single = jobs.find((job) => job.id !== bulk.id && job.kind === 'ai')!;
  expect(single).toMatchObject({ state: 'done', total: 1, done: 1, priority: 10 });

  // Accept it: one undoable change, the title now the AI's.
  await review.getByTestId('review-accept-all').click();
  await expect(review.getByTestId('review-outcome')).toContainText('Accepted');
  await api.client.call('jobs.cancel', { jobId: bulk.id });
});
