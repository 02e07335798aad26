import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';

/**
 * Import wizard and export dialog against the per-run catalog of the empty host. That catalog is
 * not empty by now (first-run.spec.ts loads 1,000 demo listings), so everything is asserted on what
 * these imports add: every fixture title and SKU carries "LSE2E".
 */

const fixtures = join(import.meta.dirname, 'fixtures');
const SHOPIFY_FILE = join(fixtures, 'shopify-products-lse2e.csv');
const ETSY_FILE = join(fixtures, 'etsy-listings-lse2e-cp1252.csv');

const SHOPIFY_TITLES = ['LSE2E Brisa Merino Beanie', 'LSE2E Halvard Ceramic Pour-Over Set', 'LSE2E Ostara Waxed Canvas Tote'];
const SHOPIFY_SKUS = [
  'LSE2E-TOTE-OLV',
  'LSE2E-TOTE-NVY',
  'LSE2E-TOTE-RST',
  'LSE2E-POUR-SET',
  'LSE2E-BEANIE-SM-CHR',
  'LSE2E-BEANIE-SM-OAT',
  'LSE2E-BEANIE-LX-CHR',
  'LSE2E-BEANIE-LX-OAT',
];

const emptyUrl = (): string => {
  const url = process.env.LISTSMITH_E2E_EMPTY_URL;
  if (!url) throw new Error('global setup did not start the empty host');
  return url;
};

const readyRows = (page: Page) => page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');

async function openApp(page: Page): Promise<void> {
  await page.goto(emptyUrl());
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', /\d+/);
}

/** Minimal RFC 4180 reader (quoted cells, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

async function downloadText(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

async function gridTitles(page: Page): Promise<string[]> {
  await expect(readyRows(page).first()).toBeVisible();
  const titles = await readyRows(page).evaluateAll((rows) => rows.map((r) => r.querySelector('[role="gridcell"]')?.textContent ?? ''));
  return titles.sort();
}

async function runImportToReport(page: Page): Promise<void> {
  const start = page.getByTestId('import-start');
  await expect(start).toBeEnabled();
  await start.click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-cancelled', 'false');
}

test('imports a Shopify products CSV, shows exactly its listings and exports them back to Shopify', async ({ page }) => {
  await openApp(page);
  // What the shared catalog holds before (other specs' listings, or none when this spec runs alone).
  const before = Number(await page.getByTestId('total-count').getAttribute('data-total'));
  await expect(page.getByTestId('import-button')).toBeVisible();

  // The toolbar's hidden file input (what "Import…" opens).
  await page.getByTestId('import-file-input').setInputFiles(SHOPIFY_FILE);
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard).toBeVisible();
  await expect(page.getByTestId('import-file-name')).toHaveText('shopify-products-lse2e.csv');
  await expect(page.getByTestId('import-step')).toHaveAttribute('data-step', 'preview', { timeout: 30_000 });
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await expect(page.getByTestId('import-dialect')).toHaveAttribute('data-dialect', 'shopify');
  await expect(page.getByTestId('import-dialect-select')).toHaveValue('shopify');
  await expect(page.getByTestId('import-encoding')).toHaveAttribute('data-encoding', /^utf-8/);
  await expect(page.getByTestId('import-encoding-note')).toHaveCount(0);

  // The first listings as they will be imported: one per product (variant and image-only rows folded in).
  const previewRows = page.getByTestId('import-preview-row');
  await expect(previewRows).toHaveCount(3);
  expect((await page.getByTestId('import-preview-title').allTextContents()).sort()).toEqual(SHOPIFY_TITLES);
  const tote = previewRows.filter({ hasText: 'LSE2E Ostara Waxed Canvas Tote' });
  await expect(tote.getByTestId('import-preview-variants')).toHaveText('3');
  await expect(tote.getByTestId('import-preview-images')).toHaveText('3');
  const beanie = previewRows.filter({ hasText: 'LSE2E Brisa Merino Beanie' });
  await expect(beanie.getByTestId('import-preview-variants')).toHaveText('4');
  // A Shopify export does not say its currency: the seller says it before importing.
  await page.getByTestId('import-currency-select').selectOption('USD');
  // Shopify shows what it reads each column as; "read it as Other CSV" switches to a mapping of every column that re-previews.
  const skuColumn = page.locator('[data-testid="import-mapping-row"][data-header="Variant SKU"]');
  await expect(skuColumn).toHaveAttribute('data-mapped-to', 'sku');
  await page.getByTestId('import-map-manually').click();
  await expect(page.getByTestId('import-dialect-select')).toHaveValue('generic_csv');
  await expect(page.getByTestId('import-mapping')).toHaveAttribute('data-editable', 'true');
  await expect(skuColumn).toHaveAttribute('data-mapped-to', /^(?!format$)/);
  await skuColumn.locator('select').selectOption('ignore');
  await expect(skuColumn).toHaveAttribute('data-mapped-to', 'ignore');
  await expect(page.getByTestId('import-start')).toBeEnabled();
  await page.getByTestId('import-dialect-auto').click();
  await expect(page.getByTestId('import-dialect')).toHaveAttribute('data-dialect', 'shopify');
  await expect(skuColumn).toHaveAttribute('data-mapped-to', 'sku');
  await expect(previewRows).toHaveCount(3);

  await runImportToReport(page);
  await expect(page.getByTestId('report-count-rows')).toHaveAttribute('data-value', '10');
  await expect(page.getByTestId('report-count-imported')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('report-count-updated')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('report-count-rejected')).toHaveAttribute('data-value', '0');
  await page.screenshot({ path: 'test-results/import-report.png' });

  // The report saves as a CSV built in the page.
  const [reportDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-save-csv').click()]);
  expect(reportDownload.suggestedFilename()).toBe('shopify-products-lse2e-import-report.csv');
  expect((await downloadText(reportDownload)).replace(/^\ufeff/, '').split('\r\n')[0]).toBe('Type,Line,Column,Message');

  // "Show in grid" limits the grid to exactly this import's listings.
  await page.getByTestId('report-show-in-grid').click();
  await expect(wizard).toBeHidden();
  await expect(page.getByTestId('filter-import')).toBeVisible();
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '3');
  await expect.poll(() => gridTitles(page)).toEqual(SHOPIFY_TITLES);

  // Export that filter as Shopify.
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('export-scope-query')).toBeChecked();
  await expect(page.getByTestId('export-scope-query-count')).toHaveAttribute('data-count', '3');
  await page.getByTestId('export-format-select').selectOption('shopify');
  await expect(page.getByTestId('export-preview-rows')).toHaveAttribute('data-value', '3', { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/export-dialog.png' });
  const [exportDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()]);
  await expect(page.getByTestId('export-summary')).toHaveAttribute('data-rows', '3');
  // Every product of the file knows every column: one file, downloaded.
  await expect(page.getByTestId('export-summary')).toHaveAttribute('data-files', '1');
  await expect(page.getByTestId('export-downloaded')).toBeVisible();
  expect(exportDownload.suggestedFilename()).toMatch(/\.csv$/i);

  const rows = parseCsv((await downloadText(exportDownload)).replace(/^\ufeff/, ''));
  const [header, ...body] = rows;
  expect(header).toBeDefined();
  // Shopify's 2024/25 product template.
  for (const column of ['Title', 'URL handle', 'Description', 'Vendor', 'Tags', 'SKU', 'Option1 name', 'Option1 value', 'Price', 'Product image URL']) {
    expect(header, `export header ${column}`).toContain(column);
  }
  const col = (name: string) => header!.indexOf(name);
  const cell = (row: string[], name: string) => row[col(name)] ?? '';
  expect(body.map((r) => cell(r, 'SKU')).filter((s) => s !== '').sort()).toEqual([...SHOPIFY_SKUS].sort());
  // One handle group per product, under the handles the file came with.
  expect([...new Set(body.map((r) => cell(r, 'URL handle')))].sort()).toEqual(['lse2e-brisa-merino-beanie', 'lse2e-halvard-pour-over-set', 'lse2e-ostara-waxed-canvas-tote']);
  const toteRows = body.filter((r) => cell(r, 'URL handle') === 'lse2e-ostara-waxed-canvas-tote');
  expect(cell(toteRows[0]!, 'Title')).toBe('LSE2E Ostara Waxed Canvas Tote');
  const toteVariants = toteRows.filter((r) => cell(r, 'SKU') !== '');
  expect(toteVariants.map((r) => cell(r, 'Option1 value')).sort()).toEqual(['Navy', 'Olive', 'Rust']);
  expect(toteVariants.map((r) => Number(cell(r, 'Price'))).sort()).toEqual([89, 89, 94]);
  // 3 images, each on some row of the group.
  expect(toteRows.map((r) => cell(r, 'Product image URL')).filter((u) => u !== '')).toHaveLength(3);
  // No cell a spreadsheet would run as a formula: the beanie's vendor "@brisa.knits" and its
  // "=HYPERLINK(…)" tag come out defused.
  const beanieFirst = body.find((r) => cell(r, 'URL handle') === 'lse2e-brisa-merino-beanie')!;
  expect(cell(beanieFirst, 'Vendor')).toBe("'@brisa.knits");
  expect(rows.flat().filter((c) => /^[=+\-@\t\r\n]/.test(c))).toEqual([]);

  await page.getByTestId('export-done').click();
  await expect(dialog).toBeHidden();
  // Clearing the import filter brings the whole catalog back: what was there, and these 3.
  await page.getByTestId('filter-import').click();
  await expect(page.getByTestId('filter-import')).toBeHidden();
  await expect.poll(async () => Number(await page.getByTestId('total-count').getAttribute('data-total'))).toBeGreaterThanOrEqual(before + 3);
});

test('a Windows-1252 Etsy file dropped on the window is decoded, flagged and imported', async ({ page }) => {
  await openApp(page);
  const base64 = readFileSync(ETSY_FILE).toString('base64');
  // A real drop: dragenter shows the overlay, drop hands the File to the wizard.
  await page.evaluate(
    ({ data, name }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'text/csv' }));
      (window as unknown as { __lsTransfer: DataTransfer }).__lsTransfer = transfer;
      document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      document.body.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { data: base64, name: 'etsy-listings-lse2e-cp1252.csv' },
  );
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.evaluate(() => {
    const transfer = (window as unknown as { __lsTransfer: DataTransfer }).__lsTransfer;
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  await expect(page.getByTestId('drop-overlay')).toBeHidden();

  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page.getByTestId('import-file-name')).toHaveText('etsy-listings-lse2e-cp1252.csv');
  await expect(page.getByTestId('import-step')).toHaveAttribute('data-step', 'preview', { timeout: 30_000 });
  await expect(page.getByTestId('import-dialect')).toHaveAttribute('data-dialect', 'etsy');
  await expect(page.getByTestId('import-encoding')).toHaveAttribute('data-encoding', 'windows-1252');
  await expect(page.getByTestId('import-encoding-note')).toBeVisible();
  await expect(page.getByTestId('import-encoding-note')).toContainText(/1252/);
  // Decoded correctly: é, ï, – and ’ survive.
  await expect(page.getByTestId('import-preview-title').filter({ hasText: 'LSE2E Café Crème Soy Candle – 8 oz' })).toHaveCount(1);
  await expect(page.getByTestId('import-preview-title').filter({ hasText: 'LSE2E Naïve Linen Napkins (set of 4)' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/import-wizard-etsy.png' });

  await runImportToReport(page);
  await expect(page.getByTestId('report-count-imported')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('report-count-rejected')).toHaveAttribute('data-value', '0');
  await page.getByTestId('report-show-in-grid').click();
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '2');
  await expect.poll(() => gridTitles(page)).toEqual(['LSE2E Café Crème Soy Candle – 8 oz', 'LSE2E Naïve Linen Napkins (set of 4)']);
});

test('an empty or binary file shows the core’s message in the wizard instead of failing', async ({ page }) => {
  await openApp(page);
  const input = page.getByTestId('import-file-input');

  await input.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page.getByTestId('import-error')).toBeVisible({ timeout: 30_000 });
  expect(((await page.getByTestId('import-error-message').textContent()) ?? '').trim().length).toBeGreaterThan(5);
  await expect(page.getByTestId('import-start')).toBeDisabled();

  // Dropping/picking another file replaces the failed one.
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');
  await input.setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: png });
  await expect(page.getByTestId('import-file-name')).toHaveText('photo.csv');
  await expect(page.getByTestId('import-error')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-start')).toBeDisabled();

  // Escape closes the wizard; the app is still usable.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-wizard')).toBeHidden();
  await expect(page.getByTestId('import-button')).toBeEnabled();
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
});
