import { describe, expect, it } from 'vitest';
import { describeImportPrices, describeRowTally, isMergedRowWarning } from '../../../common/import-report-text.js';
import type { ImportCurrencyNote } from '../../../common/import-types.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { importReportCsv } from '../../../renderer/src/io/csv.js';
import { newListing, tempDbPath } from '../catalog/temp-catalog.js';
import { memorySource } from '../import-apply/memory-source.js';

/**
 * The report in words, as the wizard, the CLI and the saved CSV say it: the row tally with its sum,
 * where the currency came from, and which warnings are merged rows (read from a real import, so the
 * words cannot drift from apply-import's).
 */

const note = (overrides: Partial<ImportCurrencyNote>): ImportCurrencyNote => ({ defaultCurrency: 'USD', origin: 'chosen', fromFile: 0, fromDefault: 0, ...overrides });

describe('where the currency came from', () => {
  it('says the file’s currency and the default’s origin', () => {
    expect(describeImportPrices(note({ fromFile: 40, fileCurrencies: { EUR: 40 }, fromDefault: 12 }))).toBe('Prices: 40 listings in EUR as the file states; 12 in USD, the currency you chose');
    expect(describeImportPrices(note({ fromFile: 3, fileCurrencies: { EUR: 1, GBP: 2 } }))).toBe('Prices: 3 listings in the currencies the file states (2 GBP, 1 EUR)');
    expect(describeImportPrices(note({ fromDefault: 1, defaultCurrency: 'GBP', origin: 'hint' }), 'Amazon marketplace: United Kingdom')).toBe(
      'Prices: 1 listing in GBP, as the file suggests (Amazon marketplace: United Kingdom)',
    );
    expect(describeImportPrices(note({ fromFile: 2, fromDefault: 1, origin: 'fallback' }))).toBe('Prices: 2 listings in the currency the file states; 1 in USD, Listsmith’s fallback: nobody said which');
    expect(describeImportPrices(note({}))).toBe('Prices: no listings written');
  });
});

describe('a real import’s report', () => {
  it('tallies every row, counts file currencies, and its merged rows are recognised as such', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const source = memorySource([
      newListing({ sku: 'A', title: 'Mug', currency: 'EUR' }),
      newListing({ sku: 'B', title: 'Bowl', currency: 'EUR' }),
      newListing({ sku: 'A', title: 'Mug again', currency: 'EUR' }),
      { rejected: { line: 5, column: 'title', message: 'The title is missing' } },
    ]);
    const report = await applyImport(catalog, source, { fileName: 'shop.jsonl', operationId: 'op' });
    catalog.close();
    expect(describeRowTally(report)).toBe('Rows: 2 new + 0 updated + 0 unchanged + 0 part of a listing + 1 merged + 1 rejected = 4 data rows');
    expect(report.currency.fileCurrencies).toEqual({ EUR: 2 });
    const merged = report.warnings.filter(isMergedRowWarning);
    expect(merged.map((w) => w.line)).toEqual([4]);
    expect(merged[0]!.message).toMatch(/same listing as line 2/);
    expect(isMergedRowWarning({ message: 'Title is 200 characters; etsy allows 140.' })).toBe(false);

    const csv = importReportCsv(report).replace(/^\ufeff/, '').split('\r\n');
    expect(csv[0]).toBe('Type,Line,Column,Message');
    expect(csv[1]).toBe('summary,,,Rows: 2 new + 0 updated + 0 unchanged + 0 part of a listing + 1 merged + 1 rejected = 4 data rows');
    expect(csv).toContain('summary,,,Prices: 2 listings in EUR as the file states');
    expect(csv.filter((line) => line.startsWith('merged,4,'))).toHaveLength(1);
    expect(csv.filter((line) => line.startsWith('rejected,5,title,'))).toHaveLength(1);
  });
});
