import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { prepareListingBatchWriter } from '../../../core/catalog/insert-listings.js';
import { previewImport, TITLE_COUNT_FILE_BYTES } from '../../../core/import/preview-import.js';
import { titleLookup } from '../../../core/import/title-matches.js';
import { newListing, tempDbPath } from '../catalog/temp-catalog.js';
import { corpusFiles, corpusPath, fixture } from './helpers.js';

/**
 * The preview the wizard and the CLI decide from: what every column of every format is read as
 * (and the seller's changes to it), and for a file without ids or SKUs how many of its listings
 * share their exact title with one stored listing.
 */

const preview = (path: string, options: Partial<Parameters<typeof previewImport>[1]> = {}) =>
  previewImport(path, { fileId: 'f', fileName: path.split('/').pop()!, sizeBytes: statSync(path).size, ...options });

const column = (p: Awaited<ReturnType<typeof preview>>, header: string) => p.columns.find((c) => c.header === header);

function catalogWith(...titles: [marketplace: 'etsy' | 'other', title: string, description?: string][]): Catalog {
  const catalog = openCatalog(tempDbPath(), { role: 'writer' });
  prepareListingBatchWriter(catalog.db).insertBatch(titles.map(([marketplace, title, description], i) => newListing({ marketplace, title, sku: `STORED-${i}`, ...(description ? { description } : {}) })));
  return catalog;
}

describe.skipIf(corpusFiles().length === 0)('what each column is read as, for every format', () => {
  it('Amazon flat file: the reader’s columns, then the rest kept as written', async () => {
    const p = await preview(corpusPath('amazon_uk_flatfile_jewelry_apiheader-only_utf8bom__pmrgraphics.csv'));
    expect(p.dialect).toBe('amazon_flat_file');
    expect(column(p, 'item_sku')).toMatchObject({ mappedTo: 'sku', chosen: false });
    expect(column(p, 'item_name')?.mappedTo).toBe('title');
    expect(column(p, 'standard_price')?.mappedTo).toBe('price');
    expect(column(p, 'other_image_url1')?.mappedTo).toBe('images');
    expect(p.mappableFields).toContain('title');
    expect(p.mappableFields).not.toContain('optionName1');
  });

  it('Shopify 2024/25 headers: URL handle is the marketplace id; metafield columns show as their attribute', async () => {
    const p = await preview(corpusPath('shopify_products_2025_newheaders__stoa.csv'));
    expect(column(p, 'URL handle')?.mappedTo).toBe('sourceId');
    expect(column(p, 'Title')?.mappedTo).toBe('title');
    expect(column(p, 'Price')?.mappedTo).toBe('price');
    expect(column(p, 'Product image URL')?.mappedTo).toBe('images');
    expect(column(p, 'Color (product.metafields.shopify.color-pattern)')?.mappedTo).toBe('attribute:Color');
  });

  it('a seller’s change shows as chosen, and the column it displaced as not read', async () => {
    const path = corpusPath('shopify_products_2025_newheaders__stoa.csv');
    const plain = await preview(path);
    const vendor = column(plain, 'Vendor')!;
    const p = await preview(path, { dialect: 'shopify', mapping: { [String(vendor.index)]: 'title' } });
    expect(column(p, 'Vendor')).toMatchObject({ mappedTo: 'title', chosen: true });
    expect(column(p, 'Title')).toMatchObject({ mappedTo: 'ignore', chosen: false });
    expect(p.listings[0]?.title).toBe(vendor.samples[0]);
    expect(p.listings[0]?.title).not.toBe(plain.listings[0]?.title);
  });

  it('WooCommerce from a French admin: the translated headers show what they are read as, and can be remapped', async () => {
    const path = corpusPath('woocommerce_product-export_FRENCH_hand-edited__MisterMarveil.csv');
    const p = await preview(path);
    expect(p.dialect).toBe('woocommerce');
    expect(column(p, 'Nom')?.mappedTo).toBe('title');
    expect(column(p, 'UGS')?.mappedTo).toBe('sku');
    const description = column(p, 'Description')!;
    const remapped = await preview(path, { dialect: 'woocommerce', mapping: { [String(description.index)]: 'title' } });
    expect(column(remapped, 'Description')).toMatchObject({ mappedTo: 'title', chosen: true });
    expect(column(remapped, 'Nom')?.mappedTo).toBe('ignore');
  });

  it('Other CSV: the guess, with the seller’s columns laid over it', async () => {
    const path = corpusPath('dataset_myntra_products_catalog__KrishnakantDas.csv');
    const guessed = await preview(path);
    expect(guessed.dialect).toBe('generic_csv');
    expect(column(guessed, 'Product_Name')?.mappedTo).toBe('title');
    const p = await preview(path, { dialect: 'generic_csv', mapping: { [String(column(guessed, 'Product_Brand')!.index)]: 'ignore' } });
    expect(column(p, 'Product_Brand')).toMatchObject({ mappedTo: 'ignore', chosen: true });
    expect(column(p, 'Product_Name')).toMatchObject({ mappedTo: 'title', chosen: false });
    expect(p.listings[0]?.title).not.toBe('');
  });
});

describe('a sheet whose columns Listsmith does not recognise', () => {
  it('previews anyway, says which column to map, and rejects nothing silently', async () => {
    const path = fixture('Produkt,Preis\nLampe,12\n');
    const p = await preview(path);
    expect(p.dialect).toBe('generic_csv');
    expect(p.listings).toEqual([]);
    expect(p.problems[0]?.message).toMatch(/No column is read as the title.*--map.*wizard/);
    const mapped = await preview(path, { mapping: { '0': 'title', '1': 'price' } });
    expect(mapped.listings[0]).toMatchObject({ title: 'Lampe', priceMinor: 1200 });
  });
});

describe('title matches for a file without ids or SKUs', () => {
  const KEYLESS = 'name,price\nBlue mug,12\nRed mug,14\nGreen mug,9\nBlue mug,12\n';

  it('counts the listings that would update a stored listing, as the import matches them (title-matches.ts)', async () => {
    const catalog = catalogWith(['other', 'Blue mug'], ['other', 'Red mug', 'A4'], ['other', 'Red mug', 'A3'], ['other', 'GREEN MUG'], ['etsy', 'Green mug']);
    const p = await preview(fixture(KEYLESS), { titleMatches: titleLookup(catalog.db) });
    // The first Blue mug takes the one stored Blue mug and the second is a new listing; the two
    // stored Red mugs differ and the row says nothing that picks one; Green mug differs in case or marketplace.
    expect(p.titleMatch).toEqual({ matching: 1, checked: 4, scope: 'file' });
    expect(p.matchBy).toBe('key');
    expect(p.listings.every((l) => !l.matchedByTitle)).toBe(true);
    const byTitle = await preview(fixture(KEYLESS), { titleMatches: titleLookup(catalog.db), matchBy: 'title' });
    expect(byTitle.listings.map((l) => l.matchedByTitle)).toEqual([true, false, false, false]);
    // Two stored copies nothing tells apart pair with the file's two rows.
    const copies = catalogWith(['other', 'Blue mug'], ['other', 'Blue mug']);
    expect((await preview(fixture(KEYLESS), { titleMatches: titleLookup(copies.db), matchBy: 'title' })).listings.map((l) => l.matchedByTitle)).toEqual([true, false, false, true]);
    copies.close();
    catalog.close();
  });

  it('counts the whole file when it is small, the previewed listings when it is not', async () => {
    const catalog = catalogWith(['other', 'Item 25']);
    const rows = Array.from({ length: 30 }, (_, i) => `Item ${i},${i}`).join('\n');
    const path = fixture(`name,price\n${rows}\n`);
    expect((await preview(path, { titleMatches: titleLookup(catalog.db) })).titleMatch).toEqual({ matching: 1, checked: 30, scope: 'file' });
    const large = await preview(path, { titleMatches: titleLookup(catalog.db), sizeBytes: TITLE_COUNT_FILE_BYTES + 1 });
    expect(large.titleMatch).toEqual({ matching: 0, checked: 20, scope: 'preview' });
    catalog.close();
  });

  it('says nothing when the file has ids or SKUs (they match by key)', async () => {
    const catalog = catalogWith(['other', 'Blue mug']);
    const p = await preview(fixture('name,sku,price\nBlue mug,B-1,12\n'), { titleMatches: titleLookup(catalog.db) });
    expect(p.titleMatch).toBeNull();
    catalog.close();
  });
});
