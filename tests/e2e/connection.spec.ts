import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import type { ContractClient } from '../../common/client.js';
import { connectClient } from '../bench/ws-client.js';
import { startWritableHost, type WritableHost } from './writable-catalog.js';

/**
 * Issue 17, item 5: a lost connection. The page's WebSocket goes through Playwright's router, so
 * the test can cut it (and refuse reconnects) while the real host keeps running: a clear banner,
 * editing paused, an edit typed before the cut kept in its field and not saved; a save attempted
 * during the outage is refused on the spot (never queued to land later); after reconnecting the
 * same edit saves.
 */
let host: WritableHost;
let api: { client: ContractClient; close: () => void };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startWritableHost();
  const url = new URL(host.url);
  api = await connectClient(Number(url.port), url.hash.replace(/^#token=/, ''));
});
test.afterAll(async () => {
  api?.close();
  await host?.stop();
});

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

test('banner, editing paused, the typed edit kept and saved only after the core answers again', async ({ page }) => {
  let outage = false;
  const live: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/rpc$/, (ws) => {
    if (outage) {
      void ws.close({ code: 1011, reason: 'outage' });
      return;
    }
    ws.connectToServer();
    live.push(ws);
  });

  await page.goto(host.url);
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', String(host.rows));
  await readyRows(page).first().click();
  const pane = page.getByTestId('detail-pane');
  await expect(pane.getByTestId('listing-editor')).toBeVisible();
  const id = Number(await pane.getAttribute('data-listing-id'));
  const before = await api.client.call('listing.get', { id });
  const title = pane.getByLabel('Title', { exact: true });
  await expect(title).toHaveValue(before.title);
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);

  // The seller types, then the connection drops before they save.
  const typed = `${before.title.slice(0, 40)} (kept through an outage)`;
  await title.fill(typed);
  outage = true;
  for (const ws of live.splice(0)) await ws.close({ code: 1006, reason: 'cut' });

  const banner = page.getByTestId('connection-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Lost the connection');
  await expect(banner).toContainText('Editing is paused');
  // Editing paused: the field keeps what was typed but takes no more; nothing can be saved.
  await expect(title).toBeDisabled();
  await expect(title).toHaveValue(typed);
  await expect(pane.getByTestId('save-listing')).toBeDisabled();
  await expect(pane.getByTestId('save-status')).toContainText('kept until the connection is back');
  for (const button of ['bulk-edit-button', 'optimize-button']) await expect(page.getByTestId(button)).toBeDisabled();

  // Ctrl+S anyway: refused at once, said plainly, the edit still in the field.
  await page.keyboard.press('Control+s');
  await expect(pane.getByTestId('save-error')).toContainText('Not saved');
  await expect(pane.getByTestId('save-error')).toContainText('connection');
  await expect(title).toHaveValue(typed);

  // Long enough for a queued call to have been sent on a reconnect: nothing reached the catalog.
  await page.waitForTimeout(1_500);
  expect((await api.client.call('listing.get', { id })).title).toBe(before.title);

  // The network comes back: the transport reconnects by itself, the core answers, the banner goes.
  outage = false;
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  await expect(title).toBeEnabled();
  await expect(title).toHaveValue(typed);
  expect((await api.client.call('listing.get', { id })).title).toBe(before.title);
  await pane.getByTestId('save-listing').click();
  await expect(pane.getByTestId('save-status')).toHaveText('Saved');
  expect((await api.client.call('listing.get', { id })).title).toBe(typed);

  // A second cut with the grid's inline editor open: it is disabled and says why (no "Not saved"
  // after typing), keeps its text, and so is "Rewrite with AI"; both come back with the core.
  // The open listing's own row (the saved title may have moved it): the pane keeps showing it.
  await page.locator(`[data-testid="grid-scroll"] [role="row"][data-listing-id="${id}"]`).getByRole('gridcell').first().dblclick();
  const inline = page.getByRole('textbox', { name: 'Edit title' });
  const inGrid = `${typed.slice(0, 40)} (typed in the grid)`;
  await inline.fill(inGrid);
  outage = true;
  for (const ws of live.splice(0)) await ws.close({ code: 1006, reason: 'cut' });
  await expect(banner).toBeVisible();
  await expect(inline).toBeDisabled();
  await expect(inline).toHaveAttribute('title', /connection to your catalog is lost/);
  await expect(page.getByTestId('inline-editor-offline')).toBeVisible();
  await expect(inline).toHaveValue(inGrid);
  await expect(page.getByTestId('inline-editor-error')).toHaveCount(0);
  const aiButton = pane.getByTestId('ai-rewrite-button');
  await expect(aiButton).toBeDisabled();
  await expect(aiButton).toHaveAttribute('title', /connection to your catalog is lost/);
  outage = false;
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  await expect(inline).toBeEnabled();
  await expect(inline).toHaveValue(inGrid);
  await expect(aiButton).not.toHaveAttribute('title', /connection/);
  await inline.press('Escape');
  await expect(inline).toHaveCount(0);
});
