import { expect, test, type Page } from '@playwright/test';
import type { ContractClient } from '../../common/client.js';
import { connectClient } from '../bench/ws-client.js';
import { startWritableHost, type WritableHost } from './writable-catalog.js';

/**
 * Catalog text is seller- and marketplace-supplied: a listing may carry markup or script from an
 * imported file. Put XSS payloads into titles, descriptions, tags, brands and image URLs of a few
 * listings (through the contract, as an import or an edit would), then show them everywhere the UI
 * renders listing text — the grid, the detail-pane editor, the history, the optimizer's review
 * diff — and check nothing ran: `window.__xss` stays unset, no dialog opens, no element carries an
 * inline handler or a javascript: link, and the payload is on screen as plain text.
 */

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const MARK = 'xssmark';
const TITLE_1 = `${MARK} <img src=x onerror="window.__xss=1"> <script>window.__xss=1</script> vase`;
const TITLE_2 = `${MARK} "><svg onload=window.__xss=1> <iframe src="javascript:window.__xss=1"></iframe> vase`;
const DESCRIPTION = `<p>Hand thrown "><svg onload=window.__xss=1></p><script>window.__xss=1</script><a href="javascript:window.__xss=1">care guide</a> <img src=x onerror=alert(1)>`;
const TAGS = ['<img src=x onerror=window.__xss=1>', '"><svg onload=window.__xss=1>', "javascript:alert('x')"];
const BRAND = '<b onmouseover=window.__xss=1>Kiln</b>';
const IMAGES = ['javascript:window.__xss=1', 'data:text/html,<script>window.__xss=1</script>', 'https://example.invalid/a.jpg" onerror="window.__xss=1'];

let host: WritableHost;
let api: { client: ContractClient; close: () => void };
let ids: number[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000); // the first run builds the cached 60k catalog
  host = await startWritableHost();
  const url = new URL(host.url);
  api = await connectClient(Number(url.port), url.hash.replace(/^#token=/, ''));
  // Shopify listings: no 20-character tag limit refuses the long payload tags.
  const view = await api.client.call('grid.open', { sort: { column: 'updated', direction: 'desc' }, filter: { marketplaces: ['shopify'] } });
  const page = await api.client.call('grid.rows', { viewId: view.viewId, offset: 0, limit: 3 });
  await api.client.call('grid.close', { viewId: view.viewId });
  ids = page.rows.map((row) => row.id);
  expect(ids).toHaveLength(3);
  for (const id of ids) {
    await api.client.call('listing.update', { id, changes: { title: TITLE_1, description: DESCRIPTION, tags: TAGS, brand: BRAND, images: IMAGES } });
    // A second edit, so the history shows a payload as "before" as well as "after".
    await api.client.call('listing.update', { id, changes: { title: TITLE_2 } });
  }
});
test.afterAll(async () => {
  api?.close();
  await host?.stop();
});

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

/** Every dialog the page opens (alert, confirm, prompt) is a failure; it is recorded and dismissed. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** Elements that would run script: inline handlers, javascript: links, injected script/iframe/svg-with-handlers. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') || (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^\s*javascript:/i.test(attr.value))) {
          found.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value}">`);
        }
      }
      if (el.tagName === 'SCRIPT' || el.tagName === 'IFRAME') found.push(`<${el.tagName.toLowerCase()}>`);
    }
    return found;
  });
}

async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await injected(page)).toEqual([]);
}

async function openPayloadRows(page: Page): Promise<void> {
  await page.goto(host.url);
  await expect(readyRows(page).first()).toBeVisible();
  await page.getByTestId('search-input').fill(MARK);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(ids.length));
  await expect(readyRows(page)).toHaveCount(ids.length);
}

test('payloads in the grid, the detail-pane editor and the history stay text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await openPayloadRows(page);
  const row = page.locator(`[data-testid="grid-scroll"] [role="row"][data-state="ready"][data-listing-id="${ids[0]}"]`);
  await expect(row.getByRole('gridcell').first()).toHaveText(TITLE_2);
  await expectNothingRan(page, dialogs);

  // The detail pane: heading, editor fields, tag chips, image thumbnails.
  await row.getByRole('gridcell').nth(1).click();
  const pane = page.getByTestId('detail-pane');
  await expect(pane.getByTestId('listing-editor')).toBeVisible();
  await expect(pane.getByTestId('detail-title')).toHaveText(TITLE_2);
  await expect(pane.locator('#edit-title')).toHaveValue(TITLE_2);
  await expect(pane.locator('#edit-description')).toHaveValue(DESCRIPTION);
  await expect(pane.locator('#edit-brand')).toHaveValue(BRAND);
  const chips = pane.getByTestId('edit-tags-chip');
  await expect(chips).toHaveCount(TAGS.length);
  for (const [i, tag] of TAGS.entries()) await expect(chips.nth(i)).toContainText(tag);
  const thumbs = pane.getByTestId('image-thumb');
  await expect(thumbs).toHaveCount(IMAGES.length);
  // Only https: and data:image/ addresses may load; the rest are shown as their address, as text.
  for (const [i, src] of IMAGES.entries()) {
    if (src.startsWith('https://')) continue;
    await expect(thumbs.nth(i)).toHaveAttribute('data-state', 'blocked');
    await expect(thumbs.nth(i)).toContainText(src);
  }
  await expectNothingRan(page, dialogs);

  // History: the payload as "after" of the first edit and "before" of the second.
  await pane.getByRole('tab', { name: 'History' }).click();
  const revisions = pane.getByTestId('revision');
  await expect(revisions.first()).toBeVisible();
  const titleChanges = pane.locator('[data-testid="revision"] [data-field="title"]');
  await expect(titleChanges.first().getByTestId('rev-after')).toContainText(TITLE_2);
  await expect(titleChanges.first().getByTestId('rev-before')).toContainText(TITLE_1);
  await expect(pane.getByTestId('history')).toContainText('<script>window.__xss=1</script>');
  await expectNothingRan(page, dialogs);
});

test('payloads in the optimizer review diff stay text', async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);
  const job = await api.client.call('jobs.start', { scope: { kind: 'ids', ids }, marketplace: 'etsy', kind: 'optimize' });
  await expect
    .poll(async () => (await api.client.call('jobs.list', {})).jobs.find((j) => j.id === job.id)?.state, { timeout: 60_000 })
    .toBe('done');
  const { proposals } = await api.client.call('proposals.list', { jobId: job.id, limit: 100 });
  // The diff must have payload text to show: a proposal whose before or after holds one.
  const withPayload = proposals.filter((p) => /__xss|onerror|onload/.test(JSON.stringify([p.before, p.after])));
  expect(withPayload.length).toBeGreaterThan(0);

  await openPayloadRows(page);
  await page.getByTestId('jobs-button').click();
  const panel = page.getByTestId('jobs-panel');
  const jobRow = panel.locator(`[data-testid="job-row"][data-job-id="${job.id}"]`);
  await expect(jobRow).toHaveAttribute('data-state', 'done');
  await jobRow.getByTestId('job-review').click();
  const review = page.getByTestId('review-dialog');
  await expect(review.getByTestId('review-body')).toHaveAttribute('data-loading', 'false');
  await expect(review.getByTestId('review-listing').first()).toBeVisible();
  await expect(review.getByTestId('review-field').first()).toBeVisible();
  await expect(review.getByTestId('review-body')).toContainText('<script>window.__xss=1</script>');
  await expect(review.getByTestId('review-body')).toContainText(TAGS[0]!);
  // Each payload-carrying proposal's words are on screen as text. The diff splits them into words
  // and may put a line break between a removed and an added word, so whitespace is not compared.
  const shown = ((await review.getByTestId('review-body').textContent()) ?? '').replace(/\s+/g, '');
  for (const p of withPayload) {
    const text = typeof p.before === 'string' ? p.before : Array.isArray(p.before) ? p.before.join(' ') : '';
    for (const word of text.split(/\s+/).filter((w) => /__xss|onerror|onload|<script>/.test(w))) expect(shown).toContain(word);
  }
  await expectNothingRan(page, dialogs);
  const listing = await api.client.call('listing.get', { id: ids[0]! });
  expect(listing.title).toBe(TITLE_2);
});
