import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { corpusPath, hasCorpusFile } from '../corpus-files.js';
import { useOwnHost } from './own-host.js';

/**
 * The seller-facing side of lossless import, on a catalog of its own (a host started here, so the
 * corpus files it imports meet no other spec): a file without ids or SKUs adds new listings unless
 * the seller asks to match by title (with the count shown first); the report's row tiles add up to
 * the file's data rows and name each merged row's line; a column mapping change on a Shopify file
 * takes effect; and the wizard keeps its layout on real files (screenshots at 1024×700 and
 * 1400×900 of the preview and report steps, for an Amazon flat file and a Shopify export).
 */

const AMAZON = 'amazon_uk_flatfile_jewelry_fptcustom_3row-header_cp1252__pmrgraphics.csv';
const SHOPIFY_POLISH = 'shopify_products_export_2024_POLISH_market-price-columns__mikolajroszak.csv';

const { openApp } = useOwnHost('fidelity');

async function pickFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page.getByTestId('import-step')).toHaveAttribute('data-step', 'preview', { timeout: 60_000 });
  await expect(page.getByTestId('import-error')).toHaveCount(0);
}

async function importToReport(page: Page): Promise<void> {
  await expect(page.getByTestId('import-start')).toBeEnabled();
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
}

const rowTile = (page: Page, key: string) => page.getByTestId(`report-rows-${key}`);

/** The six row tiles add up to the data rows the report shows as their sum. */
async function expectTilesAddUp(page: Page, expected: Record<string, number>, dataRows: number): Promise<void> {
  for (const [key, value] of Object.entries(expected)) await expect(rowTile(page, key), key).toHaveAttribute('data-value', String(value));
  const values = await Promise.all(['new', 'updated', 'unchanged', 'partOf', 'merged', 'rejected'].map(async (key) => Number(await rowTile(page, key).getAttribute('data-value'))));
  expect(values.reduce((a, b) => a + b, 0)).toBe(dataRows);
  await expect(page.getByTestId('report-count-rows')).toHaveAttribute('data-sum', String(dataRows));
  await expect(page.getByTestId('report-count-rows')).toHaveAttribute('data-value', String(dataRows));
}

const KEYLESS_A = 'Title,Price,Quantity\nLSFID Birch Spoon,8.00,5\nLSFID Oak Ladle,14.00,2\nLSFID Ash Spatula,9.50,3\n';
const KEYLESS_B = 'Title,Price,Quantity\nLSFID Birch Spoon,8.50,5\nLSFID Oak Ladle,14.00,2\nLSFID Ash Spatula,9.90,3\n';

test('a file without ids or SKUs adds new listings; matching by title is the seller’s choice, shown with its count', async ({ page }) => {
  await openApp(page);
  await pickFile(page, 'lsfid-utensils.csv', KEYLESS_A);
  await expect(page.getByTestId('import-match')).toHaveAttribute('data-matching', '0');
  await page.getByTestId('import-currency-select').selectOption('EUR');
  await importToReport(page);
  await expectTilesAddUp(page, { new: 3, updated: 0 }, 3);
  await page.getByTestId('import-done').click();

  // The same items with new prices: three titles match, but the default still adds new listings.
  await pickFile(page, 'lsfid-utensils-repriced.csv', KEYLESS_B);
  const match = page.getByTestId('import-match');
  await expect(match).toHaveAttribute('data-matching', '3');
  await expect(match).toHaveAttribute('data-scope', 'file');
  await expect(match).toContainText('Update listings with the same title (3 match) instead of adding new ones');
  await expect(page.getByTestId('import-match-title')).not.toBeChecked();
  await page.getByTestId('import-currency-select').selectOption('EUR');
  await page.getByTestId('import-match-title').check();
  await expect(page.locator('[data-testid="import-preview-row"][data-matched-by-title="true"]')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/import-fidelity-title-match.png' });
  await importToReport(page);
  await expectTilesAddUp(page, { new: 0, updated: 2, unchanged: 1 }, 3);
  await expect(page.getByTestId('report-count-updated')).toHaveAttribute('data-value', '2');
  await page.getByTestId('report-show-in-grid').click();
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '2');

  // Without the choice the same file adds three more listings.
  await pickFile(page, 'lsfid-utensils-again.csv', KEYLESS_B);
  await expect(page.getByTestId('import-match-title')).not.toBeChecked();
  await page.getByTestId('import-currency-select').selectOption('EUR');
  await importToReport(page);
  await expectTilesAddUp(page, { new: 3, updated: 0 }, 3);
  await page.getByTestId('import-done').click();
});

const SHOPIFY_TALLY = [
  'Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src',
  'lsfid-mug,LSFID Mug,<p>Mug</p>,Atelier,Colour,Sand,LSFID-MUG-S,12.00,https://i.example/mug-1.jpg',
  'lsfid-mug,,,,,Slate,LSFID-MUG-L,12.00,',
  'lsfid-mug,,,,,,,,https://i.example/mug-2.jpg',
  'lsfid-bowl,LSFID Bowl,<p>Bowl</p>,Atelier,Title,Default Title,LSFID-BOWL,9.00,',
  'lsfid-mug,LSFID Mug,<p>Mug again</p>,Atelier,Title,Default Title,LSFID-MUG-X,13.00,',
  'lsfid-plate,,<p>No title</p>,Atelier,Title,Default Title,LSFID-PLATE,7.00,',
  '',
].join('\n');

test('the report’s row tiles add up to the data rows and name the line each merged row went into', async ({ page }) => {
  await openApp(page);
  await pickFile(page, 'lsfid-tally.csv', SHOPIFY_TALLY);
  await page.getByTestId('import-currency-select').selectOption('USD');
  await importToReport(page);
  // 6 rows: mug (new) + its variant and image rows (part of it), bowl (new), mug again (merged), plate (rejected).
  await expectTilesAddUp(page, { new: 2, updated: 0, unchanged: 0, partOf: 2, merged: 1, rejected: 1 }, 6);
  await expect(page.getByTestId('report-count-imported')).toHaveAttribute('data-value', '2');
  const merged = page.getByTestId('report-merged');
  await expect(merged.getByTestId('problem-row')).toHaveCount(1);
  await expect(merged.getByTestId('problem-row')).toHaveAttribute('data-line', '6');
  await expect(merged).toContainText('names the same listing as line 2');
  await expect(page.getByTestId('report-errors').getByTestId('problem-row')).toHaveAttribute('data-line', '7');
  await page.getByTestId('import-done').click();
});

const SHOPIFY_MAPPING = [
  'Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Listing name',
  'lsfid-candle,Candle,<p>Soy</p>,Atelier,LSFID-CANDLE,18.00,LSFID Soy Candle – Fig & Cedar',
  '',
].join('\n');

test('a column mapping change on a Shopify file takes effect, and the column it displaced is kept', async ({ page }) => {
  await openApp(page);
  await pickFile(page, 'lsfid-mapping.csv', SHOPIFY_MAPPING);
  await expect(page.getByTestId('import-dialect')).toHaveAttribute('data-dialect', 'shopify');
  const nameRow = page.locator('[data-testid="import-mapping-row"][data-header="Listing name"]');
  const titleRow = page.locator('[data-testid="import-mapping-row"][data-header="Title"]');
  await expect(titleRow).toHaveAttribute('data-mapped-to', 'title');
  await expect(nameRow).toHaveAttribute('data-mapped-to', 'format');
  await expect(page.getByTestId('import-preview-title')).toHaveText('Candle');

  await nameRow.locator('select').selectOption('title');
  await expect(nameRow).toHaveAttribute('data-mapped-to', 'title');
  await expect(nameRow).toHaveAttribute('data-chosen', 'true');
  await expect(titleRow).toHaveAttribute('data-mapped-to', 'ignore');
  await expect(page.getByTestId('import-dialect')).toHaveAttribute('data-dialect', 'shopify');
  await expect(page.getByTestId('import-preview-title')).toHaveText('LSFID Soy Candle – Fig & Cedar');
  await expect(page.getByTestId('import-map-reset')).toBeVisible();
  await page.getByTestId('import-currency-select').selectOption('USD');
  await importToReport(page);
  await expectTilesAddUp(page, { new: 1 }, 1);
  await page.getByTestId('report-show-in-grid').click();
  const rows = page.locator('[data-testid="grid-scroll"] [role="row"][data-state="ready"]');
  await expect(rows.filter({ hasText: 'LSFID Soy Candle – Fig & Cedar' })).toHaveCount(1);
});

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1400, height: 900 },
];

/** The preview keeps its columns: the title column stays readable and nothing scrolls sideways. */
async function expectPreviewLayout(page: Page): Promise<void> {
  const table = page.getByTestId('import-preview-listings');
  await expect(table).toBeVisible();
  const titleHeader = table.locator('th', { hasText: 'Title' });
  expect((await titleHeader.boundingBox())!.width).toBeGreaterThan(150);
  const overflow = await page.evaluate(() => {
    const body = document.querySelector('.modal-body')!;
    const nested = [...body.querySelectorAll('*')].filter((el) => {
      const style = getComputedStyle(el);
      return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    }).length;
    return { sideways: body.scrollWidth - body.clientWidth, nested };
  });
  expect(overflow).toEqual({ sideways: 0, nested: 0 });
}

for (const [name, fileName] of [
  ['amazon', AMAZON],
  ['shopify', SHOPIFY_POLISH],
] as const) {
  test(`${name} corpus file: the preview and report keep their layout at 1024×700 and 1400×900`, async ({ page }) => {
    test.skip(!hasCorpusFile(fileName), 'the shared corpus is not on this machine');
    const file = corpusPath(fileName);
    test.setTimeout(180_000);
    await page.setViewportSize(SIZES[0]!);
    await openApp(page);
    await pickFile(page, file.split('/').pop()!, readFileSync(file));
    if (name === 'amazon') {
      // The column shows the label Amazon's template gives it, its machine header under it.
      const sku = page.locator('[data-testid="import-mapping-row"][data-header="item_sku"] td').first();
      await expect(sku).toHaveAttribute('data-label', 'Seller SKU');
      await expect(sku).toContainText('Seller SKU');
      await expect(sku.locator('.mapping-key')).toHaveText('item_sku');
    }
    if (name === 'shopify') {
      await expect(page.getByTestId('import-currency-select')).toHaveValue('PLN');
      await expect(page.getByTestId('import-currency-hint')).toHaveText('From the file: Shopify market: Poland.');
    }
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expectPreviewLayout(page);
      await page.screenshot({ path: `test-results/import-fidelity-${name}-preview-${size.width}x${size.height}.png` });
      await page.getByTestId('import-mapping').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/import-fidelity-${name}-columns-${size.width}x${size.height}.png` });
      await page.getByTestId('import-facts').scrollIntoViewIfNeeded();
    }
    await importToReport(page);
    const dataRows = Number(await page.getByTestId('report-count-rows').getAttribute('data-value'));
    expect(Number(await page.getByTestId('report-count-rows').getAttribute('data-sum'))).toBe(dataRows);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `test-results/import-fidelity-${name}-report-${size.width}x${size.height}.png` });
    }
    await page.getByTestId('import-done').click();
  });
}
