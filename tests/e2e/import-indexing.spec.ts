import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWritableHost, type WritableHost } from './writable-catalog.js';

/**
 * Issue 15: a large import is in the grid as soon as it commits; its search entries and scores
 * follow in the background, with progress in the status bar, and a search meanwhile says how many
 * listings it may miss. The host indexes 2 listings per slice here (LISTSMITH_INDEX_SLICE), so
 * the phase lasts long enough to watch on any machine.
 */
const ROWS = 12_000;
const WORD = 'quokkaware';

let host: WritableHost;
let dir: string;
let file: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  host = await startWritableHost(60_000, { LISTSMITH_INDEX_SLICE: '2' });
  dir = mkdtempSync(join(tmpdir(), 'listsmith-e2e-indexing-'));
  file = join(dir, 'big-import.jsonl');
  const lines = Array.from({ length: ROWS }, (_, i) =>
    JSON.stringify({ marketplace: 'etsy', sourceId: `qw-${i}`, sku: `QW-${i}`, title: `${WORD} stoneware mug ${i}`, priceMinor: 1_500 + i, currency: 'USD', quantity: 3, status: 'active', tags: ['mug'] }),
  );
  writeFileSync(file, lines.join('\n') + '\n');
});

test.afterAll(async () => {
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('shows a large import in the grid before indexing ends, and search finds all of it after', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(host.url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '60000');

  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('import-step')).toHaveAttribute('data-step', 'preview', { timeout: 30_000 });
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 120_000 });

  // Phase one done: the listings are in the grid while the status bar still reports indexing.
  const status = page.getByTestId('indexing-status');
  await expect(status).toContainText(/Indexing \d+ % — search may miss new listings/);
  await page.getByTestId('report-show-in-grid').click();
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(ROWS));
  await expect(page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]').first()).toContainText(WORD);

  // A search meanwhile finds the part already indexed and says how many it may miss.
  await page.getByTestId('search-input').fill(WORD);
  await expect(status).toContainText(/this search may miss [\d,]+ new listings not indexed yet/);
  const waiting = Number(await status.getAttribute('data-waiting'));
  expect(waiting).toBeGreaterThan(0);
  const during = Number(await page.getByTestId('total-count').getAttribute('data-total'));
  expect(during).toBeLessThan(ROWS);

  // Phase two done: the status clears and the same search finds every imported listing.
  await expect(status).toHaveCount(0, { timeout: 180_000 });
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(ROWS), { timeout: 30_000 });
});
