import { describe, expect, it } from 'vitest';
import type { Listing } from '../../../common/listing.js';
import { previewExport } from '../../../core/export/export-listings.js';
import { listOrUnknown, valueOrUnknown } from '../../../core/export/known-value.js';
import { newListing } from '../catalog/temp-catalog.js';
import { catalogFromText, catalogWith, exportAll, reimport } from './export-helpers.js';

/**
 * docs/FIDELITY.md §4: a field is known-empty (written blank) or unknown (never imported: a blank
 * would erase the marketplace's value). A column is never left out for every listing because
 * some lack it; those listings get a file of their own.
 */

const asListing = (fields: Partial<Listing>): Listing => ({ ...newListing(), id: 1, variants: [], ...fields }) as Listing;

describe('valueOrUnknown: the one known-empty / unknown decision', () => {
  it('a value is written; a missing one is blank unless the file never had the field', () => {
    const imported = asListing({ source: { dialect: 'etsy', columns: {}, unknown: ['brand', 'tags'] } });
    expect(valueOrUnknown(imported, 'brand', 'Acme')).toBe('Acme');
    expect(valueOrUnknown(imported, 'brand', null)).toBeNull();
    expect(valueOrUnknown(imported, 'description', '')).toBe('');
    expect(listOrUnknown(imported, 'tags', [], ',')).toBeNull();
    expect(listOrUnknown(imported, 'tags', ['a', 'b'], ',')).toBe('a,b');
    // Made in Listsmith: every field is known.
    expect(valueOrUnknown(asListing({}), 'brand', null)).toBe('');
  });
});

describe('exports never drop a column for every listing because some lack it', () => {
  it('Etsy listings with photos and Amazon listings without: IMAGE1 stays for the Etsy ones', async () => {
    const etsy = Array.from({ length: 3 }, (_, i) => newListing({ sku: `E-${i}`, title: `Etsy mug ${i}`, images: [`https://x/e${i}.jpg`] }));
    // An Amazon All Listings report has no image column: its listings' images are unknown.
    const amazon = newListing({ marketplace: 'amazon', sku: 'A-1', title: 'Amazon mug', images: [], source: { dialect: 'amazon_all_listings', columns: {}, unknown: ['images'] } });
    const catalog = catalogWith([...etsy, amazon]);
    const { summary, files } = await exportAll(catalog, 'etsy');
    expect(summary.rows).toBe(4);
    expect(files).toHaveLength(2);
    const [main, without] = files;
    expect(main!.header).toContain('IMAGE1');
    expect(main!.rows.map((row) => main!.at(row, 'IMAGE1'))).toEqual(['https://x/e0.jpg', 'https://x/e1.jpg', 'https://x/e2.jpg']);
    expect(without!.name).toMatch(/-2-without-image1\.csv$/);
    expect(without!.header).not.toContain('IMAGE1');
    expect(without!.rows.map((row) => without!.at(row, 'TITLE'))).toEqual(['Amazon mug']);
    expect(summary.files[1]!.note).toMatch(/1 listing · without "IMAGE1".*erase it on Etsy/);
    catalog.close();
  });

  it('one Etsy listing without tags keeps TAGS for the others, blank for itself (the file had the column)', async () => {
    const header = 'TITLE,DESCRIPTION,PRICE,CURRENCY_CODE,QUANTITY,TAGS,MATERIALS,IMAGE1,SKU';
    const rows = Array.from({ length: 281 }, (_, i) => `Mug ${i},A mug.,10.00,USD,1,mug_gift,clay,https://x/${i}.jpg,M-${i}`);
    const catalog = await catalogFromText([header, ...rows, 'Bare mug,No tags here.,12.00,USD,2,,clay,https://x/bare.jpg,M-BARE'].join('\n'));
    const { files } = await exportAll(catalog, 'etsy');
    expect(files).toHaveLength(1);
    const [file] = files;
    const tags = file!.rows.map((row) => file!.at(row, 'TAGS'));
    expect(tags.filter((cell) => cell === 'mug_gift')).toHaveLength(281);
    expect(file!.at(file!.rows.find((row) => file!.at(row, 'TITLE') === 'Bare mug')!, 'TAGS')).toBe('');
    catalog.close();
  });

  it('one Shopify product without a description keeps every other description', async () => {
    const lines = ['Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Variant Inventory Qty,Status'];
    for (let i = 0; i < 15; i++) lines.push(`p-${i},Product ${i},<p>Text ${i}</p>,Acme,S-${i},9.00,3,active`);
    lines.push('p-bare,Bare product,,Acme,S-BARE,9.00,3,active');
    const catalog = await catalogFromText(lines.join('\n'));
    const { files } = await exportAll(catalog, 'shopify_legacy');
    expect(files).toHaveLength(1);
    const [file] = files;
    const descriptions = file!.rows.map((row) => file!.at(row, 'Body (HTML)'));
    expect(descriptions.filter((cell) => cell.startsWith('<p>Text'))).toHaveLength(15);
    expect(descriptions[15]).toBe('');
    catalog.close();
  });

  it('a WooCommerce file exported to Shopify keeps descriptions, prices, images, tags and variants', async () => {
    const csv = [
      'ID,Type,SKU,Name,Published,Description,Stock,Regular price,Categories,Tags,Images,Parent,Attribute 1 name,Attribute 1 value(s),Attribute 1 visible,Attribute 1 global',
      '10,simple,MUG-1,Stoneware mug,1,<p>Hand thrown.</p>,4,18.50,Kitchen,"mug, clay",https://x/mug.jpg,,,,,',
      '11,variable,TEE,Linen tee,1,<p>Soft linen.</p>,,,Clothing,linen,https://x/tee.jpg,,Size,"S, M",1,0',
      '12,variation,TEE-S,Linen tee - S,1,,2,30.00,,,,id:11,Size,S,,0',
      '13,variation,TEE-M,Linen tee - M,1,,5,32.00,,,,id:11,Size,M,,0',
      '14,simple,BARE,Plain card,1,,1,3.00,,,,,,,,',
    ].join('\n');
    const catalog = await catalogFromText(csv);
    const { summary } = await exportAll(catalog, 'shopify');
    expect(summary.skipped).toBe(0);
    const back = await reimport(summary);
    const byTitle = new Map(back.map((listing) => [listing.title, listing]));
    expect(byTitle.get('Stoneware mug')).toMatchObject({ description: '<p>Hand thrown.</p>', priceMinor: 1850, quantity: 4, tags: ['mug', 'clay'], images: ['https://x/mug.jpg'] });
    const tee = byTitle.get('Linen tee')!;
    expect(tee).toMatchObject({ description: '<p>Soft linen.</p>', tags: ['linen'], images: ['https://x/tee.jpg'] });
    expect(tee.variants.map((v) => [v.sku, v.options, v.priceMinor, v.quantity])).toEqual([
      ['TEE-S', [{ name: 'Size', value: 'S' }], 3000, 2],
      ['TEE-M', [{ name: 'Size', value: 'M' }], 3200, 5],
    ]);
    expect(byTitle.get('Plain card')).toMatchObject({ description: '', priceMinor: 300 });
    catalog.close();
  });

  it('listings lacking several columns share a file only with listings lacking the same ones; the preview names the files and why', async () => {
    const withoutBrand = (n: number) => newListing({ marketplace: 'shopify', sourceId: `nb-${n}`, sku: `NB-${n}`, title: `No brand ${n}`, brand: null, source: { dialect: 'shopify', columns: {}, unknown: ['brand'] } });
    const withoutBrandAndTags = newListing({ marketplace: 'shopify', sourceId: 'nbt', sku: 'NBT', title: 'No brand, no tags', brand: null, tags: [], source: { dialect: 'shopify', columns: {}, unknown: ['brand', 'tags'] } });
    const catalog = catalogWith([newListing({ marketplace: 'shopify', sourceId: 'full', title: 'Full' }), withoutBrand(1), withoutBrand(2), withoutBrandAndTags]);
    const preview = await previewExport(catalog, { format: 'shopify', scope: { kind: 'all' } });
    expect(preview.files.map((file) => [file.fileName.replace(/\d{4}-\d\d-\d\d/, 'DAY'), file.rows])).toEqual([
      ['listsmith-shopify-DAY.csv', 1],
      ['listsmith-shopify-DAY-2-without-vendor.csv', 2],
      ['listsmith-shopify-DAY-3-without-vendor-tags.csv', 1],
    ]);
    expect(preview.changed[0]!.message).toMatch(/^3 files: the main file \(1 listing\); file 2 \(2 listings · without "Vendor"/);
    catalog.close();
  });

  it('a column no listing of the file holds does not split it (Etsy listings lacking a brand, exported to Etsy, which has none)', async () => {
    const unknownBrand = newListing({ title: 'Imported', brand: null, source: { dialect: 'etsy', columns: {}, unknown: ['brand'] } });
    const catalog = catalogWith([newListing({ title: 'Made here' }), unknownBrand]);
    const { files } = await exportAll(catalog, 'etsy');
    expect(files).toHaveLength(1);
    expect(files[0]!.rows).toHaveLength(2);
    catalog.close();
  });

  it("Amazon's PartialUpdate keeps what a blank would erase: listings from Amazon never split", async () => {
    const amazon = (n: number, unknown: ('brand' | 'description')[]) =>
      newListing({ marketplace: 'amazon', sku: `AMZ-${n}`, sourceId: `AMZ-${n}`, title: `Amazon ${n}`, brand: null, description: '', source: { dialect: 'amazon_all_listings', columns: {}, unknown } });
    const catalog = catalogWith([amazon(1, ['brand']), amazon(2, ['description']), amazon(3, [])]);
    const { files } = await exportAll(catalog, 'amazon_flat_file');
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file!.rows.map((row) => file!.at(row, 'update_delete'))).toEqual(['PartialUpdate', 'PartialUpdate', 'PartialUpdate']);
    expect(file!.rows.map((row) => [file!.at(row, 'brand_name'), file!.at(row, 'product_description')])).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
    catalog.close();
  });

  it('two listings with one SKU are not merged on upload: the later one is skipped and says which listing holds it', async () => {
    const catalog = catalogWith([newListing({ sku: '1', title: 'Spinel ring' }), newListing({ sku: '1', title: 'Citrine ring' }), newListing({ sku: '2', title: 'Garnet ring' })]);
    const { summary, files } = await exportAll(catalog, 'woocommerce');
    expect(files[0]!.rows.map((row) => files[0]!.at(row, 'Name'))).toEqual(['Spinel ring', 'Garnet ring']);
    expect(summary.skipped).toBe(1);
    expect(summary.problems.find((p) => p.line === 2)?.message).toMatch(/Its SKU "1" is also that of Listing #1 "Spinel ring"; WooCommerce would merge the two/);
    catalog.close();
  });
});
