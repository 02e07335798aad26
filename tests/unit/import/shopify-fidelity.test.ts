import { describe, expect, it } from 'vitest';
import { Columns } from '../../../core/import/listing-draft.js';
import { withoutShopifyDigitGuard } from '../../../core/import/shopify-digit-guard.js';
import { collect, corpusFiles, corpusPath, fixture, importText } from './helpers.js';
import { importTwice } from './import-twice.js';
import { readColumns, unkeptCells } from './kept-cells.js';
import { lostCells } from './no-cell-lost.js';

/**
 * The Shopify reader keeps everything a products CSV holds (docs/FIDELITY.md): every column it
 * does not read comes back exactly as written with the listing, the variant or the image it
 * belongs to; oversold stock, a bad variant or an unreadable first row lose no product.
 */

/** The columns the Shopify reader reads into listing and variant fields. */
const READ = readColumns('Handle', 'URL handle', 'Title', 'Body (HTML)', 'Description', 'Vendor', 'Product Category', 'Product category', 'Standardized Product Type', 'Custom Product Type', 'Type', 'Tags', 'Published', 'Published on online store', 'Status', /^option\d (name|value)$/, 'Variant SKU', 'SKU', 'Variant Inventory Qty', 'Inventory quantity', 'Variant Price', 'Price', 'Image Src', 'Product image URL', 'Image Position', 'Variant Image', 'Variant image URL');

/** What the value-level check may not find, and why: Shopify's "no options" placeholder and image order. */
function structural(column: string, value: string): boolean {
  const key = Columns.key(column);
  if (/^option\d name$/.test(key)) return value === 'Title';
  if (/^option\d value$/.test(key)) return value === 'Default Title';
  // Published (`TRUE`, or `true` as some exports write it) is read into the status.
  if (key === 'published') return /^(true|false)$/i.test(value.trim());
  return key === 'image position' && /^\d+$/.test(value.trim());
}

const HEAD = 'Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Grams,Variant Inventory Qty,Variant Inventory Policy,Variant Price,Variant Compare At Price,Variant Barcode,Image Src,Image Position,Image Alt Text,Cost per item,Included / Brazil,Price / Brazil,Status';

const files = corpusFiles().filter((name) => name.startsWith('shopify_'));

describe('Shopify: nothing of a real export is lost', () => {
  it.each(files)('%s', async (file) => {
    const path = corpusPath(file);
    const { records, listings, source } = await collect(path);
    expect(source.dialect).toBe('shopify');
    expect(await unkeptCells(path, records, READ)).toEqual([]);
    // Shopify's spreadsheet apostrophe before an all-digit SKU ('0112) is not part of it: the SKU is held without it.
    const skus = new Set(listings.flatMap((listing) => [listing.sku, ...listing.variants.map((variant) => variant.sku)]));
    const guarded = (cell: { column: string; value: string }): boolean => /^(variant )?sku$/.test(Columns.key(cell.column)) && /^'\d+$/.test(cell.value) && skus.has(withoutShopifyDigitGuard(cell.value));
    expect((await lostCells(path, records)).filter((cell) => !structural(cell.column, cell.value) && !guarded(cell))).toEqual([]);
    for (const listing of listings) {
      expect(listing.source?.layout).toMatch(/^(legacy|current)$/);
      expect(listing.source?.unknown).toEqual(expect.arrayContaining(['condition', 'materials']));
      // Compare-at prices and barcodes are the variant's own columns, not item attributes.
      expect(Object.keys(listing.attributes)).not.toContain('Compare-at price');
      expect(Object.keys(listing.attributes)).not.toContain('Barcode');
    }
  });
});

describe('Shopify: columns kept where they belong', () => {
  const file = [
    HEAD,
    'tee,Tee,<p>Soft</p>,Acme,Shirts,"a, b",TRUE,Size,S,T-S,200,2,deny,10.00,12.00,0001,https://i/1.jpg,1,Front view,4.00,TRUE,55.00,active',
    'tee,,,,,,,,M,T-M,210,3,continue,11.00,,0002,https://i/2.jpg,2,Back view,4.50,,57.00,',
    'tee,,,,,,,,,,,,,,,,https://i/3.jpg,3,Detail,,,,',
    'cap,Cap,,Acme,,,TRUE,Title,Default Title,C-1,80,5,deny,4.00,6.00,0003,,,,1.00,FALSE,20.00,active',
  ].join('\n');

  it('a variant keeps its own columns; an image its alt text; the product its market and published columns', async () => {
    const { listings } = await importText(file);
    const [tee, cap] = listings;
    expect(tee!.variants.map((v) => v.columns)).toEqual([
      { 'Variant Grams': '200', 'Variant Inventory Policy': 'deny', 'Variant Compare At Price': '12.00', 'Variant Barcode': '0001', 'Cost per item': '4.00', 'Price / Brazil': '55.00' },
      { 'Variant Grams': '210', 'Variant Inventory Policy': 'continue', 'Variant Barcode': '0002', 'Cost per item': '4.50', 'Price / Brazil': '57.00' },
    ]);
    expect(tee!.source!.imageColumns).toEqual({ 'https://i/1.jpg': { 'Image Alt Text': 'Front view' }, 'https://i/2.jpg': { 'Image Alt Text': 'Back view' }, 'https://i/3.jpg': { 'Image Alt Text': 'Detail' } });
    // Published beside a Status column is the online store's visibility: kept as written.
    expect(tee!.source!.columns).toEqual({ 'Included / Brazil': 'TRUE', Published: 'TRUE' });
    expect(tee!.attributes).toEqual({});
    // A single variant's columns are the product's.
    expect(cap).toMatchObject({ sku: 'C-1', priceMinor: 400, quantity: 5, variants: [] });
    expect(cap!.source!.columns).toEqual({ 'Variant Grams': '80', 'Variant Inventory Policy': 'deny', 'Variant Compare At Price': '6.00', 'Variant Barcode': '0003', 'Cost per item': '1.00', 'Included / Brazil': 'FALSE', 'Price / Brazil': '20.00', Published: 'TRUE' });
  });

  it('cells come back byte-identical (spaces and all)', async () => {
    const { listings } = await importText(`${HEAD}\nmug,Mug,,,,,TRUE,,,M1,  300 ,1,deny,5.00,,"00 12",,,,,,,active\n`);
    expect(listings[0]!.source!.columns).toMatchObject({ 'Variant Grams': '  300 ', 'Variant Barcode': '00 12' });
  });

  it('fields the file has no column for are unknown, not empty', async () => {
    const { listings } = await importText('Handle,Title,Variant Price\nmug,Mug,5.00\n');
    expect(listings[0]!.source!.unknown).toEqual(['brand', 'category', 'condition', 'description', 'images', 'materials', 'quantity', 'sku', 'tags']);
    const full = await importText(file);
    expect(full.listings[0]!.source!.unknown).toEqual(['condition', 'materials']);
  });

  it('a product with one variant that has real options keeps them', async () => {
    const { listings } = await importText(`${HEAD}\nwig,Wig,,,,,TRUE,Length,22 in,W-22,0,1,deny,750.00,,,,,,,,,active\n`);
    expect(listings[0]!.variants).toEqual([{ sku: 'W-22', options: [{ name: 'Length', value: '22 in' }], priceMinor: 75000, quantity: 1, image: null, columns: { 'Variant Grams': '0', 'Variant Inventory Policy': 'deny' } }]);
  });

  it('the header generation is kept: legacy (Handle, Body (HTML)) or current (URL handle, Description)', async () => {
    expect((await importText(file)).listings[0]!.source!.layout).toBe('legacy');
    const current = await importText('Title,URL handle,Description,SKU,Price,Inventory quantity,Compare-at price,Status\nMug,mug,<p>Mug</p>,M1,5.00,3,6.00,active\n');
    expect(current.listings[0]).toMatchObject({ sourceId: 'mug', sku: 'M1', priceMinor: 500, quantity: 3 });
    expect(current.listings[0]!.source).toMatchObject({ layout: 'current', columns: { 'Compare-at price': '6.00' } });
  });
});

describe('Shopify: oversold stock and bad variants lose no product', () => {
  it('negative stock is imported with a warning, even on a product\'s first row', async () => {
    const products = Array.from({ length: 40 }, (_, n) => [
      `p${n},Product ${n},,,,,TRUE,Size,S,P${n}-S,,${n % 3 === 0 ? -2 : 4},continue,9.00,,,,,,,,,active`,
      `p${n},,,,,,,,M,P${n}-M,,1,continue,9.00,,,,,,,,,`,
    ]).flat();
    const { listings, rejected } = await importText([HEAD, ...products].join('\n'));
    expect(rejected).toEqual([]);
    expect(listings).toHaveLength(40);
    expect(listings[0]!.variants.map((v) => v.quantity)).toEqual([-2, 1]);
    expect(listings[0]!.quantity).toBe(-1);
    expect(listings[0]!.warnings).toEqual([{ line: 2, column: 'Variant Inventory Qty', message: expect.stringContaining('Stock is negative (-2)') }]);
  });

  it('a bad price on the first row drops that variant only: the product is imported and the error names the row', async () => {
    const { records, listings, rejected } = await importText(
      [HEAD, 'tee,Tee,,,,,TRUE,Size,S,T-S,,2,deny,ten,,,https://i/1.jpg,1,,,,,active', 'tee,,,,,,,,M,T-M,,3,deny,11.00,,,,,,,,,', 'tee,,,,,,,,L,T-L,,3,deny,12.00,,,,,,,,,'].join('\n'),
    );
    expect(rejected).toEqual([]);
    expect(listings[0]).toMatchObject({ title: 'Tee', lines: [2, 3, 4], images: ['https://i/1.jpg'] });
    expect(listings[0]!.variants.map((v) => v.sku)).toEqual(['T-M', 'T-L']);
    const record = records[0]!;
    expect(record.kind === 'listing' && record.errors).toEqual([{ line: 2, column: 'Variant Price', message: expect.stringMatching(/^Price "ten" is not a number.*This variant was not imported; the rest of the product was\.$/) }]);
  });

  it('a bad variant on a later row is a rejected row of its own, with its own reason', async () => {
    const { listings, rejected } = await importText(
      [HEAD, 'tee,Tee,,,,,TRUE,Size,S,T-S,,2,deny,10.00,,,,,,,,,active', 'tee,,,,,,,,M,T-M,,3,deny,-11.00,,,,,,,,,', 'tee,,,,,,,,L,T-L,,3,deny,12.00,,,,,,,,,'].join('\n'),
    );
    expect(listings[0]).toMatchObject({ title: 'Tee', lines: [2, 4] });
    expect(listings[0]!.variants.map((v) => v.sku)).toEqual(['T-S', 'T-L']);
    expect(rejected).toEqual([{ lines: [3], line: 3, column: 'Variant Price', message: expect.stringContaining('Price is negative (-11.00)') }]);
    expect(JSON.stringify(rejected)).not.toContain('title is missing');
  });

  it('when a product\'s first row cannot be read, its other rows say so instead of "the title is missing"', async () => {
    const huge = 'x'.repeat(1024 * 1024 + 10);
    const { listings, rejected } = await importText(
      [HEAD, `tee,Tee,"${huge}",,,,TRUE,Size,S,T-S,,2,deny,10.00,,,,,,,,,active`, 'tee,,,,,,,,M,T-M,,3,deny,11.00,,,,,,,,,', 'tee,,,,,,,,L,T-L,,3,deny,12.00,,,,,,,,,', 'cap,Cap,,,,,TRUE,,,C1,,1,deny,4.00,,,,,,,,,active'].join('\n'),
    );
    expect(listings.map((l) => l.title)).toEqual(['Cap']);
    expect(rejected.map((r) => [r.line, r.message])).toEqual([
      [2, expect.stringContaining('more than 1 MB')],
      [3, expect.stringMatching(/^This row continues the product "tee", whose first row \(line 2\) could not be read: A cell holds more than 1 MB/)],
      [4, expect.stringMatching(/^This row continues the product "tee", whose first row \(line 2\)/)],
    ]);
  });
});

describe('Shopify: a product whose rows are not together', () => {
  // A real German store's file lists a product's first rows, other products, then more of its variants.
  const file = [
    HEAD,
    'soup,Soup,<p>Hot</p>,Acme,Food,,TRUE,Size,S,SOUP-S,,5,deny,1.00,,,,,,,,,active',
    'soup,,,,,,,,M,SOUP-M,,5,deny,1.50,,,,,,,,,',
    'tea,Tea,,Acme,Food,,TRUE,Size,Box,TEA-1,,2,deny,3.00,,,,,,,,,active',
    'soup,,,,,,,,L,SOUP-L,,7,deny,2.00,,,,,,,,,',
    'cake,Cake,,Acme,Food,,TRUE,,,CAKE,,1,deny,4.00,,,,,,,,,active',
    'soup,,,,,,,,XL,SOUP-XL,,1,deny,2.50,,,,,,,,,',
  ].join('\n');

  it('is one product with every variant, and the report says where its rows continue', async () => {
    const { listings, rejected } = await importText(file);
    expect(rejected).toEqual([]);
    expect(listings.map((l) => [l.title, l.lines])).toEqual([
      ['Tea', [4]],
      ['Cake', [6]],
      ['Soup', [2, 3, 5, 7]],
    ]);
    const soup = listings[2]!;
    expect(soup.variants.map((v) => [v.sku, v.priceMinor, v.quantity])).toEqual([
      ['SOUP-S', 100, 5],
      ['SOUP-M', 150, 5],
      ['SOUP-L', 200, 7],
      ['SOUP-XL', 250, 1],
    ]);
    expect(soup.warnings.map((w) => w.message)).toContain('The rows of "soup" are not together in the file: more of them start on lines 5, 7. They were read as one product: a handle names one product.');
  });

  it('the handle\'s product row again, with its title, is a listing of its own after the first (the import merges them)', async () => {
    const { listings } = await importText(
      [HEAD, 'mug,Mug,,Acme,,,TRUE,Size,S,MUG-S,,5,deny,1.00,,,,,,,,,active', 'mug,,,,,,,,M,MUG-M,,5,deny,1.00,,,,,,,,,', 'bowl,Bowl,,Acme,,,TRUE,,,BOWL,,2,deny,3.00,,,,,,,,,active', 'mug,Mug,<p>Again</p>,Acme,,,TRUE,Size,L,MUG-L,,1,deny,2.00,,,,,,,,,active'].join('\n'),
    );
    // The first mug was held open for more rows; it comes out before the second, which the import merges into it.
    expect(listings.map((l) => [l.title, l.lines])).toEqual([
      ['Bowl', [4]],
      ['Mug', [2, 3]],
      ['Mug', [5]],
    ]);
  });

  it('imported twice, the second import finds every product unchanged', async () => {
    const [first, again] = await importTwice(fixture(file));
    expect(first.rows).toMatchObject({ new: 3, partOf: 3, rejected: 0 });
    expect(again.rows).toMatchObject({ unchanged: 3, updated: 0, rejected: 0 });
  });
});

describe('Shopify: statuses', () => {
  const statusFile = (status: string, published = 'TRUE'): string => `Handle,Title,Published,Variant Price,Status\nmug,Mug,${published},5.00,${status}\n`;

  it('unlisted is inactive (not active), and the word goes back to Shopify', async () => {
    const { listings } = await importText(statusFile('unlisted'));
    expect(listings[0]!.status).toBe('inactive');
    expect(listings[0]!.source!.status).toBe('unlisted');
  });

  it('active, draft and archived need no kept word; an unknown word is kept and warned', async () => {
    for (const [word, status] of [['active', 'active'], ['draft', 'draft'], ['archived', 'archived']] as const) {
      const { listings } = await importText(statusFile(word));
      expect(listings[0]!.status).toBe(status);
      expect(listings[0]!.source!.status).toBeUndefined();
    }
    const odd = await importText(statusFile('scheduled', 'FALSE'));
    expect(odd.listings[0]).toMatchObject({ status: 'draft', source: { status: 'scheduled' } });
    expect(odd.listings[0]!.warnings[0]!.message).toMatch(/Status "scheduled" is not one Listsmith knows/);
  });

  it('without a Status column, Published decides (TRUE active, FALSE draft) and is not kept twice', async () => {
    const { listings } = await importText('Handle,Title,Published,Variant Price\na,A,TRUE,1\nb,B,FALSE,1\n');
    expect(listings.map((l) => l.status)).toEqual(['active', 'draft']);
    expect(listings.map((l) => l.source?.columns['Published'])).toEqual([undefined, undefined]);
  });
});
