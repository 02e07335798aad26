import { expect, test, type Page } from '@playwright/test';

/**
 * "Prices in this file are in": a Shopify export states no currency, so the wizard asks with nothing
 * chosen and the import waits (Listsmith never guesses); the choice re-runs the preview (zero-decimal
 * JPY reads "1200" as ¥1,200), is stored with the listings and is remembered for the next Shopify
 * file. A hint in the file (a Shopify market named after a country) pre-fills it and the report says
 * so. A file with its own currency column is not asked about. Runs against the per-run empty-host
 * catalog; every title and SKU carries "LSCUR" so nothing here meets the other specs' listings.
 */

const SHOPIFY_CSV = [
  'Handle,Title,Body (HTML),Vendor,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Image Src,Status',
  'lscur-linen-apron,LSCUR Linen Apron,<p>Stonewashed linen apron.</p>,Atelier Lin,apron,Colour,Sand,LSCUR-APRON-SND,4,89.00,,active',
  'lscur-linen-apron,,,,,,Slate,LSCUR-APRON-SLT,2,89.00,,',
  'lscur-oak-board,LSCUR Oak Serving Board,<p>Oiled oak board.</p>,Atelier Lin,kitchen,Title,Default Title,LSCUR-BOARD,6,1200,,active',
  '',
].join('\n');

const ETSY_CSV = ['TITLE,DESCRIPTION,PRICE,CURRENCY_CODE,QUANTITY,TAGS,MATERIALS,IMAGE1', 'LSCUR Wool Throw,A throw,64.00,GBP,2,throw,wool,', ''].join('\n');

const emptyUrl = (): string => {
  const url = process.env.LISTSMITH_E2E_EMPTY_URL;
  if (!url) throw new Error('global setup did not start the empty host');
  return url;
};

async function openApp(page: Page): Promise<void> {
  await page.goto(emptyUrl());
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', /\d+/);
}

async function pickFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page.getByTestId('import-step')).toHaveAttribute('data-step', 'preview', { timeout: 30_000 });
  await expect(page.getByTestId('import-error')).toHaveCount(0);
}

const previewPrice = (page: Page, sku: string) => page.locator(`[data-testid="import-preview-row"][data-sku="${sku}"] [data-testid="import-preview-price"]`);

test('a Shopify file is imported in the currency the seller picks, and the grid shows it', async ({ page }) => {
  await openApp(page);
  await pickFile(page, 'lscur-shopify.csv', SHOPIFY_CSV);
  await expect(page.getByTestId('import-dialect')).toHaveAttribute('data-dialect', 'shopify');

  // The file states no currency and hints none: the wizard asks with nothing chosen, says why, and
  // the import waits; prices show without a currency sign (a sign would be a guess).
  const select = page.getByTestId('import-currency-select');
  await expect(select).toBeVisible();
  await expect(select).toHaveValue('');
  await expect(page.getByLabel('Prices in this file are in')).toHaveValue('');
  await expect(page.getByTestId('import-currency')).toHaveAttribute('data-source', 'none');
  await expect(page.getByTestId('import-currency-hint')).toHaveText('The file does not say; Listsmith cannot guess. Choose it to import.');
  await expect(page.getByTestId('import-currency-from-file')).toHaveCount(0);
  expect(await select.locator('option').count()).toBeGreaterThanOrEqual(20);
  await expect(previewPrice(page, 'LSCUR-BOARD')).toHaveText('1200.00');
  await expect(previewPrice(page, 'LSCUR-BOARD')).toHaveAttribute('data-currency', '');
  await expect(page.getByTestId('import-start')).toBeDisabled();

  // JPY has no minor units: "1200" is ¥1,200, and the preview says so before anything is saved.
  await select.selectOption('JPY');
  await expect(previewPrice(page, 'LSCUR-BOARD')).toHaveAttribute('data-currency', 'JPY');
  await expect(previewPrice(page, 'LSCUR-BOARD')).toHaveText(/^¥1,200$/);

  await select.selectOption('EUR');
  await expect(previewPrice(page, 'LSCUR-BOARD')).toHaveAttribute('data-currency', 'EUR');
  await expect(previewPrice(page, 'LSCUR-BOARD')).toHaveText('€1,200.00');
  await expect(page.getByTestId('import-preview-price').first()).toHaveText('€89.00');
  await expect(page.getByTestId('import-start')).toBeEnabled();
  await page.screenshot({ path: 'test-results/import-currency-wizard.png' });

  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('report-count-imported')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('report-count-rejected')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('report-prices')).toHaveText('Prices: 2 listings in EUR, the currency you chose');
  await page.getByTestId('report-show-in-grid').click();
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '2');
  const rows = page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');
  await expect(rows.filter({ hasText: 'LSCUR Linen Apron' })).toContainText('€89.00');
  await expect(rows.filter({ hasText: 'LSCUR Oak Serving Board' })).toContainText('€1,200.00');
  await page.screenshot({ path: 'test-results/import-currency-grid.png' });

  // The next Shopify file starts from the currency chosen last time, and says so.
  await pickFile(page, 'lscur-shopify-again.csv', SHOPIFY_CSV);
  await expect(page.getByTestId('import-currency-select')).toHaveValue('EUR');
  await expect(page.getByTestId('import-currency-hint')).toHaveText('Your choice for the last Shopify products CSV file; the file itself does not say.');
  await expect(previewPrice(page, 'LSCUR-BOARD')).toHaveText('€1,200.00');
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-wizard')).toBeHidden();
});

test('a file with its own currency column is not asked about', async ({ page }) => {
  await openApp(page);
  await pickFile(page, 'lscur-etsy.csv', ETSY_CSV);
  await expect(page.getByTestId('import-dialect')).toHaveAttribute('data-dialect', 'etsy');
  await expect(page.getByTestId('import-currency-select')).toHaveCount(0);
  await expect(page.getByTestId('import-currency-from-file')).toContainText('GBP');
  await expect(page.getByTestId('import-preview-price').first()).toHaveText('£64.00');
  await page.screenshot({ path: 'test-results/import-currency-from-file.png' });
  await page.getByTestId('import-close').click();
});

const SHOPIFY_UK_CSV = [
  'Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Included / United Kingdom,Price / United Kingdom',
  'lscur-tea-towel,LSCUR Tea Towel,<p>Linen.</p>,Atelier Lin,LSCUR-TOWEL,14.00,true,',
  '',
].join('\n');

test('a Shopify market named after a country pre-fills its currency, and the report says where it came from', async ({ page }) => {
  await openApp(page);
  await pickFile(page, 'lscur-shopify-uk.csv', SHOPIFY_UK_CSV);
  await expect(page.getByTestId('import-currency-select')).toHaveValue('GBP');
  await expect(page.getByTestId('import-currency')).toHaveAttribute('data-source', 'hint');
  await expect(page.getByTestId('import-currency-hint')).toHaveText('From the file: Shopify market: United Kingdom.');
  await expect(previewPrice(page, 'LSCUR-TOWEL')).toHaveText('£14.00');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('report-prices')).toHaveAttribute('data-origin', 'hint');
  await expect(page.getByTestId('report-prices')).toHaveText('Prices: 1 listing in GBP, as the file suggests (Shopify market: United Kingdom)');
  await page.getByTestId('import-done').click();
});
