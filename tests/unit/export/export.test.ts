import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../common/import-types.js';
import { insertListings, type NewListing } from '../../../core/catalog/insert-listings.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { ExportCancelledError, exportListings, previewExport } from '../../../core/export/export-listings.js';
import { EBAY_ACTION_HEADER } from '../../../core/export/formats/ebay.js';
import { formatMinor } from '../../../core/export/money.js';
import { newListing, tempDbPath, tempDir } from '../catalog/temp-catalog.js';

function catalogWith(listings: NewListing[]): Catalog {
  const catalog = openCatalog(tempDbPath(), { role: 'writer' });
  insertListings(catalog.db, listings);
  return catalog;
}

async function exportText(catalog: Catalog, format: ExportFormat): Promise<{ text: string; raw: Buffer; summary: Awaited<ReturnType<typeof exportListings>> }> {
  const outPath = path.join(tempDir(), `out.${format}`);
  const summary = await exportListings(catalog, { format, scope: { kind: 'all' }, outPath });
  const raw = fs.readFileSync(outPath);
  return { raw, text: raw.toString('utf8').replace(/^\uFEFF/, ''), summary };
}

function table(text: string, delimiter = ','): string[][] {
  return parse(text, { delimiter, relax_quotes: delimiter === '\t', quote: delimiter === '\t' ? false : '"' }) as string[][];
}

const full = (overrides: Partial<NewListing> = {}): NewListing => newListing({ marketplace: 'shopify', sourceId: 'blue-shirt', sku: 'S-1', title: 'Blue shirt', ...overrides });

describe('exporters', () => {
  it('writes the Shopify 2024/25 headers, a BOM, and handle-grouped variant and image rows', async () => {
    const catalog = catalogWith([
      full({
        images: ['https://x/1.jpg', 'https://x/2.jpg', 'https://x/3.jpg'],
        variants: [
          { sku: 'S-1-M', options: [{ name: 'Size', value: 'M' }], priceMinor: null, quantity: 3, image: null },
          { sku: 'S-1-L', options: [{ name: 'Size', value: 'L' }], priceMinor: 1250, quantity: 0, image: null },
        ],
      }),
    ]);
    const { raw, text, summary } = await exportText(catalog, 'shopify');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = table(text);
    expect(header).toEqual(['Title', 'URL handle', 'Description', 'Vendor', 'Type', 'Tags', 'Status', 'SKU', 'Option1 name', 'Option1 value', 'Price', 'Inventory tracker', 'Inventory quantity', 'Product image URL', 'Image position']);
    expect(rows).toEqual([
      ['Blue shirt', 'blue-shirt', 'A description.', 'Brand', 'Test', 'tag', 'active', 'S-1-M', 'Size', 'M', '10.00', 'shopify', '3', 'https://x/1.jpg', '1'],
      ['', 'blue-shirt', '', '', '', '', '', 'S-1-L', '', 'L', '12.50', 'shopify', '0', 'https://x/2.jpg', '2'],
      ['', 'blue-shirt', '', '', '', '', '', '', '', '', '', '', '', 'https://x/3.jpg', '3'],
    ]);
    expect(summary).toMatchObject({ rows: 1, skipped: 0 });
    expect(text.includes('\r\n')).toBe(true);
    catalog.close();
  });

  it('writes legacy Shopify headers', async () => {
    const catalog = catalogWith([full()]);
    const [header] = table((await exportText(catalog, 'shopify_legacy')).text);
    expect(header).toEqual(['Handle', 'Title', 'Body (HTML)', 'Vendor', 'Type', 'Tags', 'Variant SKU', 'Variant Inventory Tracker', 'Variant Inventory Qty', 'Variant Price', 'Image Src', 'Image Position', 'Status']);
    catalog.close();
  });

  it('writes a known-empty field blank, and never leaves a column out for every listing because some lack it', async () => {
    const unknownBrand = full({ sourceId: 'c', title: 'Brand never imported', brand: null, source: { dialect: 'shopify', columns: {}, unknown: ['brand'] } });
    const catalog = catalogWith([full(), full({ sourceId: 'b', sku: null, brand: null, title: 'No brand' }), unknownBrand]);
    const preview = await previewExport(catalog, { format: 'shopify', scope: { kind: 'all' } });
    expect(preview.rows).toBe(3);
    expect(preview.files.map((file) => [file.fileName.replace(/\d{4}-\d\d-\d\d/, 'DAY'), file.rows])).toEqual([
      ['listsmith-shopify-DAY.csv', 2],
      ['listsmith-shopify-DAY-2-without-vendor.csv', 1],
    ]);
    expect(preview.files[1]!.note).toMatch(/without "Vendor".*unknown.*erase/);
    const { summary } = await exportText(catalog, 'shopify');
    expect(summary.files.map((file) => file.rows)).toEqual([2, 1]);
    const [header, ...rows] = table(fs.readFileSync(summary.files[0]!.path, 'utf8').replace(/^\uFEFF/, ''));
    expect(header).toContain('Vendor');
    expect(rows.map((row) => row[header!.indexOf('Vendor')])).toEqual(['Brand', '']);
    expect(rows.map((row) => row[header!.indexOf('SKU')])).toEqual(['S-1', '']);
    const [otherHeader, other] = table(fs.readFileSync(summary.files[1]!.path, 'utf8').replace(/^\uFEFF/, ''));
    expect(otherHeader).not.toContain('Vendor');
    expect(other![otherHeader!.indexOf('Title')]).toBe('Brand never imported');
    catalog.close();
  });

  it('defuses every formula-start character in text cells and writes numbers plainly', async () => {
    const starts = ['=', '+', '-', '@', '\t', '\r', '\n', '\u0000'];
    const catalog = catalogWith(starts.map((start, i) => full({ sourceId: `h${i}`, sku: `${start}SKU${i}`, title: `${start}cmd|' /C calc'!A0 ${i}`, quantity: -3 })));
    const [header, ...rows] = table((await exportText(catalog, 'shopify')).text);
    const title = header!.indexOf('Title');
    const sku = header!.indexOf('SKU');
    const quantity = header!.indexOf('Inventory quantity');
    rows.forEach((row, i) => {
      expect(row[title]).toBe(`'${starts[i]}cmd|' /C calc'!A0 ${i}`);
      expect(row[sku]).toBe(`'${starts[i]}SKU${i}`);
      expect(row[quantity]).toBe('-3');
    });
    catalog.close();
  });

  it('Etsy: headers, underscores in tags, limits skip long titles and drop invalid tags (listed in the preview)', async () => {
    const tags = ['wall art', 'boho', 'x'.repeat(21), 'bad_tag!', ...Array.from({ length: 12 }, (_, i) => `t${i}`)];
    const catalog = catalogWith([
      newListing({ title: 'Boho wall art', tags, images: ['https://x/1.jpg'] }),
      newListing({ sku: 'S-2', title: 'T'.repeat(141) }),
      newListing({ sku: 'S-3', title: 'No price', priceMinor: null }),
    ]);
    const preview = await previewExport(catalog, { format: 'etsy', scope: { kind: 'all' } });
    expect(preview).toMatchObject({ rows: 1, skippedCount: 2 });
    expect(preview.skipped.map((s) => s.message)).toEqual([expect.stringContaining('141 characters'), expect.stringContaining('requires a price')]);
    expect(preview.changed.filter((c) => c.column === 'TAGS')).toHaveLength(3);
    const { text, summary } = await exportText(catalog, 'etsy');
    expect(summary).toMatchObject({ rows: 1, skipped: 2 });
    const [header, row] = table(text);
    // IMAGE2..10 and VARIATION columns: no listing here holds them, so they are not written.
    expect(header).toEqual(['TITLE', 'DESCRIPTION', 'PRICE', 'CURRENCY_CODE', 'QUANTITY', 'TAGS', 'MATERIALS', 'IMAGE1', 'SKU']);
    expect(row![header!.indexOf('TAGS')]).toBe('wall_art,boho,t0,t1,t2,t3,t4,t5,t6,t7,t8,t9,t10');
    catalog.close();
  });

  it('eBay: action header, pipe-joined photos, item specifics, 80-character titles skipped', async () => {
    const catalog = catalogWith([
      newListing({ marketplace: 'ebay', images: ['https://x/1.jpg', 'https://x/2.jpg'], attributes: { Colour: 'Red' } }),
      newListing({ marketplace: 'ebay', sku: 'S-2', title: 'W'.repeat(81) }),
    ]);
    const { text, summary } = await exportText(catalog, 'ebay_seller_hub');
    expect(summary).toMatchObject({ rows: 1, skipped: 1 });
    const [header, row] = table(text);
    // Category ID: "Test" is no eBay category number (a known-empty value, written blank); condition "new" is 1000.
    expect(header).toEqual([EBAY_ACTION_HEADER, 'Custom label (SKU)', 'Category ID', 'Title', 'Price', 'Quantity', 'Item photo URL', 'Condition ID', 'Description', 'Format', 'C:Brand', 'C:Colour']);
    expect(row).toEqual(['Draft', 'SKU-1', '', 'Plain listing', '10.00', '1', 'https://x/1.jpg|https://x/2.jpg', '1000', 'A description.', 'FixedPrice', 'Brand', 'Red']);
    catalog.close();
  });

  it('Amazon: API-name header row, update_delete, SKU required', async () => {
    const catalog = catalogWith([newListing({ marketplace: 'amazon', tags: ['a b', 'c'] }), newListing({ sku: null, title: 'No SKU' })]);
    const { text, summary } = await exportText(catalog, 'amazon_flat_file');
    expect(summary).toMatchObject({ rows: 1, skipped: 1 });
    const [header, row] = table(text);
    expect(header).toEqual(['item_sku', 'item_name', 'brand_name', 'product_description', 'standard_price', 'currency', 'quantity', 'main_image_url', 'generic_keywords', 'update_delete']);
    expect(row).toEqual(['SKU-1', 'Plain listing', 'Brand', 'A description.', '10.00', 'USD', '1', 'https://picsum.photos/seed/1/600', 'a b c', 'PartialUpdate']);
    catalog.close();
  });

  it('WooCommerce: variable product with variation rows pointing at the parent SKU', async () => {
    const catalog = catalogWith([
      newListing({
        variants: [
          { sku: 'V-1', options: [{ name: 'Size', value: 'S' }], priceMinor: null, quantity: 2, image: null },
          { sku: 'V-2', options: [{ name: 'Size', value: 'L' }], priceMinor: 1500, quantity: 4, image: null },
        ],
      }),
    ]);
    const [header, ...rows] = table((await exportText(catalog, 'woocommerce')).text);
    const at = (row: string[], name: string): string => row[header!.indexOf(name)]!;
    expect(rows.map((row) => at(row, 'Type'))).toEqual(['variable', 'variation', 'variation']);
    expect(rows.map((row) => at(row, 'Parent'))).toEqual(['', 'SKU-1', 'SKU-1']);
    expect(at(rows[0]!, 'Attribute 1 value(s)')).toBe('S, L');
    expect(rows.map((row) => at(row, 'Regular price'))).toEqual(['', '10.00', '15.00']);
    expect(at(rows[0]!, 'ID')).toBe('');
    catalog.close();
  });

  it('Google: TSV with "12.00 USD" prices, long description cut at a word boundary and listed', async () => {
    const catalog = catalogWith([newListing({ marketplace: 'google', sourceId: 'G1', description: 'word '.repeat(1_200), condition: 'Used - good' })]);
    const preview = await previewExport(catalog, { format: 'google_merchant', scope: { kind: 'all' } });
    expect(preview.changed.some((c) => c.column === 'description' && /word boundary/.test(c.message))).toBe(true);
    const { text } = await exportText(catalog, 'google_merchant');
    const [header, row] = text.trimEnd().split('\n').map((line) => line.split('\t'));
    expect(header).toEqual(['id', 'title', 'description', 'image_link', 'availability', 'price', 'condition', 'brand', 'product_type']);
    expect(row![0]).toBe('G1');
    expect(row![5]).toBe('10.00 USD');
    expect(row![6]).toBe('used');
    expect(row![2]!.length).toBeLessThanOrEqual(5_000);
    expect(row![2]!.endsWith('word')).toBe(true);
    catalog.close();
  });

  it('JSONL: one listing per line, no BOM', async () => {
    const catalog = catalogWith([newListing(), newListing({ sku: 'S-2' })]);
    const { raw, text } = await exportText(catalog, 'jsonl');
    expect(raw[0]).toBe('{'.charCodeAt(0));
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { sku: string });
    expect(lines.map((l) => l.sku)).toEqual(['SKU-1', 'S-2']);
    catalog.close();
  });

  it('scopes: ids and query (filter + search, grid semantics)', async () => {
    const catalog = catalogWith([newListing({ title: 'Silver ring' }), newListing({ sku: 'S-2', title: 'Gold ring', marketplace: 'ebay' }), newListing({ sku: 'S-3', title: 'Silver chain', status: 'draft' })]);
    const byQuery = await previewExport(catalog, { format: 'jsonl', scope: { kind: 'query', filter: { statuses: ['active'] }, search: 'silver' } });
    expect(byQuery.rows).toBe(1);
    const byIds = await previewExport(catalog, { format: 'jsonl', scope: { kind: 'ids', ids: [2, 3, 99] } });
    expect(byIds.rows).toBe(2);
    catalog.close();
  });

  it('cancel deletes the partial file', async () => {
    const catalog = catalogWith(Array.from({ length: 3_000 }, (_, i) => newListing({ sku: `S-${i}` })));
    const outPath = path.join(tempDir(), 'out.csv');
    const controller = new AbortController();
    const run = exportListings(catalog, {
      format: 'shopify',
      scope: { kind: 'all' },
      outPath,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'writing') controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
    expect(fs.existsSync(outPath)).toBe(false);
    catalog.close();
  });

  it('formats money by currency digits', () => {
    expect(formatMinor(1234, 'USD')).toBe('12.34');
    expect(formatMinor(5, 'EUR')).toBe('0.05');
    expect(formatMinor(1234, 'JPY')).toBe('1234');
  });
});
