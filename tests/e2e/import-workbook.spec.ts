import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { corpusPath } from '../corpus-files.js';
import { useOwnHost } from './own-host.js';

/**
 * A seller picks an Excel workbook (a real Spanish shop's Shopify export saved as .xlsx) and sees
 * its products in the grid; an orders export picked by mistake is refused with the download to
 * use instead, and nothing is imported. On a catalog of its own.
 */

const WORKBOOK = 'shopify_products_export_saved-as-xlsx_SPANISH__bmxpc7.xlsx';

const { openApp } = useOwnHost('workbook');

test('an Excel workbook imports like the CSV it holds; an orders export is refused', async ({ page }) => {
  await openApp(page);
  const input = page.getByTestId('import-file-input');

  await input.setInputFiles({ name: 'Orders 2026.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Email,Financial Status,Lineitem name,Lineitem price\n#1001,a@example.com,paid,Linen Apron,18.00\n') });
  await expect(page.getByTestId('import-error')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-error-message')).toContainText('is a Shopify orders export');
  await expect(page.getByTestId('import-error-message')).toContainText('Products → Export');
  await expect(page.getByTestId('import-start')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '0');

  await input.setInputFiles({ name: WORKBOOK, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(corpusPath(WORKBOOK)) });
  await expect(page.getByTestId('import-step')).toHaveAttribute('data-step', 'preview', { timeout: 60_000 });
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await expect(page.getByTestId('import-dialect')).toHaveAttribute('data-dialect', 'shopify');
  // Which sheet was read has a note of its own; the workbook's text is UTF-8, so no encoding note.
  await expect(page.getByTestId('import-container-note')).toHaveText('Read from: Excel workbook, sheet "products_export"');
  await expect(page.getByTestId('import-encoding-note')).toHaveCount(0);
  await page.getByTestId('import-currency-select').selectOption('EUR');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: 'test-results/import-workbook-preview.png' });
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('report-container-note')).toHaveText('Read from: Excel workbook, sheet "products_export"');
  await page.screenshot({ path: 'test-results/import-workbook-report.png' });
  await expect(page.getByTestId('report-rows-new')).toHaveAttribute('data-value', '27');
  await expect(page.getByTestId('report-rows-partOf')).toHaveAttribute('data-value', '219');
  await expect(page.getByTestId('report-rows-rejected')).toHaveAttribute('data-value', '0');
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('total-count')).toHaveAttribute('data-total', '27');
});

/**
 * Amazon's current template as a seller downloads it (sheet named in Italian, settings in A1, the
 * keys on row 5, Amazon's example on row 6), laid out as the real Amazon.it template is
 * (tests/unit/import/amazon-current-template.test.ts says where from); the two listings are made up.
 */
test("Amazon's current template: labels beside its keys, the example row skipped and named, parent and child one listing", async ({ page }) => {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const IT = 'APJ6JRA9NG5V4';
  const keys = ['contribution_sku#1.value', '::record_action', `parentage_level[marketplace_id=${IT}]#1.value`, `child_parent_sku_relationship[marketplace_id=${IT}]#1.parent_sku`, 'variation_theme#1.name', `item_name[marketplace_id=${IT}][language_tag=it_IT]#1.value`, `color[marketplace_id=${IT}][language_tag=it_IT]#1.value`, 'fulfillment_availability#1.quantity', `purchasable_offer[marketplace_id=${IT}][audience=ALL]#1.our_price#1.schedule#1.value_with_tax`];
  const blank = (n: number) => Array<null>(n).fill(null);
  const sheet = [
    [`settings=feedType=113&primaryMarketplaceId=amzn1.mp.o.${IT}&contentLanguageTag=it_IT&labelRow=4&attributeRow=5&dataRow=7`, ...blank(8)],
    ['Compila questo modello in ITALIANO.', ...blank(8)],
    ["Identità dell'offerta", ...blank(8)],
    ['SKU', 'Azione sull’offerta', 'Livello di parentela', 'SKU principale', 'Tema della variazione', "Nome dell'articolo", 'Colore', 'Quantità (IT)', 'Prezzo EUR (Vendita su Amazon, IT)'],
    keys,
    ['ABC123', 'Crea o modifica', null, null, null, 'Esempio', null, 152, 50],
    ['TAZZA-FAM', 'Crea o modifica', 'parent', null, 'COLOR', 'Tazza in ceramica fatta a mano', null, null, null],
    ['TAZZA-BLU', 'Crea o modifica', 'child', 'TAZZA-FAM', 'COLOR', 'Tazza in ceramica blu', 'Blu', 12, 18.5],
  ];
  const buffer = (await writeExcelFile([{ data: sheet, sheet: 'Modello' }] as never).toBuffer()) as Buffer;

  await openApp(page);
  await page.getByTestId('import-file-input').setInputFiles({ name: 'Modello-IT.xlsm', mimeType: 'application/vnd.ms-excel.sheet.macroEnabled.12', buffer });
  await expect(page.getByTestId('import-step')).toHaveAttribute('data-step', 'preview', { timeout: 60_000 });
  await expect(page.getByTestId('import-dialect')).toHaveAttribute('data-dialect', 'amazon_flat_file');
  await expect(page.getByTestId('import-container-note')).toHaveText('Read from: Excel workbook, sheet "Modello"');
  // The seller reads Amazon's label; the key stays under it.
  const title = page.locator(`[data-testid="import-mapping-row"][data-header="${keys[5]}"] td`).first();
  await expect(title).toHaveAttribute('data-label', "Nome dell'articolo");
  await expect(page.locator(`[data-testid="import-mapping-row"][data-header="${keys[5]}"]`)).toHaveAttribute('data-mapped-to', 'title');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('report-rows-new')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('report-rows-partOf')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('report-rows-rejected')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('report-warnings')).toContainText("Amazon's example row (SKU ABC123)");
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('grid')).toContainText('Tazza in ceramica fatta a mano');
});
