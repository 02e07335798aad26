import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { decodeFile } from '../../../core/import/decode-text.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { openTable } from '../../../core/import/read-table.js';
import { importReportCsv } from '../../../renderer/src/io/csv.js';
import { tempDbPath } from '../catalog/temp-catalog.js';
import { collect, corpusPath, fixture, importText, type Collected } from './helpers.js';

/**
 * Excel workbooks and ZIP archives are read, not refused: the app offers .xlsx and .zip files for
 * import, Amazon's templates and Category Listings Report are workbooks, and sellers save their
 * shop's CSV in Excel. The workbook below is a real one (a Spanish shop's Shopify export saved as
 * .xlsx, tests/real-files); the others are built from real CSV exports, so what goes in is a
 * seller's text.
 */

const REAL_WORKBOOK = 'shopify_products_export_saved-as-xlsx_SPANISH__bmxpc7.xlsx';
const REAL_CSV = 'shopify_products_export_2025_SWEDISH_archived__Velofant.csv';

/** What a seller would check: each listing's title, SKU, price, stock and variants. */
const summary = (collected: Collected): unknown[] =>
  collected.listings.map((listing) => ({
    title: listing.title,
    sku: listing.sku,
    price: listing.priceMinor,
    quantity: listing.quantity,
    variants: (listing.variants ?? []).map((variant) => [variant.sku, variant.priceMinor, variant.quantity, variant.options]),
  }));

/** A real CSV's rows as read, with plain numbers as numbers, as Excel stores them. */
async function csvRows(name: string): Promise<(string | number | null)[][]> {
  const table = await openTable(await decodeFile(corpusPath(name)));
  const rows: (string | number | null)[][] = [table.header];
  const asCell = (cell: string): string | number | null => (cell === '' ? null : /^-?(0|[1-9]\d{0,8})(\.\d+)?$/.test(cell) ? Number(cell) : cell);
  for await (const row of table.rows) rows.push(row.cells.map(asCell));
  return rows;
}

describe('Excel workbooks', () => {
  it("a real shop's export saved as .xlsx imports with all its products and variants", async () => {
    const read = await collect(corpusPath(REAL_WORKBOOK), { defaultCurrency: 'EUR' });
    expect(read.source.dialect).toBe('shopify');
    expect(read.source.containerNote).toBe('Excel workbook, sheet "products_export"');
    expect(read.source.encodingNote).toBeNull();
    expect(read.listings).toHaveLength(27);
    expect(read.rejected).toHaveLength(0);
    expect(read.listings.reduce((n, listing) => n + (listing.variants?.length ?? 0), 0)).toBe(246);
    expect(read.listings[0]!.title).toBe('Blusa con perlas');
  });

  it('a workbook of a real CSV gives the same listings as the CSV', async () => {
    const rows = await csvRows(REAL_CSV);
    const workbook = await writeExcelFile(rows as never).toBuffer();
    const fromCsv = await collect(corpusPath(REAL_CSV), { defaultCurrency: 'SEK' });
    const fromWorkbook = await importText(workbook, { defaultCurrency: 'SEK' }, 'xlsx');
    expect(fromWorkbook.source.dialect).toBe(fromCsv.source.dialect);
    expect(fromCsv.listings.length).toBeGreaterThan(10);
    expect(summary(fromWorkbook)).toEqual(summary(fromCsv));
  });

  it('reads the sheet named Template, as Amazon lays out its workbooks, whatever sheet is larger', async () => {
    const rows = await csvRows(REAL_CSV);
    const instructions = Array.from({ length: rows.length + 50 }, (_, i) => [`Step ${i + 1}: fill in the Template sheet`]);
    const workbook = await writeExcelFile([
      { data: instructions, sheet: 'Instructions' },
      { data: rows as never, sheet: 'Template' },
      { data: [['Valid values'], ['New'], ['Used']], sheet: 'Valid Values' },
    ] as never).toBuffer();
    const read = await importText(workbook, { defaultCurrency: 'SEK' }, 'xlsm');
    expect(read.source.containerNote).toBe('Excel workbook, sheet "Template" (of 3 sheets: Instructions, Template, Valid Values)');
    expect(summary(read)).toEqual(summary(await collect(corpusPath(REAL_CSV), { defaultCurrency: 'SEK' })));
  });

  it("finds Amazon's template sheet by its first cell when the sheet is named in another language", async () => {
    const amazon = 'amazon_uk_flatfile_jewelry_fptcustom_3row-header_cp1252__pmrgraphics.csv';
    const rows = await csvRows(amazon);
    const table = await openTable(await decodeFile(corpusPath(amazon)));
    // The 3-row header: TemplateType row and labels row (the preamble) above the API names.
    const sheet = [...table.preamble, ...rows];
    const validValues = Array.from({ length: sheet.length + 100 }, (_, i) => ['Colore', `Valore ${i}`]);
    const workbook = await writeExcelFile([
      { data: [['Leggimi']], sheet: 'Istruzioni' },
      { data: sheet as never, sheet: 'Modello' },
      { data: validValues, sheet: 'Valori validi' },
    ] as never).toBuffer();
    const read = await importText(workbook, { defaultCurrency: 'GBP' }, 'xlsm');
    expect(read.source.containerNote).toContain('sheet "Modello"');
    expect(read.source.dialect).toBe('amazon_flat_file');
    const fromCsv = await collect(corpusPath(amazon), { defaultCurrency: 'GBP' });
    expect(read.listings.length).toBe(fromCsv.listings.length);
    expect(summary(read)).toEqual(summary(fromCsv));
  });

  it('keeps commas, quotes, line breaks, dates and TRUE/FALSE as Excel shows them', async () => {
    const workbook = await writeExcelFile([
      ['Title', 'Price', 'Description', 'Listed', 'Taxable', 'Barcode'],
      ['Mug, "large"', 12.5, 'Line one\nLine two', { value: new Date(Date.UTC(2024, 2, 5)), format: 'yyyy-mm-dd' }, true, '0012345678905'],
    ] as never).toBuffer();
    const read = await importText(workbook, { defaultCurrency: 'USD' }, 'xlsx');
    const [listing] = read.listings;
    expect(listing!.title).toBe('Mug, "large"');
    expect(listing!.priceMinor).toBe(1250);
    expect(listing!.description).toContain('Line one\nLine two');
    expect(listing!.attributes).toMatchObject({ Listed: '2024-03-05', Taxable: 'TRUE', Barcode: '0012345678905' });
  });

  it('refuses an Excel 97–2003 workbook, saying how to save it', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]);
    await expect(importText(ole, {}, 'xls')).rejects.toThrow(/Excel 97–2003 workbook \(\.xls\).*Nothing was imported\..*"CSV UTF-8"/);
  });
});

describe('ZIP archives', () => {
  it('reads the one export file an archive holds, as if picked itself', async () => {
    const csv = readFileSync(corpusPath(REAL_CSV));
    const archive = zipSync({ 'export/products.csv': csv, '__MACOSX/export/._products.csv': new Uint8Array([0, 5]), 'readme.pdf': new Uint8Array([37, 80]) });
    const read = await importText(archive, { defaultCurrency: 'SEK' }, 'zip');
    expect(read.source.containerNote).toBe('ZIP archive, products.csv (the one export file in it)');
    expect(read.source.encodingNote).toBeNull();
    expect(summary(read)).toEqual(summary(await collect(corpusPath(REAL_CSV), { defaultCurrency: 'SEK' })));
  });

  it('reads a workbook inside an archive', async () => {
    const archive = zipSync({ [REAL_WORKBOOK]: readFileSync(corpusPath(REAL_WORKBOOK)) });
    const read = await importText(archive, { defaultCurrency: 'EUR' }, 'zip');
    expect(read.source.containerNote).toBe('Excel workbook, sheet "products_export"');
    expect(read.source.encodingNote).toBeNull();
    expect(read.listings).toHaveLength(27);
  });

  it('says which file it read apart from the encoding, in the source and in the import report', async () => {
    const cp1252 = 'shopify_products_cp1252_commas-in-SKUs__Wow-Beauty-Supply.csv';
    const archive = zipSync({ 'export/products.csv': readFileSync(corpusPath(cp1252)) });
    const path = fixture(archive, 'zip');
    const source = await openImportSource(path, { fileName: 'shop.zip', defaultCurrency: 'USD' });
    expect(source.containerNote).toBe('ZIP archive, products.csv (the one export file in it)');
    expect(source.encodingNote).toMatch(/^Not valid UTF-8: read as Windows-1252/);
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    try {
      const report = await applyImport(catalog, source, { fileName: 'shop.zip', operationId: 'op' });
      expect(report.containerNote).toBe(source.containerNote);
      expect(report.warnings[0]!.message).toBe(source.encodingNote);
      expect(report.warnings.some((w) => w.message.includes('ZIP archive'))).toBe(false);
      expect(importReportCsv(report).split('\r\n')[1]).toBe('summary,,,"Read from: ZIP archive, products.csv (the one export file in it)"');
    } finally {
      catalog.close();
    }
  });

  it('refuses an archive with several export files or none, naming what it holds', async () => {
    const two = zipSync({ 'a.csv': new TextEncoder().encode('title\nx\n'), 'b.csv': new TextEncoder().encode('title\ny\n') });
    await expect(importText(two, {}, 'zip')).rejects.toThrow(/is a ZIP archive with 2 files \(a\.csv, b\.csv\)\. Nothing was imported\. Unzip it and import the listings files one at a time/);
    const none = zipSync({ 'photo.jpg': new Uint8Array([0xff, 0xd8]) });
    await expect(importText(none, {}, 'zip')).rejects.toThrow(/no export file Listsmith reads \(it holds: photo\.jpg\)/);
  });
});
