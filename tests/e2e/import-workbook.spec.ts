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
