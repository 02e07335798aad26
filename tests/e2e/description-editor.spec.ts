import { expect, test, type Page } from '@playwright/test';
import type { ContractClient } from '../../common/client.js';
import { connectClient } from '../bench/ws-client.js';
import { startWritableHost, type WritableHost } from './writable-catalog.js';

/**
 * Issue 17, item 4: descriptions edited as text with basic formatting, not as raw HTML. A Shopify
 * description full of editor attributes (data-start, data-mce-*, inline styles) opens as text;
 * opening it changes nothing; bold, a list item and a link are added with the buttons; what is
 * saved is simple HTML with none of that noise; the HTML view shows the code. Amazon (plain text)
 * gets a plain text box; a javascript: link never becomes a link.
 */
let host: WritableHost;
let api: { client: ContractClient; close: () => void };
const ids: Record<'shopify' | 'amazon', number> = { shopify: 0, amazon: 0 };
const NOISY = '<p data-start="0" data-end="42" data-mce-style="x">Soft cotton tee for <span style="color:red">summer</span></p><ul data-mce-fragment="1"><li>Machine wash</li><li>Organic</li></ul><p><a href="javascript:window.__x=1">Care guide</a></p>';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startWritableHost();
  const url = new URL(host.url);
  api = await connectClient(Number(url.port), url.hash.replace(/^#token=/, ''));
  for (const marketplace of ['shopify', 'amazon'] as const) {
    const view = await api.client.call('grid.open', { sort: { column: 'updated', direction: 'desc' }, filter: { marketplaces: [marketplace] } });
    const page = await api.client.call('grid.rows', { viewId: view.viewId, offset: 0, limit: 1 });
    ids[marketplace] = page.rows[0]!.id;
    await api.client.call('grid.close', { viewId: view.viewId });
  }
  await api.client.call('listing.update', { id: ids.shopify, changes: { title: 'LSDESC Shopify Cotton Tee', description: NOISY } });
  await api.client.call('listing.update', { id: ids.amazon, changes: { title: 'LSDESC Amazon Cotton Tee', description: 'Soft cotton tee.\nMachine wash.' } });
});
test.afterAll(async () => {
  api?.close();
  await host?.stop();
});

async function openListing(page: Page, title: string): Promise<ReturnType<Page['getByTestId']>> {
  await page.goto(host.url);
  await page.getByTestId('search-input').fill(title);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '1');
  await page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]').first().click();
  const pane = page.getByTestId('detail-pane');
  await expect(pane.getByTestId('listing-editor')).toBeVisible();
  return pane;
}

/** Selects `text` inside the formatted description (a real selection, as a mouse drag makes). */
async function select(page: Page, text: string): Promise<void> {
  await page.getByTestId('description-formatted').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      (root as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`no "${wanted}" in the description`);
  }, text);
}

test('a Shopify description: edited as text with bold, a list and a link; saved as clean HTML', async ({ page }, info) => {
  const pane = await openListing(page, 'LSDESC Shopify');
  const editor = pane.getByTestId('description-editor');
  await expect(editor).toHaveAttribute('data-view', 'formatted');
  const text = pane.getByTestId('description-formatted');
  await expect(text).toHaveAttribute('role', 'textbox');
  await expect(pane.getByRole('textbox', { name: 'Description' })).toBeVisible();
  await expect(text).toContainText('Soft cotton tee for summer');
  await expect(text.locator('li')).toHaveText(['Machine wash', 'Organic']);
  // The noise is not shown, the unsafe link is text, and opening changed nothing.
  expect(await text.evaluate((el) => el.querySelectorAll('[data-start], [style], a').length)).toBe(0);
  await expect(pane.getByTestId('save-listing')).toBeDisabled();

  // Bold on "summer", a link on "cotton", more text in the last list item.
  await select(page, 'summer');
  await pane.getByTestId('description-bold').click();
  await expect(pane.getByTestId('description-bold')).toHaveAttribute('aria-pressed', 'true');
  await select(page, 'cotton');
  await pane.getByTestId('description-link').click();
  await pane.getByTestId('description-link-url').fill('javascript:alert(1)');
  await pane.getByTestId('description-link-url').press('Enter');
  await expect(pane.getByRole('alert').filter({ hasText: 'https://' })).toBeVisible();
  await pane.getByTestId('description-link-url').fill('https://example.com/care');
  await pane.getByTestId('description-link-apply').click();
  await text.locator('li').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' and soft');
  await pane.getByTestId('edit-description-field').screenshot({ path: info.outputPath('description-editor.png') });
  await info.attach('description-editor', { path: info.outputPath('description-editor.png'), contentType: 'image/png' });

  await pane.getByTestId('save-listing').click();
  await expect(pane.getByTestId('save-status')).toHaveText('Saved');
  const saved = (await api.client.call('listing.get', { id: ids.shopify })).description;
  expect(saved).toContain('<strong>summer</strong>');
  expect(saved).toContain('<a href="https://example.com/care">cotton</a>');
  expect(saved).toMatch(/<li>Organic and soft<\/li>/);
  expect(saved).toContain('Care guide');
  expect(saved).not.toMatch(/data-|style=|javascript:|<span/);

  // The HTML view shows exactly what was saved.
  await pane.getByTestId('description-view-html').click();
  await expect(pane.locator('textarea#edit-description')).toHaveValue(saved);
  expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
});

test('an Amazon description (plain text there) gets a plain text box, no formatting', async ({ page }) => {
  const pane = await openListing(page, 'LSDESC Amazon');
  await expect(pane.getByTestId('description-plain-note')).toContainText('Amazon shows descriptions as plain text');
  await expect(pane.getByTestId('description-bold')).toHaveCount(0);
  await expect(pane.locator('textarea#edit-description')).toHaveValue('Soft cotton tee.\nMachine wash.');
});
